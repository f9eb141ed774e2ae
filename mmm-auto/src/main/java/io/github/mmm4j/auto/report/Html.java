package io.github.mmm4j.auto.report;

/** Escaping of text for HTML element content and quoted attribute values. */
final class Html {

    private Html() {
    }

    /**
     * Escapes {@code & < > " '} as {@code &amp; &lt; &gt; &quot; &#39;}, so that the result is inert text both as
     * element content and inside a single- or double-quoted attribute value. Other characters are kept.
     *
     * @param s the text; {@code null} is written as the empty string
     * @return the escaped text
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String rep = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(rep);
            } else if (sb != null) {
                sb.append(ch);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
