package io.github.mmm4j.models.search;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.models.linear.Sign;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Options of a {@link HyperparameterSearch}.
 *
 * @param iterationsPerTrial candidate evaluations per trial (Robyn's {@code iterations}, default 2000)
 * @param trials independent optimiser runs, each on its own scalarisation of the objectives (Robyn's
 *     {@code trials}, default 5)
 * @param seed the random seed; the same seed gives the same result bit for bit for any {@code parallelism}
 * @param parallelism threads running trials, 0 for one per available processor (never more than {@code trials});
 *     the result does not depend on it
 * @param holdout final periods excluded from estimation (the objectives are computed on the training rows)
 * @param nonNegativeMedia whether every media coefficient (paid and organic) is constrained to be at least 0, as
 *     Robyn constrains media by default; solved exactly by non-negative least squares on the penalised Gram
 *     matrix (Lawson and Hanson 1974), so every candidate's media effects are non-negative
 * @param controlSigns sign constraints of control coefficients by control name; unnamed controls are free
 * @param space the search box; empty for {@link SearchSpace#defaults} of the spec
 * @param organicChannels channels without paid spend (Robyn's {@code organic_vars}): transformed and searched like
 *     media but left out of DECOMP.RSSD; every other channel is paid
 * @param liftExperiments lift-test results; when not empty MAPE.LIFT is a third objective
 * @param rssdZeroPenalty Robyn's {@code rssd_zero_penalty}: DECOMP.RSSD is multiplied by
 *     {@code 1 + (paid channels whose effect share rounds to 0 at 4 decimals) / (paid channels)}
 * @param progress the progress listener
 * @param cancellation the cancellation flag
 */
public record SearchOptions(int iterationsPerTrial, int trials, long seed, int parallelism, int holdout,
        boolean nonNegativeMedia, Map<String, Sign> controlSigns, Optional<SearchSpace> space,
        Set<String> organicChannels, List<LiftExperiment> liftExperiments, boolean rssdZeroPenalty,
        SearchProgress progress, SearchCancellation cancellation) {

    /** Robyn's default iterations per trial. */
    public static final int DEFAULT_ITERATIONS = 2000;
    /** Robyn's default number of trials. */
    public static final int DEFAULT_TRIALS = 5;

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a count is out of range
     */
    public SearchOptions {
        Checks.checkPositive("iterationsPerTrial", iterationsPerTrial);
        Checks.checkPositive("trials", trials);
        Checks.checkArgument((long) iterationsPerTrial * trials <= Integer.MAX_VALUE,
                "iterationsPerTrial * trials = %d; too large", (long) iterationsPerTrial * trials);
        Checks.checkNonNegative("parallelism", parallelism);
        Checks.checkNonNegative("holdout", holdout);
        controlSigns = Map.copyOf(controlSigns);
        Objects.requireNonNull(space, "space");
        organicChannels = Set.copyOf(organicChannels);
        liftExperiments = List.copyOf(liftExperiments);
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancellation, "cancellation");
    }

    /**
     * Robyn's defaults: 5 trials of 2000 evaluations, seed 0, automatic parallelism, no holdout, non-negative
     * media, free controls, the default space, no organic channels, no lift tests, the zero-effect penalty on, no
     * progress listener, a fresh cancellation flag.
     *
     * @return the defaults
     */
    public static SearchOptions defaults() {
        return new SearchOptions(DEFAULT_ITERATIONS, DEFAULT_TRIALS, 0, 0, 0, true, Map.of(), Optional.empty(),
                Set.of(), List.of(), true, SearchProgress.NONE, new SearchCancellation());
    }

    /**
     * @param iterations evaluations per trial, positive
     * @return a copy with that budget per trial
     */
    public SearchOptions withIterationsPerTrial(int iterations) {
        return new SearchOptions(iterations, trials, seed, parallelism, holdout, nonNegativeMedia, controlSigns,
                space, organicChannels, liftExperiments, rssdZeroPenalty, progress, cancellation);
    }

    /**
     * @param count trials, positive
     * @return a copy with that many trials
     */
    public SearchOptions withTrials(int count) {
        return new SearchOptions(iterationsPerTrial, count, seed, parallelism, holdout, nonNegativeMedia,
                controlSigns, space, organicChannels, liftExperiments, rssdZeroPenalty, progress, cancellation);
    }

    /**
     * @param newSeed the seed
     * @return a copy with that seed
     */
    public SearchOptions withSeed(long newSeed) {
        return new SearchOptions(iterationsPerTrial, trials, newSeed, parallelism, holdout, nonNegativeMedia,
                controlSigns, space, organicChannels, liftExperiments, rssdZeroPenalty, progress, cancellation);
    }

    /**
     * @param threads threads, 0 for automatic
     * @return a copy with that parallelism
     */
    public SearchOptions withParallelism(int threads) {
        return new SearchOptions(iterationsPerTrial, trials, seed, threads, holdout, nonNegativeMedia, controlSigns,
                space, organicChannels, liftExperiments, rssdZeroPenalty, progress, cancellation);
    }

    /**
     * @param periods final periods held out
     * @return a copy with that holdout
     */
    public SearchOptions withHoldout(int periods) {
        return new SearchOptions(iterationsPerTrial, trials, seed, parallelism, periods, nonNegativeMedia,
                controlSigns, space, organicChannels, liftExperiments, rssdZeroPenalty, progress, cancellation);
    }

    /**
     * @param nonNegative whether media coefficients are constrained to be at least 0
     * @return a copy with that constraint
     */
    public SearchOptions withNonNegativeMedia(boolean nonNegative) {
        return new SearchOptions(iterationsPerTrial, trials, seed, parallelism, holdout, nonNegative, controlSigns,
                space, organicChannels, liftExperiments, rssdZeroPenalty, progress, cancellation);
    }

    /**
     * @param signs sign constraints of controls by name
     * @return a copy with those constraints
     */
    public SearchOptions withControlSigns(Map<String, Sign> signs) {
        return new SearchOptions(iterationsPerTrial, trials, seed, parallelism, holdout, nonNegativeMedia, signs,
                space, organicChannels, liftExperiments, rssdZeroPenalty, progress, cancellation);
    }

    /**
     * @param newSpace the search box
     * @return a copy searching that box
     */
    public SearchOptions withSpace(SearchSpace newSpace) {
        return new SearchOptions(iterationsPerTrial, trials, seed, parallelism, holdout, nonNegativeMedia,
                controlSigns, Optional.of(newSpace), organicChannels, liftExperiments, rssdZeroPenalty, progress,
                cancellation);
    }

    /**
     * @param channels the organic (unpaid) channels
     * @return a copy with those organic channels
     */
    public SearchOptions withOrganicChannels(Set<String> channels) {
        return new SearchOptions(iterationsPerTrial, trials, seed, parallelism, holdout, nonNegativeMedia,
                controlSigns, space, channels, liftExperiments, rssdZeroPenalty, progress, cancellation);
    }

    /**
     * @param experiments lift-test results
     * @return a copy calibrating to those experiments
     */
    public SearchOptions withLiftExperiments(List<LiftExperiment> experiments) {
        return new SearchOptions(iterationsPerTrial, trials, seed, parallelism, holdout, nonNegativeMedia,
                controlSigns, space, organicChannels, experiments, rssdZeroPenalty, progress, cancellation);
    }

    /**
     * @param penalty whether to apply Robyn's zero-effect penalty to DECOMP.RSSD
     * @return a copy with that setting
     */
    public SearchOptions withRssdZeroPenalty(boolean penalty) {
        return new SearchOptions(iterationsPerTrial, trials, seed, parallelism, holdout, nonNegativeMedia,
                controlSigns, space, organicChannels, liftExperiments, penalty, progress, cancellation);
    }

    /**
     * @param listener the progress listener
     * @return a copy reporting to it
     */
    public SearchOptions withProgress(SearchProgress listener) {
        return new SearchOptions(iterationsPerTrial, trials, seed, parallelism, holdout, nonNegativeMedia,
                controlSigns, space, organicChannels, liftExperiments, rssdZeroPenalty, listener, cancellation);
    }

    /**
     * @param flag the cancellation flag
     * @return a copy watching it
     */
    public SearchOptions withCancellation(SearchCancellation flag) {
        return new SearchOptions(iterationsPerTrial, trials, seed, parallelism, holdout, nonNegativeMedia,
                controlSigns, space, organicChannels, liftExperiments, rssdZeroPenalty, progress, flag);
    }

    /** @return the settings that determine the result, as strings, for provenance */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("iterations_per_trial", Integer.toString(iterationsPerTrial));
        m.put("trials", Integer.toString(trials));
        m.put("holdout", Integer.toString(holdout));
        m.put("non_negative_media", Boolean.toString(nonNegativeMedia));
        m.put("control_signs", new TreeMap<>(controlSigns).toString());
        m.put("space", space.map(SearchSpace::toString).orElse("default"));
        m.put("organic_channels", new TreeSet<>(organicChannels).toString());
        m.put("lift_experiments", liftExperiments.toString());
        m.put("rssd_zero_penalty", Boolean.toString(rssdZeroPenalty));
        return m;
    }
}
