package io.github.mmm4j.optimize;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.LocalizedOptimFormats;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;

/**
 * Whether box bounds, overlapping group bounds and a budget can be met together: a linear feasibility problem, which
 * the per-group and per-total checks of {@link BudgetConstraints} cannot settle once groups overlap (a channel group
 * and a geo group can each be feasible alone and not together). Solved by Hipparchus' simplex method (phase 1) on
 * {@code y_c = (x_c - lo_c) / B >= 0}, scaled so that its tolerances are relative to the budget; box maxima that the
 * budget cannot reach are left out.
 *
 * <p>When they cannot, {@link #conflict} finds a set of bounds that cannot be met together while any smaller part of it
 * can (an irreducible infeasible subsystem), by the deletion filter of Chinneck and Dravnieks (1991, "Locating minimal
 * infeasible constraint sets in linear programs", ORSA Journal on Computing 3(2)): drop each bound in turn and keep it
 * out whenever the rest still cannot be met. So the message can name the bounds to relax instead of listing them all.
 */
final class OverlapFeasibility {

    /** A channel's minimum, in {@link #conflict}'s answer: {@code {CHANNEL_MIN, c}}. */
    static final int CHANNEL_MIN = 0;
    /** A channel's maximum. */
    static final int CHANNEL_MAX = 1;
    /** A group's minimum. */
    static final int GROUP_MIN = 2;
    /** A group's maximum. */
    static final int GROUP_MAX = 3;

    private OverlapFeasibility() {
    }

    /**
     * The bounds to relax: an irreducible set of them that cannot be met together with the budget (the budget is
     * always part of it). Channel bounds are dropped first, so the set keeps the group bounds where it can.
     *
     * @param lo (input) each channel's minimum
     * @param hi (input) each channel's maximum
     * @param members (input) each group's channels
     * @param groupLo (input) each group's minimum
     * @param groupHi (input) each group's maximum, possibly infinite
     * @param budget the budget
     * @param equality whether it is spent exactly
     * @param maxSolves how many feasibility problems to solve at most
     * @return {@code {kind, index}} per bound, in the order channel minimums, channel maximums, group minimums, group
     *         maximums; empty when the bounds can be met or the search needs more than {@code maxSolves} problems
     */
    static List<int[]> conflict(double[] lo, double[] hi, int[][] members, double[] groupLo, double[] groupHi,
            double budget, boolean equality, int maxSolves) {
        int n = lo.length;
        int ng = members.length;
        double[] l = lo.clone();
        double[] h = hi.clone();
        double[] gl = groupLo.clone();
        double[] gh = groupHi.clone();
        List<int[]> active = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (l[c] > 0) {
                active.add(new int[] {CHANNEL_MIN, c});
            }
        }
        for (int c = 0; c < n; c++) {
            if (h[c] < budget) {
                active.add(new int[] {CHANNEL_MAX, c});
            }
        }
        for (int g = 0; g < ng; g++) {
            if (gl[g] > 0) {
                active.add(new int[] {GROUP_MIN, g});
            }
        }
        for (int g = 0; g < ng; g++) {
            if (Double.isFinite(gh[g])) {
                active.add(new int[] {GROUP_MAX, g});
            }
        }
        if (active.size() + 1 > maxSolves || feasible(l, h, members, gl, gh, budget, equality)) {
            return List.of();
        }
        List<int[]> kept = new ArrayList<>();
        for (int[] b : active) {
            int i = b[1];
            double saved;
            switch (b[0]) {
                case CHANNEL_MIN -> {
                    saved = l[i];
                    l[i] = 0;
                }
                case CHANNEL_MAX -> {
                    saved = h[i];
                    h[i] = Double.POSITIVE_INFINITY;
                }
                case GROUP_MIN -> {
                    saved = gl[i];
                    gl[i] = 0;
                }
                default -> {
                    saved = gh[i];
                    gh[i] = Double.POSITIVE_INFINITY;
                }
            }
            if (feasible(l, h, members, gl, gh, budget, equality)) {
                // needed: put it back
                switch (b[0]) {
                    case CHANNEL_MIN -> l[i] = saved;
                    case CHANNEL_MAX -> h[i] = saved;
                    case GROUP_MIN -> gl[i] = saved;
                    default -> gh[i] = saved;
                }
                kept.add(b);
            }
        }
        return kept;
    }

    /**
     * @param lo (input) each channel's minimum
     * @param hi (input) each channel's maximum
     * @param members (input) each group's channels
     * @param groupLo (input) each group's minimum
     * @param groupHi (input) each group's maximum, possibly infinite
     * @param budget the budget
     * @param equality whether it is spent exactly
     * @return false only when the simplex method proves that no allocation meets them all
     */
    static boolean feasible(double[] lo, double[] hi, int[][] members, double[] groupLo, double[] groupHi,
            double budget, boolean equality) {
        int n = lo.length;
        double sumLo = 0;
        for (double v : lo) {
            sumLo += v;
        }
        double scale = Math.max(budget, 1e-300);
        double free = (budget - sumLo) / scale;
        List<LinearConstraint> cons = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            double room = (hi[c] - lo[c]) / scale;
            if (room < free) {
                double[] a = new double[n];
                a[c] = 1;
                cons.add(new LinearConstraint(a, Relationship.LEQ, Math.max(0, room)));
            }
        }
        for (int g = 0; g < members.length; g++) {
            double[] a = new double[n];
            double base = 0;
            for (int c : members[g]) {
                a[c] = 1;
                base += lo[c];
            }
            if (groupLo[g] > base) {
                cons.add(new LinearConstraint(a, Relationship.GEQ, (groupLo[g] - base) / scale));
            }
            if (Double.isFinite(groupHi[g])) {
                cons.add(new LinearConstraint(a, Relationship.LEQ, (groupHi[g] - base) / scale));
            }
        }
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        cons.add(new LinearConstraint(ones, equality ? Relationship.EQ : Relationship.LEQ, free));
        try {
            new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(new double[n], 0),
                    new LinearConstraintSet(cons), GoalType.MINIMIZE, new NonNegativeConstraint(true));
            return true;
        } catch (MathIllegalStateException e) {
            // only a proof of infeasibility says no; running out of iterations leaves the question to the solver
            return e.getSpecifier() != LocalizedOptimFormats.NO_FEASIBLE_SOLUTION;
        }
    }
}
