package io.github.mmm4j.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.MmmDataset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PresetsTest {

    static double correlation(double[] x, double[] y) {
        double mx = Synthetic.mean(x);
        double my = Synthetic.mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void easyIsLongCleanAndUncorrelated() {
        ScenarioSpec spec = Presets.easy();
        assertEquals(208, spec.periods());
        assertEquals(List.of("tv", "search", "social"), spec.channelNames());
        assertTrue(spec.controls().isEmpty() && spec.collinearity().isEmpty());
        for (long seed = 1; seed <= 5; seed++) {
            Generated g = Synthetic.generate(spec, seed);
            MmmDataset d = g.data();
            for (int a = 0; a < 3; a++) {
                for (int b = a + 1; b < 3; b++) {
                    double r = correlation(d.spendColumn(a), d.spendColumn(b));
                    assertTrue(Math.abs(r) < 0.3, "seed " + seed + " corr(" + a + ", " + b + ") = " + r);
                }
            }
            assertTrue(g.truth().noiseSd() < 0.15 * standardDeviation(g.truth().signal()));
        }
    }

    @Test
    void realisticHas156WeeksSixChannelsFlightingSeasonalityAndNoise() {
        ScenarioSpec spec = Presets.realistic();
        assertEquals(156, spec.periods());
        assertEquals(6, spec.channels().size());
        assertEquals(2, spec.baseline().seasonality().size());
        assertTrue(spec.noise().snr() > 0);
        Generated g = Synthetic.generate(spec, 1);
        double[] tv = g.data().spendColumn(g.data().channelIndex("tv"));
        long off = java.util.Arrays.stream(tv).filter(v -> v == 0).count();
        assertTrue(off > 0.3 * tv.length && off < 0.5 * tv.length, "tv is flighted: off in " + off + " weeks");
        assertEquals(2, g.data().nControls());
        assertEquals(2, g.data().nEvents());
    }

    @Test
    void hardHasACollinearPairASparseChannelAConfounderAndOutliers() {
        ScenarioSpec spec = Presets.hard();
        for (long seed = 1; seed <= 10; seed++) {
            MmmDataset d = Synthetic.generate(spec, seed).data();
            double r = correlation(d.spendColumn(d.channelIndex(Presets.HARD_COLLINEAR_PAIR.get(0))),
                    d.spendColumn(d.channelIndex(Presets.HARD_COLLINEAR_PAIR.get(1))));
            assertTrue(r > 0.8, "seed " + seed + ": corr = " + r);
            double[] sparse = d.spendColumn(d.channelIndex(Presets.HARD_SPARSE_CHANNEL));
            long zero = java.util.Arrays.stream(sparse).filter(v -> v == 0).count();
            assertTrue(zero >= 0.7 * sparse.length, "seed " + seed + ": zero in " + zero + " of " + sparse.length);
            double rc = correlation(d.controlColumn(d.controls().indexOf(Presets.HARD_CONFOUNDER)),
                    d.spendColumn(d.channelIndex(Presets.HARD_CONFOUNDED_CHANNEL)));
            assertTrue(rc > 0.6, "seed " + seed + ": confounder corr = " + rc);
        }
        assertTrue(spec.noise().studentDf() > 0 && spec.noise().outlierFraction() > 0);
        assertEquals(3, Synthetic.generate(spec, 1).truth().outlierRows().length);
    }

    @Test
    void geoHasTwentyGeosWithDistinctScalesAndEffects() {
        ScenarioSpec spec = Presets.geo();
        assertEquals(20, spec.nGeos());
        Generated g = Synthetic.generate(spec, 1);
        assertEquals(20, g.data().nGeos());
        assertEquals(20 * spec.periods(), g.data().nRows());
        Set<Double> scales = new HashSet<>();
        for (ScenarioSpec.Geo geo : spec.geos()) {
            scales.add(geo.scale());
            assertTrue(geo.scale() >= 0.5 && geo.scale() <= 2.0);
            assertTrue(Math.abs(geo.mediaEffect() - 1) <= 0.15);
        }
        assertEquals(20, scales.size());
    }

    @Test
    void unknownPresetNamesThePresets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Presets.byName("nope"));
        assertEquals("unknown preset 'nope'; presets are [easy, realistic, hard, geo]", e.getMessage());
        assertEquals(Presets.hard(), Presets.byName("HARD"));
    }

    private static double standardDeviation(double[] v) {
        double m = Synthetic.mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / v.length);
    }
}
