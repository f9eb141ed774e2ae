package io.github.mmm4j.models.linear;

import io.github.mmm4j.core.Checks;
import java.util.Arrays;
import java.util.Objects;

/**
 * The sign constraint on one coefficient of a {@link Nnls} problem.
 *
 * <p>A {@link #NON_POSITIVE} column is solved by flipping the sign of the column, solving with
 * {@link #NON_NEGATIVE}, and flipping the coefficient and its dual back (Lawson and Hanson 1974,
 * chapter 23, remark on general sign constraints).
 */
public enum Sign {
    /** The coefficient must be {@code >= 0}; its dual satisfies {@code w_j <= tol} when it is 0. */
    NON_NEGATIVE(1.0, true),
    /** The coefficient is unconstrained; its dual satisfies {@code |w_j| <= tol}. */
    FREE(1.0, false),
    /** The coefficient must be {@code <= 0}; its dual satisfies {@code w_j >= -tol} when it is 0. */
    NON_POSITIVE(-1.0, true);

    private final double multiplier;
    private final boolean constrained;

    Sign(double multiplier, boolean constrained) {
        this.multiplier = multiplier;
        this.constrained = constrained;
    }

    /**
     * Returns the factor that maps this column to a non-negative or free one: {@code -1} for
     * {@link #NON_POSITIVE}, {@code +1} otherwise.
     *
     * @return {@code +1} or {@code -1}
     */
    public double multiplier() {
        return multiplier;
    }

    /**
     * Returns whether the coefficient is bounded at zero.
     *
     * @return {@code false} for {@link #FREE} only
     */
    public boolean isConstrained() {
        return constrained;
    }

    /**
     * Returns a new array of {@code n} copies of {@code sign}.
     *
     * @param n the number of columns, {@code >= 0}
     * @param sign the constraint for every column
     * @return a new array of length {@code n}
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public static Sign[] uniform(int n, Sign sign) {
        Objects.requireNonNull(sign, "sign");
        Checks.checkNonNegative("n", n);
        Sign[] out = new Sign[n];
        Arrays.fill(out, sign);
        return out;
    }

    /**
     * Converts a {@code boolean[] nonNegative} mask (scipy / glmnet style) into signs: {@code true} gives
     * {@link #NON_NEGATIVE}, {@code false} gives {@link #FREE}.
     *
     * @param nonNegative (input) not modified
     * @return a new array of the same length
     */
    public static Sign[] fromNonNegativeMask(boolean[] nonNegative) {
        Objects.requireNonNull(nonNegative, "nonNegative");
        Sign[] out = new Sign[nonNegative.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = nonNegative[j] ? NON_NEGATIVE : FREE;
        }
        return out;
    }

    /**
     * Whether coefficients meet their sign constraints.
     *
     * @param signs (input) not modified; the constraint of each coefficient
     * @param b (input) not modified; the coefficients
     * @param q how many to check
     * @return true if every one of the first {@code q} meets its constraint
     */
    public static boolean feasible(Sign[] signs, double[] b, int q) {
        for (int i = 0; i < q; i++) {
            if ((signs[i] == NON_NEGATIVE && b[i] < 0) || (signs[i] == NON_POSITIVE && b[i] > 0)) {
                return false;
            }
        }
        return true;
    }
}
