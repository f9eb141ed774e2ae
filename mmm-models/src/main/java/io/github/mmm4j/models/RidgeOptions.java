package io.github.mmm4j.models;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.models.linear.Sign;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Options of the linear estimators, {@link Ridge} and {@link NonNegativeLeastSquares}.
 *
 * @param lambda the ridge penalty on standardised columns (see {@link Ridge}); empty to choose it by blocked
 *     cross-validation over {@link #LAMBDA_GRID} (ridge) or to use 0 (NNLS)
 * @param holdout the number of final periods held out of estimation and used for test metrics
 * @param seed the random seed of the bootstrap
 * @param bootstrap the number of bootstrap replicates for intervals, 0 for a point estimate only
 * @param blockLength the block length of the residual block bootstrap in periods, 0 for automatic
 *     ({@code max(2, round(n^(1/3)))} for {@code n} training periods)
 * @param level the nominal coverage of the intervals
 * @param parallelism threads for the bootstrap, 0 for one per available processor; results do not depend on it
 * @param nonNegativeMedia whether every media coefficient is constrained to be at least 0 (always true for NNLS)
 * @param controlSigns sign constraints of control coefficients by control name; unnamed controls are free
 * @param cvFolds the number of blocked cross-validation folds for choosing lambda and tuning the transforms
 * @param tuning whether and how the transform parameters are tuned (by default they are; see {@link Ridge})
 */
public record RidgeOptions(OptionalDouble lambda, int holdout, long seed, int bootstrap, int blockLength,
        double level, int parallelism, boolean nonNegativeMedia, Map<String, Sign> controlSigns, int cvFolds,
        TuningOptions tuning) {

    /** The lambda grid searched by cross-validation: 25 values log-spaced from 1e-4 to 1e2. */
    public static final double[] LAMBDA_GRID = grid();

    /** Default number of bootstrap replicates. */
    public static final int DEFAULT_BOOTSTRAP = 200;

    private static double[] grid() {
        double[] g = new double[25];
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.pow(10, -4 + 6.0 * i / (g.length - 1));
        }
        return g;
    }

    /** Validates and copies. */
    public RidgeOptions {
        Objects.requireNonNull(lambda, "lambda");
        lambda.ifPresent(l -> Checks.checkNonNegative("lambda", l));
        Checks.checkNonNegative("holdout", holdout);
        Checks.checkNonNegative("bootstrap", bootstrap);
        Checks.checkNonNegative("blockLength", blockLength);
        Checks.checkArgument(level > 0 && level < 1, "level = %s; must be in (0, 1)", level);
        Checks.checkNonNegative("parallelism", parallelism);
        controlSigns = Map.copyOf(controlSigns);
        Checks.checkArgument(cvFolds >= 2 && cvFolds <= 20, "cvFolds = %d; must be in [2, 20]", cvFolds);
        Objects.requireNonNull(tuning, "tuning");
    }

    /**
     * @return transforms and lambda tuned by 5-fold blocked cross-validation error ({@link TuningOptions#defaults()}), no
     *     holdout, seed 0, 200 bootstrap replicates (each re-tuned) with automatic block length, 90% intervals,
     *     automatic parallelism, unconstrained
     */
    public static RidgeOptions defaults() {
        return new RidgeOptions(OptionalDouble.empty(), 0, 0, DEFAULT_BOOTSTRAP, 0, 0.9, 0, false, Map.of(), 5,
                TuningOptions.defaults());
    }

    /**
     * @param fixed true to use the spec's transform parameters as given (no tuning), false to tune them
     * @return a copy with that setting
     */
    public RidgeOptions withFixedTransforms(boolean fixed) {
        return withTuning(new TuningOptions(!fixed, tuning.pointEvaluations(), tuning.replicateEvaluations()));
    }

    /**
     * @param newTuning the tuning settings
     * @return a copy with them
     */
    public RidgeOptions withTuning(TuningOptions newTuning) {
        return new RidgeOptions(lambda, holdout, seed, bootstrap, blockLength, level, parallelism, nonNegativeMedia,
                controlSigns, cvFolds, newTuning);
    }

    /** @return whether the transform parameters are tuned (see {@link #tuning()}) */
    public boolean tunesTransforms() {
        return tuning.tuneTransforms();
    }

    /**
     * @param newLambda a fixed penalty, at least 0
     * @return a copy with that penalty
     */
    public RidgeOptions withLambda(double newLambda) {
        return new RidgeOptions(OptionalDouble.of(newLambda), holdout, seed, bootstrap, blockLength, level,
                parallelism, nonNegativeMedia, controlSigns, cvFolds, tuning);
    }

    /** @return a copy that chooses lambda by cross-validation */
    public RidgeOptions withCrossValidatedLambda() {
        return new RidgeOptions(OptionalDouble.empty(), holdout, seed, bootstrap, blockLength, level, parallelism,
                nonNegativeMedia, controlSigns, cvFolds, tuning);
    }

    /**
     * @param periods the holdout length
     * @return a copy with that holdout
     */
    public RidgeOptions withHoldout(int periods) {
        return new RidgeOptions(lambda, periods, seed, bootstrap, blockLength, level, parallelism, nonNegativeMedia,
                controlSigns, cvFolds, tuning);
    }

    /**
     * @param newSeed the seed
     * @return a copy with that seed
     */
    public RidgeOptions withSeed(long newSeed) {
        return new RidgeOptions(lambda, holdout, newSeed, bootstrap, blockLength, level, parallelism,
                nonNegativeMedia, controlSigns, cvFolds, tuning);
    }

    /**
     * @param replicates bootstrap replicates, 0 for none
     * @return a copy with that many replicates
     */
    public RidgeOptions withBootstrap(int replicates) {
        return new RidgeOptions(lambda, holdout, seed, replicates, blockLength, level, parallelism, nonNegativeMedia,
                controlSigns, cvFolds, tuning);
    }

    /**
     * @param periods the bootstrap block length, 0 for automatic
     * @return a copy with that block length
     */
    public RidgeOptions withBlockLength(int periods) {
        return new RidgeOptions(lambda, holdout, seed, bootstrap, periods, level, parallelism, nonNegativeMedia,
                controlSigns, cvFolds, tuning);
    }

    /**
     * @param newLevel the interval coverage
     * @return a copy with that level
     */
    public RidgeOptions withLevel(double newLevel) {
        return new RidgeOptions(lambda, holdout, seed, bootstrap, blockLength, newLevel, parallelism,
                nonNegativeMedia, controlSigns, cvFolds, tuning);
    }

    /**
     * @param threads bootstrap threads, 0 for automatic
     * @return a copy with that parallelism
     */
    public RidgeOptions withParallelism(int threads) {
        return new RidgeOptions(lambda, holdout, seed, bootstrap, blockLength, level, threads, nonNegativeMedia,
                controlSigns, cvFolds, tuning);
    }

    /**
     * @param nonNegative whether media coefficients are constrained to be at least 0
     * @return a copy with that constraint
     */
    public RidgeOptions withNonNegativeMedia(boolean nonNegative) {
        return new RidgeOptions(lambda, holdout, seed, bootstrap, blockLength, level, parallelism, nonNegative,
                controlSigns, cvFolds, tuning);
    }

    /**
     * @param signs sign constraints of control coefficients by control name
     * @return a copy with those constraints
     */
    public RidgeOptions withControlSigns(Map<String, Sign> signs) {
        return new RidgeOptions(lambda, holdout, seed, bootstrap, blockLength, level, parallelism, nonNegativeMedia,
                signs, cvFolds, tuning);
    }

    /**
     * @param folds blocked cross-validation folds for choosing lambda
     * @return a copy with that many folds
     */
    public RidgeOptions withCvFolds(int folds) {
        return new RidgeOptions(lambda, holdout, seed, bootstrap, blockLength, level, parallelism, nonNegativeMedia,
                controlSigns, folds, tuning);
    }

    /** @return the options as strings, for provenance */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lambda", lambda.isPresent() ? Double.toString(lambda.getAsDouble()) : "cv");
        m.put("holdout", Integer.toString(holdout));
        m.put("bootstrap", Integer.toString(bootstrap));
        m.put("block_length", blockLength == 0 ? "auto" : Integer.toString(blockLength));
        m.put("level", Double.toString(level));
        m.put("non_negative_media", Boolean.toString(nonNegativeMedia));
        m.put("control_signs", new TreeMap<>(controlSigns).toString());
        m.put("cv_folds", Integer.toString(cvFolds));
        m.putAll(tuning.asMap());
        return m;
    }
}
