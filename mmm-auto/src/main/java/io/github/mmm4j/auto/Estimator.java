package io.github.mmm4j.auto;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;

/**
 * One of the estimators the pipeline fits every round, on the same specification and holdout.
 */
public interface Estimator {

    /** @return the estimator's name, as in {@link FittedModel#estimator()} */
    String name();

    /**
     * Fits the round's model.
     *
     * @param data the data, with the round's extra event columns
     * @param config the round's configuration
     * @param seed the round's seed for this estimator
     * @param progress progress of the fit, as fractions of the estimator's work
     * @return the fitted model
     */
    FittedModel fit(MmmDataset data, RoundConfig config, long seed, java.util.function.DoubleConsumer progress);

    /**
     * The part of a round's configuration this estimator's fit depends on; two rounds with equal inputs give the
     * same fit, so the supervisor reuses the earlier one. By default the whole configuration.
     *
     * @param config a round's configuration
     * @return a value whose equality means "same fit"
     */
    default Object inputs(RoundConfig config) {
        return config;
    }
}
