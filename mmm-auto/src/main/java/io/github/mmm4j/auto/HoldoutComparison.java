package io.github.mmm4j.auto;

import io.github.mmm4j.core.Numbers;
import io.github.mmm4j.models.FittedModel;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A paired comparison of two fits' out-of-sample errors on the same holdout periods: the test behind the quality
 * gate's {@code holdout_no_worse} check and the choice of the best round ({@link AutoAnalysis#best}).
 *
 * <p><b>Loss.</b> Per holdout period {@code t} (the final {@code n} periods held out by both fits), the mean over
 * geos of the absolute error of the point prediction, {@code l_t = mean_g |y_gt - yhat_gt|}; the loss differential is
 * {@code d_t = l_t(candidate) - l_t(reference)}, and the fits' mean absolute errors are the means of {@code l_t}.
 *
 * <p><b>Noise.</b> The Diebold-Mariano statistic (Diebold and Mariano 1995, "Comparing predictive accuracy", JBES
 * 13(3)) {@code DM = mean(d) / se}, with {@code se^2} the Newey-West (1987) long-run variance of {@code d} with
 * Bartlett weights and {@code L = floor(n^(1/3))} lags, divided by {@code n} (holdout errors of a model are
 * autocorrelated: the same misfit carries over from period to period), and the small-sample correction of Harvey,
 * Leybourne and Newbold (1997, "Testing the equality of prediction mean squared errors", IJF 13(2)): the statistic is
 * multiplied by {@code sqrt((n - 1) / n)} and compared with Student's t with {@code n - 1} degrees of freedom. The
 * candidate is {@link #worse()} than the reference beyond noise when its mean absolute error is higher by more than
 * {@link #MATERIAL} of the reference's and the one-sided test rejects equal accuracy at level {@link #ALPHA}; it is
 * {@link #better()} in the mirror case; otherwise the two are equal within noise. With fewer than
 * {@link #MIN_PERIODS} common holdout periods, or when every differential is equal ({@code se = 0}), only the
 * materiality condition applies.
 *
 * @param estimator the estimator compared (the candidate's)
 * @param periods the number of common holdout periods {@code n}
 * @param candidateMae the candidate's mean absolute holdout error, in KPI units per row
 * @param referenceMae the reference's mean absolute holdout error
 * @param meanDifference {@code candidateMae - referenceMae}
 * @param standardError the standard error of {@code meanDifference} (0 when it cannot be estimated)
 * @param statistic the corrected Diebold-Mariano statistic ({@code 0} when {@code standardError} is 0)
 * @param criticalValue the one-sided critical value of Student's t at level {@link #ALPHA} with {@code n - 1}
 *     degrees of freedom ({@code +Infinity} below {@link #MIN_PERIODS} periods)
 */
public record HoldoutComparison(String estimator, int periods, double candidateMae, double referenceMae,
        double meanDifference, double standardError, double statistic, double criticalValue) {

    /** One-sided level of the test. */
    public static final double ALPHA = 0.05;

    /**
     * Smallest relative change of the mean absolute holdout error that counts: differences below 1% of the
     * reference's error are immaterial whatever their significance (a refit that changes nothing of substance).
     */
    public static final double MATERIAL = 0.01;

    /** Fewest common holdout periods for the test; with fewer, only the materiality condition applies. */
    public static final int MIN_PERIODS = 3;

    /** Validates. */
    public HoldoutComparison {
        Objects.requireNonNull(estimator, "estimator");
    }

    /** @return true if the candidate's holdout error is worse than the reference's beyond noise */
    public boolean worse() {
        return meanDifference > MATERIAL * referenceMae && significant();
    }

    /** @return true if the candidate's holdout error is better than the reference's beyond noise */
    public boolean better() {
        return -meanDifference > MATERIAL * referenceMae && significant();
    }

    private boolean significant() {
        return standardError == 0 || Math.abs(statistic) > criticalValue;
    }

    /**
     * Compares two fits of the same data on their common holdout periods.
     *
     * @param candidate the new fit
     * @param reference the fit to beat
     * @return the comparison; empty when either fit has no holdout or the fits' data differ in length
     */
    public static Optional<HoldoutComparison> of(FittedModel candidate, FittedModel reference) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(reference, "reference");
        int nt = candidate.data().nPeriods();
        int ng = candidate.data().nGeos();
        if (reference.data().nPeriods() != nt || reference.data().nGeos() != ng) {
            return Optional.empty();
        }
        int n = Math.min(candidate.holdout(), reference.holdout());
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(compare(candidate.estimator(), losses(candidate, n), losses(reference, n)));
    }

    /**
     * The comparison of two series of per-period losses (for example absolute errors), unnamed.
     *
     * @param candidate (input) not modified; the candidate's loss per period
     * @param reference (input) not modified; the reference's loss per period, same length
     * @return the comparison
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static HoldoutComparison of(double[] candidate, double[] reference) {
        return compare("losses", candidate, reference);
    }

    private static HoldoutComparison compare(String estimator, double[] candidate, double[] reference) {
        int n = candidate.length;
        if (reference.length != n || n == 0) {
            throw new IllegalArgumentException("candidate has " + n + " losses, reference " + reference.length
                    + "; need the same positive number");
        }
        double[] d = new double[n];
        double mc = 0;
        double mr = 0;
        for (int t = 0; t < n; t++) {
            d[t] = candidate[t] - reference[t];
            mc += candidate[t];
            mr += reference[t];
        }
        mc /= n;
        mr /= n;
        double mean = mc - mr;
        if (n < MIN_PERIODS) {
            return new HoldoutComparison(estimator, n, mc, mr, mean, 0, 0, Double.POSITIVE_INFINITY);
        }
        int lags = (int) Math.floor(Math.cbrt(n));
        double lrv = autocovariance(d, mean, 0);
        for (int l = 1; l <= lags && l < n; l++) {
            lrv += 2 * (1 - l / (lags + 1.0)) * autocovariance(d, mean, l);
        }
        double se = Math.sqrt(Math.max(lrv, 0) / n);
        double crit = new TDistribution(n - 1).inverseCumulativeProbability(1 - ALPHA);
        double stat = se == 0 ? 0 : mean / se * Math.sqrt((n - 1.0) / n);
        return new HoldoutComparison(estimator, n, mc, mr, mean, se, stat, crit);
    }

    private static double autocovariance(double[] d, double mean, int lag) {
        double s = 0;
        for (int t = lag; t < d.length; t++) {
            s += (d[t] - mean) * (d[t - lag] - mean);
        }
        return s / d.length;
    }

    /** The mean over geos of the absolute holdout error in each of the final {@code n} periods. */
    private static double[] losses(FittedModel m, int n) {
        int nt = m.data().nPeriods();
        int ng = m.data().nGeos();
        double[] y = m.data().kpi();
        double[] p = m.predict(m.data());
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int t = nt - n + i;
            double s = 0;
            for (int g = 0; g < ng; g++) {
                s += Math.abs(y[g * nt + t] - p[g * nt + t]);
            }
            out[i] = s / ng;
        }
        return out;
    }

    /**
     * @return the figures in words, for example {@code "bayes: holdout MAE 1,234 vs 1,180 (+4.6%) over 13 periods,
     *     DM statistic 2.31 (critical 1.78)"}
     */
    public String describe() {
        String rel = referenceMae == 0 ? "" : String.format(Locale.ROOT, " (%+.1f%%)", 100 * meanDifference / referenceMae);
        String test = standardError == 0 ? (periods < MIN_PERIODS ? ", too few periods for a test" : "")
                : String.format(Locale.ROOT, ", DM statistic %.2f (critical %.2f)", statistic, criticalValue);
        return String.format(Locale.ROOT, "%s: holdout MAE %s vs %s%s over %d periods%s", estimator,
                Numbers.significant(candidateMae, 4), Numbers.significant(referenceMae, 4), rel, periods, test);
    }
}
