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
 * <p><b>Tuning (the default).</b> Unless {@link RidgeOptions#withFixedTransforms(boolean)} keeps the spec's
 * values, every channel's adstock and saturation parameters and lambda (unless {@link RidgeOptions#lambda()} fixes
 * it) are chosen within {@link io.github.mmm4j.models.search.SearchSpace#defaults} by blocked cross-validation
 * (Bergmeir, Hyndman and Koo 2018; see {@code TransformTuner}): the training periods split into {@code K =}
 * {@link RidgeOptions#cvFolds()} contiguous blocks, fold {@code k} trains on the other blocks and validates on block
 * {@code k}; the criterion is the summed
 * squared validation error times a parsimony factor {@code 1 + 0.3 ||u_sat - u_0||^2} that, among saturation
 * shapes with nearly equal error, prefers the spec's (the shape at spends never observed is not identified by
 * the error). The search is CMA-ES from the spec's values (Hansen 2016) then a compass search, with
 * {@link TuningOptions#pointEvaluations()} evaluations; its generator is seeded from the seed, apart from the
 * bootstrap's streams. The chosen values are the point row's transform parameters ({@link FittedModel#spec()}).
 *
 * <p><b>Penalty with fixed transforms.</b> Lambda is chosen from {@link RidgeOptions#LAMBDA_GRID} by the same
 * blocked cross-validation error at the spec's transforms. Media transforms see the whole series, so no fold loses
 * carryover.
 *
 * <p><b>Intervals.</b> A moving-block bootstrap of residuals (Künsch 1989, "The jackknife and the bootstrap
 * for general stationary observations", Annals of Statistics 17(3); Efron and Tibshirani 1993, "An Introduction
 * to the Bootstrap", chapters 8.5 and 13): each replicate adds to the point fit's fitted values a residual series
 * assembled from randomly chosen blocks of the training residuals (within each geo), then <em>re-chooses</em> the
 * transform parameters and lambda by the same criterion, warm-started at the full-data choice (a compass search
 * with {@link TuningOptions#replicateEvaluations()} evaluations), and refits: one draw row with its own transform
 * parameters. So the intervals carry the uncertainty of the whole fit, the choice of the transforms included; with
 * fixed transforms the replicates keep the full-data transforms and lambda (narrower intervals that leave that
 * uncertainty out). Percentile intervals of contribution, share, ROI and marginal ROI come from the draws; the
 * point estimate stays the full-data fit (not the draws' mean), and is not re-centred. Replicate {@code b} uses the
 * {@code b}-th generator split from the seed before any work starts, so the draws are identical for any number of
 * threads. Measured on seeded synthetic studies ({@code TunedCoverageTest}): 90% intervals held the true ROI in
 * 83% (ridge) and 88% (NNLS) of 72 channel fits, with every point inside its interval.
 *
 * <p><b>Panel intervals.</b> On a panel of at least 10 geos the replicates resample whole geos' residual series
 * instead of blocks within a geo: the wild cluster bootstrap (Cameron, Gelbach and Miller 2008), each geo's residuals
 * times a random sign, so the intervals carry how far each geo's effects depart from the pooled ones (see
 * {@code LinearEstimation.WILD_CLUSTER_MIN_GEOS}). They still describe the pooled model: an effect the model
 * mis-specifies (a geo's media per capita without {@code --population}, say) is a bias no interval repairs.
 *
 * <p><b>Panels.</b> On data of several geos the design has one offset per geo after the first. Those offsets are
 * fixed effects, not penalised and not standardised: they are absorbed by centring every other column and the KPI
 * within each geo (Frisch-Waugh-Lovell; Wooldridge, "Econometric Analysis of Cross Section and Panel Data", 2nd ed.,
 * section 10.5, the within estimator), the standardised ridge problem above is solved on the centred rows, and each
 * geo's level is then its mean KPI less the fitted effects at its mean columns ({@link #solveWithin}). So a geo's
 * level does not depend on which geo comes first, and neither memory nor time grows with a dense column per geo:
 * a thousand geos of 156 weeks fit in the memory of the other columns alone. With one geo this is the problem
 * above.
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

    /**
     * The ridge problem of the class comment with geo fixed effects (see "Panels" there): the rows are {@code ng}
     * consecutive blocks of {@code n / ng} rows, one per geo; every column and {@code y} are centred within each
     * geo, {@link #solve(double[], int, int, double[], double, Sign[])} solves the centred problem (columns
     * standardised by their within-geo spread, penalty {@code n lambda}), and geo {@code g}'s level is
     * {@code alpha_g = mean_g(y) - sum_j coef_j mean_g(x_j)}. A column whose within-geo variation is below
     * {@code 1e-10} of its root mean square (constant within every geo, up to rounding) gets coefficient 0.
     *
     * @param x (input) not modified; the columns other than the geo offsets, row-major {@code x[i * p + j]}
     * @param n number of rows, a multiple of {@code ng}
     * @param p number of columns
     * @param y (input) not modified; the response, length n
     * @param lambda the penalty, at least 0
     * @param signs the sign constraint of each of the p columns, or null for none
     * @param ng the number of geos, at least 1
     * @return {@code {alpha_0, alpha_1 - alpha_0, ..., alpha_(ng-1) - alpha_0, coef_0, ..., coef_(p-1)}}: the
     *     intercept, the {@code ng - 1} geo offsets and the coefficients, in raw units
     */
    static double[] solveWithin(double[] x, int n, int p, double[] y, double lambda, Sign[] signs, int ng) {
        Checks.checkPositive("ng", ng);
        Checks.checkArgument(n % ng == 0, "n = %d rows do not split into %d geos of equal length", n, ng);
        Checks.checkLength("x", x, n * p);
        Checks.checkLength("y", y, n);
        int m = n / ng;
        double[] mx = new double[ng * p];
        double[] my = new double[ng];
        double[] z = new double[n * p];
        double[] yz = new double[n];
        double[] raw = new double[p];
        double[] within = new double[p];
        for (int g = 0; g < ng; g++) {
            for (int i = g * m; i < (g + 1) * m; i++) {
                my[g] += y[i];
                for (int j = 0; j < p; j++) {
                    mx[g * p + j] += x[i * p + j];
                }
            }
            my[g] /= m;
            for (int j = 0; j < p; j++) {
                mx[g * p + j] /= m;
            }
            for (int i = g * m; i < (g + 1) * m; i++) {
                yz[i] = y[i] - my[g];
                for (int j = 0; j < p; j++) {
                    double v = x[i * p + j];
                    double d = v - mx[g * p + j];
                    z[i * p + j] = d;
                    raw[j] += v * v;
                    within[j] += d * d;
                }
            }
        }
        for (int j = 0; j < p; j++) {
            // constant within every geo up to the rounding of the centring: no information once levels are free
            if (!(within[j] > 1e-20 * raw[j])) {
                for (int i = 0; i < n; i++) {
                    z[i * p + j] = 0.0;
                }
            }
        }
        double[] b = solve(z, n, p, yz, lambda, signs);
        double[] out = new double[ng + p];
        double[] alpha = new double[ng];
        for (int g = 0; g < ng; g++) {
            double a = my[g] + b[0];
            for (int j = 0; j < p; j++) {
                a -= b[1 + j] * mx[g * p + j];
            }
            alpha[g] = a;
        }
        out[0] = alpha[0];
        for (int g = 1; g < ng; g++) {
            out[g] = alpha[g] - alpha[0];
        }
        System.arraycopy(b, 1, out, ng, p);
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
