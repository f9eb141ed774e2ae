package io.github.mmm4j.models.linear;

import io.github.mmm4j.core.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Collinearity diagnostics of a design matrix: variance inflation factors, the condition number of the
 * standardised design and the correlation matrix (Belsley, Kuh and Welsch 1980, <i>Regression
 * Diagnostics</i>, chapter 3; Marquardt 1970 for the VIF).
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li>{@code VIF_j = 1 / (1 - R^2_j)}, where {@code R^2_j} is the coefficient of determination of the
 *       least squares regression of column {@code j} on all other columns and an intercept; equivalently
 *       the {@code j}-th diagonal element of the inverse correlation matrix when that exists. It is
 *       computed from the correlation matrix by a Cholesky factorisation that orders column {@code j} last
 *       and skips regressors that are themselves dependent (relative pivot at most
 *       {@link #COLLINEAR_TOLERANCE}), so one exact dependency among the other columns does not spoil the
 *       VIF of an independent column. When {@code 1 - R^2_j <= COLLINEAR_TOLERANCE} ({@code 1e-10}) the
 *       column is treated as an exact linear combination and its VIF is reported as
 *       {@link Double#POSITIVE_INFINITY}; finite VIFs above about {@code 1e8} carry a relative error of up
 *       to about {@code p^2 * 2^-52 * VIF}.</li>
 *   <li>The condition number is {@code s_max / s_min}, the singular values of the standardised design (the
 *       non-constant columns centred and scaled to unit length), computed with EJML's SVD. It is
 *       {@link Double#POSITIVE_INFINITY} when {@code s_min <= max(n, q) * 2^-52 * s_max} (the numerical
 *       rank test of {@code numpy.linalg.matrix_rank}), which includes {@code n <= q}. Note that Belsley,
 *       Kuh and Welsch scale without centring and keep the intercept column; centring, as here, measures
 *       dependencies among the regressors only, which is what a practitioner can act on in a marketing
 *       mix model. The threshold 30 is theirs.</li>
 *   <li>A column is constant when all its values are equal. It is exactly collinear with the intercept:
 *       its VIF is {@link Double#POSITIVE_INFINITY}, its correlations are 0 (1 with itself), it is left
 *       out of the other columns' regressions and of the condition number, and it is reported in
 *       {@link CollinearityReport#constant()}.</li>
 * </ul>
 */
public final class Collinearity {

    /** Default VIF above which a column is flagged: 10. */
    public static final double DEFAULT_VIF_THRESHOLD = 10.0;

    /** Default condition number above which a design is flagged: 30 (Belsley, Kuh and Welsch 1980). */
    public static final double DEFAULT_CONDITION_THRESHOLD = 30.0;

    /** {@code 1 - R^2} at or below which a column counts as an exact linear combination: {@code 1e-10}. */
    public static final double COLLINEAR_TOLERANCE = 1e-10;

    private static final double EPS = Math.ulp(1.0);

    private Collinearity() {
    }

    /**
     * Diagnoses a design with columns named {@code x0, x1, ...} and the default thresholds.
     *
     * @param x (input) the design, row-major: {@code X(i, j) = x[i * nCols + j]}; not modified
     * @param nRows the number of observations, {@code >= 2}
     * @param nCols the number of columns, {@code >= 1}
     * @return the report
     * @throws IllegalArgumentException if a size is out of range, the length disagrees or a value is not
     *     finite
     */
    public static CollinearityReport diagnose(double[] x, int nRows, int nCols) {
        Checks.checkPositive("nCols", nCols);
        List<String> names = new ArrayList<>(nCols);
        for (int j = 0; j < nCols; j++) {
            names.add("x" + j);
        }
        return diagnose(x, nRows, nCols, names, DEFAULT_VIF_THRESHOLD, DEFAULT_CONDITION_THRESHOLD);
    }

    /**
     * Diagnoses an EJML design matrix with the default thresholds. The data are read in place (copied only
     * when {@code x.data} is longer than {@code numRows * numCols}).
     *
     * @param x (input) the design, {@code n x p}; not modified
     * @param names the column names, {@code p} distinct non-null strings
     * @return the report
     * @throws IllegalArgumentException as {@link #diagnose(double[], int, int, List, double, double)}
     */
    public static CollinearityReport diagnose(DMatrixRMaj x, List<String> names) {
        Objects.requireNonNull(x, "x");
        double[] data = x.data.length == x.numRows * x.numCols
                ? x.data : Arrays.copyOf(x.data, x.numRows * x.numCols);
        return diagnose(data, x.numRows, x.numCols, names, DEFAULT_VIF_THRESHOLD, DEFAULT_CONDITION_THRESHOLD);
    }

    /**
     * Diagnoses a design: VIFs, condition number of the standardised design and correlations, as defined
     * in the class documentation. Costs {@code O(n p^2 + p^4 / 6)}.
     *
     * @param x (input) the design, row-major: {@code X(i, j) = x[i * nCols + j]}, without an intercept
     *     column; not modified
     * @param nRows the number of observations {@code n >= 2}
     * @param nCols the number of columns {@code p >= 1}
     * @param names the column names, {@code p} distinct non-null strings
     * @param vifThreshold VIF above which a column is severe, {@code > 0}; usually
     *     {@link #DEFAULT_VIF_THRESHOLD}
     * @param conditionThreshold condition number above which the design is ill-conditioned, {@code > 0};
     *     usually {@link #DEFAULT_CONDITION_THRESHOLD}
     * @return the report
     * @throws IllegalArgumentException if a size is out of range, a length disagrees, a value is not
     *     finite (the message names the index, row, column and value), a name repeats, or a threshold is
     *     not positive
     * @throws IllegalStateException if EJML's SVD does not converge (not observed for finite input)
     */
    public static CollinearityReport diagnose(double[] x, int nRows, int nCols, List<String> names,
            double vifThreshold, double conditionThreshold) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(names, "names");
        Checks.checkArgument(nRows >= 2, "nRows = %d; must be >= 2", nRows);
        Checks.checkPositive("nCols", nCols);
        Checks.checkLength("x", x, nRows * nCols);
        Checks.checkArgument(names.size() == nCols, "names.size() = %d; expected %d", names.size(), nCols);
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < nCols; j++) {
            String name = names.get(j);
            if (name == null) {
                throw new NullPointerException("names[" + j + "] = null");
            }
            Checks.checkArgument(seen.add(name), "names[%d] = %s; repeats an earlier name", j, name);
        }
        Checks.checkPositive("vifThreshold", vifThreshold);
        Checks.checkPositive("conditionThreshold", conditionThreshold);
        for (int idx = 0; idx < x.length; idx++) {
            if (!Double.isFinite(x[idx])) {
                throw new IllegalArgumentException("x[" + idx + "] (row " + idx / nCols + ", column "
                        + idx % nCols + ") = " + x[idx] + "; must be finite");
            }
        }
        final int n = nRows;
        final int p = nCols;

        // Constant columns, then the varying ones centred and scaled to unit length (two passes).
        boolean[] constant = new boolean[p];
        int[] varying = new int[p];
        int q = 0;
        for (int j = 0; j < p; j++) {
            double first = x[j];
            boolean same = true;
            for (int i = 1; i < n && same; i++) {
                same = x[i * p + j] == first;
            }
            constant[j] = same;
            if (!same) {
                varying[q++] = j;
            }
        }
        double[] z = new double[n * q];
        for (int s = 0; s < q; s++) {
            int j = varying[s];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * p + j];
            }
            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double d = x[i * p + j] - mean;
                z[i * q + s] = d;
                ss += d * d;
            }
            double scale = 1.0 / Math.sqrt(ss);
            for (int i = 0; i < n; i++) {
                z[i * q + s] *= scale;
            }
        }

        // Correlation of the varying columns: R = Z'Z, unit diagonal.
        double[] r = new double[q * q];
        for (int i = 0; i < n; i++) {
            int off = i * q;
            for (int s = 0; s < q; s++) {
                double v = z[off + s];
                int rOff = s * q;
                for (int t = s; t < q; t++) {
                    r[rOff + t] += v * z[off + t];
                }
            }
        }
        for (int s = 0; s < q; s++) {
            r[s * q + s] = 1.0;
            for (int t = s + 1; t < q; t++) {
                double v = Math.max(-1.0, Math.min(1.0, r[s * q + t]));
                r[s * q + t] = v;
                r[t * q + s] = v;
            }
        }
        double[] correlation = new double[p * p];
        for (int j = 0; j < p; j++) {
            correlation[j * p + j] = 1.0;
        }
        for (int s = 0; s < q; s++) {
            for (int t = 0; t < q; t++) {
                correlation[varying[s] * p + varying[t]] = r[s * q + t];
            }
        }

        // VIF_j = 1 / (1 - R^2_j): the last pivot of R with column j ordered last.
        double[] vif = new double[p];
        int[] order = new int[q];
        double[] l = new double[q * q];
        boolean[] skipped = new boolean[q];
        for (int j = 0; j < p; j++) {
            vif[j] = Double.POSITIVE_INFINITY;
        }
        for (int s = 0; s < q; s++) {
            int k = 0;
            for (int t = 0; t < q; t++) {
                if (t != s) {
                    order[k++] = t;
                }
            }
            order[k] = s;
            double pivot = lastPivot(r, q, order, l, skipped);
            vif[varying[s]] = pivot > COLLINEAR_TOLERANCE ? Math.max(1.0, 1.0 / pivot) : Double.POSITIVE_INFINITY;
        }

        double condition = conditionNumber(z, n, q);
        return new CollinearityReport(names, vif, correlation, condition, constant, vifThreshold,
                conditionThreshold);
    }

    /**
     * Cholesky factorisation of {@code R} in the given order, skipping rows whose relative pivot is at
     * most {@link #COLLINEAR_TOLERANCE}; returns the last pivot, which is {@code 1 - R^2} of the last
     * column regressed on the others.
     */
    private static double lastPivot(double[] r, int q, int[] order, double[] l, boolean[] skipped) {
        double d = 0;
        for (int a = 0; a < q; a++) {
            int ca = order[a];
            int lA = a * q;
            d = r[ca * q + ca];
            for (int b = 0; b < a; b++) {
                double v;
                if (skipped[b]) {
                    v = 0.0;
                } else {
                    int lB = b * q;
                    double sum = r[ca * q + order[b]];
                    for (int u = 0; u < b; u++) {
                        sum -= l[lA + u] * l[lB + u];
                    }
                    v = sum / l[lB + b];
                }
                l[lA + b] = v;
                d -= v * v;
            }
            skipped[a] = !(d > COLLINEAR_TOLERANCE);
            l[lA + a] = skipped[a] ? 0.0 : Math.sqrt(d);
        }
        return d;
    }

    /** Condition number of the {@code n x q} standardised design; see the class documentation. */
    private static double conditionNumber(double[] z, int n, int q) {
        if (q < 2) {
            return 1.0;
        }
        if (n <= q) {
            return Double.POSITIVE_INFINITY; // centred columns span at most n - 1 dimensions
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, q, false, false, true);
        if (!svd.decompose(DMatrixRMaj.wrap(n, q, z))) {
            throw new IllegalStateException("SVD of the " + n + " x " + q + " standardised design did not converge");
        }
        double[] s = svd.getSingularValues();
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < svd.numberOfSingularValues(); i++) {
            max = Math.max(max, s[i]);
            min = Math.min(min, s[i]);
        }
        if (!(min > Math.max(n, q) * EPS * max)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(1.0, max / min);
    }
}
