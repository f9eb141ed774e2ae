package io.github.mmm4j.models.bayes;

/** Outcome of a {@link Nuts} run; see {@link NutsResult#warnings()} for the details. */
public enum NutsStatus {
    /** All chains finished and no diagnostic raised a warning. */
    OK,
    /**
     * All chains finished, but a diagnostic warns: R-hat above 1.01, divergent transitions, transitions that hit
     * the maximum tree depth, or an E-BFMI below 0.3. The draws are kept; treat them with care.
     */
    WARNINGS,
    /** A chain found no initial point with a finite log density and gradient (100 random tries, or the user's). */
    INITIALIZATION_FAILED,
    /**
     * A chain's step size search failed: the step size grew beyond {@code 1e7} (an improper posterior) or shrank to
     * zero (a discontinuous or non-finite density everywhere near the chain).
     */
    ADAPTATION_FAILED,
    /** The run was cancelled through its {@link CancellationToken}; the draws completed so far are returned. */
    CANCELLED
}
