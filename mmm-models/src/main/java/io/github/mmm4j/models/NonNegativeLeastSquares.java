package io.github.mmm4j.models;

import io.github.mmm4j.core.MmmDataset;

/**
 * Non-negative least squares: the KPI regressed on the {@link Design} of a {@link ModelSpec} with every media
 * coefficient constrained to be at least 0 (and control coefficients constrained as
 * {@link RidgeOptions#controlSigns()} says), solved by the Lawson-Hanson active-set method
 * ({@link io.github.mmm4j.models.linear.Nnls}; Lawson and Hanson 1974, "Solving Least Squares Problems",
 * chapter 23). Columns are standardised as in {@link Ridge}; the penalty is 0 unless
 * {@link RidgeOptions#lambda()} sets one (then it is NNLS-ridge). By default the transform parameters are tuned
 * by blocked cross-validation error exactly as {@link Ridge} describes (the penalty stays 0); intervals come from the same
 * moving-block residual bootstrap, each replicate re-tuned and solved under the same constraints;
 * {@link RidgeOptions#withFixedTransforms(boolean)} keeps the spec's transforms.
 */
public final class NonNegativeLeastSquares extends LinearEstimator {

    /** The estimator's name in results and provenance. */
    public static final String NAME = "nnls";

    /**
     * @param options the options
     */
    public NonNegativeLeastSquares(RidgeOptions options) {
        super(options, f -> { });
    }

    private NonNegativeLeastSquares(RidgeOptions options, java.util.function.DoubleConsumer progress) {
        super(options, progress);
    }

    /** @return the estimator with {@link RidgeOptions#defaults()} */
    public static NonNegativeLeastSquares defaults() {
        return new NonNegativeLeastSquares(RidgeOptions.defaults());
    }

    @Override
    NonNegativeLeastSquares copy(RidgeOptions newOptions, java.util.function.DoubleConsumer listener) {
        return new NonNegativeLeastSquares(newOptions, listener);
    }

    @Override
    RidgeOptions effective(RidgeOptions given) {
        return given.withNonNegativeMedia(true);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Fits on all but the final {@code options.holdout()} periods.
     *
     * @param data the data, with the spec's channels
     * @param spec the model structure
     * @param options the options; media are constrained non-negative whatever {@code nonNegativeMedia} says, and
     *     an empty lambda means 0
     * @return the fitted model
     * @throws io.github.mmm4j.core.DataException if the training rows are fewer than the model's parameters
     */
    public static FittedModel fit(MmmDataset data, ModelSpec spec, RidgeOptions options) {
        return LinearEstimation.fit(NAME, data, spec, options.withNonNegativeMedia(true));
    }
}
