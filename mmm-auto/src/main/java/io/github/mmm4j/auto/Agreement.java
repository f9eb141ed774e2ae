package io.github.mmm4j.auto;

/**
 * How far the estimators agree about one channel. The rule, applied by {@link Analyst}:
 * <ol>
 *   <li>The models <em>agree</em> about a channel when every model gives an ROI interval and every pair of those
 *       intervals overlaps (at the models' common level, 90% by default). Then the consensus is the equal-weight
 *       pool of their draws ({@link Analyst#pool}): the pool's median as the estimate, its equal-tailed interval as
 *       the interval; it always contains the estimate, contains the intersection of the models' intervals and lies
 *       within their hull.</li>
 *   <li>A channel is {@link #CONFIRMED} only when the models agree, each has draws to pool, the channel's ROI rank
 *       differs by at most one place between models, every model's interval excludes zero, and the data do not
 *       undermine the channel (not sparse, not severely collinear).</li>
 *   <li>A pair of intervals that do not overlap makes the channel {@link #DISAGREE}: no consensus number, each
 *       model's range instead ({@link ChannelConsensus#ranges()}).</li>
 * </ol>
 */
public enum Agreement {
    /** The models agree (rule 1) and every condition of rule 2 holds: the consensus is a pooled estimate. */
    CONFIRMED,
    /**
     * The models do not contradict each other, but the evidence is weak: an interval includes zero, the ranks
     * differ, the channel is sparse or collinear, or a model gives no interval or no draws.
     */
    UNCERTAIN,
    /** At least two models' ROI intervals do not overlap. */
    DISAGREE
}
