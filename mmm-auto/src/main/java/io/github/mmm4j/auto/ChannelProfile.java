package io.github.mmm4j.auto;

import java.util.Objects;

/**
 * What the {@link Explorer} found about one media channel.
 *
 * @param name the channel's name
 * @param totalSpend total spend over all rows
 * @param zeroShare the fraction of rows with zero spend
 * @param sparse true if {@code zeroShare} exceeds the explorer's sparse threshold (0.7 by default): too few
 *     active periods to estimate the channel's effect well
 * @param kpiCorrelation Pearson correlation of the channel's spend with the KPI over all rows
 * @param spendVariation coefficient of variation of the spend (sd / mean); near 0 means too little variation
 *     to identify an effect
 */
public record ChannelProfile(String name, double totalSpend, double zeroShare, boolean sparse, double kpiCorrelation,
        double spendVariation) {

    /** Validates. */
    public ChannelProfile {
        Objects.requireNonNull(name, "name");
    }
}
