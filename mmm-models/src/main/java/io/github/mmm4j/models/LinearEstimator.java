package io.github.mmm4j.models;

import io.github.mmm4j.core.MmmDataset;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleConsumer;

/** What {@link Ridge} and {@link NonNegativeLeastSquares} share as {@link Estimator}s: options and a listener. */
abstract class LinearEstimator implements Estimator {

    final RidgeOptions options;
    final DoubleConsumer progress;

    LinearEstimator(RidgeOptions options, DoubleConsumer progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** A copy of this estimator with other options and listener. */
    abstract LinearEstimator copy(RidgeOptions newOptions, DoubleConsumer listener);

    /** The options a fit uses (NNLS forces non-negative media). */
    abstract RidgeOptions effective(RidgeOptions given);

    /** @return the options */
    public RidgeOptions options() {
        return options;
    }

    /**
     * @param newOptions the options
     * @return a copy with those options
     */
    public Estimator withOptions(RidgeOptions newOptions) {
        return copy(newOptions, progress);
    }

    @Override
    public FittedModel fit(MmmDataset data, ModelSpec spec) {
        FittedModel m = LinearEstimation.fit(name(), data, spec, effective(options), progress);
        progress.accept(1);
        return m;
    }

    /**
     * Whether this fit chooses the transform parameters itself: true when it tunes them (the default, see
     * {@link RidgeOptions#tunesTransforms()}). The spec's values are then only where the tuning starts and what its
     * parsimony term prefers among near-equal fits, not the values used.
     */
    @Override
    public boolean learnsTransforms() {
        return options.tunesTransforms();
    }

    @Override
    public int holdout() {
        return options.holdout();
    }

    @Override
    public long seed() {
        return options.seed();
    }

    @Override
    public Estimator withHoldout(int periods) {
        return copy(options.withHoldout(periods), progress);
    }

    @Override
    public Estimator withSeed(long seed) {
        return copy(options.withSeed(seed), progress);
    }

    @Override
    public Estimator withProgress(DoubleConsumer listener) {
        return copy(options, listener);
    }

    @Override
    public Map<String, String> settings() {
        return effective(options).asMap();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + settings();
    }
}
