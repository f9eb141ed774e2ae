package io.github.mmm4j.models.linear;

import io.github.mmm4j.core.Checks;

/**
 * Reusable scratch memory for {@link Nnls}, so that repeated solves of the same size allocate only their
 * small result record (EJML's {@code reshapeOrDeclare} pattern). Arrays grow on demand and never shrink.
 *
 * <p>A workspace is not thread-safe: give each thread its own. Reusing a workspace never changes a
 * result: every array is overwritten before it is read.
 */
public final class NnlsWorkspace {

    /** Gram matrix {@code A'A + lambda I} after the sign flip, {@code g[j * nCols + k]}, both triangles. */
    double[] g = new double[0];
    /** {@code A'b} after the sign flip, length {@code nCols}. */
    double[] c = new double[0];
    /** Coefficients in flipped coordinates, length {@code nCols}. */
    double[] x = new double[0];
    /** Cholesky factor of the passive Gram block, row {@code r} at {@code l[r * nCols]}, by passive position. */
    double[] l = new double[0];
    /** Forward-substitution scratch, by passive position. */
    double[] y = new double[0];
    /** Subproblem solution, by passive position. */
    double[] z = new double[0];
    /** Residual {@code b - A x}, length {@code nRows}. */
    double[] r = new double[0];
    /** {@code +1} or {@code -1} per column. */
    double[] sign = new double[0];
    /** Column index at each passive position, in order of entry. */
    int[] passiveIndex = new int[0];
    /** Whether each column is in the passive set. */
    boolean[] inPassive = new boolean[0];
    /** Whether each column has a sign constraint. */
    boolean[] constrained = new boolean[0];
    /** Columns refused since the passive set last changed (dependent, or non-positive on entry). */
    boolean[] rejected = new boolean[0];
    /** Whether the pivot at each passive position fell below the rank tolerance. */
    boolean[] skipped = new boolean[0];
    /** Size of the passive set after the last solve. */
    int passiveSize;

    /** Creates an empty workspace; it grows on first use. */
    public NnlsWorkspace() {
    }

    /**
     * Creates a workspace sized for {@code nRows x nCols} problems.
     *
     * @param nRows the number of rows of {@code A}, {@code >= 0} (0 if only the Gram entry point is used)
     * @param nCols the number of columns, {@code >= 0}
     * @throws IllegalArgumentException if a size is negative
     */
    public NnlsWorkspace(int nRows, int nCols) {
        Checks.checkNonNegative("nRows", nRows);
        Checks.checkNonNegative("nCols", nCols);
        ensure(nRows, nCols);
    }

    /** Grows the arrays to hold an {@code nRows x nCols} problem. */
    void ensure(int nRows, int nCols) {
        if (r.length < nRows) {
            r = new double[nRows];
        }
        if (c.length < nCols) {
            g = new double[nCols * nCols];
            l = new double[nCols * nCols];
            c = new double[nCols];
            x = new double[nCols];
            y = new double[nCols];
            z = new double[nCols];
            sign = new double[nCols];
            passiveIndex = new int[nCols];
            inPassive = new boolean[nCols];
            constrained = new boolean[nCols];
            rejected = new boolean[nCols];
            skipped = new boolean[nCols];
        }
    }
}
