package io.github.mmm4j.models.linear;

import io.github.mmm4j.core.Checks;
import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * Least squares with a sign constraint per coefficient: minimises
 * {@code ||A x - b||_2^2 + lambda ||x||_2^2} subject to {@code x_j >= 0} for {@link Sign#NON_NEGATIVE}
 * columns, {@code x_j <= 0} for {@link Sign#NON_POSITIVE} columns and no bound for {@link Sign#FREE}
 * columns. With {@code lambda = 0} and every column non-negative this is the NNLS problem of
 * {@code scipy.optimize.nnls}; with {@code lambda > 0} it is non-negative ridge regression, equal to NNLS
 * on the augmented system {@code [A; sqrt(lambda) I] x ~ [b; 0]}.
 *
 * <h2>Algorithm</h2>
 * The active-set method of Lawson and Hanson (1974, <i>Solving Least Squares Problems</i>, chapter 23,
 * algorithm NNLS), run on the Gram matrix {@code G = A'A + lambda I} and {@code c = A'b} as in Bro and de
 * Jong (1997, "A fast non-negativity-constrained least squares algorithm", <i>J. Chemometrics</i> 11).
 * Forming {@code G} costs {@code nRows * nCols^2 / 2} multiply-adds once; every iteration then works on
 * {@code nCols x nCols} data only. Non-positive columns are flipped to non-negative ones. Free columns
 * start in the passive set. At each outer iteration the constrained column with the largest dual
 * {@code w_j = c_j - (G x)_j > tol} enters the passive set; the inner loop steps back along the segment to
 * the new passive least squares solution until it is feasible, moving columns that reach zero back to the
 * active set.
 *
 * <p>The passive subproblem {@code G_PP z = c_P} is solved by a Cholesky factorisation in the order in
 * which columns entered, updated rather than recomputed (appending a column costs {@code O(k^2)}; removing
 * one refactors only the rows after it). A column whose pivot satisfies
 * {@code d_k <= RANK_TOLERANCE * G_kk}, with {@link #RANK_TOLERANCE} {@code = 1e-12}, lies numerically in
 * the span of the columns before it (the sine of its angle to that span is below {@code 1e-6}): a
 * constrained column in that case is refused entry, as in Lawson and Hanson's test for linear dependence,
 * and a dependent free column gets coefficient 0 (a basic solution). A column whose subproblem coefficient
 * is not positive on entry is refused too (Lawson and Hanson, step 6). Refused columns are reconsidered
 * once the passive set changes. Hence exactly collinear designs (duplicate columns, zero columns, more
 * columns than rows) give a finite solution and terminate. Because the method works on {@code A'A}, the
 * attainable accuracy of the coefficients is about {@code eps * cond(A)^2} rather than
 * {@code eps * cond(A)} for Lawson and Hanson's Householder version. In particular a column at an angle
 * below about {@code 1e-6} radians to the span of the passive columns (for instance
 * {@code a_j = a_k + delta * noise} with {@code delta / ||a_k||} below about {@code 1e-6}) is treated as an
 * exact copy: it stays at zero (a free one too) although its dual {@code w_j} may exceed the dual
 * tolerance; the residual being orthogonal to the passive columns, {@code |w_j|} is then at most
 * {@code sqrt(RANK_TOLERANCE) * ||a_j|| * ||r|| = 1e-6 * ||a_j|| * ||r||} (norms of the augmented system
 * {@code [A; sqrt(lambda) I]}, {@code [b; 0]} when {@code lambda > 0}). The solution is then the optimum with that column removed, which is what a model of
 * near-duplicate channels usually wants; {@code scipy.optimize.nnls} would instead return the exact
 * optimum, possibly with large offsetting coefficients.
 *
 * <h2>Entry points</h2>
 * {@code A} as a row-major array ({@code a[i * nCols + j]}) or an EJML {@link DMatrixRMaj}, or the
 * precomputed Gram quantities {@code A'A}, {@code A'b}, {@code b'b} for callers that reuse them (ridge
 * paths, hyperparameter search). An optional {@link NnlsWorkspace} makes repeated solves allocation-free
 * apart from the result record; the active-set loop itself never allocates.
 *
 * <h2>Threads</h2>
 * The methods are stateless and may run concurrently, provided no two threads share a workspace.
 *
 * <h2>Result</h2>
 * An {@link NnlsResult} with the status ({@link NnlsStatus#CONVERGED} or
 * {@link NnlsStatus#MAX_ITERATIONS}), the coefficients, the dual {@code w = A'(b - A x) - lambda x} for
 * checking the Karush-Kuhn-Tucker conditions, the residual norm, the objective and the iteration count.
 * The coefficients are always finite and primal feasible.
 */
public final class Nnls {

    /**
     * Relative pivot tolerance of the passive Cholesky factorisation: a column is treated as linearly
     * dependent on the passive columns before it when its squared distance to their span, divided by its
     * squared norm (including {@code lambda}), is at most this value.
     */
    public static final double RANK_TOLERANCE = 1e-12;

    private static final double EPS = Math.ulp(1.0);

    private Nnls() {
    }

    /**
     * Solves {@code min ||A x - b||^2} subject to {@code x >= 0} with the default options.
     *
     * @param a (input) the design, row-major: {@code A(i, j) = a[i * nCols + j]}; not modified
     * @param nRows the number of rows {@code m >= 1}
     * @param nCols the number of columns {@code n >= 1}
     * @param b (input) the response, length {@code nRows}; not modified
     * @return the solution; see {@link NnlsResult}
     * @throws IllegalArgumentException if a size is not positive, a length disagrees or a value is not
     *     finite (the message names the argument, index and value)
     */
    public static NnlsResult solve(double[] a, int nRows, int nCols, double[] b) {
        return solve(a, nRows, nCols, b, Sign.uniform(Math.max(nCols, 0), Sign.NON_NEGATIVE),
                NnlsOptions.DEFAULTS, null);
    }

    /**
     * Solves {@code min ||A x - b||^2 + lambda ||x||^2} subject to the column signs.
     *
     * <p>The dual in the result is computed from {@code A}: {@code w = A'(b - A x) - lambda x}, and the
     * residual norm as {@code ||b - A x||} directly.
     *
     * @param a (input) the design, row-major: {@code A(i, j) = a[i * nCols + j]}, length
     *     {@code nRows * nCols}; not modified
     * @param nRows the number of rows {@code m >= 1}; {@code m < nCols} is allowed
     * @param nCols the number of columns {@code n >= 1}
     * @param b (input) the response, length {@code nRows}; not modified
     * @param signs (input) the constraint of each column, length {@code nCols}; not modified
     * @param options the iteration limit, dual tolerance and ridge penalty
     * @param workspace (output) optional scratch memory, may be null; modified
     * @return the solution; see {@link NnlsResult}
     * @throws IllegalArgumentException if a size is not positive, a length disagrees, a value is not
     *     finite (the message names the argument, index and value) or {@code A'A} overflows
     */
    public static NnlsResult solve(double[] a, int nRows, int nCols, double[] b, Sign[] signs,
            NnlsOptions options, NnlsWorkspace workspace) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(options, "options");
        Checks.checkPositive("nRows", nRows);
        Checks.checkPositive("nCols", nCols);
        Checks.checkArgument((long) nRows * nCols <= Integer.MAX_VALUE, "nRows * nCols = %d; too large",
                (long) nRows * nCols);
        Checks.checkLength("a", a, nRows * nCols);
        Checks.checkLength("b", b, nRows);
        checkSigns(signs, nCols);

        NnlsWorkspace ws = workspace != null ? workspace : new NnlsWorkspace();
        ws.ensure(nRows, nCols);
        double btb = gramInto(a, nRows, nCols, b, ws.g, ws.c);
        // A non-finite element of A makes its column's sum of squares non-finite, and one of b makes b'b
        // non-finite: the element-wise scans (which name the index and value) run only then.
        if (!gramDiagonalFinite(ws.g, nCols)) {
            checkMatrixFinite("a", a, nRows, nCols);
        }
        if (!Double.isFinite(btb)) {
            Checks.checkAllFinite("b", b);
        }
        checkGramFinite(ws.g, nCols);
        double lambda = options.lambda();
        double tol = prepare(ws, nCols, signs, btb, options);
        int maxIter = options.effectiveMaxIterations(nCols);
        int iterations = activeSet(ws, nCols, maxIter, tol);
        NnlsStatus status = iterations < 0 ? NnlsStatus.MAX_ITERATIONS : NnlsStatus.CONVERGED;
        iterations = iterations < 0 ? -iterations - 1 : iterations;

        // Coefficients back to the caller's signs; residual and dual from A itself.
        double[] x = new double[nCols];
        boolean[] passive = new boolean[nCols];
        for (int j = 0; j < nCols; j++) {
            x[j] = ws.sign[j] * ws.x[j];
            passive[j] = ws.inPassive[j];
        }
        // Residual and A'r in one pass over A (each row used twice while in cache).
        double[] r = ws.r;
        double rss = 0;
        double[] w = new double[nCols];
        for (int i = 0; i < nRows; i++) {
            int off = i * nCols;
            double s = b[i];
            for (int j = 0; j < nCols; j++) {
                s -= a[off + j] * x[j];
            }
            r[i] = s;
            rss += s * s;
            for (int j = 0; j < nCols; j++) {
                w[j] += a[off + j] * s;
            }
        }
        double xx = 0;
        for (int j = 0; j < nCols; j++) {
            w[j] -= lambda * x[j];
            xx += x[j] * x[j];
        }
        return new NnlsResult(status, x, w, passive, Math.sqrt(rss), rss + lambda * xx, iterations, lambda);
    }

    /**
     * Solves {@code min ||A x - b||^2 + lambda ||x||^2} subject to the column signs for an EJML matrix.
     * The matrix data ({@code a.data}, row-major) are read in place when {@code a.data.length} equals
     * {@code numRows * numCols}; otherwise (an EJML matrix reshaped smaller) its first
     * {@code numRows * numCols} elements are copied.
     *
     * @param a (input) the design, {@code m x n}; not modified
     * @param b (input) the response, length {@code a.numRows}; not modified
     * @param signs (input) the constraint of each column, length {@code a.numCols}; not modified
     * @param options the iteration limit, dual tolerance and ridge penalty
     * @param workspace (output) optional scratch memory, may be null; modified
     * @return the solution; see {@link NnlsResult}
     * @throws IllegalArgumentException as {@link #solve(double[], int, int, double[], Sign[], NnlsOptions,
     *     NnlsWorkspace)}
     */
    public static NnlsResult solve(DMatrixRMaj a, double[] b, Sign[] signs, NnlsOptions options,
            NnlsWorkspace workspace) {
        Objects.requireNonNull(a, "a");
        double[] data = a.data.length == a.numRows * a.numCols
                ? a.data : Arrays.copyOf(a.data, a.numRows * a.numCols);
        return solve(data, a.numRows, a.numCols, b, signs, options, workspace);
    }

    /**
     * Solves {@code min ||A x - b||^2 + lambda ||x||^2} subject to the column signs from precomputed
     * Gram quantities, for callers that reuse them across penalties or subsets. The objective is
     * {@code x'(A'A + lambda I) x - 2 x'A'b + b'b}.
     *
     * <p>The dual in the result is {@code w = A'b - (A'A + lambda I) x} and the residual norm is
     * {@code sqrt(max(0, b'b - 2 x'A'b + x'A'A x))}, which loses relative accuracy when the residual is
     * much smaller than {@code ||b||}.
     *
     * @param ata (input) {@code A'A}, {@code n x n} row-major: {@code (A'A)(j, k) = ata[j * nCols + k]}; only
     *     the upper triangle {@code j <= k} is read; not modified
     * @param atb (input) {@code A'b}, length {@code nCols}; not modified
     * @param btb {@code b'b >= 0}
     * @param nCols the number of columns {@code n >= 1}
     * @param signs (input) the constraint of each column, length {@code nCols}; not modified
     * @param options the iteration limit, dual tolerance and ridge penalty added to the diagonal of
     *     {@code A'A}
     * @param workspace (output) optional scratch memory, may be null; modified
     * @return the solution; see {@link NnlsResult}
     * @throws IllegalArgumentException if {@code nCols < 1}, a length disagrees, a value is not finite, a
     *     diagonal element of {@code A'A} or {@code btb} is negative
     */
    public static NnlsResult solveGram(double[] ata, double[] atb, double btb, int nCols, Sign[] signs,
            NnlsOptions options, NnlsWorkspace workspace) {
        Objects.requireNonNull(ata, "ata");
        Objects.requireNonNull(atb, "atb");
        Objects.requireNonNull(options, "options");
        Checks.checkPositive("nCols", nCols);
        Checks.checkLength("ata", ata, nCols * nCols);
        Checks.checkLength("atb", atb, nCols);
        Checks.checkNonNegative("btb", btb);
        checkSigns(signs, nCols);
        for (int j = 0; j < nCols; j++) {
            for (int k = j; k < nCols; k++) {
                double v = ata[j * nCols + k];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("ata[" + (j * nCols + k) + "] (row " + j + ", column " + k
                            + ") = " + v + "; must be finite");
                }
            }
            double d = ata[j * nCols + j];
            if (d < 0) {
                throw new IllegalArgumentException("ata[" + (j * nCols + j) + "] (row " + j + ", column " + j
                        + ") = " + d + "; a diagonal element of A'A must be >= 0");
            }
        }
        Checks.checkAllFinite("atb", atb);

        NnlsWorkspace ws = workspace != null ? workspace : new NnlsWorkspace();
        ws.ensure(0, nCols);
        double[] g = ws.g;
        for (int j = 0; j < nCols; j++) {
            for (int k = j; k < nCols; k++) {
                double v = ata[j * nCols + k];
                g[j * nCols + k] = v;
                g[k * nCols + j] = v;
            }
        }
        System.arraycopy(atb, 0, ws.c, 0, nCols);
        double lambda = options.lambda();
        double tol = prepare(ws, nCols, signs, btb, options);
        int iterations = activeSet(ws, nCols, options.effectiveMaxIterations(nCols), tol);
        NnlsStatus status = iterations < 0 ? NnlsStatus.MAX_ITERATIONS : NnlsStatus.CONVERGED;
        iterations = iterations < 0 ? -iterations - 1 : iterations;

        // In flipped coordinates: w' = c' - G' x'; the original dual is w_j = sign_j * w'_j.
        double[] x = new double[nCols];
        double[] w = new double[nCols];
        boolean[] passive = new boolean[nCols];
        double xGx = 0;
        double cx = 0;
        double xx = 0;
        for (int j = 0; j < nCols; j++) {
            int off = j * nCols;
            double gx = 0;
            for (int k = 0; k < nCols; k++) {
                gx += g[off + k] * ws.x[k];
            }
            double xj = ws.x[j];
            xGx += xj * gx;
            cx += ws.c[j] * xj;
            xx += xj * xj;
            w[j] = ws.sign[j] * (ws.c[j] - gx);
            x[j] = ws.sign[j] * xj;
            passive[j] = ws.inPassive[j];
        }
        double rss = Math.max(0.0, btb - 2 * cx + xGx - lambda * xx);
        double objective = Math.max(0.0, btb - 2 * cx + xGx);
        return new NnlsResult(status, x, w, passive, Math.sqrt(rss), objective, iterations, lambda);
    }

    /**
     * Computes the Gram quantities {@code A'A}, {@code A'b} and {@code b'b} in one pass over {@code A},
     * for {@link #solveGram}. Costs {@code nRows * nCols * (nCols + 3) / 2} multiply-adds.
     *
     * @param a (input) the design, row-major: {@code A(i, j) = a[i * nCols + j]}; not modified
     * @param nRows the number of rows {@code m >= 1}
     * @param nCols the number of columns {@code n >= 1}
     * @param b (input) the response, length {@code nRows}; not modified
     * @param ataOut (output) {@code A'A}, both triangles, {@code ataOut[j * nCols + k]}; length at least
     *     {@code nCols * nCols}; modified
     * @param atbOut (output) {@code A'b}; length at least {@code nCols}; modified
     * @return {@code b'b}
     * @throws IllegalArgumentException if a size is not positive, a length disagrees or a value is not
     *     finite
     */
    public static double gram(double[] a, int nRows, int nCols, double[] b, double[] ataOut, double[] atbOut) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(ataOut, "ataOut");
        Objects.requireNonNull(atbOut, "atbOut");
        Checks.checkPositive("nRows", nRows);
        Checks.checkPositive("nCols", nCols);
        Checks.checkLength("a", a, nRows * nCols);
        Checks.checkLength("b", b, nRows);
        Checks.checkArgument(ataOut.length >= nCols * nCols, "ataOut.length = %d; expected >= %d",
                ataOut.length, nCols * nCols);
        Checks.checkArgument(atbOut.length >= nCols, "atbOut.length = %d; expected >= %d",
                atbOut.length, nCols);
        checkMatrixFinite("a", a, nRows, nCols);
        Checks.checkAllFinite("b", b);
        return gramInto(a, nRows, nCols, b, ataOut, atbOut);
    }

    // ---------------------------------------------------------------------------------------------------
    // Kernel

    /**
     * Accumulates the upper triangle of {@code A'A} four rows of {@code A} at a time and two rows of
     * {@code g} per pass (a register block: a quarter of the loads and stores of {@code g} of a row-by-row
     * rank-1 update, and each load of {@code A} used twice; the inner loop runs along contiguous rows),
     * mirrors it, and forms {@code A'b}; returns {@code b'b}. The entry {@code g[j + 1][j]} that a pass
     * also computes is in the lower triangle and overwritten by the mirror.
     */
    static double gramInto(double[] a, int m, int n, double[] b, double[] g, double[] c) {
        Arrays.fill(g, 0, n * n, 0.0);
        Arrays.fill(c, 0, n, 0.0);
        double btb = 0;
        int i = 0;
        for (; i + 3 < m; i += 4) {
            int o1 = i * n;
            int o2 = o1 + n;
            int o3 = o2 + n;
            int o4 = o3 + n;
            double b1 = b[i];
            double b2 = b[i + 1];
            double b3 = b[i + 2];
            double b4 = b[i + 3];
            btb += b1 * b1 + b2 * b2 + b3 * b3 + b4 * b4;
            int j = 0;
            for (; j + 1 < n; j += 2) {
                // Two rows of g per pass share the loads of the four rows of A (1.7x at 1000 x 50); each
                // element sums the same four products in the same order as the single-row loop below.
                double u1 = a[o1 + j];
                double u2 = a[o2 + j];
                double u3 = a[o3 + j];
                double u4 = a[o4 + j];
                double v1 = a[o1 + j + 1];
                double v2 = a[o2 + j + 1];
                double v3 = a[o3 + j + 1];
                double v4 = a[o4 + j + 1];
                c[j] += u1 * b1 + u2 * b2 + u3 * b3 + u4 * b4;
                c[j + 1] += v1 * b1 + v2 * b2 + v3 * b3 + v4 * b4;
                int gOff = j * n;
                int hOff = gOff + n;
                for (int k = j; k < n; k++) {
                    double a1 = a[o1 + k];
                    double a2 = a[o2 + k];
                    double a3 = a[o3 + k];
                    double a4 = a[o4 + k];
                    g[gOff + k] += u1 * a1 + u2 * a2 + u3 * a3 + u4 * a4;
                    g[hOff + k] += v1 * a1 + v2 * a2 + v3 * a3 + v4 * a4;
                }
            }
            for (; j < n; j++) {
                double u1 = a[o1 + j];
                double u2 = a[o2 + j];
                double u3 = a[o3 + j];
                double u4 = a[o4 + j];
                c[j] += u1 * b1 + u2 * b2 + u3 * b3 + u4 * b4;
                int gOff = j * n;
                for (int k = j; k < n; k++) {
                    g[gOff + k] += u1 * a[o1 + k] + u2 * a[o2 + k] + u3 * a[o3 + k] + u4 * a[o4 + k];
                }
            }
        }
        for (; i < m; i++) {
            int o1 = i * n;
            double b1 = b[i];
            btb += b1 * b1;
            for (int j = 0; j < n; j++) {
                double u = a[o1 + j];
                c[j] += u * b1;
                int gOff = j * n;
                for (int k = j; k < n; k++) {
                    g[gOff + k] += u * a[o1 + k];
                }
            }
        }
        for (int j = 0; j < n; j++) {
            for (int k = j + 1; k < n; k++) {
                g[k * n + j] = g[j * n + k];
            }
        }
        return btb;
    }

    /**
     * Adds the ridge penalty, applies the sign flip to {@code ws.g} and {@code ws.c}, fills the
     * constraint flags and returns the dual tolerance.
     */
    private static double prepare(NnlsWorkspace ws, int n, Sign[] signs, double btb, NnlsOptions options) {
        double[] g = ws.g;
        double lambda = options.lambda();
        double trace = 0;
        for (int j = 0; j < n; j++) {
            ws.sign[j] = signs[j].multiplier();
            ws.constrained[j] = signs[j].isConstrained();
            g[j * n + j] += lambda;
            trace += g[j * n + j];
        }
        for (int j = 0; j < n; j++) {
            double sj = ws.sign[j];
            if (sj < 0) {
                ws.c[j] = -ws.c[j];
                int off = j * n;
                for (int k = 0; k < n; k++) {
                    g[off + k] = -g[off + k];
                    g[k * n + j] = -g[k * n + j];
                }
            }
        }
        double tol = options.dualTolerance();
        if (tol == NnlsOptions.AUTO) {
            tol = 10.0 * n * EPS * Math.sqrt(trace) * Math.sqrt(btb);
        }
        return tol;
    }

    /**
     * The Lawson-Hanson active-set iteration on the flipped Gram problem held in {@code ws}. Leaves the
     * coefficients in {@code ws.x} and the passive set in {@code ws.inPassive}. Returns the number of
     * subproblem solves, or {@code -(solves + 1)} when the iteration limit stopped it.
     */
    static int activeSet(NnlsWorkspace ws, int n, int maxIter, double tol) {
        final double[] g = ws.g;
        final double[] c = ws.c;
        final double[] x = ws.x;
        final double[] z = ws.z;
        final int[] p = ws.passiveIndex;
        final boolean[] inP = ws.inPassive;
        final boolean[] constrained = ws.constrained;
        final boolean[] rejected = ws.rejected;
        final boolean[] skipped = ws.skipped;
        Arrays.fill(x, 0, n, 0.0);
        Arrays.fill(inP, 0, n, false);
        Arrays.fill(rejected, 0, n, false);

        // Free columns start passive, in index order; their subproblem has no bound.
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (!constrained[j]) {
                p[k++] = j;
                inP[j] = true;
            }
        }
        int iter = 0;
        if (k > 0) {
            factorRows(ws, n, 0, k);
            solvePassive(ws, n, k);
            iter++;
            for (int r = 0; r < k; r++) {
                x[p[r]] = z[r];
            }
        }

        boolean limitHit = false;
        outer:
        while (true) {
            // Dual of the active constrained columns; pick the largest above the tolerance.
            int t = -1;
            double best = tol;
            for (int j = 0; j < n; j++) {
                if (constrained[j] && !inP[j] && !rejected[j]) {
                    int off = j * n;
                    double wj = c[j];
                    for (int r = 0; r < k; r++) {
                        int q = p[r];
                        wj -= g[off + q] * x[q];
                    }
                    if (wj > best) {
                        best = wj;
                        t = j;
                    }
                }
            }
            if (t < 0) {
                break;
            }
            if (iter >= maxIter) {
                limitHit = true;
                break;
            }
            p[k] = t;
            factorRows(ws, n, k, k + 1);
            if (skipped[k]) {
                rejected[t] = true; // numerically in the span of the passive columns
                continue;
            }
            k++;
            inP[t] = true;
            solvePassive(ws, n, k);
            iter++;
            if (!(z[k - 1] > 0)) {
                k--; // Lawson-Hanson: a column that would enter at a non-positive value is refused
                inP[t] = false;
                rejected[t] = true;
                continue;
            }
            while (true) {
                double alpha = Double.POSITIVE_INFINITY;
                int block = -1;
                for (int r = 0; r < k; r++) {
                    int q = p[r];
                    if (constrained[q] && !(z[r] > 0)) {
                        double denom = x[q] - z[r];
                        double step = denom > 0 ? x[q] / denom : 0.0;
                        if (step < alpha) {
                            alpha = step;
                            block = r;
                        }
                    }
                }
                if (block < 0) {
                    for (int r = 0; r < k; r++) {
                        x[p[r]] = z[r];
                    }
                    break;
                }
                for (int r = 0; r < k; r++) {
                    int q = p[r];
                    x[q] += alpha * (z[r] - x[q]);
                }
                x[p[block]] = 0.0;
                int kept = 0;
                int first = -1;
                for (int r = 0; r < k; r++) {
                    int q = p[r];
                    if (constrained[q] && !(x[q] > 0)) {
                        x[q] = 0.0;
                        inP[q] = false;
                        if (first < 0) {
                            first = r;
                        }
                    } else {
                        p[kept++] = q;
                    }
                }
                k = kept;
                factorRows(ws, n, first, k);
                if (iter >= maxIter) {
                    limitHit = true;
                    break outer;
                }
                solvePassive(ws, n, k);
                iter++;
            }
            Arrays.fill(rejected, 0, n, false);
        }
        ws.passiveSize = k;
        return limitHit ? -(iter + 1) : iter;
    }

    /**
     * Computes rows {@code from .. to-1} of the Cholesky factor of the passive block of {@code G}, in
     * passive order; rows before {@code from} are kept. A row whose pivot is at most
     * {@code RANK_TOLERANCE * G_qq} is marked skipped and zeroed (the column is dependent).
     */
    private static void factorRows(NnlsWorkspace ws, int n, int from, int to) {
        final double[] g = ws.g;
        final double[] l = ws.l;
        final int[] p = ws.passiveIndex;
        final boolean[] skipped = ws.skipped;
        for (int r = from; r < to; r++) {
            int q = p[r];
            int gOff = q * n;
            int lRow = r * n;
            double diag = g[gOff + q];
            double d = diag;
            for (int s = 0; s < r; s++) {
                double v;
                if (skipped[s]) {
                    v = 0.0;
                } else {
                    int lS = s * n;
                    double sum = g[gOff + p[s]];
                    for (int u = 0; u < s; u++) {
                        sum -= l[lRow + u] * l[lS + u];
                    }
                    v = sum / l[lS + s];
                }
                l[lRow + s] = v;
                d -= v * v;
            }
            if (d > RANK_TOLERANCE * diag) {
                skipped[r] = false;
                l[lRow + r] = Math.sqrt(d);
            } else {
                skipped[r] = true;
                l[lRow + r] = 0.0;
            }
        }
    }

    /** Solves {@code L L' z = c_P} for the first {@code k} passive positions; skipped rows get 0. */
    private static void solvePassive(NnlsWorkspace ws, int n, int k) {
        final double[] l = ws.l;
        final double[] y = ws.y;
        final double[] z = ws.z;
        final double[] c = ws.c;
        final int[] p = ws.passiveIndex;
        final boolean[] skipped = ws.skipped;
        for (int r = 0; r < k; r++) {
            if (skipped[r]) {
                y[r] = 0.0;
                continue;
            }
            int lRow = r * n;
            double s = c[p[r]];
            for (int u = 0; u < r; u++) {
                s -= l[lRow + u] * y[u];
            }
            y[r] = s / l[lRow + r];
        }
        for (int r = k - 1; r >= 0; r--) {
            if (skipped[r]) {
                z[r] = 0.0;
                continue;
            }
            double s = y[r];
            for (int u = r + 1; u < k; u++) {
                s -= l[u * n + r] * z[u];
            }
            z[r] = s / l[r * n + r];
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Validation

    private static void checkSigns(Sign[] signs, int nCols) {
        Objects.requireNonNull(signs, "signs");
        Checks.checkArgument(signs.length == nCols, "signs.length = %d; expected %d", signs.length, nCols);
        for (int j = 0; j < nCols; j++) {
            if (signs[j] == null) {
                throw new NullPointerException("signs[" + j + "] = null");
            }
        }
    }

    private static void checkMatrixFinite(String name, double[] a, int nRows, int nCols) {
        for (int idx = 0; idx < a.length; idx++) {
            if (!Double.isFinite(a[idx])) {
                throw new IllegalArgumentException(name + "[" + idx + "] (row " + idx / nCols + ", column "
                        + idx % nCols + ") = " + a[idx] + "; must be finite");
            }
        }
    }

    private static boolean gramDiagonalFinite(double[] g, int n) {
        for (int j = 0; j < n; j++) {
            if (!Double.isFinite(g[j * n + j])) {
                return false;
            }
        }
        return true;
    }

    private static void checkGramFinite(double[] g, int n) {
        for (int j = 0; j < n; j++) {
            double d = g[j * n + j];
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("a: column " + j + " has sum of squares = " + d
                        + "; A'A overflows, rescale the column");
            }
        }
    }
}
