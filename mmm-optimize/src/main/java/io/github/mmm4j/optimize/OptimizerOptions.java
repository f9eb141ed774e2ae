package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;
import java.util.Objects;

/**
 * Options of the {@link BudgetOptimizer}.
 *
 * @param method the solution method
 * @param gridUnits the number of budget units of the grid method, 0 for automatic
 *     ({@code clamp(40000 / channels, 400, 2000)})
 */
public record OptimizerOptions(Method method, int gridUnits) {

    /** The solution method. */
    public enum Method {
        /**
         * Lagrange when every channel's response is concave on its bounds (checked: known for concave transforms, else
         * numerically), else the grid method.
         */
        AUTO,
        /** The Lagrange method: exact for concave responses. */
        LAGRANGE,
        /** Grid dynamic programming then Lagrange polishing: for any shape, S-shaped included. */
        GRID
    }

    /** Validates. */
    public OptimizerOptions {
        Objects.requireNonNull(method, "method");
        Checks.checkNonNegative("gridUnits", gridUnits);
        Checks.checkArgument(gridUnits == 0 || gridUnits >= 10, "gridUnits = %d; must be 0 (automatic) or >= 10",
                gridUnits);
    }

    /** @return automatic method and grid */
    public static OptimizerOptions defaults() {
        return new OptimizerOptions(Method.AUTO, 0);
    }

    /**
     * @param m the method
     * @return a copy with that method
     */
    public OptimizerOptions withMethod(Method m) {
        return new OptimizerOptions(m, gridUnits);
    }

    /**
     * @param units the grid units
     * @return a copy with that grid
     */
    public OptimizerOptions withGridUnits(int units) {
        return new OptimizerOptions(method, units);
    }
}
