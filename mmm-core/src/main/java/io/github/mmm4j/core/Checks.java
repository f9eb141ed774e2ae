package io.github.mmm4j.core;

import java.util.Locale;

/**
 * Argument checks shared by every mmm4j module, in the style of Guava's {@code Preconditions}.
 *
 * <p>Each check fails with a standard exception whose message names the argument, the index where
 * there is one, and the offending value, for example {@code spend[17] = NaN; must be finite}. This class
 * is public only so that the other mmm4j modules can use it; it is not part of the supported API.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Fails unless {@code condition} holds.
     *
     * @param condition the condition that must hold
     * @param format a {@link String#format} pattern for the message, formatted in {@link Locale#ROOT}
     * @param args the pattern's arguments
     * @throws IllegalArgumentException if {@code condition} is false
     */
    public static void checkArgument(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
        }
    }

    /**
     * Returns {@code value} if it is finite.
     *
     * @param name the argument's name, used in the message
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public static double checkFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + "; must be finite");
        }
        return value;
    }

    /**
     * Checks that every element of {@code values} is finite.
     *
     * @param name the array's name, used in the message
     * @param values (input) not modified
     * @throws IllegalArgumentException naming the first index whose value is NaN or infinite
     */
    public static void checkAllFinite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + "; must be finite");
            }
        }
    }

    /**
     * Returns {@code value} if it lies in the closed interval {@code [lo, hi]}.
     *
     * @param name the argument's name, used in the message
     * @param value the value to check
     * @param lo the smallest allowed value
     * @param hi the largest allowed value
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN or outside {@code [lo, hi]}
     */
    public static double checkInClosed(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name + " = " + value + "; must be in [" + lo + ", " + hi + "]");
        }
        return value;
    }

    /**
     * Returns {@code value} if it lies in the half-open interval {@code [lo, hi)}.
     *
     * @param name the argument's name, used in the message
     * @param value the value to check
     * @param lo the smallest allowed value
     * @param hi the exclusive upper bound
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN or outside {@code [lo, hi)}
     */
    public static double checkInClosedOpen(String name, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw new IllegalArgumentException(name + " = " + value + "; must be in [" + lo + ", " + hi + ")");
        }
        return value;
    }

    /**
     * Returns {@code value} if it is finite and strictly positive.
     *
     * @param name the argument's name, used in the message
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN, infinite, zero or negative
     */
    public static double checkPositive(String name, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " = " + value + "; must be finite and > 0");
        }
        return value;
    }

    /**
     * Returns {@code value} if it is finite and not negative.
     *
     * @param name the argument's name, used in the message
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN, infinite or negative
     */
    public static double checkNonNegative(String name, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " = " + value + "; must be finite and >= 0");
        }
        return value;
    }

    /**
     * Returns {@code value} if it is not negative.
     *
     * @param name the argument's name, used in the message
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public static int checkNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " = " + value + "; must be >= 0");
        }
        return value;
    }

    /**
     * Returns {@code value} if it is strictly positive.
     *
     * @param name the argument's name, used in the message
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is zero or negative
     */
    public static int checkPositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " = " + value + "; must be > 0");
        }
        return value;
    }

    /**
     * Checks that an array has the expected length.
     *
     * @param name the array's name, used in the message
     * @param array the array, not null
     * @param expected the expected length
     * @throws IllegalArgumentException if the length differs
     */
    public static void checkLength(String name, double[] array, int expected) {
        if (array.length != expected) {
            throw new IllegalArgumentException(
                    name + ".length = " + array.length + "; expected " + expected);
        }
    }

    /**
     * Returns {@code out} if it is non-null and has at least {@code length} elements, else a new array of
     * exactly {@code length} elements, in the manner of EJML's {@code reshapeOrDeclare}.
     *
     * @param out (output) an optional workspace, may be null
     * @param length the number of elements needed
     * @return an array with at least {@code length} elements
     */
    public static double[] orNew(double[] out, int length) {
        return out != null && out.length >= length ? out : new double[length];
    }
}
