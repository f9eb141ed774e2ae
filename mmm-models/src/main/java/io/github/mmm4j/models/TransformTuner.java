package io.github.mmm4j.models;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.linear.Cholesky;
import io.github.mmm4j.models.linear.Nnls;
import io.github.mmm4j.models.linear.NnlsOptions;
import io.github.mmm4j.models.linear.NnlsResult;
import io.github.mmm4j.models.linear.NnlsWorkspace;
import io.github.mmm4j.models.linear.Sign;
import io.github.mmm4j.models.search.ParameterRange;
import io.github.mmm4j.models.search.SearchSpace;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.util.Arrays;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937c;

/**
 * The kernel that tunes the transform parameters and the ridge penalty of a linear fit by blocked K-fold
 * cross-validation error, for the full-data fit and, warm-started, inside every bootstrap replicate.
 *
 * <p><b>Criterion.</b> The training periods split into {@code K} contiguous blocks of (nearly) equal length,
 * {@code [floor(k nTrain / K), floor((k + 1) nTrain / K))}; fold {@code k} fits the penalised, sign-constrained
 * least-squares problem of {@link Ridge} (columns and response standardised over the fold's rows) on every other
 * block in every geo and scores the squared error of its predictions on block {@code k}. The criterion is the summed
 * squared validation error over the folds with at least {@code p + 2} training rows, times the parsimony factor
 * {@code 1 + }{@link #PARSIMONY}{@code  ||u_sat - u_0||^2} over the saturation coordinates {@code u_sat} of the unit
 * box, {@code u_0} the spec's values. Media transforms see the whole series (no fold loses carryover), exactly as
 * {@link Design} computes them.
 *
 * <p><b>Why blocked folds, not a rolling origin.</b> The transforms decide how much of the KPI each channel explains
 * inside the data, an interpolation question; blocked cross-validation asks it directly (Bergmeir and Benitez 2012,
 * "On the use of cross-validation for time series predictor evaluation", Information Sciences 191; Bergmeir,
 * Hyndman and Koo 2018, "A note on the validity of cross-validation for evaluating autoregressive time series
 * prediction", Computational Statistics and Data Analysis 120, who show K-fold cross-validation valid for regression
 * with uncorrelated errors). Rolling-origin folds train on the early periods only, so their error is dominated by the
 * extrapolated trend, which says nothing about the media curves: on re-draws of PyMC-Marketing's documented
 * {@code mmm_example} process, tuning by a rolling origin over-estimated x1's ROI by 22% on average and its intervals
 * covered 6 of 12 times; blocked folds gave +17% and 10 of 12 (the rest is the Hill curve approximating the true
 * logistic one, and the parsimony factor).
 *
 * <p><b>Cost.</b> Per candidate: the media columns ({@code O(geos nPeriods channels window)}), the cross-product
 * matrix of {@code [1, x, y]} per segment ({@code O(n p^2)}), and per fold a Cholesky solve of {@code p} unknowns.
 * The validation error comes from the validation segment's cross-products ({@code SSE = v'S v} with
 * {@code v = (-a, -coef, 1)}), so no fitted values are formed. Columns are shifted by their training means before
 * the cross-products are accumulated, so centring within folds does not cancel digits.
 *
 * <p><b>Search.</b> The full-data tuning runs CMA-ES (Hansen 2016, arXiv:1604.00772; Hipparchus) on the unit box of
 * the {@link SearchSpace} from the spec's values, then polishes the best point by a compass (pattern) search (Kolda,
 * Lewis and Torczon 2003, "Optimization by direct search", SIAM Review 45(3)). A bootstrap replicate runs the compass
 * search alone, from the full-data choice, with a smaller budget: a warm start that re-chooses the parameters
 * locally.
 *
 * <p><b>Panels.</b> On several geos the geo levels are fixed effects (see {@link Ridge}, "Panels"): every column
 * and the response are shifted by their geo's training mean, and per segment and geo the sums of {@code [1, x, y]}
 * are kept beside the segment's cross-products. A fold's within-geo cross-products are then
 * {@code sum_(s != k) S_s - sum_g M_g M_g' / n_g} ({@code M_g} the fold's training sums of geo g), its validation
 * residuals {@code v'(z_i - M_g / n_g)}, and the cost per candidate stays {@code O(n p^2 + geos p^2)} for {@code p}
 * the columns other than the geo offsets, whatever the number of geos.
 *
 * <p>Immutable and shared; each thread uses its own {@link Workspace}. Deterministic: the same inputs give the same
 * bits on every thread.
 */
final class TransformTuner {

    /**
     * Weight {@code kappa} of the parsimony factor {@code 1 + kappa ||u_sat - u_0||^2} on the cross-validation error.
     * The saturation shape at spends never observed (near zero for always-on channels) barely changes the
     * out-of-sample error, so without this factor the chosen shape, and with it the ROI, follows noise; with it, among
     * shapes whose error is within a few percent of the best the one nearest the spec's is chosen (the spirit of the
     * one-standard-error rule, Hastie, Tibshirani and Friedman, "The Elements of Statistical Learning", 2nd ed.,
     * section 7.10). Moving one saturation coordinate across its whole range costs 30% of the error.
     */
    static final double PARSIMONY = 0.3;

    /**
     * A column whose variance over a fold's rows is below this fraction of its mean square is constant there up to
     * the rounding of the one-pass variance (whose error is a few units of {@code 1e-16} of the mean square), and
     * is left out of that fold's fit. Columns are shifted by their training means first, so a real column's
     * variance is a sizeable fraction of its mean square.
     */
    static final double CONSTANT_VARIANCE = 1e-10;

    private final SearchSpace space;
    private final ModelSpec spec;
    private final int nc;
    private final int nt;
    private final int ng;
    private final int nTrain;
    private final int n;
    private final int pb;
    /** The number of geo offset columns of the design (ng - 1), absorbed as fixed effects on a panel. */
    private final int nd;
    /** The number of solved columns: the design's columns after the geo offsets. */
    private final int p;
    /** The number of design columns, the geo offsets included. */
    private final int pFull;
    /** Augmented width: [1, baseline (pb), media (nc), y]. */
    private final int a;
    /** Baseline columns of the training rows, shifted by their geo's training means, row-major {@code [i * pb + j]}. */
    private final double[] xb;
    /** Per geo, the training mean of each baseline column: {@code shift[g * pb + j]}. */
    private final double[] shift;
    /** Per geo, its population size (Design's per-capita media); all 1 without population. */
    private final double[] geoSize;
    /** Scaled spend per geo and channel: {@code scaled[g * nc + c][t]}. */
    private final double[][] scaled;
    private final Sign[] signs;
    private final boolean constrained;
    private final int[] bounds;
    private final ParameterRange[][] adR;
    private final ParameterRange[][] satR;
    private final ParameterRange lamR;
    private final Adstock[] adT;
    private final Saturation[] satT;
    private final int dim;
    /** The anchor of the parsimony term: the spec's values on the unit box. */
    private final double[] anchor;
    /** Weight of each coordinate in the parsimony term: 1 for saturation parameters, else 0. */
    private final double[] weight;
    private final double kappa;

    TransformTuner(MmmDataset data, LinearEstimation.Training t, ModelSpec spec, SearchSpace space, int folds) {
        this.spec = spec;
        this.space = space;
        this.dim = space.dimension();
        this.nc = data.nChannels();
        this.nt = data.nPeriods();
        this.ng = data.nGeos();
        this.nTrain = t.nTrain();
        this.n = t.n();
        this.nd = t.offsets();
        this.pFull = t.p();
        this.p = t.width();
        this.pb = t.design().firstMediaColumn() - nd;
        this.a = p + 2;
        this.shift = new double[ng * pb];
        this.xb = new double[n * pb];
        for (int g = 0; g < ng; g++) {
            int off = g * pb;
            for (int i = g * nTrain; i < (g + 1) * nTrain; i++) {
                for (int j = 0; j < pb; j++) {
                    shift[off + j] += t.x()[i * p + j];
                }
            }
            for (int j = 0; j < pb; j++) {
                shift[off + j] /= nTrain;
            }
            for (int i = g * nTrain; i < (g + 1) * nTrain; i++) {
                for (int j = 0; j < pb; j++) {
                    xb[i * pb + j] = t.x()[i * p + j] - shift[off + j];
                }
            }
        }
        double[] scale = t.frame().mediaScale();
        this.scaled = new double[ng * nc][nt];
        this.geoSize = t.frame().geoSize();
        for (int g = 0; g < ng; g++) {
            for (int c = 0; c < nc; c++) {
                for (int s = 0; s < nt; s++) {
                    scaled[g * nc + c][s] = data.spend(g * nt + s, c) / (scale[c] * t.frame().geoSize(g));
                }
            }
        }
        this.signs = Arrays.copyOfRange(t.signs(), nd, pFull);
        boolean any = false;
        for (Sign s : signs) {
            any |= s != Sign.FREE;
        }
        this.constrained = any;
        int[] b = new int[folds + 1];
        for (int k = 0; k <= folds; k++) {
            b[k] = (int) ((long) k * nTrain / folds);
        }
        this.bounds = b;
        this.adR = new ParameterRange[nc][];
        this.satR = new ParameterRange[nc][];
        this.adT = new Adstock[nc];
        this.satT = new Saturation[nc];
        for (int c = 0; c < nc; c++) {
            ChannelSpec cs = spec.channels().get(c);
            adT[c] = cs.adstock();
            satT[c] = cs.saturation();
            adR[c] = new ParameterRange[cs.adstock().parameterCount()];
            satR[c] = new ParameterRange[cs.saturation().parameterCount()];
            for (int i = 0; i < adR[c].length; i++) {
                adR[c][i] = space.adstockRange(cs.name(), cs.adstock().parameterNames().get(i));
            }
            for (int i = 0; i < satR[c].length; i++) {
                satR[c][i] = space.saturationRange(cs.name(), cs.saturation().parameterNames().get(i));
            }
        }
        this.lamR = space.lambda();
        this.anchor = space.unitOf(spec, lamR.lower());
        this.weight = new double[dim];
        java.util.List<String> names = space.coordinateNames();
        for (int i = 0; i < dim; i++) {
            weight[i] = names.get(i).contains(".saturation.") ? 1 : 0;
        }
        this.kappa = PARSIMONY;
    }

    /** @return the number of unit coordinates */
    int dimension() {
        return dim;
    }

    /**
     * @param unit a point of the unit box
     * @return the names of its coordinates that lie on an edge of the box (within 1e-6), the penalty excluded
     */
    java.util.List<String> atBounds(double[] unit) {
        java.util.List<String> names = space.coordinateNames();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < dim; i++) {
            if (!names.get(i).equals("lambda") && (unit[i] <= 1e-6 || unit[i] >= 1 - 1e-6)) {
                out.add(names.get(i));
            }
        }
        return out;
    }

    /** @return the search box */
    SearchSpace space() {
        return space;
    }

    /** @return the unit coordinates of the structure's current values and a penalty */
    double[] unitOf(ModelSpec s, double lambda) {
        return space.unitOf(s, lambda);
    }

    /** @return the structure at a unit point */
    ModelSpec specAt(double[] unit) {
        return space.spec(spec, unit);
    }

    /** @return the penalty at a unit point */
    double lambdaAt(double[] unit) {
        return space.lambdaAt(unit);
    }

    Workspace newWorkspace() {
        return new Workspace();
    }

    /** Scratch memory of one thread. */
    final class Workspace {
        final double[] y = new double[n];
        final double[] xm = new double[n * nc];
        final double[] series = new double[nt];
        final double[] work = new double[nt];
        final double[] seg = new double[(bounds.length - 1) * a * a];
        final double[] acc = new double[a * a];
        final double[] total = new double[a * a];
        final double[] mean = new double[a];
        final double[] sd = new double[a];
        final int[] act = new int[p];
        final double[] g = new double[p * p];
        final double[] l = new double[p * p];
        final double[] c = new double[p];
        final double[] b = new double[p];
        final double[] v = new double[a];
        final Sign[] sg = new Sign[p];
        final NnlsWorkspace nnls = new NnlsWorkspace(0, p);
        final double[] sol = new double[1 + p];
        final Adstock[] ad = new Adstock[nc];
        final Saturation[] sat = new Saturation[nc];
        /** The parameters of each channel's current media column, and whether the column is up to date. */
        final double[][] pa = new double[nc][];
        final double[][] ps = new double[nc][];
        final boolean[] fresh = new boolean[nc];
        /** Whether {@link #seg} (and {@link #gsum}) hold the cross-products of the current columns and response. */
        boolean segmentsValid;
        /** On a panel: per segment and geo, the sums of {@code [1, xb, xm, y]}: {@code gsum[(s * ng + g) * a + j]}. */
        final double[] gsum = ng > 1 ? new double[(bounds.length - 1) * ng * a] : null;
        /** On a panel: per geo, the training mean of each media column ({@code [g * nc + c]}) and of y. */
        final double[] mshift = ng > 1 ? new double[ng * nc] : null;
        final double[] yshift = ng > 1 ? new double[ng] : null;
        /** On a panel: a fold's within-geo cross-products and its per-geo training sums. */
        final double[] within = ng > 1 ? new double[a * a] : null;
        final double[] msum = ng > 1 ? new double[ng * a] : null;
        double lambda;
        int evaluations;

        private Workspace() {
        }

        /** Sets the response of the training rows (geo-major), copied; on a panel, shifted by each geo's mean. */
        void response(double[] response) {
            segmentsValid = false;
            System.arraycopy(response, 0, y, 0, n);
            if (ng > 1) {
                for (int g = 0; g < ng; g++) {
                    double m = 0;
                    for (int i = g * nTrain; i < (g + 1) * nTrain; i++) {
                        m += y[i];
                    }
                    m /= nTrain;
                    yshift[g] = m;
                    for (int i = g * nTrain; i < (g + 1) * nTrain; i++) {
                        y[i] -= m;
                    }
                }
            }
        }
    }

    /**
     * The blocked cross-validation criterion of a candidate on the workspace's response.
     *
     * @param unit (input) not modified; the candidate
     * @param w the thread's workspace
     * @return the summed squared validation error, {@code +Infinity} if no fold could be fitted
     */
    double criterion(double[] unit, Workspace w) {
        w.evaluations++;
        decode(unit, w);
        media(w);
        segments(w);
        double sse = 0;
        int used = 0;
        int folds = bounds.length - 1;
        Arrays.fill(w.total, 0.0);
        for (int k = 0; k < folds; k++) {
            int off = k * a * a;
            for (int i = 0; i < a * a; i++) {
                w.total[i] += w.seg[off + i];
            }
        }
        for (int k = 0; k < folds; k++) {
            if ((nTrain - (bounds[k + 1] - bounds[k])) * ng < pFull + 2) {
                continue;
            }
            int off = k * a * a;
            for (int i = 0; i < a * a; i++) {
                w.acc[i] = w.total[i] - w.seg[off + i];
            }
            if (ng == 1) {
                if (!solve(w, w.acc, w.acc[0], null, w.lambda)) {
                    continue;
                }
                sse += quadratic(w, k);
            } else {
                if (!solveWithin(w, k)) {
                    continue;
                }
                sse += quadraticWithin(w, k);
            }
            used++;
        }
        if (used == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double d2 = 0;
        for (int i = 0; i < dim; i++) {
            double d = unit[i] - anchor[i];
            d2 += weight[i] * d * d;
        }
        return sse * (1 + kappa * d2);
    }

    /**
     * Solves the full training problem of a candidate on the workspace's response, after
     * {@link #criterion} or {@link #prepare}.
     *
     * @return {@code {intercept, coef_0, ..., coef_(p-1)}} in raw units, a new array
     */
    double[] fullSolution(Workspace w) {
        Arrays.fill(w.acc, 0.0);
        for (int s = 0; s < bounds.length - 1; s++) {
            addSegment(w, s);
        }
        boolean ok = ng == 1 ? solve(w, w.acc, w.acc[0], null, w.lambda) : solveWithin(w, -1);
        if (!ok) {
            throw new ArithmeticException("the penalised normal equations of a bootstrap replicate are singular");
        }
        if (ng == 1) {
            double[] out = w.sol.clone();
            // undo the baseline shift: y = a' + sum coef_j (x_j - shift_j)
            for (int j = 0; j < pb; j++) {
                out[0] -= out[1 + j] * shift[j];
            }
            return out;
        }
        // geo g's level: its mean y less the fitted effects at its mean columns, in raw units
        double[] out = new double[1 + pFull];
        double alpha0 = 0;
        for (int g = 0; g < ng; g++) {
            double cnt = w.msum[g * a];
            double alpha = w.yshift[g] + w.msum[g * a + a - 1] / cnt;
            for (int j = 0; j < pb; j++) {
                alpha -= w.sol[1 + j] * (shift[g * pb + j] + w.msum[g * a + 1 + j] / cnt);
            }
            for (int c = 0; c < nc; c++) {
                alpha -= w.sol[1 + pb + c] * (w.mshift[g * nc + c] + w.msum[g * a + 1 + pb + c] / cnt);
            }
            if (g == 0) {
                alpha0 = alpha;
                out[0] = alpha;
            } else {
                out[g] = alpha - alpha0;
            }
        }
        System.arraycopy(w.sol, 1, out, 1 + nd, p);
        return out;
    }

    /** Computes the media columns and segment cross-products of a candidate without scoring it. */
    void prepare(double[] unit, Workspace w) {
        decode(unit, w);
        media(w);
        segments(w);
    }

    private void decode(double[] unit, Workspace w) {
        int k = 0;
        for (int c = 0; c < nc; c++) {
            double[] pa = new double[adR[c].length];
            for (int i = 0; i < pa.length; i++) {
                pa[i] = adR[c][i].isFixed() ? adR[c][i].lower() : adR[c][i].at(unit[k++]);
            }
            double[] ps = new double[satR[c].length];
            for (int i = 0; i < ps.length; i++) {
                ps[i] = satR[c][i].isFixed() ? satR[c][i].lower() : satR[c][i].at(unit[k++]);
            }
            // a channel whose parameters are those of the last candidate keeps its media column (a compass step
            // changes one coordinate, so one channel at most is recomputed)
            boolean same = w.ad[c] != null && Arrays.equals(pa, w.pa[c]) && Arrays.equals(ps, w.ps[c]);
            w.fresh[c] = same;
            if (!same) {
                w.pa[c] = pa;
                w.ps[c] = ps;
                w.ad[c] = adT[c].withParameters(pa);
                w.sat[c] = satT[c].withParameters(ps);
            }
        }
        w.lambda = lamR.isFixed() ? lamR.lower() : lamR.at(unit[k]);
    }

    /**
     * Media columns of the training rows, column-major {@code xm[c * n + i]}, as {@link Design} computes them; on a
     * panel shifted by their geo's training mean.
     */
    private void media(Workspace w) {
        for (int g = 0; g < ng; g++) {
            for (int c = 0; c < nc; c++) {
                if (w.fresh[c]) {
                    continue;
                }
                int from = c * n + g * nTrain;
                w.ad[c].apply(scaled[g * nc + c], nt, w.work);
                w.sat[c].apply(w.work, 0, 1, w.xm, from, 1, nTrain);
                io.github.mmm4j.core.ArrayMath.scale(w.xm, from, nTrain, geoSize[g]);
                if (ng > 1) {
                    double m = 0;
                    for (int i = from; i < from + nTrain; i++) {
                        m += w.xm[i];
                    }
                    m /= nTrain;
                    w.mshift[g * nc + c] = m;
                    for (int i = from; i < from + nTrain; i++) {
                        w.xm[i] -= m;
                    }
                }
            }
        }
    }

    /**
     * Cross-products of {@code [1, xb, xm, y]} per segment, upper triangle mirrored; on a panel also their sums per
     * segment and geo.
     */
    private void segments(Workspace w) {
        if (w.segmentsValid) {
            int changed = 0;
            for (int c = 0; c < nc; c++) {
                changed += w.fresh[c] ? 0 : 1;
            }
            if (changed == 0) {
                return;
            }
            if (2 * changed < nc + 1) {
                updateSegments(w);
                return;
            }
        }
        w.segmentsValid = true;
        double[] seg = w.seg;
        Arrays.fill(seg, 0.0);
        if (ng > 1) {
            Arrays.fill(w.gsum, 0.0);
        }
        double[] z = w.v;
        int nSeg = bounds.length - 1;
        for (int s = 0; s < nSeg; s++) {
            int off = s * a * a;
            for (int g = 0; g < ng; g++) {
                int goff = (s * ng + g) * a;
                for (int t = bounds[s]; t < bounds[s + 1]; t++) {
                    row(w, g * nTrain + t, z);
                    if (ng > 1) {
                        for (int r = 0; r < a; r++) {
                            w.gsum[goff + r] += z[r];
                        }
                    }
                    for (int r = 0; r < a; r++) {
                        double zr = z[r];
                        int ro = off + r * a;
                        for (int q = r; q < a; q++) {
                            seg[ro + q] += zr * z[q];
                        }
                    }
                }
            }
            for (int r = 0; r < a; r++) {
                for (int q = r + 1; q < a; q++) {
                    seg[off + q * a + r] = seg[off + r * a + q];
                }
            }
        }
    }

    /**
     * Recomputes the entries of the segment cross-products and sums that involve a media column changed since
     * the last call (see {@link Workspace#fresh}), the others being unchanged: the same sums in the same order as
     * {@link #segments}, so the same bits, at {@code O(n a)} per changed channel instead of {@code O(n a^2)}.
     */
    private void updateSegments(Workspace w) {
        boolean[] dirty = new boolean[a];
        for (int c = 0; c < nc; c++) {
            dirty[1 + pb + c] = !w.fresh[c];
        }
        int[] pairs = new int[a * a];
        int np = 0;
        for (int r = 0; r < a; r++) {
            for (int q = r; q < a; q++) {
                if (dirty[r] || dirty[q]) {
                    pairs[np++] = r * a + q;
                }
            }
        }
        double[] seg = w.seg;
        double[] z = w.v;
        int nSeg = bounds.length - 1;
        for (int s = 0; s < nSeg; s++) {
            int off = s * a * a;
            for (int k = 0; k < np; k++) {
                seg[off + pairs[k]] = 0.0;
            }
            for (int g = 0; g < ng; g++) {
                int goff = (s * ng + g) * a;
                if (ng > 1) {
                    for (int c = 0; c < nc; c++) {
                        if (!w.fresh[c]) {
                            w.gsum[goff + 1 + pb + c] = 0.0;
                        }
                    }
                }
                for (int t = bounds[s]; t < bounds[s + 1]; t++) {
                    row(w, g * nTrain + t, z);
                    if (ng > 1) {
                        for (int c = 0; c < nc; c++) {
                            if (!w.fresh[c]) {
                                w.gsum[goff + 1 + pb + c] += z[1 + pb + c];
                            }
                        }
                    }
                    for (int k = 0; k < np; k++) {
                        int pr = pairs[k];
                        seg[off + pr] += z[pr / a] * z[pr % a];
                    }
                }
            }
            for (int k = 0; k < np; k++) {
                int r = pairs[k] / a;
                int q = pairs[k] % a;
                seg[off + q * a + r] = seg[off + r * a + q];
            }
        }
    }

    /** Training row {@code i} as {@code [1, xb, xm, y]} into {@code z}. */
    private void row(Workspace w, int i, double[] z) {
        z[0] = 1;
        System.arraycopy(xb, i * pb, z, 1, pb);
        for (int c = 0; c < nc; c++) {
            z[1 + pb + c] = w.xm[c * n + i];
        }
        z[a - 1] = w.y[i];
    }

    private void addSegment(Workspace w, int s) {
        int off = s * a * a;
        for (int k = 0; k < a * a; k++) {
            w.acc[k] += w.seg[off + k];
        }
    }

    /** {@code v'S v} for the validation segment {@code s} with {@code v = (-intercept, -coef, 1)} (shifted units). */
    private double quadratic(Workspace w, int s) {
        double[] v = w.v;
        v[0] = -w.sol[0];
        for (int j = 0; j < p; j++) {
            v[1 + j] = -w.sol[1 + j];
        }
        v[a - 1] = 1;
        return Math.max(0.0, form(w, s));
    }

    /** {@code v'S_s v} for the workspace's {@code v} and segment {@code s}'s cross-products. */
    private double form(Workspace w, int s) {
        double[] v = w.v;
        int off = s * a * a;
        double q = 0;
        for (int r = 0; r < a; r++) {
            double sr = 0;
            int ro = off + r * a;
            for (int k = 0; k < a; k++) {
                sr += w.seg[ro + k] * v[k];
            }
            q += v[r] * sr;
        }
        return q;
    }

    /**
     * On a panel: the within-geo cross-products of the training rows of fold {@code k} (every segment but
     * {@code k}; all of them for {@code k = -1}) into {@code w.within}, their per-geo sums into {@code w.msum}, and
     * the solution of the centred problem into {@code w.sol} (intercept 0). Expects {@code w.acc} to hold the
     * fold's summed segment cross-products.
     */
    private boolean solveWithin(Workspace w, int k) {
        int nSeg = bounds.length - 1;
        double[] ms = w.msum;
        Arrays.fill(ms, 0.0);
        for (int s = 0; s < nSeg; s++) {
            if (s == k) {
                continue;
            }
            for (int g = 0; g < ng; g++) {
                int src = (s * ng + g) * a;
                int dst = g * a;
                for (int j = 0; j < a; j++) {
                    ms[dst + j] += w.gsum[src + j];
                }
            }
        }
        double[] wi = w.within;
        System.arraycopy(w.acc, 0, wi, 0, a * a);
        for (int g = 0; g < ng; g++) {
            int off = g * a;
            double cnt = ms[off];
            for (int r = 1; r < a; r++) {
                double f = ms[off + r] / cnt;
                for (int q = r; q < a; q++) {
                    wi[r * a + q] -= f * ms[off + q];
                }
            }
        }
        for (int r = 1; r < a; r++) {
            for (int q = r + 1; q < a; q++) {
                wi[q * a + r] = wi[r * a + q];
            }
        }
        return solve(w, wi, w.acc[0], w.acc, w.lambda);
    }

    /**
     * On a panel: the squared validation error of segment {@code s} with each geo's level from the fold's training
     * rows, {@code sum_g [v'S_sg v - 2 (v'm_sg)(v'zbar_g) + n_sg (v'zbar_g)^2]} summed with the segment's
     * cross-products {@code S_s}, {@code v = (0, -coef, 1)}.
     */
    private double quadraticWithin(Workspace w, int s) {
        double[] v = w.v;
        v[0] = 0;
        for (int j = 0; j < p; j++) {
            v[1 + j] = -w.sol[1 + j];
        }
        v[a - 1] = 1;
        double q = form(w, s);
        for (int g = 0; g < ng; g++) {
            int vo = (s * ng + g) * a;
            int mo = g * a;
            double vm = 0;
            double vz = 0;
            for (int j = 1; j < a; j++) {
                vm += v[j] * w.gsum[vo + j];
                vz += v[j] * w.msum[mo + j];
            }
            vz /= w.msum[mo];
            q += -2 * vm * vz + w.gsum[vo] * vz * vz;
        }
        return Math.max(0.0, q);
    }

    /**
     * Solves the standardised, penalised, sign-constrained problem from accumulated cross-products {@code m}; leaves
     * {@code {intercept, coef...}} in shifted units in {@code w.sol}. Returns false if the KPI is constant or the
     * system cannot be solved.
     *
     * @param m the cross-products of {@code [1, x, y]} over {@code cnt} rows, or with {@code raw} given, the
     *     centred (within-geo) cross-products of {@code [x, y]} (row and column 0 unused)
     * @param raw null, or the uncentred cross-products, against which a centred column's variance is judged constant
     */
    private boolean solve(Workspace w, double[] m, double cnt, double[] raw, double lambda) {
        if (cnt < 2) {
            return false;
        }
        boolean centred = raw != null;
        for (int j = 1; j < a; j++) {
            w.mean[j] = centred ? 0.0 : m[j] / cnt;
        }
        int yj = a - 1;
        double vy = m[yj * a + yj] / cnt - w.mean[yj] * w.mean[yj];
        if (!(vy > 0)) {
            return false;
        }
        double sy = Math.sqrt(vy);
        int q = 0;
        for (int j = 0; j < p; j++) {
            int jj = 1 + j;
            double meanSquare = (centred ? raw : m)[jj * a + jj] / cnt;
            double var = m[jj * a + jj] / cnt - w.mean[jj] * w.mean[jj];
            // One-pass variance cancels digits: a column constant on the fold's rows (an event outside them) comes
            // out with a variance of about 1e-16 of its mean square, not 0, and would get an unbounded coefficient.
            if (var > CONSTANT_VARIANCE * meanSquare) {
                w.sd[jj] = Math.sqrt(var);
                w.act[q++] = j;
            }
        }
        Arrays.fill(w.sol, 0.0);
        if (q == 0) {
            w.sol[0] = w.mean[yj];
            return true;
        }
        boolean anyConstrained = false;
        for (int r = 0; r < q; r++) {
            int jr = 1 + w.act[r];
            double sr = w.sd[jr];
            w.c[r] = (m[jr * a + yj] / cnt - w.mean[jr] * w.mean[yj]) * cnt / (sr * sy);
            w.sg[r] = signs[w.act[r]];
            anyConstrained |= w.sg[r] != Sign.FREE;
            for (int k = 0; k <= r; k++) {
                int jk = 1 + w.act[k];
                double cov = (m[jr * a + jk] / cnt - w.mean[jr] * w.mean[jk]) * cnt / (sr * w.sd[jk]);
                w.g[r * q + k] = cov;
                w.g[k * q + r] = cov;
            }
        }
        double pen = cnt * lambda;
        boolean ok = Cholesky.factor(w.g, w.l, q, pen, 1e-10);
        if (ok) {
            Cholesky.solve(w.l, w.c, w.b, q);
        }
        boolean signed = constrained && anyConstrained;
        if (!ok && !signed) {
            return false;
        }
        if (!ok || !Sign.feasible(w.sg, w.b, q)) {
            // The penalised problem is convex: a feasible unconstrained minimiser is the constrained one.
            NnlsResult r = Nnls.solveGram(Arrays.copyOf(w.g, q * q), Arrays.copyOf(w.c, q), cnt, q,
                    Arrays.copyOf(w.sg, q), NnlsOptions.DEFAULTS.withLambda(pen), w.nnls);
            for (int i = 0; i < q; i++) {
                w.b[i] = r.x(i);
            }
        }
        double intercept = w.mean[yj];
        for (int r = 0; r < q; r++) {
            int j = w.act[r];
            double coef = w.b[r] * sy / w.sd[1 + j];
            w.sol[1 + j] = coef;
            intercept -= coef * w.mean[1 + j];
        }
        w.sol[0] = intercept;
        return true;
    }

    // ------------------------------------------------------------------ search

    /**
     * Full-data tuning: CMA-ES from {@code start} with step 0.3 on the unit box, restarted from the best point
     * until half the budget is spent, then a compass search from the best point with the rest.
     *
     * @param start (input) not modified; the starting point
     * @param budget candidate evaluations
     * @param seed the seed of CMA-ES's generator
     * @param w the workspace, whose response is set
     * @return the best point found
     */
    double[] tune(double[] start, int budget, long seed, Workspace w) {
        double[] best = start.clone();
        double[] bestValue = {criterion(best, w)};
        if (dim == 0) {
            return best;
        }
        int cmaBudget = budget / 2;
        Well19937c random = new Well19937c(seed);
        int population = 4 + (int) Math.floor(3 * Math.log(dim));
        double[] lower = new double[dim];
        double[] upper = new double[dim];
        Arrays.fill(upper, 1.0);
        double[] sigma = new double[dim];
        Arrays.fill(sigma, 0.3);
        int[] used = {1};
        while (used[0] + population < cmaBudget) {
            CMAESOptimizer cma = new CMAESOptimizer(Integer.MAX_VALUE, 0.0, true, 0, 0, random, false, null);
            int before = used[0];
            try {
                cma.optimize(new MaxEval(cmaBudget - used[0]), MaxIter.unlimited(), new ObjectiveFunction(x -> {
                    used[0]++;
                    double f = criterion(x, w);
                    if (f < bestValue[0]) {
                        bestValue[0] = f;
                        System.arraycopy(x, 0, best, 0, dim);
                    }
                    return Double.isFinite(f) ? f : Double.MAX_VALUE;
                }), GoalType.MINIMIZE, new InitialGuess(best.clone()), new SimpleBounds(lower, upper),
                        new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(population));
            } catch (MathRuntimeException e) {
                // the evaluation budget is spent (TooManyEvaluations) or CMA-ES failed numerically: keep the best
            }
            if (used[0] == before) {
                break;
            }
        }
        return compass(best, bestValue[0], budget - used[0], 0.1, w);
    }

    /**
     * Compass search (Kolda, Lewis and Torczon 2003): from {@code start}, try {@code +-step} along each coordinate in
     * turn, move to the first improvement, halve the step after a sweep without one; stop at step {@code 1e-3} or when
     * the budget is spent.
     *
     * @param start (input) not modified
     * @param startValue the criterion at {@code start}, or NaN to evaluate it
     * @param budget candidate evaluations
     * @param step the initial step on the unit box
     * @param w the workspace, whose response is set
     * @return the best point found
     */
    double[] compass(double[] start, double startValue, int budget, double step, Workspace w) {
        double[] x = start.clone();
        int used = 0;
        double fx = startValue;
        if (Double.isNaN(fx)) {
            fx = criterion(x, w);
            used++;
        }
        double s = step;
        double[] trial = x.clone();
        while (used < budget && s >= 1e-3 && dim > 0) {
            boolean improved = false;
            for (int i = 0; i < dim && used < budget; i++) {
                for (int dir = -1; dir <= 1 && used < budget; dir += 2) {
                    double u = x[i] + dir * s;
                    if (u < 0 || u > 1) {
                        u = u < 0 ? 0 : 1;
                        if (u == x[i]) {
                            continue;
                        }
                    }
                    trial[i] = u;
                    double f = criterion(trial, w);
                    used++;
                    if (f < fx) {
                        fx = f;
                        x[i] = u;
                        improved = true;
                        break;
                    }
                    trial[i] = x[i];
                }
            }
            if (!improved) {
                s /= 2;
            }
        }
        return x;
    }
}
