package io.github.mmm4j.auto.report;

import io.github.mmm4j.auto.AnalysisResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report is written from.
 *
 * @param result the automated analysis; its best round's first model is the report's primary model (the one
 *     {@code results.json}'s top-level {@code model}, {@code metrics} and {@code channels} describe)
 * @param seed the master seed the analysis was run with (recorded for reproduction)
 * @param source where the data came from, in words (for example a file name); shown in the report
 * @param shapley Shapley attribution per channel; empty when it was not computed
 * @param plan the recommended budget from the optimizer; empty when it was not computed
 */
public record ReportInput(AnalysisResult result, long seed, String source, List<ShapleyRow> shapley,
        Optional<BudgetPlan> plan) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if an argument is null
     */
    public ReportInput {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(source, "source");
        shapley = List.copyOf(shapley);
        Objects.requireNonNull(plan, "plan");
    }

    /**
     * A report input without Shapley attribution or budget plan.
     *
     * @param result the analysis
     * @param seed the master seed
     * @param source where the data came from
     * @return the input
     */
    public static ReportInput of(AnalysisResult result, long seed, String source) {
        return new ReportInput(result, seed, source, List.of(), Optional.empty());
    }

    /**
     * @param rows Shapley attribution per channel
     * @return a copy with those rows
     */
    public ReportInput withShapley(List<ShapleyRow> rows) {
        return new ReportInput(result, seed, source, rows, plan);
    }

    /**
     * @param budget the recommended budget
     * @return a copy with that plan
     */
    public ReportInput withPlan(BudgetPlan budget) {
        return new ReportInput(result, seed, source, shapley, Optional.of(budget));
    }
}
