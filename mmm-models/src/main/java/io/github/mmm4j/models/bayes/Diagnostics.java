package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.Checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Stan-style MCMC convergence and efficiency diagnostics: rank-normalised split R-hat, bulk and tail effective
 * sample size (ESS), Monte Carlo standard error of the mean, E-BFMI, and a per-parameter summary table.
 *
 * <p>Definitions follow Vehtari, Gelman, Simpson, Carpenter and Bürkner (2021), "Rank-normalization, folding,
 * and localization: An improved R-hat for assessing convergence of MCMC", Bayesian Analysis 16(2), 667-718, in
 * the exact form of rstan 2.21's {@code monitor.R} ({@code Rhat}, {@code ess_bulk}, {@code ess_tail}):
 * <ul>
 *   <li><b>split</b>: each chain of {@code n} draws becomes two chains, draws {@code [0, floor(n/2))} and
 *       {@code [ceil(n/2 + 1) - 1, n)} (0-based); for odd {@code n} the middle draw is dropped.</li>
 *   <li><b>rank normalisation</b>: pooled ranks {@code r} (ties get the average rank) over all {@code S} draws
 *       map to {@code z = Phi^-1((r - 1/2) / S)} ({@link RankMapping#RSTAN_2_21}, the default), or to
 *       {@code Phi^-1((r - 3/8) / (S + 1/4))} ({@link RankMapping#BLOM}, used by the {@code posterior} R package
 *       and ArviZ). {@code Phi^-1} is Wichura's AS 241 (as R's {@code qnorm}).</li>
 *   <li><b>R-hat</b> of {@code m} (split) chains of length {@code n}:
 *       {@code sqrt(((n - 1)/n * W + B/n) / W)} with {@code W} the mean within-chain variance and {@code B/n}
 *       the variance of the chain means (both with the {@code n - 1}, {@code m - 1} denominators).
 *       {@link #rhat} is the maximum of the bulk R-hat (rank-normalised split draws) and the tail R-hat
 *       (rank-normalised split draws folded about the pooled median, {@code |x - median|}).</li>
 *   <li><b>ESS</b> of {@code m} chains of length {@code n}: {@code m n / tau}, with
 *       {@code rho_t = 1 - (W - mean_c acov_c(t)) / var+}, {@code var+ = (n-1)/n W + B/n}, biased
 *       autocovariances {@code acov_c(t) = (1/n) sum_i (x_i - xbar)(x_{i+t} - xbar)}, Geyer's initial positive
 *       sequence over pairs {@code rho_{2k} + rho_{2k+1}}, then Geyer's initial monotone sequence, and
 *       {@code tau = max(-1 + 2 sum_{t < T} rho_t + rho_T, 1/log10(m n))}. Autocovariances are computed
 *       directly, only up to the truncation lag (O(n T) instead of an FFT); for chain lengths where R's
 *       {@code nextn(n) != n} rstan's FFT normalisation differs slightly, this class uses the exact {@code 1/n}.</li>
 *   <li><b>bulk ESS</b>: ESS of the rank-normalised split draws. <b>tail ESS</b>: the minimum of the ESS of the
 *       split indicators {@code x <= q05} and {@code x <= q95}, with the pooled quantiles of
 *       {@link #quantile} (R's type 7).</li>
 *   <li><b>mean ESS</b> ({@link #essMean}): ESS of the split draws without ranks, as in rstan's
 *       {@code n_eff}; the MCSE of the mean is {@code sd / sqrt(essMean)}.</li>
 * </ul>
 *
 * <p>Input shape: {@code chains[c][i]} is draw {@code i} of chain {@code c}; all chains have the same length
 * {@code n >= 4}. Inputs are not modified. A constant input (zero variance) has no defined R-hat or ESS: those
 * methods then return NaN, documented here rather than thrown so that a summary table can still be built.
 */
public final class Diagnostics {

    /** How pooled ranks are mapped to normal scores before computing bulk ESS and R-hat. */
    public enum RankMapping {
        /** {@code Phi^-1((r - 1/2) / S)}: rstan 2.21's {@code z_scale}. The default. */
        RSTAN_2_21,
        /** {@code Phi^-1((r - 3/8) / (S + 1/4))}: Blom's scores, used by {@code posterior} and ArviZ. */
        BLOM
    }

    private Diagnostics() {
    }

    // ------------------------------------------------------------------ public diagnostics ----

    /**
     * Rank-normalised split R-hat: {@code max(bulk R-hat, folded tail R-hat)} (Vehtari et al. 2021, eq. 4-6),
     * with the {@link RankMapping#RSTAN_2_21} mapping.
     *
     * @param chains (input) {@code chains[c][i]}, equal lengths {@code >= 4}, finite; not modified
     * @return R-hat, or NaN if the draws are constant
     * @throws IllegalArgumentException if the shape is invalid or a value is not finite
     */
    public static double rhat(double[][] chains) {
        return rhat(chains, RankMapping.RSTAN_2_21);
    }

    /**
     * Rank-normalised split R-hat with a chosen rank mapping; see {@link #rhat(double[][])}.
     *
     * @param chains (input) {@code chains[c][i]}, equal lengths {@code >= 4}, finite; not modified
     * @param mapping the rank-to-normal-score mapping
     * @return R-hat, or NaN if the draws are constant
     * @throws IllegalArgumentException if the shape is invalid or a value is not finite
     */
    public static double rhat(double[][] chains, RankMapping mapping) {
        Objects.requireNonNull(mapping, "mapping");
        double[][] split = split(checkChains(chains));
        double bulk = rhatPlain(zScale(split, mapping));
        double med = quantile(pool(chains), 0.5);
        double[][] folded = new double[split.length][];
        for (int c = 0; c < split.length; c++) {
            folded[c] = new double[split[c].length];
            for (int i = 0; i < folded[c].length; i++) {
                folded[c][i] = Math.abs(split[c][i] - med);
            }
        }
        double tail = rhatPlain(zScale(folded, mapping));
        if (Double.isNaN(bulk) || Double.isNaN(tail)) {
            return Double.NaN;
        }
        return Math.max(bulk, tail);
    }

    /**
     * Classic (non-rank) R-hat of the given chains, without splitting:
     * {@code sqrt(((n - 1)/n W + B/n) / W)} (Gelman and Rubin 1992; Vehtari et al. 2021, eq. 3).
     *
     * @param chains (input) {@code chains[c][i]}, equal lengths {@code >= 2}; not modified
     * @return R-hat, or NaN if every chain is constant
     */
    public static double rhatPlain(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        double[] means = new double[m];
        double w = 0;
        for (int c = 0; c < m; c++) {
            means[c] = mean(chains[c]);
            w += variance(chains[c], means[c]);
        }
        w /= m;
        double b = m > 1 ? n * variance(means, mean(means)) : 0.0;
        if (!(w > 0)) {
            return Double.NaN;
        }
        return Math.sqrt((b / w + n - 1) / n);
    }

    /**
     * Bulk effective sample size: ESS of the rank-normalised split chains (Vehtari et al. 2021, section 4.1),
     * with the {@link RankMapping#RSTAN_2_21} mapping, as rstan 2.21's {@code ess_bulk}.
     *
     * @param chains (input) {@code chains[c][i]}, equal lengths {@code >= 4}, finite; not modified
     * @return bulk ESS, or NaN if the draws are constant
     * @throws IllegalArgumentException if the shape is invalid or a value is not finite
     */
    public static double essBulk(double[][] chains) {
        return essBulk(chains, RankMapping.RSTAN_2_21);
    }

    /**
     * Bulk effective sample size with a chosen rank mapping; see {@link #essBulk(double[][])}.
     *
     * @param chains (input) {@code chains[c][i]}, equal lengths {@code >= 4}, finite; not modified
     * @param mapping the rank-to-normal-score mapping
     * @return bulk ESS, or NaN if the draws are constant
     * @throws IllegalArgumentException if the shape is invalid or a value is not finite
     */
    public static double essBulk(double[][] chains, RankMapping mapping) {
        Objects.requireNonNull(mapping, "mapping");
        return ess(zScale(split(checkChains(chains)), mapping));
    }

    /**
     * Tail effective sample size: the smaller of the ESS of the split indicator chains {@code x <= q05} and
     * {@code x <= q95} (Vehtari et al. 2021, section 4.3), as rstan 2.21's {@code ess_tail}.
     *
     * @param chains (input) {@code chains[c][i]}, equal lengths {@code >= 4}, finite; not modified
     * @return tail ESS, or NaN if an indicator is constant
     * @throws IllegalArgumentException if the shape is invalid or a value is not finite
     */
    public static double essTail(double[][] chains) {
        double[] pooled = pool(checkChains(chains));
        Arrays.sort(pooled);
        double q05 = quantileSorted(pooled, 0.05);
        double q95 = quantileSorted(pooled, 0.95);
        double[][] split = split(chains);
        double[][] i05 = new double[split.length][];
        double[][] i95 = new double[split.length][];
        for (int c = 0; c < split.length; c++) {
            i05[c] = new double[split[c].length];
            i95[c] = new double[split[c].length];
            for (int i = 0; i < split[c].length; i++) {
                i05[c][i] = split[c][i] <= q05 ? 1.0 : 0.0;
                i95[c][i] = split[c][i] <= q95 ? 1.0 : 0.0;
            }
        }
        double e05 = ess(i05);
        double e95 = ess(i95);
        if (Double.isNaN(e05) || Double.isNaN(e95)) {
            return Double.NaN;
        }
        return Math.min(e05, e95);
    }

    /**
     * Effective sample size for the mean: ESS of the split chains without rank normalisation (rstan's
     * {@code n_eff}, {@code posterior::ess_mean}).
     *
     * @param chains (input) {@code chains[c][i]}, equal lengths {@code >= 4}, finite; not modified
     * @return ESS, or NaN if the draws are constant
     * @throws IllegalArgumentException if the shape is invalid or a value is not finite
     */
    public static double essMean(double[][] chains) {
        return ess(split(checkChains(chains)));
    }

    /**
     * Monte Carlo standard error of the posterior mean: {@code sd / sqrt(essMean)}, with {@code sd} the
     * standard deviation of the pooled draws ({@code n - 1} denominator).
     *
     * @param chains (input) {@code chains[c][i]}, equal lengths {@code >= 4}, finite; not modified
     * @return the MCSE, or NaN if the draws are constant
     * @throws IllegalArgumentException if the shape is invalid or a value is not finite
     */
    public static double mcseMean(double[][] chains) {
        double[] pooled = pool(checkChains(chains));
        double sd = Math.sqrt(variance(pooled, mean(pooled)));
        return sd / Math.sqrt(essMean(chains));
    }

    /**
     * Energy Bayesian fraction of missing information of one chain (Betancourt 2016, "Diagnosing Suboptimal
     * Cotangent Disintegrations in Hamiltonian Monte Carlo", arXiv:1604.00695), in rstan's form:
     * {@code (sum_t (E_t - E_{t-1})^2 / n) / var(E)} with {@code var} the {@code n - 1} sample variance.
     * Values below 0.3 indicate that the momentum resampling explores the energy distribution poorly.
     *
     * @param energy (input) the Hamiltonian at each post-warmup draw, length {@code >= 2}; not modified
     * @return E-BFMI, or NaN if the energy is constant
     * @throws IllegalArgumentException if fewer than 2 values are given
     */
    public static double ebfmi(double[] energy) {
        Objects.requireNonNull(energy, "energy");
        Checks.checkArgument(energy.length >= 2, "energy.length = %d; must be >= 2", energy.length);
        double num = 0;
        for (int t = 1; t < energy.length; t++) {
            double d = energy[t] - energy[t - 1];
            num += d * d;
        }
        num /= energy.length;
        double var = variance(energy, mean(energy));
        return var > 0 ? num / var : Double.NaN;
    }

    /**
     * Sample quantile of type 7 (R's default, Hyndman and Fan 1996): with sorted values {@code x_(1..n)} and
     * {@code h = (n - 1) p}, returns {@code x_(floor h) + (h - floor h)(x_(floor h + 1) - x_(floor h))}
     * (0-based indices).
     *
     * @param values (input) at least one value; not modified
     * @param prob the probability in {@code [0, 1]}
     * @return the quantile
     * @throws IllegalArgumentException if {@code values} is empty or {@code prob} is outside {@code [0, 1]}
     */
    public static double quantile(double[] values, double prob) {
        Objects.requireNonNull(values, "values");
        Checks.checkArgument(values.length > 0, "values.length = 0; must be > 0");
        Checks.checkInClosed("prob", prob, 0, 1);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantileSorted(sorted, prob);
    }

    /**
     * Summarises every parameter of a set of chains: mean, sd, MCSE of the mean, 5/50/95% quantiles, bulk ESS,
     * tail ESS and R-hat, as above.
     *
     * @param chainDraws (input) {@code chainDraws[c][draw * dimension + j]}; all chains the same length, a
     *     multiple of {@code dimension} with at least 4 draws; not modified
     * @param dimension the number of parameters per draw
     * @param names parameter names, {@code dimension} of them, or null for {@code theta[1]..theta[d]}
     * @return one summary per parameter, in parameter order
     * @throws IllegalArgumentException if shapes disagree or a value is not finite
     */
    public static List<ParameterSummary> summarize(double[][] chainDraws, int dimension, List<String> names) {
        Objects.requireNonNull(chainDraws, "chainDraws");
        Checks.checkPositive("dimension", dimension);
        Checks.checkArgument(chainDraws.length > 0, "chainDraws.length = 0; must be > 0");
        Checks.checkArgument(chainDraws[0].length % dimension == 0,
                "chainDraws[0].length = %d; must be a multiple of dimension %d", chainDraws[0].length, dimension);
        Checks.checkArgument(names == null || names.size() == dimension,
                "names.size() = %d; expected %d", names == null ? 0 : names.size(), dimension);
        int n = chainDraws[0].length / dimension;
        List<ParameterSummary> out = new ArrayList<>(dimension);
        double[][] col = new double[chainDraws.length][n];
        for (int j = 0; j < dimension; j++) {
            for (int c = 0; c < chainDraws.length; c++) {
                Checks.checkArgument(chainDraws[c].length == n * dimension,
                        "chainDraws[%d].length = %d; expected %d", c, chainDraws[c].length, n * dimension);
                for (int i = 0; i < n; i++) {
                    col[c][i] = chainDraws[c][i * dimension + j];
                }
            }
            out.add(summarizeOne(names == null ? "theta[" + (j + 1) + "]" : names.get(j), col));
        }
        return List.copyOf(out);
    }

    /**
     * Summarises one parameter; see {@link #summarize}.
     *
     * @param name the parameter's name
     * @param chains (input) {@code chains[c][i]}, equal lengths {@code >= 4}, finite; not modified
     * @return the summary
     * @throws IllegalArgumentException if the shape is invalid or a value is not finite
     */
    public static ParameterSummary summarizeOne(String name, double[][] chains) {
        double[] pooled = pool(checkChains(chains));
        double mean = mean(pooled);
        double sd = Math.sqrt(variance(pooled, mean));
        double essMean = essMean(chains);
        Arrays.sort(pooled);
        return new ParameterSummary(name, mean, sd, sd / Math.sqrt(essMean),
                quantileSorted(pooled, 0.05), quantileSorted(pooled, 0.5), quantileSorted(pooled, 0.95),
                essBulk(chains), essTail(chains), rhat(chains));
    }

    // ------------------------------------------------------------------ internals ----

    private static double[][] checkChains(double[][] chains) {
        Objects.requireNonNull(chains, "chains");
        Checks.checkArgument(chains.length > 0, "chains.length = 0; must be > 0");
        int n = chains[0].length;
        Checks.checkArgument(n >= 4, "chains[0].length = %d; must be >= 4", n);
        for (int c = 0; c < chains.length; c++) {
            Checks.checkArgument(chains[c].length == n, "chains[%d].length = %d; expected %d", c,
                    chains[c].length, n);
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(chains[c][i])) {
                    throw new IllegalArgumentException(
                            "chains[" + c + "][" + i + "] = " + chains[c][i] + "; must be finite");
                }
            }
        }
        return chains;
    }

    /** rstan's split_chains: first floor(n/2) draws, last draws from ceil(n/2 + 1) (1-based). */
    static double[][] split(double[][] chains) {
        int n = chains[0].length;
        int first = n / 2;
        int secondStart = (n % 2 == 0) ? n / 2 : n / 2 + 1;
        double[][] out = new double[2 * chains.length][];
        for (int c = 0; c < chains.length; c++) {
            out[2 * c] = Arrays.copyOfRange(chains[c], 0, first);
            out[2 * c + 1] = Arrays.copyOfRange(chains[c], secondStart, n);
        }
        // rstan orders the columns as all first halves, then all second halves; R-hat and ESS do not depend on
        // the column order, so the interleaved order is kept.
        return out;
    }

    private static double[] pool(double[][] chains) {
        int total = 0;
        for (double[] ch : chains) {
            total += ch.length;
        }
        double[] out = new double[total];
        int k = 0;
        for (double[] ch : chains) {
            System.arraycopy(ch, 0, out, k, ch.length);
            k += ch.length;
        }
        return out;
    }

    /** Replaces values by normal scores of their pooled average ranks. */
    static double[][] zScale(double[][] chains, RankMapping mapping) {
        int m = chains.length;
        int n = chains[0].length;
        int s = m * n;
        double[] values = new double[s];
        for (int c = 0; c < m; c++) {
            System.arraycopy(chains[c], 0, values, c * n, n);
        }
        // Sort indices by value without boxing (a merge sort on an int permutation).
        int[] order = sortedOrder(values);
        double[] ranks = new double[s];
        int i = 0;
        while (i < s) {
            int j = i;
            while (j + 1 < s && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1.0; // 1-based average rank of the tie group
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = avg;
            }
            i = j + 1;
        }
        double[][] out = new double[m][n];
        for (int c = 0; c < m; c++) {
            for (int t = 0; t < n; t++) {
                double r = ranks[c * n + t];
                double p = mapping == RankMapping.RSTAN_2_21 ? (r - 0.5) / s : (r - 0.375) / (s + 0.25);
                out[c][t] = normalQuantile(p);
            }
        }
        return out;
    }

    /** Indices 0..n-1 sorted by values (stable for ties by index). */
    private static int[] sortedOrder(double[] values) {
        int n = values.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[n];
        mergeSort(idx, tmp, 0, n, values);
        return idx;
    }

    private static void mergeSort(int[] a, int[] tmp, int lo, int hi, double[] v) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid, v);
        mergeSort(a, tmp, mid, hi, v);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            tmp[k++] = v[a[j]] < v[a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < hi) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
    }

    /**
     * rstan 2.21's ess_rfun: multi-chain ESS with Geyer's initial positive then initial monotone sequence.
     * Autocovariances are computed lazily up to the lag the truncation needs.
     */
    static double ess(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        if (n < 3) {
            return Double.NaN;
        }
        double[][] centred = new double[m][n];
        double[] chainMean = new double[m];
        for (int c = 0; c < m; c++) {
            chainMean[c] = mean(chains[c]);
            for (int i = 0; i < n; i++) {
                centred[c][i] = chains[c][i] - chainMean[c];
            }
        }
        double[] acov = new double[n];
        Arrays.fill(acov, Double.NaN);
        double meanVar = meanAcov(centred, 0, acov) * n / (n - 1.0);
        double varPlus = meanVar * (n - 1.0) / n;
        if (m > 1) {
            varPlus += variance(chainMean, mean(chainMean));
        }
        if (!(varPlus > 0)) {
            return Double.NaN;
        }
        double[] rho = new double[n];
        int t = 0;
        double rhoEven = 1.0;
        rho[0] = rhoEven;
        double rhoOdd = 1.0 - (meanVar - meanAcov(centred, 1, acov)) / varPlus;
        rho[1] = rhoOdd;
        while (t < n - 5 && !Double.isNaN(rhoEven + rhoOdd) && rhoEven + rhoOdd > 0) {
            t += 2;
            rhoEven = 1.0 - (meanVar - meanAcov(centred, t, acov)) / varPlus;
            rhoOdd = 1.0 - (meanVar - meanAcov(centred, t + 1, acov)) / varPlus;
            if (rhoEven + rhoOdd >= 0) {
                rho[t] = rhoEven;
                rho[t + 1] = rhoOdd;
            }
        }
        int maxT = t;
        if (rhoEven > 0) {
            rho[maxT] = rhoEven;
        }
        // Geyer's initial monotone sequence (1-based R indices t+1, t+2, t-1, t become t, t+1, t-2, t-1).
        t = 0;
        while (t <= maxT - 4) {
            t += 2;
            if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1]) {
                rho[t] = (rho[t - 2] + rho[t - 1]) / 2.0;
                rho[t + 1] = rho[t];
            }
        }
        double total = (double) m * n;
        double sum = 0;
        for (int k = 0; k < maxT; k++) {
            sum += rho[k];
        }
        double tau = -1.0 + 2.0 * sum + rho[maxT];
        tau = Math.max(tau, 1.0 / Math.log10(total));
        return total / tau;
    }

    /** Mean over chains of the biased autocovariance at {@code lag}, cached in {@code cache}. */
    private static double meanAcov(double[][] centred, int lag, double[] cache) {
        if (!Double.isNaN(cache[lag])) {
            return cache[lag];
        }
        int n = centred[0].length;
        double s = 0;
        for (double[] x : centred) {
            double a = 0;
            for (int i = 0; i + lag < n; i++) {
                a += x[i] * x[i + lag];
            }
            s += a / n;
        }
        double v = s / centred.length;
        cache[lag] = v;
        return v;
    }

    static double quantileSorted(double[] sorted, double prob) {
        int n = sorted.length;
        double h = (n - 1) * prob;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample variance with the n - 1 denominator (0 for a single value). */
    static double variance(double[] x, double mean) {
        if (x.length < 2) {
            return 0.0;
        }
        double s = 0;
        for (double v : x) {
            double d = v - mean;
            s += d * d;
        }
        return s / (x.length - 1);
    }

    /**
     * Standard normal quantile by Wichura's algorithm AS 241 (PPND16), Applied Statistics 37 (1988) 477-484,
     * accurate to about 1e-16 relative; the algorithm of R's {@code qnorm}.
     *
     * @param p a probability in (0, 1); 0 and 1 give -Infinity and +Infinity
     * @return {@code Phi^-1(p)}
     */
    static double normalQuantile(double p) {
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((r * 5226.495278852854561 + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1.0);
        }
        double r = q < 0 ? p : 1.0 - p;
        r = Math.sqrt(-Math.log(r));
        double val;
        if (r <= 5.0) {
            r -= 1.6;
            val = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966)
                    * r + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1.0);
        } else {
            r -= 5.0;
            val = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r
                    + 0.0012426609473880784386) * r + 0.026532189526576123093) * r + 0.29656057182850489123) * r
                    + 1.7848265399172913358) * r + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r
                    + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r
                    + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1.0);
        }
        return q < 0 ? -val : val;
    }
}
