package io.github.mmm4j.models.bayes;

import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Geometric;
import io.github.mmm4j.transforms.Saturation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The log posterior of {@link BayesianMmm}'s model on the unconstrained space, with its analytic gradient: the
 * {@link LogDensity} that {@link Nuts} samples. Obtain one from
 * {@link BayesianMmm#logDensity(io.github.mmm4j.core.MmmDataset, io.github.mmm4j.models.ModelSpec, BayesOptions)};
 * each instance owns its workspaces (not thread-safe); {@link #copy()} makes another for another thread.
 *
 * <p><b>Model</b> (standardised units; {@code i} runs over training rows, {@code c} over channels):
 * <pre>
 *   mu_i    = intercept + sum_j gamma_j b_ij + sum_c effect_c S_ic,   S_ic = sat_c(adstock_c(spend_c / scale_c))_i
 *   y_i     ~ likelihood(mu_i, sigma)
 *   lift_k  ~ N(effect_c(k) sd(KPI) D_k, se_k^2)                      (one term per {@link LiftTest})
 * </pre>
 * with the priors of {@link BayesPriors} and, under the ROI parameterisation,
 * {@code effect_c = roi_c * sum_i spend_ic / (sd(KPI) * sum_i S_ic)}.
 *
 * <p><b>Unconstrained coordinates</b> (in this order, see {@link #parameterNames()}): the intercept and the
 * baseline coefficients as they are; then per channel {@code log_contribution = log(effect * mean_i S_ic)}, the log
 * of the channel's mean contribution per training row (or, under the ROI parameterisation, {@code log roi}) followed
 * by its
 * sampled transform parameters, positive ones as {@code log x}, bounded ones on {@code (lo, hi)} as
 * {@code logit((x - lo) / (hi - lo))}; last {@code log sigma}. The log density includes the log Jacobian of each
 * transform ({@code log x} for {@code exp}, {@code log s + log(1 - s)} for the logistic map), as Stan does for
 * {@code <lower=0>} and {@code <lower=0, upper=1>} parameters, so its {@code exp} integrates to the posterior of the
 * constrained parameters. The map from {@code (log_contribution, transform parameters)} to
 * {@code (log effect, transform parameters)} is triangular with unit diagonal ({@code log effect = log_contribution
 * + log n - log sum_i S_ic}), so it adds no Jacobian term: the posterior of the constrained parameters is exactly the
 * one with {@code log effect} sampled (Stan's {@code <lower=0>} effect), but the sampler moves along the directions the
 * data identify (the contribution) instead of the strongly correlated effect, half-saturation and slope (posterior
 * correlations up to 0.84 in the reference model), which lowers the number of leapfrog steps per draw.
 *
 * <p><b>Gradient</b>: reverse mode, by hand. The adstock is a convolution with the weights
 * {@code w_c[l]} of the transform ({@link Adstock#weightsInto}), so {@code dL/dtheta_k =
 * sum_l (dw_c[l]/dtheta_k) sum_t gA_t x_{t-l}} with the weight Jacobian of {@link Adstock#weightJacobianInto}; the
 * saturation's adjoint comes from {@link Saturation#backward}, except for {@link io.github.mmm4j.transforms.Hill},
 * whose intermediate values {@code log(A / ec)} and {@code h (1 - h)} are kept from the forward pass (one
 * {@code log} and one {@code exp} per element and evaluation instead of two of each; the result is tested equal
 * to {@code Hill.backward}). Geometric adstock weights are computed inline. With geometric adstocks and Hill
 * saturations an evaluation allocates nothing; other transforms allocate one small record per channel
 * ({@code withParameters}).
 */
public final class MmmLogDensity implements LogDensity {

    /** Support of a transform parameter. */
    enum Kind { POSITIVE, INTERVAL, FIXED }

    /** One transform parameter: its support and prior, and where it sits in theta (or its fixed value). */
    static final class Param {
        final String name;
        final Kind kind;
        final double lo;
        final double hi;
        final Prior prior;
        final double fixed;
        int index = -1;
        int constrainedIndex = -1;

        Param(String name, Kind kind, double lo, double hi, Prior prior, double fixed) {
            this.name = name;
            this.kind = kind;
            this.lo = lo;
            this.hi = hi;
            this.prior = prior;
            this.fixed = fixed;
        }
    }

    /** The immutable structure of one channel. */
    static final class Channel {
        final String name;
        final Adstock adstock;
        final Saturation saturation;
        final boolean geometric;
        final boolean hill;
        final Param[] aParams;
        final Param[] sParams;
        /** Number of adstock weights kept: min(maxLag + 1, all periods of the data). */
        final int len;
        final boolean roi;
        /** The prior of the sampled effect or, under the ROI parameterisation, of the ROI. */
        final Prior effectPrior;
        /** sum of training spend (currency) / sd(KPI): effect = roi * roiConst / sum S. */
        final double roiConst;
        final double trainSpend;
        int effectIndex;
        int effectConstrainedIndex;

        Channel(String name, Adstock adstock, Saturation saturation, Param[] aParams, Param[] sParams, int len,
                boolean roi, Prior effectPrior, double trainSpend, double sdY) {
            this.name = name;
            this.adstock = adstock;
            this.saturation = saturation;
            this.geometric = adstock instanceof Geometric;
            this.hill = saturation instanceof io.github.mmm4j.transforms.Hill;
            this.aParams = aParams;
            this.sParams = sParams;
            this.len = len;
            this.roi = roi;
            this.effectPrior = effectPrior;
            this.trainSpend = trainSpend;
            this.roiConst = trainSpend / sdY;
        }

        double[] adstockValues(double[] constrained) {
            return values(aParams, constrained);
        }

        double[] saturationValues(double[] constrained) {
            return values(sParams, constrained);
        }

        private static double[] values(Param[] ps, double[] constrained) {
            double[] v = new double[ps.length];
            for (int k = 0; k < ps.length; k++) {
                v[k] = ps[k].kind == Kind.FIXED ? ps[k].fixed : constrained[ps[k].constrainedIndex];
            }
            return v;
        }
    }

    /** One lift test, precomputed on a local window of periods. */
    static final class Lift {
        final int channel;
        final int m;
        final int sumFrom;
        final double[] xb;
        final double[] xp;
        final double lift;
        final double se;

        Lift(int channel, int m, int sumFrom, double[] xb, double[] xp, double lift, double se) {
            this.channel = channel;
            this.m = m;
            this.sumFrom = sumFrom;
            this.xb = xb;
            this.xp = xp;
            this.lift = lift;
            this.se = se;
        }
    }

    /** Everything fixed about the posterior; shared by all instances. */
    static final class Structure {
        final int nGeo;
        final int nT;
        final int n;
        final int pb;
        final double[] y;
        final double meanY;
        final double sdY;
        final double[] base;
        final Prior.Normal interceptPrior;
        final Prior.Normal[] basePriors;
        final Prior sigmaPrior;
        final double[][] xs;
        final Channel[] channels;
        final Lift[] lifts;
        final Likelihood likelihood;
        final List<String> baseNames;
        final int dim;
        final int sigmaIndex;
        final List<String> names;
        final List<String> constrainedNames;

        Structure(int nGeo, int nT, double[] y, double meanY, double sdY, double[] base, int pb,
                Prior.Normal interceptPrior, Prior.Normal[] basePriors, Prior sigmaPrior, List<String> baseNames,
                double[][] xs, Channel[] channels, Lift[] lifts, Likelihood likelihood) {
            this.nGeo = nGeo;
            this.nT = nT;
            this.n = nGeo * nT;
            this.pb = pb;
            this.y = y;
            this.meanY = meanY;
            this.sdY = sdY;
            this.base = base;
            this.interceptPrior = interceptPrior;
            this.basePriors = basePriors;
            this.sigmaPrior = sigmaPrior;
            this.baseNames = List.copyOf(baseNames);
            this.xs = xs;
            this.channels = channels;
            this.lifts = lifts;
            this.likelihood = likelihood;
            List<String> un = new ArrayList<>();
            List<String> cn = new ArrayList<>();
            un.add("intercept");
            cn.add("intercept");
            un.addAll(baseNames);
            cn.addAll(baseNames);
            int idx = 1 + pb;
            for (Channel ch : channels) {
                ch.effectIndex = idx++;
                un.add((ch.roi ? "log_roi[" : "log_contribution[") + ch.name + "]");
                ch.effectConstrainedIndex = cn.size();
                cn.add("effect[" + ch.name + "]");
                cn.add("roi[" + ch.name + "]");
                for (Param[] ps : new Param[][] {ch.aParams, ch.sParams}) {
                    for (Param p : ps) {
                        if (p.kind == Kind.FIXED) {
                            continue;
                        }
                        p.index = idx++;
                        un.add((p.kind == Kind.POSITIVE ? "log_" : "logit_") + p.name + "[" + ch.name + "]");
                        p.constrainedIndex = cn.size();
                        cn.add(p.name + "[" + ch.name + "]");
                    }
                }
            }
            this.sigmaIndex = idx++;
            un.add("log_sigma");
            cn.add("sigma");
            this.dim = idx;
            this.names = List.copyOf(un);
            this.constrainedNames = List.copyOf(cn);
        }
    }

    /** Per-channel workspace. */
    private static final class ChannelWork {
        final double[] w;
        final double[] jac;
        final double[] aVal;
        final double[] aDer;
        final double[] sVal;
        final double[] sDer;
        final double[] gA;
        final double[] gS;
        final double[] corr;
        final double[] a;
        final double[] s;
        final double[] lu;
        final double[] sp;
        Saturation sat;
        double logEc;

        ChannelWork(Channel ch, int n) {
            int na = ch.aParams.length;
            int ns = ch.sParams.length;
            w = new double[ch.len];
            jac = new double[Math.max(1, ch.len * na)];
            aVal = new double[na];
            aDer = new double[na];
            sVal = new double[ns];
            sDer = new double[ns];
            gA = new double[na];
            gS = new double[ns];
            corr = new double[ch.len];
            a = new double[n];
            s = new double[n];
            lu = new double[n];
            sp = new double[n];
            sat = ch.saturation;
        }
    }

    /** Per-lift workspace. */
    private static final class LiftWork {
        final double[] ab;
        final double[] ap;
        final double[] sb;
        final double[] sq;
        final double[] lub;
        final double[] lup;
        final double[] spb;
        final double[] spp;
        double adjoint;

        LiftWork(int size) {
            ab = new double[size];
            ap = new double[size];
            sb = new double[size];
            sq = new double[size];
            lub = new double[size];
            lup = new double[size];
            spb = new double[size];
            spp = new double[size];
        }
    }

    private final Structure st;
    private final ChannelWork[] cw;
    private final LiftWork[] lw;
    private final double[] mu;
    private final double[] r;
    private final double[] gmu;
    private final double[] gS;
    private final double[] gA;
    private final double[] beta;
    private final double[] dBeta;
    private final double[] sumS;
    private final double[] gLogSigma = new double[1];
    private final double[] effectGrad = new double[1];
    private final double[] priorEffectGrad;
    private final double logN;
    private double lp;

    MmmLogDensity(Structure st) {
        this.st = st;
        int n = st.n;
        cw = new ChannelWork[st.channels.length];
        for (int c = 0; c < cw.length; c++) {
            cw[c] = new ChannelWork(st.channels[c], n);
        }
        lw = new LiftWork[st.lifts.length];
        int maxLift = 0;
        for (int k = 0; k < lw.length; k++) {
            lw[k] = new LiftWork(st.lifts[k].xb.length);
            maxLift = Math.max(maxLift, st.lifts[k].xb.length);
        }
        mu = new double[n];
        r = new double[n];
        gmu = new double[n];
        gS = new double[Math.max(n, maxLift)];
        gA = new double[Math.max(n, maxLift)];
        beta = new double[cw.length];
        dBeta = new double[cw.length];
        sumS = new double[cw.length];
        priorEffectGrad = new double[cw.length];
        logN = Math.log(n);
    }

    /**
     * Returns a new instance with its own workspaces over the same (shared, immutable) data.
     *
     * @return an independent density
     */
    public MmmLogDensity copy() {
        return new MmmLogDensity(st);
    }

    @Override
    public int dimension() {
        return st.dim;
    }

    /**
     * Returns the names of the unconstrained coordinates, for example {@code intercept}, {@code trend},
     * {@code sin1}, {@code log_contribution[tv]}, {@code logit_alpha[tv]}, {@code log_ec[tv]}, {@code log_sigma}.
     *
     * @return {@link #dimension()} names
     */
    public List<String> parameterNames() {
        return st.names;
    }

    /**
     * Returns the names of the constrained parameters that {@link #constrain} produces: {@code intercept}, the
     * baseline coefficients, then per channel {@code effect[c]}, {@code roi[c]} and its sampled transform
     * parameters (for example {@code alpha[c]}, {@code ec[c]}, {@code slope[c]}), last {@code sigma}. All are in
     * the model's standardised units except {@code roi[c]}, which is in KPI units per unit of spend over the
     * training window.
     *
     * @return the names
     */
    public List<String> constrainedNames() {
        return st.constrainedNames;
    }

    /**
     * Maps an unconstrained point to the constrained parameters named by {@link #constrainedNames()}.
     *
     * @param theta (input) the point, length {@link #dimension()}; not modified
     * @param out (output) receives the values, length {@code constrainedNames().size()}
     * @return false if the point is outside the support (the log density is not finite); {@code out} is then
     *     unspecified
     */
    public boolean constrain(double[] theta, double[] out) {
        double[] g = new double[st.dim];
        double v = logDensityGradient(theta, g);
        if (!Double.isFinite(v)) {
            return false;
        }
        out[0] = theta[0];
        System.arraycopy(theta, 1, out, 1, st.pb);
        for (int c = 0; c < st.channels.length; c++) {
            Channel ch = st.channels[c];
            ChannelWork w = cw[c];
            out[ch.effectConstrainedIndex] = beta[c];
            out[ch.effectConstrainedIndex + 1] = beta[c] * st.sdY * sumS[c] / ch.trainSpend;
            for (int k = 0; k < ch.aParams.length; k++) {
                if (ch.aParams[k].kind != Kind.FIXED) {
                    out[ch.aParams[k].constrainedIndex] = w.aVal[k];
                }
            }
            for (int k = 0; k < ch.sParams.length; k++) {
                if (ch.sParams[k].kind != Kind.FIXED) {
                    out[ch.sParams[k].constrainedIndex] = w.sVal[k];
                }
            }
        }
        out[out.length - 1] = Math.exp(theta[st.sigmaIndex]);
        return true;
    }

    Structure structure() {
        return st;
    }

    @Override
    public double logDensityGradient(double[] theta, double[] grad) {
        Structure s = st;
        int n = s.n;
        int pb = s.pb;
        Arrays.fill(grad, 0, s.dim, 0.0);
        lp = 0;
        lp += s.interceptPrior.logDensity(theta[0]);
        grad[0] += s.interceptPrior.derivative(theta[0]);
        for (int j = 0; j < pb; j++) {
            Prior.Normal p = s.basePriors[j];
            lp += p.logDensity(theta[1 + j]);
            grad[1 + j] += p.derivative(theta[1 + j]);
        }
        double uSigma = theta[s.sigmaIndex];
        double sigma = Math.exp(uSigma);
        if (!(sigma > 0 && sigma < Double.POSITIVE_INFINITY)) {
            return Double.NEGATIVE_INFINITY;
        }
        lp += positivePrior(s.sigmaPrior, uSigma, sigma, grad, s.sigmaIndex);

        Channel[] chs = s.channels;
        int nc = chs.length;
        for (int c = 0; c < nc; c++) {
            if (!prepareChannel(chs[c], cw[c], theta, grad)) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        // media forward and the mean
        double intercept = theta[0];
        for (int i = 0; i < n; i++) {
            double m = intercept;
            int row = i * pb;
            for (int j = 0; j < pb; j++) {
                m += s.base[row + j] * theta[1 + j];
            }
            mu[i] = m;
        }
        for (int c = 0; c < nc; c++) {
            Channel ch = chs[c];
            ChannelWork w = cw[c];
            int lenUse = Math.min(ch.len, s.nT);
            double[] x = s.xs[c];
            for (int g = 0; g < s.nGeo; g++) {
                forwardSeries(ch, w, x, g * s.nT, s.nT, lenUse, w.a, w.s, w.lu, w.sp);
            }
            double sum = 0;
            double[] sc = w.s;
            for (int i = 0; i < n; i++) {
                sum += sc[i];
            }
            sumS[c] = sum;
            if (!(sum > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            double u = theta[ch.effectIndex];
            if (ch.roi) {
                beta[c] = Math.exp(u) * ch.roiConst / sum;
            } else {
                // theta = log(effect * mean S): effect = exp(theta) n / sum S, unit Jacobian (see class comment)
                double logEffect = u + logN - Math.log(sum);
                beta[c] = Math.exp(logEffect);
                if (!(beta[c] > 0 && beta[c] < Double.POSITIVE_INFINITY)) {
                    return Double.NEGATIVE_INFINITY;
                }
                effectGrad[0] = 0;
                lp += positivePrior(ch.effectPrior, logEffect, beta[c], effectGrad, 0);
                priorEffectGrad[c] = effectGrad[0];
            }
            double b = beta[c];
            for (int i = 0; i < n; i++) {
                mu[i] += b * sc[i];
            }
        }
        for (int i = 0; i < n; i++) {
            r[i] = s.y[i] - mu[i];
        }
        lp += s.likelihood.logLikelihood(r, n, sigma, gmu, gLogSigma);
        grad[s.sigmaIndex] += gLogSigma[0];
        Arrays.fill(dBeta, 0.0);
        // lift tests forward
        for (int k = 0; k < s.lifts.length; k++) {
            Lift lf = s.lifts[k];
            LiftWork lwk = lw[k];
            Channel ch = chs[lf.channel];
            ChannelWork w = cw[lf.channel];
            int lenUse = Math.min(ch.len, lf.m);
            double d = 0;
            for (int g = 0; g < s.nGeo; g++) {
                int off = g * lf.m;
                forwardSeries(ch, w, lf.xb, off, lf.m, lenUse, lwk.ab, lwk.sb, lwk.lub, lwk.spb);
                forwardSeries(ch, w, lf.xp, off, lf.m, lenUse, lwk.ap, lwk.sq, lwk.lup, lwk.spp);
                for (int t = lf.sumFrom; t < lf.m; t++) {
                    d += lwk.sq[off + t] - lwk.sb[off + t];
                }
            }
            double pred = beta[lf.channel] * s.sdY * d;
            double res = lf.lift - pred;
            double q = res / (lf.se * lf.se);
            lp += -0.5 * res * q;
            dBeta[lf.channel] += q * s.sdY * d;
            lwk.adjoint = q * beta[lf.channel] * s.sdY;
        }
        if (!Double.isFinite(lp)) {
            return lp;
        }
        // baseline gradient
        double g0 = 0;
        for (int i = 0; i < n; i++) {
            double gi = gmu[i];
            g0 += gi;
            int row = i * pb;
            for (int j = 0; j < pb; j++) {
                grad[1 + j] += gi * s.base[row + j];
            }
        }
        grad[0] += g0;
        // channels backward
        for (int c = 0; c < nc; c++) {
            Channel ch = chs[c];
            ChannelWork w = cw[c];
            double[] sc = w.s;
            double db = dBeta[c];
            for (int i = 0; i < n; i++) {
                db += gmu[i] * sc[i];
            }
            dBeta[c] = db;
            double b = beta[c];
            // d lp / d log(effect), holding the transform parameters: the likelihood's, plus the prior's in the
            // effect parameterisation; log(effect) = theta - log(sum S) + const in both parameterisations
            double gLogEffect = db * b + (ch.roi ? 0.0 : priorEffectGrad[c]);
            grad[ch.effectIndex] += gLogEffect;
            double roiTerm = gLogEffect / sumS[c];
            for (int i = 0; i < n; i++) {
                gS[i] = gmu[i] * b - roiTerm;
            }
            Arrays.fill(w.gS, 0.0);
            Arrays.fill(w.corr, 0.0);
            int lenUse = Math.min(ch.len, s.nT);
            double[] x = s.xs[c];
            for (int g = 0; g < s.nGeo; g++) {
                int off = g * s.nT;
                backwardSeries(ch, w, x, off, s.nT, lenUse, w.a, w.lu, w.sp, gS, off);
            }
            for (int k = 0; k < s.lifts.length; k++) {
                Lift lf = s.lifts[k];
                if (lf.channel != c) {
                    continue;
                }
                LiftWork lwk = lw[k];
                int lenLift = Math.min(ch.len, lf.m);
                for (int g = 0; g < s.nGeo; g++) {
                    int off = g * lf.m;
                    for (int t = 0; t < lf.m; t++) {
                        gS[t] = t >= lf.sumFrom ? lwk.adjoint : 0.0;
                    }
                    backwardSeries(ch, w, lf.xp, off, lf.m, lenLift, lwk.ap, lwk.lup, lwk.spp, gS, 0);
                    for (int t = lf.sumFrom; t < lf.m; t++) {
                        gS[t] = -lwk.adjoint;
                    }
                    backwardSeries(ch, w, lf.xb, off, lf.m, lenLift, lwk.ab, lwk.lub, lwk.spb, gS, 0);
                }
            }
            int na = ch.aParams.length;
            for (int k = 0; k < na; k++) {
                Param p = ch.aParams[k];
                if (p.kind == Kind.FIXED) {
                    continue;
                }
                double acc = 0;
                for (int l = 0; l < ch.len; l++) {
                    acc += w.jac[l * na + k] * w.corr[l];
                }
                grad[p.index] += acc * w.aDer[k];
            }
            for (int k = 0; k < ch.sParams.length; k++) {
                Param p = ch.sParams[k];
                if (p.kind != Kind.FIXED) {
                    grad[p.index] += w.gS[k] * w.sDer[k];
                }
            }
        }
        return lp;
    }

    /** Constrains the channel's parameters, adds their priors and Jacobians, computes the adstock weights. */
    private boolean prepareChannel(Channel ch, ChannelWork w, double[] theta, double[] grad) {
        // the ROI prior is on exp(theta) directly; the effect prior is added after the forward pass
        double ue = theta[ch.effectIndex];
        double ve = Math.exp(ue);
        if (!(ve > 0 && ve < Double.POSITIVE_INFINITY)) {
            return false;
        }
        if (ch.roi) {
            lp += positivePrior(ch.effectPrior, ue, ve, grad, ch.effectIndex);
        }
        if (!constrainAll(ch.aParams, w.aVal, w.aDer, theta, grad)
                || !constrainAll(ch.sParams, w.sVal, w.sDer, theta, grad)) {
            return false;
        }
        int len = ch.len;
        if (ch.geometric) {
            Geometric geo = (Geometric) ch.adstock;
            geometricWeights(w.aVal[0], geo.maxLag(), geo.normalized(), len, w.w, w.jac);
        } else {
            Adstock a = ch.adstock.withParameters(w.aVal);
            a.weightsInto(w.w, 0, len);
            if (ch.aParams.length > 0) {
                a.weightJacobianInto(w.jac, 0, len);
            }
        }
        if (ch.hill) {
            w.logEc = ch.sParams[0].kind == Kind.FIXED ? Math.log(w.sVal[0]) : theta[ch.sParams[0].index];
        } else {
            w.sat = ch.saturation.withParameters(w.sVal);
        }
        return true;
    }

    private boolean constrainAll(Param[] ps, double[] val, double[] der, double[] theta, double[] grad) {
        for (int k = 0; k < ps.length; k++) {
            Param p = ps[k];
            if (p.kind == Kind.FIXED) {
                val[k] = p.fixed;
                der[k] = 0;
                continue;
            }
            double u = theta[p.index];
            if (p.kind == Kind.POSITIVE) {
                double x = Math.exp(u);
                if (!(x > 0 && x < Double.POSITIVE_INFINITY)) {
                    return false;
                }
                val[k] = x;
                der[k] = x;
                lp += positivePrior(p.prior, u, x, grad, p.index);
            } else {
                // x = lo + (hi - lo) s, s = 1 / (1 + e^-u); log J = log s + log(1 - s) + const
                double e = Math.exp(-Math.abs(u));
                double l1 = Math.log1p(e);
                double s = u >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
                double x = p.lo + (p.hi - p.lo) * s;
                if (!(x > p.lo && x < p.hi)) {
                    return false;
                }
                double logS = (u < 0 ? u : 0) - l1;
                double log1mS = (u > 0 ? -u : 0) - l1;
                val[k] = x;
                der[k] = (p.hi - p.lo) * s * (1 - s);
                Prior.Beta b = (Prior.Beta) p.prior;
                lp += logS + log1mS + (b.a() - 1) * logS + (b.b() - 1) * log1mS;
                grad[p.index] += (1 - 2 * s) + (b.a() - 1) * (1 - s) - (b.b() - 1) * s;
            }
        }
        return true;
    }

    /**
     * Log prior plus log Jacobian of a positive parameter {@code x = exp(u)}; adds {@code d/du} to grad[idx].
     */
    private static double positivePrior(Prior prior, double u, double x, double[] grad, int idx) {
        if (prior instanceof Prior.LogNormal ln) {
            // -log x - z^2/2 + log J (= u): the -log x and u cancel
            double z = (u - ln.mu()) / ln.sigma();
            grad[idx] += -z / ln.sigma();
            return -0.5 * z * z;
        }
        if (prior instanceof Prior.HalfNormal hn) {
            double z = x / hn.scale();
            grad[idx] += -z * z + 1.0;
            return -0.5 * z * z + u;
        }
        if (prior instanceof Prior.Gamma gm) {
            grad[idx] += gm.shape() - gm.rate() * x;
            return gm.shape() * u - gm.rate() * x;
        }
        grad[idx] += prior.derivative(x) * x + 1.0;
        return prior.logDensity(x) + u;
    }

    /** Weights of a geometric adstock and their derivative in alpha, for the first len lags. */
    static void geometricWeights(double alpha, int maxLag, boolean normalized, int len, double[] w, double[] jac) {
        double sum = 1;
        double dsum = 0;
        if (normalized) {
            double pw = 1;
            double pwm1 = 0;
            sum = 0;
            for (int l = 0; l <= maxLag; l++) {
                sum += pw;
                dsum += l * pwm1;
                pwm1 = pw;
                pw *= alpha;
                if (pw == 0 && pwm1 == 0) {
                    break;
                }
            }
        }
        double inv = 1.0 / sum;
        double pw = 1;
        double pwm1 = 0;
        for (int l = 0; l < len; l++) {
            double wl = pw * inv;
            w[l] = wl;
            jac[l] = (l * pwm1 - wl * dsum) * inv;
            pwm1 = pw;
            pw *= alpha;
        }
    }

    /** A = adstock(x[off..off+n)), S = sat(A), caching Hill's intermediates. */
    private static void forwardSeries(Channel ch, ChannelWork w, double[] x, int off, int n, int lenUse, double[] a,
            double[] s, double[] lu, double[] sp) {
        double[] wt = w.w;
        double w0 = wt[0];
        for (int t = 0; t < n; t++) {
            a[off + t] = w0 * x[off + t];
        }
        for (int l = 1; l < lenUse; l++) {
            double wl = wt[l];
            int o = off - l;
            for (int t = l; t < n; t++) {
                a[off + t] += wl * x[o + t];
            }
        }
        if (ch.hill) {
            double logEc = w.logEc;
            double slope = w.sVal[1];
            for (int t = off; t < off + n; t++) {
                double at = a[t];
                if (at > 0) {
                    double l = Math.log(at) - logEc;
                    double z = slope * l;
                    double e = Math.exp(-Math.abs(z));
                    double p = 1.0 / (1.0 + e);
                    s[t] = z >= 0 ? p : e * p;
                    lu[t] = l;
                    sp[t] = e * p * p;
                } else {
                    s[t] = 0;
                    lu[t] = 0;
                    sp[t] = 0;
                }
            }
        } else {
            w.sat.apply(a, off, 1, s, off, 1, n);
        }
    }

    /**
     * Backward of forwardSeries for the adjoint gOut[gOff + t] of S[off + t]: accumulates the saturation's parameter
     * gradient into w.gS and the lagged cross-correlations of the adstock adjoint with x into w.corr.
     */
    private void backwardSeries(Channel ch, ChannelWork w, double[] x, int off, int n, int lenUse, double[] a,
            double[] lu, double[] sp, double[] gOut, int gOff) {
        double[] ga = gA;
        if (ch.hill) {
            double slope = w.sVal[1];
            double gEc = 0;
            double gSlope = 0;
            for (int t = 0; t < n; t++) {
                double g = gOut[gOff + t];
                double at = a[off + t];
                double q = g * sp[off + t];
                gEc += q;
                gSlope += q * lu[off + t];
                ga[t] = at > 0 ? slope * q / at : 0.0;
            }
            w.gS[0] += -slope * gEc / w.sVal[0];
            w.gS[1] += gSlope;
        } else {
            Arrays.fill(ga, 0, n, 0.0);
            w.sat.backward(a, off, 1, gOut, gOff, 1, n, w.gS, 0, ga, 0, 1);
        }
        double[] corr = w.corr;
        for (int l = 0; l < lenUse; l++) {
            double acc = 0;
            int o = off - l;
            for (int t = l; t < n; t++) {
                acc += ga[t] * x[o + t];
            }
            corr[l] += acc;
        }
    }
}
