package io.github.mmm4j.models.search;

import io.github.mmm4j.models.Provenance;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link HyperparameterSearch}: the Pareto front of everything evaluated, the default choice from
 * it, and a record of the run. Immutable.
 *
 * <p>Two searches with the same data, spec and options (seed included) give equal results
 * ({@link #equals} compares everything but {@link #elapsedNanos()}), for any {@link SearchOptions#parallelism()}.
 */
public final class SearchResult {

    private final List<Candidate> front;
    private final int selectedIndex;
    private final SearchStatus status;
    private final long evaluations;
    private final long budget;
    private final List<TrialSummary> trials;
    private final double[] objectives;
    private final List<String> objectiveNames;
    private final Provenance provenance;
    private final long elapsedNanos;

    SearchResult(List<Candidate> front, int selectedIndex, SearchStatus status, long evaluations, long budget,
            List<TrialSummary> trials, double[] objectives, List<String> objectiveNames, Provenance provenance,
            long elapsedNanos) {
        this.front = List.copyOf(front);
        this.selectedIndex = selectedIndex;
        this.status = Objects.requireNonNull(status, "status");
        this.evaluations = evaluations;
        this.budget = budget;
        this.trials = List.copyOf(trials);
        this.objectives = objectives;
        this.objectiveNames = List.copyOf(objectiveNames);
        this.provenance = provenance;
        this.elapsedNanos = elapsedNanos;
    }

    /**
     * The non-dominated candidates over every evaluation of every trial (see {@link Pareto#front}), in ascending
     * order of NRMSE, then DECOMP.RSSD (then MAPE.LIFT), then trial and evaluation. A point evaluated more than once
     * (same unit coordinates) appears once, at its first evaluation in trial order. Candidates with a non-finite
     * objective (DECOMP.RSSD is infinite when no paid channel has an effect) are never on the front.
     *
     * @return the front, unmodifiable; empty only if nothing finite was evaluated
     */
    public List<Candidate> front() {
        return front;
    }

    /**
     * The default model: the front member closest to the origin after scaling each objective to [0, 1] over the
     * front ({@link Pareto#select}).
     *
     * @return the chosen candidate
     * @throws IllegalStateException if the front is empty (nothing finite was evaluated before cancellation)
     */
    public Candidate selected() {
        if (front.isEmpty()) {
            throw new IllegalStateException("the search evaluated no candidate with finite objectives (status "
                    + status + ", " + evaluations + " evaluations)");
        }
        return front.get(selectedIndex);
    }

    /** @return the index of {@link #selected()} in {@link #front()}, or -1 if the front is empty */
    public int selectedIndex() {
        return front.isEmpty() ? -1 : selectedIndex;
    }

    /** @return {@link SearchStatus#COMPLETED}, or {@link SearchStatus#CANCELLED} if stopped early */
    public SearchStatus status() {
        return status;
    }

    /** @return candidates evaluated, over all trials */
    public long evaluations() {
        return evaluations;
    }

    /** @return the evaluation budget, {@code trials * iterationsPerTrial} */
    public long budget() {
        return budget;
    }

    /** @return one summary per trial, in trial order */
    public List<TrialSummary> trials() {
        return trials;
    }

    /** @return the objective names: {@code nrmse}, {@code decomp_rssd} and, with lift experiments, {@code mape_lift} */
    public List<String> objectiveNames() {
        return objectiveNames;
    }

    /**
     * The objectives of every evaluation (for plotting the cloud behind the front), trial by trial in evaluation
     * order, row-major: {@code objectives[i * m + k]}, {@code m = objectiveNames().size()}.
     *
     * @return a new array of length {@code evaluations() * m}
     */
    public double[] objectives() {
        return objectives.clone();
    }

    /** @return library and Java versions, seed and the options that determine the result */
    public Provenance provenance() {
        return provenance;
    }

    /** @return wall-clock time of the search in nanoseconds (not part of {@link #equals}) */
    public long elapsedNanos() {
        return elapsedNanos;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchResult r && front.equals(r.front) && selectedIndex == r.selectedIndex
                && status == r.status && evaluations == r.evaluations && budget == r.budget && trials.equals(r.trials)
                && java.util.Arrays.equals(objectives, r.objectives) && objectiveNames.equals(r.objectiveNames)
                && provenance.equals(r.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(front, selectedIndex, status, evaluations, trials);
    }

    @Override
    public String toString() {
        return "SearchResult[status=" + status + ", evaluations=" + evaluations + "/" + budget + ", front="
                + front.size() + " candidates, selected=" + (front.isEmpty() ? "none" : selected()) + "]";
    }
}
