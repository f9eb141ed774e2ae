package io.github.mmm4j.core;

/**
 * The fit measures of one prediction against actual values; see {@link Metrics} for each definition.
 * Percentages are fractions (0.05 is 5%).
 *
 * @param n number of observations
 * @param r2 coefficient of determination
 * @param adjustedR2 adjusted R² (NaN when undefined)
 * @param mape mean absolute percentage error (NaN when undefined)
 * @param smape symmetric MAPE
 * @param mae mean absolute error
 * @param rmse root mean squared error
 * @param nrmse RMSE / range of the actual values (Robyn's NRMSE; NaN when undefined)
 */
public record FitMetrics(int n, double r2, double adjustedR2, double mape, double smape, double mae, double rmse,
        double nrmse) {

    /**
     * Computes every measure.
     *
     * @param actual (input) not modified
     * @param predicted (input) not modified
     * @param predictors number of predictors besides the intercept, for adjusted R²
     * @return the measures
     */
    public static FitMetrics of(double[] actual, double[] predicted, int predictors) {
        return new FitMetrics(actual.length, Metrics.r2(actual, predicted),
                Metrics.adjustedR2(actual, predicted, predictors), Metrics.mape(actual, predicted),
                Metrics.smape(actual, predicted), Metrics.mae(actual, predicted), Metrics.rmse(actual, predicted),
                Metrics.nrmse(actual, predicted));
    }
}
