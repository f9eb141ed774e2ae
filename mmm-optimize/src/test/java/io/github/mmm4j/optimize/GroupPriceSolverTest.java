package io.github.mmm4j.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GroupPriceSolver} on channel x geo grids where every cell is in its channel's group and its geo's: against
 * brute-force grid search on a 2 x 2 grid, and on larger grids against the first-order optimality condition of a
 * concave maximisation over a polyhedron, checked by an independent linear programme: {@code x*} is optimal exactly
 * when no feasible {@code y} has {@code grad f(x*) . (y - x*) > 0} (Boyd and Vandenberghe 2004, section 4.2.3).
 */
class GroupPriceSolverTest {

    /** Cells of a channel x geo grid, channel-major: variable {@code c * geos + g}. */
    record Grid(int channels, int geos) {
        int[][] groups() {
            int[][] out = new int[channels + geos][];
            for (int c = 0; c < channels; c++) {
                out[c] = new int[geos];
                for (int g = 0; g < geos; g++) {
                    out[c][g] = c * geos + g;
                }
            }
            for (int g = 0; g < geos; g++) {
                out[channels + g] = new int[channels];
                for (int c = 0; c < channels; c++) {
                    out[channels + g][c] = c * geos + g;
                }
            }
            return out;
        }
    }

    /**
     * Bounds that bind: each channel's and each geo's total between 0.6 and 0.9 of its share of the budget under the
     * unconstrained optimum, or above 1.1 of it, alternately.
     */
    private static double[][] bindingBounds(SeparableSolverTest.Hills f, Grid grid, double budget) {
        int n = grid.channels() * grid.geos();
        double[] lo = new double[n];
        double[] hi = new double[n];
        java.util.Arrays.fill(hi, budget);
        int[][] groups = grid.groups();
        double[] none = GroupPriceSolver.solve(f, lo, hi, new int[0][], new double[0], new double[0], budget, true)
                .x();
        double[] gLo = new double[groups.length];
        double[] gHi = new double[groups.length];
        for (int k = 0; k < groups.length; k++) {
            double t = 0;
            for (int c : groups[k]) {
                t += none[c];
            }
            if (k % 2 == 0) {
                gLo[k] = 0;
                gHi[k] = 0.75 * t;
            } else {
                gLo[k] = 1.1 * t;
                gHi[k] = Double.POSITIVE_INFINITY;
            }
        }
        return new double[][] {gLo, gHi};
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void matchesBruteForceOnATwoByTwoGrid(long seed) {
        Grid grid = new Grid(2, 2);
        SeparableSolverTest.Hills f = SeparableSolverTest.random(new Rng(seed), 4, false, false);
        double budget = 2_000;
        double[][] gb = bindingBounds(f, grid, budget);
        double[] lo = new double[4];
        double[] hi = {budget, budget, budget, budget};
        int[][] groups = grid.groups();
        SeparableSolver.Solution s = GroupPriceSolver.solve(f, lo, hi, groups, gb[0], gb[1], budget, true);
        assertEquals(OptimizerStatus.CONVERGED, s.status());
        assertFeasible(s.x(), lo, hi, groups, gb[0], gb[1], budget);
        double best = gridBest(f, groups, gb[0], gb[1], budget);
        assertTrue(best > Double.NEGATIVE_INFINITY, "the grid has a feasible point");
        assertTrue(objective(f, s.x()) >= best - 1e-9 * Math.abs(best), objective(f, s.x()) + " < grid " + best);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void meetsTheFirstOrderConditionOnLargerGrids(long seed) {
        Rng rng = new Rng(seed);
        Grid grid = new Grid(4, 6);
        int n = 24;
        SeparableSolverTest.Hills f = SeparableSolverTest.random(rng, n, false, false);
        double budget = 20_000;
        double[][] gb = bindingBounds(f, grid, budget);
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int c = 0; c < n; c++) {
            lo[c] = c % 5 == 0 ? 100 : 0;
            hi[c] = c % 7 == 0 ? 600 : budget;
        }
        int[][] groups = grid.groups();
        SeparableSolver.Solution s = GroupPriceSolver.solve(f, lo, hi, groups, gb[0], gb[1], budget, true);
        assertEquals(OptimizerStatus.CONVERGED, s.status());
        double[] x = s.x();
        assertFeasible(x, lo, hi, groups, gb[0], gb[1], budget);
        // the best linear gain over the feasible set: max grad . (y - x*) must be ~0
        double[] grad = new double[n];
        double gx = 0;
        for (int c = 0; c < n; c++) {
            grad[c] = f.derivative(c, x[c]);
            gx += grad[c] * x[c];
        }
        List<LinearConstraint> cons = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            double[] a = new double[n];
            a[c] = 1;
            cons.add(new LinearConstraint(a, Relationship.GEQ, lo[c]));
            cons.add(new LinearConstraint(a, Relationship.LEQ, hi[c]));
        }
        for (int k = 0; k < groups.length; k++) {
            double[] a = new double[n];
            for (int c : groups[k]) {
                a[c] = 1;
            }
            cons.add(new LinearConstraint(a, Relationship.GEQ, gb[0][k]));
            if (Double.isFinite(gb[1][k])) {
                cons.add(new LinearConstraint(a, Relationship.LEQ, gb[1][k]));
            }
        }
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        cons.add(new LinearConstraint(ones, Relationship.EQ, budget));
        PointValuePair lp = new SimplexSolver(1e-9, 10, 1e-14).optimize(new MaxIter(100_000),
                new LinearObjectiveFunction(grad, 0), new LinearConstraintSet(cons), GoalType.MAXIMIZE,
                new NonNegativeConstraint(true));
        double gain = lp.getValue() - gx;
        double scale = 0;
        for (int c = 0; c < n; c++) {
            scale += Math.abs(grad[c] * x[c]);
        }
        assertTrue(gain <= 1e-6 * scale, "a feasible direction gains " + gain + " (scale " + scale + ")");
        // and some group bound binds: the groups matter
        int binding = 0;
        for (int k = 0; k < groups.length; k++) {
            double t = 0;
            for (int c : groups[k]) {
                t += x[c];
            }
            binding += Math.abs(t - gb[0][k]) < 1e-6 * budget || Math.abs(t - gb[1][k]) < 1e-6 * budget ? 1 : 0;
        }
        assertTrue(binding >= 2, "binding groups " + binding);
    }

    /**
     * S-shaped curves on a 2 x 2 grid: the envelope's bound is never below the brute-force best (it is a bound), the
     * plan is feasible, and it is within the gap it reports of the brute-force best, which is within 2% here.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void sShapedCurvesComeWithinTheirReportedGap(long seed) {
        Grid grid = new Grid(2, 2);
        SeparableSolverTest.Hills f = SeparableSolverTest.random(new Rng(seed), 4, true, seed % 2 == 0);
        double budget = 2_000;
        double[] lo = new double[4];
        double[] hi = {budget, budget, budget, budget};
        int[][] groups = grid.groups();
        double[] gLo = {0, 500, 0, 300};
        double[] gHi = {1200, Double.POSITIVE_INFINITY, 1500, Double.POSITIVE_INFINITY};
        boolean[] concave = new boolean[4];
        for (int c = 0; c < 4; c++) {
            concave[c] = SeparableSolver.numericallyConcave(f, c, lo[c], hi[c]);
        }
        SeparableSolver.Solution s = GroupPriceSolver.solveAnyShape(f, lo, hi, groups, gLo, gHi, budget, true,
                concave, List.of("a", "b", "c", "d"));
        assertEquals(OptimizerStatus.CONVERGED, s.status());
        assertFeasible(s.x(), lo, hi, groups, gLo, gHi, budget);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("within ([0-9.eE+-]+)% of the best plan")
                .matcher(s.method());
        assertTrue(m.find(), s.method());
        double gap = Double.parseDouble(m.group(1)) / 100;
        double best = gridBest(f, groups, gLo, gHi, budget);
        double found = objective(f, s.x());
        // the reported gap bounds the distance to the best plan (the grid's best is at most the best plan)
        assertTrue(best <= found * (1 + gap) + 1e-9 * Math.abs(found) + 1e-6, best + " beyond " + found + " + "
                + gap);
        assertTrue(found >= best * (1 - 0.02), "found " + found + " against the grid's " + best + " (" + s.method()
                + ")");
    }

    /**
     * A group held at its members' minimums (a channel bounded to 0:0) fixes them there: its price could reach that
     * total only in the limit, since a Hill slope below 1 has an infinite marginal return at zero (a run once spun
     * for minutes on it). The plan holds every bound after a few sweeps.
     */
    @Test
    void aGroupHeldAtItsMinimumsFixesItsMembers() {
        Grid grid = new Grid(2, 2);
        SeparableSolverTest.Hills f = SeparableSolverTest.random(new Rng(8), 4, false, false);
        double budget = 2_000;
        double[] lo = new double[4];
        double[] hi = {budget, budget, budget, budget};
        int[][] groups = grid.groups();
        double[] gLo = {0, 0, 700, 0};
        double[] gHi = {0, Double.POSITIVE_INFINITY, 700, Double.POSITIVE_INFINITY};
        SeparableSolver.Solution s = GroupPriceSolver.solve(f, lo, hi, groups, gLo, gHi, budget, true);
        assertEquals(OptimizerStatus.CONVERGED, s.status());
        assertEquals(0.0, s.x()[0]);
        assertEquals(0.0, s.x()[1]);
        assertFeasible(s.x(), lo, hi, groups, gLo, gHi, budget);
        assertTrue(s.iterations() < 50, "sweeps " + s.iterations());
        assertEquals(0.0, lo[0], "the caller's bounds are not changed");
        assertEquals(budget, hi[0]);
    }

    @Test
    void overlappingBoundsThatCannotBeMetTogetherAreRefused() {
        // channel a (cells a@1, a@2) needs 60, but geos 1 and 2 hold at most 10 each
        BudgetConstraints c = BudgetConstraints.builder().budget(100)
                .group(new ChannelGroup("a", List.of("a@1", "a@2"), 60, Double.POSITIVE_INFINITY))
                .group(new ChannelGroup("1", List.of("a@1", "b@1"), 0, 10))
                .group(new ChannelGroup("2", List.of("a@2", "b@2"), 0, 10)).build();
        InfeasibleConstraintsException e = assertThrows(InfeasibleConstraintsException.class, () -> c.resolve(
                List.of("a@1", "a@2", "b@1", "b@2"), new double[] {25, 25, 25, 25}, 100, false));
        assertTrue(e.getMessage().contains("cannot all be met together") && e.getMessage().contains("group a"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(": group a >= 60, group 1 <= 10, group 2 <= 10"), e.getMessage());
        // each alone can be met, and together with room to spare they resolve as overlapping
        BudgetConstraints.Resolved r = BudgetConstraints.builder().budget(100)
                .group(new ChannelGroup("a", List.of("a@1", "a@2"), 60, Double.POSITIVE_INFINITY))
                .group(new ChannelGroup("1", List.of("a@1", "b@1"), 0, 50)).build()
                .resolve(List.of("a@1", "a@2", "b@1", "b@2"), new double[] {25, 25, 25, 25}, 100, true);
        assertTrue(r.overlapping());
        assertEquals(2, r.members().length);
    }

    @Test
    void theMessageNamesOnlyTheBoundsThatClash() {
        // 6 channels x 8 geos, every channel and geo bounded; only geo 3's minimum, a 0 cap on channels 0 to 4 and
        // channel 5's cap clash: geo 3 needs 50, and only channel 5 may spend there, at most 20 over all geos
        Grid grid = new Grid(6, 8);
        List<String> names = new ArrayList<>();
        for (int ch = 0; ch < 6; ch++) {
            for (int g = 0; g < 8; g++) {
                names.add(ch + "@" + g);
            }
        }
        BudgetConstraints.Builder b = BudgetConstraints.builder().budget(800);
        int[][] groups = grid.groups();
        for (int k = 0; k < groups.length; k++) {
            List<String> members = new ArrayList<>();
            for (int c : groups[k]) {
                members.add(names.get(c));
            }
            boolean channel = k < 6;
            double min = !channel && k - 6 == 3 ? 50 : 0;
            double max = channel ? (k == 5 ? 20 : k < 5 ? 0 : 1e9) : 400;
            b.group(new ChannelGroup(channel ? "ch" + k : "geo" + (k - 6), members, min, max));
        }
        double[] current = new double[names.size()];
        Arrays.fill(current, 800.0 / names.size());
        InfeasibleConstraintsException e = assertThrows(InfeasibleConstraintsException.class,
                () -> b.build().resolve(names, current, 800, false));
        String m = e.getMessage();
        assertTrue(m.contains("relax at least one of them"), m);
        String list = m.substring(m.lastIndexOf(": ") + 2);
        assertEquals(List.of("group ch0 <= 0", "group ch1 <= 0", "group ch2 <= 0", "group ch3 <= 0", "group ch4 <= 0",
                "group ch5 <= 20", "group geo3 >= 50"), Arrays.asList(list.split(", ")).stream().sorted().toList(), m);
    }

    /** Brute force on a 2 x 2 grid: x0, x1, x2 on a grid of 1/300 of the budget, x3 takes the rest. */
    private static double gridBest(SeparableSolver.Objective f, int[][] groups, double[] gLo, double[] gHi,
            double budget) {
        int steps = 300;
        double best = Double.NEGATIVE_INFINITY;
        double[] x = new double[4];
        for (int i = 0; i <= steps; i++) {
            for (int j = 0; i + j <= steps; j++) {
                for (int k = 0; i + j + k <= steps; k++) {
                    x[0] = budget * i / steps;
                    x[1] = budget * j / steps;
                    x[2] = budget * k / steps;
                    x[3] = Math.max(0, budget - x[0] - x[1] - x[2]);
                    if (within(x, groups, gLo, gHi, 1e-9 * budget)) {
                        best = Math.max(best, objective(f, x));
                    }
                }
            }
        }
        return best;
    }

    private static boolean within(double[] x, int[][] groups, double[] gLo, double[] gHi, double tol) {
        for (int k = 0; k < groups.length; k++) {
            double t = 0;
            for (int c : groups[k]) {
                t += x[c];
            }
            if (t < gLo[k] - tol || t > gHi[k] + tol) {
                return false;
            }
        }
        return true;
    }

    private static void assertFeasible(double[] x, double[] lo, double[] hi, int[][] groups, double[] gLo,
            double[] gHi, double budget) {
        double sum = 0;
        for (int c = 0; c < x.length; c++) {
            assertTrue(x[c] >= lo[c] - 1e-9 * budget && x[c] <= hi[c] + 1e-9 * budget, "x[" + c + "] = " + x[c]);
            sum += x[c];
        }
        assertEquals(budget, sum, 1e-9 * budget, "budget");
        assertTrue(within(x, groups, gLo, gHi, 1e-8 * budget), "group bounds: " + java.util.Arrays.toString(x));
    }

    private static double objective(SeparableSolver.Objective f, double[] x) {
        double s = 0;
        for (int c = 0; c < x.length; c++) {
            s += f.value(c, x[c]);
        }
        return s;
    }
}
