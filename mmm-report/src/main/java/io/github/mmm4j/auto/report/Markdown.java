package io.github.mmm4j.auto.report;

import io.github.mmm4j.core.Text;

/** Escaping of text for Markdown (CommonMark and GitHub Flavored Markdown, tables included). */
final class Markdown {

    private Markdown() {
    }

    /**
     * Escapes text so that it renders literally in Markdown, in a paragraph or a table cell: the characters
     * {@code \ ` * _ [ ] | # ~} get a backslash; {@code & < >} become the entities {@code &amp; &lt; &gt;} (so raw
     * HTML such as {@code <script>} is shown as text, not passed through); line breaks become spaces. An underscore
     * inside a word ({@code paid_search}) is left alone, since it cannot start emphasis there; control characters
     * (terminal escape sequences) are made visible. The one implementation is {@link Text#markdown}.
     *
     * @param s the text; {@code null} is written as the empty string
     * @return the escaped text
     */
    static String escape(String s) {
        return Text.markdown(s);
    }
}
