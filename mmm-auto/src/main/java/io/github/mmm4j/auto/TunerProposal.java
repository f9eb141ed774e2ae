package io.github.mmm4j.auto;

import java.util.Objects;

/**
 * The tuner's proposal for the next round: exactly one change, with its reason, or no change.
 *
 * @param change what changes, in words (for example {@code "add an event indicator for 2024-03-04"}), or
 *     {@code "no change"}
 * @param reason why, citing the failed check or the explorer's finding
 * @param next the next round's configuration ({@code null} when there is no change)
 */
public record TunerProposal(String change, String reason, RoundConfig next) {

    /** Validates. */
    public TunerProposal {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return true if the tuner proposes a change */
    public boolean changes() {
        return next != null;
    }

    /**
     * @param reason why nothing changes
     * @return a proposal without a change
     */
    public static TunerProposal none(String reason) {
        return new TunerProposal("no change", reason, null);
    }
}
