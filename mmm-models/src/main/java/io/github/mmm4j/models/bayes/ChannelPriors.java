package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.Checks;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Priors of one media channel's parameters in {@link BayesianMmm}.
 *
 * <p><b>Effect.</b> The channel enters the standardised KPI as {@code effect * sat(adstock(spend / scale))}, so
 * {@code effect} is the channel's contribution at full saturation in standard deviations of the KPI per period.
 * Two parameterisations:
 * <ul>
 *   <li>effect parameterisation ({@link #roi()} null, the default of this class): a prior on {@code effect}
 *       directly, half-normal with scale 2 by default (the reference model's {@code beta ~ normal(0, 2)} on
 *       {@code beta >= 0}). {@link BayesPriors#defaults()} does not use it for channels without an override: its
 *       media contribution prior gives them a common ROI prior instead ({@link BayesPriors.MediaContribution});</li>
 *   <li>ROI parameterisation ({@link #withRoi}): a prior on the channel's ROI over the training window, in KPI
 *       units per unit of spend, from which the effect is derived,
 *       {@code effect = roi * sum_t spend_t / (sd(kpi) * sum_t sat(adstock(spend / scale))_t)} (sums over the
 *       training rows), so that the model's ROI equals {@code roi} exactly. This is Meridian's ROI prior
 *       (Google, "Meridian: Bayesian MMM", model documentation, "ROI priors for paid media"), whose default is
 *       {@code LogNormal(0.2, 0.9)}; here the user sets it, for example with
 *       {@link Prior.LogNormal#ofMeanSd(double, double)}.</li>
 * </ul>
 *
 * <p><b>Transform parameters</b> are keyed by the transform's own parameter names
 * ({@link io.github.mmm4j.transforms.Adstock#parameterNames()},
 * {@link io.github.mmm4j.transforms.Saturation#parameterNames()}); a name without an entry gets its default:
 * <table>
 *   <caption>Default priors of transform parameters</caption>
 *   <tr><th>transform</th><th>parameter</th><th>support</th><th>default</th></tr>
 *   <tr><td>geometric (finite or infinite), delayed</td><td>{@code alpha} (decay)</td><td>(0, 1)</td>
 *       <td>Beta(2, 2)</td></tr>
 *   <tr><td>delayed</td><td>{@code theta} (delay)</td><td>(0, maxLag)</td><td>Beta(1, 1) (uniform)</td></tr>
 *   <tr><td>Weibull CDF / PDF</td><td>{@code shape}</td><td>(0, inf)</td><td>LogNormal(0, 1)</td></tr>
 *   <tr><td>Weibull CDF / PDF</td><td>{@code scale}</td><td>(0, 1)</td><td>Beta(1, 3)</td></tr>
 *   <tr><td>beta-gamma</td><td>{@code beta}, {@code gamma}</td><td>(0, 1) each</td><td>Beta(2, 2)</td></tr>
 *   <tr><td>Hill</td><td>{@code ec} (half-saturation, mean-spend units)</td><td>(0, inf)</td>
 *       <td>LogNormal(0, 0.5)</td></tr>
 *   <tr><td>Hill</td><td>{@code slope}</td><td>(0, inf)</td><td>LogNormal(0, 0.25) (see {@code Hill})</td></tr>
 *   <tr><td>logistic</td><td>{@code lambda}</td><td>(0, inf)</td><td>Gamma(3, 1)</td></tr>
 *   <tr><td>Michaelis-Menten</td><td>{@code lambda} (half-saturation)</td><td>(0, inf)</td>
 *       <td>LogNormal(0, 0.5)</td></tr>
 * </table>
 * The Michaelis-Menten limit {@code alpha} is not sampled (the effect plays its role); it stays at the spec's value.
 * The beta-gamma adstock's {@code beta} is restricted to {@code (0, 1)} (no pull-forward) in this model.
 *
 * @param effect the prior of the effect (positive support); used when {@link #roi()} is null
 * @param roi the prior of the ROI (positive support), or null for the effect parameterisation
 * @param adstock priors of adstock parameters by name; copied, sorted
 * @param saturation priors of saturation parameters by name; copied, sorted
 */
public record ChannelPriors(Prior effect, Prior roi, Map<String, Prior> adstock, Map<String, Prior> saturation) {

    /*
     * Validates and copies.
     *
     * @throws NullPointerException if {@code effect} or a map is null
     * @throws IllegalArgumentException if the effect or ROI prior is not on the positive half-line
     */
    public ChannelPriors {
        Objects.requireNonNull(effect, "effect");
        Checks.checkArgument(effect.support() == Prior.Support.POSITIVE,
                "effect prior %s must have positive support (HalfNormal, LogNormal or Gamma)", effect);
        Checks.checkArgument(roi == null || roi.support() == Prior.Support.POSITIVE,
                "roi prior %s must have positive support (LogNormal, Gamma or HalfNormal)", roi);
        adstock = java.util.Collections.unmodifiableMap(new TreeMap<>(adstock));
        saturation = java.util.Collections.unmodifiableMap(new TreeMap<>(saturation));
    }

    /**
     * Returns the documented defaults: effect {@code HalfNormal(2)} (as the Stan reference model), no ROI prior,
     * default transform priors. Wider effect priors (tried: 3 and 5) made the sampler markedly slower and less
     * healthy on the project's synthetic data without better coverage; the intercept prior is the one that needed
     * widening (see {@link BayesPriors}).
     *
     * @return the defaults
     */
    public static ChannelPriors defaults() {
        return new ChannelPriors(new Prior.HalfNormal(2.0), null, Map.of(), Map.of());
    }

    /**
     * Returns whether the channel uses the ROI parameterisation.
     *
     * @return {@code roi() != null}
     */
    public boolean usesRoi() {
        return roi != null;
    }

    /**
     * Returns a copy with another effect prior and the effect parameterisation.
     *
     * @param prior a prior with positive support
     * @return the new priors
     */
    public ChannelPriors withEffect(Prior prior) {
        return new ChannelPriors(prior, null, adstock, saturation);
    }

    /**
     * Returns a copy with a prior on the channel's ROI (the ROI parameterisation).
     *
     * @param prior a prior with positive support, typically {@link Prior.LogNormal#ofMeanSd}
     * @return the new priors
     */
    public ChannelPriors withRoi(Prior prior) {
        return new ChannelPriors(effect, Objects.requireNonNull(prior, "prior"), adstock, saturation);
    }

    /**
     * Returns a copy with the prior of one adstock parameter set.
     *
     * @param parameter the adstock parameter's name, for example {@code "alpha"}
     * @param prior its prior
     * @return the new priors
     */
    public ChannelPriors withAdstock(String parameter, Prior prior) {
        Map<String, Prior> m = new TreeMap<>(adstock);
        m.put(Objects.requireNonNull(parameter, "parameter"), Objects.requireNonNull(prior, "prior"));
        return new ChannelPriors(effect, roi, m, saturation);
    }

    /**
     * Returns a copy with the prior of one saturation parameter set.
     *
     * @param parameter the saturation parameter's name, for example {@code "ec"} or {@code "slope"}
     * @param prior its prior
     * @return the new priors
     */
    public ChannelPriors withSaturation(String parameter, Prior prior) {
        Map<String, Prior> m = new TreeMap<>(saturation);
        m.put(Objects.requireNonNull(parameter, "parameter"), Objects.requireNonNull(prior, "prior"));
        return new ChannelPriors(effect, roi, adstock, m);
    }

    /**
     * Returns a copy with the decay prior ({@code alpha} of a geometric or delayed adstock).
     *
     * @param prior a Beta prior
     * @return the new priors
     */
    public ChannelPriors withDecay(Prior.Beta prior) {
        return withAdstock("alpha", prior);
    }
}
