package io.github.mmm4j.auto.report;

import io.github.mmm4j.optimize.Allocation;
import io.github.mmm4j.optimize.ChannelAllocation;
import io.github.mmm4j.optimize.shapley.ShapleyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Adapters from {@code mmm-optimize}'s results to the report's rows: the one place where the report depends on the
 * optimizer's types.
 */
public final class OptimizerRows {

    private OptimizerRows() {
    }

    /**
     * One row per channel of a Shapley attribution, in the result's player order.
     *
     * @param result the attribution
     * @return the rows
     */
    public static List<ShapleyRow> shapley(ShapleyResult result) {
        Objects.requireNonNull(result, "result");
        double[] v = result.values();
        double[] se = result.standardErrors();
        List<ShapleyRow> rows = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            rows.add(new ShapleyRow(result.names().get(i), v[i], se[i]));
        }
        return List.copyOf(rows);
    }

    /**
     * The report's view of a budget optimisation: current and recommended spend per channel over the horizon, the
     * expected contributions with their intervals, and the expected KPI of both plans.
     *
     * @param allocation the optimizer's result
     * @return the plan
     */
    public static BudgetPlan plan(Allocation allocation) {
        Objects.requireNonNull(allocation, "allocation");
        List<PlanRow> rows = new ArrayList<>();
        for (ChannelAllocation c : allocation.channels()) {
            rows.add(new PlanRow(c.name(), c.currentSpend(), c.optimalSpend(), c.currentContribution(),
                    c.expectedContribution(), c.contributionInterval()));
        }
        return new BudgetPlan(rows, allocation.optimal().periods(), allocation.expectedKpiCurrent(),
                allocation.expectedKpiOptimal(), allocation.status().name(), allocation.message(),
                allocation.improved(), allocation.outcome().incrementalKpiInterval());
    }
}
