package io.github.mmm4j.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.MmmDataset;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The arbitraries generate valid scenarios whose data and truth agree. The invariants hold for every scenario, so
 * these properties cannot fail by chance whatever seeds jqwik draws.
 */
class ScenariosProperties {

    @Property(tries = 5)
    void easyScenariosGenerateValidData(@ForAll("easy") Scenario s) {
        check(s);
    }

    @Property(tries = 5)
    void realisticScenariosGenerateValidData(@ForAll("realistic") Scenario s) {
        check(s);
    }

    @Property(tries = 5)
    void hardScenariosGenerateValidData(@ForAll("hard") Scenario s) {
        check(s);
    }

    @Property(tries = 3)
    void geoScenariosGenerateValidData(@ForAll("geo") Scenario s) {
        check(s);
    }

    @Property(tries = 5)
    void brandRegionPanelsAreValidAndTheirTruthAddsUp(@ForAll("panels") BrandRegionProcess.Draw d) {
        MmmDataset data = d.data();
        int nb = d.brands().size();
        int nr = d.regions().size();
        assertEquals(nb * nr, data.nGeos());
        assertEquals(d.config().weeks(), data.nPeriods());
        for (int c = 0; c < data.nChannels(); c++) {
            double total = d.totalRoi(c);
            assertTrue(total > 0 && Double.isFinite(total), "total ROI " + total);
            for (int b = 0; b < nb; b++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int g : d.brandCells(b)) {
                    double r = d.roi(new int[] {g}, c);
                    lo = Math.min(lo, r);
                    hi = Math.max(hi, r);
                }
                double brand = d.roi(d.brandCells(b), c);
                assertTrue(brand >= lo * (1 - 1e-12) && brand <= hi * (1 + 1e-12),
                        "a brand's ROI lies within its cells'");
            }
            double spend = 0;
            for (int r = 0; r < nr; r++) {
                assertEquals(nb, d.regionCells(r).length);
                for (int g : d.regionCells(r)) {
                    spend += d.cellSpend()[g][c];
                }
            }
            double[] column = data.spendColumn(c);
            double sum = 0;
            for (double v : column) {
                assertTrue(v >= 0);
                sum += v;
            }
            assertEquals(sum, spend, 1e-9 * sum);
        }
        for (double k : data.kpi()) {
            assertTrue(Double.isFinite(k));
        }
    }

    @Provide
    Arbitrary<BrandRegionProcess.Draw> panels() {
        return Scenarios.brandRegion();
    }

    private static void check(Scenario s) {
        Generated g = s.generate();
        MmmDataset d = g.data();
        assertEquals(s.spec().periods() * s.spec().nGeos(), d.nRows());
        assertEquals(s.spec().channelNames(), d.channels());
        double[] kpi = d.kpi();
        double[] signal = g.truth().signal();
        double[] noise = g.truth().noise();
        for (int r = 0; r < kpi.length; r++) {
            assertTrue(Double.isFinite(kpi[r]));
            assertTrue(Tolerances.close(kpi[r] - noise[r], signal[r], Tolerances.SUM));
        }
        for (ChannelTruth t : g.truth().channels()) {
            assertTrue(t.spend() > 0 && t.roi() >= 0 && Double.isFinite(t.mroi()), t.toString());
        }
        assertEquals(s.spec(), ScenarioFiles.fromJson(ScenarioFiles.toJson(s.spec())));
        assertEquals(g.truth().toJson(), s.generate().truth().toJson());
    }

    @Provide
    Arbitrary<Scenario> easy() {
        return Scenarios.easy();
    }

    @Provide
    Arbitrary<Scenario> realistic() {
        return Scenarios.realistic();
    }

    @Provide
    Arbitrary<Scenario> hard() {
        return Scenarios.hard();
    }

    @Provide
    Arbitrary<Scenario> geo() {
        return Scenarios.geo();
    }
}
