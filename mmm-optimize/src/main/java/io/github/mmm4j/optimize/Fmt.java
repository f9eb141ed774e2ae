package io.github.mmm4j.optimize;

import java.util.Locale;

/** Number formatting for messages: grouped integers for large amounts, four significant digits otherwise. */
final class Fmt {

    private Fmt() {
    }

    static String amount(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "unbounded" : "-unbounded";
        }
        if (Math.abs(v) >= 100 || (v == Math.rint(v) && Math.abs(v) < 1e15)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
