package io.github.mmm4j.bench.bayes;

import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesPriors;
import io.github.mmm4j.models.bayes.ChannelPriors;
import io.github.mmm4j.models.bayes.Prior;

/**
 * The priors every Bayesian benchmark runs with, fixed so that its figures stay comparable across versions: the
 * library's defaults as they were when the figures in {@code mmm-bench/README.md} were first measured (effect
 * {@code HalfNormal(2)} per channel, Hill slope {@code Gamma(3, 2)}, no media contribution prior; the other priors
 * are {@link BayesPriors#defaults()}'s). The defaults moved on 2026-12-06 (slope {@code LogNormal(0, 0.25)}, a media
 * contribution prior on ROI); a benchmark that followed them would measure a different posterior.
 */
final class BenchPriors {

    private BenchPriors() {
    }

    /** @return the benchmark's options: {@link BayesOptions#defaults()} with these priors, controls as given */
    static BayesOptions options() {
        BayesPriors priors = BayesPriors.defaults().withoutMediaContribution()
                .withChannelDefaults(ChannelPriors.defaults().withSaturation("slope", new Prior.Gamma(3, 2)));
        return BayesOptions.defaults().withPriors(priors).withStandardizeControls(false);
    }
}
