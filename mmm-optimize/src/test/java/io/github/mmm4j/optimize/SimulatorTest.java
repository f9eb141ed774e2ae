package io.github.mmm4j.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Simulator}: the exported what-if computation is {@link PlanningModel#evaluate}. */
class SimulatorTest {

    static final MmmDataset DATA = Fixtures.data(1, 104, 3, 1);
    static final MmmDataset PANEL = Fixtures.data(5, 80, 3, 3);

    /** A posterior-like model: every draw has its own transforms. */
    static FittedModel posterior(MmmDataset data, int draws) {
        List<FittedModel> ds = new ArrayList<>();
        for (int k = 0; k < draws; k++) {
            double u = (k % 7) / 7.0;
            ModelSpec spec = Fixtures.spec(data, new double[] {0.8 + 0.2 * u, 1 + 0.1 * u, 1.5 - 0.2 * u},
                    new double[] {0.8 + 0.4 * u, 1.0, 2 - u});
            ds.add(Fixtures.linear(data, spec, new double[] {380 + 20 * u, 250 - 30 * u, 300 - 10 * k % 3}, null));
        }
        return Fixtures.sampled(ds, 0.9);
    }

    private static void assertSame(ScenarioResult a, ScenarioResult b, double rel) {
        double scale = Math.abs(a.kpi());
        assertEquals(a.kpi(), b.kpi(), rel * scale);
        assertEquals(a.referenceKpi(), b.referenceKpi(), rel * scale);
        assertEquals(a.incrementalKpi(), b.incrementalKpi(), rel * scale);
        assertEquals(a.kpiInterval().isPresent(), b.kpiInterval().isPresent());
        a.kpiInterval().ifPresent(i -> {
            assertEquals(i.lower(), b.kpiInterval().get().lower(), rel * scale);
            assertEquals(i.upper(), b.kpiInterval().get().upper(), rel * scale);
        });
        for (int c = 0; c < a.channels().size(); c++) {
            ChannelOutcome x = a.channels().get(c);
            ChannelOutcome y = b.channels().get(c);
            assertEquals(x.spend(), y.spend(), rel * Math.max(1, x.spend()));
            assertEquals(x.contribution(), y.contribution(), rel * scale);
            assertEquals(x.incremental(), y.incremental(), rel * scale);
            assertEquals(x.marginalRoi(), y.marginalRoi(), 1e-6 * Math.max(1, Math.abs(x.marginalRoi())));
            x.incrementalInterval().ifPresent(i -> {
                assertEquals(i.lower(), y.incrementalInterval().get().lower(), rel * scale);
                assertEquals(i.upper(), y.incrementalInterval().get().upper(), rel * scale);
            });
        }
    }

    private static ScenarioResult exact(PlanningModel pm, double[] perPeriod) {
        double[] totals = perPeriod.clone();
        for (int c = 0; c < totals.length; c++) {
            totals[c] *= pm.horizon();
        }
        return pm.evaluate(pm.plan(totals));
    }

    @Test
    void aPosteriorIsEvaluatedAsThePlanningModelDoes() {
        PlanningModel pm = PlanningModel.of(posterior(DATA, 40), 10);
        Simulator sim = Simulator.of(pm);
        assertEquals(40, sim.drawCount());
        assertEquals(40, sim.modelDrawCount());
        for (double[] s : new double[][] {sim.currentSpend(), {1500, 900, 4000}, {0, 2000, 0}, {9000, 0, 12000}}) {
            assertSame(exact(pm, s), sim.evaluate(s), Tolerances.EXACT);
        }
    }

    @Test
    void aBootstrapModelsIntervalsAreCentredOnThePoint() {
        PlanningModel pm = PlanningModel.of(Fixtures.ridge(DATA, 30), 8);
        Simulator sim = Simulator.of(pm);
        assertTrue(sim.centred());
        for (double[] s : new double[][] {{1500, 900, 4000}, {0, 0, 0}, {30000, 100, 5}}) {
            ScenarioResult r = sim.evaluate(s);
            assertSame(exact(pm, s), r, Tolerances.EXACT);
            assertTrue(r.kpiInterval().orElseThrow().contains(r.kpi()), "the point lies inside its interval");
            for (ChannelOutcome o : r.channels()) {
                Interval iv = o.contributionInterval().orElseThrow();
                assertTrue(iv.contains(o.contribution()), o.name() + ": " + o.contribution() + " in " + iv);
            }
        }
    }

    @Test
    void aPanelWithGeoEffectsIsEvaluatedAsThePlanningModelDoes() {
        PlanningModel pm = PlanningModel.of(posterior(PANEL, 12), 6);
        Simulator sim = Simulator.of(pm);
        double[] s = {2000, 500, 7000};
        assertSame(exact(pm, s), sim.evaluate(s), Tolerances.EXACT);
    }

    @Test
    void spendPerGeoIsEvaluatedAsThePlanningModelDoes() {
        PlanningModel pm = PlanningModel.of(posterior(PANEL, 12), 6);
        Simulator sim = Simulator.of(pm);
        int ng = PANEL.nGeos();
        double[][] cells = new double[3][ng];
        double[] cur = sim.currentSpend();
        for (int c = 0; c < 3; c++) {
            double[] sh = sim.geoShares(c);
            double sum = 0;
            for (int g = 0; g < ng; g++) {
                sum += sh[g];
                // a different mix per geo: the first geo doubled, the last one cut to a third
                cells[c][g] = cur[c] * sh[g] * (g == 0 ? 2.0 : g == ng - 1 ? 1.0 / 3 : 1.0);
            }
            assertEquals(1.0, sum, 1e-12, "shares sum to 1");
        }
        // the exact plan: within each geo, the channel's flighting there scaled to the geo's new total
        int h = pm.horizon();
        double[] spend = new double[ng * h * 3];
        for (int c = 0; c < 3; c++) {
            double[] f = pm.flighting(c);
            double[] sh = sim.geoShares(c);
            for (int g = 0; g < ng; g++) {
                for (int p = 0; p < h; p++) {
                    spend[(g * h + p) * 3 + c] = cells[c][g] * h * f[g * h + p] / sh[g];
                }
            }
        }
        SpendPlan plan = new SpendPlan(pm.channels(), PANEL.geos(), h, spend);
        ScenarioResult exact = pm.evaluate(plan);
        ScenarioResult byGeo = sim.evaluateByGeo(cells);
        assertSame(exact, byGeo, Tolerances.EXACT);
        // and the channel-level call is the by-geo call at the current split
        double[][] split = new double[3][ng];
        for (int c = 0; c < 3; c++) {
            for (int g = 0; g < ng; g++) {
                split[c][g] = 1500.0 * sim.geoShares(c)[g];
            }
        }
        assertSame(sim.evaluate(new double[] {1500, 1500, 1500}), sim.evaluateByGeo(split), Tolerances.EXACT);
    }

    @Test
    void aLargePosteriorIsThinnedEvenlyAndSaysSo() {
        PlanningModel pm = PlanningModel.of(posterior(DATA, 300), 10);
        // 3 channels x 10 rows = 30 terms a draw; a budget of 6,000 terms keeps 200 draws
        Simulator sim = Simulator.of(pm, 6_000);
        assertEquals(200, sim.drawCount());
        assertEquals(300, sim.modelDrawCount());
        ScenarioResult full = exact(pm, new double[] {1500, 900, 4000});
        ScenarioResult thin = sim.evaluate(new double[] {1500, 900, 4000});
        // the mean over 200 of 300 draws: close to the full posterior's, not equal
        assertEquals(full.kpi(), thin.kpi(), 0.01 * Math.abs(full.kpi()));
        Simulator all = Simulator.of(pm);
        assertEquals(300, all.drawCount(), "the default budget keeps them all");
    }

    @Test
    void marginalRoiIntervalHoldsTheExpectation() {
        PlanningModel pm = PlanningModel.of(posterior(DATA, 40), 10);
        Simulator sim = Simulator.of(pm);
        for (int c = 0; c < 3; c++) {
            ScenarioResult r = sim.evaluate(sim.currentSpend());
            Interval iv = sim.marginalRoiInterval(c, sim.currentSpend()[c]).orElseThrow();
            assertTrue(iv.lower() <= iv.upper());
            assertTrue(iv.lower() <= r.channels().get(c).marginalRoi() * 1.5 && r.channels().get(c).marginalRoi()
                    <= iv.upper() * 1.5, "mROI near its interval");
        }
    }

    @Test
    void badSpendIsRefused() {
        Simulator sim = Simulator.of(PlanningModel.of(posterior(DATA, 5), 4));
        assertThrows(IllegalArgumentException.class, () -> sim.evaluate(new double[] {1, -1, 0}));
        assertThrows(IllegalArgumentException.class, () -> sim.evaluate(new double[] {1, Double.NaN, 0}));
        assertThrows(IllegalArgumentException.class, () -> sim.evaluate(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> Simulator.of(PlanningModel.builder(posterior(DATA, 5), 4).genericPath(true).build()));
    }
}
