package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Numbers;

/** Number formatting for messages: {@link Numbers#significant(double, int)} with 4 digits. */
final class Fmt {

    private Fmt() {
    }

    /**
     * @param v an amount
     * @return four significant digits with thousands separators ({@code 0.0042}, {@code 4,876,827}); infinities as
     *     {@code unbounded}
     */
    static String amount(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "unbounded" : "-unbounded";
        }
        return Numbers.significant(v, 4);
    }
}
