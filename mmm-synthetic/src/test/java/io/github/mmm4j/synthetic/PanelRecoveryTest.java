package io.github.mmm4j.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.MmmDataset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The panel recovery study's bookkeeping, checked with estimators whose answers are known: an oracle that returns the
 * truth of the panel it is given (with a +-10% interval), and a biased one that returns 1.5 times the truth with an
 * interval that misses it (elasticities: the estimate +- 0.1).
 */
class PanelRecoveryTest {

    private static final BrandRegionProcess.Config CONFIG = BrandRegionProcess.Config.of(2, 3, 40);

    /** Answers from the truth of the draw behind the data, found by the data's first KPI value. */
    private static PanelRecovery.Estimator scaled(RecoveryOptions options, double factor, double lowFactor,
            double highFactor) {
        Map<Double, BrandRegionProcess.Draw> draws = new HashMap<>();
        for (long[] s : RecoveryBenchmark.replicateSeeds(options.replicates(), options.seed())) {
            BrandRegionProcess.Draw d = BrandRegionProcess.draw(CONFIG, s[0]);
            draws.put(d.data().kpi(0), d);
        }
        return (MmmDataset data, long seed) -> {
            BrandRegionProcess.Draw d = draws.get(data.kpi(0));
            return new PanelRecovery.Fit() {
                @Override
                public List<Estimate.Channel> channelsOver(List<String> geos) {
                    int[] cells = geos.stream().mapToInt(g -> data.geos().indexOf(g)).toArray();
                    List<Estimate.Channel> out = new ArrayList<>();
                    for (int c = 0; c < data.nChannels(); c++) {
                        double r = d.roi(cells, c);
                        out.add(new Estimate.Channel(data.channels().get(c), factor * r, Double.NaN, lowFactor * r,
                                highFactor * r));
                    }
                    return out;
                }

                @Override
                public Optional<PanelRecovery.Value> elasticity(String brand) {
                    double e = d.elasticity()[d.brands().indexOf(brand)];
                    return Optional.of(new PanelRecovery.Value(factor * e, factor * e - 0.1, factor * e + 0.1));
                }
            };
        };
    }

    @Test
    void anOracleHasNoErrorAndFullCoverage() {
        RecoveryOptions options = new RecoveryOptions(3, 5, 1);
        PanelRecoveryReport r = PanelRecovery.run(CONFIG, "oracle", scaled(options, 1, 0.9, 1.1), options, n -> { });
        assertEquals(3, r.replicates().size());
        assertEquals(4 * 4, r.levels().size());
        for (PanelRecoveryReport.LevelSummary s : r.levels()) {
            int perReplicate = switch (s.level()) {
                case TOTAL -> 1;
                case BRAND -> 2;
                case REGION -> 3;
                case CELL -> 6;
            };
            assertEquals(3 * perReplicate, s.units(), s.toString());
            assertEquals(0, s.meanError(), 1e-12);
            assertEquals(1, s.coverage90());
            assertEquals(s.units(), s.covered());
            assertEquals(s.units(), s.intervals());
            assertEquals(0.2, s.meanRelWidth(), 1e-12);
        }
        assertEquals(1, r.cellCoverage());
        assertEquals(3 * 6 * 4, r.cellIntervals());
        assertEquals(0, r.meanAbsTotalError(), 1e-12);
        assertEquals(6, r.elasticityInside());
        assertEquals(6, r.elasticityIntervals());
        assertEquals(0, r.pointsOutside());
        assertEquals(-1.8, r.elasticities().get(1).truth());
        assertTrue(r.table().contains("per-cell 90% coverage 1.000 of 72 intervals"), r.table());
    }

    @Test
    void aBiasedModelIsMeasuredAsSo() {
        RecoveryOptions options = new RecoveryOptions(2, 9, 1);
        PanelRecoveryReport r = PanelRecovery.run(CONFIG, "biased", scaled(options, 1.5, 1.2, 1.4), options, n -> { });
        for (PanelRecoveryReport.LevelSummary s : r.levels()) {
            assertEquals(0.5, s.meanError(), 1e-12);
            assertEquals(0.5, s.meanAbsError(), 1e-12);
            assertEquals(0, s.coverage90());
            assertEquals(0, s.covered());
            assertEquals(s.units(), s.pointsOutside(), "1.5 r lies outside [1.2 r, 1.4 r]");
        }
        assertEquals(0, r.cellCoverage());
        assertEquals(0.5, r.meanAbsTotalError(), 1e-12);
        // 1.5 e +- 0.1 misses e by at least 0.4 - 0.1
        assertEquals(0, r.elasticityInside());
        assertEquals(0.5 * -1.2, r.elasticities().get(0).bias(), 1e-12);
    }

    @Test
    void theReportDoesNotDependOnTheThreadCount() {
        RecoveryOptions one = new RecoveryOptions(4, 3, 1);
        RecoveryOptions two = new RecoveryOptions(4, 3, 2);
        String a = PanelRecovery.run(CONFIG, "oracle", scaled(one, 1.1, 0.9, 1.2), one, n -> { }).toJson();
        String b = PanelRecovery.run(CONFIG, "oracle", scaled(two, 1.1, 0.9, 1.2), two, n -> { }).toJson();
        assertEquals(a, b);
        assertTrue(a.contains("\"scenario\" : \"brand-region\"") && a.contains("\"cellCoverage\" : 1.0"), a);
    }
}
