package io.github.mmm4j.models.search;

/**
 * What one trial of a {@link HyperparameterSearch} did.
 *
 * @param trial the trial's index, {@code 0..trials-1}
 * @param weights (copied) the scalarisation weights of the objectives this trial's CMA-ES minimised
 * @param evaluations candidates it evaluated
 * @param restarts CMA-ES runs it started (a run that meets its own stopping criteria before the budget is spent is
 *     followed by a fresh one from a new random point)
 * @param cancelled whether it stopped because the search was cancelled
 */
public record TrialSummary(int trial, double[] weights, int evaluations, int restarts, boolean cancelled) {

    /** Copies the weights. */
    public TrialSummary {
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrialSummary t && trial == t.trial && java.util.Arrays.equals(weights, t.weights)
                && evaluations == t.evaluations && restarts == t.restarts && cancelled == t.cancelled;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(trial, java.util.Arrays.hashCode(weights), evaluations, restarts, cancelled);
    }

    @Override
    public String toString() {
        return "TrialSummary[trial=" + trial + ", weights=" + java.util.Arrays.toString(weights) + ", evaluations="
                + evaluations + ", restarts=" + restarts + ", cancelled=" + cancelled + "]";
    }
}
