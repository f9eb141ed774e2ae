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

    /** A point model with a price column (coefficient {@code priceCoef}) on data whose controls include "price". */
    static FittedModel priced(MmmDataset data, double priceCoef, double curvature) {
        ModelSpec base = Fixtures.spec(data, new double[] {1, 1, 1.5}, new double[] {1, 0.8, 2});
        ModelSpec spec = new ModelSpec(base.channels(), true, 1, new ModelSpec.Price("price", false,
                java.util.List.of(curvature)));
        io.github.mmm4j.models.Design.Frame frame = io.github.mmm4j.models.Design.Frame.of(data, spec);
        io.github.mmm4j.models.Design d = io.github.mmm4j.models.Design.of(data, spec, frame);
        double[] coef = new double[d.cols()];
        for (int j = 0; j < d.firstMediaColumn(); j++) {
            coef[j] = 3.0 * (j + 1);
        }
        coef[d.columnNames().indexOf("price")] = priceCoef;
        coef[d.firstMediaColumn()] = 380;
        coef[d.firstMediaColumn() + 1] = 250;
        coef[d.firstMediaColumn() + 2] = 300;
        return FittedModel.point("test", spec, data, 0, frame, 500, coef,
                io.github.mmm4j.models.Provenance.of("test", 0, java.util.Map.of()));
    }

    @Test
    void aPriceChangeIsThePlanningModelsKpiAtThatFuturePrice() {
        for (double k : new double[] {0.0, -1.5}) {
            FittedModel m = priced(PANEL, -800, k);
            int h = 6;
            Simulator sim = Simulator.of(PlanningModel.of(m, h));
            assertTrue(sim.hasPrice());
            double mult = 1.07;
            // the exact reference: the planning model with every future control at the plan's value, the price
            // times 1.07
            int ng = PANEL.nGeos();
            int nk = PANEL.nControls();
            int q = PANEL.controls().indexOf("price");
            int nt = PANEL.nPeriods();
            double[] future = new double[ng * h * nk];
            for (int g = 0; g < ng; g++) {
                for (int p = 0; p < h; p++) {
                    for (int j = 0; j < nk; j++) {
                        double last = PANEL.control(g * nt + nt - 1, j);
                        future[(g * h + p) * nk + j] = j == q ? last * mult : last;
                    }
                }
            }
            PlanningModel moved = PlanningModel.builder(m, h).futureControls(future).build();
            double[] spend = {2000, 500, 7000};
            double[] totals = spend.clone();
            for (int c = 0; c < 3; c++) {
                totals[c] *= h;
            }
            double exact = moved.evaluate(moved.plan(totals)).kpi();
            ScenarioResult r = sim.evaluateByGeo(split(sim, spend), mult);
            assertEquals(exact, r.kpi(), 1e-9 * Math.abs(exact), "curvature " + k);
            assertTrue(sim.priceEffect(-1, mult) < 0, "a dearer price sells less with a negative coefficient");
            assertEquals(0.0, sim.priceEffect(-1, 1.0), 0.0);
        }
        Simulator none = Simulator.of(PlanningModel.of(Fixtures.ridge(DATA, 5), 4));
        assertThrows(IllegalArgumentException.class, () -> none.priceEffect(-1, 1.1), "no price to move");
    }

    private static double[][] split(Simulator sim, double[] perPeriod) {
        double[][] out = new double[perPeriod.length][];
        for (int c = 0; c < perPeriod.length; c++) {
            out[c] = sim.geoShares(c);
            for (int g = 0; g < out[c].length; g++) {
                out[c][g] *= perPeriod[c];
            }
        }
        return out;
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
