package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Spend per channel, period and geo over a future horizon of {@code periods} periods, in the layout of
 * {@code MmmDataset.extend}: {@code spend[(g * periods + h) * channels.size() + c]} for geo {@code g}, horizon
 * period {@code h} and channel {@code c}. Immutable; the array is copied in and out.
 *
 * @param channels the channel names, in the model's order
 * @param geos the geo names, in the model's order
 * @param periods the number of horizon periods, at least 1
 * @param spend (input) copied; finite and non-negative, length {@code geos.size() * periods * channels.size()}
 */
public record SpendPlan(List<String> channels, List<String> geos, int periods, double[] spend) {

    /** Validates and copies. */
    public SpendPlan {
        channels = List.copyOf(channels);
        geos = List.copyOf(geos);
        Checks.checkPositive("periods", periods);
        Objects.requireNonNull(spend, "spend");
        Checks.checkLength("spend", spend, geos.size() * periods * channels.size());
        spend = spend.clone();
        for (int i = 0; i < spend.length; i++) {
            Checks.checkArgument(Double.isFinite(spend[i]) && spend[i] >= 0, "spend[%d] = %s; must be finite and >= 0",
                    i, spend[i]);
        }
    }

    /** @return a copy of the spend, {@code spend[(g * periods + h) * nChannels() + c]} */
    @Override
    public double[] spend() {
        return spend.clone();
    }

    /** @return the number of channels */
    public int nChannels() {
        return channels.size();
    }

    /**
     * @param c a channel index
     * @param g a geo index
     * @param h a horizon period
     * @return the spend of channel {@code c} in geo {@code g} and period {@code h}
     */
    public double spend(int c, int g, int h) {
        return spend[(g * periods + h) * channels.size() + c];
    }

    /**
     * @param channel a channel's name
     * @return {@link #channelTotal(int)} of that channel
     * @throws IllegalArgumentException naming the channels if there is no such channel
     */
    public double channelTotal(String channel) {
        int c = channels.indexOf(channel);
        io.github.mmm4j.core.Checks.checkArgument(c >= 0, "no channel '%s'; channels are %s", channel, channels);
        return channelTotal(c);
    }

    /**
     * @param c a channel index
     * @return the channel's total spend over the horizon and all geos
     */
    public double channelTotal(int c) {
        Objects.checkIndex(c, channels.size());
        double s = 0;
        for (int i = c; i < spend.length; i += channels.size()) {
            s += spend[i];
        }
        return s;
    }

    /** @return the total of every channel, in channel order */
    public double[] channelTotals() {
        double[] t = new double[channels.size()];
        for (int c = 0; c < t.length; c++) {
            t[c] = channelTotal(c);
        }
        return t;
    }

    /** @return the total spend over channels, periods and geos */
    public double total() {
        double s = 0;
        for (double v : spend) {
            s += v;
        }
        return s;
    }

    /**
     * @param c a channel index
     * @return a copy of the channel's spend, {@code series[g * periods + h]}
     */
    public double[] channelSeries(int c) {
        Objects.checkIndex(c, channels.size());
        int nc = channels.size();
        double[] s = new double[geos.size() * periods];
        for (int r = 0; r < s.length; r++) {
            s[r] = spend[r * nc + c];
        }
        return s;
    }

    /**
     * @param c a channel index
     * @param series (input) not modified; {@code series[g * periods + h]}, finite and non-negative
     * @return a copy of this plan with the channel's spend replaced
     * @throws IllegalArgumentException if {@code series} has the wrong length or a bad value
     */
    public SpendPlan withChannelSeries(int c, double[] series) {
        Objects.checkIndex(c, channels.size());
        Checks.checkLength("series", series, geos.size() * periods);
        int nc = channels.size();
        double[] s = spend.clone();
        for (int r = 0; r < series.length; r++) {
            Checks.checkArgument(Double.isFinite(series[r]) && series[r] >= 0,
                    "series[%d] = %s; must be finite and >= 0", r, series[r]);
            s[r * nc + c] = series[r];
        }
        return new SpendPlan(channels, geos, periods, s);
    }

    /**
     * @param name a channel name
     * @return its index
     * @throws IllegalArgumentException naming the channels there are, if there is no such channel
     */
    public int channelIndex(String name) {
        int i = channels.indexOf(name);
        Checks.checkArgument(i >= 0, "no channel '%s'; channels are %s", name, channels);
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpendPlan p && channels.equals(p.channels) && geos.equals(p.geos) && periods == p.periods
                && Arrays.equals(spend, p.spend);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channels, geos, periods, Arrays.hashCode(spend));
    }

    @Override
    public String toString() {
        return "SpendPlan[channels=" + channels + ", geos=" + geos.size() + ", periods=" + periods + ", totals="
                + Arrays.toString(channelTotals()) + "]";
    }
}
