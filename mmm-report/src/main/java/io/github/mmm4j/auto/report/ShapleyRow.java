package io.github.mmm4j.auto.report;

import io.github.mmm4j.core.Checks;
import java.util.Objects;

/**
 * One channel's Shapley attribution, as the report shows it: the channel's share of the total media effect by the
 * Shapley value of the coalition game "KPI with only these channels' spend" (Shapley 1953; for marketing mix
 * models see Zhao et al. 2019, "A Unified Framework for Marketing Budget Allocation"). Fill from
 * {@code mmm-optimize}'s {@code ShapleyResult} with {@link OptimizerRows#shapley}.
 *
 * @param channel the channel's name
 * @param value the Shapley value, in KPI units over the data window; finite
 * @param stdError the Monte Carlo standard error of {@code value}, 0 for exact values; finite and at least 0
 */
public record ShapleyRow(String channel, double value, double stdError) {

    /**
     * Validates.
     *
     * @throws NullPointerException if {@code channel} is null
     * @throws IllegalArgumentException if {@code value} or {@code stdError} is not finite, or {@code stdError < 0}
     */
    public ShapleyRow {
        Objects.requireNonNull(channel, "channel");
        Checks.checkFinite("value", value);
        Checks.checkFinite("stdError", stdError);
        Checks.checkNonNegative("stdError", stdError);
    }
}
