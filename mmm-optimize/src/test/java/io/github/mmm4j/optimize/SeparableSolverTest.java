package io.github.mmm4j.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Optimality of the separable solver against brute-force grid search on small problems (2 to 4 channels), for
 * concave and S-shaped Hill curves, with and without bounds, locks and groups: the solver's objective must be at
 * least the brute-force best minus 0.1% ({@link Tolerances#BRUTE_FORCE}), and its plan feasible.
 */
class SeparableSolverTest {

    /** f_c(x) = beta_c x^s_c / (x^s_c + k_c^s_c). */
    record Hills(double[] beta, double[] k, double[] s) implements SeparableSolver.Objective {
        @Override
        public double value(int c, double x) {
            double u = Math.pow(x / k[c], s[c]);
            return beta[c] * u / (1 + u);
        }

        @Override
        public double derivative(int c, double x) {
            if (x <= 0) {
                return s[c] < 1 ? Double.MAX_VALUE : s[c] == 1 ? beta[c] / k[c] : 0;
            }
            double u = Math.pow(x / k[c], s[c]);
            return beta[c] * s[c] * u / (x * (1 + u) * (1 + u));
        }
    }

    static Hills random(Rng rng, int n, boolean sShaped, boolean mixed) {
        double[] beta = new double[n];
        double[] k = new double[n];
        double[] s = new double[n];
        for (int c = 0; c < n; c++) {
            beta[c] = 500 + 1500 * rng.nextDouble();
            k[c] = 200 + 800 * rng.nextDouble();
            boolean sc = sShaped && (!mixed || c % 2 == 0);
            s[c] = sc ? 2 + 2 * rng.nextDouble() : 0.6 + 0.4 * rng.nextDouble();
        }
        return new Hills(beta, k, s);
    }

    /** Brute force over a grid of the first n-1 channels; the last takes the rest of the budget. */
    static double bruteForce(SeparableSolver.Problem p, int steps) {
        int n = p.n;
        double[] x = new double[n];
        return search(p, 0, x, steps);
    }

    private static double search(SeparableSolver.Problem p, int c, double[] x, int steps) {
        int n = p.n;
        if (c == n - 1) {
            double rest = p.budget;
            for (int i = 0; i < n - 1; i++) {
                rest -= x[i];
            }
            if (rest < p.lo[c] - 1e-9 || rest > p.hi[c] + 1e-9) {
                return Double.NEGATIVE_INFINITY;
            }
            x[c] = Math.max(p.lo[c], Math.min(p.hi[c], rest));
            if (!groupsOk(p, x, 1e-9)) {
                return Double.NEGATIVE_INFINITY;
            }
            return p.objective(x);
        }
        double best = Double.NEGATIVE_INFINITY;
        double hi = Math.min(p.hi[c], p.budget);
        for (int i = 0; i <= steps; i++) {
            x[c] = p.lo[c] + (hi - p.lo[c]) * i / steps;
            best = Math.max(best, search(p, c + 1, x, steps));
            if (p.hi[c] == p.lo[c]) {
                break;
            }
        }
        return best;
    }

    static boolean groupsOk(SeparableSolver.Problem p, double[] x, double tol) {
        for (int g = 0; g < p.groupLo.length; g++) {
            double s = 0;
            for (int c = 0; c < p.n; c++) {
                if (p.groupOf[c] == g) {
                    s += x[c];
                }
            }
            if (s < p.groupLo[g] - tol * Math.max(1, s) || s > p.groupHi[g] + tol * Math.max(1, s)) {
                return false;
            }
        }
        return true;
    }

    static void assertFeasible(SeparableSolver.Problem p, double[] x) {
        double sum = 0;
        for (int c = 0; c < p.n; c++) {
            assertTrue(x[c] >= p.lo[c] - 1e-9 * Math.max(1, p.lo[c]) && x[c] <= p.hi[c] + 1e-9 * Math.max(1, p.hi[c]),
                    "x[" + c + "] = " + x[c] + " outside [" + p.lo[c] + ", " + p.hi[c] + "]");
            sum += x[c];
        }
        assertEquals(p.budget, sum, 1e-9 * p.budget, "budget");
        assertTrue(groupsOk(p, x, 1e-9), "group bounds: " + Arrays.toString(x));
    }

    static SeparableSolver.Problem problem(Hills f, int n, double budget, String constraints) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(hi, budget);
        int[] groupOf = new int[n];
        Arrays.fill(groupOf, -1);
        double[] gLo = new double[0];
        double[] gHi = new double[0];
        switch (constraints) {
            case "none":
                break;
            case "bounds":
                lo[0] = 0.15 * budget;
                hi[0] = 0.3 * budget;
                hi[1] = n == 2 ? 0.8 * budget : 0.35 * budget;
                break;
            case "lock":
                lo[0] = hi[0] = 0.2 * budget;
                lo[1] = 0.05 * budget;
                break;
            case "group":
                groupOf[0] = 0;
                groupOf[1] = n == 2 ? -1 : 0;
                gLo = new double[] {0.1 * budget};
                gHi = new double[] {0.4 * budget};
                break;
            default:
                throw new AssertionError(constraints);
        }
        return new SeparableSolver.Problem(f, lo, hi, groupOf, gLo, gHi, budget, true);
    }

    @ParameterizedTest(name = "{0} channels, {1}, {2}, seed {3}")
    @CsvSource({
        "2, concave, none, 1", "2, concave, bounds, 2", "2, concave, lock, 3", "2, concave, group, 4",
        "3, concave, none, 5", "3, concave, bounds, 6", "3, concave, lock, 7", "3, concave, group, 8",
        "4, concave, none, 9", "4, concave, group, 10",
        "2, s-shaped, none, 11", "2, s-shaped, bounds, 12", "2, s-shaped, lock, 13", "2, s-shaped, group, 14",
        "3, s-shaped, none, 15", "3, s-shaped, bounds, 16", "3, s-shaped, lock, 17", "3, s-shaped, group, 18",
        "4, s-shaped, none, 19", "4, s-shaped, bounds, 20",
        "3, mixed, none, 21", "3, mixed, group, 22", "4, mixed, lock, 23"
    })
    void matchesBruteForceWithinATenthOfAPercent(int n, String shape, String constraints, long seed) {
        Rng rng = new Rng(seed);
        Hills f = random(rng, n, !shape.equals("concave"), shape.equals("mixed"));
        // Budgets from scarce (S-curves favour corners) to ample.
        for (double budget : new double[] {300 + 100 * n, 1500 * n}) {
            SeparableSolver.Problem p = problem(f, n, budget, constraints);
            int steps = n == 2 ? 20000 : n == 3 ? 600 : 90;
            double brute = bruteForce(p, steps);
            assertTrue(Double.isFinite(brute), "the brute-force grid has a feasible point");
            boolean concave = shape.equals("concave");
            SeparableSolver.Solution s = concave ? SeparableSolver.lagrange(p) : SeparableSolver.gridThenPolish(p, 2000);
            assertFeasible(p, s.x());
            double got = p.objective(s.x());
            assertTrue(got >= brute - Tolerances.BRUTE_FORCE * Math.abs(brute),
                    "solver " + got + " < brute force " + brute + " at budget " + budget + ": " + Arrays.toString(s.x()));
            assertEquals(OptimizerStatus.CONVERGED, s.status());
        }
    }

    @Test
    void lagrangeMeetsTheKktConditionsForConcaveCurves() {
        Rng rng = new Rng(99);
        int n = 6;
        Hills f = random(rng, n, false, false);
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(hi, 1e9);
        hi[2] = 50; // binds
        int[] groupOf = new int[n];
        Arrays.fill(groupOf, -1);
        SeparableSolver.Problem p = new SeparableSolver.Problem(f, lo, hi, groupOf, new double[0], new double[0], 5000,
                true);
        double[] x = SeparableSolver.lagrange(p).x();
        assertEquals(50, x[2], 1e-9);
        double price = f.derivative(0, x[0]);
        for (int c = 0; c < n; c++) {
            if (c != 2) {
                assertTrue(Tolerances.close(price, f.derivative(c, x[c]), Tolerances.KKT),
                        "marginal return of " + c + " = " + f.derivative(c, x[c]) + " vs " + price);
            }
        }
        assertTrue(f.derivative(2, x[2]) >= price, "a capped channel has the higher marginal return");
    }

    @Test
    void sShapedCurvesNeedTheGlobalMethod() {
        // Two identical S-curves and a budget that half-fills one: the optimum puts everything on one channel.
        Hills f = new Hills(new double[] {1000, 1000}, new double[] {500, 500}, new double[] {4, 4});
        SeparableSolver.Problem p = problem(f, 2, 600, "none");
        double split = p.objective(new double[] {300, 300});
        double[] x = SeparableSolver.gridThenPolish(p, 1000).x();
        double got = p.objective(x);
        assertTrue(got > 2 * split, "corner " + got + " vs equal split " + split);
        assertTrue(Math.max(x[0], x[1]) > 590, Arrays.toString(x));
        assertTrue(got >= bruteForce(p, 60000) * (1 - Tolerances.BRUTE_FORCE));
    }

    @Test
    void atMostBudgetStopsWhereSpendStopsPaying() {
        Hills base = random(new Rng(5), 3, false, false);
        // Profit: g = f - x; the optimum has f'(x) = 1 on interior channels and spends less than the cap.
        SeparableSolver.Objective g = new SeparableSolver.Objective() {
            @Override
            public double value(int c, double x) {
                return base.value(c, x) - x;
            }

            @Override
            public double derivative(int c, double x) {
                return base.derivative(c, x) - 1;
            }
        };
        double[] lo = new double[3];
        double[] hi = {1e6, 1e6, 1e6};
        SeparableSolver.Problem p = new SeparableSolver.Problem(g, lo, hi, new int[] {-1, -1, -1}, new double[0],
                new double[0], 1e6, false);
        double[] x = SeparableSolver.lagrange(p).x();
        for (int c = 0; c < 3; c++) {
            if (x[c] > 0) {
                assertEquals(1, base.derivative(c, x[c]), 1e-6);
            }
        }
        assertTrue(x[0] + x[1] + x[2] < 1e6);
    }
}
