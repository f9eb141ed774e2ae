package io.github.mmm4j.models.bayes;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * All priors of {@link BayesianMmm}, in the model's standardised units (see {@link BayesianMmm} for the scaling):
 * the KPI is standardised, so coefficients are in standard deviations of the KPI.
 *
 * <table>
 *   <caption>Default priors</caption>
 *   <tr><th>parameter</th><th>default</th><th>units</th></tr>
 *   <tr><td>intercept</td><td>Normal(0, 5)</td><td>sd(KPI): wide, because media contributions are positive
 *       and the intercept of a model where media explain much of the KPI lies several sds below its mean (the Stan
 *       reference model's Normal(0, 2) pulls such media effects down)</td></tr>
 *   <tr><td>trend coefficient</td><td>Normal(0, 2)</td><td>sd(KPI) over the training span (the trend regressor
 *       runs from 0 at the first to 1 at the last training period)</td></tr>
 *   <tr><td>each seasonality coefficient</td><td>Normal(0, 1)</td><td>sd(KPI)</td></tr>
 *   <tr><td>each control coefficient</td><td>Normal(0, 1)</td><td>sd(KPI) per sd(control) (per unit when
 *       controls are not standardised)</td></tr>
 *   <tr><td>each event coefficient</td><td>Normal(0, 1)</td><td>sd(KPI)</td></tr>
 *   <tr><td>each geo offset</td><td>Normal(0, 1)</td><td>sd(KPI)</td></tr>
 *   <tr><td>noise sigma</td><td>HalfNormal(1)</td><td>sd(KPI)</td></tr>
 *   <tr><td>on a panel, each channel's between-geo sd of log effects (and between-brand sd on brand x region
 *       cells)</td><td>Gamma(2, 5): mean 0.4, zero density at 0 (see {@link #geoSdPrior(double)})</td><td>log
 *       scale (see {@link #withGeoEffectScale(double)})</td></tr>
 *   <tr><td>on a hierarchical panel, each geo's log trend-and-seasonality amplitude {@code eta_g} (the amplitude
 *       is {@code exp(eta_g - mean(eta))})</td><td>Normal(0, 0.5)</td><td>log scale</td></tr>
 *   <tr><td>each channel's ROI (channels without an override)</td><td>the media contribution prior below,
 *       mean 25%, sd 25%</td><td>KPI per unit of spend</td></tr>
 *   <tr><td>transform parameters</td><td>{@link ChannelPriors#defaults()}</td><td>see there</td></tr>
 * </table>
 * The baseline priors are those of the project's Stan reference model ({@code mmm.stan}), weakly informative on the
 * standardised scale.
 *
 * <h2>Media contribution prior (the default for channels)</h2>
 * Every channel without an override gets one common prior on its ROI, chosen so that the share of the KPI that all
 * paid media explain has prior mean {@code m} and standard deviation {@code s} (Google Meridian's "total paid media
 * contribution prior", developers.google.com/meridian/docs/advanced-modeling/unknown-revenue-kpi-default and
 * {@code unknown-revenue-kpi-custom}): over the training rows, with {@code K} the KPI's sum and {@code C_c} channel
 * {@code c}'s spend,
 * <pre>
 *   roi_mean = m K / sum_c C_c,   roi_sd = s K / sqrt(sum_c C_c^2),
 *   roi_c ~ LogNormal(mu, sigma) with sigma^2 = log(1 + roi_sd^2 / roi_mean^2), mu = log(roi_mean) - sigma^2 / 2
 * </pre>
 * so a channel's effect scales with its spend: a channel with 4% of the spend cannot claim a large share of the KPI
 * unless the data insist. The channel's transform priors stay those of {@link #channelDefaults()}. The default
 * {@code m = s = 0.25} is wider relative to its mean than Meridian's 40% and 20%, which pulled ROIs 16% to 31% high on
 * presets whose media explain 15% to 25% of the KPI; with a standard deviation as large as the mean the centre
 * barely matters (20% and 25% gave errors within a few points of each other). The recovery study in the README
 * compares it with the effect prior {@code HalfNormal(2)} of {@link ChannelPriors#defaults()}, which the Stan
 * reference model uses and {@link #withoutMediaContribution()} restores: that prior lets small channels of the
 * {@code realistic} preset come out 90% to 200% high.
 *
 * @param intercept prior of the intercept
 * @param trend prior of the trend coefficient
 * @param seasonality prior of each Fourier coefficient
 * @param control prior of each control coefficient
 * @param event prior of each event coefficient
 * @param geo prior of each geo offset
 * @param sigma prior of the noise scale (positive support)
 * @param channelDefaults the priors of every channel without an override
 * @param channels per-channel overrides by channel name; copied
 * @param mediaContribution the media contribution prior that sets the ROI prior of every channel without an
 *     override, or null to give such channels {@link #channelDefaults()}'s effect or ROI prior
 * @param geoEffectScale on a panel, the scale of the prior ({@link #geoSdPrior(double)}) on each channel's
 *     between-geo standard deviation of log effects (see {@link #withGeoEffectScale(double)}); 0 pools each channel's
 *     effect over geos.
 *     Default {@value #DEFAULT_GEO_EFFECT_SCALE}: geo effects within a factor of about 2 of the pooled effect
 *     are plausible a priori; Meridian's default {@code eta_m ~ HalfNormal(1)} is wider.
 */
public record BayesPriors(Prior.Normal intercept, Prior.Normal trend, Prior.Normal seasonality,
        Prior.Normal control, Prior.Normal event, Prior.Normal geo, Prior sigma, ChannelPriors channelDefaults,
        Map<String, ChannelPriors> channels, MediaContribution mediaContribution, double geoEffectScale) {

    /** The default prior scale of each channel's between-geo sd of log effects ({@link #geoSdPrior(double)}). */
    public static final double DEFAULT_GEO_EFFECT_SCALE = 0.5;

    /**
     * The priors without per-geo media effects (a component added later; this keeps the earlier constructor).
     *
     * @param intercept prior of the intercept
     * @param trend prior of the trend coefficient
     * @param seasonality prior of each Fourier coefficient
     * @param control prior of each control coefficient
     * @param event prior of each event coefficient
     * @param geo prior of each geo offset
     * @param sigma prior of the noise scale
     * @param channelDefaults the priors of every channel without an override
     * @param channels per-channel overrides
     * @param mediaContribution the media contribution prior, or null
     */
    public BayesPriors(Prior.Normal intercept, Prior.Normal trend, Prior.Normal seasonality, Prior.Normal control,
            Prior.Normal event, Prior.Normal geo, Prior sigma, ChannelPriors channelDefaults,
            Map<String, ChannelPriors> channels, MediaContribution mediaContribution) {
        this(intercept, trend, seasonality, control, event, geo, sigma, channelDefaults, channels, mediaContribution,
                0);
    }

    /**
     * The prior share of the KPI that all paid media explain, from which every channel's ROI prior is derived (see the
     * class comment).
     *
     * @param mean the prior mean share, in (0, 1)
     * @param sd the prior standard deviation of the share, {@code > 0}
     */
    public record MediaContribution(double mean, double sd) {

        /** The default: mean 25%, standard deviation 25%. */
        public static final MediaContribution DEFAULT = new MediaContribution(0.25, 0.25);

        /** Validates. */
        public MediaContribution {
            io.github.mmm4j.core.Checks.checkArgument(mean > 0 && mean < 1, "media contribution mean = %s; must be in "
                    + "(0, 1)", mean);
            io.github.mmm4j.core.Checks.checkArgument(sd > 0 && Double.isFinite(sd), "media contribution sd = %s; must "
                    + "be positive", sd);
        }

        /**
         * The ROI prior of every channel (see the class comment).
         *
         * @param kpiSum the KPI's sum over the training rows, {@code > 0}
         * @param cost each channel's spend over the training rows, at least one positive
         * @return the common ROI prior
         */
        public Prior.LogNormal roiPrior(double kpiSum, double[] cost) {
            double total = 0;
            double squares = 0;
            for (double c : cost) {
                total += c;
                squares += c * c;
            }
            io.github.mmm4j.core.Checks.checkArgument(kpiSum > 0 && total > 0, "the media contribution prior needs a "
                    + "positive KPI sum and spend (KPI sum %s, spend %s)", kpiSum, total);
            double roiMean = mean * kpiSum / total;
            double roiSd = sd * kpiSum / Math.sqrt(squares);
            double s2 = Math.log1p(roiSd * roiSd / (roiMean * roiMean));
            return new Prior.LogNormal(Math.log(roiMean) - s2 / 2, Math.sqrt(s2));
        }
    }

    /*
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code sigma} does not have positive support
     */
    public BayesPriors {
        Objects.requireNonNull(intercept, "intercept");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(seasonality, "seasonality");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(geo, "geo");
        Objects.requireNonNull(sigma, "sigma");
        io.github.mmm4j.core.Checks.checkArgument(sigma.support() == Prior.Support.POSITIVE,
                "sigma prior %s must have positive support", sigma);
        Objects.requireNonNull(channelDefaults, "channelDefaults");
        channels = Collections.unmodifiableMap(new TreeMap<>(channels));
        io.github.mmm4j.core.Checks.checkArgument(geoEffectScale >= 0 && Double.isFinite(geoEffectScale),
                "geoEffectScale = %s; must be finite and >= 0 (0 pools media effects across geos)", geoEffectScale);
    }

    /**
     * Returns a copy with another prior scale for per-geo media effects: on a panel each channel's effect in geo
     * {@code g} is its pooled effect times {@code exp(tau_c z_cg)}, {@code z_cg ~ Normal(0, 1)},
     * {@code tau_c ~ }{@link #geoSdPrior(double) geoSdPrior(scale)} (the log-normal geo effects of Google Meridian,
     * Sun et al. 2017, in the non-centred form of Papaspiliopoulos, Roberts and Skold 2007); on brand x region cells
     * the between-brand sd {@code s_c} gets the same prior. 0 pools the effect over geos (one coefficient per channel,
     * as before 2026-12-06).
     *
     * @param scale the prior scale, {@code >= 0}: the prior mean of the sd is {@code 0.8 scale}
     * @return the new priors
     */
    public BayesPriors withGeoEffectScale(double scale) {
        return new BayesPriors(intercept, trend, seasonality, control, event, geo, sigma, channelDefaults, channels,
                mediaContribution, scale);
    }

    /**
     * The prior of each channel's between-geo sd of log effects {@code tau_c} (and between-brand sd {@code s_c}) for
     * a prior scale {@code S}: {@code Gamma(2, 2.5 / S)}, with mean {@code 0.8 S} (a half-normal of scale {@code S}
     * has mean {@code 0.798 S}) and a density that vanishes linearly at 0. The shape 2 is the boundary-avoiding prior
     * of Chung, Rabe-Hesketh, Dorie, Gelman and Liu (2013, "A nondegenerate penalized likelihood estimator for
     * variance parameters in multilevel models", Psychometrika 78(4)): it says that groups differ by some amount
     * without saying how much, and keeps the posterior of a weakly identified sd (2 to 4 brands; cells the data barely
     * tell apart) out of the neck of the funnel at {@code s -> 0}, where the centred brand means' curvature
     * {@code 1 / s^2} forced the sampler into divergent transitions. Until 2026-12-07 it was {@code HalfNormal(S)},
     * whose mass at 0 put every divergent transition of a 24-cell panel fit at a small between-brand sd (its log 4.7
     * posterior sds below its mean); the recovery study behind the change is in the README's panel section. Where
     * cells truly share one effect the sd stays away from 0, so the cell intervals over-cover somewhat (97.9% for a
     * stated 90% on brand x region panels whose cells share their brand's effect, README); a smaller scale
     * ({@link #withGeoEffectScale(double)} with 0.1) suits cells believed alike, and 0 pools them.
     *
     * @param scale the prior scale {@code S}, finite and {@code > 0}
     * @return {@code Gamma(2, 2.5 / S)}
     * @throws IllegalArgumentException if {@code scale} is not finite and positive
     */
    public static Prior.Gamma geoSdPrior(double scale) {
        io.github.mmm4j.core.Checks.checkArgument(scale > 0 && Double.isFinite(scale), "geo effect scale = %s; must "
                + "be finite and > 0", scale);
        return new Prior.Gamma(2, 2.5 / scale);
    }

    /**
     * Returns a copy with the media contribution prior set (see the class comment).
     *
     * @param mean the prior mean share of the KPI that paid media explain, in (0, 1)
     * @param sd its prior standard deviation, {@code > 0}
     * @return the new priors
     */
    public BayesPriors withMediaContribution(double mean, double sd) {
        return new BayesPriors(intercept, trend, seasonality, control, event, geo, sigma, channelDefaults, channels,
                new MediaContribution(mean, sd), geoEffectScale);
    }

    /**
     * Returns a copy without the media contribution prior: channels without an override get
     * {@link #channelDefaults()} (by default the effect prior {@code HalfNormal(2)} of the Stan reference model).
     *
     * @return the new priors
     */
    public BayesPriors withoutMediaContribution() {
        return new BayesPriors(intercept, trend, seasonality, control, event, geo, sigma, channelDefaults, channels,
                null, geoEffectScale);
    }

    /**
     * Returns the documented defaults (table above).
     *
     * @return the default priors
     */
    public static BayesPriors defaults() {
        return new BayesPriors(new Prior.Normal(0, 5), new Prior.Normal(0, 2), new Prior.Normal(0, 1),
                new Prior.Normal(0, 1), new Prior.Normal(0, 1), new Prior.Normal(0, 1), new Prior.HalfNormal(1),
                ChannelPriors.defaults(), Map.of(), MediaContribution.DEFAULT, DEFAULT_GEO_EFFECT_SCALE);
    }

    /**
     * Returns the priors of a channel: its override, or {@link #channelDefaults()}.
     *
     * @param channel a channel name
     * @return its priors
     */
    public ChannelPriors forChannel(String channel) {
        return channels.getOrDefault(channel, channelDefaults);
    }

    /**
     * Returns a copy with one channel's priors overridden.
     *
     * @param channel the channel's name
     * @param priors its priors
     * @return the new priors
     */
    public BayesPriors withChannel(String channel, ChannelPriors priors) {
        Map<String, ChannelPriors> m = new TreeMap<>(channels);
        m.put(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(priors, "priors"));
        return new BayesPriors(intercept, trend, seasonality, control, event, geo, sigma, channelDefaults, m,
                mediaContribution, geoEffectScale);
    }

    /**
     * Returns a copy with other defaults for all channels without an override.
     *
     * @param priors the channel priors
     * @return the new priors
     */
    public BayesPriors withChannelDefaults(ChannelPriors priors) {
        return new BayesPriors(intercept, trend, seasonality, control, event, geo, sigma, priors, channels,
                mediaContribution, geoEffectScale);
    }

    /**
     * Returns a copy with other baseline priors.
     *
     * @param intercept prior of the intercept
     * @param trend prior of the trend coefficient
     * @param seasonality prior of each Fourier coefficient
     * @param control prior of each control coefficient
     * @param event prior of each event coefficient
     * @param geo prior of each geo offset
     * @return the new priors
     */
    public BayesPriors withBaseline(Prior.Normal intercept, Prior.Normal trend, Prior.Normal seasonality,
            Prior.Normal control, Prior.Normal event, Prior.Normal geo) {
        return new BayesPriors(intercept, trend, seasonality, control, event, geo, sigma, channelDefaults, channels,
                mediaContribution, geoEffectScale);
    }

    /**
     * Returns a copy with another noise prior.
     *
     * @param prior a prior with positive support
     * @return the new priors
     */
    public BayesPriors withSigma(Prior prior) {
        return new BayesPriors(intercept, trend, seasonality, control, event, geo, prior, channelDefaults, channels,
                mediaContribution, geoEffectScale);
    }
}
