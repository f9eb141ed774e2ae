package io.github.mmm4j.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 7, "plans that never lose": the recommended plan is never worse than the current plan (or any other
 * feasible plan) under the same constraints, S-shaped responses reach the global optimum, and funded, unconstrained
 * channels end at equal marginal ROI. All randomness is seeded (the property's seed too): the tests are deterministic.
 */
class PlansNeverLoseTest {

    static final MmmDataset DATA = Fixtures.data(1, 104, 3, 1);

    /**
     * A posterior whose draws disagree about the shape: half the draws concave (Hill slope 0.6, infinite slope at
     * zero), half strongly S-shaped (slope 3). Its expected response per channel has an infinite derivative at 0 and
     * an S-shape after it, as the Bayesian model's on {@code mmm_example.csv} in issue 13.
     */
    static FittedModel mixture(MmmDataset data) {
        List<FittedModel> draws = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            boolean concave = k % 2 == 0;
            double s = concave ? 0.6 : 3.5;
            ModelSpec spec = Fixtures.spec(data, new double[] {2 + 0.1 * k, 3, 2.5 - 0.1 * k}, new double[] {s, s, s});
            double f = (concave ? 0.2 : 1) * (1 + 0.05 * (k - 3.5));
            draws.add(Fixtures.linear(data, spec, new double[] {900 * f, 1200 * f, 800 * f}, null));
        }
        return Fixtures.sampled(draws, 0.9);
    }

    static double media(PlanningModel pm, double[] x) {
        double s = 0;
        for (int c = 0; c < x.length; c++) {
            s += pm.response(c).value(x[c]);
        }
        return s;
    }

    static double[] spends(Allocation a) {
        double[] x = new double[a.channels().size()];
        for (int c = 0; c < x.length; c++) {
            x[c] = a.channels().get(c).optimalSpend();
        }
        return x;
    }

    /**
     * Funded channels strictly inside their bounds (not locked) share one marginal ROI to a relative {@code 1e-6}
     * ({@link Tolerances#KKT}).
     */
    static void assertEqualMarginalRoi(Allocation a, double[] lo, double[] hi) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int free = 0;
        for (int c = 0; c < a.channels().size(); c++) {
            ChannelAllocation ch = a.channels().get(c);
            double x = ch.optimalSpend();
            double slack = 1e-6 * a.budget();
            if (ch.locked() || x <= lo[c] + slack || x >= hi[c] - slack) {
                continue;
            }
            free++;
            min = Math.min(min, ch.marginalRoi());
            max = Math.max(max, ch.marginalRoi());
        }
        assertTrue(free >= 2, "at least two funded, unconstrained channels: " + a.channels());
        assertTrue(max - min <= Tolerances.KKT * max, "marginal ROI from " + min + " to " + max + ": " + a.channels());
    }

    @Test
    void aPosteriorMixingConcaveAndSShapedDrawsIsNotMistakenForConcave() {
        PlanningModel pm = PlanningModel.of(mixture(DATA), 13);
        for (int c = 0; c < 3; c++) {
            assertEquals(Double.POSITIVE_INFINITY, pm.response(c).derivative(0), "the trap: an infinite slope at 0");
        }
        Allocation a = BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.maximizeKpi());
        assertEquals(OptimizerStatus.CONVERGED, a.status(), a.message());
        assertTrue(a.upliftPct().getAsDouble() >= 0, a.message() + " " + a.upliftPct());
        double budget = pm.baseline().total();
        double[] lo = new double[3];
        double[] hi = {budget, budget, budget};
        double brute = BudgetOptimizerTest.bruteForce(pm, budget, lo, hi, Double.POSITIVE_INFINITY, 400);
        double got = media(pm, spends(a));
        assertTrue(got >= brute - Tolerances.BRUTE_FORCE * (brute - media(pm, lo)),
                "optimizer " + got + " vs brute force " + brute + " (" + a.method() + ")");
        assertTrue(a.improved(), a.message());
        assertEqualMarginalRoi(a, lo, hi);
        // The trap is real: the Lagrange method alone, which takes every response for concave, stops short (and the
        // guard then keeps the current plan rather than return a loss).
        Allocation lagrange = BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.maximizeKpi(),
                OptimizerOptions.defaults().withMethod(OptimizerOptions.Method.LAGRANGE));
        assertTrue(a.expectedKpiOptimal() > lagrange.expectedKpiOptimal() + 0.01 * (got - media(pm, lo)),
                a.expectedKpiOptimal() + " vs Lagrange alone " + lagrange.expectedKpiOptimal());
        assertTrue(lagrange.expectedKpiOptimal() >= lagrange.expectedKpiCurrent(), lagrange.message());
    }

    @Test
    void equalMarginalRoiAtTheOptimumForConcaveAndSShapedModels() {
        for (FittedModel m : List.of(BudgetOptimizerTest.CONCAVE_MODEL, BudgetOptimizerTest.S_MODEL)) {
            PlanningModel pm = PlanningModel.of(m, 13);
            double budget = 1.5 * pm.baseline().total();
            Allocation a = BudgetOptimizer.optimize(pm, BudgetConstraints.builder().budget(budget).build(),
                    Objective.maximizeKpi());
            assertTrue(a.improved(), a.message());
            assertEqualMarginalRoi(a, new double[3], new double[] {budget, budget, budget});
        }
    }

    @Test
    void whenTheCurrentPlanIsOptimalItIsKeptAndSaysSo() {
        PlanningModel pm = PlanningModel.of(BudgetOptimizerTest.CONCAVE_MODEL, 13);
        Allocation best = BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.maximizeKpi());
        assertTrue(best.improved(), best.message());
        // Plan the optimum again, now as the current plan: nothing beats it.
        PlanningModel again = PlanningModel.builder(BudgetOptimizerTest.CONCAVE_MODEL, 13).baseline(best.optimal())
                .build();
        Allocation a = BudgetOptimizer.optimize(again, BudgetConstraints.none(), Objective.maximizeKpi());
        assertFalse(a.improved(), a.message());
        assertSame(again.baseline(), a.optimal());
        assertTrue(a.message().contains("keep the current plan"), a.message());
        assertEquals(0.0, a.upliftPct().getAsDouble());
        for (ChannelAllocation c : a.channels()) {
            assertEquals(c.currentSpend(), c.optimalSpend());
            assertEquals(c.currentMarginalRoi(), c.marginalRoi());
        }
    }

    @Test
    void aCurrentPlanThatMeetsNoConstraintIsProjectedOntoThem() {
        // Locks at the current spend and a budget 20% lower: the current plan is infeasible; a locked plan with one
        // free channel has exactly one feasible plan, which is the projection.
        PlanningModel pm = PlanningModel.of(BudgetOptimizerTest.S_MODEL, 13);
        double[] cur = pm.baseline().channelTotals();
        double budget = 0.8 * pm.baseline().total();
        BudgetConstraints c = BudgetConstraints.builder().budget(budget).lock("tv").lock("search").build();
        Allocation a = BudgetOptimizer.optimize(pm, c, Objective.maximizeKpi());
        assertFalse(a.improved(), a.message());
        assertTrue(a.message().contains("no plan beats the current spend moved onto the constraints"), a.message());
        double[] x = spends(a);
        assertEquals(cur[0], x[0], 1e-9 * budget);
        assertEquals(cur[1], x[1], 1e-9 * budget);
        assertEquals(budget - cur[0] - cur[1], x[2], 1e-9 * budget);
    }

    /**
     * Random models (concave, S-shaped or mixed Hill curves, random coefficients), budgets and constraints (none,
     * bounds around current spend, a lock, a group, a budget cap): the plan's expected KPI is at least the current
     * plan's whenever the current plan meets the constraints, and at least that of 40 random feasible plans always.
     */
    @Property(tries = 40, seed = "20240613")
    void neverWorseThanTheCurrentPlanOrAnyFeasiblePlan(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 4) int kind) {
        Rng rng = new Rng(seed);
        double[] ec = new double[3];
        double[] slope = new double[3];
        double[] beta = new double[3];
        for (int c = 0; c < 3; c++) {
            ec[c] = 0.5 + 2.5 * rng.nextDouble();
            slope[c] = rng.nextDouble() < 0.5 ? 0.5 + 0.5 * rng.nextDouble() : 1.5 + 3 * rng.nextDouble();
            beta[c] = 200 + 1000 * rng.nextDouble();
        }
        PlanningModel pm = PlanningModel.of(Fixtures.linear(DATA, Fixtures.spec(DATA, ec, slope), beta, null), 13);
        double[] cur = pm.baseline().channelTotals();
        double total = pm.baseline().total();
        boolean sameBudget = rng.nextDouble() < 0.5;
        double budget = sameBudget ? total : total * (0.4 + 1.6 * rng.nextDouble());
        double[] lo = new double[3];
        double[] hi = {budget, budget, budget};
        double groupMax = Double.POSITIVE_INFINITY;
        BudgetConstraints.Builder b = BudgetConstraints.builder().budget(budget);
        switch (kind) {
            case 1 -> {
                for (int c = 0; c < 3; c++) {
                    lo[c] = Math.min(0.7 * cur[c], budget / 3);
                    hi[c] = Math.min(budget, 1.4 * cur[c] + budget / 3);
                    b.bound(Fixtures.name(c), lo[c], hi[c]);
                }
            }
            case 2 -> {
                double v = Math.min(cur[1], budget);
                lo[1] = hi[1] = v;
                b.lock("search", v);
            }
            case 3 -> {
                groupMax = Math.max(cur[0] + cur[1], 0.5 * budget);
                b.group(new ChannelGroup("offline", List.of("tv", "search"), 0, groupMax));
            }
            case 4 -> b.budgetAtMost(budget);
            default -> {
            }
        }
        BudgetConstraints constraints = b.build();
        boolean equality = kind != 4;
        Allocation a = BudgetOptimizer.optimize(pm, constraints, Objective.maximizeKpi());
        double got = a.expectedKpiOptimal();
        double scale = Math.abs(got - pm.nonMediaKpi()) + 1;
        double tol = 1e-12 * Math.abs(got); // the same evaluation path: rounding only
        boolean currentFeasible = budget >= total * (1 - 1e-12) && (sameBudget || !equality)
                && within(cur, lo, hi) && cur[0] + cur[1] <= groupMax;
        if (currentFeasible) {
            assertTrue(got >= pm.expectedKpi(pm.baseline()) - tol, "lost against the current plan: " + a.message());
            if (!a.improved()) {
                assertSame(pm.baseline(), a.optimal());
            }
        }
        // Random feasible plans: the optimum (found on a grid, polished) is at least as good up to 0.1% of the media
        // effect (Tolerances.BRUTE_FORCE).
        for (int i = 0; i < 40; i++) {
            double[] x = randomFeasible(rng, lo, hi, budget, groupMax, equality);
            if (x != null) {
                double kpi = pm.expectedKpi(pm.plan(x));
                assertTrue(got >= kpi - Tolerances.BRUTE_FORCE * scale,
                        "plan " + got + " below a random feasible plan's " + kpi + ": " + a.message());
            }
        }
    }

    private static boolean within(double[] x, double[] lo, double[] hi) {
        for (int c = 0; c < x.length; c++) {
            if (x[c] < lo[c] || x[c] > hi[c]) {
                return false;
            }
        }
        return true;
    }

    /** A random plan meeting box bounds, the group cap on channels 0 and 1 and the budget, or null. */
    private static double[] randomFeasible(Rng rng, double[] lo, double[] hi, double budget, double groupMax,
            boolean equality) {
        int n = lo.length;
        double target = equality ? budget : budget * rng.nextDouble();
        double[] w = new double[n];
        double sw = 0;
        for (int c = 0; c < n; c++) {
            w[c] = -Math.log(1 - rng.nextDouble());
            sw += w[c];
        }
        double[] x = new double[n];
        double free = target;
        for (int c = 0; c < n; c++) {
            free -= lo[c];
        }
        if (free < 0) {
            return null;
        }
        for (int c = 0; c < n; c++) {
            x[c] = lo[c] + free * w[c] / sw;
        }
        if (!within(x, lo, hi) || x[0] + x[1] > groupMax) {
            return null;
        }
        return x;
    }

    /**
     * Ten S-shaped channels: the optimizer's plan is at least as good as the best of 60 seeded random starts each
     * climbed by pairwise transfers (move {@code d} from one channel to another while that helps, halving {@code d}),
     * to 0.1% of the media effect.
     */
    @Test
    void sShapedTenChannelsBeatManyRandomStarts() {
        int n = 10;
        MmmDataset data = Fixtures.data(7, 104, n, 1);
        Rng rng = new Rng(11);
        double[] ec = new double[n];
        double[] slope = new double[n];
        double[] beta = new double[n];
        for (int c = 0; c < n; c++) {
            ec[c] = 1 + 2 * rng.nextDouble();
            slope[c] = 2 + 2 * rng.nextDouble();
            beta[c] = 300 + 900 * rng.nextDouble();
        }
        PlanningModel pm = PlanningModel.of(Fixtures.linear(data, Fixtures.spec(data, ec, slope), beta, null), 13);
        double budget = pm.baseline().total();
        Allocation a = BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.maximizeKpi());
        double got = media(pm, spends(a));
        double zero = media(pm, new double[n]);
        double best = Double.NEGATIVE_INFINITY;
        for (int start = 0; start < 60; start++) {
            double[] x = new double[n];
            double sw = 0;
            for (int c = 0; c < n; c++) {
                x[c] = -Math.log(1 - rng.nextDouble());
                sw += x[c];
            }
            for (int c = 0; c < n; c++) {
                x[c] *= budget / sw;
            }
            best = Math.max(best, climb(pm, x, budget));
        }
        assertTrue(got >= best - Tolerances.BRUTE_FORCE * (best - zero),
                "optimizer " + got + " vs multi-start " + best + " (" + a.method() + ")");
        assertTrue(a.upliftPct().getAsDouble() >= 0, a.message());
    }

    /** Pairwise-transfer hill climbing from {@code x} (modified); returns the media KPI reached. */
    private static double climb(PlanningModel pm, double[] x, double budget) {
        int n = x.length;
        double[] v = new double[n];
        for (int c = 0; c < n; c++) {
            v[c] = pm.response(c).value(x[c]);
        }
        for (double d = 0.1 * budget; d > 1e-5 * budget; d /= 2) {
            boolean moved = true;
            while (moved) {
                moved = false;
                for (int i = 0; i < n; i++) {
                    if (x[i] < d) {
                        continue;
                    }
                    double vi = pm.response(i).value(x[i] - d);
                    for (int j = 0; j < n; j++) {
                        if (j == i) {
                            continue;
                        }
                        double vj = pm.response(j).value(x[j] + d);
                        if (vi + vj > v[i] + v[j] + 1e-12 * Math.abs(v[i] + v[j])) {
                            x[i] -= d;
                            x[j] += d;
                            v[i] = vi;
                            v[j] = vj;
                            moved = true;
                            break;
                        }
                    }
                    if (moved) {
                        break;
                    }
                }
            }
        }
        double s = 0;
        for (double e : v) {
            s += e;
        }
        return s;
    }

    @Test
    void sameBitsOnEveryRunAndFromConcurrentThreads() throws Exception {
        PlanningModel pm = PlanningModel.of(mixture(DATA), 13);
        double[] first = spends(BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.maximizeKpi()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<double[]>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> spends(BudgetOptimizer.optimize(pm, BudgetConstraints.none(),
                        Objective.maximizeKpi()))));
            }
            for (Future<double[]> r : runs) {
                assertArrayEquals(first, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
