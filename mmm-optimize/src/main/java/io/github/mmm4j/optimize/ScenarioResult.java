package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.models.Interval;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The predicted outcome of a spend plan over the horizon, against a reference plan (by default the planning
 * model's baseline). Expected values are the mean over the model's draws (the point model without draws);
 * intervals, present when the model has draws, are equal-tailed quantiles over the draws at the model's
 * {@code intervalLevel()} of the same quantity computed per draw.
 *
 * <pre>
 *   incrementalKpi = kpi - referenceKpi
 *   incrementalRoi = incrementalKpi / (spend - referenceSpend)     (empty when the spends are equal)
 *   marginalRoi    = sum_c marginalRoi_c * spend_c / spend          (d kpi / d spend when every channel scales up)
 * </pre>
 *
 * @param plan the plan evaluated
 * @param reference the plan compared against
 * @param kpi the predicted KPI summed over the horizon's rows
 * @param kpiInterval interval of {@code kpi}
 * @param referenceKpi the predicted KPI of {@code reference}
 * @param referenceKpiInterval interval of {@code referenceKpi}
 * @param incrementalKpi {@code kpi - referenceKpi}
 * @param incrementalKpiInterval interval of the per-draw difference
 * @param spend the plan's total spend
 * @param referenceSpend the reference plan's total spend
 * @param incrementalRoi incremental KPI per unit of incremental spend; empty when the spends are equal
 * @param incrementalRoiInterval interval of the per-draw incremental ROI; empty without draws or without a spend
 *     difference
 * @param marginalRoi the plan's marginal ROI (formula above); 0 when the plan spends nothing
 * @param channels one outcome per channel, in channel order
 */
public record ScenarioResult(SpendPlan plan, SpendPlan reference, double kpi, Optional<Interval> kpiInterval,
        double referenceKpi, Optional<Interval> referenceKpiInterval, double incrementalKpi,
        Optional<Interval> incrementalKpiInterval, double spend, double referenceSpend, OptionalDouble incrementalRoi,
        Optional<Interval> incrementalRoiInterval, double marginalRoi, List<ChannelOutcome> channels) {

    /** Validates and copies. */
    public ScenarioResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(reference, "reference");
        Checks.checkFinite("kpi", kpi);
        Objects.requireNonNull(kpiInterval, "kpiInterval");
        Checks.checkFinite("referenceKpi", referenceKpi);
        Objects.requireNonNull(referenceKpiInterval, "referenceKpiInterval");
        Checks.checkFinite("incrementalKpi", incrementalKpi);
        Objects.requireNonNull(incrementalKpiInterval, "incrementalKpiInterval");
        Checks.checkNonNegative("spend", spend);
        Checks.checkNonNegative("referenceSpend", referenceSpend);
        Objects.requireNonNull(incrementalRoi, "incrementalRoi");
        Objects.requireNonNull(incrementalRoiInterval, "incrementalRoiInterval");
        Checks.checkFinite("marginalRoi", marginalRoi);
        channels = List.copyOf(channels);
    }

    /**
     * @param name a channel name
     * @return its outcome
     * @throws IllegalArgumentException if there is no such channel
     */
    public ChannelOutcome channel(String name) {
        for (ChannelOutcome c : channels) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no channel '" + name + "' in the scenario");
    }
}
