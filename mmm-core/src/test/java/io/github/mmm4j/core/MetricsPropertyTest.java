package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/** Invariants of {@link Metrics} over random series (bounded magnitudes, see {@link Tolerances#RELATIVE}). */
class MetricsPropertyTest {

    /** A pair of equally long series, actual and predicted. */
    record Pair(double[] y, double[] p) {
    }

    @Provide
    Arbitrary<double[]> series() {
        return Arbitraries.doubles().between(-1000, 1000).ofScale(6).array(double[].class).ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<Pair> pairs() {
        return Arbitraries.integers().between(1, 60).flatMap(n -> Combinators.combine(
                Arbitraries.doubles().between(-1000, 1000).ofScale(6).array(double[].class).ofSize(n),
                Arbitraries.doubles().between(-1000, 1000).ofScale(6).array(double[].class).ofSize(n)).as(Pair::new));
    }

    @Property(tries = 300)
    void perfectPredictionHasR2OneAndZeroErrors(@ForAll("series") double[] y) {
        FitMetrics m = FitMetrics.of(y, y.clone(), 0);
        assertEquals(1, m.r2());
        assertEquals(0, m.mae());
        assertEquals(0, m.rmse());
        assertEquals(0, m.smape());
        boolean allZero = java.util.Arrays.stream(y).allMatch(v -> v == 0);
        assertEquals(allZero ? Double.NaN : 0, m.mape());
        boolean constant = java.util.Arrays.stream(y).allMatch(v -> v == y[0]);
        assertEquals(constant ? Double.NaN : 0, m.nrmse());
    }

    @Property(tries = 300)
    void predictingTheMeanGivesR2Zero(@ForAll("series") double[] y) {
        net.jqwik.api.Assume.that(java.util.Arrays.stream(y).anyMatch(v -> v != y[0]));
        double[] p = new double[y.length];
        java.util.Arrays.fill(p, Metrics.mean(y));
        assertEquals(0, Metrics.r2(y, p), Tolerances.RELATIVE);
    }

    @Property(tries = 300)
    void maeAndRmseAreTranslationInvariant(@ForAll("pairs") Pair d,
            @ForAll @DoubleRange(min = -1000, max = 1000) @Scale(6) double shift) {
        double[] y = d.y().clone();
        double[] p = d.p().clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += shift;
            p[i] += shift;
        }
        assertTrue(Tolerances.relativelyEqual(Metrics.mae(d.y(), d.p()), Metrics.mae(y, p)));
        assertTrue(Tolerances.relativelyEqual(Metrics.rmse(d.y(), d.p()), Metrics.rmse(y, p)));
    }

    @Property(tries = 300)
    void mapeAndSmapeAreScaleInvariant(@ForAll("pairs") Pair d,
            @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(6) double scale, @ForAll boolean negate) {
        double s = negate ? -scale : scale;
        double[] y = d.y().clone();
        double[] p = d.p().clone();
        for (int i = 0; i < y.length; i++) {
            y[i] *= s;
            p[i] *= s;
        }
        double before = Metrics.mape(d.y(), d.p());
        double after = Metrics.mape(y, p);
        assertTrue(Double.isNaN(before) ? Double.isNaN(after) : Tolerances.relativelyEqual(before, after),
                before + " vs " + after);
        assertTrue(Tolerances.relativelyEqual(Metrics.smape(d.y(), d.p()), Metrics.smape(y, p)));
    }

    @Property(tries = 300)
    void boundsAndOrdering(@ForAll("pairs") Pair d) {
        double r2 = Metrics.r2(d.y(), d.p());
        double smape = Metrics.smape(d.y(), d.p());
        double mae = Metrics.mae(d.y(), d.p());
        double rmse = Metrics.rmse(d.y(), d.p());
        assertTrue(r2 <= 1, "R2 <= 1: " + r2);
        assertTrue(smape >= 0 && smape <= 2 + Tolerances.RELATIVE, "sMAPE in [0, 2]: " + smape);
        assertTrue(mae >= 0 && mae <= rmse * (1 + Tolerances.RELATIVE), "0 <= MAE <= RMSE: " + mae + ", " + rmse);
    }
}
