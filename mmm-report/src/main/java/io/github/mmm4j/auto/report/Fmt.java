package io.github.mmm4j.auto.report;

import io.github.mmm4j.core.Numbers;
import io.github.mmm4j.models.Interval;
import java.util.Locale;
import java.util.Optional;

/**
 * Number formatting for the text reports: {@link Locale#ROOT}, {@code n/a} for non-finite values. Amounts (spend,
 * KPI, contribution, ROI, marginal ROI) use {@link #sig}: {@value #DIGITS} significant digits with thousands
 * separators, so a spend of {@code 0.42} reads {@code 0.42} and a KPI of {@code 4876827.13} reads
 * {@code 4,876,827} (see {@link Numbers#significant}); dimensionless fit measures use fixed decimals ({@link #num}).
 */
final class Fmt {

    static final String NA = "n/a";

    /** Significant digits of amounts. */
    static final int DIGITS = 4;

    private Fmt() {
    }

    /** @return {@code v} with {@code decimals} decimals, or {@code n/a} */
    static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : NA;
    }

    /** @return {@code v} with {@value #DIGITS} significant digits and thousands separators, or {@code n/a} */
    static String sig(double v) {
        return Double.isFinite(v) ? Numbers.significant(v, DIGITS) : NA;
    }

    /** @return an amount of money or KPI: {@link #sig} */
    static String money(double v) {
        return sig(v);
    }

    /** @return the fraction {@code v} as a percentage with one decimal, or {@code n/a} */
    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : NA;
    }

    /** @return {@code "lo to hi"} with {@code decimals} decimals, or {@code n/a} */
    static String interval(Optional<Interval> iv, int decimals) {
        return iv.map(i -> num(i.lower(), decimals) + " to " + num(i.upper(), decimals)).orElse(NA);
    }

    /** @return {@code "lo to hi"} with {@link #sig}, or {@code n/a} */
    static String interval(Optional<Interval> iv) {
        return iv.map(i -> sig(i.lower()) + " to " + sig(i.upper())).orElse(NA);
    }
}
