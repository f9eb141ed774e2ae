package io.github.mmm4j.auto;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.NonNegativeLeastSquares;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesianMmm;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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

    /**
     * @return the Bayesian model sampled with NUTS at the round's budget (chains, warmup, draws), default priors,
     *     progress as the fraction of sampler iterations done over all chains
     */
    public static Estimator bayes() {
        return new Estimator() {
            @Override
            public String name() {
                return "bayes";
            }

            @Override
            public FittedModel fit(MmmDataset data, RoundConfig config, long seed, DoubleConsumer progress) {
                long total = (long) config.bayesChains() * (config.bayesWarmup() + config.bayesDraws());
                AtomicLong done = new AtomicLong();
                BayesOptions o = BayesOptions.defaults().withSeed(seed).withHoldout(config.holdout())
                        .withChains(config.bayesChains()).withWarmup(config.bayesWarmup())
                        .withDraws(config.bayesDraws()).withTargetAccept(config.bayesTargetAccept())
                        .withProgress((chain, iteration, phase) -> {
                            long d = done.incrementAndGet();
                            if (d % 200 == 0 || d == total) {
                                progress.accept((double) d / total);
                            }
                        });
                return BayesianMmm.fit(data, config.spec(), o);
            }

            /** The Bayesian model samples the transform parameters: only the families and windows matter. */
            @Override
            public Object inputs(RoundConfig config) {
                return List.of(Tuner.structure(config.spec()), config.spec().trend(), config.spec().fourierHarmonics(), config.holdout(),
                        config.extraEvents(), config.bayesWarmup(), config.bayesDraws(), config.bayesChains(),
                        config.bayesTargetAccept());
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
