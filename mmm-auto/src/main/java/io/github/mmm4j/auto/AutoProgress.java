package io.github.mmm4j.auto;

/**
 * Progress of the automated analysis, stage by stage: the callback the command line uses for its progress
 * display. Called on the pipeline's thread; it must return quickly.
 */
@FunctionalInterface
public interface AutoProgress {

    /** A listener that ignores every report. */
    AutoProgress NONE = (stage, round, fraction, message) -> { };

    /**
     * @param stage the stage: {@code explore}, {@code tune}, {@code fit:ridge}, {@code fit:nnls},
     *     {@code fit:bayes}, {@code analyse}, {@code critique}, {@code attribute}, {@code plan}, {@code report}
     * @param round the round, from 1; 0 for stages outside the rounds
     * @param fraction the stage's completed fraction in [0, 1]
     * @param message what is happening, in a few words
     */
    void report(String stage, int round, double fraction, String message);
}
