package io.github.mmm4j.auto;

/** The critic's verdict on a round. */
public enum Verdict {
    /** Every blocking check passed. */
    APPROVED,
    /** At least one blocking check failed; the tuner should change something. */
    REVISE
}
