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
 * @param channels one entry per media channel, in the dataset's channel order
 * @param trend whether to include a linear trend
 * @param fourierHarmonics number of yearly Fourier harmonics K (0 for none); 2K columns
 */
public record ModelSpec(List<ChannelSpec> channels, boolean trend, int fourierHarmonics) {

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
        return new ModelSpec(cs, trend, fourierHarmonics);
    }

    /**
     * @param harmonics number of yearly harmonics
     * @return a copy with that number of harmonics
     */
    public ModelSpec withFourierHarmonics(int harmonics) {
        return new ModelSpec(channels, trend, harmonics);
    }

    /**
     * @param withTrend whether to include a trend
     * @return a copy with or without the trend
     */
    public ModelSpec withTrend(boolean withTrend) {
        return new ModelSpec(channels, withTrend, fourierHarmonics);
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
    }
}
