package io.github.mmm4j.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mmm4j.core.MmmDataset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecoveryBenchmarkTest {

    /** Knows the true transforms and effects; recomputes the true contributions from the data alone. */
    static RecoveryEstimator oracle(ScenarioSpec spec, double halfWidth) {
        return (data, seed) -> {
            int nt = data.nPeriods();
            double[] contribution = new double[data.nChannels()];
            double total = 0;
            for (int c = 0; c < data.nChannels(); c++) {
                ScenarioSpec.Channel ch = spec.channels().get(c);
                double scale = data.totalSpend(c) / data.nRows();
                double[] x = new double[nt];
                double[] a = new double[nt];
                for (int g = 0; g < data.nGeos(); g++) {
                    for (int t = 0; t < nt; t++) {
                        x[t] = data.spend(g * nt + t, c) / scale;
                    }
                    ch.adstock().apply(x, nt, a);
                    ch.saturation().apply(a, nt, a);
                    for (int t = 0; t < nt; t++) {
                        contribution[c] += ch.effect() * spec.geos().get(g).mediaEffect() * a[t];
                    }
                }
                total += contribution[c];
            }
            List<Estimate.Channel> out = new ArrayList<>();
            for (int c = 0; c < data.nChannels(); c++) {
                double roi = contribution[c] / data.totalSpend(c);
                out.add(new Estimate.Channel(data.channels().get(c), roi, contribution[c] / total, roi - halfWidth,
                        roi + halfWidth));
            }
            return Estimate.of(out);
        };
    }

    /** ROI from the covariance of KPI and spend: a crude, deterministic, imperfect model. */
    static Estimate crude(MmmDataset data, long seed) {
        double[] kpi = data.kpi();
        double mk = Synthetic.mean(kpi);
        List<Estimate.Channel> out = new ArrayList<>();
        double[] roi = new double[data.nChannels()];
        double sum = 0;
        for (int c = 0; c < roi.length; c++) {
            double[] s = data.spendColumn(c);
            double ms = Synthetic.mean(s);
            double cov = 0;
            double var = 0;
            for (int r = 0; r < s.length; r++) {
                cov += (s[r] - ms) * (kpi[r] - mk);
                var += (s[r] - ms) * (s[r] - ms);
            }
            roi[c] = cov / var + 1e-6 * (seed % 7);
            sum += roi[c] * data.totalSpend(c);
        }
        for (int c = 0; c < roi.length; c++) {
            out.add(Estimate.Channel.point(data.channels().get(c), roi[c], roi[c] * data.totalSpend(c) / sum));
        }
        return Estimate.of(out);
    }

    @Test
    void anOracleHasNoBiasFullRankAgreementAndFullCoverage() {
        ScenarioSpec spec = Presets.realistic();
        RecoveryReport r = RecoveryBenchmark.run(spec, "oracle", oracle(spec, 1e-9),
                new RecoveryOptions(4, 1, 1));
        assertEquals(4, r.replicates().size());
        assertEquals(1.0, r.rankCorrelation(), 1e-12);
        for (RecoveryReport.ChannelSummary c : r.channels()) {
            assertEquals(0.0, c.roiBias(), 1e-9, c.name());
            assertEquals(0.0, c.roiRmse(), 1e-9, c.name());
            assertEquals(0.0, c.shareRmse(), 1e-9, c.name());
            assertEquals(1.0, c.coverage90(), 0.0, c.name());
            assertEquals(4, c.intervals());
        }
    }

    @Test
    void resultsAreIdenticalForAnyThreadCount() {
        ScenarioSpec spec = Presets.easy();
        RecoveryOptions o = new RecoveryOptions(6, 99, 1);
        String one = RecoveryBenchmark.run(spec, "crude", RecoveryBenchmarkTest::crude, o).toJson();
        String three = RecoveryBenchmark.run(spec, "crude", RecoveryBenchmarkTest::crude, o.withThreads(3)).toJson();
        assertEquals(one, three);
        String other = RecoveryBenchmark.run(spec, "crude", RecoveryBenchmarkTest::crude, o.withSeed(100)).toJson();
        assertNotEquals(one, other);
    }

    @Test
    void reportJsonAndTableHaveTheDocumentedFields() throws Exception {
        ScenarioSpec spec = Presets.easy();
        RecoveryReport r = RecoveryBenchmark.run(spec, "crude", RecoveryBenchmarkTest::crude,
                new RecoveryOptions(3, 5, 2));
        JsonNode json = new ObjectMapper().readTree(r.toJson());
        assertEquals("easy", json.get("scenario").asText());
        assertEquals("crude", json.get("model").asText());
        assertEquals(3, json.get("replicates").asInt());
        assertTrue(json.get("rankCorrelation").isNumber());
        for (JsonNode c : json.get("channels")) {
            for (String f : List.of("trueRoi", "roi", "roiBias", "roiRmse", "trueShare", "share", "shareBias",
                    "shareRmse")) {
                assertTrue(c.get(f).isNumber(), f);
            }
            assertTrue(c.get("coverage90").isNull(), "no intervals: null coverage");
        }
        assertEquals(3, json.get("replicateResults").size());
        String table = r.table();
        assertTrue(table.contains("ROI RMSE") && table.contains("search"), table);
    }

    @Test
    void replicateSeedsAreFixedInOrderAndDistinct() {
        long[][] a = RecoveryBenchmark.replicateSeeds(50, 42);
        long[][] b = RecoveryBenchmark.replicateSeeds(10, 42);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertTrue(seen.add(a[i][0]) && seen.add(a[i][1]));
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(a[i][0], b[i][0]);
            assertEquals(a[i][1], b[i][1]);
        }
    }

    @Test
    void spearmanHandlesTiesAndDegenerateInput() {
        assertEquals(1.0, RecoveryBenchmark.spearman(new double[] {1, 2, 3}, new double[] {10, 20, 300}), 1e-15);
        assertEquals(-1.0, RecoveryBenchmark.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-15);
        // ranks (1.5, 1.5, 3) vs (1, 2, 3): r = 1.5 / sqrt(1.5 * 2)
        assertEquals(1.5 / Math.sqrt(3.0), RecoveryBenchmark.spearman(new double[] {1, 1, 2}, new double[] {1, 2, 3}),
                1e-15);
        assertTrue(Double.isNaN(RecoveryBenchmark.spearman(new double[] {1}, new double[] {2})));
        assertTrue(Double.isNaN(RecoveryBenchmark.spearman(new double[] {1, 1}, new double[] {2, 3})));
    }

    @Test
    void anEstimateWithoutAChannelIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecoveryBenchmark.run(
                Presets.easy(), "empty", (d, s) -> Estimate.of(List.of()), new RecoveryOptions(1, 1, 1)));
        assertEquals("the estimate has no channel 'tv'", e.getMessage());
    }
}
