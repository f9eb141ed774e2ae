package io.github.mmm4j.models.linear;

/**
 * How an {@link Nnls} solve ended. The returned coefficients are primal feasible in every case.
 */
public enum NnlsStatus {
    /** The Karush-Kuhn-Tucker conditions hold to the dual tolerance (see {@link NnlsOptions}). */
    CONVERGED,
    /**
     * The iteration limit was reached first; the coefficients are feasible and the objective no larger
     * than at the start, but the dual condition may fail for some columns.
     */
    MAX_ITERATIONS
}
