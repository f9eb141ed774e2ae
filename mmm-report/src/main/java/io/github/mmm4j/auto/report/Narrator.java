package io.github.mmm4j.auto.report;

/**
 * Turns the structured {@link Findings} of an analysis into the report's plain-language {@link Narrative}. The
 * plug-in point for the text: an application can supply its own narrator (for example one that asks a language
 * model to write from the findings) and every report format uses its text, while the technical appendix, the
 * tables and the charts stay as they are.
 *
 * <p>Contract: the narrator must not invent figures; everything it states should come from the findings. It must
 * return plain text (the writers escape it). It should not name the estimators in the headline: the reader is a
 * marketing executive. It is called once per {@link Reporter#write} call, on the caller's thread.
 */
@FunctionalInterface
public interface Narrator {

    /**
     * @param findings the findings (input) not modified
     * @return the narrative
     */
    Narrative narrate(Findings findings);

    /**
     * The default narrator: deterministic text from fixed templates, the same findings giving the same text.
     *
     * @return the standard narrator
     */
    static Narrator standard() {
        return StandardNarrator.INSTANCE;
    }
}
