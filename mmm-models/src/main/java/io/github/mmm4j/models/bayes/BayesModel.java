package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.FitMetrics;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.Decomposition;
import io.github.mmm4j.models.Design;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.LinearModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.SamplerDiagnostics;
import io.github.mmm4j.models.Provenance;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import io.github.mmm4j.transforms.TransformWorkspace;
import io.github.mmm4j.transforms.Transforms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * A Bayesian marketing mix model fitted by {@link BayesianMmm}: the posterior draws, their diagnostics and every
 * estimate of the {@link FittedModel} API as a posterior mean with an equal-tailed credible interval.
 *
 * <p><b>Draws.</b> {@link #drawCount()} is {@code chains * draws}; draw {@code i} is chain {@code i / draws}'s
 * kept iteration {@code i % draws} (if the fit was cancelled, every chain is cut to the shortest chain's length).
 * {@link #draw(int)} is that draw as a {@link LinearModel}: the draw's transform parameters in the spec and its
 * coefficients mapped back to KPI units ({@code coef = sd(KPI) * effect} for media; trend, control and intercept
 * undone from the model's scaling).
 *
 * <p><b>Estimates.</b>
 * <ul>
 *   <li>{@link #channels()}: per channel posterior means of contribution, share, ROI and marginal ROI over the
 *       whole data window, with {@link #intervalLevel()} equal-tailed credible intervals over all draws
 *       ({@link Interval#of}).</li>
 *   <li>{@link #decompose} and {@link #predict}: the mean over {@link #meanDrawIndices()} (at most
 *       {@value #MEAN_DRAWS} draws evenly spaced over all draws, deterministic) of the draws' decompositions, to
 *       keep a call cheap on any data.</li>
 *   <li>{@link #response} and {@link #marginalResponse}: the posterior mean over all draws.</li>
 *   <li>{@link #trainMetrics()} and {@link #testMetrics()}: fit measures of the posterior-mean prediction
 *       {@code predict(data())}.</li>
 * </ul>
 *
 * <p><b>Diagnostics.</b> {@link #summary()} summarises every constrained parameter (names as in
 * {@link MmmLogDensity#constrainedNames()}) with mean, sd, MCSE, quantiles, bulk and tail ESS and rank-normalised
 * R-hat (Vehtari et al. 2021); {@link #warnings()} lists divergences, tree-depth saturation, low E-BFMI and R-hat
 * above 1.01; {@link #posteriorPredictive()} holds posterior predictive checks.
 */
public final class BayesModel implements FittedModel {

    /** The maximum number of draws averaged by {@link #decompose} and {@link #predict}. */
    public static final int MEAN_DRAWS = 200;

    private final MmmDataset data;
    private final ModelSpec spec;
    private final BayesOptions options;
    private final Design.Frame frame;
    private final Provenance provenance;
    private final NutsResult sampler;
    private final List<String> names;
    private final int nDraws;
    private final int perChain;
    private final double[] constrained;
    private final List<ParameterSummary> summary;
    private final List<String> warnings;
    private final NutsStatus status;
    private final int nCoef;
    private final double[] intercepts;
    private final double[] coefs;
    private final Adstock[][] adstocks;
    private final Saturation[][] saturations;
    private final double[][] geoShares;
    private final List<ChannelSummary> channels;
    private final PosteriorPredictiveCheck ppc;
    private final int[] meanDraws;
    private volatile LinearModel[] meanModels;
    private final FitMetrics trainMetrics;
    private final FitMetrics testMetrics;

    BayesModel(MmmDataset data, ModelSpec spec, BayesOptions options, BayesianMmm.Prepared prepared,
            MmmLogDensity density, NutsResult sampler) {
        this.data = data;
        this.spec = spec;
        this.options = options;
        this.frame = prepared.frame;
        this.sampler = sampler;
        this.provenance = Provenance.of("bayes", options.seed(), options.asMap());
        MmmLogDensity.Structure st = prepared.structure;
        this.names = density.constrainedNames();
        int nChains = sampler.chains().size();
        int shortest = Integer.MAX_VALUE;
        for (NutsChain ch : sampler.chains()) {
            shortest = Math.min(shortest, ch.completedDraws());
        }
        if (shortest == 0) {
            if (sampler.status() == NutsStatus.CANCELLED) {
                throw new CancellationException("the fit was cancelled before any draw was kept");
            }
            throw new IllegalStateException("sampling failed (" + sampler.status() + "): " + sampler.warnings());
        }
        this.perChain = shortest;
        this.nDraws = nChains * shortest;
        int nc = names.size();
        int dim = sampler.dimension();
        this.constrained = new double[nDraws * nc];
        double[] theta = new double[dim];
        double[] out = new double[nc];
        for (int c = 0; c < nChains; c++) {
            double[] dr = sampler.chains().get(c).draws();
            for (int i = 0; i < shortest; i++) {
                System.arraycopy(dr, i * dim, theta, 0, dim);
                if (!density.constrain(theta, out)) {
                    throw new IllegalStateException("draw " + i + " of chain " + c + " is outside the support");
                }
                System.arraycopy(out, 0, constrained, (c * shortest + i) * nc, nc);
            }
        }
        // summary and warnings on the constrained parameters
        List<ParameterSummary> sum = List.of();
        List<String> warn = new ArrayList<>();
        for (String w : sampler.warnings()) {
            if (!w.startsWith("R-hat of")) {
                warn.add(w);
            }
        }
        if (shortest >= 4) {
            double[][] chainDraws = new double[nChains][];
            for (int c = 0; c < nChains; c++) {
                chainDraws[c] = Arrays.copyOfRange(constrained, c * shortest * nc, (c + 1) * shortest * nc);
            }
            sum = Diagnostics.summarize(chainDraws, nc, names);
            for (ParameterSummary s : sum) {
                if (s.rhat() > NutsResult.RHAT_THRESHOLD) {
                    warn.add(String.format(Locale.ROOT, "R-hat of %s = %.4f > %.2f", s.name(), s.rhat(),
                            NutsResult.RHAT_THRESHOLD));
                }
            }
        }
        this.summary = List.copyOf(sum);
        this.warnings = List.copyOf(warn);
        NutsStatus ss = sampler.status();
        if (ss == NutsStatus.OK || ss == NutsStatus.WARNINGS) {
            ss = warn.isEmpty() ? NutsStatus.OK : NutsStatus.WARNINGS;
        }
        this.status = ss;

        // per-draw point models in KPI units
        Design design = prepared.design;
        int pb = design.firstMediaColumn();
        int nCh = data.nChannels();
        this.nCoef = design.cols();
        this.intercepts = new double[nDraws];
        this.coefs = new double[nDraws * nCoef];
        this.adstocks = new Adstock[nDraws][nCh];
        this.saturations = new Saturation[nDraws][nCh];
        double sdY = st.sdY;
        for (int d = 0; d < nDraws; d++) {
            int o = d * nc;
            double icpt = st.meanY + sdY * constrained[o];
            for (int j = 0; j < pb; j++) {
                double cf = sdY * constrained[o + 1 + j] / prepared.baseScale[j];
                coefs[d * nCoef + j] = cf;
                icpt -= cf * prepared.baseCenter[j];
            }
            intercepts[d] = icpt;
            for (int c = 0; c < nCh; c++) {
                MmmLogDensity.Channel ch = st.channels[c];
                double[] v = Arrays.copyOfRange(constrained, o, o + nc);
                coefs[d * nCoef + pb + c] = sdY * v[ch.effectConstrainedIndex];
                adstocks[d][c] = ch.adstock.withParameters(ch.adstockValues(v));
                saturations[d][c] = ch.saturation.withParameters(ch.saturationValues(v));
            }
        }
        this.geoShares = geoShares(data);
        this.channels = summarise(design, st, prepared.nTrain);
        this.ppc = predictiveCheck(design, st, prepared.nTrain);
        int m = Math.min(MEAN_DRAWS, nDraws);
        this.meanDraws = new int[m];
        for (int k = 0; k < m; k++) {
            meanDraws[k] = (int) ((long) k * nDraws / m);
        }
        double[] pred = predict(data);
        int nt = data.nPeriods();
        int nTrain = prepared.nTrain;
        double[] y = data.kpi();
        this.trainMetrics = FitMetrics.of(rows(y, 0, nTrain), rows(pred, 0, nTrain), nCoef);
        this.testMetrics = nTrain == nt ? null : FitMetrics.of(rows(y, nTrain, nt), rows(pred, nTrain, nt), nCoef);
    }

    private double[] rows(double[] v, int from, int to) {
        int nt = data.nPeriods();
        int ng = data.nGeos();
        double[] out = new double[(to - from) * ng];
        for (int g = 0; g < ng; g++) {
            System.arraycopy(v, g * nt + from, out, g * (to - from), to - from);
        }
        return out;
    }

    private static double[][] geoShares(MmmDataset data) {
        int nt = data.nPeriods();
        double[][] s = new double[data.nChannels()][data.nGeos()];
        for (int c = 0; c < s.length; c++) {
            double total = data.totalSpend(c);
            for (int g = 0; g < data.nGeos(); g++) {
                double sum = 0;
                for (int t = 0; t < nt; t++) {
                    sum += data.spend(g * nt + t, c);
                }
                s[c][g] = total > 0 ? sum / total : 1.0 / data.nGeos();
            }
        }
        return s;
    }

    /** Scaled spend of every geo, row-major [g][t * C + c], over all periods. */
    private double[][] scaledSpend() {
        int nt = data.nPeriods();
        int nCh = data.nChannels();
        double[] sc = frame.mediaScale();
        double[][] x = new double[data.nGeos()][nt * nCh];
        for (int g = 0; g < data.nGeos(); g++) {
            for (int t = 0; t < nt; t++) {
                for (int c = 0; c < nCh; c++) {
                    x[g][t * nCh + c] = data.spend(g * nt + t, c) / sc[c];
                }
            }
        }
        return x;
    }

    private List<ChannelSummary> summarise(Design design, MmmLogDensity.Structure st, int nTrain) {
        int nCh = data.nChannels();
        int nt = data.nPeriods();
        int pb = design.firstMediaColumn();
        double[][] x = scaledSpend();
        double[] level = new double[nt * nCh];
        TransformWorkspace ws = new TransformWorkspace();
        double[] spend = new double[nCh];
        for (int c = 0; c < nCh; c++) {
            spend[c] = data.totalSpend(c);
        }
        double[][] q = new double[4 * nCh][nDraws];
        double[] colSum = new double[nCh];
        double[] dScale = new double[nCh];
        for (int d = 0; d < nDraws; d++) {
            Arrays.fill(colSum, 0);
            Arrays.fill(dScale, 0);
            for (int g = 0; g < data.nGeos(); g++) {
                Transforms.adstock(adstocks[d], x[g], nt, level, ws);
                for (int t = 0; t < nt; t++) {
                    for (int c = 0; c < nCh; c++) {
                        double a = level[t * nCh + c];
                        Saturation s = saturations[d][c];
                        colSum[c] += s.value(a);
                        if (a != 0) {
                            dScale[c] += s.derivative(a) * a;
                        }
                    }
                }
            }
            double total = 0;
            for (int c = 0; c < nCh; c++) {
                double contribution = coefs[d * nCoef + pb + c] * colSum[c];
                q[4 * c][d] = contribution;
                total += contribution;
            }
            for (int c = 0; c < nCh; c++) {
                double beta = coefs[d * nCoef + pb + c];
                q[4 * c + 1][d] = total == 0 ? 0 : q[4 * c][d] / total;
                q[4 * c + 2][d] = q[4 * c][d] / spend[c];
                q[4 * c + 3][d] = beta * dScale[c] / spend[c];
            }
        }
        double lvl = options.level();
        List<ChannelSummary> out = new ArrayList<>(nCh);
        for (int c = 0; c < nCh; c++) {
            double[] mean = new double[4];
            Interval[] iv = new Interval[4];
            for (int k = 0; k < 4; k++) {
                mean[k] = Diagnostics.mean(q[4 * c + k]);
                iv[k] = Interval.of(q[4 * c + k], lvl);
            }
            out.add(new ChannelSummary(data.channels().get(c), spend[c], mean[0], mean[1], mean[2], mean[3],
                    Optional.of(iv[0]), Optional.of(iv[1]), Optional.of(iv[2]), Optional.of(iv[3])));
        }
        return List.copyOf(out);
    }

    private PosteriorPredictiveCheck predictiveCheck(Design design, MmmLogDensity.Structure st, int nTrain) {
        int nCh = data.nChannels();
        int nt = data.nPeriods();
        int ng = data.nGeos();
        int pb = design.firstMediaColumn();
        int n = ng * nTrain;
        double[][] x = scaledSpend();
        double[] media = new double[nt * nCh];
        TransformWorkspace ws = new TransformWorkspace();
        double[] yObs = new double[n];
        for (int g = 0; g < ng; g++) {
            for (int t = 0; t < nTrain; t++) {
                yObs[g * nTrain + t] = data.kpi(g * nt + t);
            }
        }
        double[][] rep = new double[n][nDraws];
        double[] yr = new double[n];
        SplittableRandom rng = new SplittableRandom(options.seed()).split().split();
        int sigmaIdx = names.size() - 1;
        double tSd = sd(yObs);
        double tMin = min(yObs);
        double tMax = max(yObs);
        double tAc = lag1(yObs, ng, nTrain);
        double pSd = 0;
        double pMin = 0;
        double pMax = 0;
        double pAc = 0;
        for (int d = 0; d < nDraws; d++) {
            double noise = st.sdY * constrained[d * names.size() + sigmaIdx];
            for (int g = 0; g < ng; g++) {
                Transforms.forward(adstocks[d], saturations[d], x[g], nt, media, ws);
                for (int t = 0; t < nTrain; t++) {
                    int r = g * nt + t;
                    double mu = intercepts[d];
                    for (int j = 0; j < pb; j++) {
                        mu += coefs[d * nCoef + j] * design.get(r, j);
                    }
                    for (int c = 0; c < nCh; c++) {
                        mu += coefs[d * nCoef + pb + c] * media[t * nCh + c];
                    }
                    double v = mu + noise * st.likelihood.sampleNoise(rng);
                    yr[g * nTrain + t] = v;
                    rep[g * nTrain + t][d] = v;
                }
            }
            pSd += compare(sd(yr), tSd);
            pMin += compare(min(yr), tMin);
            pMax += compare(max(yr), tMax);
            pAc += compare(lag1(yr, ng, nTrain), tAc);
        }
        int inside = 0;
        double lvl = options.level();
        for (int i = 0; i < n; i++) {
            if (Interval.of(rep[i], lvl).contains(yObs[i])) {
                inside++;
            }
        }
        return new PosteriorPredictiveCheck(lvl, n, (double) inside / n, pSd / nDraws, pMin / nDraws,
                pMax / nDraws, pAc / nDraws);
    }

    private static double compare(double rep, double obs) {
        return rep > obs ? 1.0 : rep == obs ? 0.5 : 0.0;
    }

    private static double sd(double[] v) {
        double m = Diagnostics.mean(v);
        return Math.sqrt(Diagnostics.variance(v, m));
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** Mean over geos of the lag-1 autocorrelation of each geo's series. */
    private static double lag1(double[] v, int ng, int nt) {
        double acc = 0;
        for (int g = 0; g < ng; g++) {
            int o = g * nt;
            double m = 0;
            for (int t = 0; t < nt; t++) {
                m += v[o + t];
            }
            m /= nt;
            double num = 0;
            double den = 0;
            for (int t = 0; t < nt; t++) {
                double d = v[o + t] - m;
                den += d * d;
                if (t > 0) {
                    num += d * (v[o + t - 1] - m);
                }
            }
            acc += den > 0 ? num / den : 0;
        }
        return acc / ng;
    }

    private LinearModel[] meanModels() {
        LinearModel[] mm = meanModels;
        if (mm == null) {
            synchronized (this) {
                mm = meanModels;
                if (mm == null) {
                    mm = new LinearModel[meanDraws.length];
                    for (int k = 0; k < mm.length; k++) {
                        mm[k] = draw(meanDraws[k]);
                    }
                    meanModels = mm;
                }
            }
        }
        return mm;
    }

    /**
     * Returns the draws averaged by {@link #decompose} and {@link #predict}: {@code m = min(MEAN_DRAWS, drawCount())}
     * indices {@code floor(k * drawCount() / m)}, {@code k = 0..m-1}.
     *
     * @return a new array of draw indices
     */
    public int[] meanDrawIndices() {
        return meanDraws.clone();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The posterior mean over {@link #meanDrawIndices()} of the draws' decompositions: each component and the
     * prediction are averaged, so the components still add up to the prediction.
     */
    @Override
    public Decomposition decompose(MmmDataset d) {
        Objects.requireNonNull(d, "data");
        LinearModel[] mm = meanModels();
        return Decomposition.mean(mm.length, i -> mm[i].decompose(d));
    }

    @Override
    public double response(int channel, double spendPerPeriod) {
        Objects.checkIndex(channel, data.nChannels());
        Checks.checkNonNegative("spendPerPeriod", spendPerPeriod);
        double scale = frame.mediaScale()[channel];
        int pb = nCoef - data.nChannels();
        double acc = 0;
        for (int d = 0; d < nDraws; d++) {
            double w = adstocks[d][channel].totalWeight();
            double s = 0;
            for (double share : geoShares[channel]) {
                s += saturations[d][channel].value(w * spendPerPeriod * share / scale);
            }
            acc += coefs[d * nCoef + pb + channel] * s;
        }
        return acc / nDraws;
    }

    @Override
    public double marginalResponse(int channel, double spendPerPeriod) {
        Objects.checkIndex(channel, data.nChannels());
        Checks.checkNonNegative("spendPerPeriod", spendPerPeriod);
        double scale = frame.mediaScale()[channel];
        int pb = nCoef - data.nChannels();
        double acc = 0;
        for (int d = 0; d < nDraws; d++) {
            double w = adstocks[d][channel].totalWeight();
            double s = 0;
            for (double share : geoShares[channel]) {
                s += saturations[d][channel].derivative(w * spendPerPeriod * share / scale) * w * share / scale;
            }
            acc += coefs[d * nCoef + pb + channel] * s;
        }
        return acc / nDraws;
    }

    @Override
    public int drawCount() {
        return nDraws;
    }

    /**
     * {@inheritDoc}
     *
     * @return the draw's point model (estimator {@code bayes}, without draws)
     */
    @Override
    public LinearModel draw(int i) {
        Objects.checkIndex(i, nDraws);
        ModelSpec s = spec;
        for (int c = 0; c < data.nChannels(); c++) {
            ChannelSpec cs = spec.channels().get(c);
            s = s.withChannel(cs.withAdstock(adstocks[i][c]).withSaturation(saturations[i][c]));
        }
        double[] coef = Arrays.copyOfRange(coefs, i * nCoef, (i + 1) * nCoef);
        return new LinearModel("bayes", s, data, options.holdout(), frame, intercepts[i], coef, provenance);
    }

    @Override
    public double intervalLevel() {
        return options.level();
    }

    @Override
    public String estimator() {
        return "bayes";
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public MmmDataset data() {
        return data;
    }

    @Override
    public int holdout() {
        return options.holdout();
    }

    @Override
    public Design.Frame frame() {
        return frame;
    }

    @Override
    public List<ChannelSummary> channels() {
        return channels;
    }

    @Override
    public FitMetrics trainMetrics() {
        return trainMetrics;
    }

    @Override
    public Optional<FitMetrics> testMetrics() {
        return Optional.ofNullable(testMetrics);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Estimator {@code bayes}, the fit's seed and {@link BayesOptions#asMap()}.
     */
    @Override
    public Provenance provenance() {
        return provenance;
    }

    /**
     * Returns the options of the fit.
     *
     * @return the options
     */
    public BayesOptions options() {
        return options;
    }

    /**
     * Returns the sampler's raw result, on the unconstrained coordinates of {@link MmmLogDensity}.
     *
     * @return the NUTS result
     */
    public NutsResult samplerResult() {
        return sampler;
    }

    /**
     * Returns the constrained parameter names (see {@link MmmLogDensity#constrainedNames()}).
     *
     * @return the names, in the order of {@link #summary()}
     */
    public List<String> parameterNames() {
        return names;
    }

    /**
     * Returns the posterior summary of every constrained parameter (empty with fewer than 4 draws per chain).
     *
     * @return one entry per name of {@link #parameterNames()}
     */
    public List<ParameterSummary> summary() {
        return summary;
    }

    /**
     * Returns the summary of one parameter.
     *
     * @param name a name of {@link #parameterNames()}
     * @return its summary
     * @throws IllegalArgumentException if there is no such parameter or no summary
     */
    public ParameterSummary summary(String name) {
        for (ParameterSummary s : summary) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no summary for '" + name + "'; parameters are " + names);
    }

    /**
     * Returns all draws of one constrained parameter, in draw order (chain after chain).
     *
     * @param name a name of {@link #parameterNames()}
     * @return a new array of length {@link #drawCount()}
     * @throws IllegalArgumentException if there is no such parameter
     */
    public double[] parameterDraws(String name) {
        int j = names.indexOf(name);
        Checks.checkArgument(j >= 0, "no parameter '%s'; parameters are %s", name, names);
        double[] out = new double[nDraws];
        for (int d = 0; d < nDraws; d++) {
            out[d] = constrained[d * names.size() + j];
        }
        return out;
    }

    /**
     * Returns the outcome: {@link NutsStatus#OK}, {@link NutsStatus#WARNINGS} (see {@link #warnings()}) or
     * {@link NutsStatus#CANCELLED} (the draws kept before cancellation).
     *
     * @return the status
     */
    public NutsStatus status() {
        return status;
    }

    /**
     * Returns the warnings: divergent transitions, tree-depth saturation, E-BFMI below 0.3, and R-hat above 1.01
     * of a constrained parameter.
     *
     * @return the warnings, empty when {@link #status()} is OK
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Returns the number of divergent post-warmup transitions over all chains.
     *
     * @return the count
     */
    public int divergences() {
        return sampler.divergences();
    }

    @Override
    public Optional<SamplerDiagnostics> samplerDiagnostics() {
        return Optional.of(new SamplerDiagnostics(maxRhat(), minEssBulk(), divergences()));
    }

    /**
     * Returns the largest R-hat over the constrained parameters.
     *
     * @return the maximum, NaN without a summary
     */
    public double maxRhat() {
        double m = summary.isEmpty() ? Double.NaN : Double.NEGATIVE_INFINITY;
        for (ParameterSummary s : summary) {
            m = Math.max(m, s.rhat());
        }
        return m;
    }

    /**
     * Returns the smallest bulk ESS over the constrained parameters.
     *
     * @return the minimum, NaN without a summary
     */
    public double minEssBulk() {
        double m = summary.isEmpty() ? Double.NaN : Double.POSITIVE_INFINITY;
        for (ParameterSummary s : summary) {
            m = Math.min(m, s.essBulk());
        }
        return m;
    }

    /**
     * Returns the posterior predictive checks on the training rows.
     *
     * @return the checks
     */
    public PosteriorPredictiveCheck posteriorPredictive() {
        return ppc;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BayesModel[%d channels, %d draws, status %s, max R-hat %.4f, %d divergences]",
                data.nChannels(), nDraws, status, maxRhat(), divergences());
    }
}
