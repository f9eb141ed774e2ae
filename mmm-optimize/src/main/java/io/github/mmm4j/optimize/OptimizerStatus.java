package io.github.mmm4j.optimize;

/** How an optimisation ended. */
public enum OptimizerStatus {
    /** The optimality conditions hold to the solver's tolerance. */
    CONVERGED,
    /** The iteration limit was reached; the plan returned is feasible and the best found. */
    MAX_ITERATIONS,
    /**
     * The objective's target cannot be reached under the constraints (for example a target KPI above the largest
     * attainable KPI); the plan returned is feasible and the closest found. Conflicting constraints are rejected
     * with an {@link InfeasibleConstraintsException} instead.
     */
    INFEASIBLE
}
