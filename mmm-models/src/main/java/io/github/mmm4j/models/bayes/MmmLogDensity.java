package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.ArrayMath;
import io.github.mmm4j.core.PortableMath;
import io.github.mmm4j.models.bayes.DensityParts.Channel;
import io.github.mmm4j.models.bayes.DensityParts.Kind;
import io.github.mmm4j.models.bayes.DensityParts.Lift;
import io.github.mmm4j.models.bayes.DensityParts.Param;
import io.github.mmm4j.models.bayes.DensityParts.Structure;
import io.github.mmm4j.models.bayes.SeriesKernels.ChannelWork;
import io.github.mmm4j.models.bayes.SeriesKernels.SeriesWork;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Geometric;
import io.github.mmm4j.transforms.Saturation;
import java.util.Arrays;
import java.util.List;
import static io.github.mmm4j.models.bayes.SeriesKernels.axpy;
import static io.github.mmm4j.models.bayes.SeriesKernels.backwardSeries;
import static io.github.mmm4j.models.bayes.SeriesKernels.forwardSeries;
import static io.github.mmm4j.models.bayes.SeriesKernels.geometricWeights;

/**
 * The log posterior of {@link BayesianMmm}'s model on the unconstrained space, with its analytic gradient: the
 * {@link LogDensity} that {@link Nuts} samples. Obtain one from
 * {@link BayesianMmm#logDensity(io.github.mmm4j.core.MmmDataset, io.github.mmm4j.models.ModelSpec, BayesOptions)};
 * each instance owns its workspaces (not thread-safe); {@link #copy()} makes another for another thread.
 *
 * <p><b>Model</b> (standardised units; {@code i} runs over training rows, {@code c} over channels):
 * <pre>
 *   mu_i    = intercept + sum_j gamma_j b_ij + sum_c effect_c S_ic,   S_ic = sat_c(adstock_c(spend_c / scale_c))_i
 *   y_i     ~ likelihood(mu_i, sigma_g(i))   (sigma_g one per geo on a panel, else one sigma)
 *   lift_k  ~ N(effect_c(k) sd(KPI) D_k, se_k^2)                      (one term per {@link LiftTest})
 * </pre>
 * with the priors of {@link BayesPriors} and, under the ROI parameterisation,
 * {@code effect_c = roi_c * sum_i spend_ic / (sd(KPI) * sum_i S_ic)}.
 *
 * <p><b>Panels with per-geo effects</b> ({@link BayesPriors#geoEffectScale()} {@code > 0}): channel {@code c}'s
 * term in geo {@code g} is {@code effect_c m_cg S_ic} with {@code log m_cg ~ N(0, tau_c^2)},
 * {@code tau_c ~ Gamma(2, 2.5 / scale)} ({@link BayesPriors#geoSdPrior}), and {@code sum_i S_ic} above becomes the
 * weighted total {@code W_c = sum_g m_cg sum_(i in g) S_ic}, so the channel's coordinate is still its total
 * contribution (or total ROI) and the multipliers only share it out; the trend and seasonality terms of geo
 * {@code g} are multiplied by {@code k_g = exp(eta_g - mean(eta))}, {@code eta_g ~ N(0, 0.5^2)}. Coordinates
 * {@code log_geo_sd[c]} and {@code log_geo_effect[c,g]} follow each channel's transform parameters;
 * {@code eta_baseline[g]} precede {@code log_sigma}. On brand x region cells of two or more brands the cell
 * effects are centred on brand means,
 * {@code log m_cg ~ N(v_cb, tau_c^2)}, {@code v_cb ~ N(0, s_c^2)}, {@code s_c ~ Gamma(2, 2.5 / scale)}, with
 * coordinates {@code log_brand_sd[c]} and {@code log_brand_effect[c,b]} after the channel's geo effects.
 *
 * <p><b>Common directions.</b> Under the ROI parameterisation the channel's coordinate fixes its total, so adding one
 * constant to every {@code u_cg = log m_cg} (and to every brand mean) changes {@code W_c} and {@code effect_c} in
 * opposite ways and leaves every cell's term {@code effect_c m_cg S_ic}, the lift tests and the ROI prior unchanged:
 * the data see only the contrasts of the {@code u_cg}. The centred prior still pins two common directions, the cells'
 * mean deviation from their brand means {@code e_c = mean_g (u_cg - v_cb(g))}, with density {@code N(0, tau_c^2 / G)},
 * and the brand means' mean {@code vbar_c = mean_b v_cb}, {@code N(0, s_c^2 / B)}; these are a funnel in {@code tau_c}
 * and {@code s_c} along directions the data cannot move (on a 24-cell panel the slowest-mixing coordinates were exactly
 * these). Both factors are replaced by {@code N(0, 0.1^2)} ({@link #COMMON_PRECISION}): for Gaussian {@code u} and
 * {@code v} the contrasts are independent of {@code e_c} and {@code vbar_c}, so the prior of the contrasts, of {@code
 * tau_c} and {@code s_c}, and hence the posterior of every quantity the data or the other priors see, are exactly those
 * of the centred model; the log density gains {@code (G / tau_c^2 - 100) e_c^2 / 2 + log tau_c} (and {@code (B / s_c^2
 * - 100) vbar_c^2 / 2 + log s_c} with brands), up to a constant. {@link #constrain} reports the multipliers with
 * geometric mean 1 over cells, the brand effects relative to their cell-weighted mean, and the effect times the removed
 * level, so the products are those the density uses. Channels under the effect parameterisation keep the centred prior:
 * there the effect prior sees the level.
 *
 * <p><b>Non-centred form</b> (the default; {@link BayesOptions#centredGeoEffects()} selects the centred one). The
 * sampler's cell coordinates are {@code z_cg = (u_cg - v_cb(g)) / tau_c} ({@code v} = 0 without brands), with
 * {@code z_cg ~ N(0, 1)} (Papaspiliopoulos, Roberts and Skold 2007; Betancourt and Girolami 2015, "Hamiltonian Monte
 * Carlo for hierarchical models"): the log density is the centred one at {@code u = v + tau z} plus the log Jacobian
 * {@code G log tau_c}, with the gradient by the chain rule ({@code dL/dz = tau dL/du}, {@code dL/dlog tau =
 * sum_g (u - v) dL/du + G}, {@code dL/dv += sum dL/du}). The cells' mean deviation keeps its own prior
 * ({@code mean_g z_cg ~ N(0, 1 / G)}, no funnel in {@code z}); the brand means stay centred with their common
 * direction swapped as above. Where a channel's data say little about each cell, the centred form's
 * {@code u_cg} and {@code tau_c} make a funnel the sampler crosses slowly; with every cell a year or more of data we
 * expected the centred form to win, but measured it lose: on the 24-cell brand x region panel of {@code mmm-bench}
 * (4 chains x 1,000 + 1,000, dense metric) the non-centred form gave 2.2 times the minimum effective draws per second
 * (6.3 against 2.9; the centred form's slowest coordinate was a weakly identified channel's {@code log tau_c}), and on
 * Google Meridian's 40-geo {@code geo_all_channels.csv} (500 + 500) a maximum R-hat of 1.05 against 1.20 and a minimum
 * bulk ESS of 92 against 16.
 *
 * <p><b>Unconstrained coordinates</b> (in this order, see {@link #parameterNames()}): {@code level}, the mean of
 * {@code mu} over the training rows; the baseline coefficients as they are; then per channel
 * {@code log_contribution = log(effect * mean_i S_ic)}, the log of the channel's mean contribution per training row
 * (or, under the ROI parameterisation, {@code log roi}) followed by its sampled transform parameters, positive ones
 * as {@code log x}, bounded ones on {@code (lo, hi)} as {@code logit((x - lo) / (hi - lo))}; last
 * {@code log sigma} (one per geo with noise per geo). The log density includes the log Jacobian of each transform ({@code log x} for {@code exp},
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
 * of loops {@code a[i] += w[l] lag_l[i]} over kept lagged copies of the spend ({@link LaggedSpend}), which the JIT
 * compiler vectorises; Hill needs one {@code log2} and one {@code exp2} per element, taken from {@link PortableMath}
 * (inlined, and the same bits on every JVM), and the remaining arithmetic, divisions included, runs in vectorised
 * loops. With geometric adstocks and Hill saturations an evaluation allocates nothing; other transforms allocate one
 * small record per channel ({@code withParameters}).
 */
public final class MmmLogDensity implements LogDensity {

    /**
     * The precision of the normal prior that replaces the centred prior along each common direction (sd 0.1): any
     * proper density leaves the identified posterior unchanged; a narrow one keeps the direction from adding a long,
     * slowly explored axis (on a 24-cell panel with 300 warmup iterations, sd 1 gave a minimum bulk ESS of 8 and sd
     * 0.1 one of 161, against 23 with the centred prior).
     */
    static final double COMMON_PRECISION = 100;

    /** Per-lift workspace. */
    private static final class LiftWork {
        final SeriesWork base;
        final SeriesWork plan;
        final double[] g;
        /** The unweighted sum of {@code S_plan - S_base} per geo. */
        final double[] dGeo;
        double adjoint;

        LiftWork(int size, int nFree, int nGeo) {
            base = new SeriesWork(size, nFree);
            plan = new SeriesWork(size, nFree);
            g = new double[size];
            dGeo = new double[nGeo];
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
    /** The noise sds of the current point, one per geo or one for all. */
    private final double[] sigmas;
    private final double[] effectGrad = new double[1];
    private final double[] priorEffectGrad;
    private final double logN;
    /** Per-geo effects: tau[c], mult[c][g], the unweighted sum of S over geo g's rows, d lp / d beta_cg. */
    private final double[] tau;
    /** With a brand level: each channel's between-brand sd of log effects. */
    private final double[] brandSd;
    private final double[][] mult;
    private final double[][] sumSGeo;
    private final double[][] dBetaGeo;
    /** Per-geo baseline amplitudes: k[g], the shape part of the mean sh[i], d lp / d log k_g. */
    private final double[] kGeo;
    private final double[] sh;
    private final double[] dLogK;
    private double lp;
    /** With non-centred channels: the point with their cell coordinates mapped to log effects {@code u}. */
    private final double[] thetaU;
    /** The intercept of the last evaluation. */
    private double intercept;

    MmmLogDensity(Structure st) {
        this.st = st;
        this.sigmas = new double[st.nSigma];
        int n = st.n;
        cw = new ChannelWork[st.channels.length];
        for (int c = 0; c < cw.length; c++) {
            cw[c] = new ChannelWork(st.channels[c], n);
        }
        lw = new LiftWork[st.lifts.length];
        for (int k = 0; k < lw.length; k++) {
            lw[k] = new LiftWork(st.lifts[k].xb.length, st.channels[st.lifts[k].channel].freeA.length, st.nGeo);
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
        int ng = st.multiplied ? st.nGeo : 0;
        tau = new double[cw.length];
        brandSd = new double[cw.length];
        mult = new double[cw.length][ng];
        sumSGeo = new double[cw.length][ng];
        dBetaGeo = new double[cw.length][ng];
        kGeo = new double[st.geoBaseline ? st.nGeo : 0];
        dLogK = new double[kGeo.length];
        sh = new double[st.geoBaseline ? n : 0];
        thetaU = new double[st.anyNonCentred ? st.dim : 0];
    }

    /** The prior standard deviation of the log baseline amplitude of each geo on a hierarchical panel. */
    static final double GEO_BASELINE_SD = 0.5;

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
        double[] u = st.anyNonCentred ? thetaU : theta;
        out[0] = intercept;
        System.arraycopy(theta, 1, out, 1, st.pb);
        for (int c = 0; c < st.channels.length; c++) {
            Channel ch = st.channels[c];
            ChannelWork w = cw[c];
            out[ch.effectConstrainedIndex] = beta[c];
            out[ch.effectConstrainedIndex + 1] = beta[c] * st.sdY * sumS[c] / ch.trainSpend;
            if (st.geoEffects) {
                out[ch.tauConstrainedIndex] = tau[c];
                // under the ROI parameterisation only the cell effects' contrasts are identified (see the class
                // comment): report multipliers with geometric mean 1 over cells and fold their level into the effect
                double uBar = 0;
                double vBar = 0;
                if (ch.roi) {
                    for (int q = 0; q < st.nGeo; q++) {
                        uBar += u[ch.zIndex + q] / st.nGeo;
                        vBar += st.brandOf == null ? 0.0 : theta[ch.brandIndex + st.brandOf[q]] / st.nGeo;
                    }
                    out[ch.effectConstrainedIndex] = beta[c] * Math.exp(uBar);
                }
                for (int q = 0; q < st.nGeo; q++) {
                    // the sampled multiplier, without the fixed population size folded into mult
                    out[ch.geoConstrainedIndex + q] = ch.roi ? Math.exp(u[ch.zIndex + q] - uBar)
                            : st.geoSize == null ? mult[c][q] : mult[c][q] / st.geoSize[q];
                }
                if (st.brandOf != null) {
                    out[ch.brandSdConstrainedIndex] = brandSd[c];
                    for (int b = 0; b < st.nBrand; b++) {
                        out[ch.brandConstrainedIndex + b] = Math.exp(theta[ch.brandIndex + b] - vBar);
                    }
                }
            }
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
        if (st.geoBaseline) {
            System.arraycopy(kGeo, 0, out, st.etaConstrainedIndex, st.nGeo);
        }
        for (int k = 0; k < st.nSigma; k++) {
            out[out.length - st.nSigma + k] = Math.exp(theta[st.sigmaIndex + k]);
        }
        return true;
    }

    Structure structure() {
        return st;
    }

    /**
     * The prior of the common directions of a channel's log cell effects, swapped for narrow normals (see the class
     * comment, "Common directions"); adds its gradient.
     *
     * @param ch the channel (ROI parameterisation, per-geo effects)
     * @param c its index
     * @param theta (input) the point
     * @param grad (input/output) the gradient, added to
     * @param inv2 {@code 1 / tau_c^2}
     * @param logT {@code log tau_c}
     * @return the log density term
     */
    private double commonDirections(Channel ch, int c, double[] theta, double[] grad, double inv2, double logT) {
        Structure s = st;
        // a non-centred channel keeps its cells' N(0, tau^2 / G) mean deviation: in z = (u - v) / tau it is the
        // standard N(0, 1 / G) of mean(z), no funnel, and the data do not see it either way
        double lp = ch.nonCentred ? 0.0 : cellCommonDirection(ch, theta, grad, inv2, logT);
        if (s.brandOf != null) {
            // the brand means' mean: N(0, s_c^2 / B) under the centred prior; replace it likewise
            int nB = s.nBrand;
            double vBar = 0;
            for (int b = 0; b < nB; b++) {
                vBar += theta[ch.brandIndex + b] / nB;
            }
            double sb = brandSd[c];
            double binv2 = 1.0 / (sb * sb);
            double ab = nB * binv2 - COMMON_PRECISION;
            lp += 0.5 * ab * vBar * vBar + Math.log(sb);
            for (int b = 0; b < nB; b++) {
                grad[ch.brandIndex + b] += ab * vBar / nB;
            }
            grad[ch.brandSdIndex] += 1.0 - nB * vBar * vBar * binv2;
        }
        return lp;
    }

    /** The cells' mean deviation from their brand means, swapped for a narrow normal; adds its gradient. */
    private double cellCommonDirection(Channel ch, double[] theta, double[] grad, double inv2, double logT) {
        Structure s = st;
        int nG = s.nGeo;
        // e = mean_g (u_cg - v_cb(g)): the cells' mean deviation from their brand means (from 0 without brands)
        double eBar = 0;
        for (int g = 0; g < nG; g++) {
            double v = s.brandOf == null ? 0.0 : theta[ch.brandIndex + s.brandOf[g]];
            eBar += (theta[ch.zIndex + g] - v) / nG;
        }
        // the centred prior gives eBar N(0, tau^2 / G); replace it by N(0, 1 / COMMON_PRECISION)
        double a = nG * inv2 - COMMON_PRECISION;
        double lp = 0.5 * a * eBar * eBar + logT;
        double ge = a * eBar / nG;
        for (int g = 0; g < nG; g++) {
            grad[ch.zIndex + g] += ge;
            if (s.brandOf != null) {
                grad[ch.brandIndex + s.brandOf[g]] -= ge;
            }
        }
        grad[ch.tauIndex] += 1.0 - nG * eBar * eBar * inv2;
        return lp;
    }

    @Override
    public double logDensityGradient(double[] theta, double[] grad) {
        if (!st.anyNonCentred) {
            return centredLogDensityGradient(theta, grad);
        }
        // non-centred channels: u_cg = v_cb + tau_c z_cg; evaluate the centred density at u, then change variables
        double[] u = thetaU;
        System.arraycopy(theta, 0, u, 0, st.dim);
        for (Channel ch : st.channels) {
            if (ch.nonCentred) {
                double t = Math.exp(theta[ch.tauIndex]);
                for (int g = 0; g < st.nGeo; g++) {
                    double v = st.brandOf == null ? 0.0 : theta[ch.brandIndex + st.brandOf[g]];
                    u[ch.zIndex + g] = v + t * theta[ch.zIndex + g];
                }
            }
        }
        double v0 = centredLogDensityGradient(u, grad);
        if (!Double.isFinite(v0)) {
            return v0;
        }
        double out = v0;
        for (Channel ch : st.channels) {
            if (!ch.nonCentred) {
                continue;
            }
            double ut = theta[ch.tauIndex];
            double t = Math.exp(ut);
            // log p(z) = log p(u) + G log tau (du/dz = tau per cell)
            out += st.nGeo * ut;
            double gTau = st.nGeo;
            for (int g = 0; g < st.nGeo; g++) {
                double gu = grad[ch.zIndex + g];
                double v = st.brandOf == null ? 0.0 : theta[ch.brandIndex + st.brandOf[g]];
                gTau += gu * (u[ch.zIndex + g] - v);
                if (st.brandOf != null) {
                    grad[ch.brandIndex + st.brandOf[g]] += gu;
                }
                grad[ch.zIndex + g] = t * gu;
            }
            grad[ch.tauIndex] += gTau;
        }
        lp = out;
        return out;
    }

    private double centredLogDensityGradient(double[] theta, double[] grad) {
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
        double[] sigma = sigmas;
        for (int k = 0; k < s.nSigma; k++) {
            double uSigma = theta[s.sigmaIndex + k];
            sigma[k] = Math.exp(uSigma);
            if (!(sigma[k] > 0 && sigma[k] < Double.POSITIVE_INFINITY)) {
                return Double.NEGATIVE_INFINITY;
            }
            lp += positivePrior(s.sigmaPrior, uSigma, sigma[k], grad, s.sigmaIndex + k);
        }

        Channel[] chs = s.channels;
        int nc = chs.length;
        for (int c = 0; c < nc; c++) {
            if (!prepareChannel(chs[c], cw[c], theta, grad)) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        // the baseline part of the mean, column by column; theta[0] is the mean level, the intercept follows below
        double level = theta[0];
        Arrays.fill(mu, 0, n, 0.0);
        if (s.geoBaseline) {
            level -= baselineWithAmplitudes(theta);
        } else {
            for (int j = 0; j < pb; j++) {
                level -= theta[1 + j] * s.baseMeans[j];
            }
            for (int j = 0; j < pb; j++) {
                axpyRange(theta[1 + j], s.baseCols[j], mu, s.baseFrom[j], s.baseTo[j]);
            }
        }
        double contributions = 0;
        // media forward
        for (int c = 0; c < nc; c++) {
            Channel ch = chs[c];
            ChannelWork w = cw[c];
            forwardSeries(ch, w, s.lagged[c], w.main);
            double[] sc = w.main.s;
            double sum;
            if (s.geoEffects) {
                // per-geo multipliers m_cg = exp(u_cg); the channel's total is the multiplier-weighted sum of S
                int nT = s.nT;
                double ut = theta[ch.tauIndex];
                double t = Math.exp(ut);
                if (!(t > 0 && t < Double.POSITIVE_INFINITY)) {
                    return Double.NEGATIVE_INFINITY;
                }
                tau[c] = t;
                lp += positivePrior(s.geoSdPrior, ut, t, grad, ch.tauIndex);
                double[] m = mult[c];
                double[] sg = sumSGeo[c];
                sum = 0;
                // centred: u_cg = log m_cg ~ N(v, tau_c^2) with v = 0, or the cell's brand mean v_cb;
                // d/du = -(u - v) / tau^2, d/dv = +(u - v) / tau^2, d/dlog(tau) = (u - v)^2 / tau^2 - 1
                double inv2 = 1.0 / (t * t);
                double logT = Math.log(t);
                for (int g = 0; g < s.nGeo; g++) {
                    double v = s.brandOf == null ? 0.0 : theta[ch.brandIndex + s.brandOf[g]];
                    double dv = theta[ch.zIndex + g] - v;
                    lp += -0.5 * dv * dv * inv2 - logT;
                    grad[ch.zIndex + g] -= dv * inv2;
                    grad[ch.tauIndex] += dv * dv * inv2 - 1.0;
                    if (s.brandOf != null) {
                        grad[ch.brandIndex + s.brandOf[g]] += dv * inv2;
                    }
                }
                if (s.brandOf != null) {
                    // brand means v_cb ~ N(0, s_c^2), s_c ~ Gamma(2, 2.5 / scale), centred likewise
                    double us = theta[ch.brandSdIndex];
                    double sb = Math.exp(us);
                    if (!(sb > 0 && sb < Double.POSITIVE_INFINITY)) {
                        return Double.NEGATIVE_INFINITY;
                    }
                    brandSd[c] = sb;
                    lp += positivePrior(s.geoSdPrior, us, sb, grad, ch.brandSdIndex);
                    double binv2 = 1.0 / (sb * sb);
                    double logS = Math.log(sb);
                    for (int b = 0; b < s.nBrand; b++) {
                        double v = theta[ch.brandIndex + b];
                        lp += -0.5 * v * v * binv2 - logS;
                        grad[ch.brandIndex + b] -= v * binv2;
                        grad[ch.brandSdIndex] += v * v * binv2 - 1.0;
                    }
                }
                if (ch.roi) {
                    lp += commonDirections(ch, c, theta, grad, inv2, logT);
                }
                for (int g = 0; g < s.nGeo; g++) {
                    m[g] = Math.exp(theta[ch.zIndex + g]);
                    if (!(m[g] > 0 && m[g] < Double.POSITIVE_INFINITY)) {
                        return Double.NEGATIVE_INFINITY;
                    }
                    if (s.geoSize != null) {
                        // per capita: the fixed population size multiplies the geo's terms (d log m / d z unchanged)
                        m[g] *= s.geoSize[g];
                    }
                    sg[g] = ArrayMath.sum(sc, g * nT, nT);
                    sum += m[g] * sg[g];
                }
            } else if (s.multiplied) {
                // pooled per-capita panel: the only per-geo factor is the fixed population size
                int nT = s.nT;
                double[] m = mult[c];
                double[] sg = sumSGeo[c];
                sum = 0;
                for (int g = 0; g < s.nGeo; g++) {
                    m[g] = s.geoSize[g];
                    sg[g] = ArrayMath.sum(sc, g * nT, nT);
                    sum += m[g] * sg[g];
                }
            } else {
                sum = ArrayMath.sum(sc, 0, n);
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
            if (s.multiplied) {
                int nT = s.nT;
                for (int g = 0; g < s.nGeo; g++) {
                    double bg = beta[c] * mult[c][g];
                    for (int i = g * nT, e = i + nT; i < e; i++) {
                        mu[i] += bg * sc[i];
                    }
                }
            } else {
                axpy(beta[c], sc, mu, n);
            }
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
        if (s.nSigma == 1) {
            lp += s.likelihood.logLikelihood(r, n, sigma[0], gmu, gLogSigma);
            grad[s.sigmaIndex] += gLogSigma[0];
        } else {
            // one noise sd per geo: the likelihood of each geo's rows with its own sd
            for (int g = 0; g < s.nGeo; g++) {
                lp += s.likelihood.logLikelihood(r, g * s.nT, (g + 1) * s.nT, sigma[g], gmu, gLogSigma);
                grad[s.sigmaIndex + g] += gLogSigma[0];
            }
        }
        Arrays.fill(dBeta, 0.0);
        if (s.multiplied) {
            for (double[] dbg : dBetaGeo) {
                Arrays.fill(dbg, 0.0);
            }
        }
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
                double dg = 0;
                for (int t = lf.sumFrom; t < lf.m; t++) {
                    dg += lwk.plan.s[off + t] - lwk.base.s[off + t];
                }
                if (s.multiplied) {
                    lwk.dGeo[g] = dg;
                    d += mult[lf.channel][g] * dg;
                } else {
                    d += dg;
                }
            }
            double pred = beta[lf.channel] * s.sdY * d;
            double res = lf.lift - pred;
            double q = res / (lf.se * lf.se);
            lp += -0.5 * res * q;
            dBeta[lf.channel] += q * s.sdY * d;
            lwk.adjoint = q * beta[lf.channel] * s.sdY;
            if (s.multiplied) {
                double[] dbg = dBetaGeo[lf.channel];
                for (int g = 0; g < s.nGeo; g++) {
                    dbg[g] += q * s.sdY * lwk.dGeo[g];
                }
            }
        }
        if (!Double.isFinite(lp)) {
            return lp;
        }
        // baseline gradient: g0 = d lp / d intercept, which moves with the level (+1), gamma_j (-mean b_j) and each
        // channel's mean contribution (-1 per unit; d contribution_c / d theta_c = contribution_c)
        double g0 = ArrayMath.sum(gmu, 0, n) + s.interceptPrior.derivative(a0);
        grad[0] += g0;
        if (s.geoBaseline) {
            baselineGradient(theta, grad, g0);
        } else {
            for (int j = 0; j < pb; j++) {
                grad[1 + j] += dotRange(gmu, s.baseCols[j], s.baseFrom[j], s.baseTo[j]) - g0 * s.baseMeans[j];
            }
        }
        // channels backward
        for (int c = 0; c < nc; c++) {
            Channel ch = chs[c];
            ChannelWork w = cw[c];
            double[] sc = w.main.s;
            double b = beta[c];
            double db;
            if (s.multiplied) {
                // d lp / d beta_cg per geo (likelihood plus lifts); beta_cg = beta_c m_cg
                int nT = s.nT;
                double[] dbg = dBetaGeo[c];
                db = 0;
                for (int g = 0; g < s.nGeo; g++) {
                    dbg[g] += ArrayMath.dot(gmu, g * nT, sc, g * nT, nT);
                    db += mult[c][g] * dbg[g];
                }
            } else {
                db = dBeta[c] + ArrayMath.dot(gmu, 0, sc, 0, n);
            }
            dBeta[c] = db;
            // d lp / d log(effect), holding the transform parameters: the likelihood's, plus the prior's in the
            // effect parameterisation; log(effect) = theta - log(sum S) + const in both parameterisations
            double gLogEffect = db * b + (ch.roi ? 0.0 : priorEffectGrad[c]);
            grad[ch.effectIndex] += gLogEffect - g0 * b * sumS[c] / n;
            double roiTerm = gLogEffect / sumS[c];
            if (s.multiplied) {
                int nT = s.nT;
                for (int g = 0; g < s.nGeo; g++) {
                    double m = mult[c][g];
                    for (int i = g * nT, e = i + nT; i < e; i++) {
                        gS[i] = m * (gmu[i] * b - roiTerm);
                    }
                    if (s.geoEffects) {
                        // d lp / d log m_cg: directly through beta_cg, and through the weighted total W_c
                        double gLogM = b * m * dBetaGeo[c][g] - gLogEffect * m * sumSGeo[c][g] / sumS[c];
                        grad[ch.zIndex + g] += gLogM;
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    gS[i] = gmu[i] * b - roiTerm;
                }
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
                    double a = s.multiplied ? lwk.adjoint * mult[c][gg] : lwk.adjoint;
                    for (int t = 0; t < lf.m; t++) {
                        g[off + t] = t >= lf.sumFrom ? a : 0.0;
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

    /** {@code sum_{from <= i < to} a[i] b[i]}; 0 for an empty range. */
    private static double dotRange(double[] a, double[] b, int from, int to) {
        return to > from ? ArrayMath.dot(a, from, b, from, to - from) : 0.0;
    }

    /** {@code y[i] += alpha x[i]} for {@code from <= i < to}. */
    private static void axpyRange(double alpha, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] += alpha * x[i];
        }
    }

    /**
     * The baseline with per-geo amplitudes: {@code mu_i = sum_{j not shape} gamma_j b_ij + k_g(i) sh_i},
     * {@code sh_i = sum_{j shape} gamma_j b_ij}, {@code k_g = exp(eta_g - mean(eta))}; adds the {@code eta} prior to
     * {@code lp}. Returns the baseline's mean over the rows (which the intercept subtracts).
     */
    private double baselineWithAmplitudes(double[] theta) {
        Structure s = st;
        int n = s.n;
        int nT = s.nT;
        int ng = s.nGeo;
        double etaMean = 0;
        for (int g = 0; g < ng; g++) {
            etaMean += theta[s.etaIndex + g] / ng;
        }
        double inv = 1 / (GEO_BASELINE_SD * GEO_BASELINE_SD);
        for (int g = 0; g < ng; g++) {
            double e = theta[s.etaIndex + g];
            lp += -0.5 * e * e * inv;
            kGeo[g] = Math.exp(e - etaMean);
        }
        Arrays.fill(sh, 0, n, 0.0);
        double mean = 0;
        for (int j = 0; j < s.pb; j++) {
            double gamma = theta[1 + j];
            if (s.shape[j]) {
                axpyRange(gamma, s.baseCols[j], sh, s.baseFrom[j], s.baseTo[j]);
                for (int g = 0; g < ng; g++) {
                    mean += gamma * kGeo[g] * s.shapeGeoMeans[g][j];
                }
            } else {
                axpyRange(gamma, s.baseCols[j], mu, s.baseFrom[j], s.baseTo[j]);
                mean += gamma * s.baseMeans[j];
            }
        }
        for (int g = 0; g < ng; g++) {
            double k = kGeo[g];
            for (int i = g * nT, e = i + nT; i < e; i++) {
                mu[i] += k * sh[i];
            }
        }
        return mean;
    }

    /**
     * The gradient of the baseline with per-geo amplitudes (see {@link #baselineWithAmplitudes}); {@code g0} is
     * {@code d lp / d intercept}, which moves with each baseline term's mean.
     */
    private void baselineGradient(double[] theta, double[] grad, double g0) {
        Structure s = st;
        int n = s.n;
        int nT = s.nT;
        int ng = s.nGeo;
        double dMean = 0;
        for (int g = 0; g < ng; g++) {
            // d lp / d log k_g: through mu (k_g sh_i) and through the intercept (-k_g sum_j gamma_j M_gj)
            double shapeMean = 0;
            for (int j = 0; j < s.pb; j++) {
                if (s.shape[j]) {
                    shapeMean += theta[1 + j] * s.shapeGeoMeans[g][j];
                }
            }
            double d = kGeo[g] * (ArrayMath.dot(gmu, g * nT, sh, g * nT, nT) - g0 * shapeMean);
            dLogK[g] = d;
            dMean += d / ng;
        }
        double inv = 1 / (GEO_BASELINE_SD * GEO_BASELINE_SD);
        for (int g = 0; g < ng; g++) {
            // log k_g = eta_g - mean(eta): d/d eta_h = d/d log k_h - mean_g(d/d log k_g); plus the prior
            grad[s.etaIndex + g] += dLogK[g] - dMean - theta[s.etaIndex + g] * inv;
        }
        for (int j = 0; j < s.pb; j++) {
            if (s.shape[j]) {
                double dj = 0;
                double mj = 0;
                for (int g = 0; g < ng; g++) {
                    int from = Math.max(g * nT, s.baseFrom[j]);
                    int to = Math.min((g + 1) * nT, s.baseTo[j]);
                    dj += kGeo[g] * dotRange(gmu, s.baseCols[j], from, to);
                    mj += kGeo[g] * s.shapeGeoMeans[g][j];
                }
                grad[1 + j] += dj - g0 * mj;
            } else {
                grad[1 + j] += dotRange(gmu, s.baseCols[j], s.baseFrom[j], s.baseTo[j]) - g0 * s.baseMeans[j];
            }
        }
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

}
