package io.github.mmm4j.models.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tolerance policy of the {@code io.github.mmm4j.models.linear} tests, in one place (in the manner of
 * EJML's {@code UtilEjml.TEST_F64} and Hipparchus' relative-error helpers), with the shared KKT assertion.
 *
 * <ul>
 *   <li><b>KKT.</b> The dual {@code w = A'(b - A x) - lambda x} is compared with 0 to
 *       {@code KKT * ||A_aug||_F * (||b|| + ||A_aug||_F * ||x||)}, where {@code A_aug = [A; sqrt(lambda) I]}.
 *       The first term is the scale of {@code w} itself ({@code |w_j| <= ||a_j|| ||b||} at {@code x = 0});
 *       the second is the backward error of a Cholesky solve of the normal equations
 *       ({@code ||E z|| <= c eps ||A'A|| ||z||}), which dominates on ill-conditioned passive sets. With
 *       {@code KKT = 1e-9} this leaves a margin of about {@code 10^6} over double rounding for the sizes
 *       tested (at most 200 rows, 50 columns).</li>
 *   <li><b>Nearly collinear designs.</b> A column at zero (constrained, or free and given 0) that
 *       {@link Nnls} treats as
 *       numerically dependent (sine of its angle to the passive span below
 *       {@code sqrt(Nnls.RANK_TOLERANCE) = 1e-6}) may keep a dual up to {@code sin * ||a_j|| * ||r||}; the
 *       nearly-collinear property allows {@code 2e-6 * ||a_j|| * ||r||} in addition to the KKT tolerance.</li>
 *   <li><b>Reference solutions.</b> Coefficients from scipy or an EJML QR solve, where the solution is
 *       unique, agree to {@link #SOLUTION} relative to {@code max(1, ||x_ref||_inf)}; objectives (squared
 *       residual norms, which are unique even where the solution is not) agree to {@link #OBJECTIVE}
 *       relative to {@code ||b||^2} (reported objectives: relative to
 *       {@code (||b|| + ||A_aug||_F ||x||)^2}, the cancellation scale of the Gram formula).</li>
 *   <li><b>Diagnostics.</b> VIFs against the closed form {@code 1 / (1 - r^2)} agree to
 *       {@link #CLOSED_FORM} relative; VIFs, correlations and condition numbers against numpy agree to
 *       {@link #NUMPY_RELATIVE} relative (VIFs below 100 here, so the {@code eps * VIF} error of the
 *       correlation route is far below it).</li>
 *   <li>Bit-for-bit equality ({@code assertEquals} on records, whose {@code equals} compares arrays by
 *       content) where the same arithmetic runs twice: workspace reuse, Gram versus matrix entry points.</li>
 * </ul>
 */
final class LinearTolerances {

    /** Relative KKT tolerance; see the class documentation for the scale it multiplies. */
    static final double KKT = 1e-9;

    /** Relative tolerance on unique coefficient vectors from an outside solver. */
    static final double SOLUTION = 1e-8;

    /** Relative tolerance on objective values, relative to {@code ||b||^2}. */
    static final double OBJECTIVE = 1e-10;

    /** Relative tolerance on closed-form diagnostics. */
    static final double CLOSED_FORM = 1e-10;

    /** Relative tolerance on diagnostics computed by numpy. */
    static final double NUMPY_RELATIVE = 1e-9;

    private LinearTolerances() {
    }

    /** Returns {@code ||v||_2}. */
    static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    /** Returns {@code max |v_j|}. */
    static double maxAbs(double[] v) {
        double s = 0;
        for (double e : v) {
            s = Math.max(s, Math.abs(e));
        }
        return s;
    }

    /** Returns {@code ||A x - b||^2 + lambda ||x||^2}, computed directly. */
    static double objective(double[] a, int m, int n, double[] b, double lambda, double[] x) {
        double f = 0;
        for (int i = 0; i < m; i++) {
            double s = -b[i];
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * x[j];
            }
            f += s * s;
        }
        for (double v : x) {
            f += lambda * v * v;
        }
        return f;
    }

    /**
     * Asserts that {@code result} satisfies the KKT conditions of
     * {@code min ||A x - b||^2 + lambda ||x||^2} under {@code signs}, recomputing the dual from {@code A}
     * and checking that the reported dual and objective agree with it.
     */
    static void assertKkt(double[] a, int m, int n, double[] b, Sign[] signs, double lambda, NnlsResult result) {
        assertKkt(a, m, n, b, signs, lambda, result, 0.0);
    }

    /**
     * As {@link #assertKkt(double[], int, int, double[], Sign[], double, NnlsResult)}, but a column at
     * zero (constrained, or free and set to 0 as dependent) may also have a dual up to {@code dependenceSlack * ||a_j|| * ||r||} (augmented norms
     * when {@code lambda > 0}). That is the documented contract of {@link Nnls} for a column it treats as
     * numerically dependent: the residual is orthogonal to the passive columns, so
     * {@code |w_j| <= sin(angle to their span) * ||a_j|| * ||r||}, and the angle is refused below
     * {@code sqrt(Nnls.RANK_TOLERANCE)}. Pass {@code 2 * sqrt(Nnls.RANK_TOLERANCE)} (a factor 2 for the
     * rounding of the pivot) for nearly collinear designs, 0 otherwise.
     */
    static void assertKkt(double[] a, int m, int n, double[] b, Sign[] signs, double lambda, NnlsResult result,
            double dependenceSlack) {
        double[] x = result.x();
        assertEquals(n, x.length, "x length");
        double frob2 = n * lambda;
        for (double v : a) {
            frob2 += v * v;
        }
        double frob = Math.sqrt(frob2);
        double tol = KKT * frob * (norm(b) + frob * norm(x));
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            double s = b[i];
            for (int j = 0; j < n; j++) {
                s -= a[i * n + j] * x[j];
            }
            r[i] = s;
        }
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            double s = -lambda * x[j];
            for (int i = 0; i < m; i++) {
                s += a[i * n + j] * r[i];
            }
            w[j] = s;
        }
        double rAug = Math.sqrt(norm(r) * norm(r) + lambda * norm(x) * norm(x));
        double[] reported = result.dual();
        boolean[] passive = result.passive();
        for (int j = 0; j < n; j++) {
            assertTrue(Double.isFinite(x[j]), "x[" + j + "] finite");
            assertEquals(w[j], reported[j], tol, "reported dual[" + j + "]");
            double colNorm2 = lambda;
            for (int i = 0; i < m; i++) {
                colNorm2 += a[i * n + j] * a[i * n + j];
            }
            double atZero = tol + dependenceSlack * Math.sqrt(colNorm2) * rAug;
            String where = "column " + j + " (" + signs[j] + "), x = " + x[j] + ", w = " + w[j] + ", tol = " + tol
                    + ", tol at zero = " + atZero;
            switch (signs[j]) {
                case NON_NEGATIVE -> {
                    assertTrue(x[j] >= 0, "primal feasibility: " + where);
                    assertTrue(x[j] > 0 ? Math.abs(w[j]) <= tol : w[j] <= atZero, "dual condition: " + where);
                    assertEquals(x[j] > 0, passive[j], "passive flag: " + where);
                }
                case NON_POSITIVE -> {
                    assertTrue(x[j] <= 0, "primal feasibility: " + where);
                    assertTrue(x[j] < 0 ? Math.abs(w[j]) <= tol : w[j] >= -atZero, "dual condition: " + where);
                    assertEquals(x[j] < 0, passive[j], "passive flag: " + where);
                }
                case FREE -> {
                    // A free column at exactly 0 is one treated as dependent (basic solution).
                    assertTrue(Math.abs(w[j]) <= (x[j] == 0.0 ? atZero : tol), "stationarity: " + where);
                    assertTrue(passive[j], "free columns are passive: " + where);
                }
            }
        }
        double f = objective(a, m, n, b, lambda, x);
        double scale = norm(b) + frob * norm(x);
        assertEquals(f, result.objective(), OBJECTIVE * scale * scale, "reported objective");
    }
}
