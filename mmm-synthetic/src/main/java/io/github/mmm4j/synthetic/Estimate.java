package io.github.mmm4j.synthetic;

import java.util.List;
import java.util.Objects;

/**
 * What a model estimated about each channel, as returned by a {@link RecoveryEstimator}.
 *
 * @param channels one entry per channel (any order; matched to the truth by name)
 */
public record Estimate(List<Channel> channels) {

    /** Copies. */
    public Estimate {
        channels = List.copyOf(channels);
    }

    /**
     * @param channels the per-channel estimates
     * @return the estimate
     */
    public static Estimate of(List<Channel> channels) {
        return new Estimate(channels);
    }

    /**
     * @param name a channel's name
     * @return its estimate
     * @throws IllegalArgumentException if the estimate has no such channel
     */
    public Channel channel(String name) {
        for (Channel c : channels) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("the estimate has no channel '" + name + "'");
    }

    /**
     * One channel's estimate.
     *
     * @param name the channel's name
     * @param roi estimated ROI over the data window, {@code contribution / spend}
     * @param share estimated share of the total media contribution
     * @param roiLower lower end of the 90% interval of the ROI, NaN without an interval
     * @param roiUpper upper end of the 90% interval of the ROI, NaN without an interval
     */
    public record Channel(String name, double roi, double share, double roiLower, double roiUpper) {

        /** Validates. */
        public Channel {
            Objects.requireNonNull(name, "name");
        }

        /**
         * A point estimate without an interval.
         *
         * @param name the channel
         * @param roi the ROI
         * @param share the share
         * @return the estimate with NaN bounds
         */
        public static Channel point(String name, double roi, double share) {
            return new Channel(name, roi, share, Double.NaN, Double.NaN);
        }

        /** @return true if both interval bounds are finite */
        public boolean hasInterval() {
            return Double.isFinite(roiLower) && Double.isFinite(roiUpper);
        }
    }
}
