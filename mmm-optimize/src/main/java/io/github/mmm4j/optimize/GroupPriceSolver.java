package io.github.mmm4j.optimize;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximises a separable concave objective {@code sum_c g_c(x_c)} subject to box bounds {@code lo_c <= x_c <= hi_c},
 * groups that may <em>overlap</em> ({@code L_k <= sum_{c in G_k} x_c <= U_k}: a cell of a panel in its channel's
 * group and in its geo's, or in a brand's and a region's) and a budget {@code sum_c x_c = B} (or {@code <= B}).
 * {@link SeparableSolver} needs disjoint groups; this solver does not.
 *
 * <p><b>Method: dual coordinate ascent</b> (Tseng and Bertsekas 1987, "Relaxation methods for problems with strictly
 * convex separable costs and linear constraints", Mathematical Programming 38, 303-321; Bertsekas, Nonlinear
 * Programming, 3rd ed., section 6.2). Every constraint {@code k} (the budget and each group) has a price
 * {@code p_k}; a variable pays the sum {@code P_c} of the prices of the constraints it belongs to and takes
 * {@code x_c(P_c) = argmax_{lo_c <= x <= hi_c} g_c(x) - P_c x}, the point where its marginal return equals
 * {@code P_c} (clamped to its box). A sweep visits the constraints in turn and sets each price, the others held, so
 * that its own constraint holds with complementary slackness: price 0 when the total lies within its bounds, a
 * positive price that brings it down to {@code U_k}, or a negative one (a subsidy) that lifts it to {@code L_k}.
 * Each step maximises the concave dual function along one coordinate, so the dual value never falls; for strictly
 * concave {@code g_c} the prices converge and {@code x(P)} to the optimum. Sweeps stop when every constraint holds to
 * {@code 1e-9} of the budget with complementary slackness, which are the Karush-Kuhn-Tucker conditions (sufficient for
 * a concave objective over a polyhedron). A last step on the budget's price makes the budget exact.
 *
 * <p>Deterministic and single-threaded; the same inputs give the same bits. Non-concave {@code g_c} (S-shaped
 * responses) are not supported: the price of a constraint then need not have a total that meets it.
 */
final class GroupPriceSolver {

    /** Sweeps at most. */
    static final int MAX_SWEEPS = 5_000;

    /** Minorize-maximize steps at most that polish an S-shaped plan ({@link #solveAnyShape}). */
    static final int MM_ITERATIONS = 10;

    /**
     * Sweeps at most of each minorize-maximize step and of each on/off choice's solve in {@link #solveAnyShape}; a
     * solve that does not converge within them is dropped (it bounds the work of the search).
     */
    static final int MM_SWEEPS = 500;

    /** Sweeps at most of the relaxation on the concave envelopes ({@link #solveAnyShape}). */
    static final int RELAXATION_SWEEPS = 200;

    private final SeparableSolver.Objective g;
    private final double[] lo;
    private final double[] hi;
    /** Constraint 0 is the budget; 1..K the groups. */
    private final int[][] members;
    private final double[] lower;
    private final double[] upper;
    private final double[] price;
    /** P_c: the sum of the prices of the constraints variable c belongs to. */
    private final double[] paid;
    /** {@code g_c'} at each box's ends. */
    private final double[] slopeLo;
    private final double[] slopeHi;
    private final double tol;

    private GroupPriceSolver(SeparableSolver.Objective g, double[] lo, double[] hi, int[][] groups, double[] groupLo,
            double[] groupHi, double budget, boolean equality) {
        this.g = g;
        int n = lo.length;
        tol = 1e-9 * Math.max(1, budget);
        // presolve: a group whose maximum is its members' minimums (or whose minimum is their maximums) fixes them
        // there; its price could only reach that total in the limit (an infinite slope at zero spend), so it is
        // dropped from the sweeps
        this.lo = lo.clone();
        this.hi = hi.clone();
        boolean[] fixedGroup = new boolean[groups.length];
        for (int i = 0; i < groups.length; i++) {
            double sLo = 0;
            double sHi = 0;
            for (int c : groups[i]) {
                sLo += lo[c];
                sHi += hi[c];
            }
            if (groupHi[i] <= sLo + tol) {
                fixedGroup[i] = true;
                for (int c : groups[i]) {
                    this.hi[c] = this.lo[c];
                }
            } else if (groupLo[i] >= sHi - tol) {
                fixedGroup[i] = true;
                for (int c : groups[i]) {
                    this.lo[c] = this.hi[c];
                }
            }
        }
        lo = this.lo;
        hi = this.hi;
        int k = groups.length + 1;
        members = new int[k][];
        lower = new double[k];
        upper = new double[k];
        int[] all = new int[n];
        for (int c = 0; c < n; c++) {
            all[c] = c;
        }
        members[0] = all;
        lower[0] = equality ? budget : Double.NEGATIVE_INFINITY;
        upper[0] = budget;
        for (int i = 0; i < groups.length; i++) {
            members[i + 1] = fixedGroup[i] ? new int[0] : groups[i];
            lower[i + 1] = fixedGroup[i] ? Double.NEGATIVE_INFINITY : groupLo[i];
            upper[i + 1] = fixedGroup[i] ? Double.POSITIVE_INFINITY : groupHi[i];
        }
        price = new double[k];
        paid = new double[n];
        slopeLo = new double[n];
        slopeHi = new double[n];
        for (int c = 0; c < n; c++) {
            slopeLo[c] = hi[c] > lo[c] ? g.derivative(c, lo[c]) : Double.NaN;
            slopeHi[c] = hi[c] > lo[c] ? g.derivative(c, hi[c]) : Double.NaN;
        }
    }

    /**
     * Solves.
     *
     * @param g the concave per-variable objective
     * @param lo (input) lower bounds
     * @param hi (input) upper bounds, finite
     * @param groups (input) each group's variable indices; a variable may be in several groups
     * @param groupLo (input) each group's lower bound
     * @param groupHi (input) each group's upper bound
     * @param budget the budget
     * @param equality whether the budget is spent exactly (else at most)
     * @return the solution, status {@link OptimizerStatus#CONVERGED} when the conditions above hold, else
     *     {@link OptimizerStatus#MAX_ITERATIONS}
     */
    static SeparableSolver.Solution solve(SeparableSolver.Objective g, double[] lo, double[] hi, int[][] groups,
            double[] groupLo, double[] groupHi, double budget, boolean equality) {
        GroupPriceSolver s = new GroupPriceSolver(g, lo, hi, groups, groupLo, groupHi, budget, equality);
        return s.run(MAX_SWEEPS);
    }

    /**
     * Solves with curves of any shape made of a convex part then a concave one (S-shaped responses; concave ones
     * are the special case without a convex part), by the concave envelope (Agrali and Geunes 2009, "Solving knapsack
     * problems with S-curve return functions", European Journal of Operational Research 193, 605-615):
     * <ol>
     *   <li>each curve's envelope on its box: the chord from {@code lo_c} to the tangent point {@code t_c} (the point
     *       of steepest chord), then the curve. It is concave; a slight concave bend of the chord (its slope falls by
     *       a thousandth from {@code lo_c} to {@code t_c}) makes it strictly so, for the dual method above;</li>
     *   <li>the relaxed problem on the envelopes, by the dual method for at most {@value #RELAXATION_SWEEPS} sweeps:
     *       the Lagrangian dual at its prices bounds the best plan's value from above whatever they are (plus the
     *       bend's at most {@code 5e-4 s_c (t_c - lo_c)} per curve), and its plan, when it converged, is a
     *       candidate;</li>
     *   <li>each S-shaped cell is then <em>on</em> (on the concave part of its curve, from its inflection point
     *       {@code i_c}, the point of steepest slope, to {@code hi_c}) or <em>off</em> (held at {@code lo_c}): on
     *       when its relaxed spend is past the middle of {@code [lo_c, t_c]}. With the cells so set the problem is
     *       concave and solved exactly (when the boxes can still meet the groups and the budget, by the simplex
     *       check); a local search over the cells in doubt (left on a chord by the relaxation, or on and held at
     *       their inflection point) then flips one, or swaps one with a cell of the other state, while that improves
     *       the plan and the bound leaves room (at most {@code 10 + S} solves for {@code S} S-shaped cells, each
     *       started from the prices of the plan kept and dropped if it does not converge in
     *       {@value #MM_SWEEPS} sweeps);</li>
     *   <li>a minorize-maximize polish of the best plan (see the code), which can also move cells along the convex
     *       part of their curves, and, when the relaxation itself did not converge, its plan projected onto the
     *       bounds as a further candidate.</li>
     * </ol>
     * The best plan on the true curves is returned, and its distance from the bound says how far from the best
     * possible it can be (the method's text). The on/off choice never puts a cell between {@code lo_c} and
     * {@code i_c}, on the convex part of its curve; only the polish can, and the bound covers that case too. Curves
     * with more than one convex part are refused.
     *
     * @param g the per-variable objective
     * @param lo (input) lower bounds
     * @param hi (input) upper bounds, finite
     * @param groups (input) each group's variable indices
     * @param groupLo (input) each group's lower bound
     * @param groupHi (input) each group's upper bound
     * @param budget the budget
     * @param equality whether the budget is spent exactly (else at most)
     * @param concave (input) whether each {@code g_c} is concave on its box
     * @param names each variable's name, for messages
     * @return the solution; its method names the bound's gap
     * @throws IllegalArgumentException naming a curve that is not convex and then concave
     */
    static SeparableSolver.Solution solveAnyShape(SeparableSolver.Objective g, double[] lo, double[] hi,
            int[][] groups, double[] groupLo, double[] groupHi, double budget, boolean equality, boolean[] concave,
            List<String> names) {
        int n = lo.length;
        double[] t = new double[n];
        double[] slope = new double[n];
        double[] bend = new double[n];
        double bendTotal = 0;
        for (int c = 0; c < n; c++) {
            t[c] = lo[c];
            if (concave[c] || !(hi[c] > lo[c])) {
                continue;
            }
            t[c] = tangentPoint(g, c, lo[c], hi[c]);
            slope[c] = (g.value(c, t[c]) - g.value(c, lo[c])) / (t[c] - lo[c]);
            if (t[c] < hi[c] && !SeparableSolver.numericallyConcave(g, c, t[c], hi[c])) {
                throw new IllegalArgumentException("'" + names.get(c) + "' has a response curve with more than one "
                        + "convex stretch between " + Fmt.amount(lo[c]) + " and " + Fmt.amount(hi[c]) + ", which "
                        + "bounds on overlapping groups (channels and geos) cannot plan; bound the channels or the "
                        + "geos, not both");
            }
            bend[c] = 1e-3 * slope[c] / (t[c] - lo[c]);
            bendTotal += 0.5 * bend[c] * (t[c] - lo[c]) * (t[c] - lo[c]);
        }
        SeparableSolver.Objective env = new SeparableSolver.Objective() {
            @Override
            public double value(int c, double x) {
                if (x >= t[c]) {
                    return g.value(c, x);
                }
                double d = t[c] - x;
                return g.value(c, t[c]) - slope[c] * d - 0.5 * bend[c] * d * d;
            }

            @Override
            public double derivative(int c, double x) {
                return x >= t[c] ? g.derivative(c, x) : slope[c] + bend[c] * (t[c] - x);
            }
        };
        // the relaxation need not converge: its prices give a bound by weak duality whatever they are, and its plan
        // only seeds the on/off choice (it is kept as a plan only when it converged, and so is feasible)
        GroupPriceSolver relax = new GroupPriceSolver(env, lo, hi, groups, groupLo, groupHi, budget, equality);
        SeparableSolver.Solution relaxed = relax.run(RELAXATION_SWEEPS);
        double[] xr = relaxed.x();
        double bound = relax.dualValue() + bendTotal;
        boolean relaxedFeasible = relaxed.status() == OptimizerStatus.CONVERGED;
        double[] best = relaxedFeasible ? xr : null;
        double fBest = relaxedFeasible ? objective(g, xr) : Double.NEGATIVE_INFINITY;
        int sweeps = relaxed.iterations();
        // on[c]: whether S-shaped cell c is on the concave part of its curve (else held at lo); the rounded relaxed
        // plan first, then all on, then the local search
        List<Integer> shaped = new ArrayList<>();
        boolean[] rounded = new boolean[n];
        double[] inflection = new double[n];
        for (int c = 0; c < n; c++) {
            inflection[c] = lo[c];
            if (t[c] > lo[c]) {
                shaped.add(c);
                rounded[c] = xr[c] >= 0.5 * (lo[c] + t[c]);
                inflection[c] = steepest(g, c, lo[c], t[c]);
            }
        }
        OnOff search = new OnOff(g, lo, hi, inflection, groups, groupLo, groupHi, budget, equality, rounded);
        boolean[] allOn = rounded.clone();
        for (int c : shaped) {
            allOn[c] = true;
        }
        if (!java.util.Arrays.equals(allOn, rounded)) {
            search.tryPattern(allOn);
        }
        // local search over the cells in doubt (left on a chord by the relaxation, or on and held at the start of
        // their concave part): flip one, else swap one with a cell of the other state, while that helps and the
        // bound leaves room
        int maxSolves = 10 + shaped.size();
        boolean[] doubt = new boolean[n];
        for (int c : shaped) {
            doubt[c] = xr[c] > lo[c] && xr[c] < t[c];
        }
        for (int pass = 0; pass < 8 && search.solves < maxSolves; pass++) {
            Restricted cur = search.current;
            if (cur.x != null && bound - cur.value <= 1e-5 * Math.abs(cur.value)) {
                break;
            }
            for (int c : shaped) {
                doubt[c] |= cur.x != null && search.on[c] && cur.x[c] <= inflection[c] + 1e-9 * (hi[c] - lo[c]);
            }
            boolean improved = false;
            for (int i = 0; i < shaped.size() && search.solves < maxSolves; i++) {
                int c = shaped.get(i);
                improved |= doubt[c] && search.tryFlip(c, c);
            }
            for (int i = 0; i < shaped.size() && !improved && search.solves < maxSolves; i++) {
                for (int j = 0; j < shaped.size() && !improved && search.solves < maxSolves; j++) {
                    int c = shaped.get(i);
                    int d = shaped.get(j);
                    improved = search.on[c] && !search.on[d] && (doubt[c] || doubt[d]) && search.tryFlip(c, d);
                }
            }
            if (!improved) {
                break;
            }
        }
        Restricted current = search.current;
        sweeps += current.sweeps;
        if (current.x != null && current.value > fBest) {
            best = current.x;
            fBest = current.value;
        }
        if (!relaxedFeasible) {
            // the relaxation's plan, made feasible: its Euclidean projection onto the bounds (strictly concave, so
            // exact), for when a cell's best place is on the convex part of its curve, which no on/off choice
            // allows (an S-shaped channel spending below its inflection point under tight group bounds)
            SeparableSolver.Solution p = solve(SeparableSolver.nearest(xr), lo, hi, groups, groupLo, groupHi, budget,
                    equality);
            sweeps += p.iterations();
            double f = objective(g, p.x());
            if (p.status() == OptimizerStatus.CONVERGED && f > fBest) {
                best = p.x();
                fBest = f;
            }
        }
        if (best == null) {
            // no plan that meets every bound was found
            return new SeparableSolver.Solution(xr, OptimizerStatus.MAX_ITERATIONS, sweeps, "group-prices+envelope");
        }
        // minorize-maximize polish (Lange, Hunter and Yang 2000, "Optimization transfer using surrogate objective
        // functions", Journal of Computational and Graphical Statistics 9, 1-20): around the plan x^k,
        // g_c(x) - L_c (x - x^k_c)^2 / 2 is concave when L_c bounds g_c'' on the box, lies below g_c and touches it at
        // x^k, so the exact maximum of its sum under the bounds can only raise the true objective; it also moves
        // cells on the convex part of their curves, which the on/off choice cannot
        double[] curvature = new double[n];
        for (int c : shaped) {
            curvature[c] = 2 * maxCurvature(g, c, lo[c], hi[c]);
        }
        for (int it = 0; it < MM_ITERATIONS && bound - fBest > 1e-5 * Math.abs(fBest); it++) {
            double[] xk = best.clone();
            SeparableSolver.Objective minorant = new SeparableSolver.Objective() {
                @Override
                public double value(int c, double x) {
                    double d = x - xk[c];
                    return g.value(c, x) - 0.5 * curvature[c] * d * d;
                }

                @Override
                public double derivative(int c, double x) {
                    return g.derivative(c, x) - curvature[c] * (x - xk[c]);
                }
            };
            SeparableSolver.Solution p = new GroupPriceSolver(minorant, lo, hi, groups, groupLo, groupHi, budget,
                    equality).run(MM_SWEEPS);
            sweeps += p.iterations();
            double f = objective(g, p.x());
            if (p.status() != OptimizerStatus.CONVERGED || !(f > fBest + 1e-10 * Math.abs(fBest))) {
                break;
            }
            best = p.x();
            fBest = f;
        }
        double gap = Math.max(0, bound - fBest) / Math.max(1e-300, Math.abs(fBest));
        return new SeparableSolver.Solution(best, OptimizerStatus.CONVERGED, sweeps, String.format(
                java.util.Locale.ROOT, "group-prices+envelope (within %.2g%% of the best plan)", 100 * gap));
    }

    /** A solve with each S-shaped cell on the concave part of its curve or held at its minimum. */
    private record Restricted(double[] x, double value, int sweeps) {
    }

    /**
     * The on/off choices of the S-shaped cells and the best restricted plan found so far: each S-shaped cell on the
     * concave part of its curve (from its inflection point {@code from_c}) or held at its minimum, the problem then
     * concave and solved exactly.
     */
    private static final class OnOff {
        private final SeparableSolver.Objective g;
        private final double[] lo;
        private final double[] hi;
        private final double[] from;
        private final int[][] groups;
        private final double[] groupLo;
        private final double[] groupHi;
        private final double budget;
        private final boolean equality;
        final boolean[] on;
        Restricted current;
        int solves;
        /** The prices of the current plan's solve, and of the last solve. */
        private double[] prices;
        private double[] lastPrices;

        OnOff(SeparableSolver.Objective g, double[] lo, double[] hi, double[] from, int[][] groups,
                double[] groupLo, double[] groupHi, double budget, boolean equality, boolean[] on) {
            this.g = g;
            this.lo = lo;
            this.hi = hi;
            this.from = from;
            this.groups = groups;
            this.groupLo = groupLo;
            this.groupHi = groupHi;
            this.budget = budget;
            this.equality = equality;
            this.on = on.clone();
            this.current = solve(this.on);
            this.prices = lastPrices;
        }

        /** Keeps {@code pattern} if its plan is better; returns whether it was. */
        boolean tryPattern(boolean[] pattern) {
            Restricted r = solve(pattern);
            if (!better(r)) {
                return false;
            }
            System.arraycopy(pattern, 0, on, 0, on.length);
            current = r;
            prices = lastPrices;
            return true;
        }

        /** Flips cells {@code c} and {@code d} (one cell when equal), keeping the change if it helps. */
        boolean tryFlip(int c, int d) {
            boolean[] pattern = on.clone();
            pattern[c] = !pattern[c];
            if (d != c) {
                pattern[d] = !pattern[d];
            }
            return tryPattern(pattern);
        }

        private boolean better(Restricted r) {
            return r.value > current.value
                    + (Double.isInfinite(current.value) ? 0 : 1e-12 * Math.abs(current.value));
        }

        private Restricted solve(boolean[] pattern) {
            solves++;
            int n = lo.length;
            double[] a = lo.clone();
            double[] b = hi.clone();
            for (int c = 0; c < n; c++) {
                if (from[c] > lo[c]) {
                    if (pattern[c]) {
                        a[c] = from[c];
                    } else {
                        b[c] = lo[c];
                    }
                }
            }
            if (!OverlapFeasibility.feasible(a, b, groups, groupLo, groupHi, budget, equality)) {
                return new Restricted(null, Double.NEGATIVE_INFINITY, 0);
            }
            // warm start from the prices of the last plan kept: one flip moves them little
            GroupPriceSolver solver = new GroupPriceSolver(g, a, b, groups, groupLo, groupHi, budget, equality);
            if (prices != null) {
                solver.startFrom(prices);
            }
            SeparableSolver.Solution r = solver.run(MM_SWEEPS);
            lastPrices = solver.price.clone();
            if (r.status() != OptimizerStatus.CONVERGED) {
                return new Restricted(null, Double.NEGATIVE_INFINITY, r.iterations());
            }
            return new Restricted(r.x(), objective(g, r.x()), r.iterations());
        }
    }

    /** The largest second derivative of {@code g_c} on {@code [lo, hi]}, from slopes on 256 points (at least 0). */
    private static double maxCurvature(SeparableSolver.Objective g, int c, double lo, double hi) {
        int m = 256;
        double h = (hi - lo) / m;
        double prev = g.derivative(c, lo + 1e-9 * (hi - lo));
        double max = 0;
        for (int i = 1; i <= m; i++) {
            double d = g.derivative(c, lo + i * h);
            if (Double.isFinite(d) && Double.isFinite(prev)) {
                max = Math.max(max, (d - prev) / h);
            }
            prev = d;
        }
        return max;
    }

    /**
     * The inflection point of a convex-then-concave curve on {@code [lo, t]}: where its slope is steepest, found on 64
     * points and refined by golden-section search (the slope rises to it and then falls).
     */
    private static double steepest(SeparableSolver.Objective g, int c, double lo, double t) {
        int m = 64;
        int arg = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= m; i++) {
            double d = g.derivative(c, lo + (t - lo) * i / m);
            if (Double.isFinite(d) && d > best) {
                best = d;
                arg = i;
            }
        }
        double a = lo + (t - lo) * Math.max(0, arg - 1) / m;
        double b = lo + (t - lo) * Math.min(m, arg + 1) / m;
        double phi = 0.5 * (Math.sqrt(5) - 1);
        for (int it = 0; it < 100 && b - a > 1e-12 * (t - lo); it++) {
            double x1 = b - phi * (b - a);
            double x2 = a + phi * (b - a);
            if (g.derivative(c, x1) >= g.derivative(c, x2)) {
                b = x2;
            } else {
                a = x1;
            }
        }
        return Math.min(t, Math.max(lo, 0.5 * (a + b)));
    }

    /**
     * The tangent point of the envelope from {@code (lo, g(lo))}: the {@code x} in {@code (lo, hi]} of steepest chord
     * {@code (g(x) - g(lo)) / (x - lo)}, found on 256 points and refined by golden-section search between the
     * neighbours of the best (the chord slope of a convex-then-concave curve rises to the tangent point and then
     * falls).
     */
    private static double tangentPoint(SeparableSolver.Objective g, int c, double lo, double hi) {
        double g0 = g.value(c, lo);
        int m = 256;
        int arg = m;
        double bestSlope = Double.NEGATIVE_INFINITY;
        for (int i = 1; i <= m; i++) {
            double x = lo + (hi - lo) * i / m;
            double sl = (g.value(c, x) - g0) / (x - lo);
            if (sl > bestSlope) {
                bestSlope = sl;
                arg = i;
            }
        }
        double a = lo + (hi - lo) * (arg - 1) / m;
        double b = lo + (hi - lo) * Math.min(m, arg + 1) / m;
        double phi = 0.5 * (Math.sqrt(5) - 1);
        for (int it = 0; it < 100 && b - a > 1e-12 * (hi - lo); it++) {
            double x1 = b - phi * (b - a);
            double x2 = a + phi * (b - a);
            double s1 = x1 > lo ? (g.value(c, x1) - g0) / (x1 - lo) : Double.NEGATIVE_INFINITY;
            double s2 = (g.value(c, x2) - g0) / (x2 - lo);
            if (s1 >= s2) {
                b = x2;
            } else {
                a = x1;
            }
        }
        return Math.min(hi, Math.max(lo, 0.5 * (a + b)));
    }

    private static double objective(SeparableSolver.Objective g, double[] x) {
        double s = 0;
        for (int c = 0; c < x.length; c++) {
            s += g.value(c, x[c]);
        }
        return s;
    }

    private SeparableSolver.Solution run(int maxSweeps) {
        int sweeps = 0;
        boolean converged = false;
        while (sweeps < maxSweeps) {
            sweeps++;
            for (int k = 0; k < members.length; k++) {
                update(k);
            }
            if (satisfied()) {
                converged = true;
                break;
            }
        }
        update(0);
        double[] x = new double[lo.length];
        for (int c = 0; c < x.length; c++) {
            x[c] = response(c, paid[c]);
        }
        return new SeparableSolver.Solution(x, converged ? OptimizerStatus.CONVERGED : OptimizerStatus.MAX_ITERATIONS,
                sweeps, "group-prices");
    }

    /** Starts the sweeps from given prices (of a nearby problem with the same constraints). */
    private void startFrom(double[] p) {
        for (int k = 0; k < members.length; k++) {
            double d = p[k] - price[k];
            if (d != 0) {
                for (int c : members[k]) {
                    paid[c] += d;
                }
                price[k] = p[k];
            }
        }
    }

    /**
     * The Lagrangian dual function at the current prices, {@code sum_c max_{lo_c <= x <= hi_c} (g_c(x) - P_c x) +
     * sum_k h_k(p_k)} with {@code h_k(p) = p U_k} for {@code p > 0} and {@code p L_k} for {@code p < 0}: by weak
     * duality at least the best value of the problem, at any prices (Boyd and Vandenberghe 2004, section 5.1.3).
     */
    private double dualValue() {
        double q = 0;
        for (int c = 0; c < lo.length; c++) {
            double x = response(c, paid[c]);
            q += g.value(c, x) - paid[c] * x;
        }
        for (int k = 0; k < members.length; k++) {
            if (price[k] > 0) {
                q += price[k] * upper[k];
            } else if (price[k] < 0) {
                q += price[k] * lower[k];
            }
        }
        return q;
    }

    /** Whether every constraint holds to {@code tol}, with complementary slackness. */
    private boolean satisfied() {
        for (int k = 0; k < members.length; k++) {
            double t = total(k, price[k]);
            if (t > upper[k] + tol || t < lower[k] - tol) {
                return false;
            }
            if ((price[k] > 0 && t < upper[k] - tol) || (price[k] < 0 && t > lower[k] + tol)) {
                return false;
            }
        }
        return true;
    }

    /** Sets constraint {@code k}'s price so that it holds, the other prices held. */
    private void update(int k) {
        double old = price[k];
        double t0 = total(k, 0);
        double p;
        if (t0 > upper[k]) {
            p = root(k, upper[k], 1, t0 - upper[k]);
        } else if (t0 < lower[k]) {
            p = root(k, lower[k], -1, t0 - lower[k]);
        } else {
            p = 0;
        }
        if (p != old) {
            for (int c : members[k]) {
                paid[c] += p - old;
            }
            price[k] = p;
        }
    }

    /** The total of constraint {@code k}'s members if its price were {@code p}. */
    private double total(int k, double p) {
        double d = p - price[k];
        double s = 0;
        for (int c : members[k]) {
            s += response(c, paid[c] + d);
        }
        return s;
    }

    /**
     * The price of sign {@code sign} at which constraint {@code k}'s total equals {@code target}: the total is
     * non-increasing in the price, so a bracket found by doubling is narrowed by the Illinois variant of regula falsi
     * (Dowell and Jarratt 1971), falling back to bisection.
     */
    private double root(int k, double target, int sign, double f0) {
        double scale = 1e-12;
        for (int c : members[k]) {
            scale = Math.max(scale, Math.abs(paid[c] - price[k]));
            double d = slopeHi[c];
            if (Double.isFinite(d)) {
                scale = Math.max(scale, Math.abs(d));
            }
        }
        double a = 0;
        double fa = f0;
        double from = 0;
        double step = scale;
        double old = price[k];
        if (Math.signum(old) == sign) {
            // warm start: the price moves little from one sweep to the next
            double fo = total(k, old) - target;
            if (sign * fo > 0) {
                a = old;
                fa = fo;
                from = old;
                step = Math.max(1e-3 * Math.abs(old), 1e-9 * scale);
            } else {
                step = Math.abs(old);
            }
        }
        double b = from + sign * step;
        double fb = total(k, b) - target;
        int doublings = 0;
        while (sign * fb > 0 && doublings < 200) {
            a = b;
            fa = fb;
            step *= 2;
            b = from + sign * step;
            fb = total(k, b) - target;
            doublings++;
        }
        if (sign * fb > 0) {
            return b; // the total only approaches the target (an infinite slope at a bound): as close as it gets
        }
        for (int it = 0; it < 200; it++) {
            if (Math.abs(fb) <= 0.01 * tol) {
                return b;
            }
            double m = fa != fb ? b - fb * (b - a) / (fb - fa) : 0.5 * (a + b);
            if (!(Math.min(a, b) < m && m < Math.max(a, b))) {
                m = 0.5 * (a + b);
                if (!(Math.min(a, b) < m && m < Math.max(a, b))) {
                    return b; // the bracket is one ulp wide
                }
            }
            double fm = total(k, m) - target;
            if (Math.signum(fm) == Math.signum(fb)) {
                fa *= 0.5; // Illinois: the retained end's value halved
            } else {
                a = b;
                fa = fb;
            }
            b = m;
            fb = fm;
        }
        return b;
    }

    /**
     * {@code argmax_{lo <= x <= hi} g_c(x) - p x} for concave {@code g_c}: where {@code g_c'(x) = p}, clamped; the
     * root of the non-increasing {@code g_c'(x) - p} by the Illinois variant of regula falsi, with a bisection step
     * whenever the secant leaves the bracket or an end's slope is infinite, to {@code 1e-13} of the box.
     */
    private double response(int c, double p) {
        double a = lo[c];
        double b = hi[c];
        if (!(b > a)) {
            return a;
        }
        double fa = slopeLo[c] - p;
        if (!Double.isNaN(fa) && fa <= 0) {
            return a;
        }
        double fb = slopeHi[c] - p;
        if (fb >= 0) {
            return b;
        }
        double tolX = 1e-13 * (b - a);
        int side = 0;
        for (int it = 0; it < 200 && b - a > tolX; it++) {
            double m = Double.isFinite(fa) ? b - fb * (b - a) / (fb - fa) : Double.NaN;
            if (!(m > a && m < b)) {
                m = 0.5 * (a + b);
                if (!(m > a && m < b)) {
                    break;
                }
            }
            double fm = g.derivative(c, m) - p;
            if (fm == 0) {
                return m;
            }
            if (fm > 0) {
                a = m;
                fa = fm;
                if (side == 1) {
                    fb *= 0.5; // Illinois: the end kept twice has its value halved
                }
                side = 1;
            } else {
                b = m;
                fb = fm;
                if (side == -1) {
                    fa *= 0.5;
                }
                side = -1;
            }
        }
        return 0.5 * (a + b);
    }
}
