package io.github.mmm4j.auto;

import io.github.mmm4j.core.Numbers;
import io.github.mmm4j.models.Interval;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The analyst's cross-model view of one channel. Where the models agree (see {@link Agreement}) the consensus is the
 * equal-weight pool of their draws ({@link Analyst#pool}); its estimate is the pool's median and its interval the
 * pool's equal-tailed interval at the models' level, so {@code consensusInterval} always contains
 * {@code consensusRoi}. Where they disagree there is no single number: {@link #ranges()} gives each model's.
 *
 * @param channel the channel's name
 * @param estimates one estimate per model, in model order
 * @param intervalsOverlap whether every pair of the models' ROI intervals overlaps
 * @param ranksAgree whether the channel's ROI rank differs by at most one place between models
 * @param consensusRoi the median of the pooled draws where the models' intervals overlap and every model has draws,
 *     else empty
 * @param consensusInterval the equal-tailed interval of the pooled draws, present exactly when {@code consensusRoi}
 *     is, and then containing it
 * @param agreement the verdict
 * @param reasons why, in words
 * @param pooledDraws the number of pooled draws behind the consensus (the same number from every model), 0 without
 *     a consensus
 * @param leftOut the models that did not vote on this channel because an experiment contradicts them (their
 *     estimates stay in {@code estimates} for the tables); empty without experiments
 */
public record ChannelConsensus(String channel, List<ModelEstimate> estimates, boolean intervalsOverlap,
        boolean ranksAgree, Optional<Double> consensusRoi, Optional<Interval> consensusInterval, Agreement agreement,
        List<String> reasons, int pooledDraws, List<String> leftOut) {

    /**
     * A consensus every model voted on.
     *
     * @param channel the channel's name
     * @param estimates one estimate per model
     * @param intervalsOverlap whether every pair of intervals overlaps
     * @param ranksAgree whether the ranks agree
     * @param consensusRoi the pooled median, or empty
     * @param consensusInterval the pooled interval, or empty
     * @param agreement the verdict
     * @param reasons why
     * @param pooledDraws the pooled draws
     */
    public ChannelConsensus(String channel, List<ModelEstimate> estimates, boolean intervalsOverlap,
            boolean ranksAgree, Optional<Double> consensusRoi, Optional<Interval> consensusInterval,
            Agreement agreement, List<String> reasons, int pooledDraws) {
        this(channel, estimates, intervalsOverlap, ranksAgree, consensusRoi, consensusInterval, agreement, reasons,
                pooledDraws, List.of());
    }

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if exactly one of {@code consensusRoi} and {@code consensusInterval} is present,
     *     or the interval does not contain the estimate
     */
    public ChannelConsensus {
        Objects.requireNonNull(channel, "channel");
        estimates = List.copyOf(estimates);
        Objects.requireNonNull(consensusRoi, "consensusRoi");
        Objects.requireNonNull(consensusInterval, "consensusInterval");
        Objects.requireNonNull(agreement, "agreement");
        reasons = List.copyOf(reasons);
        leftOut = List.copyOf(leftOut);
        if (consensusRoi.isPresent() != consensusInterval.isPresent()) {
            throw new IllegalArgumentException(channel + ": a consensus needs both an estimate and an interval");
        }
        if (consensusRoi.isPresent() && !consensusInterval.get().contains(consensusRoi.get())) {
            throw new IllegalArgumentException(channel + ": consensus ROI " + consensusRoi.get()
                    + " lies outside its interval " + consensusInterval.get());
        }
        if (pooledDraws < 0) {
            throw new IllegalArgumentException(channel + ": pooledDraws = " + pooledDraws + "; must be at least 0");
        }
    }

    /**
     * Each model's ROI and interval, for a channel without a single number: for example
     * {@code "ridge 2,789 (2,613 to 2,957); bayes 4,921 (3,510 to 6,020)"}.
     *
     * @return the models' ranges, in model order
     */
    public String ranges() {
        StringBuilder sb = new StringBuilder();
        for (ModelEstimate e : estimates) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(e.model()).append(' ').append(Numbers.significant(e.roi(), 4));
            e.roiInterval().ifPresent(i -> sb.append(" (").append(Numbers.significant(i.lower(), 4)).append(" to ")
                    .append(Numbers.significant(i.upper(), 4)).append(')'));
        }
        return sb.toString();
    }
}
