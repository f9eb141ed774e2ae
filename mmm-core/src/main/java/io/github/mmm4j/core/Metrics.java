package io.github.mmm4j.core;

import java.util.Objects;

/**
 * Goodness-of-fit measures between an actual series {@code y} and a prediction {@code p} of the same
 * length. Arrays are (input) not modified. Each throws {@link IllegalArgumentException} for arrays of
 * different lengths, empty arrays or non-finite values.
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * Coefficient of determination {@code R² = 1 - SS_res / SS_tot}, with {@code SS_tot} about the mean of
     * {@code y}. 1 is a perfect fit; it is negative when the prediction is worse than the mean. When {@code y}
     * is constant, R² is 1 for an exact prediction and 0 otherwise.
     *
     * @param y actual values
     * @param p predicted values
     * @return R²
     */
    public static double r2(double[] y, double[] p) {
        check(y, p);
        double mean = mean(y);
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < y.length; i++) {
            ssRes += (y[i] - p[i]) * (y[i] - p[i]);
            ssTot += (y[i] - mean) * (y[i] - mean);
        }
        if (ssTot == 0) {
            return ssRes == 0 ? 1 : 0;
        }
        return 1 - ssRes / ssTot;
    }

    /**
     * Adjusted R², {@code 1 - (1 - R²)(n - 1)/(n - k - 1)} for {@code k} predictors besides the intercept.
     *
     * @param y actual values
     * @param p predicted values
     * @param k number of predictors, excluding the intercept
     * @return adjusted R², or NaN when {@code n <= k + 1} (undefined)
     */
    public static double adjustedR2(double[] y, double[] p, int k) {
        Checks.checkNonNegative("k", k);
        double r2 = r2(y, p);
        int n = y.length;
        return n - k - 1 <= 0 ? Double.NaN : 1 - (1 - r2) * (n - 1) / (n - k - 1);
    }

    /**
     * Mean absolute percentage error, {@code mean(|y - p| / |y|)} as a fraction (0.05 is 5%), over the rows
     * where {@code y != 0}.
     *
     * @param y actual values
     * @param p predicted values
     * @return MAPE, or NaN when every actual value is 0 (undefined)
     */
    public static double mape(double[] y, double[] p) {
        check(y, p);
        double s = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0) {
                s += Math.abs(y[i] - p[i]) / Math.abs(y[i]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /**
     * Symmetric MAPE, {@code mean(2|y - p| / (|y| + |p|))} as a fraction in [0, 2]; a row where both are 0
     * counts as 0.
     *
     * @param y actual values
     * @param p predicted values
     * @return sMAPE
     */
    public static double smape(double[] y, double[] p) {
        check(y, p);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double d = Math.abs(y[i]) + Math.abs(p[i]);
            s += d == 0 ? 0 : 2 * Math.abs(y[i] - p[i]) / d;
        }
        return s / y.length;
    }

    /**
     * Mean absolute error, {@code mean(|y - p|)}.
     *
     * @param y actual values
     * @param p predicted values
     * @return MAE
     */
    public static double mae(double[] y, double[] p) {
        check(y, p);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += Math.abs(y[i] - p[i]);
        }
        return s / y.length;
    }

    /**
     * Root mean squared error, {@code sqrt(mean((y - p)²))}.
     *
     * @param y actual values
     * @param p predicted values
     * @return RMSE
     */
    public static double rmse(double[] y, double[] p) {
        check(y, p);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (y[i] - p[i]) * (y[i] - p[i]);
        }
        return Math.sqrt(s / y.length);
    }

    /**
     * Normalised RMSE as Robyn defines it: {@code RMSE / (max(y) - min(y))}.
     *
     * @param y actual values
     * @param p predicted values
     * @return NRMSE, or NaN when {@code y} is constant (undefined)
     */
    public static double nrmse(double[] y, double[] p) {
        double rmse = rmse(y, p);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi > lo ? rmse / (hi - lo) : Double.NaN;
    }

    /**
     * @param v values, not empty
     * @return their arithmetic mean
     */
    public static double mean(double[] v) {
        Checks.checkArgument(v.length > 0, "empty array");
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static void check(double[] y, double[] p) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(p, "p");
        Checks.checkArgument(y.length > 0, "y is empty");
        Checks.checkArgument(y.length == p.length, "y.length = %d but p.length = %d", y.length, p.length);
        Checks.checkAllFinite("y", y);
        Checks.checkAllFinite("p", p);
    }
}
