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
 * @param progress the progress listener
 */
public record AutoOptions(int maxRounds, long seed, int holdout, Map<String, double[]> expectedRoi,
        List<Estimator> estimators, int bayesWarmup, int bayesDraws, int bayesChains, AutoProgress progress) {

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
        Objects.requireNonNull(progress, "progress");
    }

    /** @return four rounds, seed 42, automatic holdout, ridge and NNLS, no expected ranges, no progress */
    public static AutoOptions defaults() {
        return new AutoOptions(4, 42, 0, Map.of(), List.of(Estimators.ridge(), Estimators.nnls()), 500, 500, 4,
                AutoProgress.NONE);
    }

    /**
     * @param newSeed the master seed
     * @return a copy with that seed
     */
    public AutoOptions withSeed(long newSeed) {
        return new AutoOptions(maxRounds, newSeed, holdout, expectedRoi, estimators, bayesWarmup, bayesDraws,
                bayesChains, progress);
    }

    /**
     * @param rounds the round limit
     * @return a copy with that limit
     */
    public AutoOptions withMaxRounds(int rounds) {
        return new AutoOptions(rounds, seed, holdout, expectedRoi, estimators, bayesWarmup, bayesDraws, bayesChains,
                progress);
    }

    /**
     * @param periods the holdout, 0 for automatic
     * @return a copy with that holdout
     */
    public AutoOptions withHoldout(int periods) {
        return new AutoOptions(maxRounds, seed, periods, expectedRoi, estimators, bayesWarmup, bayesDraws,
                bayesChains, progress);
    }

    /**
     * @param ranges plausible ROI ranges per channel
     * @return a copy with those ranges
     */
    public AutoOptions withExpectedRoi(Map<String, double[]> ranges) {
        return new AutoOptions(maxRounds, seed, holdout, ranges, estimators, bayesWarmup, bayesDraws, bayesChains,
                progress);
    }

    /**
     * @param list the estimators
     * @return a copy with those estimators
     */
    public AutoOptions withEstimators(List<Estimator> list) {
        return new AutoOptions(maxRounds, seed, holdout, expectedRoi, list, bayesWarmup, bayesDraws, bayesChains,
                progress);
    }

    /**
     * @param warmup initial warmup per chain
     * @param draws initial draws per chain
     * @param chains chains
     * @return a copy with that sampler budget
     */
    public AutoOptions withBayesBudget(int warmup, int draws, int chains) {
        return new AutoOptions(maxRounds, seed, holdout, expectedRoi, estimators, warmup, draws, chains, progress);
    }

    /**
     * @param listener the progress listener
     * @return a copy with that listener
     */
    public AutoOptions withProgress(AutoProgress listener) {
        return new AutoOptions(maxRounds, seed, holdout, expectedRoi, estimators, bayesWarmup, bayesDraws,
                bayesChains, listener);
    }
}
