package io.github.mmm4j.auto.report;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.models.Interval;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The recommended budget for the report: one {@link PlanRow} per channel and the plan's totals. Fill from
 * {@code mmm-optimize}'s {@code Allocation} with {@link OptimizerRows#plan}.
 *
 * @param rows one row per channel, in the model's channel order; at least one
 * @param periods the horizon the spends are totals over, in periods; at least 1. A channel's spend per period is
 *     {@code spend / periods}, which is what the response curves are drawn against
 * @param expectedKpiCurrent the expected KPI over the horizon under the current plan (media and base); finite
 * @param expectedKpiOptimal the expected KPI over the horizon under the recommended plan; finite
 * @param status how the optimisation ended, in the optimizer's words (for example {@code CONVERGED})
 * @param message a one-line description of the outcome
 * @param improved false when the optimizer found no plan better than the current one under the constraints
 *     ({@code Allocation.improved()}): the recommendation is then to keep the current plan
 * @param gainInterval the interval of the recommended plan's gain in KPI over the current plan (over the model's
 *     draws), or empty for a model without draws
 */
public record BudgetPlan(List<PlanRow> rows, int periods, double expectedKpiCurrent, double expectedKpiOptimal,
        String status, String message, boolean improved, Optional<Interval> gainInterval) {

    /**
     * A plan without a gain interval.
     *
     * @param rows one row per channel
     * @param periods the horizon in periods
     * @param expectedKpiCurrent the expected KPI under the current plan
     * @param expectedKpiOptimal the expected KPI under the recommended plan
     * @param status how the optimisation ended
     * @param message a one-line description of the outcome
     * @param improved whether the optimizer found a better plan
     */
    public BudgetPlan(List<PlanRow> rows, int periods, double expectedKpiCurrent, double expectedKpiOptimal,
            String status, String message, boolean improved) {
        this(rows, periods, expectedKpiCurrent, expectedKpiOptimal, status, message, improved, Optional.empty());
    }

    /** @return whether the gain's interval includes no gain or a loss: the gain is then not certain */
    public boolean gainUncertain() {
        return gainInterval.map(i -> i.lower() <= 0).orElse(false);
    }

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if there are no rows, {@code periods < 1} or a KPI is not finite
     */
    public BudgetPlan {
        rows = List.copyOf(rows);
        Checks.checkArgument(!rows.isEmpty(), "a budget plan needs at least one row");
        Checks.checkPositive("periods", periods);
        Checks.checkFinite("expectedKpiCurrent", expectedKpiCurrent);
        Checks.checkFinite("expectedKpiOptimal", expectedKpiOptimal);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(gainInterval, "gainInterval");
    }

    /**
     * A plan whose {@code improved} flag is whether the recommended plan's expected KPI exceeds the current plan's.
     *
     * @param rows one row per channel
     * @param periods the horizon in periods
     * @param expectedKpiCurrent the expected KPI under the current plan
     * @param expectedKpiOptimal the expected KPI under the recommended plan
     * @param status how the optimisation ended
     * @param message a one-line description of the outcome
     */
    public BudgetPlan(List<PlanRow> rows, int periods, double expectedKpiCurrent, double expectedKpiOptimal,
            String status, String message) {
        this(rows, periods, expectedKpiCurrent, expectedKpiOptimal, status, message,
                expectedKpiOptimal > expectedKpiCurrent);
    }

    /** @return the total current spend over the channels */
    public double totalCurrentSpend() {
        return rows.stream().mapToDouble(PlanRow::currentSpend).sum();
    }

    /** @return the total recommended spend over the channels */
    public double totalOptimalSpend() {
        return rows.stream().mapToDouble(PlanRow::optimalSpend).sum();
    }

    /**
     * @return {@code 100 * (expectedKpiOptimal - expectedKpiCurrent) / |expectedKpiCurrent|}, empty when the current
     *     KPI is 0
     */
    public Optional<Double> upliftPct() {
        return expectedKpiCurrent == 0 ? Optional.empty()
                : Optional.of(100 * (expectedKpiOptimal - expectedKpiCurrent) / Math.abs(expectedKpiCurrent));
    }

    /**
     * @param channel a channel's name
     * @return its row, if the plan has one
     */
    public Optional<PlanRow> row(String channel) {
        return rows.stream().filter(r -> r.channel().equals(channel)).findFirst();
    }
}
