package io.github.mmm4j.models;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.TimeIndex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The panel design's geo levels: each geo's trend and seasonality columns are the national ones times its mean
 * training KPI over the mean of all geos; national data and panels with a non-positive geo mean keep level 1; the
 * levels travel with the frame through model.json.
 */
class PanelDesignTest {

    private static MmmDataset panel(double[] geoMeans, int weeks) {
        TimeIndex time = TimeIndex.regular(LocalDate.of(2023, 1, 2), Frequency.WEEKLY, weeks);
        int ng = geoMeans.length;
        double[] kpi = new double[ng * weeks];
        double[] spend = new double[ng * weeks];
        List<String> geos = new java.util.ArrayList<>();
        for (int g = 0; g < ng; g++) {
            geos.add("geo" + g);
            for (int t = 0; t < weeks; t++) {
                // alternating +-1 around the mean: an even number of weeks keeps the mean exact
                kpi[g * weeks + t] = geoMeans[g] + (t % 2 == 0 ? 1 : -1);
                spend[g * weeks + t] = 100 + t;
            }
        }
        return MmmDataset.builder(time).geos(geos).kpi("sales", kpi).channel("tv", spend).build();
    }

    @Test
    void trendAndSeasonalityScaleWithEachGeosLevel() {
        MmmDataset data = panel(new double[] {100, 300}, 20);
        Design.Frame frame = Design.Frame.of(data);
        assertEquals(0.5, frame.geoLevel()[0], 1e-12);
        assertEquals(1.5, frame.geoLevel()[1], 1e-12);
        ModelSpec spec = ModelSpec.defaults(data);
        Design d = Design.of(data, spec, frame);
        int trend = d.columnNames().indexOf("trend");
        int sin1 = d.columnNames().indexOf("sin1");
        for (int t = 0; t < 20; t++) {
            double years = data.time().years(t);
            assertEquals(0.5 * years, d.get(t, trend), 1e-12);
            assertEquals(1.5 * years, d.get(20 + t, trend), 1e-12);
            assertEquals(3 * d.get(t, sin1), d.get(20 + t, sin1), 1e-12);
        }
        MmmDataset national = data.geo("geo1");
        assertEquals(1.0, Design.Frame.of(national).geoLevel()[0]);
    }

    @Test
    void aGeoWithoutPositiveMeanKeepsEveryLevelAtOne() {
        Design.Frame frame = Design.Frame.of(panel(new double[] {100, -50}, 10));
        assertEquals(1.0, frame.geoLevel()[0]);
        assertEquals(1.0, frame.geoLevel()[1]);
        assertThrows(IllegalArgumentException.class, () -> new Design.Frame(frame.origin(), frame.mediaScale(),
                frame.geos(), new double[] {1.0}));
    }

    @Test
    void levelsTravelThroughModelJson() {
        MmmDataset data = panel(new double[] {80, 120, 400}, 30);
        FittedModel m = Ridge.fit(data, ModelSpec.defaults(data), RidgeOptions.defaults().withLambda(1));
        FittedModel back = ModelJson.fromJson(ModelJson.toJson(m));
        assertEquals(m.frame(), back.frame());
        assertEquals(m.channels(), back.channels());
    }

    @Test
    void totalFitMeasuresTheKpiSummedOverGeos() {
        MmmDataset data = panel(new double[] {80, 120, 400}, 30);
        FittedModel m = Ridge.fit(data, ModelSpec.defaults(data), RidgeOptions.defaults().withLambda(1).withHoldout(6));
        double[] p = m.predict(data);
        double[] y = data.kpi();
        double[] ys = new double[24];
        double[] ps = new double[24];
        for (int g = 0; g < 3; g++) {
            for (int t = 0; t < 24; t++) {
                ys[t] += y[g * 30 + t];
                ps[t] += p[g * 30 + t];
            }
        }
        io.github.mmm4j.core.FitMetrics expected = io.github.mmm4j.core.FitMetrics.of(ys, ps, 1);
        io.github.mmm4j.core.FitMetrics total = m.totalTrainMetrics().orElseThrow();
        assertEquals(24, total.n());
        assertEquals(expected.mape(), total.mape(), 1e-12);
        assertEquals(expected.r2(), total.r2(), 1e-12);
        assertEquals(6, m.totalTestMetrics().orElseThrow().n());
        MmmDataset national = data.geo("geo2");
        FittedModel n = Ridge.fit(national, ModelSpec.defaults(national), RidgeOptions.defaults().withLambda(1));
        assertTrue(n.totalTrainMetrics().isEmpty());
        assertTrue(n.totalTestMetrics().isEmpty());
    }
}
