package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Allocates a budget across channels over a planning horizon: maximises a separable objective
 * {@code sum_c (kpiWeight * f_c(x_c) - spendWeight * x_c)} (see {@link Objective}) of the channels' expected horizon
 * responses {@code f_c} (see {@link ChannelResponse}) under {@link BudgetConstraints}.
 *
 * <p><b>Methods.</b> With every response concave on its bounds (Hill slope at most 1, logistic, Michaelis-Menten,
 * tanh, with non-negative coefficients) the Lagrange method is exact: bisection (safeguarded regula falsi) on the
 * budget's multiplier, each channel spending where its marginal return equals the multiplier, group multipliers
 * nested inside; the Karush-Kuhn-Tucker conditions are then met and are sufficient. Otherwise (S-shaped responses,
 * Hill slope above 1, or negative coefficients) an exact dynamic programme over a budget grid finds the global
 * optimum on the grid, which Lagrange polishing then refines within one grid step (see the package's
 * {@code SeparableSolver}). Concavity is known from the transforms (a positive coefficient times a concave
 * saturation) or else sampled; a Lagrange solve that rests on sampled concavity is checked against a coarse
 * (128-unit) grid search and the better plan kept, so that an S-shape the samples missed cannot leave the plan at a
 * stationary point that is not the maximum. Groups that overlap (on a panel, bounds on channels and on geos, or on
 * brands and on regions, each cell in two groups) are solved by dual coordinate ascent on one price per constraint
 * (the package's {@code GroupPriceSolver}), after a simplex check that they can be met together; with S-shaped
 * responses it solves the problem on their concave envelopes, rounds the cells left on an envelope's chord, and
 * reports how far the plan can be from the best one (the method's text). All methods are deterministic and
 * single-threaded: the same inputs give the same bits on every run.
 *
 * <p><b>Never worse than the current plan.</b> For the fixed-budget objectives the plan found is compared with the
 * current plan under the same constraints (the baseline plan when its channel totals meet them, else the Euclidean
 * projection of its totals onto the feasible set) on the objective's expected value over the horizon, evaluated by
 * {@link PlanningModel#expectedKpi}; unless it is better by more than a relative {@code 1e-9}, the current plan is
 * returned with {@link Allocation#improved()} false and a message that says to keep it. At the optimum of
 * {@link Objective.MaximizeKpi} with a fixed budget, funded channels that are neither locked nor at a bound share one
 * marginal ROI ({@link ChannelAllocation#marginalRoi()}): the Karush-Kuhn-Tucker stationarity condition.
 *
 * <p><b>Uncertainty.</b> The objective uses the expected responses (the mean over the model's draws); the
 * recommended plan's outcome is then evaluated per draw, giving intervals ({@link Allocation#outcome()}).
 *
 * <p><b>Targets.</b> {@link Objective.TargetKpi} bisects on the budget (the best KPI for a budget cap is
 * non-decreasing in the cap); {@link Objective.TargetRoi} scans 24 budgets geometrically up to the cap and bisects
 * the last crossing. For target objectives, profit and target marginal ROI the constraints' budget is a cap; without
 * one the cap is three times the current spend. For {@link Objective.MaximizeKpi} the budget defaults to the current
 * spend over the horizon.
 */
public final class BudgetOptimizer {

    /** Grid units of the global check behind a Lagrange solve whose concavity was only sampled. */
    private static final int VERIFY_UNITS = 128;

    /**
     * A plan counts as an improvement when its objective exceeds the current plan's by more than this fraction of
     * the current plan's objective (at least 1 KPI unit times this fraction): gains below it are rounding.
     */
    static final double IMPROVEMENT_TOLERANCE = 1e-9;

    private BudgetOptimizer() {
    }

    /**
     * Optimises with default options.
     *
     * @param model the planning model
     * @param constraints the constraints
     * @param objective the objective
     * @return the allocation
     * @throws InfeasibleConstraintsException if the constraints conflict
     */
    public static Allocation optimize(PlanningModel model, BudgetConstraints constraints, Objective objective) {
        return optimize(model, constraints, objective, OptimizerOptions.defaults());
    }

    /**
     * Optimises.
     *
     * @param model the planning model
     * @param constraints the constraints
     * @param objective the objective
     * @param options the options
     * @return the allocation; its status says whether a target was met
     * @throws InfeasibleConstraintsException if the constraints conflict (the message names them)
     */
    public static Allocation optimize(PlanningModel model, BudgetConstraints constraints, Objective objective,
            OptimizerOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(options, "options");
        double[] current = model.baseline().channelTotals();
        double currentTotal = sum(current);
        switch (objective.budgetSearch()) {
            case NONE: {
                double budget = constraints.budget().orElse(objective.budgetIsCap() ? 3 * currentTotal : currentTotal);
                boolean equality = !constraints.atMost() && !objective.budgetIsCap();
                Solved s = solve(model, constraints, objective, options, current, budget, equality);
                String what = String.format(Locale.ROOT, "%s for a budget %s %s", describe(objective),
                        equality ? "of" : "of at most", Fmt.amount(budget));
                SpendPlan optimal = model.plan(s.x);
                SpendPlan incumbent = currentUnder(model, s.constraints, current);
                double vOptimal = objectiveValue(model, objective, optimal);
                double vCurrent = objectiveValue(model, objective, incumbent);
                if (vOptimal > vCurrent + IMPROVEMENT_TOLERANCE * Math.max(1, Math.abs(vCurrent))) {
                    return allocation(model, objective, s, optimal, true, s.status,
                            String.format(Locale.ROOT, "%s: %s", s.status, what));
                }
                boolean same = incumbent == model.baseline();
                Solved kept = new Solved(incumbent.channelTotals(), s.status, s.iterations, s.method, s.constraints);
                return allocation(model, objective, kept, incumbent, false, s.status, String.format(Locale.ROOT,
                        "%s: %s; %s", s.status, what, same ? "no plan beats the current one: keep the current plan"
                                : "no plan beats the current spend moved onto the constraints (the nearest plan "
                                + "that meets them), so that is the plan"));
            }
            case SMALLEST_MEETING:
                return smallestMeeting(model, constraints, objective, options, current, cap(constraints, currentTotal));
            default:
                return largestMeeting(model, constraints, objective, options, current, cap(constraints, currentTotal));
        }
    }

    /**
     * The budget efficiency frontier: for each budget, the best expected KPI (budget spent exactly, other constraints
     * as given). Budgets at which the constraints conflict are left out.
     *
     * @param model the planning model
     * @param constraints the constraints (their own budget is ignored)
     * @param budgets (input) not modified; the budgets, finite and non-negative
     * @param options the options
     * @return one point per feasible budget, in the order given
     */
    public static List<FrontierPoint> frontier(PlanningModel model, BudgetConstraints constraints, double[] budgets,
            OptimizerOptions options) {
        return frontier(model, constraints, budgets, options, f -> { });
    }

    /**
     * {@link #frontier(PlanningModel, BudgetConstraints, double[], OptimizerOptions)}, reporting progress.
     *
     * @param model the planning model
     * @param constraints the constraints (their own budget is ignored)
     * @param budgets (input) not modified; the budgets, finite and non-negative
     * @param options the options
     * @param progress called after each budget with the fraction of budgets done, on the calling thread
     * @return one point per feasible budget, in the order given
     */
    public static List<FrontierPoint> frontier(PlanningModel model, BudgetConstraints constraints, double[] budgets,
            OptimizerOptions options, java.util.function.DoubleConsumer progress) {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(options, "options");
        double[] current = model.baseline().channelTotals();
        List<FrontierPoint> out = new ArrayList<>();
        for (int i = 0; i < budgets.length; i++) {
            Checks.checkArgument(Double.isFinite(budgets[i]) && budgets[i] >= 0, "budgets[%d] = %s; must be finite and >= 0",
                    i, budgets[i]);
            Solved s;
            try {
                s = solve(model, constraints, Objective.maximizeKpi(), options, current, budgets[i], true);
            } catch (InfeasibleConstraintsException e) {
                progress.accept((i + 1.0) / budgets.length);
                continue;
            }
            SpendPlan plan = model.plan(s.x);
            double kpi = model.expectedKpi(plan);
            double inc = incremental(model, s.x);
            double spend = sum(s.x);
            double mroi = 0;
            for (int c = 0; c < s.x.length; c++) {
                // A channel with no spend adds nothing to the spend-weighted mean (and its slope at 0 may be infinite).
                if (s.x[c] > 0) {
                    mroi += s.x[c] * model.response(c).derivative(s.x[c]);
                }
            }
            out.add(new FrontierPoint(budgets[i], kpi, inc, spend > 0 ? inc / spend : 0, spend > 0 ? mroi / spend : 0,
                    s.status));
            progress.accept((i + 1.0) / budgets.length);
        }
        return out;
    }

    /** A solve at one budget. */
    private record Solved(double[] x, OptimizerStatus status, int iterations, String method,
            BudgetConstraints.Resolved constraints) {
    }

    private static double cap(BudgetConstraints constraints, double currentTotal) {
        return constraints.budget().orElse(3 * currentTotal);
    }

    private static String describe(Objective o) {
        return switch (o.name()) {
            case "kpi" -> "maximised the expected KPI";
            case "profit" -> "maximised the expected profit";
            case "target-mroi" -> "spent while the marginal ROI is at least the target";
            default -> o instanceof Objective.TargetKpi t ? "the target KPI of " + Fmt.amount(t.kpi())
                    : o instanceof Objective.TargetRoi t ? "the target ROI of " + Fmt.amount(t.roi()) : o.name();
        };
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static double incremental(PlanningModel model, double[] x) {
        double s = 0;
        for (int c = 0; c < x.length; c++) {
            s += model.response(c).value(x[c]) - model.zeroContribution(-1, c);
        }
        return s;
    }

    private static Solved solve(PlanningModel model, BudgetConstraints constraints, Objective objective,
            OptimizerOptions options, double[] current, double budget, boolean equality) {
        BudgetConstraints.Resolved r = constraints.resolve(model.channels(), current, budget, equality);
        int n = model.nChannels();
        ChannelResponse[] f = new ChannelResponse[n];
        for (int c = 0; c < n; c++) {
            f[c] = model.response(c);
        }
        double m = objective.kpiWeight();
        double k = objective.spendWeight();
        SeparableSolver.Objective g = new SeparableSolver.Objective() {
            @Override
            public double value(int c, double x) {
                return m * f[c].value(x) - k * x;
            }

            @Override
            public double derivative(int c, double x) {
                return m * f[c].derivative(x) - k;
            }
        };
        if (r.overlapping()) {
            boolean[] concave = new boolean[n];
            boolean all = true;
            for (int c = 0; c < n; c++) {
                concave[c] = (f[c].knownConcave() && m > 0) || SeparableSolver.numericallyConcave(g, c, r.lo()[c],
                        r.hi()[c]);
                all &= concave[c];
            }
            SeparableSolver.Solution s = all
                    ? GroupPriceSolver.solve(g, r.lo(), r.hi(), r.members(), r.groupLo(), r.groupHi(), budget, equality)
                    : GroupPriceSolver.solveAnyShape(g, r.lo(), r.hi(), r.members(), r.groupLo(), r.groupHi(), budget,
                            equality, concave, model.channels());
            return new Solved(clamp(s.x(), r), s.status(), s.iterations(), s.method(), r);
        }
        SeparableSolver.Problem p = new SeparableSolver.Problem(g, r.lo(), r.hi(), r.groupOf(), r.groupLo(),
                r.groupHi(), budget, equality);
        OptimizerOptions.Method method = options.method();
        boolean verify = false;
        if (method == OptimizerOptions.Method.AUTO) {
            boolean concave = true;
            for (int c = 0; c < n && concave; c++) {
                boolean known = f[c].knownConcave() && m > 0;
                concave = known || SeparableSolver.numericallyConcave(g, c, r.lo()[c], r.hi()[c]);
                verify |= !known;
            }
            method = concave ? OptimizerOptions.Method.LAGRANGE : OptimizerOptions.Method.GRID;
        }
        SeparableSolver.Solution s;
        if (method == OptimizerOptions.Method.LAGRANGE) {
            s = SeparableSolver.lagrange(p);
            if (verify) {
                // Concavity was only sampled: a coarse global grid search guards against a missed S-shape.
                SeparableSolver.Solution check = SeparableSolver.gridThenPolish(p, VERIFY_UNITS);
                if (p.objective(check.x()) > p.objective(s.x()) + 1e-12 * Math.abs(p.objective(s.x()))) {
                    s = check;
                }
            }
        } else {
            int units = options.gridUnits() > 0 ? options.gridUnits() : Math.max(400, Math.min(2000, 40000 / n));
            s = SeparableSolver.gridThenPolish(p, units);
        }
        return new Solved(clamp(s.x(), r), s.status(), s.iterations(), s.method(), r);
    }

    /** Clamps rounding so that plans are exactly within bounds and non-negative; returns {@code x}. */
    private static double[] clamp(double[] x, BudgetConstraints.Resolved r) {
        for (int c = 0; c < x.length; c++) {
            x[c] = Math.max(r.lo()[c], Math.min(r.hi()[c], x[c]));
            if (r.locked()[c]) {
                x[c] = r.lo()[c];
            }
        }
        return x;
    }

    private static Allocation allocation(PlanningModel model, Objective objective, Solved s, OptimizerStatus status,
            String message) {
        return allocation(model, objective, s, model.plan(s.x), true, status, message);
    }

    private static Allocation allocation(PlanningModel model, Objective objective, Solved s, SpendPlan optimal,
            boolean improved, OptimizerStatus status, String message) {
        SpendPlan current = model.baseline();
        ScenarioResult outcome = model.evaluate(optimal, current);
        ScenarioResult now = model.evaluate(current, current);
        List<ChannelAllocation> channels = new ArrayList<>();
        for (int c = 0; c < model.nChannels(); c++) {
            ChannelOutcome o = outcome.channels().get(c);
            double cur = current.channelTotal(c);
            channels.add(new ChannelAllocation(o.name(), cur, s.x[c], Numbers.change(cur, s.x[c]),
                    model.expectedContribution(c, current.channelSeries(c)), o.contribution(), o.contributionInterval(),
                    o.marginalRoi(), now.channels().get(c).marginalRoi(), s.constraints.locked()[c]));
        }
        return new Allocation(status, message, objective.name(), s.method, s.iterations, sum(s.x), current, optimal,
                outcome, channels, improved);
    }

    /**
     * The objective's value of a plan over the horizon: {@code kpiWeight * expectedKpi(plan) - spendWeight * spend},
     * the expected KPI being the mean over the model's draws (see {@link PlanningModel#expectedKpi}).
     */
    private static double objectiveValue(PlanningModel model, Objective objective, SpendPlan plan) {
        return objective.kpiWeight() * model.expectedKpi(plan) - objective.spendWeight() * plan.total();
    }

    /**
     * The current plan under resolved constraints: the baseline itself when its channel totals meet them, else the
     * plan (spread by the flighting) of the Euclidean projection of the current totals onto the feasible set
     * {@code {lo <= x <= hi, group bounds, sum x = B (or <= B)}}, the nearest feasible totals. The projection
     * maximises the separable concave {@code -sum_c (x_c - current_c)^2 / 2}, which the Lagrange method solves
     * exactly (Brucker 1984, "An O(n) algorithm for quadratic knapsack problems").
     */
    private static SpendPlan currentUnder(PlanningModel model, BudgetConstraints.Resolved r, double[] current) {
        if (feasible(r, current)) {
            return model.baseline();
        }
        SeparableSolver.Objective q = SeparableSolver.nearest(current);
        double[] x = r.overlapping()
                ? GroupPriceSolver.solve(q, r.lo(), r.hi(), r.members(), r.groupLo(), r.groupHi(), r.budget(),
                        r.equality()).x()
                : SeparableSolver.lagrange(new SeparableSolver.Problem(q, r.lo(), r.hi(), r.groupOf(), r.groupLo(),
                        r.groupHi(), r.budget(), r.equality())).x();
        for (int c = 0; c < x.length; c++) {
            x[c] = r.locked()[c] ? r.lo()[c] : Math.max(r.lo()[c], Math.min(r.hi()[c], x[c]));
        }
        return model.plan(x);
    }

    /** Whether totals meet resolved constraints, to a relative {@code 1e-9} of the budget. */
    private static boolean feasible(BudgetConstraints.Resolved r, double[] x) {
        double tol = 1e-9 * Math.max(1, r.budget());
        double total = 0;
        double[] groups = new double[r.groupLo().length];
        for (int c = 0; c < x.length; c++) {
            if (x[c] < r.lo()[c] - tol || x[c] > r.hi()[c] + tol) {
                return false;
            }
            total += x[c];
        }
        for (int gi = 0; gi < groups.length; gi++) {
            for (int c : r.members()[gi]) {
                groups[gi] += x[c];
            }
        }
        for (int gi = 0; gi < groups.length; gi++) {
            if (groups[gi] < r.groupLo()[gi] - tol || groups[gi] > r.groupHi()[gi] + tol) {
                return false;
            }
        }
        return total <= r.budget() + tol && (!r.equality() || total >= r.budget() - tol);
    }

    private static boolean meets(PlanningModel model, Objective objective, Solved s) {
        double kpi = model.nonMediaKpi();
        for (int c = 0; c < s.x.length; c++) {
            kpi += model.response(c).value(s.x[c]);
        }
        return objective.meets(kpi, incremental(model, s.x), sum(s.x));
    }

    private static Solved tryAt(PlanningModel model, BudgetConstraints constraints, Objective objective,
            OptimizerOptions options, double[] current, double budget, boolean equality) {
        try {
            return solve(model, constraints, objective, options, current, budget, equality);
        } catch (InfeasibleConstraintsException e) {
            return null;
        }
    }

    private static Allocation smallestMeeting(PlanningModel model, BudgetConstraints constraints, Objective objective,
            OptimizerOptions options, double[] current, double cap) {
        Solved top = solve(model, constraints, objective, options, current, cap, false);
        if (!meets(model, objective, top)) {
            return allocation(model, objective, top, OptimizerStatus.INFEASIBLE, String.format(Locale.ROOT,
                    "INFEASIBLE: %s is not reached within the budget cap %s; the best plan at the cap is returned",
                    objective, Fmt.amount(cap)));
        }
        double lo = 0;
        double hi = cap;
        Solved best = top;
        Solved atLo = tryAt(model, constraints, objective, options, current, 0, false);
        if (atLo != null && meets(model, objective, atLo)) {
            best = atLo;
            hi = 0;
        }
        int it = 0;
        while (hi - lo > 1e-7 * cap && it++ < 80) {
            double mid = 0.5 * (lo + hi);
            Solved s = tryAt(model, constraints, objective, options, current, mid, false);
            if (s != null && meets(model, objective, s)) {
                hi = mid;
                best = s;
            } else {
                lo = mid;
            }
        }
        OptimizerStatus status = it > 80 ? OptimizerStatus.MAX_ITERATIONS : best.status;
        return allocation(model, objective, best, status, String.format(Locale.ROOT,
                "%s: %s is reached with a budget of %s", status, describe(objective), Fmt.amount(sum(best.x))));
    }

    private static Allocation largestMeeting(PlanningModel model, BudgetConstraints constraints, Objective objective,
            OptimizerOptions options, double[] current, double cap) {
        int scan = 24;
        double[] budgets = new double[scan];
        Solved[] solved = new Solved[scan];
        int last = -1;
        Solved bestRoi = null;
        double bestRoiValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scan; i++) {
            budgets[i] = cap * Math.pow(1e-3, (double) (scan - 1 - i) / (scan - 1));
            solved[i] = tryAt(model, constraints, objective, options, current, budgets[i], true);
            if (solved[i] == null) {
                continue;
            }
            double spend = sum(solved[i].x);
            double roi = spend > 0 ? incremental(model, solved[i].x) / spend : Double.NEGATIVE_INFINITY;
            if (roi > bestRoiValue) {
                bestRoiValue = roi;
                bestRoi = solved[i];
            }
            if (meets(model, objective, solved[i])) {
                last = i;
            }
        }
        if (last < 0) {
            Solved fallback = bestRoi != null ? bestRoi : solve(model, constraints, objective, options, current, cap, false);
            return allocation(model, objective, fallback, OptimizerStatus.INFEASIBLE, String.format(Locale.ROOT,
                    "INFEASIBLE: %s is not reached at any budget up to %s; the plan with the highest ROI is returned",
                    objective, Fmt.amount(cap)));
        }
        Solved best = solved[last];
        if (last < scan - 1) {
            double lo = budgets[last];
            double hi = budgets[last + 1];
            for (int it = 0; it < 60 && hi - lo > 1e-7 * hi; it++) {
                double mid = 0.5 * (lo + hi);
                Solved s = tryAt(model, constraints, objective, options, current, mid, true);
                if (s != null && meets(model, objective, s)) {
                    lo = mid;
                    best = s;
                } else {
                    hi = mid;
                }
            }
        }
        return allocation(model, objective, best, best.status, String.format(Locale.ROOT,
                "%s: %s holds up to a budget of %s", best.status, describe(objective), Fmt.amount(sum(best.x))));
    }
}
