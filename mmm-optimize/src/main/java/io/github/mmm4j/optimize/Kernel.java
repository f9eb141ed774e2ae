package io.github.mmm4j.optimize;

/**
 * The evaluation engine behind a {@link PlanningModel}: per draw (or {@code d = -1} for the expectation), the
 * non-media KPI over the horizon and each channel's contribution over the horizon for a spend series. Models are
 * additive in media, so the KPI of a plan is {@code nonMedia(d) + sum_c contribution(d, c, series_c)}.
 */
interface Kernel {

    /** @return the number of draws, 0 for a point model */
    int drawCount();

    /**
     * @param d a draw, or -1 for the expectation
     * @return the KPI over the horizon's rows without horizon media effects (history carryover excluded too)
     */
    double nonMedia(int d);

    /**
     * @param d a draw, or -1 for the expectation
     * @param c a channel
     * @param series (input) not modified; {@code series[g * H + h]}
     * @return the channel's contribution summed over the horizon's rows, history carryover included
     */
    double contribution(int d, int c, double[] series);

    /**
     * @param d a draw, or -1 for the expectation
     * @param c a channel
     * @return the channel's response to its horizon total spread by the flighting
     */
    ChannelResponse response(int d, int c);
}
