package io.github.mmm4j.optimize;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetOptimizerTest {

    static final MmmDataset DATA = Fixtures.data(1, 104, 3, 1);
    static final ModelSpec CONCAVE = Fixtures.spec(DATA, new double[] {1, 0.8, 1.2}, new double[] {0.9, 0.7, 1});
    /** Strongly S-shaped: half-saturation at 2-3 times average spend, Hill slopes 3-4. */
    static final ModelSpec S_SHAPED = Fixtures.spec(DATA, new double[] {2, 3, 2.5}, new double[] {3, 4, 3.5});
    static final FittedModel CONCAVE_MODEL = Fixtures.linear(DATA, CONCAVE, new double[] {400, 250, 300}, null);
    static final FittedModel S_MODEL = Fixtures.linear(DATA, S_SHAPED, new double[] {900, 1200, 800}, null);

    static double media(PlanningModel pm, double[] x) {
        double s = 0;
        for (int c = 0; c < x.length; c++) {
            s += pm.response(c).value(x[c]);
        }
        return s;
    }

    /** Brute force over a grid of the first two channels, the third taking the rest; bounds and group checked. */
    static double bruteForce(PlanningModel pm, double budget, double[] lo, double[] hi, double groupMax, int steps) {
        double best = Double.NEGATIVE_INFINITY;
        double[] x = new double[3];
        for (int i = 0; i <= steps; i++) {
            x[0] = lo[0] + (hi[0] - lo[0]) * i / steps;
            for (int j = 0; j <= steps; j++) {
                x[1] = lo[1] + (hi[1] - lo[1]) * j / steps;
                x[2] = budget - x[0] - x[1];
                if (x[2] < lo[2] || x[2] > hi[2] || x[0] + x[1] > groupMax) {
                    continue;
                }
                best = Math.max(best, media(pm, x));
            }
        }
        return best;
    }

    @ParameterizedTest(name = "{0}, {1}, budget x{2}")
    @CsvSource({
        "concave, none, 1", "concave, bounds, 1", "concave, lock, 1", "concave, group, 1", "concave, none, 0.3",
        "s-shaped, none, 1", "s-shaped, bounds, 1", "s-shaped, lock, 1", "s-shaped, group, 1", "s-shaped, none, 0.3",
        "s-shaped, none, 2.5"
    })
    void endToEndMatchesBruteForce(String shape, String constraints, double budgetMultiple) {
        PlanningModel pm = PlanningModel.of(shape.equals("concave") ? CONCAVE_MODEL : S_MODEL, 13);
        double[] cur = pm.baseline().channelTotals();
        double budget = budgetMultiple * pm.baseline().total();
        double[] lo = new double[3];
        double[] hi = {budget, budget, budget};
        double groupMax = Double.POSITIVE_INFINITY;
        BudgetConstraints.Builder b = BudgetConstraints.builder().budget(budget);
        switch (constraints) {
            case "bounds" -> {
                lo[1] = 0.5 * cur[1];
                hi[1] = 1.5 * cur[1];
                b.bound("search", ChannelBound.multipleOfCurrent(0.5, 1.5));
                hi[0] = 0.3 * budget;
                b.bound("tv", ChannelBound.fractionOfBudget(0, 0.3));
            }
            case "lock" -> {
                lo[0] = hi[0] = cur[0];
                b.lock("tv");
            }
            case "group" -> {
                groupMax = 0.5 * budget;
                b.group(new ChannelGroup("offline", List.of("tv", "search"), 0, groupMax));
            }
            default -> {
            }
        }
        Allocation a = BudgetOptimizer.optimize(pm, b.build(), Objective.maximizeKpi());
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            x[c] = a.channels().get(c).optimalSpend();
            assertTrue(x[c] >= lo[c] - 1e-6 * budget && x[c] <= hi[c] + 1e-6 * budget, c + ": " + x[c]);
        }
        assertEquals(budget, x[0] + x[1] + x[2], 1e-9 * budget);
        assertTrue(x[0] + x[1] <= groupMax * (1 + 1e-9));
        double brute = bruteForce(pm, budget, lo, hi, groupMax, 400);
        assertTrue(Double.isFinite(brute), "the brute-force grid has a feasible point");
        double incremental = brute - media(pm, new double[3]);
        double got = media(pm, x);
        assertTrue(got >= brute - Tolerances.BRUTE_FORCE * incremental,
                "optimizer " + got + " vs brute force " + brute + " (" + a.method() + ")");
        assertEquals(OptimizerStatus.CONVERGED, a.status());
        assertEquals(shape.equals("concave") ? "lagrange" : "grid-dp+lagrange", a.method());
        // The expected KPI reported is the model's KPI of the plan.
        assertTrue(Tolerances.close(pm.expectedKpi(a.optimal()), a.expectedKpiOptimal(), Tolerances.EXACT));
        if (budgetMultiple == 1 && !constraints.equals("lock") && !constraints.equals("bounds")
                && !constraints.equals("group")) {
            assertTrue(a.upliftPct().getAsDouble() >= -1e-9, "the current plan is feasible, so no loss");
        }
    }

    @Test
    void conflictingMinimumsAreRejectedWithTheConstraintsNamed() {
        PlanningModel pm = PlanningModel.of(CONCAVE_MODEL, 13);
        BudgetConstraints c = BudgetConstraints.builder().budget(1_000_000).bound("tv", 500_000, 2_000_000)
                .bound("search", 700_000, Double.POSITIVE_INFINITY).build();
        InfeasibleConstraintsException e = assertThrows(InfeasibleConstraintsException.class,
                () -> BudgetOptimizer.optimize(pm, c, Objective.maximizeKpi()));
        assertEquals("sum of channel minimums 1,200,000 exceeds the budget 1,000,000: tv >= 500,000, search >= 700,000",
                e.getMessage());
        assertEquals(1, e.conflicts().size());
    }

    @Test
    void otherConflictsAreNamedToo() {
        PlanningModel pm = PlanningModel.of(CONCAVE_MODEL, 13);
        String m1 = assertThrows(InfeasibleConstraintsException.class, () -> BudgetOptimizer.optimize(pm,
                BudgetConstraints.builder().budget(1000).bound("tv", 0, 100).bound("search", 0, 200)
                        .bound("social", 0, 300).build(), Objective.maximizeKpi())).getMessage();
        assertEquals("sum of channel maximums 600 is below the budget 1,000: tv <= 100, search <= 200, "
                + "social <= 300", m1);
        String m2 = assertThrows(InfeasibleConstraintsException.class, () -> BudgetOptimizer.optimize(pm,
                BudgetConstraints.builder().budget(1000).lock("tv", 500).bound("tv", 0, 100).build(),
                Objective.maximizeKpi())).getMessage();
        assertEquals("tv is locked at 500 outside its bounds [0, 100]", m2);
        String m3 = assertThrows(IllegalArgumentException.class, () -> BudgetOptimizer.optimize(pm,
                BudgetConstraints.builder().budget(1000).bound("tv", 300, 1000)
                        .group(new ChannelGroup("offline", List.of("tv", "radio-less"), 0, 200)).build(),
                Objective.maximizeKpi())).getMessage();
        assertTrue(m3.contains("radio-less"), m3);
        String m4 = assertThrows(InfeasibleConstraintsException.class, () -> BudgetOptimizer.optimize(pm,
                BudgetConstraints.builder().budget(1000).bound("tv", 300, 1000)
                        .group(new ChannelGroup("offline", List.of("tv", "search"), 0, 200)).build(),
                Objective.maximizeKpi())).getMessage();
        assertEquals("group offline maximum 200 is below the sum of its channel minimums 300: tv >= 300, "
                + "search >= 0", m4);
    }

    @Test
    void locksAndGroupsAreHonoured() {
        PlanningModel pm = PlanningModel.of(CONCAVE_MODEL, 13);
        double tv = pm.baseline().channelTotal(0);
        double budget = pm.baseline().total();
        Allocation a = BudgetOptimizer.optimize(pm, BudgetConstraints.builder().lock("tv")
                .group(new ChannelGroup("offline", List.of("tv", "search"), 0.2 * budget, 0.45 * budget))
                .budget(budget).build(), Objective.maximizeKpi());
        assertEquals(tv, a.channel("tv").optimalSpend(), 1e-9 * tv);
        assertTrue(a.channel("tv").locked());
        double offline = a.channel("tv").optimalSpend() + a.channel("search").optimalSpend();
        assertTrue(offline <= 0.45 * budget * (1 + 1e-9) && offline >= 0.2 * budget * (1 - 1e-9), "" + offline);
        Allocation b = BudgetOptimizer.optimize(pm, BudgetConstraints.builder().lock("search", 1234).build(),
                Objective.maximizeKpi());
        assertEquals(1234, b.channel("search").optimalSpend(), 1e-9);
        assertEquals(budget, b.budget(), 1e-9 * budget);
    }

    @Test
    void targetKpiFindsTheSmallestBudget() {
        PlanningModel pm = PlanningModel.of(CONCAVE_MODEL, 13);
        Allocation cur = BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.maximizeKpi());
        double target = cur.expectedKpiOptimal() * 1.01;
        Allocation a = BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.targetKpi(target));
        assertEquals(OptimizerStatus.CONVERGED, a.status(), a.message());
        assertTrue(a.expectedKpiOptimal() >= target);
        Allocation less = BudgetOptimizer.optimize(pm, BudgetConstraints.builder().budget(a.budget() * 0.999).build(),
                Objective.maximizeKpi());
        assertTrue(less.expectedKpiOptimal() < target, "a 0.1% smaller budget misses the target");
        // Unreachable: status, not NaN.
        Allocation no = BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.targetKpi(1e12));
        assertEquals(OptimizerStatus.INFEASIBLE, no.status());
        assertTrue(Double.isFinite(no.expectedKpiOptimal()) && no.message().contains("not reached"), no.message());
    }

    @Test
    void targetRoiFindsTheLargestBudget() {
        PlanningModel pm = PlanningModel.of(CONCAVE_MODEL, 13);
        Allocation cur = BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.maximizeKpi());
        double roiNow = roi(pm, cur);
        double target = 0.8 * roiNow;
        Allocation a = BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.targetRoi(target));
        assertTrue(roi(pm, a) >= target, a.message());
        assertTrue(a.budget() > cur.budget(), "a lower ROI target allows a larger budget");
        Allocation more = BudgetOptimizer.optimize(pm, BudgetConstraints.builder().budget(a.budget() * 1.001).build(),
                Objective.maximizeKpi());
        assertTrue(roi(pm, more) < target);
        Allocation no = BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.targetRoi(1e9));
        assertEquals(OptimizerStatus.INFEASIBLE, no.status());
    }

    static double roi(PlanningModel pm, Allocation a) {
        double inc = 0;
        for (int c = 0; c < 3; c++) {
            inc += pm.response(c).value(a.channels().get(c).optimalSpend()) - pm.response(c).value(0);
        }
        return inc / a.budget();
    }

    @Test
    void targetMarginalRoiEqualisesMarginalReturnsAtTheTarget() {
        PlanningModel pm = PlanningModel.of(CONCAVE_MODEL, 13);
        double target = 0.5 * pm.response(0).derivative(pm.baseline().channelTotal(0));
        Allocation a = BudgetOptimizer.optimize(pm, BudgetConstraints.builder().budgetAtMost(1e9).build(),
                Objective.targetMarginalRoi(target));
        for (int c = 0; c < 3; c++) {
            double x = a.channels().get(c).optimalSpend();
            if (x > 0) {
                assertTrue(Tolerances.close(target, pm.response(c).derivative(x), Tolerances.KKT), "channel " + c);
            }
        }
    }

    @Test
    void profitStopsWhereAnExtraUnitEarnsItsCost() {
        PlanningModel pm = PlanningModel.of(CONCAVE_MODEL, 13);
        double margin = 2 / pm.response(1).derivative(pm.baseline().channelTotal(1));
        Allocation a = BudgetOptimizer.optimize(pm, BudgetConstraints.builder().budget(1e8).build(),
                Objective.maximizeProfit(margin));
        assertTrue(a.budget() < 1e8, "profit treats the budget as a cap");
        for (int c = 0; c < 3; c++) {
            double x = a.channels().get(c).optimalSpend();
            if (x > 0) {
                assertEquals(1, margin * pm.response(c).derivative(x), Tolerances.KKT);
            }
        }
    }

    @Test
    void drawsGiveTheOutcomeDistribution() {
        FittedModel m = Fixtures.linear(DATA, CONCAVE, new double[] {400, 250, 300},
                new double[] {0.7, 0.85, 1.0, 1.1, 1.3, 0.9, 1.2, 0.95, 1.05, 1.15});
        PlanningModel pm = PlanningModel.of(m, 13);
        Allocation a = BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.maximizeKpi());
        assertTrue(a.outcome().kpiInterval().orElseThrow().contains(a.expectedKpiOptimal()));
        for (ChannelAllocation c : a.channels()) {
            assertTrue(c.contributionInterval().orElseThrow().contains(c.expectedContribution()), c.name());
        }
        Allocation again = BudgetOptimizer.optimize(PlanningModel.of(m, 13), BudgetConstraints.none(),
                Objective.maximizeKpi());
        assertEquals(a.outcome().kpiInterval(), again.outcome().kpiInterval(), "same inputs, same bits");
    }

    @Test
    void fiftyConcaveChannelsConvergeWithEqualMarginalReturns() {
        MmmDataset big = Fixtures.data(5, 104, 50, 1);
        double[] ec = new double[50];
        double[] slope = new double[50];
        double[] beta = new double[50];
        for (int c = 0; c < 50; c++) {
            ec[c] = 0.5 + 0.05 * c;
            slope[c] = 0.6 + 0.008 * c;
            beta[c] = 100 + 10 * c;
        }
        PlanningModel pm = PlanningModel.of(Fixtures.linear(big, Fixtures.spec(big, ec, slope), beta, null), 13);
        Allocation a = BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.maximizeKpi());
        assertEquals(OptimizerStatus.CONVERGED, a.status());
        assertEquals("lagrange", a.method());
        assertEquals(pm.baseline().total(), a.budget(), 1e-9 * a.budget());
        double price = pm.response(0).derivative(a.channels().get(0).optimalSpend());
        for (int c = 0; c < 50; c++) {
            double x = a.channels().get(c).optimalSpend();
            if (x > 0) {
                assertTrue(Tolerances.close(price, pm.response(c).derivative(x), Tolerances.KKT), "channel " + c);
            }
        }
        assertTrue(a.upliftPct().getAsDouble() >= 0);
    }

    @Test
    void frontierIsIncreasingAndConcaveForConcaveResponses() {
        PlanningModel pm = PlanningModel.of(CONCAVE_MODEL, 13);
        List<FrontierPoint> f = ResponseCurves.frontier(pm, BudgetConstraints.none(), 0.25, 2, 7);
        assertEquals(8, f.size());
        for (int i = 1; i < f.size(); i++) {
            assertTrue(f.get(i).expectedKpi() > f.get(i - 1).expectedKpi());
            if (i > 1) {
                double s1 = (f.get(i - 1).expectedKpi() - f.get(i - 2).expectedKpi());
                double s2 = (f.get(i).expectedKpi() - f.get(i - 1).expectedKpi());
                assertTrue(s2 <= s1 * (1 + 1e-9), "diminishing returns along the frontier");
            }
        }
    }
}
