package io.github.mmm4j.auto;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.NonNegativeLeastSquares;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import java.util.function.DoubleConsumer;

/** The estimators the pipeline fits every round. */
public final class Estimators {

    private Estimators() {
    }

    /** @return ridge with lambda by rolling-origin cross-validation and 200 bootstrap replicates */
    public static Estimator ridge() {
        return new Estimator() {
            @Override
            public String name() {
                return "ridge";
            }

            @Override
            public FittedModel fit(MmmDataset data, RoundConfig config, long seed, DoubleConsumer progress) {
                FittedModel m = Ridge.fit(data, config.spec(),
                        RidgeOptions.defaults().withHoldout(config.holdout()).withSeed(seed));
                progress.accept(1);
                return m;
            }
        };
    }

    /** @return non-negative least squares with 200 bootstrap replicates */
    public static Estimator nnls() {
        return new Estimator() {
            @Override
            public String name() {
                return NonNegativeLeastSquares.NAME;
            }

            @Override
            public FittedModel fit(MmmDataset data, RoundConfig config, long seed, DoubleConsumer progress) {
                FittedModel m = NonNegativeLeastSquares.fit(data, config.spec(),
                        RidgeOptions.defaults().withHoldout(config.holdout()).withSeed(seed));
                progress.accept(1);
                return m;
            }
        };
    }
}
