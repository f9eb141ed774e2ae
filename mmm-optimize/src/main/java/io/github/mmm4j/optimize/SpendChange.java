package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;
import java.util.Objects;

/**
 * One edit of a channel's spend in a {@link SpendPlan}, for what-if scenarios. The closed set of edits:
 * <ul>
 *   <li>{@link SetTotal}: the channel's horizon total becomes {@code total}, keeping the channel's shape over periods
 *       and geos in the plan (the planning model's flighting when the plan spends nothing on it);</li>
 *   <li>{@link ByPercent}: the channel's spend in every period and geo is multiplied by {@code 1 + percent / 100};</li>
 *   <li>{@link SetSeries}: the channel's spend per horizon period is given; a national series (length {@code H}) is
 *       split across geos by the channel's geo shares in the flighting, a per-geo series has length {@code G * H}
 *       ({@code series[g * H + h]}).</li>
 * </ul>
 */
public sealed interface SpendChange permits SpendChange.SetTotal, SpendChange.ByPercent, SpendChange.SetSeries {

    /** @return the channel the edit applies to */
    String channel();

    /**
     * Applies the edit.
     *
     * @param plan the plan to edit (input) not modified
     * @param model the planning model (for the flighting)
     * @return the edited plan
     * @throws IllegalArgumentException if the channel is unknown or a length does not match the horizon
     */
    SpendPlan apply(SpendPlan plan, PlanningModel model);

    /**
     * @param channel the channel
     * @param total the new horizon total, at least 0
     * @return the edit
     */
    static SpendChange setTotal(String channel, double total) {
        return new SetTotal(channel, total);
    }

    /**
     * @param channel the channel
     * @param percent the change in percent, at least -100 (for example 20 for +20%)
     * @return the edit
     */
    static SpendChange byPercent(String channel, double percent) {
        return new ByPercent(channel, percent);
    }

    /**
     * @param channel the channel
     * @param series (input) copied; spend per horizon period (length {@code H}) or per geo and period
     *     ({@code G * H})
     * @return the edit
     */
    static SpendChange series(String channel, double[] series) {
        return new SetSeries(channel, series);
    }

    /**
     * Sets the channel's horizon total.
     *
     * @param channel the channel
     * @param total the new total, finite and at least 0
     */
    record SetTotal(String channel, double total) implements SpendChange {
        /** Validates. */
        public SetTotal {
            Objects.requireNonNull(channel, "channel");
            Checks.checkNonNegative("total", total);
        }

        @Override
        public SpendPlan apply(SpendPlan plan, PlanningModel model) {
            int c = plan.channelIndex(channel);
            double[] s = plan.channelSeries(c);
            double current = plan.channelTotal(c);
            double[] shape = current > 0 ? s : model.flighting(c);
            double norm = current > 0 ? current : 1;
            for (int r = 0; r < s.length; r++) {
                s[r] = total * shape[r] / norm;
            }
            return plan.withChannelSeries(c, s);
        }
    }

    /**
     * Scales the channel's spend by a percentage.
     *
     * @param channel the channel
     * @param percent the change in percent, finite and at least -100
     */
    record ByPercent(String channel, double percent) implements SpendChange {
        /** Validates. */
        public ByPercent {
            Objects.requireNonNull(channel, "channel");
            Checks.checkFinite("percent", percent);
            Checks.checkArgument(percent >= -100, "percent = %s; must be >= -100", percent);
        }

        @Override
        public SpendPlan apply(SpendPlan plan, PlanningModel model) {
            int c = plan.channelIndex(channel);
            double[] s = plan.channelSeries(c);
            for (int r = 0; r < s.length; r++) {
                s[r] *= 1 + percent / 100;
            }
            return plan.withChannelSeries(c, s);
        }
    }

    /**
     * Replaces the channel's spend series.
     *
     * @param channel the channel
     * @param series (input) copied; finite, non-negative; length {@code H} (national total per period) or
     *     {@code G * H}
     */
    record SetSeries(String channel, double[] series) implements SpendChange {
        /** Validates and copies. */
        public SetSeries {
            Objects.requireNonNull(channel, "channel");
            series = series.clone();
            for (int i = 0; i < series.length; i++) {
                Checks.checkArgument(Double.isFinite(series[i]) && series[i] >= 0,
                        "series[%d] = %s; must be finite and >= 0", i, series[i]);
            }
        }

        /** @return a copy of the series */
        @Override
        public double[] series() {
            return series.clone();
        }

        @Override
        public SpendPlan apply(SpendPlan plan, PlanningModel model) {
            int c = plan.channelIndex(channel);
            int ng = plan.geos().size();
            int nh = plan.periods();
            if (series.length == ng * nh) {
                return plan.withChannelSeries(c, series);
            }
            Checks.checkArgument(series.length == nh, "series.length = %d; expected %d (periods) or %d (geos x periods)",
                    series.length, nh, ng * nh);
            double[] f = model.flighting(c);
            double[] s = new double[ng * nh];
            for (int g = 0; g < ng; g++) {
                double share = 0;
                for (int h = 0; h < nh; h++) {
                    share += f[g * nh + h];
                }
                for (int h = 0; h < nh; h++) {
                    s[g * nh + h] = series[h] * share;
                }
            }
            return plan.withChannelSeries(c, s);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SetSeries s && channel.equals(s.channel) && java.util.Arrays.equals(series, s.series);
        }

        @Override
        public int hashCode() {
            return channel.hashCode() * 31 + java.util.Arrays.hashCode(series);
        }

        @Override
        public String toString() {
            return "SetSeries[channel=" + channel + ", series=" + java.util.Arrays.toString(series) + "]";
        }
    }
}
