package io.github.mmm4j.models.search;

import io.github.mmm4j.core.ArrayMath;
import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.DataException;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.Design;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.linear.Cholesky;
import io.github.mmm4j.models.linear.Nnls;
import io.github.mmm4j.models.linear.NnlsOptions;
import io.github.mmm4j.models.linear.NnlsResult;
import io.github.mmm4j.models.linear.NnlsWorkspace;
import io.github.mmm4j.models.linear.Sign;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import io.github.mmm4j.transforms.TransformWorkspace;
import io.github.mmm4j.transforms.Transforms;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The kernel tier of {@link HyperparameterSearch}: evaluates one candidate (a point of the {@link SearchSpace}'s unit
 * box) in tens of microseconds without allocating arrays, returning its objectives NRMSE, DECOMP.RSSD and, with lift
 * experiments, MAPE.LIFT.
 *
 * <h2>Model</h2>
 * Exactly {@link io.github.mmm4j.models.Ridge}'s estimator on the training rows (all but the final
 * {@link SearchOptions#holdout()} periods of every geo, geo-major {@code i = g * nTrain + t}): columns and KPI
 * standardised by their training mean and population standard deviation, columns constant to within
 * {@code 1e-12 max(1, |mean|)} dropped (coefficient 0), coefficients {@code b} minimising
 * {@code ||y_s - Z b||^2 + n lambda ||b||^2} subject to the sign constraints (media non-negative when
 * {@link SearchOptions#nonNegativeMedia()}, controls as {@link SearchOptions#controlSigns()}), mapped back to KPI
 * units ({@code coef_j = b_j sd(y) / sd(x_j)}). The result equals {@code Ridge.solve} on the {@link Design} of the
 * decoded spec to rounding (about {@code 1e-12} relative for the penalties of the default space); see
 * {@code SearchEvaluatorTest}.
 *
 * <h2>Fast path</h2>
 * Prepared once: the baseline (non-media) columns of the design on the training rows, standardised, their Gram
 * matrix {@code Zb'Zb} and {@code Zb'y_s}, the standardised KPI, and the spend divided by its training mean. Per
 * candidate, with {@code n} training rows, {@code p_m} media and {@code p_b} baseline columns:
 * <ol>
 *   <li>the adstock of every channel by the batched kernel {@link Transforms#adstock} (all periods, so the
 *       carryover into a holdout and lift tests is available), then each channel's saturation on the training rows
 *       into a column-major buffer: {@code O(n p_m (window + 1))};</li>
 *   <li>the media columns' mean and standard deviation, standardised in place: {@code O(n p_m)};</li>
 *   <li>the cross-products {@code Zm'Zm}, {@code Zm'Zb}, {@code Zm'y_s}: {@code O(n p_m (p_m + p_b))};</li>
 *   <li>the penalised Gram system {@code (Z'Z + n lambda I) b = Z'y_s} solved by Cholesky; with sign
 *       constraints, when that unconstrained minimiser violates one, by {@link Nnls#solveGram} (Lawson and
 *       Hanson's active set on the Gram matrix; the problem is strictly convex, so a feasible unconstrained
 *       minimiser is the constrained one): {@code O((p_m + p_b)^3)};</li>
 *   <li>the objectives from the Gram quantities, never forming fitted values:
 *       {@code RSS = sd(y)^2 (y_s'y_s - 2 b'Z'y_s + b'Z'Z b)}, and each channel's contribution over the training
 *       rows {@code coef_c * sum_i x_ic = coef_c * n * mean(x_c)}.</li>
 * </ol>
 *
 * <h2>Objectives</h2>
 * As Robyn defines them (Runge, Patel, Zhou et al., Meta's Robyn documentation, "Robyn's multi-objective
 * optimisation"; {@code robyn_mmm} and {@code model_refit} in Robyn's {@code R/R/model.R}):
 * <ul>
 *   <li><b>NRMSE</b> {@code = sqrt(RSS / n) / (max y - min y)} over the training rows;</li>
 *   <li><b>DECOMP.RSSD</b> {@code = sqrt(sum over paid channels (effect share - spend share)^2)}, effect share the
 *       channel's contribution over the paid channels' total contribution, spend share its training spend over the
 *       paid channels' training spend; times {@code 1 + (zero shares) / (paid channels)} with
 *       {@link SearchOptions#rssdZeroPenalty()}; {@code +Infinity} when the paid contributions sum to 0 (Robyn: NaN
 *       becomes {@code Inf});</li>
 *   <li><b>MAPE.LIFT</b> as {@link LiftExperiment} defines it.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * An evaluator is immutable and shared; each thread needs its own {@link Workspace}.
 */
public final class SearchEvaluator {

    /** Relative tolerance under which a column counts as constant (as {@code Ridge.solve}). */
    private static final double CONSTANT = 1e-12;

    private final ModelSpec spec;
    private final SearchSpace space;
    private final int dim;
    private final int nc;
    private final int nt;
    private final int ng;
    private final int nTrain;
    private final int n;
    private final int pb;
    private final double[][] scaled;
    private final int qb;
    private final int[] baseCols;
    private final double[] baseMean;
    private final double[] baseSd;
    private final double[] zb;
    /** {@code zb} followed by {@code ys} as column {@code qb}: {@code (qb + 1) * n}, column-major. */
    private final double[] zby;
    private final double[] gbb;
    private final double[] cb;
    private final double[] ys;
    private final double yy;
    private final double my;
    private final double sy;
    private final double kpiRange;
    private final Sign[] baseSign;
    private final boolean constrained;
    private final Sign mediaSign;
    private final boolean[] paid;
    private final int nPaid;
    private final double[] spendShare;
    private final boolean zeroPenalty;
    private final Lift[] lifts;
    /** Per geo, its population size (Design's per-capita media); all 1 without population. */
    private final double[] geoSize;
    private final int objectiveCount;
    private final ParameterRange[][] adRanges;
    private final ParameterRange[][] satRanges;
    private final ParameterRange lambdaRange;
    private final Adstock[] adTemplates;
    private final Saturation[] satTemplates;

    /** One lift experiment resolved to periods: per-geo scaled spend change per test period. */
    private record Lift(int channel, int t0, int t1, int tEnd, double[] delta, double lift) {
    }

    private SearchEvaluator(MmmDataset data, ModelSpec spec, SearchOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(options, "options");
        spec.checkMatches(data);
        this.spec = spec;
        this.space = options.space().orElseGet(() -> SearchSpace.defaults(spec));
        space.checkMatches(spec);
        this.dim = space.dimension();
        this.nc = data.nChannels();
        this.nt = data.nPeriods();
        this.ng = data.nGeos();
        this.nTrain = nt - options.holdout();
        Checks.checkArgument(nTrain >= 2, "holdout = %d leaves %d training periods of %d", options.holdout(), nTrain,
                nt);
        this.n = nTrain * ng;
        for (String c : options.controlSigns().keySet()) {
            Checks.checkArgument(data.controls().contains(c), "control sign given for '%s', which is not a control %s",
                    c, data.controls());
        }
        for (String c : options.organicChannels()) {
            Checks.checkArgument(data.channels().contains(c), "organic channel '%s' is not a channel %s", c,
                    data.channels());
        }
        MmmDataset train = data.slice(0, nTrain);
        Design.Frame frame = Design.Frame.of(train, spec);
        Design design = Design.of(data, spec, frame);
        this.pb = design.firstMediaColumn();
        int p = design.cols();
        if (n < p + 1) {
            throw new DataException("data", String.format(Locale.ROOT,
                    "%d training rows but the model has %d parameters (intercept + %d columns: %s); "
                            + "use more periods, fewer harmonics or fewer channels", n, p + 1, p,
                    design.columnNames()));
        }
        // KPI
        double[] y = new double[n];
        for (int g = 0; g < ng; g++) {
            for (int t = 0; t < nTrain; t++) {
                y[g * nTrain + t] = data.kpi(g * nt + t);
            }
        }
        double m = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            m += v;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        m /= n;
        double s = 0;
        for (double v : y) {
            s += (v - m) * (v - m);
        }
        s = Math.sqrt(s / n);
        Checks.checkArgument(s > 0, "the KPI is constant (%s) over the %d training rows", m, n);
        this.my = m;
        this.sy = s;
        this.kpiRange = hi - lo;
        this.ys = new double[n];
        double yyAcc = 0;
        for (int i = 0; i < n; i++) {
            ys[i] = (y[i] - m) / s;
            yyAcc += ys[i] * ys[i];
        }
        this.yy = yyAcc;
        // Baseline columns: standardise, keep the non-constant ones.
        double[] mean = new double[pb];
        double[] sd = new double[pb];
        for (int i = 0; i < n; i++) {
            int r = (i / nTrain) * nt + i % nTrain;
            for (int j = 0; j < pb; j++) {
                mean[j] += design.get(r, j);
            }
        }
        for (int j = 0; j < pb; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            int r = (i / nTrain) * nt + i % nTrain;
            for (int j = 0; j < pb; j++) {
                double dlt = design.get(r, j) - mean[j];
                sd[j] += dlt * dlt;
            }
        }
        int[] active = new int[pb];
        int q = 0;
        for (int j = 0; j < pb; j++) {
            sd[j] = Math.sqrt(sd[j] / n);
            if (sd[j] > CONSTANT * Math.max(1, Math.abs(mean[j]))) {
                active[q++] = j;
            }
        }
        this.qb = q;
        this.baseCols = Arrays.copyOf(active, q);
        this.baseMean = new double[q];
        this.baseSd = new double[q];
        this.baseSign = new Sign[q];
        this.zb = new double[q * n];
        boolean anyConstrained = options.nonNegativeMedia();
        for (int k = 0; k < q; k++) {
            int j = baseCols[k];
            baseMean[k] = mean[j];
            baseSd[k] = sd[j];
            baseSign[k] = options.controlSigns().getOrDefault(design.columnNames().get(j), Sign.FREE);
            anyConstrained |= baseSign[k] != Sign.FREE;
            for (int i = 0; i < n; i++) {
                int r = (i / nTrain) * nt + i % nTrain;
                zb[k * n + i] = (design.get(r, j) - mean[j]) / sd[j];
            }
        }
        this.zby = Arrays.copyOf(zb, (q + 1) * n);
        System.arraycopy(ys, 0, zby, q * n, n);
        this.constrained = anyConstrained;
        this.mediaSign = options.nonNegativeMedia() ? Sign.NON_NEGATIVE : Sign.FREE;
        this.gbb = new double[q * q];
        this.cb = new double[q];
        for (int a = 0; a < q; a++) {
            cb[a] = ArrayMath.dot(zb, a * n, ys, 0, n);
            for (int b = 0; b <= a; b++) {
                double v = ArrayMath.dot(zb, a * n, zb, b * n, n);
                gbb[a * q + b] = v;
                gbb[b * q + a] = v;
            }
        }
        // Media: spend over the training mean, per geo, row-major [t * nc + c].
        double[] scale = frame.mediaScale();
        this.scaled = new double[ng][nt * nc];
        for (int g = 0; g < ng; g++) {
            for (int t = 0; t < nt; t++) {
                for (int c = 0; c < nc; c++) {
                    scaled[g][t * nc + c] = data.spend(g * nt + t, c) / (scale[c] * frame.geoSize(g));
                }
            }
        }
        // Spend shares of the paid channels over the training rows.
        this.paid = new boolean[nc];
        this.spendShare = new double[nc];
        int np = 0;
        double total = 0;
        for (int c = 0; c < nc; c++) {
            paid[c] = !options.organicChannels().contains(data.channels().get(c));
            if (paid[c]) {
                np++;
                spendShare[c] = train.totalSpend(c);
                total += spendShare[c];
            }
        }
        Checks.checkArgument(np > 0, "every channel is organic; DECOMP.RSSD needs at least one paid channel");
        for (int c = 0; c < nc; c++) {
            spendShare[c] /= total;
        }
        this.nPaid = np;
        this.zeroPenalty = options.rssdZeroPenalty();
        this.geoSize = frame.geoSize();
        this.lifts = resolveLifts(data, options, scale);
        this.objectiveCount = lifts.length == 0 ? 2 : 3;
        this.adRanges = new ParameterRange[nc][];
        this.satRanges = new ParameterRange[nc][];
        this.adTemplates = new Adstock[nc];
        this.satTemplates = new Saturation[nc];
        for (int c = 0; c < nc; c++) {
            adRanges[c] = space.adstockRanges(c);
            satRanges[c] = space.saturationRanges(c);
            ChannelSpec cs = spec.channels().get(c);
            adTemplates[c] = cs.adstock();
            satTemplates[c] = cs.saturation();
        }
        this.lambdaRange = space.lambda();
    }

    private Lift[] resolveLifts(MmmDataset data, SearchOptions options, double[] scale) {
        Lift[] out = new Lift[options.liftExperiments().size()];
        for (int e = 0; e < out.length; e++) {
            LiftExperiment x = options.liftExperiments().get(e);
            int c = data.channels().indexOf(x.channel());
            Checks.checkArgument(c >= 0, "lift experiment %d: '%s' is not a channel %s", e, x.channel(),
                    data.channels());
            int t0 = -1;
            int t1 = -1;
            for (int t = 0; t < nt; t++) {
                java.time.LocalDate d = data.time().date(t);
                if (!d.isBefore(x.start()) && !d.isAfter(x.end())) {
                    t0 = t0 < 0 ? t : t0;
                    t1 = t;
                }
            }
            Checks.checkArgument(t0 >= 0, "lift experiment %d: no period of the data lies in [%s, %s]", e, x.start(),
                    x.end());
            int mPeriods = t1 - t0 + 1;
            long window = spec.channels().get(c).adstock().maxLag() + 1L;
            int tEnd = (int) Math.min(nt - 1L, t1 + window - 1);
            double[] geoSpend = new double[ng];
            double sum = 0;
            for (int g = 0; g < ng; g++) {
                for (int t = t0; t <= t1; t++) {
                    geoSpend[g] += data.spend(g * nt + t, c);
                }
                sum += geoSpend[g];
            }
            Checks.checkArgument(x.spendChange() > 0 || (sum > 0 && x.spendChange() >= -sum),
                    "lift experiment %d on '%s': spend change %s cuts more than the %s spent in the test periods", e,
                    x.channel(), x.spendChange(), sum);
            // the change in proportion to the observed spend of each test period and geo, evenly when there is none
            double[] delta = new double[ng * mPeriods];
            for (int g = 0; g < ng; g++) {
                for (int t = t0; t <= t1; t++) {
                    double share = sum > 0 ? data.spend(g * nt + t, c) / sum : 1.0 / (ng * mPeriods);
                    delta[g * mPeriods + t - t0] = x.spendChange() * share / (scale[c] * geoSize[g]);
                }
            }
            out[e] = new Lift(c, t0, t1, tEnd, delta, x.lift());
        }
        return out;
    }

    /**
     * Prepares the evaluator of {@code spec}'s search on {@code data}: everything that does not depend on the
     * candidate (see the class comment). Costs one design and {@code O(n p_b^2)}.
     *
     * @param data the data, with the spec's channels
     * @param spec the model structure; its channels' families are searched within {@code options.space()}
     * @param options the search options (holdout, signs, space, organic channels, lift experiments, penalty)
     * @return the evaluator
     * @throws DataException if the training rows are fewer than the model's parameters
     * @throws IllegalArgumentException if the spec, space, options and data do not match, the KPI is constant on
     *     the training rows, or a channel has no training spend
     */
    public static SearchEvaluator of(MmmDataset data, ModelSpec spec, SearchOptions options) {
        return new SearchEvaluator(data, spec, options);
    }

    /** @return the model structure whose parameters are searched */
    public ModelSpec spec() {
        return spec;
    }

    /** @return the search box */
    public SearchSpace space() {
        return space;
    }

    /** @return the number of unit coordinates of a candidate, {@code space().dimension()} */
    public int dimension() {
        return dim;
    }

    /** @return 2 (NRMSE, DECOMP.RSSD), or 3 with lift experiments (then MAPE.LIFT) */
    public int objectiveCount() {
        return objectiveCount;
    }

    /** @return the number of training rows {@code n} */
    public int trainingRows() {
        return n;
    }

    /**
     * The spend share of each channel over the paid channels' training spend (0 for organic channels).
     *
     * @return a new array, one per channel
     */
    public double[] spendShares() {
        return spendShare.clone();
    }

    /**
     * The NRMSE of the intercept-only model, {@code sd(y) / (max y - min y)} on the training rows: the scale of
     * NRMSE on this dataset.
     *
     * @return the reference NRMSE
     */
    public double interceptOnlyNrmse() {
        return sy / kpiRange;
    }

    /** @return a new workspace for one thread */
    public Workspace newWorkspace() {
        return new Workspace(this);
    }

    /**
     * Scratch memory and the last candidate's solution, for one thread (not thread-safe). After
     * {@link SearchEvaluator#evaluate} the accessors describe that candidate.
     */
    public static final class Workspace {
        private final double[][] adParams;
        private final double[][] satParams;
        private final Adstock[] ad;
        private final Saturation[] sat;
        private final double[][] levels;
        private final TransformWorkspace tws = new TransformWorkspace();
        private final double[] zm;
        private final double[] mMean;
        private final double[] mSd;
        private final int[] mAct;
        private final double[] g;
        private final double[] l;
        private final double[] c;
        private final double[] b;
        private final double[] d4 = new double[4];
        private final Sign[] signs;
        private final NnlsWorkspace nnls;
        private final double[] coef;
        private final double[] contrib;
        private final double[] shares;
        private final double[] lw;
        private final int nc;
        private double lambda;
        private double rsq;
        private boolean converged;

        private Workspace(SearchEvaluator e) {
            nc = e.nc;
            adParams = new double[nc][];
            satParams = new double[nc][];
            ad = new Adstock[nc];
            sat = new Saturation[nc];
            for (int k = 0; k < nc; k++) {
                adParams[k] = new double[e.adRanges[k].length];
                satParams[k] = new double[e.satRanges[k].length];
            }
            levels = new double[e.ng][e.nt * nc];
            zm = new double[nc * e.n];
            mMean = new double[nc];
            mSd = new double[nc];
            mAct = new int[nc];
            int q = e.qb + nc;
            g = new double[q * q];
            l = new double[q * q];
            c = new double[q];
            b = new double[q];
            signs = new Sign[q];
            nnls = new NnlsWorkspace(0, q);
            coef = new double[1 + e.pb + nc];
            contrib = new double[nc];
            shares = new double[nc];
            lw = new double[2 * e.nt + 2];
        }

        /** @return the last candidate's penalty */
        public double lambda() {
            return lambda;
        }

        /** @return the last candidate's R^2 on the training rows, {@code 1 - RSS / TSS} */
        public double rSquared() {
            return rsq;
        }

        /**
         * Whether the last constrained solve converged (always true without constraints).
         *
         * @return false if the NNLS active set hit its iteration limit (the solution is then feasible but may not
         *     be optimal)
         */
        public boolean converged() {
            return converged;
        }

        /**
         * The last candidate's solution in KPI units, in the layout of {@code Ridge.solve}:
         * {@code {intercept, coef_0, ..., coef_(p-1)}} over the {@link Design} columns.
         *
         * @return a new array of length {@code 1 + p}
         */
        public double[] solution() {
            return coef.clone();
        }

        /**
         * The last candidate's contribution of each channel over the training rows,
         * {@code coef_c * sum_i x_ic}, in KPI units.
         *
         * @return a new array, one per channel
         */
        public double[] contributions() {
            return contrib.clone();
        }

        /**
         * The last candidate's effect share of each paid channel (0 for organic channels, NaN-free: 0 for all when
         * the paid contributions sum to 0).
         *
         * @return a new array, one per channel
         */
        public double[] effectShares() {
            return shares.clone();
        }
    }

    /**
     * Evaluates one candidate: decodes {@code unit}, transforms the media, solves the penalised (constrained)
     * least-squares problem and computes the objectives. Allocates no arrays apart from the constrained solver's
     * small result; the transforms' immutable parameter records are created per call.
     *
     * @param unit (input) not modified; the candidate in the unit box, length {@link #dimension()}; coordinates are
     *     clamped to [0, 1]
     * @param w (output) the thread's workspace, modified; holds the candidate's solution afterwards
     * @param objectives (output) {@code objectives[0] = NRMSE}, {@code [1] = DECOMP.RSSD} and, with lift
     *     experiments, {@code [2] = MAPE.LIFT}; length at least {@link #objectiveCount()}
     * @throws IllegalArgumentException if an array is too short
     */
    public void evaluate(double[] unit, Workspace w, double[] objectives) {
        if (unit.length < dim || objectives.length < objectiveCount) {
            Checks.checkArgument(false, "unit.length = %d (expected %d), objectives.length = %d (expected %d)",
                    unit.length, dim, objectives.length, objectiveCount);
        }
        decode(unit, w);
        transform(w);
        int qm = standardiseMedia(w);
        int q = qb + qm;
        gram(w, q, qm);
        solve(w, q);
        objectives(w, q, qm, objectives);
    }

    private void decode(double[] unit, Workspace w) {
        int k = 0;
        for (int c = 0; c < nc; c++) {
            double[] a = w.adParams[c];
            ParameterRange[] ar = adRanges[c];
            for (int i = 0; i < a.length; i++) {
                a[i] = ar[i].isFixed() ? ar[i].lower() : ar[i].at(unit[k++]);
            }
            double[] s = w.satParams[c];
            ParameterRange[] sr = satRanges[c];
            for (int i = 0; i < s.length; i++) {
                s[i] = sr[i].isFixed() ? sr[i].lower() : sr[i].at(unit[k++]);
            }
            w.ad[c] = adTemplates[c].withParameters(a);
            w.sat[c] = satTemplates[c].withParameters(s);
        }
        w.lambda = lambdaRange.isFixed() ? lambdaRange.lower() : lambdaRange.at(unit[k]);
    }

    private void transform(Workspace w) {
        for (int g = 0; g < ng; g++) {
            Transforms.adstock(w.ad, scaled[g], nt, w.levels[g], w.tws);
            for (int c = 0; c < nc; c++) {
                w.sat[c].apply(w.levels[g], c, nc, w.zm, c * n + g * nTrain, 1, nTrain);
                ArrayMath.scale(w.zm, c * n + g * nTrain, nTrain, geoSize[g]);
            }
        }
    }


    /**
     * Centres the media columns in place and records their means and standard deviations; returns the number of
     * non-constant ones (listed in {@code w.mAct}). The division by the standard deviation is folded into the Gram
     * matrix ({@link #gram}), saving a pass over the data.
     */
    private int standardiseMedia(Workspace w) {
        double[] z = w.zm;
        int qm = 0;
        for (int c = 0; c < nc; c++) {
            int off = c * n;
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += z[off + i];
            }
            double mean = s / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double d = z[off + i] - mean;
                z[off + i] = d;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / n);
            w.mMean[c] = mean;
            w.mSd[c] = sd;
            if (sd > CONSTANT * Math.max(1, Math.abs(mean))) {
                w.mAct[qm++] = c;
            }
        }
        return qm;
    }

    /**
     * Assembles Z'Z (stride q, baseline block first, then the active media) and Z'y_s from the centred media
     * columns: {@code (Z'Z)_ab = x_a'x_b / (sd_a sd_b)} for centred {@code x}. The media-baseline block and
     * {@code Z'y_s} are computed four columns at a time, sharing the loads of the media column.
     */
    private void gram(Workspace w, int q, int qm) {
        double[] g = w.g;
        double[] z = w.zm;
        double[] d4 = w.d4;
        for (int a = 0; a < qb; a++) {
            System.arraycopy(gbb, a * qb, g, a * q, qb);
            w.c[a] = cb[a];
            w.signs[a] = baseSign[a];
        }
        int cols = qb + 1; // the baseline columns and y_s, stored together in zby
        for (int a = 0; a < qm; a++) {
            int ra = qb + a;
            int ca = w.mAct[a];
            int offA = ca * n;
            double inv = 1.0 / w.mSd[ca];
            w.signs[ra] = mediaSign;
            int k = 0;
            for (; k + 4 <= cols; k += 4) {
                dot4(z, offA, zby, k * n, n, d4);
                for (int u = 0; u < 4; u++) {
                    store(w, g, q, ra, k + u, d4[u] * inv);
                }
            }
            for (; k < cols; k++) {
                store(w, g, q, ra, k, ArrayMath.dot(z, offA, zby, k * n, n) * inv);
            }
            for (int b = 0; b <= a; b++) {
                int cb2 = w.mAct[b];
                double v = ArrayMath.dot(z, offA, z, cb2 * n, n) * inv / w.mSd[cb2];
                g[ra * q + qb + b] = v;
                g[(qb + b) * q + ra] = v;
            }
        }
    }

    /** Stores the product of media row {@code ra} with extended baseline column {@code col} (qb is y_s). */
    private void store(Workspace w, double[] g, int q, int ra, int col, double v) {
        if (col < qb) {
            g[ra * q + col] = v;
            g[col * q + ra] = v;
        } else {
            w.c[ra] = v;
        }
    }

    /** Four dot products of {@code a[aOff..aOff+len)} with the consecutive columns of {@code b} from {@code bOff}. */
    private static void dot4(double[] a, int aOff, double[] b, int bOff, int len, double[] out) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int o1 = bOff + len;
        int o2 = o1 + len;
        int o3 = o2 + len;
        for (int i = 0; i < len; i++) {
            double x = a[aOff + i];
            s0 += x * b[bOff + i];
            s1 += x * b[o1 + i];
            s2 += x * b[o2 + i];
            s3 += x * b[o3 + i];
        }
        out[0] = s0;
        out[1] = s1;
        out[2] = s2;
        out[3] = s3;
    }

    private void solve(Workspace w, int q) {
        double pen = n * w.lambda;
        w.converged = true;
        // The penalised problem is strictly convex: when its unconstrained minimiser satisfies the sign
        // constraints it is also the constrained minimiser, and the active-set solve is skipped.
        if (Cholesky.factor(w.g, w.l, q, pen, 0)) {
            Cholesky.solve(w.l, w.c, w.b, q);
            if (!constrained || Sign.feasible(w.signs, w.b, q)) {
                return;
            }
        }
        Sign[] signs = w.signs.length == q ? w.signs : Arrays.copyOf(w.signs, q);
        double[] c = w.c.length == q ? w.c : Arrays.copyOf(w.c, q);
        double[] g = w.g.length == q * q ? w.g : Arrays.copyOf(w.g, q * q);
        NnlsResult r = Nnls.solveGram(g, c, yy, q, signs, NnlsOptions.DEFAULTS.withLambda(pen), w.nnls);
        w.converged = r.converged();
        for (int i = 0; i < q; i++) {
            w.b[i] = r.x(i);
        }
    }

    private void objectives(Workspace w, int q, int qm, double[] out) {
        double[] g = w.g;
        double[] b = w.b;
        double bc = 0;
        double bgb = 0;
        for (int i = 0; i < q; i++) {
            int off = i * q;
            double s = 0;
            for (int k = 0; k < q; k++) {
                s += g[off + k] * b[k];
            }
            bgb += b[i] * s;
            bc += b[i] * w.c[i];
        }
        double rss = Math.max(0.0, yy - 2 * bc + bgb);
        w.rsq = 1 - rss / yy;
        out[0] = sy * Math.sqrt(rss / n) / kpiRange;
        // Coefficients in KPI units, Ridge.solve's layout.
        double[] coef = w.coef;
        Arrays.fill(coef, 0.0);
        double intercept = my;
        for (int k = 0; k < qb; k++) {
            double v = b[k] * sy / baseSd[k];
            coef[1 + baseCols[k]] = v;
            intercept -= v * baseMean[k];
        }
        for (int a = 0; a < qm; a++) {
            int c = w.mAct[a];
            double v = b[qb + a] * sy / w.mSd[c];
            coef[1 + pb + c] = v;
            intercept -= v * w.mMean[c];
        }
        coef[0] = intercept;
        double total = 0;
        for (int c = 0; c < nc; c++) {
            w.contrib[c] = coef[1 + pb + c] * n * w.mMean[c];
            if (paid[c]) {
                total += w.contrib[c];
            }
        }
        if (total == 0 || !Double.isFinite(total)) {
            Arrays.fill(w.shares, 0.0);
            out[1] = Double.POSITIVE_INFINITY;
        } else {
            double ss = 0;
            int zeros = 0;
            for (int c = 0; c < nc; c++) {
                if (paid[c]) {
                    double share = w.contrib[c] / total;
                    w.shares[c] = share;
                    double d = share - spendShare[c];
                    ss += d * d;
                    if (Math.abs(share) < 0.00005) {
                        zeros++;
                    }
                } else {
                    w.shares[c] = 0;
                }
            }
            double rssd = Math.sqrt(ss);
            out[1] = zeroPenalty ? rssd * (1 + (double) zeros / nPaid) : rssd;
        }
        if (lifts.length > 0) {
            out[2] = mapeLift(w);
        }
    }

    /** Mean absolute percentage error of the predicted lifts (see {@link LiftExperiment}). */
    private double mapeLift(Workspace w) {
        double sum = 0;
        for (Lift x : lifts) {
            int c = x.channel();
            int len = x.tEnd() - x.t0() + 1;
            double[] cw = w.lw;
            w.ad[c].weightsInto(cw, 0, len);
            int m = x.t1() - x.t0() + 1;
            Saturation s = w.sat[c];
            double diff = 0;
            for (int g = 0; g < ng; g++) {
                double[] lv = w.levels[g];
                double gDiff = 0;
                for (int t = x.t0(); t <= x.tEnd(); t++) {
                    // the adstocked change: sum_{u = t0}^{min(t1, t)} w[t - u] delta_u
                    double add = 0;
                    for (int u = x.t0(); u <= Math.min(x.t1(), t); u++) {
                        add += cw[t - u] * x.delta()[g * m + u - x.t0()];
                    }
                    double a = lv[t * nc + c];
                    gDiff += s.value(a + add) - s.value(a);
                }
                diff += geoSize[g] * gDiff;
            }
            double predicted = w.coef[1 + pb + c] * diff;
            sum += Math.abs(predicted - x.lift()) / Math.abs(x.lift());
        }
        return sum / lifts.length;
    }
}
