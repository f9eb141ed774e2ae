package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.Checks;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link Nuts} run: per-chain draws and sampler statistics ({@link NutsChain}), the posterior
 * summary table ({@link ParameterSummary}, see {@link Diagnostics}), a status with warnings, and provenance.
 *
 * <p>Draws of chain {@code c} are {@code chains().get(c).draws()[i * dimension + j]}. The summary is empty when
 * the run did not finish ({@link NutsStatus#CANCELLED}, {@link NutsStatus#INITIALIZATION_FAILED},
 * {@link NutsStatus#ADAPTATION_FAILED}) or kept fewer than 4 draws per chain.
 *
 * @param options the options of the run (including the seed)
 * @param dimension the number of parameters
 * @param parameterNames the parameter names, {@code dimension} of them
 * @param chains one entry per chain, in chain order
 * @param summary one entry per parameter, or empty
 * @param status the outcome
 * @param warnings human-readable warnings and failure reasons, empty when {@code status == OK}
 * @param wallTimeNanos the wall-clock time of the whole run, in nanoseconds
 * @param gradientEvaluations the total number of log density and gradient evaluations over all chains
 * @param javaVersion the {@code java.version} of the run (provenance)
 */
public record NutsResult(NutsOptions options, int dimension, List<String> parameterNames, List<NutsChain> chains,
        List<ParameterSummary> summary, NutsStatus status, List<String> warnings, long wallTimeNanos,
        long gradientEvaluations, String javaVersion) {

    /** R-hat above this value raises a warning (Vehtari et al. 2021). */
    public static final double RHAT_THRESHOLD = 1.01;
    /** E-BFMI below this value raises a warning (Betancourt 2016). */
    public static final double EBFMI_THRESHOLD = 0.3;

    /*
     * Validates and copies the result.
     *
     * @throws IllegalArgumentException if the shapes disagree
     * @throws NullPointerException if a component is null
     */
    public NutsResult {
        Objects.requireNonNull(options, "options");
        Checks.checkPositive("dimension", dimension);
        parameterNames = List.copyOf(parameterNames);
        chains = List.copyOf(chains);
        summary = List.copyOf(summary);
        Objects.requireNonNull(status, "status");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(javaVersion, "javaVersion");
        Checks.checkArgument(parameterNames.size() == dimension, "parameterNames.size() = %d; expected %d",
                parameterNames.size(), dimension);
        Checks.checkArgument(summary.isEmpty() || summary.size() == dimension, "summary.size() = %d; expected %d",
                summary.size(), dimension);
    }

    /**
     * Returns the total number of divergent post-warmup transitions over all chains.
     *
     * @return the count
     */
    public int divergences() {
        int k = 0;
        for (NutsChain c : chains) {
            k += c.divergences();
        }
        return k;
    }

    /**
     * Returns the draws of one parameter pooled over chains, chain after chain.
     *
     * @param j the parameter index
     * @return a new array of length {@code sum_c completedDraws(c)}
     */
    public double[] pooled(int j) {
        Checks.checkArgument(j >= 0 && j < dimension, "j = %d; must be in [0, %d)", j, dimension);
        int total = 0;
        for (NutsChain c : chains) {
            total += c.completedDraws();
        }
        double[] out = new double[total];
        int k = 0;
        for (NutsChain c : chains) {
            double[] dr = c.drawsRef();
            for (int i = 0; i < c.completedDraws(); i++) {
                out[k++] = dr[i * dimension + j];
            }
        }
        return out;
    }

    /**
     * Returns the largest R-hat of the summary.
     *
     * @return the maximum R-hat, NaN if the summary is empty or an R-hat is undefined
     */
    public double maxRhat() {
        if (summary.isEmpty()) {
            return Double.NaN;
        }
        double m = Double.NEGATIVE_INFINITY;
        for (ParameterSummary s : summary) {
            if (Double.isNaN(s.rhat())) {
                return Double.NaN;
            }
            m = Math.max(m, s.rhat());
        }
        return m;
    }

    /**
     * Returns the smallest bulk ESS of the summary.
     *
     * @return the minimum bulk ESS, NaN if the summary is empty or an ESS is undefined
     */
    public double minEssBulk() {
        if (summary.isEmpty()) {
            return Double.NaN;
        }
        double m = Double.POSITIVE_INFINITY;
        for (ParameterSummary s : summary) {
            if (Double.isNaN(s.essBulk())) {
                return Double.NaN;
            }
            m = Math.min(m, s.essBulk());
        }
        return m;
    }
}
