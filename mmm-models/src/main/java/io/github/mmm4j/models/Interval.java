package io.github.mmm4j.models;

import io.github.mmm4j.core.Checks;
import java.util.Arrays;

/**
 * A two-sided interval estimate: a bootstrap percentile interval or a Bayesian equal-tailed credible
 * interval.
 *
 * @param lower the lower bound
 * @param upper the upper bound, at least {@code lower}
 * @param level the nominal coverage, in (0, 1), for example 0.9
 */
public record Interval(double lower, double upper, double level) {

    /** Validates. */
    public Interval {
        Checks.checkFinite("lower", lower);
        Checks.checkFinite("upper", upper);
        Checks.checkArgument(lower <= upper, "lower = %s > upper = %s", lower, upper);
        Checks.checkArgument(level > 0 && level < 1, "level = %s; must be in (0, 1)", level);
    }

    /**
     * The equal-tailed interval of a sample: the {@code (1 - level)/2} and {@code (1 + level)/2} quantiles.
     *
     * @param sample (input) not modified; finite values, at least one
     * @param level the nominal coverage
     * @return the interval
     */
    public static Interval of(double[] sample, double level) {
        double[] s = sample.clone();
        Arrays.sort(s);
        return new Interval(quantileSorted(s, (1 - level) / 2), quantileSorted(s, (1 + level) / 2), level);
    }

    /**
     * The equal-tailed interval of a bootstrap sample around a point estimate: the sample's quantiles shifted so that
     * the sample's median falls on the point, {@code [q_lo + (point - median), q_hi + (point - median)]}. This is the
     * percentile interval with its median bias removed (Efron and Tibshirani 1993, "An Introduction to the Bootstrap",
     * chapter 14): the replicates give the interval's width and shape, the full-data fit its centre, so the point
     * always lies inside. When every replicate and the point are non-negative (a non-negative least-squares channel),
     * the shift never carries the lower end below 0, and likewise for non-positive ones: the interval stays within the
     * sign every fit gives.
     *
     * @param sample (input) not modified; the replicates
     * @param level the nominal coverage, in (0, 1)
     * @param point the point estimate, finite
     * @return the interval
     */
    public static Interval around(double[] sample, double level, double point) {
        double[] s = sample.clone();
        Arrays.sort(s);
        double shift = point - quantileSorted(s, 0.5);
        double lo = quantileSorted(s, (1 - level) / 2) + shift;
        double hi = quantileSorted(s, (1 + level) / 2) + shift;
        if (s[0] >= 0 && point >= 0) {
            lo = Math.max(lo, 0.0);
        }
        if (s[s.length - 1] <= 0 && point <= 0) {
            hi = Math.min(hi, 0.0);
        }
        return new Interval(lo, hi, level);
    }

    /**
     * The {@code p}-quantile of sorted values by linear interpolation between order statistics (type 7 of
     * Hyndman and Fan 1996, the default of R and numpy).
     *
     * @param sorted (input) not modified; ascending, at least one value
     * @param p the probability, in [0, 1]
     * @return the quantile
     */
    public static double quantileSorted(double[] sorted, double p) {
        Checks.checkArgument(sorted.length > 0, "empty sample");
        Checks.checkInClosed("p", p, 0, 1);
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * @param value a value
     * @return true if {@code lower <= value <= upper}
     */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
