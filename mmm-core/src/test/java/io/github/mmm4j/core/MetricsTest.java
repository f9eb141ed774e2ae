package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link Metrics} and {@link FitMetrics} against values computed by hand on tiny examples. */
class MetricsTest {

    /* y = [1, 2, 3, 4], p = [1.5, 2, 2.5, 5]: errors y - p = [-0.5, 0, 0.5, -1], mean(y) = 2.5,
       SS_res = 1.5, SS_tot = 5, range(y) = 3. */
    private static final double[] Y = {1, 2, 3, 4};
    private static final double[] P = {1.5, 2, 2.5, 5};
    private static final double TOL = Tolerances.CLOSED_FORM;

    @Test
    void closedFormValues() {
        assertAll(
                () -> assertEquals(1 - 1.5 / 5, Metrics.r2(Y, P), TOL, "R2 = 1 - 1.5/5 = 0.7"),
                () -> assertEquals(1 - 0.3 * 3 / 2, Metrics.adjustedR2(Y, P, 1), TOL, "adj R2 k=1: 0.55"),
                () -> assertEquals(1 - 0.3 * 3 / 1, Metrics.adjustedR2(Y, P, 2), TOL, "adj R2 k=2: 0.1"),
                () -> assertEquals(Metrics.r2(Y, P), Metrics.adjustedR2(Y, P, 0), TOL, "adj R2 k=0 = R2"),
                () -> assertEquals(11.0 / 48, Metrics.mape(Y, P), TOL, "MAPE = (0.5 + 1/6 + 1/4) / 4"),
                () -> assertEquals((0.4 + 2.0 / 11 + 2.0 / 9) / 4, Metrics.smape(Y, P), TOL,
                        "sMAPE = (1/2.5 + 0 + 1/5.5 + 2/9) / 4"),
                () -> assertEquals(0.5, Metrics.mae(Y, P), TOL, "MAE = 2/4"),
                () -> assertEquals(Math.sqrt(0.375), Metrics.rmse(Y, P), TOL, "RMSE = sqrt(1.5/4)"),
                () -> assertEquals(Math.sqrt(0.375) / 3, Metrics.nrmse(Y, P), TOL, "NRMSE = RMSE / (4 - 1)"),
                () -> assertEquals(2.5, Metrics.mean(Y), TOL));
    }

    @Test
    void adjustedR2IsUndefinedWithTooFewObservations() {
        assertEquals(Double.NaN, Metrics.adjustedR2(Y, P, 3));
        assertEquals(Double.NaN, Metrics.adjustedR2(Y, P, 10));
        assertEquals("k = -1; must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> Metrics.adjustedR2(Y, P, -1)).getMessage());
    }

    @Test
    void mapeSkipsZeroActualsAndIsUndefinedWhenAllAreZero() {
        assertEquals((1.0 / 2 + 1.0 / 4) / 2, Metrics.mape(new double[] {0, 2, 4}, new double[] {1, 1, 5}), TOL);
        assertEquals(Double.NaN, Metrics.mape(new double[] {0, 0}, new double[] {1, 2}));
        assertEquals(0.5, Metrics.mape(new double[] {-2}, new double[] {-1}), TOL, "uses |y|");
    }

    @Test
    void smapeCountsDoubleZeroRowsAsZeroAndIsBoundedByTwo() {
        assertEquals(0, Metrics.smape(new double[] {0, 2}, new double[] {0, 2}), TOL);
        assertEquals(2, Metrics.smape(new double[] {0}, new double[] {1}), TOL);
        assertEquals(2, Metrics.smape(new double[] {1}, new double[] {-1}), TOL);
    }

    @Test
    void r2OfPredictingTheMeanIsZeroAndCanBeNegative() {
        assertEquals(0, Metrics.r2(Y, new double[] {2.5, 2.5, 2.5, 2.5}), TOL);
        assertEquals(1 - 8.0 / 2, Metrics.r2(new double[] {1, 2, 3}, new double[] {3, 2, 1}), TOL);
    }

    @Test
    void constantActualsAreDocumentedSpecialCases() {
        double[] c = {3, 3, 3};
        assertEquals(1, Metrics.r2(c, c.clone()));
        assertEquals(0, Metrics.r2(c, new double[] {3, 4, 3}));
        assertEquals(Double.NaN, Metrics.nrmse(c, new double[] {3, 4, 3}));
    }

    @Test
    void perfectPrediction() {
        FitMetrics m = FitMetrics.of(Y, Y.clone(), 1);
        assertEquals(new FitMetrics(4, 1, 1, 0, 0, 0, 0, 0), m);
    }

    @Test
    void fitMetricsCollectsEveryMeasure() {
        FitMetrics m = FitMetrics.of(Y, P, 1);
        assertAll(
                () -> assertEquals(4, m.n()),
                () -> assertEquals(Metrics.r2(Y, P), m.r2()),
                () -> assertEquals(Metrics.adjustedR2(Y, P, 1), m.adjustedR2()),
                () -> assertEquals(Metrics.mape(Y, P), m.mape()),
                () -> assertEquals(Metrics.smape(Y, P), m.smape()),
                () -> assertEquals(Metrics.mae(Y, P), m.mae()),
                () -> assertEquals(Metrics.rmse(Y, P), m.rmse()),
                () -> assertEquals(Metrics.nrmse(Y, P), m.nrmse()));
    }

    @Test
    void inputsAreNotModified() {
        double[] y = Y.clone();
        double[] p = P.clone();
        FitMetrics.of(y, p, 1);
        assertEquals(java.util.List.of(1.0, 2.0, 3.0, 4.0), java.util.Arrays.stream(y).boxed().toList());
        assertEquals(java.util.List.of(1.5, 2.0, 2.5, 5.0), java.util.Arrays.stream(p).boxed().toList());
    }

    @Test
    void rejectsMismatchedEmptyNonFiniteAndNull() {
        double[] two = {1, 2};
        double[] three = {1, 2, 3};
        assertAll(
                () -> assertEquals("y.length = 3 but p.length = 2",
                        assertThrows(IllegalArgumentException.class, () -> Metrics.rmse(three, two)).getMessage()),
                () -> assertEquals("y is empty", assertThrows(IllegalArgumentException.class,
                        () -> Metrics.mae(new double[0], new double[0])).getMessage()),
                () -> assertEquals("p[1] = NaN; must be finite", assertThrows(IllegalArgumentException.class,
                        () -> Metrics.r2(two, new double[] {1, Double.NaN})).getMessage()),
                () -> assertEquals("y[0] = Infinity; must be finite", assertThrows(IllegalArgumentException.class,
                        () -> Metrics.mape(new double[] {Double.POSITIVE_INFINITY, 1}, two)).getMessage()),
                () -> assertEquals("y[1] = NaN; must be finite", assertThrows(IllegalArgumentException.class,
                        () -> Metrics.nrmse(new double[] {1, Double.NaN}, two)).getMessage()),
                () -> assertThrows(IllegalArgumentException.class, () -> Metrics.smape(two, three)),
                () -> assertThrows(IllegalArgumentException.class, () -> Metrics.adjustedR2(two, three, 0)),
                () -> assertThrows(IllegalArgumentException.class, () -> FitMetrics.of(two, three, 0)),
                () -> assertThrows(NullPointerException.class, () -> Metrics.r2(null, two)),
                () -> assertThrows(NullPointerException.class, () -> Metrics.r2(two, null)),
                () -> assertEquals("empty array", assertThrows(IllegalArgumentException.class,
                        () -> Metrics.mean(new double[0])).getMessage()));
    }
}
