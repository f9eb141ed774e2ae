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
 *   <tr><td>channel parameters</td><td>{@link ChannelPriors#defaults()}</td><td>see there</td></tr>
 * </table>
 * These are the priors of the project's Stan reference model ({@code mmm.stan}), which are weakly informative on
 * the standardised scale.
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
 */
public record BayesPriors(Prior.Normal intercept, Prior.Normal trend, Prior.Normal seasonality,
        Prior.Normal control, Prior.Normal event, Prior.Normal geo, Prior sigma, ChannelPriors channelDefaults,
        Map<String, ChannelPriors> channels) {

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
    }

    /**
     * Returns the documented defaults (table above).
     *
     * @return the default priors
     */
    public static BayesPriors defaults() {
        return new BayesPriors(new Prior.Normal(0, 5), new Prior.Normal(0, 2), new Prior.Normal(0, 1),
                new Prior.Normal(0, 1), new Prior.Normal(0, 1), new Prior.Normal(0, 1), new Prior.HalfNormal(1),
                ChannelPriors.defaults(), Map.of());
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
        return new BayesPriors(intercept, trend, seasonality, control, event, geo, sigma, channelDefaults, m);
    }

    /**
     * Returns a copy with other defaults for all channels without an override.
     *
     * @param priors the channel priors
     * @return the new priors
     */
    public BayesPriors withChannelDefaults(ChannelPriors priors) {
        return new BayesPriors(intercept, trend, seasonality, control, event, geo, sigma, priors, channels);
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
        return new BayesPriors(intercept, trend, seasonality, control, event, geo, sigma, channelDefaults, channels);
    }

    /**
     * Returns a copy with another noise prior.
     *
     * @param prior a prior with positive support
     * @return the new priors
     */
    public BayesPriors withSigma(Prior prior) {
        return new BayesPriors(intercept, trend, seasonality, control, event, geo, prior, channelDefaults, channels);
    }
}
