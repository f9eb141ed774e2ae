package io.github.mmm4j.models;

/**
 * Convergence diagnostics of a sampled fit, as Stan defines them (Vehtari et al. 2021, "Rank-normalization,
 * folding, and localization: an improved R-hat for assessing convergence of MCMC", Bayesian Analysis 16(2)).
 *
 * @param maxRhat the largest rank-normalised split R-hat over all parameters (converged: at most 1.01)
 * @param minEssBulk the smallest bulk effective sample size over all parameters
 * @param divergences the number of divergent transitions after warmup (healthy: 0)
 */
public record SamplerDiagnostics(double maxRhat, double minEssBulk, int divergences) {

    /** Stan's threshold for R-hat. */
    public static final double RHAT_THRESHOLD = 1.01;

    /** @return true if R-hat is at most 1.01 and there are no divergences */
    public boolean healthy() {
        return maxRhat <= RHAT_THRESHOLD && divergences == 0;
    }
}
