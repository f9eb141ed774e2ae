package io.github.mmm4j.models.search;

import io.github.mmm4j.core.Checks;

/**
 * The interval a search explores for one parameter, and how the optimiser's unit coordinate
 * {@code u in [0, 1]} maps onto it:
 * <ul>
 *   <li>linear: {@code value = lower + u (upper - lower)};</li>
 *   <li>logarithmic: {@code value = exp(ln lower + u (ln upper - ln lower))} (log-uniform, for penalties and
 *       scale-like parameters spanning decades; requires {@code lower > 0});</li>
 *   <li>fixed ({@code lower == upper}): the parameter is not searched and takes {@code lower}.</li>
 * </ul>
 * Both endpoints are attained (the optimiser's box is closed), so they must be valid parameter values.
 *
 * @param lower the smallest value, finite
 * @param upper the largest value, finite, {@code >= lower}
 * @param logScale whether the unit coordinate maps log-uniformly
 */
public record ParameterRange(double lower, double upper, boolean logScale) {

    /**
     * Validates the bounds.
     *
     * @throws IllegalArgumentException if a bound is not finite, {@code upper < lower}, or
     *     {@code logScale} with {@code lower <= 0}
     */
    public ParameterRange {
        Checks.checkFinite("lower", lower);
        Checks.checkFinite("upper", upper);
        Checks.checkArgument(upper >= lower, "upper = %s < lower = %s", upper, lower);
        Checks.checkArgument(!logScale || lower > 0, "lower = %s; a logarithmic range needs lower > 0", lower);
    }

    /**
     * A linear range.
     *
     * @param lower the smallest value
     * @param upper the largest value
     * @return the range
     * @throws IllegalArgumentException as the constructor
     */
    public static ParameterRange linear(double lower, double upper) {
        return new ParameterRange(lower, upper, false);
    }

    /**
     * A logarithmic (log-uniform) range.
     *
     * @param lower the smallest value, {@code > 0}
     * @param upper the largest value
     * @return the range
     * @throws IllegalArgumentException as the constructor
     */
    public static ParameterRange log(double lower, double upper) {
        return new ParameterRange(lower, upper, true);
    }

    /**
     * A fixed value: the parameter is not searched.
     *
     * @param value the value, finite
     * @return the range {@code [value, value]}
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public static ParameterRange fixed(double value) {
        return new ParameterRange(value, value, false);
    }

    /**
     * Whether the range is a single value.
     *
     * @return {@code lower == upper}
     */
    public boolean isFixed() {
        return lower == upper;
    }

    /**
     * Maps a unit coordinate to a value. Coordinates outside {@code [0, 1]} are clamped first; the result is
     * clamped to {@code [lower, upper]} so that rounding in {@code exp} never leaves the range.
     *
     * @param u the unit coordinate
     * @return the value in {@code [lower, upper]}
     */
    public double at(double u) {
        double v = u <= 0 ? 0 : u >= 1 ? 1 : u;
        if (isFixed()) {
            return lower;
        }
        double x = logScale ? Math.exp(Math.log(lower) + v * (Math.log(upper) - Math.log(lower)))
                : lower + v * (upper - lower);
        return x < lower ? lower : x > upper ? upper : x;
    }

    /**
     * The unit coordinate of a value, the inverse of {@link #at}; values outside the range are clamped.
     *
     * @param value a value
     * @return the coordinate in {@code [0, 1]}; 0 for a fixed range
     */
    public double unitOf(double value) {
        if (isFixed()) {
            return 0;
        }
        double x = value <= lower ? lower : value >= upper ? upper : value;
        return logScale ? (Math.log(x) - Math.log(lower)) / (Math.log(upper) - Math.log(lower))
                : (x - lower) / (upper - lower);
    }
}
