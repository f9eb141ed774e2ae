package io.github.mmm4j.auto.report;

import io.github.mmm4j.models.Interval;
import java.util.Locale;
import java.util.Optional;

/** Number formatting for the text reports: {@link Locale#ROOT}, {@code n/a} for non-finite values. */
final class Fmt {

    static final String NA = "n/a";

    private Fmt() {
    }

    /** @return {@code v} with {@code decimals} decimals, or {@code n/a} */
    static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : NA;
    }

    /** @return {@code v} rounded to a whole number with thousands separators, or {@code n/a} */
    static String money(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f", v) : NA;
    }

    /** @return the fraction {@code v} as a percentage with one decimal, or {@code n/a} */
    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : NA;
    }

    /** @return {@code "lo to hi"} with {@code decimals} decimals, or {@code n/a} */
    static String interval(Optional<Interval> iv, int decimals) {
        return iv.map(i -> num(i.lower(), decimals) + " to " + num(i.upper(), decimals)).orElse(NA);
    }
}
