package io.github.mmm4j.core;

/**
 * What {@link MmmCsv} does with an empty cell (or one reading {@code NA}, {@code N/A} or {@code null}, in any
 * case).
 */
public enum MissingValuePolicy {
    /** Every missing value is an error naming its line and column. The default. */
    FAIL,
    /**
     * A missing spend or exposure value is read as 0 (no spend that period); a missing KPI, control, event
     * or date is still an error.
     */
    ZERO_FILL_SPEND
}
