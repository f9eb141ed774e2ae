package io.github.mmm4j.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number formatting shared by every report, console line and file that people read, in {@link java.util.Locale#ROOT}
 * conventions (point as decimal separator, comma as thousands separator). Two jobs:
 * <ul>
 *   <li>{@link #significant(double, int)} for people: a fixed number of significant digits for small amounts and
 *       every integer digit, grouped, for large ones, so that a spend of {@code 0.0042} and a KPI of
 *       {@code 4,876,827} both read as what they are (never {@code 0}, never {@code 4.877e+06});</li>
 *   <li>{@link #plain(double)} for machines: the shortest decimal that reads back to the same double
 *       ({@link Double#toString(double)}'s digits), written without an exponent, for CSV files that spreadsheets and
 *       {@code Double.parseDouble} both read.</li>
 * </ul>
 * The decimal digits come from {@link BigDecimal#valueOf(double)} (the shortest representation), so that
 * {@code 0.1} formats as {@code 0.1} and rounding is decimal half-even, not a binary artefact.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * The change {@code to - from}, or 0 when it is within floating-point rounding of the two amounts
     * ({@code |to - from| <= 1e-9 max(|from|, |to|)}): two totals summed in a different order differ by a few units of
     * {@code 1e-16} of their size, which would otherwise print as a change of {@code -0.0000000002}.
     *
     * @param from the earlier amount
     * @param to the later amount
     * @return the change, exactly 0 when it is rounding
     */
    public static double change(double from, double to) {
        double d = to - from;
        return Math.abs(d) <= 1e-9 * Math.max(Math.abs(from), Math.abs(to)) ? 0.0 : d;
    }

    /**
     * Formats {@code value} for people with {@code digits} significant digits and thousands separators. Values whose
     * magnitude is at least {@code 10^digits} keep every integer digit, rounded half-even to an integer; smaller
     * values are rounded half-even to {@code digits} significant digits. Trailing zeros after the decimal point are
     * dropped and negative zero prints as {@code 0}. Examples with 4 digits: {@code 4876827.13 -> "4,876,827"},
     * {@code 4033.2 -> "4,033"}, {@code 765.34 -> "765.3"}, {@code 1.5 -> "1.5"}, {@code 0.0042 -> "0.0042"},
     * {@code 0.000123456 -> "0.0001235"}, {@code -12.0 -> "-12"}. Special values: {@code "NaN"}, {@code "Infinity"},
     * {@code "-Infinity"}.
     *
     * @param value the number
     * @param digits the number of significant digits, 1 to 17
     * @return the text
     * @throws IllegalArgumentException if {@code digits} is outside {@code [1, 17]}
     */
    public static String significant(double value, int digits) {
        Checks.checkArgument(digits >= 1 && digits <= 17, "digits = %d; must be in [1, 17]", digits);
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal d = BigDecimal.valueOf(value);
        if (Math.abs(value) >= Math.pow(10, digits)) {
            d = d.setScale(0, RoundingMode.HALF_EVEN);
        } else {
            d = d.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        }
        return group(d);
    }

    /**
     * Formats {@code value} for machines: the shortest decimal that parses back to the same double, without an
     * exponent and without separators; {@code 3.318925405049197E7 -> "33189254.05049197"},
     * {@code 1.0E-7 -> "0.0000001"}, {@code 2.0 -> "2"}, {@code -0.0 -> "0"}.
     *
     * @param value the number, finite
     * @return the text, which {@link Double#parseDouble(String)} reads back to {@code value} (or to {@code 0.0} for
     *     {@code -0.0})
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public static String plain(double value) {
        Checks.checkFinite("value", value);
        if (value == 0) {
            return "0";
        }
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return d.toPlainString();
    }

    /** Plain digits of {@code d} with trailing fractional zeros removed and the integer part grouped by three. */
    private static String group(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.signum() == 0) {
            return "0";
        }
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        String text = s.abs().toPlainString();
        int dot = text.indexOf('.');
        String intPart = dot < 0 ? text : text.substring(0, dot);
        String frac = dot < 0 ? "" : text.substring(dot);
        StringBuilder b = new StringBuilder(text.length() + text.length() / 3 + 1);
        if (s.signum() < 0) {
            b.append('-');
        }
        int first = intPart.length() % 3 == 0 ? 3 : intPart.length() % 3;
        b.append(intPart, 0, first);
        for (int i = first; i < intPart.length(); i += 3) {
            b.append(',').append(intPart, i, i + 3);
        }
        return b.append(frac).toString();
    }
}
