package io.github.mmm4j.models.search;

/** How a {@link HyperparameterSearch} ended. */
public enum SearchStatus {
    /** Every trial used its whole evaluation budget. */
    COMPLETED,
    /**
     * {@link SearchCancellation#cancel()} was called; the result holds everything evaluated until then (each trial
     * stops before its next evaluation).
     */
    CANCELLED
}
