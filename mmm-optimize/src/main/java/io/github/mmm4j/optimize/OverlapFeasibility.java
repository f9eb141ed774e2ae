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
 */
final class OverlapFeasibility {

    private OverlapFeasibility() {
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
