package io.github.mmm4j.models.search;

/**
 * The tolerance policy of the {@code io.github.mmm4j.models.search} tests, in one place.
 *
 * <ul>
 *   <li><b>Fast path versus reference.</b> {@link SearchEvaluator} solves the normal equations by Cholesky (or NNLS on
 *       the Gram matrix) while {@code Ridge.solve} uses an SVD of the augmented standardised design (or NNLS on the
 *       explicit design). Both are backward stable for the penalised problem, whose condition number with
 *       {@code lambda >= 1e-4} and {@code n = 156} standardised rows is below about {@code 1e5}; coefficients in
 *       standardised units ({@code coef_j sd(x_j) / sd(y)}, all of order 1) therefore agree to
 *       {@code eps * cond ~ 1e-11}. We require {@link #COEFFICIENT} {@code = 1e-9}, absolute in standardised
 *       units; the intercept {@code mean(y) - sum_j coef_j mean(x_j)} to the same tolerance relative to
 *       {@code |mean(y)| + sd(y) + sum_j |coef_j mean(x_j)|}, the scale of its cancellation (a nearly constant
 *       saturated column has a large coefficient and mean product). Objectives agree to {@link #OBJECTIVE}
 *       relative.</li>
 *   <li><b>Refit through the shared API</b> ({@code Candidate.fit}): the same tolerance on coefficients.</li>
 *   <li><b>Determinism</b>: bit-for-bit equality ({@code assertEquals} on results).</li>
 *   <li><b>Recovery</b> of ROI from synthetic data: 20% relative, a modelling tolerance, with fixed seeds (no
 *       failure probability: the outcome for the fixed seed is deterministic).</li>
 * </ul>
 */
final class SearchTolerances {

    /** Absolute tolerance on standardised coefficients. */
    static final double COEFFICIENT = 1e-9;

    /** Relative tolerance on objective values. */
    static final double OBJECTIVE = 1e-9;

    /** Relative tolerance on recovered ROI. */
    static final double ROI = 0.20;

    private SearchTolerances() {
    }
}
