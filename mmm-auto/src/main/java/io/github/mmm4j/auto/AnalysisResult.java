package io.github.mmm4j.auto;

import io.github.mmm4j.core.MmmDataset;
import java.util.List;
import java.util.Objects;

/**
 * Everything the automated analysis found: the data profile, every round with its change, models, analysis and
 * verdict, and which round is best. Reports are written from this.
 *
 * @param data the data analysed (with the best round's extra event columns)
 * @param profile the explorer's profile
 * @param rounds every round, in order
 * @param best index into {@code rounds} of the best round
 * @param stopReason why the supervisor stopped
 */
public record AnalysisResult(MmmDataset data, DataProfile profile, List<Round> rounds, int best, String stopReason) {

    /** Validates and copies. */
    public AnalysisResult {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(profile, "profile");
        rounds = List.copyOf(rounds);
        if (best < 0 || best >= rounds.size()) {
            throw new IllegalArgumentException("best = " + best + " is not a round index in [0, " + rounds.size() + ")");
        }
        Objects.requireNonNull(stopReason, "stopReason");
    }

    /** @return the best round */
    public Round bestRound() {
        return rounds.get(best);
    }

    /** @return the best round's verdict: the final verdict of the analysis */
    public Verdict verdict() {
        return bestRound().critique().verdict();
    }

    /** @return the checks the best round failed, blocking or not: never hidden from a report */
    public List<Check> failedChecks() {
        return bestRound().critique().failed();
    }
}
