package io.github.mmm4j.models.bayes;

/**
 * The tolerance policy of this package's tests, in one place.
 *
 * <ul>
 *   <li>Deterministic comparisons with rstan on the same draws: ESS is reproduced to rounding
 *       ({@link #REFERENCE_REL}); R-hat to {@link #REFERENCE_RHAT_ABS}, because the folded (tail) R-hat depends on
 *       how the two draws next to the pooled median are tied after folding, which depends on the last bits of the
 *       draws, and the CSV keeps only 15 significant digits.</li>
 *   <li>Stochastic sampler tests run with fixed seeds, so they are deterministic; their tolerances are chosen
 *       so that, for a correct sampler and a random seed, a failure would have probability below about
 *       {@code 1e-4}: means within {@link #MEAN_MCSE} Monte Carlo standard errors per parameter (two-sided normal
 *       tail {@code 5.7e-7} each), variances within {@link #VARIANCE_SIGMAS} standard errors
 *       {@code sqrt(2 / ESS)} of their relative error.</li>
 * </ul>
 */
final class BayesTolerances {

    /** Relative tolerance for ESS against rstan on identical draws (observed: 3e-15). */
    static final double REFERENCE_REL = 1e-9;
    /** Absolute tolerance for R-hat against rstan on identical draws (observed: 6.8e-6). */
    static final double REFERENCE_RHAT_ABS = 2e-5;
    /** Posterior means must lie within this many MCSE of the truth. */
    static final double MEAN_MCSE = 5.0;
    /** Relative variance errors must lie within this many standard errors. */
    static final double VARIANCE_SIGMAS = 6.0;

    private BayesTolerances() {
    }
}
