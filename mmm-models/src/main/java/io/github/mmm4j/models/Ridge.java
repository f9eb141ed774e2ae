package io.github.mmm4j.models;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.DataException;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.linear.Nnls;
import io.github.mmm4j.models.linear.NnlsOptions;
import io.github.mmm4j.models.linear.NnlsResult;
import io.github.mmm4j.models.linear.Sign;
import java.util.Locale;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Ridge regression of the KPI on the {@link Design} of a {@link ModelSpec}.
 *
 * <p>Columns and KPI are standardised over the training rows (centred, divided by their population standard
 * deviation); the coefficients {@code b} minimise {@code ||y_s - Z b||^2 + n lambda ||b||^2} where {@code n} is
 * the number of training rows, so {@code lambda} is independent of the data's size and units and the
 * intercept is not penalised. Columns that are constant over the training rows get coefficient 0. The
 * solution is mapped back to raw units: {@code coef_j = b_j sd(y) / sd(x_j)},
 * {@code intercept = mean(y) - sum_j coef_j mean(x_j)}. With {@code lambda = 0} this is ordinary least
 * squares (minimum-norm on a rank-deficient design). The system is solved as the augmented least-squares
 * problem {@code [Z; sqrt(n lambda) I] b = [y_s; 0]} by SVD, which is accurate to the design's conditioning.
 *
 * <p><b>Penalty.</b> Unless {@link RidgeOptions#lambda()} fixes it, lambda is chosen from
 * {@link RidgeOptions#LAMBDA_GRID} by rolling-origin cross-validation on the training periods (Hyndman and
 * Athanasopoulos, "Forecasting: principles and practice", section 5.10): with {@code K} folds and
 * {@code h = floor(n / (2K))} periods per fold, fold {@code k} trains on the periods before
 * {@code n - (K - k + 1) h} and validates on the next {@code h}; the lambda with the smallest mean squared
 * validation error wins. Media transforms see the whole series, so no fold loses carryover.
 *
 * <p><b>Intervals.</b> A moving-block bootstrap of residuals (Künsch 1989, "The jackknife and the bootstrap
 * for general stationary observations", Annals of Statistics 17(3)) keeps the time order within blocks:
 * each replicate adds to the fitted values a residual series assembled from randomly chosen blocks of the
 * training residuals (within each geo), refits with the same lambda and transforms, and gives one draw of
 * the coefficients. Percentile intervals of contribution, share, ROI and marginal ROI come from the draws.
 * Replicate {@code b} uses the {@code b}-th generator split from the seed before any work starts, so the
 * draws are identical for any number of threads.
 *
 * <p><b>Signs.</b> With {@link RidgeOptions#nonNegativeMedia()} or control sign constraints, the penalised
 * problem is solved under those constraints (see {@link #solve(double[], int, int, double[], double, Sign[])}).
 *
 * <p>Hoerl and Kennard (1970), "Ridge regression: biased estimation for nonorthogonal problems",
 * Technometrics 12(1).
 */
public final class Ridge extends LinearEstimator {

    /** The estimator's name in results and provenance. */
    public static final String NAME = "ridge";

    /**
     * @param options the options
     */
    public Ridge(RidgeOptions options) {
        super(options, f -> { });
    }

    private Ridge(RidgeOptions options, java.util.function.DoubleConsumer progress) {
        super(options, progress);
    }

    /** @return the estimator with {@link RidgeOptions#defaults()} */
    public static Ridge defaults() {
        return new Ridge(RidgeOptions.defaults());
    }

    @Override
    Ridge copy(RidgeOptions newOptions, java.util.function.DoubleConsumer listener) {
        return new Ridge(newOptions, listener);
    }

    @Override
    RidgeOptions effective(RidgeOptions given) {
        return given;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Fits the model on all but the final {@code options.holdout()} periods.
     *
     * @param data the data, with the spec's channels
     * @param spec the model structure
     * @param options the options
     * @return the fitted model
     * @throws DataException if the training rows are fewer than the model's parameters
     * @throws IllegalArgumentException if the spec does not match the data or the holdout is too long
     */
    public static FittedModel fit(MmmDataset data, ModelSpec spec, RidgeOptions options) {
        return LinearEstimation.fit(NAME, data, spec, options);
    }

    static void checkSampleSize(int n, int p, Design design) {
        if (n < p + 1) {
            throw new DataException("data", String.format(Locale.ROOT,
                    "%d training rows but the model has %d parameters (intercept + %d columns: %s); "
                            + "use more periods, fewer harmonics or fewer channels",
                    n, p + 1, p, design.columnNames()));
        }
    }

    /**
     * Solves the standardised ridge problem described in the class comment.
     *
     * @param x (input) not modified; the design, row-major {@code x[i * p + j]}, n by p, finite
     * @param n number of rows, at least 1
     * @param p number of columns
     * @param y (input) not modified; the response, length n, finite
     * @param lambda the penalty, at least 0
     * @return {@code {intercept, coef_0, ..., coef_(p-1)}} in raw units
     */
    public static double[] solve(double[] x, int n, int p, double[] y, double lambda) {
        return solve(x, n, p, y, lambda, null);
    }

    /**
     * Solves the standardised ridge problem with sign constraints on the coefficients: with any constrained
     * column the problem is solved by non-negative least squares on the standardised, penalised system
     * (Lawson and Hanson 1974; see {@link io.github.mmm4j.models.linear.Nnls}), which is exact for these
     * constraints because standardising divides each column by a positive number.
     *
     * @param x (input) not modified; the design, row-major {@code x[i * p + j]}, n by p, finite
     * @param n number of rows, at least 1
     * @param p number of columns
     * @param y (input) not modified; the response, length n, finite
     * @param lambda the penalty, at least 0
     * @param signs (input) not modified; the sign constraint of each column, or null for none
     * @return {@code {intercept, coef_0, ..., coef_(p-1)}} in raw units
     */
    public static double[] solve(double[] x, int n, int p, double[] y, double lambda, Sign[] signs) {
        Checks.checkPositive("n", n);
        Checks.checkNonNegative("p", p);
        Checks.checkLength("x", x, n * p);
        Checks.checkLength("y", y, n);
        Checks.checkAllFinite("x", x);
        Checks.checkAllFinite("y", y);
        Checks.checkNonNegative("lambda", lambda);
        double my = 0;
        for (double v : y) {
            my += v;
        }
        my /= n;
        double sy = 0;
        for (double v : y) {
            sy += (v - my) * (v - my);
        }
        sy = Math.sqrt(sy / n);
        double[] mx = new double[p];
        double[] sx = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                mx[j] += x[i * p + j];
            }
        }
        for (int j = 0; j < p; j++) {
            mx[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double d = x[i * p + j] - mx[j];
                sx[j] += d * d;
            }
        }
        int q = 0;
        int[] active = new int[p];
        for (int j = 0; j < p; j++) {
            sx[j] = Math.sqrt(sx[j] / n);
            // A column constant up to rounding carries no information about y.
            if (sx[j] > 1e-12 * Math.max(1, Math.abs(mx[j]))) {
                active[q++] = j;
            }
        }
        double[] out = new double[p + 1];
        if (sy == 0 || q == 0) {
            out[0] = my;
            return out;
        }
        boolean constrained = false;
        if (signs != null) {
            Checks.checkArgument(signs.length == p, "signs.length = %d; expected %d", signs.length, p);
            for (int k = 0; k < q; k++) {
                constrained |= signs[active[k]] != Sign.FREE;
            }
        }
        if (constrained) {
            return solveConstrained(x, n, p, y, lambda, signs, active, q, mx, sx, my, sy, out);
        }
        int rows = lambda > 0 ? n + q : n;
        DMatrixRMaj a = new DMatrixRMaj(rows, q);
        DMatrixRMaj b = new DMatrixRMaj(rows, 1);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < q; k++) {
                int j = active[k];
                a.unsafe_set(i, k, (x[i * p + j] - mx[j]) / sx[j]);
            }
            b.unsafe_set(i, 0, (y[i] - my) / sy);
        }
        if (lambda > 0) {
            double s = Math.sqrt(n * lambda);
            for (int k = 0; k < q; k++) {
                a.unsafe_set(n + k, k, s);
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
        if (!solver.setA(a)) {
            throw new ArithmeticException("ridge: the SVD of the standardised design failed");
        }
        DMatrixRMaj beta = new DMatrixRMaj(q, 1);
        solver.solve(b, beta);
        double intercept = my;
        for (int k = 0; k < q; k++) {
            int j = active[k];
            double c = beta.get(k, 0) * sy / sx[j];
            out[1 + j] = c;
            intercept -= c * mx[j];
        }
        out[0] = intercept;
        return out;
    }

    private static double[] solveConstrained(double[] x, int n, int p, double[] y, double lambda, Sign[] signs,
            int[] active, int q, double[] mx, double[] sx, double my, double sy, double[] out) {
        double[] z = new double[n * q];
        double[] ys = new double[n];
        Sign[] s = new Sign[q];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < q; k++) {
                int j = active[k];
                z[i * q + k] = (x[i * p + j] - mx[j]) / sx[j];
            }
            ys[i] = (y[i] - my) / sy;
        }
        for (int k = 0; k < q; k++) {
            s[k] = signs[active[k]];
        }
        NnlsResult r = Nnls.solve(z, n, q, ys, s, NnlsOptions.DEFAULTS.withLambda(n * lambda), null);
        if (!r.converged()) {
            throw new ArithmeticException("constrained least squares did not converge: " + r.status());
        }
        double intercept = my;
        for (int k = 0; k < q; k++) {
            int j = active[k];
            double c = r.x(k) * sy / sx[j];
            out[1 + j] = c;
            intercept -= c * mx[j];
        }
        out[0] = intercept;
        return out;
    }
}
