package io.github.mmm4j.optimize;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanningModelTest {

    static final MmmDataset DATA = Fixtures.data(1, 104, 3, 1);
    static final ModelSpec SPEC = Fixtures.spec(DATA, new double[] {1, 0.8, 1.2}, new double[] {1, 0.7, 2.5});
    static final FittedModel POINT = Fixtures.linear(DATA, SPEC, new double[] {400, 250, 300}, null);
    static final FittedModel DRAWS = Fixtures.linear(DATA, SPEC, new double[] {400, 250, 300},
            new double[] {0.8, 0.9, 1.0, 1.05, 1.1, 1.2, 0.95, 1.15});

    /** Sum over the horizon rows of the model's own prediction on the extended data. */
    static double predictedKpi(FittedModel m, SpendPlan plan) {
        MmmDataset ext = m.data().extend(plan.periods(), plan.spend(), null, null);
        double[] p = m.predict(ext);
        int nt = m.data().nPeriods();
        int n2 = nt + plan.periods();
        double s = 0;
        for (int g = 0; g < ext.nGeos(); g++) {
            for (int h = 0; h < plan.periods(); h++) {
                s += p[g * n2 + nt + h];
            }
        }
        return s;
    }

    @Test
    void baselineRepeatsTheLastPeriodsOfHistory() {
        PlanningModel pm = PlanningModel.of(POINT, 13);
        SpendPlan b = pm.baseline();
        for (int c = 0; c < 3; c++) {
            for (int h = 0; h < 13; h++) {
                assertEquals(DATA.spend(104 - 13 + h, c), b.spend(c, 0, h));
            }
        }
        double[] f = pm.flighting(0);
        double sum = 0;
        for (double v : f) {
            sum += v;
        }
        assertEquals(1, sum, Tolerances.EXACT);
    }

    @Test
    void expectedKpiEqualsThePredictionOnTheExtendedDataWithCarryover() {
        PlanningModel pm = PlanningModel.of(POINT, 13);
        SpendPlan plan = pm.plan(new double[] {20000, 30000, 10000});
        double expected = predictedKpi(POINT, plan);
        assertTrue(Tolerances.close(expected, pm.expectedKpi(plan), Tolerances.EXACT), expected + " vs "
                + pm.expectedKpi(plan));
        // Carryover: with no horizon spend, media still contributes at the start of the horizon.
        assertTrue(pm.response(0).value(0) > 0, "carryover of historical spend into the horizon");
        SpendPlan none = pm.plan(new double[3]);
        assertTrue(Tolerances.close(predictedKpi(POINT, none), pm.expectedKpi(none), Tolerances.EXACT));
    }

    @Test
    void fastPathEqualsGenericPath() {
        for (FittedModel m : new FittedModel[] {POINT, DRAWS}) {
            PlanningModel fast = PlanningModel.of(m, 8);
            PlanningModel generic = PlanningModel.builder(m, 8).genericPath(true).build();
            for (int c = 0; c < 3; c++) {
                for (double x : new double[] {0, 5000, 20000, 80000}) {
                    assertTrue(Tolerances.close(fast.response(c).value(x), generic.response(c).value(x),
                            Tolerances.EXACT), "channel " + c + " at " + x);
                    assertTrue(Tolerances.close(fast.response(c).derivative(x), generic.response(c).derivative(x),
                            Tolerances.FINITE_DIFFERENCE), "derivative of channel " + c + " at " + x);
                }
            }
            SpendPlan plan = fast.plan(new double[] {12000, 9000, 30000});
            ScenarioResult a = fast.evaluate(plan);
            ScenarioResult b = generic.evaluate(plan);
            assertTrue(Tolerances.close(a.kpi(), b.kpi(), Tolerances.EXACT));
            assertTrue(Tolerances.close(a.incrementalKpi(), b.incrementalKpi(), 1e-7));
            assertEquals(a.kpiInterval().isPresent(), b.kpiInterval().isPresent());
            if (a.kpiInterval().isPresent()) {
                assertTrue(Tolerances.close(a.kpiInterval().get().lower(), b.kpiInterval().get().lower(),
                        Tolerances.EXACT));
            }
        }
    }

    @Test
    void sampledModelFastPathEqualsGenericPath() {
        List<FittedModel> draws = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            ModelSpec spec = Fixtures.spec(DATA, new double[] {0.8 + 0.1 * k, 1, 1.5 - 0.1 * k},
                    new double[] {1, 0.7 + 0.1 * k, 2});
            draws.add(Fixtures.linear(DATA, spec, new double[] {380 + 10 * k, 250, 300 - 5 * k}, null));
        }
        FittedModel m = Fixtures.sampled(draws, 0.8);
        PlanningModel fast = PlanningModel.of(m, 10);
        PlanningModel generic = PlanningModel.builder(m, 10).genericPath(true).build();
        SpendPlan plan = fast.plan(new double[] {15000, 9000, 40000});
        ScenarioResult a = fast.evaluate(plan);
        ScenarioResult b = generic.evaluate(plan);
        assertTrue(Tolerances.close(a.kpi(), b.kpi(), Tolerances.EXACT));
        assertTrue(Tolerances.close(a.kpiInterval().orElseThrow().upper(), b.kpiInterval().orElseThrow().upper(),
                Tolerances.EXACT));
        assertEquals(0.8, a.kpiInterval().orElseThrow().level());
        for (int c = 0; c < 3; c++) {
            assertTrue(Tolerances.close(fast.response(c).value(20000), generic.response(c).value(20000),
                    Tolerances.EXACT));
        }
    }

    @Test
    void derivativeIsTheSlopeOfTheValue() {
        PlanningModel pm = PlanningModel.of(POINT, 13);
        for (int c = 0; c < 3; c++) {
            for (double x : new double[] {1000, 30000, 90000}) {
                double e = 1e-3 * x;
                double fd = (pm.response(c).value(x + e) - pm.response(c).value(x - e)) / (2 * e);
                assertTrue(Tolerances.close(fd, pm.response(c).derivative(x), Tolerances.FINITE_DIFFERENCE),
                        c + " at " + x + ": " + fd + " vs " + pm.response(c).derivative(x));
            }
        }
        assertTrue(pm.response(1).knownConcave());
        assertFalse(pm.response(2).knownConcave(), "Hill slope 2.5 is S-shaped");
    }

    @Test
    void whatIfReportsIncrementalKpiAndRoi() {
        PlanningModel pm = PlanningModel.of(POINT, 13);
        ScenarioResult r = pm.whatIf(SpendChange.byPercent("tv", 20));
        double dSpend = 0.2 * pm.baseline().channelTotal(0);
        assertEquals(dSpend, r.spend() - r.referenceSpend(), 1e-9 * dSpend);
        assertTrue(r.incrementalKpi() > 0);
        assertEquals(r.incrementalKpi() / dSpend, r.incrementalRoi().getAsDouble(), 1e-12);
        assertTrue(r.kpiInterval().isEmpty(), "no draws, no interval");
        // The same change as an absolute total and as a series.
        double total = 1.2 * pm.baseline().channelTotal(0);
        ScenarioResult r2 = pm.whatIf(SpendChange.setTotal("tv", total));
        assertTrue(Tolerances.close(r.kpi(), r2.kpi(), Tolerances.EXACT));
        double[] series = pm.baseline().channelSeries(0);
        for (int h = 0; h < series.length; h++) {
            series[h] *= 1.2;
        }
        ScenarioResult r3 = pm.whatIf(SpendChange.series("tv", series));
        assertTrue(Tolerances.close(r.kpi(), r3.kpi(), Tolerances.EXACT));
        // Unchanged plan: no incremental spend, so no incremental ROI (not NaN).
        ScenarioResult same = pm.evaluate(pm.baseline());
        assertTrue(same.incrementalRoi().isEmpty());
        assertEquals(0, same.incrementalKpi());
        // The marginal ROI of the channel is the slope of its contribution.
        ChannelOutcome tv = r.channel("tv");
        assertTrue(tv.marginalRoi() > 0 && tv.roi().getAsDouble() > 0);
    }

    @Test
    void drawsGiveIntervalsAroundTheMean() {
        PlanningModel pm = PlanningModel.of(DRAWS, 13);
        assertEquals(8, pm.drawCount());
        ScenarioResult r = pm.whatIf(SpendChange.byPercent("search", 50));
        Interval k = r.kpiInterval().orElseThrow();
        assertTrue(k.lower() < r.kpi() && r.kpi() < k.upper(), k + " around " + r.kpi());
        Interval inc = r.incrementalKpiInterval().orElseThrow();
        assertTrue(inc.lower() <= r.incrementalKpi() && r.incrementalKpi() <= inc.upper());
        assertEquals(0.9, k.level());
        for (ChannelOutcome c : r.channels()) {
            assertTrue(c.contributionInterval().orElseThrow().contains(c.contribution()), c.name());
        }
        // Same inputs, same bits.
        assertEquals(r.kpiInterval(), PlanningModel.of(DRAWS, 13).whatIf(SpendChange.byPercent("search", 50))
                .kpiInterval());
    }

    @Test
    void horizonLongerThanHistoryIsFlatAtTheMean() {
        MmmDataset small = Fixtures.data(2, 30, 2, 1);
        FittedModel m = Fixtures.linear(small, Fixtures.spec(small, new double[] {1, 1}, new double[] {1, 1}),
                new double[] {100, 100}, null);
        PlanningModel pm = PlanningModel.of(m, 40);
        assertEquals(small.totalSpend(0) / 30 * 40, pm.baseline().channelTotal(0), 1e-6);
    }

    @Test
    void panelsSplitAcrossGeos() {
        MmmDataset panel = Fixtures.data(3, 60, 2, 3);
        FittedModel m = Fixtures.linear(panel, Fixtures.spec(panel, new double[] {1, 1}, new double[] {0.8, 2}),
                new double[] {100, 150}, null);
        PlanningModel fast = PlanningModel.of(m, 6);
        PlanningModel generic = PlanningModel.builder(m, 6).genericPath(true).build();
        SpendPlan plan = fast.plan(new double[] {5000, 8000});
        assertTrue(Tolerances.close(predictedKpi(m, plan), fast.expectedKpi(plan), Tolerances.EXACT));
        assertTrue(Tolerances.close(generic.expectedKpi(plan), fast.expectedKpi(plan), Tolerances.EXACT));
    }

    @Test
    void badInputNamesTheProblem() {
        PlanningModel pm = PlanningModel.of(POINT, 13);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pm.whatIf(SpendChange.setTotal("nope", 1)));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pm.whatIf(SpendChange.series("tv", new double[5])));
        assertTrue(e.getMessage().contains("series.length = 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpendChange.byPercent("tv", -150));
        assertTrue(e.getMessage().contains("percent = -150"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pm.plan(new double[] {1, Double.NaN, 1}));
        assertTrue(e.getMessage().contains("totals[1] = NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PlanningModel.builder(POINT, 13).flighting("tv", new double[13]).build());
        assertTrue(e.getMessage().contains("all zero"), e.getMessage());
    }

    @Test
    void channelsByName() {
        PlanningModel pm = PlanningModel.of(POINT, 8);
        String name = DATA.channels().get(1);
        assertEquals(pm.response(1).value(5000), pm.response(name).value(5000), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(pm.flighting(1), pm.flighting(name), 0.0);
        assertEquals(pm.baseline().channelTotal(1), pm.baseline().channelTotal(name), 0.0);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> pm.response("nope"));
        assertTrue(e.getMessage().contains(DATA.channels().toString()), e.getMessage());
    }
}
