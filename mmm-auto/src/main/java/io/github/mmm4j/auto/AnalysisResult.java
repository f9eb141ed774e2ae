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
 * @param primary index into the best round's models of the primary model: the one every output of the analysis
 *     reports (see {@link AutoAnalysis#primary}); the other models appear only as labelled comparisons
 * @param primaryReason why that model is primary, in a sentence
 * @param adaptations how the analysis's work was scaled down to the data's size ({@link SizeAdaptation}), one
 *     sentence each; empty when it was not
 */
public record AnalysisResult(MmmDataset data, DataProfile profile, List<Round> rounds, int best, String stopReason,
        int primary, String primaryReason, List<String> adaptations) {

    /** Validates and copies. */
    public AnalysisResult {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(profile, "profile");
        rounds = List.copyOf(rounds);
        if (best < 0 || best >= rounds.size()) {
            throw new IllegalArgumentException("best = " + best + " is not a round index in [0, " + rounds.size() + ")");
        }
        Objects.requireNonNull(stopReason, "stopReason");
        if (primary < 0 || primary >= rounds.get(best).models().size()) {
            throw new IllegalArgumentException("primary = " + primary + " is not a model index of the best round");
        }
        Objects.requireNonNull(primaryReason, "primaryReason");
        adaptations = List.copyOf(adaptations);
    }

    /**
     * An analysis run at full size (no {@link #adaptations()}).
     *
     * @param data the data analysed
     * @param profile the explorer's profile
     * @param rounds every round
     * @param best index of the best round
     * @param stopReason why the supervisor stopped
     * @param primary index of the primary model
     * @param primaryReason why that model is primary
     */
    public AnalysisResult(MmmDataset data, DataProfile profile, List<Round> rounds, int best, String stopReason,
            int primary, String primaryReason) {
        this(data, profile, rounds, best, stopReason, primary, primaryReason, List.of());
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

    /**
     * The primary model: the one model whose numbers every output of the analysis reports (console, results.json,
     * report, workbook, attribution, plan, model.json).
     *
     * @return the best round's primary model
     */
    public io.github.mmm4j.models.FittedModel primaryModel() {
        return bestRound().models().get(primary);
    }
}
