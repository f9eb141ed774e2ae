package io.github.mmm4j.auto;

import io.github.mmm4j.core.Checks;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.github.mmm4j.models.Estimator;
import io.github.mmm4j.models.NonNegativeLeastSquares;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesianMmm;

/**
 * Options of {@link AutoAnalysis}.
 *
 * @param maxRounds the round limit, at least 1 (default 4)
 * @param seed the master seed; every round and estimator derives its own from it
 * @param holdout final periods held out for testing; 0 for automatic: 10% of the periods, between 4 and 26
 * @param expectedRoi the user's plausible ROI range {@code {lo, hi}} per channel, for the critic; may be empty
 * @param estimators the estimators fitted every round, at least one, with distinct names; each owns its settings
 *     (the analysis sets only the holdout, a seed per round and the progress listener)
 * @param searchIterations iterations per trial of the hyperparameter search that gives the fixed-transform
 *     estimators (ridge, NNLS) their transforms, in {@value #SEARCH_TRIALS} trials; 0 for no search (the
 *     structure's own parameters are used)
 * @param progress the progress listener
 * @param price the price control of the models' spec and its pooling, or null for none
 */
public record AutoOptions(int maxRounds, long seed, int holdout, Map<String, double[]> expectedRoi,
        List<Estimator> estimators, int searchIterations,
        AutoProgress progress, io.github.mmm4j.models.ModelSpec.Price price) {

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
        for (int i = 0; i < estimators.size(); i++) {
            for (int j = 0; j < i; j++) {
                Checks.checkArgument(!estimators.get(i).name().equals(estimators.get(j).name()),
                        "estimator '%s' appears twice", estimators.get(i).name());
            }
        }
        Checks.checkNonNegative("searchIterations", searchIterations);
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * The three independent estimators: ridge and NNLS with {@link RidgeOptions#defaults()} (200 bootstrap
     * replicates), and the Bayesian model with 4 chains of 400 warmup and 400 draws (1,600 draws, enough for the 5% and
     * 95% quantiles; its {@link Estimator#remedy} asks for more when R-hat says so) at target acceptance
     * {@value AutoAnalysis#DEFAULT_TARGET_ACCEPT}.
     *
     * @return ridge, NNLS and the Bayesian model
     */
    public static List<Estimator> defaultEstimators() {
        return List.of(new Ridge(RidgeOptions.defaults()), new NonNegativeLeastSquares(RidgeOptions.defaults()),
                new BayesianMmm(BayesOptions.defaults().withChains(4).withWarmup(400).withDraws(400)
                        .withTargetAccept(AutoAnalysis.DEFAULT_TARGET_ACCEPT)));
    }

    /**
     * @return four rounds, seed 42, automatic holdout, the three estimators (ridge, NNLS, Bayesian with 4 chains
     *     of 400 warmup and 400 draws: 1,600 draws, enough for the 5% and 95% quantiles; the tuner asks for more
     *     when R-hat says so), a search of 2 x 1,000 iterations, no expected ranges, no progress
     */
    public static AutoOptions defaults() {
        return new AutoOptions(4, 42, 0, Map.of(), defaultEstimators(), 1000, AutoProgress.NONE, null);
    }

    /**
     * @param iterations iterations per search trial, 0 for no search
     * @return a copy with that search budget
     */
    public AutoOptions withSearchIterations(int iterations) {
        return new AutoOptions(maxRounds, seed, holdout, expectedRoi, estimators, iterations, progress, price);
    }

    /**
     * @param newSeed the master seed
     * @return a copy with that seed
     */
    public AutoOptions withSeed(long newSeed) {
        return new AutoOptions(maxRounds, newSeed, holdout, expectedRoi, estimators, searchIterations, progress, price);
    }

    /**
     * @param rounds the round limit
     * @return a copy with that limit
     */
    public AutoOptions withMaxRounds(int rounds) {
        return new AutoOptions(rounds, seed, holdout, expectedRoi, estimators,
                searchIterations, progress, price);
    }

    /**
     * @param periods the holdout, 0 for automatic
     * @return a copy with that holdout
     */
    public AutoOptions withHoldout(int periods) {
        return new AutoOptions(maxRounds, seed, periods, expectedRoi, estimators, searchIterations, progress, price);
    }

    /**
     * @param ranges plausible ROI ranges per channel
     * @return a copy with those ranges
     */
    public AutoOptions withExpectedRoi(Map<String, double[]> ranges) {
        return new AutoOptions(maxRounds, seed, holdout, ranges, estimators,
                searchIterations, progress, price);
    }

    /**
     * @param list the estimators
     * @return a copy with those estimators
     */
    public AutoOptions withEstimators(List<Estimator> list) {
        return new AutoOptions(maxRounds, seed, holdout, expectedRoi, list,
                searchIterations, progress, price);
    }

    /**
     * @param newPrice the price of the models' spec ({@link io.github.mmm4j.models.ModelSpec.Price}), or null
     * @return a copy with that price
     */
    public AutoOptions withPrice(io.github.mmm4j.models.ModelSpec.Price newPrice) {
        return new AutoOptions(maxRounds, seed, holdout, expectedRoi, estimators, searchIterations, progress,
                newPrice);
    }

    /**
     * @param listener receives progress
     * @return a copy reporting to that listener
     */
    public AutoOptions withProgress(AutoProgress listener) {
        return new AutoOptions(maxRounds, seed, holdout, expectedRoi, estimators, searchIterations, listener, price);
    }
}
