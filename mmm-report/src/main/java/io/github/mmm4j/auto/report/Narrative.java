package io.github.mmm4j.auto.report;

import java.util.List;
import java.util.Objects;

/**
 * The plain-language part of a report, as a {@link Narrator} wrote it. All text is plain text (no Markdown, no
 * HTML): the report writers escape it for their format, so a narrator cannot inject markup.
 *
 * @param title the report's title
 * @param headline one or two sentences: what to do and how confident the analysis is, without model names
 * @param sections the sections that follow the headline, in order
 */
public record Narrative(String title, String headline, List<Section> sections) {

    /**
     * One section of the narrative.
     *
     * @param heading the section's heading
     * @param paragraphs paragraphs of text, in order
     * @param bullets list items shown after the paragraphs, in order; may be empty
     */
    public record Section(String heading, List<String> paragraphs, List<String> bullets) {

        /** Validates and copies. */
        public Section {
            Objects.requireNonNull(heading, "heading");
            paragraphs = List.copyOf(paragraphs);
            bullets = List.copyOf(bullets);
        }
    }

    /** Validates and copies. */
    public Narrative {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(headline, "headline");
        sections = List.copyOf(sections);
    }
}
