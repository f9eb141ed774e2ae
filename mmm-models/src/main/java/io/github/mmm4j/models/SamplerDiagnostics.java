package io.github.mmm4j.models;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.models.bayes.NutsStatus;
import io.github.mmm4j.models.bayes.ParameterSummary;
import io.github.mmm4j.models.bayes.PosteriorPredictiveCheck;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What a sampled fit knows about its own sampling, kept with the {@link FittedModel} and in {@code model.json}:
 * convergence diagnostics as Stan defines them (Vehtari et al. 2021, "Rank-normalization, folding, and localization:
 * an improved R-hat for assessing convergence of MCMC", Bayesian Analysis 16(2)), the warnings, the posterior summary
 * of every sampled parameter (on the model's own scale: names as in
 * {@link io.github.mmm4j.models.bayes.MmmLogDensity#constrainedNames()}), their draws, and posterior predictive
 * checks.
 *
 * @param status {@link NutsStatus#OK}, {@link NutsStatus#WARNINGS} or {@link NutsStatus#CANCELLED}
 * @param chains the number of chains
 * @param drawsPerChain the draws kept per chain (draw {@code i} of the model is chain {@code i / drawsPerChain})
 * @param maxRhat the largest rank-normalised split R-hat over all parameters (converged: at most 1.01); NaN with
 *     fewer than 4 draws per chain
 * @param minEssBulk the smallest bulk effective sample size over all parameters; NaN likewise
 * @param divergences the number of divergent transitions after warmup (healthy: 0)
 * @param warnings divergences, tree-depth saturation, low E-BFMI, R-hat above 1.01
 * @param parameters the summary of every sampled parameter, empty with fewer than 4 draws per chain
 * @param parameterNames the sampled parameters' names, in the column order of {@code parameterDraws}
 * @param parameterDraws the sampled parameters' draws, row-major {@code [draw * names + k]}, one row per model draw
 * @param unconstrainedNames the names of the sampler's own (unconstrained) coordinates
 * @param posteriorPredictive posterior predictive checks on the training rows, or null
 * @param roiPriorLogSd per channel sampled under the ROI parameterisation (a parameter {@code roi[channel]}), the
 *     standard deviation of {@code log roi} under its prior ({@link io.github.mmm4j.models.bayes.Prior#logScaleSd});
 *     empty for channels with effect priors. {@link #roiDataWeight} compares the posterior with it.
 */
public record SamplerDiagnostics(NutsStatus status, int chains, int drawsPerChain, double maxRhat, double minEssBulk,
        int divergences, List<String> warnings, List<ParameterSummary> parameters, List<String> parameterNames,
        double[] parameterDraws, List<String> unconstrainedNames, PosteriorPredictiveCheck posteriorPredictive,
        Map<String, Double> roiPriorLogSd) {

    /** Stan's threshold for R-hat. */
    public static final double RHAT_THRESHOLD = 1.01;

    /**
     * The {@link #roiDataWeight} below which a channel's ROI is called <em>prior-led</em>: its posterior keeps more
     * than half the prior's variance of {@code log roi}, so the prior sets more of the estimate than the data do.
     */
    public static final double PRIOR_LED_WEIGHT = 0.5;

    /** Validates and copies. */
    public SamplerDiagnostics {
        Objects.requireNonNull(status, "status");
        Checks.checkPositive("chains", chains);
        Checks.checkPositive("drawsPerChain", drawsPerChain);
        Checks.checkNonNegative("divergences", divergences);
        warnings = List.copyOf(warnings);
        parameters = List.copyOf(parameters);
        parameterNames = List.copyOf(parameterNames);
        unconstrainedNames = List.copyOf(unconstrainedNames);
        parameterDraws = parameterDraws.clone();
        Checks.checkLength("parameterDraws", parameterDraws, chains * drawsPerChain * parameterNames.size());
        roiPriorLogSd = Collections.unmodifiableMap(new TreeMap<>(roiPriorLogSd));
        for (Map.Entry<String, Double> e : roiPriorLogSd.entrySet()) {
            Checks.checkPositive("roiPriorLogSd[" + e.getKey() + "]", e.getValue());
        }
    }

    /**
     * Diagnostics with only the headline figures (for a sampler other than NUTS, or tests).
     *
     * @param maxRhat the largest R-hat
     * @param minEssBulk the smallest bulk ESS
     * @param divergences the number of divergent transitions
     * @return the diagnostics, 1 chain of 1 draw without parameters
     */
    public static SamplerDiagnostics of(double maxRhat, double minEssBulk, int divergences) {
        return new SamplerDiagnostics(divergences == 0 && !(maxRhat > RHAT_THRESHOLD) ? NutsStatus.OK
                : NutsStatus.WARNINGS, 1, 1, maxRhat, minEssBulk, divergences, List.of(), List.of(), List.of(),
                new double[0], List.of(), null, Map.of());
    }

    @Override
    public double[] parameterDraws() {
        return parameterDraws.clone();
    }

    /** @return true if R-hat is at most 1.01 and there are no divergences */
    public boolean healthy() {
        return maxRhat <= RHAT_THRESHOLD && divergences == 0;
    }

    /** @return the posterior predictive checks, empty if none were made */
    public Optional<PosteriorPredictiveCheck> predictiveCheck() {
        return Optional.ofNullable(posteriorPredictive);
    }

    /**
     * Returns the summary of one sampled parameter.
     *
     * @param name a name of {@link #parameterNames()}
     * @return its summary
     * @throws IllegalArgumentException if there is no such parameter or no summary
     */
    public ParameterSummary summary(String name) {
        for (ParameterSummary s : parameters) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no summary for '" + name + "'; parameters are " + parameterNames);
    }

    /**
     * Returns all draws of one sampled parameter, in draw order (chain after chain).
     *
     * @param name a name of {@link #parameterNames()}
     * @return a new array of {@code chains * drawsPerChain} values
     * @throws IllegalArgumentException if there is no such parameter
     */
    public double[] parameterDraws(String name) {
        int j = parameterNames.indexOf(name);
        Checks.checkArgument(j >= 0, "no parameter '%s'; parameters are %s", name, parameterNames);
        int n = chains * drawsPerChain;
        int k = parameterNames.size();
        double[] out = new double[n];
        for (int d = 0; d < n; d++) {
            out[d] = parameterDraws[d * k + j];
        }
        return out;
    }

    /**
     * How much of a channel's ROI estimate the data set, against its prior: {@code w = 1 - Var_post(log roi) /
     * Var_prior(log roi)}, clamped to {@code [0, 1]}, from the draws of {@code roi[channel]} and the prior's
     * {@link #roiPriorLogSd()}. This is the posterior contraction of Betancourt (2018, "Calibrating model-based
     * inferences and decisions", arXiv:1803.08393, section 3.3), taken on the log scale where the ROI priors are
     * near normal. In the conjugate normal model it is exactly the weight of the data in the posterior mean
     * ({@code mean_post = w * estimate_data + (1 - w) * mean_prior}), hence the name: near 1 the data set the
     * estimate; below one half the prior sets more of it than the data do, and the ROI (interval included) says more
     * about the prior than about the channel.
     *
     * @param channel a channel's name
     * @return the weight in {@code [0, 1]}, or empty when the channel has no ROI prior or no draws of its ROI (an
     *     effect prior, a fit other than the Bayesian model), or fewer than two draws
     */
    public OptionalDouble roiDataWeight(String channel) {
        Double sd = roiPriorLogSd.get(channel);
        String name = "roi[" + channel + "]";
        int j = parameterNames.indexOf(name);
        int n = chains * drawsPerChain;
        if (sd == null || j < 0 || n < 2) {
            return OptionalDouble.empty();
        }
        int k = parameterNames.size();
        double mean = 0;
        double m2 = 0;
        for (int d = 0; d < n; d++) {
            double v = parameterDraws[d * k + j];
            if (!(v > 0)) {
                return OptionalDouble.empty();
            }
            // Welford's update: one pass, no cancellation
            double x = Math.log(v);
            double delta = x - mean;
            mean += delta / (d + 1);
            m2 += delta * (x - mean);
        }
        double var = m2 / (n - 1);
        return OptionalDouble.of(Math.min(1.0, Math.max(0.0, 1.0 - var / (sd * sd))));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamplerDiagnostics s && status == s.status && chains == s.chains
                && drawsPerChain == s.drawsPerChain && Double.compare(maxRhat, s.maxRhat) == 0
                && Double.compare(minEssBulk, s.minEssBulk) == 0 && divergences == s.divergences
                && warnings.equals(s.warnings) && parameters.equals(s.parameters)
                && parameterNames.equals(s.parameterNames) && java.util.Arrays.equals(parameterDraws, s.parameterDraws)
                && unconstrainedNames.equals(s.unconstrainedNames)
                && Objects.equals(posteriorPredictive, s.posteriorPredictive) && roiPriorLogSd.equals(s.roiPriorLogSd);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, chains, drawsPerChain, maxRhat, divergences, parameterNames,
                java.util.Arrays.hashCode(parameterDraws));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "SamplerDiagnostics[%s, %d chains x %d draws, max R-hat %.4f, min bulk ESS %.0f, %d divergences%s]",
                status, chains, drawsPerChain, maxRhat, minEssBulk, divergences,
                warnings.isEmpty() ? "" : ", " + warnings.size() + " warnings");
    }
}
