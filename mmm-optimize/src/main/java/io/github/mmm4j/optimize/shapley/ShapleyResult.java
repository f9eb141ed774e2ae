package io.github.mmm4j.optimize.shapley;

import io.github.mmm4j.core.Checks;
import java.util.List;
import java.util.Objects;

/**
 * Shapley values of the channels.
 *
 * @param names the channels, in player order
 * @param values (input) copied; the Shapley value of each channel, KPI units over the window
 * @param standardErrors (input) copied; the Monte Carlo standard error of each value (0 for exact values)
 * @param emptyValue {@code v(empty)}: the KPI with no media
 * @param fullValue {@code v(N)}: the KPI with every channel's spend
 * @param method how the values were computed
 * @param samples the number of antithetic permutation pairs (0 for exact values)
 */
public record ShapleyResult(List<String> names, double[] values, double[] standardErrors, double emptyValue,
        double fullValue, Method method, int samples) {

    /** How the values were computed. */
    public enum Method {
        /** Exact enumeration of every coalition. */
        EXACT,
        /** Monte Carlo over permutations, in antithetic pairs (an order and its reverse). */
        PERMUTATION
    }

    /** Validates and copies. */
    public ShapleyResult {
        names = List.copyOf(names);
        Checks.checkLength("values", values, names.size());
        Checks.checkLength("standardErrors", standardErrors, names.size());
        values = values.clone();
        standardErrors = standardErrors.clone();
        Checks.checkAllFinite("values", values);
        Checks.checkAllFinite("standardErrors", standardErrors);
        Objects.requireNonNull(method, "method");
    }

    /** @return a copy of the Shapley values */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return a copy of the standard errors */
    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /** @return the total media effect {@code v(N) - v(empty)}, which the values sum to (efficiency) */
    public double total() {
        return fullValue - emptyValue;
    }

    /**
     * @param name a channel
     * @return its Shapley value
     * @throws IllegalArgumentException if there is no such channel
     */
    public double value(String name) {
        int i = names.indexOf(name);
        Checks.checkArgument(i >= 0, "no channel '%s'; channels are %s", name, names);
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShapleyResult r && names.equals(r.names) && java.util.Arrays.equals(values, r.values)
                && java.util.Arrays.equals(standardErrors, r.standardErrors)
                && Double.compare(emptyValue, r.emptyValue) == 0 && Double.compare(fullValue, r.fullValue) == 0
                && method == r.method && samples == r.samples;
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, java.util.Arrays.hashCode(values), method, samples);
    }

    @Override
    public String toString() {
        return "ShapleyResult[names=" + names + ", values=" + java.util.Arrays.toString(values) + ", method=" + method
                + "]";
    }
}
