package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;

/**
 * Bounds on one channel's horizon spend, resolved to absolute amounts {@code [min, max]} for a budget and the
 * channel's current (baseline) spend. The closed set of forms:
 * <ul>
 *   <li>{@link Absolute}: {@code [min, max]} in currency;</li>
 *   <li>{@link FractionOfBudget}: {@code [min * budget, max * budget]};</li>
 *   <li>{@link MultipleOfCurrent}: {@code [min * current, max * current]} (for example {@code [0.5, 2]}: between half
 *       and twice the historical spend of the same horizon).</li>
 * </ul>
 * A maximum of {@code +infinity} means no upper bound.
 */
public sealed interface ChannelBound
        permits ChannelBound.Absolute, ChannelBound.FractionOfBudget, ChannelBound.MultipleOfCurrent {

    /**
     * @param budget the total budget
     * @param current the channel's current spend over the horizon
     * @return {@code {min, max}} in currency
     */
    double[] resolve(double budget, double current);

    /**
     * @param min the minimum, finite and at least 0
     * @param max the maximum, at least {@code min}; may be {@code +infinity}
     * @return absolute bounds
     */
    static ChannelBound absolute(double min, double max) {
        return new Absolute(min, max);
    }

    /**
     * @param min the minimum fraction of the budget, in [0, 1]
     * @param max the maximum fraction, in [min, 1]
     * @return bounds as fractions of the budget
     */
    static ChannelBound fractionOfBudget(double min, double max) {
        return new FractionOfBudget(min, max);
    }

    /**
     * @param min the minimum multiple of current spend, at least 0
     * @param max the maximum multiple, at least {@code min}; may be {@code +infinity}
     * @return bounds as multiples of current spend
     */
    static ChannelBound multipleOfCurrent(double min, double max) {
        return new MultipleOfCurrent(min, max);
    }

    private static void check(double min, double max) {
        Checks.checkNonNegative("min", min);
        Checks.checkArgument(max >= min, "max = %s; must be >= min = %s", max, min);
    }

    /**
     * Absolute bounds.
     *
     * @param min the minimum
     * @param max the maximum, possibly {@code +infinity}
     */
    record Absolute(double min, double max) implements ChannelBound {
        /** Validates. */
        public Absolute {
            check(min, max);
        }

        @Override
        public double[] resolve(double budget, double current) {
            return new double[] {min, max};
        }
    }

    /**
     * Bounds as fractions of the budget.
     *
     * @param min the minimum fraction
     * @param max the maximum fraction, at most 1
     */
    record FractionOfBudget(double min, double max) implements ChannelBound {
        /** Validates. */
        public FractionOfBudget {
            check(min, max);
            Checks.checkInClosed("max", max, 0, 1);
        }

        @Override
        public double[] resolve(double budget, double current) {
            return new double[] {min * budget, max * budget};
        }
    }

    /**
     * Bounds as multiples of the channel's current spend.
     *
     * @param min the minimum multiple
     * @param max the maximum multiple, possibly {@code +infinity}
     */
    record MultipleOfCurrent(double min, double max) implements ChannelBound {
        /** Validates. */
        public MultipleOfCurrent {
            check(min, max);
        }

        @Override
        public double[] resolve(double budget, double current) {
            return new double[] {min * current, max == Double.POSITIVE_INFINITY ? max : max * current};
        }
    }
}
