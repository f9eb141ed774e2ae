package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.ArrayMath;
import io.github.mmm4j.core.PortableMath;
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
 * <p><b>Unconstrained coordinates</b> (in this order, see {@link #parameterNames()}): {@code level}, the mean of
 * {@code mu} over the training rows; the baseline coefficients as they are; then per channel
 * {@code log_contribution = log(effect * mean_i S_ic)}, the log of the channel's mean contribution per training row
 * (or, under the ROI parameterisation, {@code log roi}) followed by its sampled transform parameters, positive ones
 * as {@code log x}, bounded ones on {@code (lo, hi)} as {@code logit((x - lo) / (hi - lo))}; last
 * {@code log sigma}. The log density includes the log Jacobian of each transform ({@code log x} for {@code exp},
 * {@code log s + log(1 - s)} for the logistic map), as Stan does for {@code <lower=0>} and
 * {@code <lower=0, upper=1>} parameters, so its {@code exp} integrates to the posterior of the constrained
 * parameters.
 *
 * <p><b>Why these coordinates.</b> Both changes of variables are triangular with unit diagonal, so they add no
 * Jacobian term and the posterior of the constrained parameters is exactly the one of Stan's parameterisation
 * (intercept, {@code <lower=0>} effect); only the geometry the sampler sees changes (the centring of Papaspiliopoulos,
 * Roberts and Skold 2007, "A general framework for the parametrization of hierarchical models", Statistical
 * Science 22(1)).
 * <ul>
 *   <li>{@code log effect = log_contribution + log n - log sum_i S_ic}: the sampler moves along the direction the
 *       data identify (the contribution) instead of the strongly correlated effect, half-saturation and slope
 *       (posterior correlations up to 0.84 in the reference model).</li>
 *   <li>{@code intercept = level - sum_j gamma_j mean_i(b_ij) - sum_c exp(log_contribution_c)} (under the ROI
 *       parameterisation the mean contribution is {@code roi_c * sum_i spend_ic / (n sd(KPI))}): with the intercept
 *       itself as a coordinate, every move of a coefficient or a contribution shifts the mean of {@code mu}, which
 *       the data pin down tightly, so the intercept must follow; the posterior is a narrow ridge that forces a small
 *       step size. On the Stan reference model this change alone raised the adapted step size from about 0.025 to
 *       0.12 and cut the leapfrog steps per draw from about 160 to 31.</li>
 * </ul>
 *
 * <p><b>Gradient</b>: reverse mode, by hand. With {@code D_k = dA/dtheta_k = sum_l (dw[l]/dtheta_k) x_{t-l}}, the
 * derivative of the adstock in its parameter {@code theta_k} (the weight Jacobian of
 * {@link Adstock#weightJacobianInto}, convolved in the forward pass next to {@code A} itself), the adstock gradient is
 * {@code dL/dtheta_k = sum_t gA_t D_k,t}. The saturation's adjoint comes from {@link Saturation#backward}, except for
 * {@link io.github.mmm4j.transforms.Hill}, whose intermediate values {@code log2(A / ec)}, {@code h (1 - h)} and
 * {@code slope h (1 - h) / A} are kept from the forward pass.
 *
 * <p><b>Cost</b> (about 11 microseconds for the 156 x 5 reference model, see {@code mmm-bench}): the adstock is a sum
 * of loops {@code a[i] += w[l] lag_l[i]} over kept lagged copies of the spend ({@link Lagged}), which the JIT
 * compiler vectorises; Hill needs one {@code log2} and one {@code exp2} per element, taken from {@link PortableMath}
 * (inlined, and the same bits on every JVM), and the remaining arithmetic, divisions included, runs in vectorised
 * loops. With geometric adstocks and Hill saturations an evaluation allocates nothing; other transforms allocate one
 * small record per channel ({@code withParameters}).
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
        /** Indices into {@code aParams} of the sampled (not fixed) adstock parameters. */
        final int[] freeA;
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
            int nf = 0;
            for (Param p : aParams) {
                nf += p.kind == Kind.FIXED ? 0 : 1;
            }
            this.freeA = new int[nf];
            for (int k = 0, f = 0; k < aParams.length; k++) {
                if (aParams[k].kind != Kind.FIXED) {
                    freeA[f++] = k;
                }
            }
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
        /** The baseline design by column: {@code baseCols[j][i] = base[i * pb + j]}. */
        final double[][] baseCols;
        /** Mean of each baseline column over the rows. */
        final double[] baseMeans;
        /** Each channel's spend (scaled) with its lagged copies. */
        final Lagged[] lagged;
        /** Each lift test's baseline and planned spend windows with their lagged copies. */
        final Lagged[] liftBase;
        final Lagged[] liftPlan;

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
            un.add("level");
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
            this.baseCols = new double[pb][n];
            this.baseMeans = new double[pb];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < pb; j++) {
                    baseCols[j][i] = base[i * pb + j];
                    baseMeans[j] += base[i * pb + j] / n;
                }
            }
            long cells = 0;
            for (Channel ch : channels) {
                cells += (long) n * (Math.min(ch.len, nT) - 1);
            }
            for (Lift lf : lifts) {
                cells += 2L * lf.xb.length * (Math.min(channels[lf.channel].len, lf.m) - 1);
            }
            boolean keep = cells <= LAGGED_BUDGET;
            this.lagged = new Lagged[channels.length];
            for (int c = 0; c < channels.length; c++) {
                lagged[c] = new Lagged(xs[c], nGeo, nT, Math.min(channels[c].len, nT), keep);
            }
            this.liftBase = new Lagged[lifts.length];
            this.liftPlan = new Lagged[lifts.length];
            for (int k = 0; k < lifts.length; k++) {
                Lift lf = lifts[k];
                int len = Math.min(channels[lf.channel].len, lf.m);
                liftBase[k] = new Lagged(lf.xb, nGeo, lf.m, len, keep);
                liftPlan[k] = new Lagged(lf.xp, nGeo, lf.m, len, keep);
            }
        }
    }

    /**
     * Largest number of lagged spend values kept in memory ({@link Lagged}), 4 Mi doubles (32 MiB) over all channels
     * and lift tests; beyond it the lagged copies are rebuilt in a workspace at each evaluation (the same arithmetic,
     * so the same bits, only slower).
     */
    static final long LAGGED_BUDGET = 1L << 22;

    private static final double LN2 = 0x1.62e42fefa39efp-1;
    private static final double INV_LN2 = 0x1.71547652b82fep0;

    /**
     * One spend series (all geos, {@code x[g * nT + t]}) and its lagged copies {@code lag(l)[g * nT + t] =
     * x[g * nT + t - l]}, zero for {@code t < l} (no spend before the first period of each geo). With the copies the
     * adstock is a sum of {@code a[i] += w[l] lag(l)[i]} loops over equal indices, which the JIT compiler vectorises
     * (it does not vectorise {@code a[t] += w[l] x[t - l]}).
     */
    static final class Lagged {
        final double[] x;
        final int nGeo;
        final int nT;
        final int n;
        /** Number of lags used, {@code >= 1}: lag 0 is {@code x} itself. */
        final int len;
        /** {@code lags[l - 1]} = lag {@code l}, or null when not kept. */
        private final double[][] lags;

        Lagged(double[] x, int nGeo, int nT, int len, boolean keep) {
            this.x = x;
            this.nGeo = nGeo;
            this.nT = nT;
            this.n = nGeo * nT;
            this.len = Math.max(1, len);
            if (keep) {
                lags = new double[this.len - 1][];
                for (int l = 1; l < this.len; l++) {
                    lags[l - 1] = new double[n];
                    fill(l, lags[l - 1]);
                }
            } else {
                lags = null;
            }
        }

        /** Returns lag {@code l} (read-only): the kept copy, {@code x} for 0, else written into {@code buf}. */
        double[] lag(int l, double[] buf) {
            if (l == 0) {
                return x;
            }
            if (lags != null) {
                return lags[l - 1];
            }
            fill(l, buf);
            return buf;
        }

        private void fill(int l, double[] dest) {
            for (int g = 0; g < nGeo; g++) {
                int off = g * nT;
                int head = Math.min(l, nT);
                Arrays.fill(dest, off, off + head, 0.0);
                if (l < nT) {
                    System.arraycopy(x, off, dest, off + l, nT - l);
                }
            }
        }
    }

    /** Workspace of one series: the adstock, its parameter derivatives and the saturation's intermediates. */
    private static final class SeriesWork {
        /** Adstocked spend A. */
        final double[] a;
        /** {@code d[k][i] = dA_i / d(free adstock parameter k)}. */
        final double[][] d;
        /** Saturated S. */
        final double[] s;
        /** Hill: {@code log2(A / ec)}, or -1e300 where A = 0. */
        final double[] lu;
        /** Hill: {@code h (1 - h)}. */
        final double[] sp;
        /** Hill: {@code (ec / A)^slope} then {@code slope h (1 - h) / A} (0 where A = 0). */
        final double[] q;
        /** Generic saturations: the adjoint of A. */
        final double[] ga;
        /** Lagged copies rebuilt here when they are not kept. */
        final double[] buf;

        SeriesWork(int n, int nFree) {
            a = new double[n];
            d = new double[nFree][n];
            s = new double[n];
            lu = new double[n];
            sp = new double[n];
            q = new double[n];
            ga = new double[n];
            buf = new double[n];
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
        /** Gradient with respect to each free adstock parameter (constrained scale). */
        final double[] gA;
        /** Gradient with respect to each saturation parameter (constrained scale). */
        final double[] gS;
        final SeriesWork main;
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
            gA = new double[ch.freeA.length];
            gS = new double[ns];
            main = new SeriesWork(n, ch.freeA.length);
            sat = ch.saturation;
        }
    }

    /** Per-lift workspace. */
    private static final class LiftWork {
        final SeriesWork base;
        final SeriesWork plan;
        final double[] g;
        double adjoint;

        LiftWork(int size, int nFree) {
            base = new SeriesWork(size, nFree);
            plan = new SeriesWork(size, nFree);
            g = new double[size];
        }
    }

    private final Structure st;
    private final ChannelWork[] cw;
    private final LiftWork[] lw;
    private final double[] mu;
    private final double[] r;
    private final double[] gmu;
    private final double[] gS;
    private final double[] beta;
    private final double[] dBeta;
    private final double[] sumS;
    private final double[] gLogSigma = new double[1];
    private final double[] effectGrad = new double[1];
    private final double[] priorEffectGrad;
    private final double logN;
    private double lp;
    /** The intercept of the last evaluation. */
    private double intercept;

    MmmLogDensity(Structure st) {
        this.st = st;
        int n = st.n;
        cw = new ChannelWork[st.channels.length];
        for (int c = 0; c < cw.length; c++) {
            cw[c] = new ChannelWork(st.channels[c], n);
        }
        lw = new LiftWork[st.lifts.length];
        for (int k = 0; k < lw.length; k++) {
            lw[k] = new LiftWork(st.lifts[k].xb.length, st.channels[st.lifts[k].channel].freeA.length);
        }
        mu = new double[n];
        r = new double[n];
        gmu = new double[n];
        gS = new double[n];
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
     * Returns the names of the unconstrained coordinates, for example {@code level}, {@code trend},
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
        out[0] = intercept;
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
        // the baseline part of the mean, column by column; theta[0] is the mean level, the intercept follows below
        double level = theta[0];
        for (int j = 0; j < pb; j++) {
            level -= theta[1 + j] * s.baseMeans[j];
        }
        Arrays.fill(mu, 0, n, 0.0);
        for (int j = 0; j < pb; j++) {
            axpy(theta[1 + j], s.baseCols[j], mu, n);
        }
        double contributions = 0;
        // media forward
        for (int c = 0; c < nc; c++) {
            Channel ch = chs[c];
            ChannelWork w = cw[c];
            forwardSeries(ch, w, s.lagged[c], w.main);
            double[] sc = w.main.s;
            double sum = ArrayMath.sum(sc, 0, n);
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
            axpy(beta[c], sc, mu, n);
            contributions += beta[c] * sum / n;
        }
        // intercept = level - sum_j gamma_j mean(b_j) - sum_c mean contribution_c
        double a0 = level - contributions;
        intercept = a0;
        lp += s.interceptPrior.logDensity(a0);
        double[] y = s.y;
        for (int i = 0; i < n; i++) {
            mu[i] += a0;
            r[i] = y[i] - mu[i];
        }
        lp += s.likelihood.logLikelihood(r, n, sigma, gmu, gLogSigma);
        grad[s.sigmaIndex] += gLogSigma[0];
        Arrays.fill(dBeta, 0.0);
        // lift tests forward: predicted lift = effect sd(KPI) sum_{t >= sumFrom} (S_plan - S_base)
        for (int k = 0; k < s.lifts.length; k++) {
            Lift lf = s.lifts[k];
            LiftWork lwk = lw[k];
            Channel ch = chs[lf.channel];
            ChannelWork w = cw[lf.channel];
            forwardSeries(ch, w, s.liftBase[k], lwk.base);
            forwardSeries(ch, w, s.liftPlan[k], lwk.plan);
            double d = 0;
            for (int g = 0; g < s.nGeo; g++) {
                int off = g * lf.m;
                for (int t = lf.sumFrom; t < lf.m; t++) {
                    d += lwk.plan.s[off + t] - lwk.base.s[off + t];
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
        // baseline gradient: g0 = d lp / d intercept, which moves with the level (+1), gamma_j (-mean b_j) and each
        // channel's mean contribution (-1 per unit; d contribution_c / d theta_c = contribution_c)
        double g0 = ArrayMath.sum(gmu, 0, n) + s.interceptPrior.derivative(a0);
        grad[0] += g0;
        for (int j = 0; j < pb; j++) {
            grad[1 + j] += ArrayMath.dot(gmu, 0, s.baseCols[j], 0, n) - g0 * s.baseMeans[j];
        }
        // channels backward
        for (int c = 0; c < nc; c++) {
            Channel ch = chs[c];
            ChannelWork w = cw[c];
            double[] sc = w.main.s;
            double db = dBeta[c] + ArrayMath.dot(gmu, 0, sc, 0, n);
            dBeta[c] = db;
            double b = beta[c];
            // d lp / d log(effect), holding the transform parameters: the likelihood's, plus the prior's in the
            // effect parameterisation; log(effect) = theta - log(sum S) + const in both parameterisations
            double gLogEffect = db * b + (ch.roi ? 0.0 : priorEffectGrad[c]);
            grad[ch.effectIndex] += gLogEffect - g0 * b * sumS[c] / n;
            double roiTerm = gLogEffect / sumS[c];
            for (int i = 0; i < n; i++) {
                gS[i] = gmu[i] * b - roiTerm;
            }
            Arrays.fill(w.gS, 0.0);
            Arrays.fill(w.gA, 0.0);
            backwardSeries(ch, w, w.main, gS);
            for (int k = 0; k < s.lifts.length; k++) {
                Lift lf = s.lifts[k];
                if (lf.channel != c) {
                    continue;
                }
                LiftWork lwk = lw[k];
                double[] g = lwk.g;
                for (int gg = 0; gg < s.nGeo; gg++) {
                    int off = gg * lf.m;
                    for (int t = 0; t < lf.m; t++) {
                        g[off + t] = t >= lf.sumFrom ? lwk.adjoint : 0.0;
                    }
                }
                backwardSeries(ch, w, lwk.plan, g);
                for (int i = 0; i < g.length; i++) {
                    g[i] = -g[i];
                }
                backwardSeries(ch, w, lwk.base, g);
            }
            int[] free = ch.freeA;
            for (int k = 0; k < free.length; k++) {
                grad[ch.aParams[free[k]].index] += w.gA[k] * w.aDer[free[k]];
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

    /**
     * A = adstock(x), its derivatives in the free adstock parameters, and S = sat(A), over a whole series (all geos),
     * keeping what the backward pass needs.
     */
    private static void forwardSeries(Channel ch, ChannelWork w, Lagged x, SeriesWork sw) {
        int n = x.n;
        double[] a = sw.a;
        double[][] d = sw.d;
        int[] free = ch.freeA;
        int na = ch.aParams.length;
        double[] wt = w.w;
        double[] jac = w.jac;
        double[] x0 = x.x;
        double w0 = wt[0];
        for (int i = 0; i < n; i++) {
            a[i] = w0 * x0[i];
        }
        for (int k = 0; k < free.length; k++) {
            double j0 = jac[free[k]];
            double[] dk = d[k];
            for (int i = 0; i < n; i++) {
                dk[i] = j0 * x0[i];
            }
        }
        for (int l = 1; l < x.len; l++) {
            double[] xl = x.lag(l, sw.buf);
            if (free.length == 1) {
                // one pass for the adstock and its derivative (more output streams per pass are not vectorised)
                axpy2(wt[l], jac[l * na + free[0]], xl, a, d[0], n);
                continue;
            }
            axpy(wt[l], xl, a, n);
            for (int k = 0; k < free.length; k++) {
                axpy(jac[l * na + free[k]], xl, d[k], n);
            }
        }
        if (ch.hill) {
            // in base 2, where the reductions of log2 and exp2 are cheaper: lu holds log2(A / ec)
            double log2Ec = w.logEc * INV_LN2;
            double slope = w.sVal[1];
            double[] lu = sw.lu;
            double[] q = sw.q;
            // the transcendental part, scalar, in two loops whose iterations are independent and short, so that the
            // processor overlaps many of them (PortableMath is inlined; one log-then-exp chain per iteration is not)
            for (int i = 0; i < n; i++) {
                double ai = a[i];
                // where A = 0, 2^(slope * 1e300) = +Infinity gives h = 0 below, and h' * lu = 0 * -1e300 = 0 backward
                lu[i] = ai > 0 ? PortableMath.log2(ai) - log2Ec : -1e300;
            }
            for (int i = 0; i < n; i++) {
                q[i] = PortableMath.exp2(-slope * lu[i]);
            }
            // the rest is arithmetic on equal indices, which the JIT compiler vectorises, with one division:
            // t = 1 / ((1 + (ec / A)^slope) A), h = A t, h' = h (1 - h), dh/dA = slope h' / A = slope t (1 - h).
            // A + MIN_VALUE is A for every A > 0 that is not tiny, and keeps (1 + Infinity) * A = Infinity (t = 0,
            // h = 0, dh/dA = 0) where A = 0
            double[] sv = sw.s;
            double[] sp = sw.sp;
            for (int i = 0; i < n; i++) {
                double di = a[i] + Double.MIN_VALUE;
                double t = 1.0 / ((1.0 + q[i]) * di);
                double h = di * t;
                double m = 1.0 - h;
                sv[i] = h;
                sp[i] = h * m;
                q[i] = slope * t * m;
            }
        } else {
            w.sat.apply(a, 0, 1, sw.s, 0, 1, n);
        }
    }

    /**
     * Backward of {@link #forwardSeries} for the adjoint {@code g[i]} of {@code S[i]}: adds the saturation's parameter
     * gradient into {@code w.gS} and the free adstock parameters' into {@code w.gA}.
     */
    private static void backwardSeries(Channel ch, ChannelWork w, SeriesWork sw, double[] g) {
        int n = sw.a.length;
        double[] dA;
        int[] free = ch.freeA;
        if (ch.hill) {
            double[] sp = sw.sp;
            double[] lu = sw.lu;
            double[] q = sw.q;
            double gEc;
            double gSlope;
            // dL/dA_i = g_i slope h'_i / A_i, kept in q by the forward pass
            if (free.length == 1) {
                // the three sums in one pass over the arrays, two partial sums each
                double[] d0 = sw.d[0];
                double e0 = 0;
                double e1 = 0;
                double s0 = 0;
                double s1 = 0;
                double a0 = 0;
                double a1 = 0;
                int i = 0;
                for (; i + 1 < n; i += 2) {
                    double u0 = g[i] * sp[i];
                    double u1 = g[i + 1] * sp[i + 1];
                    e0 += u0;
                    e1 += u1;
                    s0 += u0 * lu[i];
                    s1 += u1 * lu[i + 1];
                    a0 += g[i] * q[i] * d0[i];
                    a1 += g[i + 1] * q[i + 1] * d0[i + 1];
                }
                if (i < n) {
                    double u0 = g[i] * sp[i];
                    e0 += u0;
                    s0 += u0 * lu[i];
                    a0 += g[i] * q[i] * d0[i];
                }
                gEc = e0 + e1;
                gSlope = s0 + s1;
                w.gA[0] += a0 + a1;
            } else {
                gEc = ArrayMath.dot(g, 0, sp, 0, n);
                gSlope = dot3(g, sp, lu, n);
                for (int k = 0; k < free.length; k++) {
                    w.gA[k] += dot3(g, q, sw.d[k], n);
                }
            }
            w.gS[0] += -w.sVal[1] * gEc / w.sVal[0];
            w.gS[1] += gSlope * LN2;
            return;
        }
        dA = sw.ga;
        Arrays.fill(dA, 0, n, 0.0);
        w.sat.backward(sw.a, 0, 1, g, 0, 1, n, w.gS, 0, dA, 0, 1);
        for (int k = 0; k < free.length; k++) {
            w.gA[k] += ArrayMath.dot(dA, 0, sw.d[k], 0, n);
        }
    }

    /** {@code y[i] += alpha x[i]} for {@code i < n}: equal indices, so the JIT compiler vectorises it. */
    static void axpy(double alpha, double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** {@code y[i] += alpha x[i]} and {@code z[i] += beta x[i]} for {@code i < n}, reading {@code x} once. */
    static void axpy2(double alpha, double beta, double[] x, double[] y, double[] z, int n) {
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            y[i] += alpha * xi;
            z[i] += beta * xi;
        }
    }

    /** {@code sum_{i < n} a[i] b[i] c[i]} with four independent partial sums (see {@link ArrayMath#dot}). */
    static double dot3(double[] a, double[] b, double[] c, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i] * c[i];
            s1 += a[i + 1] * b[i + 1] * c[i + 1];
            s2 += a[i + 2] * b[i + 2] * c[i + 2];
            s3 += a[i + 3] * b[i + 3] * c[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i] * c[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
