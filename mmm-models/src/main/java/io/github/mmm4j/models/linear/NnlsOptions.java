package io.github.mmm4j.models.linear;

import io.github.mmm4j.core.Checks;

/**
 * Settings of an {@link Nnls} solve.
 *
 * <p>The solver minimises {@code ||A x - b||^2 + lambda ||x||^2} subject to the column signs. With
 * {@code lambda > 0} this is non-negative ridge regression: the same as NNLS on the augmented system
 * {@code [A; sqrt(lambda) I] x ~ [b; 0]}.
 *
 * @param maxIterations the largest number of subproblem solves (Lawson and Hanson count every solve of
 *     the passive-set least squares problem, in the outer and the inner loop); {@link #AUTO} ({@code 0})
 *     selects {@code max(3 * nCols, 30)}, at least the limit of {@code scipy.optimize.nnls}
 * @param dualTolerance the tolerance {@code tol} on the dual {@code w = A'(b - A x) - lambda x}: a
 *     constrained column at zero enters the passive set only while {@code w_j > tol} (after the sign
 *     flip). {@link #AUTO} ({@code 0.0}) selects
 *     {@code 10 * nCols * 2^-52 * sqrt(trace(A'A + lambda I)) * ||b||}, that is
 *     {@code 10 * nCols * eps * ||[A; sqrt(lambda) I]||_F * ||b||_2}
 * @param lambda the ridge penalty {@code >= 0} added to the diagonal of {@code A'A}; 0 for plain NNLS
 */
public record NnlsOptions(int maxIterations, double dualTolerance, double lambda) {

    /** The value of {@link #maxIterations()} and {@link #dualTolerance()} that selects the default. */
    public static final int AUTO = 0;

    /** Plain NNLS with the automatic iteration limit and dual tolerance. */
    public static final NnlsOptions DEFAULTS = new NnlsOptions(AUTO, AUTO, 0.0);

    /**
     * Validates the settings.
     *
     * @param maxIterations see the record description
     * @param dualTolerance see the record description
     * @param lambda see the record description
     * @throws IllegalArgumentException if {@code maxIterations < 0}, or {@code dualTolerance} or
     *     {@code lambda} is negative, NaN or infinite
     */
    public NnlsOptions {
        Checks.checkNonNegative("maxIterations", maxIterations);
        Checks.checkNonNegative("dualTolerance", dualTolerance);
        Checks.checkNonNegative("lambda", lambda);
    }

    /**
     * Returns these options with another ridge penalty.
     *
     * @param newLambda the penalty, finite and {@code >= 0}
     * @return new options
     * @throws IllegalArgumentException if {@code newLambda} is negative, NaN or infinite
     */
    public NnlsOptions withLambda(double newLambda) {
        return new NnlsOptions(maxIterations, dualTolerance, newLambda);
    }

    /**
     * Returns these options with another iteration limit.
     *
     * @param newMaxIterations the limit, {@code >= 0}; {@link #AUTO} selects the default
     * @return new options
     * @throws IllegalArgumentException if {@code newMaxIterations < 0}
     */
    public NnlsOptions withMaxIterations(int newMaxIterations) {
        return new NnlsOptions(newMaxIterations, dualTolerance, lambda);
    }

    /**
     * Returns these options with another dual tolerance.
     *
     * @param newDualTolerance the tolerance, finite and {@code >= 0}; {@link #AUTO} selects the default
     * @return new options
     * @throws IllegalArgumentException if {@code newDualTolerance} is negative, NaN or infinite
     */
    public NnlsOptions withDualTolerance(double newDualTolerance) {
        return new NnlsOptions(maxIterations, newDualTolerance, lambda);
    }

    /**
     * Returns the iteration limit used for {@code nCols} columns.
     *
     * @param nCols the number of columns
     * @return {@link #maxIterations()} or, when it is {@link #AUTO}, {@code max(3 * nCols, 30)}
     */
    public int effectiveMaxIterations(int nCols) {
        return maxIterations == AUTO ? Math.max(3 * nCols, 30) : maxIterations;
    }
}
