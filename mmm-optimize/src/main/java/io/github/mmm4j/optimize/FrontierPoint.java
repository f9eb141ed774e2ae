package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;
import java.util.Objects;

/**
 * One point of the budget efficiency frontier: the best expected KPI for a total budget.
 *
 * @param budget the total budget over the horizon
 * @param expectedKpi the expected KPI over the horizon of the best plan for that budget
 * @param incrementalKpi the KPI the horizon spend causes: {@code sum_c (f_c(x_c) - f_c(0))}
 * @param roi {@code incrementalKpi / budget} (0 for a zero budget)
 * @param marginalRoi the best plan's spend-weighted marginal ROI; at an interior optimum of concave responses this
 *     is the slope of the frontier
 * @param status the solver status
 */
public record FrontierPoint(double budget, double expectedKpi, double incrementalKpi, double roi, double marginalRoi,
        OptimizerStatus status) {

    /** Validates. */
    public FrontierPoint {
        Checks.checkNonNegative("budget", budget);
        Checks.checkFinite("expectedKpi", expectedKpi);
        Checks.checkFinite("incrementalKpi", incrementalKpi);
        Checks.checkFinite("roi", roi);
        Checks.checkFinite("marginalRoi", marginalRoi);
        Objects.requireNonNull(status, "status");
    }
}
