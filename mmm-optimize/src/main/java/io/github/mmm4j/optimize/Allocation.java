package io.github.mmm4j.optimize;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The result of a budget optimisation: the recommended plan, its predicted outcome against the baseline plan (with
 * intervals over the model's draws) and how the solve went. Never holds NaN: a target that cannot be met gives
 * {@link OptimizerStatus#INFEASIBLE} with the closest feasible plan and a message.
 *
 * <p><b>Never worse than the current plan.</b> For the fixed-budget objectives ({@link Objective.MaximizeKpi},
 * {@link Objective.MaximizeProfit}, {@link Objective.TargetMarginalRoi}) the optimizer compares its plan with the
 * current plan under the same constraints (the baseline when its channel totals meet them, else the nearest feasible
 * totals) on the objective's expected value (the mean over the model's draws); when its plan is not better it
 * recommends the current plan and {@link #improved()} is false: "keep the current plan".
 *
 * @param status how the optimisation ended
 * @param message a one-line description of the outcome (the reason when not converged)
 * @param objective the objective's name
 * @param method the method used: {@code lagrange} or {@code grid-dp+lagrange}
 * @param iterations the number of solver iterations
 * @param budget the total of the recommended plan
 * @param current the baseline plan
 * @param optimal the recommended plan
 * @param outcome the recommended plan evaluated against the baseline plan
 * @param channels one entry per channel, in channel order
 * @param improved false when no plan under the constraints beats the current plan on the objective, so that
 *     {@code optimal} is the current plan (projected onto the constraints when it does not meet them) and callers
 *     should say "keep the current plan"; true otherwise (the target objectives, which search the budget, always
 *     recommend their plan)
 */
public record Allocation(OptimizerStatus status, String message, String objective, String method, int iterations,
        double budget, SpendPlan current, SpendPlan optimal, ScenarioResult outcome, List<ChannelAllocation> channels,
        boolean improved) {

    /** Validates and copies. */
    public Allocation {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(optimal, "optimal");
        Objects.requireNonNull(outcome, "outcome");
        channels = List.copyOf(channels);
    }

    /** @return the expected KPI over the horizon of the baseline plan */
    public double expectedKpiCurrent() {
        return outcome.referenceKpi();
    }

    /** @return the expected KPI over the horizon of the recommended plan */
    public double expectedKpiOptimal() {
        return outcome.kpi();
    }

    /**
     * @return {@code 100 * (expectedKpiOptimal - expectedKpiCurrent) / |expectedKpiCurrent|}, empty when the current
     *     KPI is 0
     */
    public OptionalDouble upliftPct() {
        double cur = expectedKpiCurrent();
        return cur == 0 ? OptionalDouble.empty() : OptionalDouble.of(100 * (expectedKpiOptimal() - cur) / Math.abs(cur));
    }

    /**
     * @param name a channel name
     * @return its allocation
     * @throws IllegalArgumentException if there is no such channel
     */
    public ChannelAllocation channel(String name) {
        for (ChannelAllocation c : channels) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no channel '" + name + "' in the allocation");
    }
}
