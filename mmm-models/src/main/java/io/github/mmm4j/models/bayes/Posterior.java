package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.Design;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Provenance;
import io.github.mmm4j.models.SamplerDiagnostics;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import io.github.mmm4j.transforms.TransformWorkspace;
import io.github.mmm4j.transforms.Transforms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * Turns a NUTS run of {@link MmmLogDensity} into the {@link FittedModel} that {@link BayesianMmm#fit} returns.
 *
 * <p><b>Draws.</b> The model's draw {@code i} is chain {@code i / drawsPerChain}'s kept iteration
 * {@code i % drawsPerChain} (if the fit was cancelled, every chain is cut to the shortest chain's length). Its
 * parameter row holds the draw's coefficients mapped back to KPI units ({@code coef = sd(KPI) * effect} for media;
 * trend, control and intercept undone from the model's scaling) and the draw's transform parameters. The model has
 * no point row: every estimate is the posterior mean over all draws (see {@link FittedModel}).
 *
 * <p><b>Diagnostics.</b> {@link SamplerDiagnostics#parameters()} summarises every constrained parameter (names as in
 * {@link MmmLogDensity#constrainedNames()}) with mean, sd, MCSE, quantiles, bulk and tail ESS and rank-normalised
 * R-hat (Vehtari et al. 2021); the warnings list divergences, tree-depth saturation, low E-BFMI and R-hat above
 * 1.01; the posterior predictive checks compare replicated with observed training data.
 */
final class Posterior {

    private Posterior() {
    }

    static FittedModel model(MmmDataset data, ModelSpec spec, BayesOptions options, BayesianMmm.Prepared prepared,
            MmmLogDensity density, NutsResult sampler) {
        Design.Frame frame = prepared.frame;
        DensityParts.Structure st = prepared.structure;
        List<String> names = density.constrainedNames();
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
        int nDraws = nChains * shortest;
        int nc = names.size();
        int dim = sampler.dimension();
        double[] constrained = new double[nDraws * nc];
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
            warn.addAll(rhatWarnings(sum));
        }
        NutsStatus status = sampler.status();
        if (status == NutsStatus.OK || status == NutsStatus.WARNINGS) {
            status = warn.isEmpty() ? NutsStatus.OK : NutsStatus.WARNINGS;
        }

        // per-draw parameter rows in KPI units
        Design design = prepared.design;
        int pb = design.firstMediaColumn();
        int nCh = data.nChannels();
        int nCoef = design.cols();
        int nGeo = data.nGeos();
        boolean geoEffects = st.geoEffects;
        double[] mults = geoEffects ? new double[nDraws * nCh * nGeo] : null;
        double[] amps = geoEffects ? new double[nDraws * nGeo] : null;
        double[] intercepts = new double[nDraws];
        double[] coefs = new double[nDraws * nCoef];
        Adstock[][] adstocks = new Adstock[nDraws][nCh];
        Saturation[][] saturations = new Saturation[nDraws][nCh];
        double sdY = st.sdY;
        double[] v = new double[nc];
        for (int d = 0; d < nDraws; d++) {
            int o = d * nc;
            System.arraycopy(constrained, o, v, 0, nc);
            double icpt = st.meanY + sdY * constrained[o];
            for (int j = 0; j < pb; j++) {
                double cf = sdY * constrained[o + 1 + j] / prepared.baseScale[j];
                coefs[d * nCoef + j] = cf;
                icpt -= cf * prepared.baseCenter[j];
            }
            intercepts[d] = icpt;
            if (geoEffects) {
                for (int g = 0; g < nGeo; g++) {
                    amps[d * nGeo + g] = st.geoBaseline ? v[st.etaConstrainedIndex + g] : 1.0;
                }
            }
            for (int c = 0; c < nCh; c++) {
                DensityParts.Channel ch = st.channels[c];
                coefs[d * nCoef + pb + c] = sdY * v[ch.effectConstrainedIndex];
                if (geoEffects) {
                    System.arraycopy(v, ch.geoConstrainedIndex, mults, (d * nCh + c) * nGeo, nGeo);
                }
                adstocks[d][c] = ch.adstock.withParameters(ch.adstockValues(v));
                saturations[d][c] = ch.saturation.withParameters(ch.saturationValues(v));
            }
        }
        int width0 = FittedModel.parameterWidth(spec, data, frame);
        int width = width0 + (geoEffects ? nCh * nGeo + nGeo : 0);
        double[] rows = new double[nDraws * width];
        double[] coef = new double[nCoef];
        for (int d = 0; d < nDraws; d++) {
            ModelSpec s = spec;
            for (int c = 0; c < nCh; c++) {
                s = s.withChannel(s.channels().get(c).withAdstock(adstocks[d][c]).withSaturation(saturations[d][c]));
            }
            System.arraycopy(coefs, d * nCoef, coef, 0, nCoef);
            System.arraycopy(FittedModel.row(s, intercepts[d], coef), 0, rows, d * width, width0);
            if (geoEffects) {
                System.arraycopy(mults, d * nCh * nGeo, rows, d * width + width0, nCh * nGeo);
                System.arraycopy(amps, d * nGeo, rows, d * width + width0 + nCh * nGeo, nGeo);
            }
        }
        PosteriorPredictiveCheck ppc = predictiveCheck(data, frame, options, design, st, prepared.nTrain, nDraws,
                names, constrained, intercepts, coefs, nCoef, adstocks, saturations, mults, amps);
        double maxRhat = sum.isEmpty() ? Double.NaN : Double.NEGATIVE_INFINITY;
        double minEss = sum.isEmpty() ? Double.NaN : Double.POSITIVE_INFINITY;
        for (ParameterSummary s : sum) {
            maxRhat = Math.max(maxRhat, s.rhat());
            minEss = Math.min(minEss, s.essBulk());
        }
        java.util.Map<String, Double> roiPriorLogSd = new java.util.TreeMap<>();
        for (DensityParts.Channel ch : st.channels) {
            double sd = ch.roi ? Prior.logScaleSd(ch.effectPrior) : Double.NaN;
            if (sd > 0 && Double.isFinite(sd)) {
                roiPriorLogSd.put(ch.name, sd);
            }
        }
        SamplerDiagnostics diag = new SamplerDiagnostics(status, nChains, shortest, maxRhat, minEss,
                sampler.divergences(), warn, sum, names, constrained, sampler.parameterNames(), ppc, roiPriorLogSd);
        Provenance provenance = Provenance.of("bayes", options.seed(), options.asMap());
        return FittedModel.of("bayes", spec, data, options.holdout(), frame, null, rows, options.level(), provenance,
                diag, geoEffects);
    }

    /** Scaled spend (per capita when the frame has population) of every geo, row-major [g][t * C + c]. */
    private static double[][] scaledSpend(MmmDataset data, Design.Frame frame) {
        int nt = data.nPeriods();
        int nCh = data.nChannels();
        double[] sc = frame.mediaScale();
        double[][] x = new double[data.nGeos()][nt * nCh];
        for (int g = 0; g < data.nGeos(); g++) {
            for (int t = 0; t < nt; t++) {
                for (int c = 0; c < nCh; c++) {
                    x[g][t * nCh + c] = data.spend(g * nt + t, c) / (sc[c] * frame.geoSize(g));
                }
            }
        }
        return x;
    }


    private static PosteriorPredictiveCheck predictiveCheck(MmmDataset data, Design.Frame frame, BayesOptions options,
            Design design, DensityParts.Structure st, int nTrain, int nDraws, List<String> names, double[] constrained,
            double[] intercepts, double[] coefs, int nCoef, Adstock[][] adstocks, Saturation[][] saturations,
            double[] mults, double[] amps) {
        int nCh = data.nChannels();
        int nt = data.nPeriods();
        int ng = data.nGeos();
        int pb = design.firstMediaColumn();
        int n = ng * nTrain;
        boolean[] shape = BayesianMmm.shapeColumns(design, pb);
        double[][] x = scaledSpend(data, frame);
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
        // the noise sds close the constrained parameters: one per geo, or one for all
        int sigmaIdx = names.size() - st.nSigma;
        double tSd = sd(yObs);
        double tMin = min(yObs);
        double tMax = max(yObs);
        double tAc = lag1(yObs, ng, nTrain);
        double pSd = 0;
        double pMin = 0;
        double pMax = 0;
        double pAc = 0;
        for (int d = 0; d < nDraws; d++) {
            for (int g = 0; g < ng; g++) {
                double noise = st.sdY * constrained[d * names.size() + sigmaIdx + (st.nSigma == 1 ? 0 : g)];
                Transforms.forward(adstocks[d], saturations[d], x[g], nt, media, ws);
                for (int t = 0; t < nTrain; t++) {
                    int r = g * nt + t;
                    double mu = intercepts[d];
                    double amp = amps == null ? 1.0 : amps[d * ng + g];
                    for (int j = 0; j < pb; j++) {
                        double f = shape[j] ? amp : 1.0;
                        mu += f * coefs[d * nCoef + j] * design.get(r, j);
                    }
                    for (int c = 0; c < nCh; c++) {
                        double m = (mults == null ? 1.0 : mults[(d * nCh + c) * ng + g]) * frame.geoSize(g);
                        mu += m * coefs[d * nCoef + pb + c] * media[t * nCh + c];
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

    /** Most parameters whose R-hat a fit's warnings name one by one; the rest are counted. */
    static final int MAX_RHAT_WARNINGS = 10;

    /**
     * One warning per parameter whose R-hat exceeds {@link NutsResult#RHAT_THRESHOLD}, worst first, at most
     * {@link #MAX_RHAT_WARNINGS} of them, then, when there are more, one line that counts them all: a panel that did not
     * converge would otherwise list every one of its thousand parameters.
     */
    static List<String> rhatWarnings(List<ParameterSummary> summaries) {
        List<ParameterSummary> over = new ArrayList<>();
        for (ParameterSummary s : summaries) {
            if (s.rhat() > NutsResult.RHAT_THRESHOLD) {
                over.add(s);
            }
        }
        over.sort(java.util.Comparator.comparingDouble(ParameterSummary::rhat).reversed());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_RHAT_WARNINGS, over.size()); i++) {
            ParameterSummary s = over.get(i);
            out.add(String.format(Locale.ROOT, "R-hat of %s = %.4f > %.2f", s.name(), s.rhat(),
                    NutsResult.RHAT_THRESHOLD));
        }
        if (over.size() > MAX_RHAT_WARNINGS) {
            out.add(String.format(Locale.ROOT, "R-hat > %.2f for %d of %d quantities; the %d worst are listed above",
                    NutsResult.RHAT_THRESHOLD, over.size(), summaries.size(), MAX_RHAT_WARNINGS));
        }
        return out;
    }
}
