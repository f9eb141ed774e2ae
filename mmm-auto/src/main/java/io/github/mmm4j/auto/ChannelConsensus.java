package io.github.mmm4j.auto;

import io.github.mmm4j.models.Interval;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The analyst's cross-model view of one channel.
 *
 * @param channel the channel's name
 * @param estimates one estimate per model, in model order
 * @param intervalsOverlap whether every pair of ROI intervals overlaps
 * @param ranksAgree whether the channel's ROI rank differs by at most one place between models
 * @param consensusRoi the mean of the models' ROIs where the intervals overlap, else empty
 * @param consensusInterval the intersection of the models' ROI intervals where they overlap, else empty
 * @param agreement the verdict
 * @param reasons why, in words
 */
public record ChannelConsensus(String channel, List<ModelEstimate> estimates, boolean intervalsOverlap,
        boolean ranksAgree, Optional<Double> consensusRoi, Optional<Interval> consensusInterval, Agreement agreement,
        List<String> reasons) {

    /** Validates and copies. */
    public ChannelConsensus {
        Objects.requireNonNull(channel, "channel");
        estimates = List.copyOf(estimates);
        Objects.requireNonNull(consensusRoi, "consensusRoi");
        Objects.requireNonNull(consensusInterval, "consensusInterval");
        Objects.requireNonNull(agreement, "agreement");
        reasons = List.copyOf(reasons);
    }
}
