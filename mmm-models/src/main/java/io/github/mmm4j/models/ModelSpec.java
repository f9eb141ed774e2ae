package io.github.mmm4j.models;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The structure of a marketing mix model, shared by every estimator:
 *
 * <pre>
 *   kpi[t] = intercept (+ geo offset) + trend + seasonality + sum_k gamma_k control_k[t]
 *            + sum_e delta_e event_e[t] + sum_c beta_c sat_c(adstock_c(spend_c / scale_c))[t] + noise
 * </pre>
 *
 * where {@code trend} is linear in time (years since the first training period), {@code seasonality} is
 * yearly Fourier terms {@code sin(2 pi k y), cos(2 pi k y)} for {@code k = 1..fourierHarmonics} with
 * {@code y} in years (period 365.25 days whatever the data's frequency), and {@code scale_c} is channel
 * {@code c}'s mean spend over the training rows. Every control and event column of the dataset is included.
 *
 * <p><b>Price.</b> With a {@link Price price} control the model is {@code kpi = baseline * (price / reference)^e
 * + controls + media + noise}, the plan's "Sales = Baseline x Pricing_effect + media + external". The price enters
 * to first order in {@code ln(price / reference)}: its column in geo {@code g} is {@code level_g * ln(price /
 * reference_g)} ({@link Design}), with {@code reference_g} the geometric mean of the geo's training prices, so that
 * {@code baseline * (1 + e ln(price / reference))} is linear in {@code e}; each brand (or the whole panel) has one
 * coefficient, and its elasticity of the baseline is that coefficient times the brand's summed level over its
 * summed fitted baseline ({@link FittedModel#priceElasticities()}). For price moves of +-10% and an elasticity of
 * -2 the first-order form differs from the power by at most 2% of the baseline.
 *
 * @param channels one entry per media channel, in the dataset's channel order
 * @param trend whether to include a linear trend
 * @param fourierHarmonics number of yearly Fourier harmonics K (0 for none); 2K columns
 * @param price the price control and how its elasticity is pooled, or null for none
 */
public record ModelSpec(List<ChannelSpec> channels, boolean trend, int fourierHarmonics, Price price) {

    /**
     * A control column that is a price, entering the model through its elasticity (see the class comment).
     *
     * @param control the control column's name; every value must be positive
     * @param byBrand one elasticity per brand (cells {@code BRAND / REGION}, or each geo a brand) instead of one for
     *     the whole panel
     * @param curvature per price group, the elasticity {@code k} at which the price column is formed as
     *     {@code level_g * ((price / reference_g)^k - 1) / k} (the Box-Cox form; {@code ln(price / reference_g)} at
     *     {@code k = 0}). The model is exact when {@code k} equals the elasticity, so a fit sets it from a first
     *     fit ({@link #calibrated}); empty means 0 for every group
     */
    public record Price(String control, boolean byBrand, List<Double> curvature) {
        /** Validates and copies. */
        public Price {
            Checks.checkArgument(control != null && !control.isBlank(), "price control is blank");
            curvature = List.copyOf(curvature);
            for (double k : curvature) {
                Checks.checkArgument(Double.isFinite(k) && Math.abs(k) <= 20,
                        "price curvature %s must be finite and within [-20, 20]", k);
            }
        }

        /**
         * A price whose column is the log price ratio (curvature 0).
         *
         * @param control the control column's name
         * @param byBrand one elasticity per brand
         */
        public Price(String control, boolean byBrand) {
            this(control, byBrand, List.of());
        }

        /**
         * @param group a price group's index
         * @return its curvature (0 when none is set)
         */
        public double curvature(int group) {
            return curvature.isEmpty() ? 0.0 : curvature.get(group);
        }

        /**
         * @param elasticities one per price group, from a first fit
         * @return a copy whose curvature is those elasticities (non-finite ones as 0, all clamped to [-20, 20])
         */
        public Price calibrated(List<Double> elasticities) {
            List<Double> k = new ArrayList<>();
            for (double e : elasticities) {
                k.add(Double.isFinite(e) ? Math.max(-20, Math.min(20, e)) : 0.0);
            }
            return new Price(control, byBrand, k);
        }
    }

    /**
     * A spec without price.
     *
     * @param channels one entry per media channel
     * @param trend whether to include a linear trend
     * @param fourierHarmonics number of yearly Fourier harmonics
     */
    public ModelSpec(List<ChannelSpec> channels, boolean trend, int fourierHarmonics) {
        this(channels, trend, fourierHarmonics, null);
    }

    /** Default decay of the geometric adstock. */
    public static final double DEFAULT_DECAY = 0.5;
    /** Default maximum lag of the geometric adstock (window of 9 periods, as Meridian's default). */
    public static final int DEFAULT_MAX_LAG = 8;
    /** Default yearly harmonics. */
    public static final int DEFAULT_HARMONICS = 2;

    /** Validates and copies. */
    public ModelSpec {
        channels = List.copyOf(channels);
        Checks.checkArgument(!channels.isEmpty(), "channels is empty; a model needs at least one media channel");
        Checks.checkArgument(fourierHarmonics >= 0 && fourierHarmonics <= 26,
                "fourierHarmonics = %d; must be in [0, 26]", fourierHarmonics);
        for (int i = 0; i < channels.size(); i++) {
            for (int j = 0; j < i; j++) {
                Checks.checkArgument(!channels.get(i).name().equals(channels.get(j).name()),
                        "channel '%s' appears twice", channels.get(i).name());
            }
        }
    }

    /**
     * Sensible defaults: for every channel a normalised geometric adstock (decay 0.5, max lag 8) then Hill
     * saturation with half-saturation at the channel's average spend ({@code ec = 1}) and slope 1; a linear
     * trend; two yearly harmonics.
     *
     * @param data the dataset the model is for
     * @return the specification
     */
    public static ModelSpec defaults(MmmDataset data) {
        Objects.requireNonNull(data, "data");
        List<ChannelSpec> cs = new ArrayList<>();
        for (String c : data.channels()) {
            cs.add(new ChannelSpec(c, Adstock.geometric(DEFAULT_DECAY, DEFAULT_MAX_LAG, true),
                    Saturation.hill(1.0, 1.0)));
        }
        return new ModelSpec(cs, true, DEFAULT_HARMONICS);
    }

    /**
     * @param name a channel's name
     * @return its specification
     * @throws IllegalArgumentException if there is no such channel
     */
    public ChannelSpec channel(String name) {
        for (ChannelSpec c : channels) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no channel '" + name + "' in the spec; channels are " + names());
    }

    /** @return the channel names in order */
    public List<String> names() {
        List<String> n = new ArrayList<>();
        for (ChannelSpec c : channels) {
            n.add(c.name());
        }
        return n;
    }

    /**
     * @param replacement a channel specification whose name is in this spec
     * @return a copy with that channel replaced
     */
    public ModelSpec withChannel(ChannelSpec replacement) {
        List<ChannelSpec> cs = new ArrayList<>(channels);
        int i = names().indexOf(replacement.name());
        Checks.checkArgument(i >= 0, "no channel '%s' in the spec; channels are %s", replacement.name(), names());
        cs.set(i, replacement);
        return new ModelSpec(cs, trend, fourierHarmonics, price);
    }

    /**
     * @param harmonics number of yearly harmonics
     * @return a copy with that number of harmonics
     */
    public ModelSpec withFourierHarmonics(int harmonics) {
        return new ModelSpec(channels, trend, harmonics, price);
    }

    /**
     * @param withTrend whether to include a trend
     * @return a copy with or without the trend
     */
    public ModelSpec withTrend(boolean withTrend) {
        return new ModelSpec(channels, withTrend, fourierHarmonics, price);
    }

    /**
     * @param newPrice the price control and its pooling, or null for none
     * @return a copy with that price
     */
    public ModelSpec withPrice(Price newPrice) {
        return new ModelSpec(channels, trend, fourierHarmonics, newPrice);
    }

    /**
     * Checks that the spec's channels are the dataset's channels, in order.
     *
     * @param data a dataset
     * @throws IllegalArgumentException naming the first mismatch
     */
    public void checkMatches(MmmDataset data) {
        Checks.checkArgument(names().equals(data.channels()),
                "the spec's channels %s are not the dataset's channels %s", names(), data.channels());
        Checks.checkArgument(price == null || data.controls().contains(price.control()),
                "the price '%s' is not a control of the dataset %s", price == null ? null : price.control(),
                data.controls());
    }
}
