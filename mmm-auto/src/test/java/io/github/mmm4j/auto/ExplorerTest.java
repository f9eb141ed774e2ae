package io.github.mmm4j.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.synthetic.DemoData;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplorerTest {

    /** The demo data with the KPI of one week raised by a quarter and tv spend that week quadrupled. */
    static MmmDataset withSpike(MmmDataset d, int week) {
        double[] kpi = d.kpi();
        kpi[week] *= 1.25;
        MmmDataset.Builder b = MmmDataset.builder(d.time()).kpi(d.kpiName(), kpi);
        for (int c = 0; c < d.nChannels(); c++) {
            double[] s = d.spendColumn(c);
            if (c == 0) {
                s[week] = 4 * Math.max(s[week], d.totalSpend(0) / d.nRows());
            }
            b.channel(d.channels().get(c), s);
        }
        for (int k = 0; k < d.nControls(); k++) {
            b.control(d.controls().get(k), d.controlColumn(k));
        }
        for (int e = 0; e < d.nEvents(); e++) {
            b.event(d.events().get(e), d.eventColumn(e));
        }
        return b.build();
    }

    @Test
    void cleanDemoDataIsReady() {
        DataProfile p = Explorer.explore(DemoData.generate(DemoData.DEFAULT_SEED));
        assertEquals(156, p.periods());
        assertEquals(1, p.geos());
        assertEquals("weekly", p.frequency());
        assertEquals(4, p.channels().size());
        assertTrue(p.sparseChannels().isEmpty());
        assertTrue(p.severeCorrelations().isEmpty(), p.severeCorrelations().toString());
        assertTrue(p.readiness() >= 4, p.reasons().toString());
        assertTrue(p.seasonalityStrength() > 0.1, "the demo KPI has yearly seasonality");
        assertEquals(p.parameters(), 1 + 1 + 4 + 1 + 1 + 4, "intercept, trend, 4 Fourier, price, promo, 4 channels");
    }

    @Test
    void findsAnInjectedSpikeWeekAndTheChannelThatSpiked() {
        MmmDataset d = withSpike(DemoData.generate(DemoData.DEFAULT_SEED), 60);
        DataProfile p = Explorer.explore(d);
        KpiAnomaly spike = p.anomalies().stream().filter(a -> a.period() == 60).findFirst().orElseThrow(
                () -> new AssertionError("no anomaly at week 60: " + p.anomalies()));
        assertEquals(d.time().date(60), spike.date());
        assertTrue(spike.robustZ() > Explorer.ANOMALY_Z);
        assertEquals(List.of("tv"), spike.spikingChannels());
        assertTrue(p.reasons().stream().anyMatch(r -> r.contains("event indicator may be missing")), p.reasons().toString());
    }

    @Test
    void flagsSparseChannelsAndCollinearPairsAndLowersReadiness() {
        MmmDataset base = DemoData.generate(7);
        Rng rng = new Rng(1);
        int n = base.nRows();
        double[] tv = base.spendColumn(0);
        double[] twin = new double[n];
        double[] sparse = new double[n];
        for (int t = 0; t < n; t++) {
            twin[t] = tv[t] * (0.95 + 0.1 * rng.nextDouble()) + 10;
            sparse[t] = t % 6 == 0 ? 5000 : 0;
        }
        MmmDataset d = MmmDataset.builder(base.time()).kpi("sales", base.kpi()).channel("tv", tv)
                .channel("tv_twin", twin).channel("radio", sparse).channel("search", base.spendColumn(1)).build();
        DataProfile p = Explorer.explore(d);
        assertEquals(List.of("radio"), p.sparseChannels());
        assertTrue(p.severeCorrelations().stream().anyMatch(s -> s.startsWith("tv ~ tv_twin")), p.severeCorrelations().toString());
        assertTrue(p.mediaCollinearity().severeNames().containsAll(List.of("tv", "tv_twin")));
        assertTrue(p.readiness() <= 3, "readiness " + p.readiness() + ": " + p.reasons());
        assertTrue(p.reasons().stream().anyMatch(r -> r.contains("'radio' has no spend in 83%")), p.reasons().toString());
    }

    @Test
    void shortDataScoresLow() {
        MmmDataset d = DemoData.generate(3).slice(0, 40);
        DataProfile p = Explorer.explore(d);
        assertTrue(p.readiness() <= 2, "readiness " + p.readiness() + ": " + p.reasons());
        assertTrue(p.reasons().get(0).contains("only 40 periods"), p.reasons().toString());
    }

    @Test
    void modifiedZMatchesTheDefinition() {
        double[] v = {1, 2, 3, 4, 100};
        double[] z = Explorer.modifiedZ(v);
        // median 3, MAD = median(|v - 3|) = median(2, 1, 0, 1, 97) = 1
        assertEquals(0.6745 * 97, z[4], 1e-12);
        assertEquals(-0.6745 * 2, z[0], 1e-12);
    }

    /** A panel's readiness names the cells where a channel never spends, is sparse, or barely varies. */
    @Test
    void panelReadinessNamesWeakCells() {
        int nt = 60;
        java.util.List<String> geos = List.of("north", "south", "east", "west");
        int n = nt * geos.size();
        double[] kpi = new double[n];
        double[] tv = new double[n];
        double[] search = new double[n];
        Rng rng = new Rng(9);
        for (int g = 0; g < geos.size(); g++) {
            for (int t = 0; t < nt; t++) {
                int r = g * nt + t;
                kpi[r] = 1000 + 50 * rng.nextGaussian();
                search[r] = 50 + 150 * rng.nextDouble();
                tv[r] = switch (g) {
                    case 0 -> 0.0;                                   // never
                    case 1 -> t % 10 == 0 ? 500 : 0;                 // sparse: 90% zeros
                    case 2 -> 200 + (t % 2);                         // flat
                    default -> 100 + 300 * rng.nextDouble();
                };
            }
        }
        MmmDataset data = MmmDataset.builder(io.github.mmm4j.core.TimeIndex.regular(java.time.LocalDate.of(2023, 1, 2),
                io.github.mmm4j.core.Frequency.WEEKLY, nt)).geos(geos).kpi("sales", kpi).channel("tv", tv)
                .channel("search", search).build();
        List<String> reasons = Explorer.explore(data).reasons();
        String all = String.join("\n", reasons);
        assertTrue(all.contains("channel 'tv' never spends in 1 of 4 cells (north)"), all);
        assertTrue(all.contains("channel 'tv' is sparse in 1 of 4 cells (south)"), all);
        assertTrue(all.contains("channel 'tv' barely varies in 1 of 4 cells (east)"), all);
        assertTrue(reasons.stream().noneMatch(r -> r.contains("'search'") && r.contains("cells")), all);
    }
}
