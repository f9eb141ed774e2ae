package io.github.mmm4j.auto;

import io.github.mmm4j.core.Checks;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options of {@link AutoAnalysis}.
 *
 * @param maxRounds the round limit, at least 1 (default 4)
 * @param seed the master seed; every round and estimator derives its own from it
 * @param holdout final periods held out for testing; 0 for automatic: 10% of the periods, between 4 and 26
 * @param expectedRoi the user's plausible ROI range {@code {lo, hi}} per channel, for the critic; may be empty
 * @param estimators the estimators fitted every round, at least one
 * @param bayesWarmup initial warmup iterations per chain of a Bayesian estimator
 * @param bayesDraws initial draws per chain of a Bayesian estimator
 * @param bayesChains chains of a Bayesian estimator
 * @param searchIterations iterations per trial of the hyperparameter search that gives the fixed-transform
 *     estimators (ridge, NNLS) their transforms, in {@value #SEARCH_TRIALS} trials; 0 for no search (the
 *     structure's own parameters are used)
 * @param progress the progress listener
 */
public record AutoOptions(int maxRounds, long seed, int holdout, Map<String, double[]> expectedRoi,
        List<Estimator> estimators, int bayesWarmup, int bayesDraws, int bayesChains, int searchIterations,
        AutoProgress progress) {

    /** Trials of the hyperparameter search (each a CMA-ES run, in parallel). */
    public static final int SEARCH_TRIALS = 2;

    /** Validates and copies. */
    public AutoOptions {
        Checks.checkPositive("maxRounds", maxRounds);
        Checks.checkNonNegative("holdout", holdout);
        expectedRoi = Map.copyOf(expectedRoi);
        for (Map.Entry<String, double[]> e : expectedRoi.entrySet()) {
            double[] r = e.getValue();
            Checks.checkArgument(r.length == 2 && r[0] <= r[1], "expectedRoi of '%s' must be {lo, hi} with lo <= hi",
                    e.getKey());
        }
        estimators = List.copyOf(estimators);
        Checks.checkArgument(!estimators.isEmpty(), "no estimators");
        Checks.checkPositive("bayesWarmup", bayesWarmup);
        Checks.checkPositive("bayesDraws", bayesDraws);
        Checks.checkPositive("bayesChains", bayesChains);
        Checks.checkNonNegative("searchIterations", searchIterations);
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * @return four rounds, seed 42, automatic holdout, the three estimators (ridge, NNLS, Bayesian with 4 chains
     *     of 400 warmup and 400 draws: 1,600 draws, enough for the 5% and 95% quantiles; the tuner asks for more
     *     when R-hat says so), a search of 2 x 1,000 iterations, no expected ranges, no progress
     */
    public static AutoOptions defaults() {
        return new AutoOptions(4, 42, 0, Map.of(), List.of(Estimators.ridge(), Estimators.nnls(), Estimators.bayes()),
                400, 400, 4, 1000, AutoProgress.NONE);
    }

    /**
     * @param iterations iterations per search trial, 0 for no search
     * @return a copy with that search budget
     */
    public AutoOptions withSearchIterations(int iterations) {
        return new AutoOptions(maxRounds, seed, holdout, expectedRoi, estimators, bayesWarmup, bayesDraws,
                bayesChains, iterations, progress);
    }

    /**
     * @param newSeed the master seed
     * @return a copy with that seed
     */
    public AutoOptions withSeed(long newSeed) {
        return new AutoOptions(maxRounds, newSeed, holdout, expectedRoi, estimators, bayesWarmup, bayesDraws,
                bayesChains, searchIterations, progress);
    }

    /**
     * @param rounds the round limit
     * @return a copy with that limit
     */
    public AutoOptions withMaxRounds(int rounds) {
        return new AutoOptions(rounds, seed, holdout, expectedRoi, estimators, bayesWarmup, bayesDraws, bayesChains,
                searchIterations, progress);
    }

    /**
     * @param periods the holdout, 0 for automatic
     * @return a copy with that holdout
     */
    public AutoOptions withHoldout(int periods) {
        return new AutoOptions(maxRounds, seed, periods, expectedRoi, estimators, bayesWarmup, bayesDraws,
                bayesChains, searchIterations, progress);
    }

    /**
     * @param ranges plausible ROI ranges per channel
     * @return a copy with those ranges
     */
    public AutoOptions withExpectedRoi(Map<String, double[]> ranges) {
        return new AutoOptions(maxRounds, seed, holdout, ranges, estimators, bayesWarmup, bayesDraws, bayesChains,
                searchIterations, progress);
    }

    /**
     * @param list the estimators
     * @return a copy with those estimators
     */
    public AutoOptions withEstimators(List<Estimator> list) {
        return new AutoOptions(maxRounds, seed, holdout, expectedRoi, list, bayesWarmup, bayesDraws, bayesChains,
                searchIterations, progress);
    }

    /**
     * @param warmup initial warmup per chain
     * @param draws initial draws per chain
     * @param chains chains
     * @return a copy with that sampler budget
     */
    public AutoOptions withBayesBudget(int warmup, int draws, int chains) {
        return new AutoOptions(maxRounds, seed, holdout, expectedRoi, estimators, warmup, draws, chains,
                searchIterations, progress);
    }

    /**
     * @param listener the progress listener
     * @return a copy with that listener
     */
    public AutoOptions withProgress(AutoProgress listener) {
        return new AutoOptions(maxRounds, seed, holdout, expectedRoi, estimators, bayesWarmup, bayesDraws,
                bayesChains, searchIterations, listener);
    }
}
