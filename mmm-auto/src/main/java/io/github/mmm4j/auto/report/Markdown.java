package io.github.mmm4j.auto.report;

/** Escaping of text for Markdown (CommonMark and GitHub Flavored Markdown, tables included). */
final class Markdown {

    private Markdown() {
    }

    /**
     * Escapes text so that it renders literally in Markdown, in a paragraph or a table cell: the characters
     * {@code \ ` * _ [ ] | # ~} get a backslash; {@code & < >} become the entities {@code &amp; &lt; &gt;} (so raw
     * HTML such as {@code <script>} is shown as text, not passed through); line breaks become spaces. An underscore
     * inside a word ({@code paid_search}) is left alone, since it cannot start emphasis there.
     *
     * @param s the text; {@code null} is written as the empty string
     * @return the escaped text
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\', '`', '*', '[', ']', '|', '#', '~' -> sb.append('\\').append(ch);
                case '_' -> {
                    boolean inWord = i > 0 && i < s.length() - 1 && Character.isLetterOrDigit(s.charAt(i - 1))
                            && Character.isLetterOrDigit(s.charAt(i + 1));
                    sb.append(inWord ? "_" : "\\_");
                }
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\n', '\r' -> sb.append(' ');
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
