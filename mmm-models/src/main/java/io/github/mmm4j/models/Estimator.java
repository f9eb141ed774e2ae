package io.github.mmm4j.models;

import io.github.mmm4j.core.MmmDataset;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * An estimator of a marketing mix model: ridge ({@link Ridge}), non-negative least squares
 * ({@link NonNegativeLeastSquares}) or the Bayesian model ({@link io.github.mmm4j.models.bayes.BayesianMmm}), each an
 * immutable object that owns its own settings (after Tribuo's {@code Trainer}). Every estimator returns the same
 * {@link FittedModel}, so switching estimators changes one object:
 * <pre>{@code
 * Estimator est = new Ridge(RidgeOptions.defaults());          // or new NonNegativeLeastSquares(...), new BayesianMmm(...)
 * FittedModel model = est.withHoldout(12).withSeed(7).fit(data, ModelSpec.defaults(data));
 * }</pre>
 * The settings every estimator shares (the holdout, the seed, a progress listener) have {@code with} methods here;
 * the rest live in each estimator's options record.
 */
public interface Estimator {

    /** @return the estimator's name, as in {@link FittedModel#estimator()}: {@code ridge}, {@code nnls}, {@code bayes} */
    String name();

    /**
     * Fits a model on all but the final {@link #holdout()} periods of {@code data}.
     *
     * @param data the data, with the spec's channels
     * @param spec the model structure (and, for estimators that do not sample them, the transform parameters)
     * @return the fitted model
     * @throws io.github.mmm4j.core.DataException if the data cannot support the model (for example too few rows)
     * @throws IllegalArgumentException if the spec does not match the data or the holdout is too long
     */
    FittedModel fit(MmmDataset data, ModelSpec spec);

    /** @return the number of final periods held out of estimation */
    int holdout();

    /** @return the seed of every random step */
    long seed();

    /**
     * @param periods the final periods to hold out
     * @return a copy with that holdout
     */
    Estimator withHoldout(int periods);

    /**
     * @param seed the seed
     * @return a copy with that seed
     */
    Estimator withSeed(long seed);

    /**
     * @param progress receives the fraction of the fit done, in [0, 1], from any thread
     * @return a copy that reports progress
     */
    Estimator withProgress(DoubleConsumer progress);

    /** @return the settings, as strings, as {@link Provenance#options()} records them */
    Map<String, String> settings();

    /**
     * Whether the estimator learns the transform parameters itself (the Bayesian model samples them; ridge and NNLS
     * tune them by default), so that what matters in the spec is each channel's transform family and structure; the
     * parameter values are at most a starting point.
     *
     * @return true if the spec's transform parameter values are not used
     */
    default boolean learnsTransforms() {
        return false;
    }

    /**
     * A more careful setting of this estimator after a fit whose own diagnostics failed (for the Bayesian sampler:
     * smaller steps after divergences, more iterations after a high R-hat), with the reason; empty when the
     * estimator has nothing to change.
     *
     * @param fit a fit made by this estimator
     * @return the changed estimator and why
     */
    default Optional<Remedy> remedy(FittedModel fit) {
        return Optional.empty();
    }

    /**
     * A change of an estimator's settings and its reason.
     *
     * @param estimator the changed estimator
     * @param change what changed, for example "target acceptance 0.95 instead of 0.90"
     */
    record Remedy(Estimator estimator, String change) {
    }
}
