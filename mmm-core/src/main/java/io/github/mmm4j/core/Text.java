package io.github.mmm4j.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * Text from users' files shown to people: the one place that makes names and values safe for a terminal, a log or a
 * Markdown report, and that suggests the name a user probably meant.
 *
 * <p><b>Sanitising.</b> A column name or cell can hold bytes a terminal acts on: ESC starts an ANSI sequence (an
 * OSC sequence {@code ESC ] 0 ; title BEL} renames the window, others move the cursor or clear the screen), BEL rings,
 * a carriage return overwrites the line, a right-to-left override reorders what follows. {@link #sanitize(String)}
 * writes every such character as the visible escape {@code \\uXXXX}, so an OSC sequence becomes inert text such as
 * {@code \\u001B]0;title\\u0007}. The characters escaped are those of {@link #isUnsafe(char)}: the C0 controls
 * (U+0000 to U+001F), DEL (U+007F), the C1 controls (U+0080 to U+009F), the line and paragraph separators
 * (U+2028, U+2029), and the bidirectional formatting controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
 * U+2069). This class is public only so that the other mmm4j modules can use it; it is not part of the supported API.
 */
public final class Text {

    private Text() {
    }

    /**
     * Whether a character can change how a terminal shows the text around it (see the class comment).
     *
     * @param ch the character
     * @return true for a control, separator or bidirectional formatting character
     */
    public static boolean isUnsafe(char ch) {
        return ch < 0x20 || (ch >= 0x7F && ch <= 0x9F) || ch == 0x2028 || ch == 0x2029 || ch == 0x061C
                || ch == 0x200E || ch == 0x200F || (ch >= 0x202A && ch <= 0x202E) || (ch >= 0x2066 && ch <= 0x2069);
    }

    /**
     * The visible escape of one character, {@code \\uXXXX} with upper-case hex digits.
     *
     * @param ch the character
     * @return six characters
     */
    public static String escape(char ch) {
        return String.format(Locale.ROOT, "\\u%04X", (int) ch);
    }

    /**
     * The text on one line with every unsafe character (line breaks and tabs included) written as {@code \\uXXXX}.
     *
     * @param s the text; null gives {@code "null"}
     * @return the sanitised text; {@code s} itself when nothing needed escaping
     */
    public static String sanitize(String s) {
        if (s == null) {
            return "null";
        }
        int first = firstUnsafe(s);
        if (first < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (isUnsafe(ch)) {
                sb.append(escape(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /**
     * The index of the first unsafe character, or -1.
     *
     * @param s the text
     * @return the index, or -1 when every character is safe
     */
    public static int firstUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isUnsafe(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Escapes text so that it renders literally in Markdown (CommonMark and GitHub Flavored Markdown), in a
     * paragraph or a table cell: the characters {@code \ ` * _ [ ] | # ~} get a backslash; {@code & < >} become the
     * entities {@code &amp; &lt; &gt;} (so raw HTML such as {@code <script>} shows as text); an underscore inside a
     * word ({@code paid_search}) is left alone; line breaks become spaces and other unsafe characters are
     * {@linkplain #sanitize sanitised}.
     *
     * @param s the text; null gives the empty string
     * @return the escaped text
     */
    public static String markdown(String s) {
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
                default -> sb.append(isUnsafe(ch) ? escape(ch) : String.valueOf(ch));
            }
        }
        return sb.toString();
    }

    /**
     * The optimal string alignment distance (the restricted Damerau-Levenshtein distance): the fewest insertions,
     * deletions, substitutions and transpositions of two adjacent characters that turn {@code a} into {@code b},
     * no substring edited twice (Damerau 1964; Boytsov 2011, section 2.2). Case counts.
     *
     * @param a one text
     * @param b the other
     * @return the distance, between 0 and {@code max(a.length(), b.length())}
     */
    public static int editDistance(String a, String b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }

    /**
     * The candidate a user most likely meant by {@code name}: the one at the smallest
     * {@linkplain #editDistance edit distance} of the lower-cased texts, if that distance is at most 0 for names of
     * up to 2 characters (a different case only), 1 up to 4, 2 up to 8, and 3 beyond (so {@code revenu}, {@code Revenue} and {@code reveune} all find
     * {@code revenue}, and {@code x} does not find {@code y}). Ties go to the earlier candidate.
     *
     * @param name what the user typed
     * @param candidates the names that exist
     * @return the closest candidate, or null when none is close
     */
    public static String closest(String name, Collection<String> candidates) {
        Objects.requireNonNull(name, "name");
        String key = name.toLowerCase(Locale.ROOT);
        int limit = key.length() <= 2 ? 0 : key.length() <= 4 ? 1 : key.length() <= 8 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c == null || c.equals(name)) {
                continue;
            }
            int d = editDistance(key, c.toLowerCase(Locale.ROOT));
            if (d <= limit && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * A suggestion to append to a message: {@code "; did you mean 'revenue'?"}, or the empty string when no
     * candidate is {@linkplain #closest close}.
     *
     * @param name what the user typed
     * @param candidates the names that exist
     * @return the suggestion, sanitised, or {@code ""}
     */
    public static String didYouMean(String name, Collection<String> candidates) {
        String c = closest(name, candidates);
        return c == null ? "" : "; did you mean '" + sanitize(c) + "'?";
    }
}
