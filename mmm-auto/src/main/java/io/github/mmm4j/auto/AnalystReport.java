package io.github.mmm4j.auto;

import java.util.List;
import java.util.Map;

/**
 * The analyst's comparison of the round's models.
 *
 * @param channels per channel, the cross-model consensus
 * @param rankingByModel per model, the channels from highest to lowest ROI
 * @param rankCorrelation the mean Spearman correlation of the channels' ROI ranks over every pair of models (1
 *     when all rankings agree)
 * @param mediaShareOfKpi per model, total media contribution as a fraction of the total KPI
 */
public record AnalystReport(List<ChannelConsensus> channels, Map<String, List<String>> rankingByModel,
        double rankCorrelation, Map<String, Double> mediaShareOfKpi) {

    /** Validates and copies. */
    public AnalystReport {
        channels = List.copyOf(channels);
        rankingByModel = Map.copyOf(rankingByModel);
        mediaShareOfKpi = Map.copyOf(mediaShareOfKpi);
    }

    /**
     * @param agreement an agreement level
     * @return the channels with that level
     */
    public List<String> channelsWith(Agreement agreement) {
        return channels.stream().filter(c -> c.agreement() == agreement).map(ChannelConsensus::channel).toList();
    }
}
