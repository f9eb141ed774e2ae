package io.github.mmm4j.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maximises a separable objective {@code sum_c g_c(x_c)} subject to box bounds {@code lo_c <= x_c <= hi_c},
 * disjoint groups {@code groupLo_G <= sum_{c in G} x_c <= groupHi_G} and a budget {@code sum_c x_c = B} (or
 * {@code <= B}).
 *
 * <p><b>Lagrange (exact for concave {@code g_c}).</b> For a price {@code p} each channel takes
 * {@code x_c(p) = argmax_{lo_c <= x <= hi_c} g_c(x) - p x} (the root of {@code g_c'(x) = p}, clamped); a group whose
 * total leaves its bounds takes a higher (or lower) price of its own that puts its total on the bound. The total
 * {@code T(p)} is non-increasing; the price with {@code T(p) = B} is found by a safeguarded regula falsi (Illinois)
 * and the allocation is interpolated between the two bracketing allocations so that the budget and group totals
 * hold exactly (this also resolves ties where some {@code g_c} is linear). The result satisfies the
 * Karush-Kuhn-Tucker conditions, which are sufficient for a concave objective over a polyhedron (Boyd and
 * Vandenberghe 2004, section 5.5.3; Ibaraki and Katoh 1988, "Resource allocation problems", chapter 2).
 *
 * <p><b>Grid dynamic programming (any shape, for S-shaped responses).</b> The free budget
 * {@code F = B - sum_c lo_c} is cut into {@code K} units of {@code h = F / K}; a max-plus convolution over channels
 * (groups first, within their bounds) finds the best allocation on the grid exactly, in {@code O(n K^2)} (Bellman
 * 1957; the knapsack recursion). The grid optimum is then polished by the Lagrange method on boxes of
 * {@code +-h} around it, repeated while a coordinate stops at a box edge, keeping the better of the two.
 */
final class SeparableSolver {

    /** The per-channel objective. */
    interface Objective {
        double value(int c, double x);

        double derivative(int c, double x);
    }

    /** The problem; arrays are not copied. */
    static final class Problem {
        final int n;
        final Objective g;
        final double[] lo;
        final double[] hi;
        /** groupOf[c]: the group of channel c, or -1. */
        final int[] groupOf;
        final double[] groupLo;
        final double[] groupHi;
        final double budget;
        final boolean equality;

        Problem(Objective g, double[] lo, double[] hi, int[] groupOf, double[] groupLo, double[] groupHi,
                double budget, boolean equality) {
            this.n = lo.length;
            this.g = g;
            this.lo = lo;
            this.hi = hi;
            this.groupOf = groupOf;
            this.groupLo = groupLo;
            this.groupHi = groupHi;
            this.budget = budget;
            this.equality = equality;
        }

        double objective(double[] x) {
            double s = 0;
            for (int c = 0; c < n; c++) {
                s += g.value(c, x[c]);
            }
            return s;
        }

        int[][] members() {
            int ng = groupLo.length;
            int[] count = new int[ng];
            for (int c = 0; c < n; c++) {
                if (groupOf[c] >= 0) {
                    count[groupOf[c]]++;
                }
            }
            int[][] m = new int[ng][];
            for (int k = 0; k < ng; k++) {
                m[k] = new int[count[k]];
                count[k] = 0;
            }
            for (int c = 0; c < n; c++) {
                if (groupOf[c] >= 0) {
                    m[groupOf[c]][count[groupOf[c]]++] = c;
                }
            }
            return m;
        }
    }

    /**
     * The objective {@code -sum_c (x_c - target_c)^2 / 2}, whose maximum under the constraints is the Euclidean
     * projection of {@code target} onto them.
     *
     * @param target (input) the point to project; not copied
     * @return the objective
     */
    static Objective nearest(double[] target) {
        return new Objective() {
            @Override
            public double value(int c, double x) {
                double d = x - target[c];
                return -0.5 * d * d;
            }

            @Override
            public double derivative(int c, double x) {
                return target[c] - x;
            }
        };
    }

    /** How the solve went. */
    record Solution(double[] x, OptimizerStatus status, int iterations, String method) {
    }

    private SeparableSolver() {
    }

    /**
     * Whether {@code g_c} is numerically concave on {@code [a, b]}: its derivative, sampled at 65 equally spaced
     * points and at 24 points {@code a + (b - a) 2^-k} ({@code k = 7..30}) crowding the lower end (where a Hill
     * curve's S-shape can hide below the first equal step), never increases from one point to the next by more than
     * {@code 1e-9} of its largest finite magnitude.
     *
     * <p>Non-finite derivatives are skipped: an unbounded slope at the lower end (a Hill slope below 1 at zero spend)
     * is consistent with concavity but must not set the tolerance. It once did: the posterior-mean response of a
     * Bayesian model, a mixture of draws with Hill slopes below and above 1, has an infinite derivative at 0 and an
     * S-shape after it; an infinite tolerance passed it as concave and the Lagrange method stopped at a stationary
     * point that was a minimum along that channel (issue 13: a "CONVERGED" plan 6% below the current one).
     */
    static boolean numericallyConcave(Objective g, int c, double a, double b) {
        if (!(b > a)) {
            return true;
        }
        int m = 64;
        int near = 24;
        double[] x = new double[near + m + 1];
        for (int k = 0; k < near; k++) {
            x[k] = a + (b - a) * Math.scalb(1.0, -(30 - k)); // ascending: 2^-30 .. 2^-7
        }
        for (int i = 0; i <= m; i++) {
            x[near + i] = a + (b - a) * i / m;
        }
        Arrays.sort(x);
        double[] d = new double[x.length];
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            d[i] = g.derivative(c, x[i]);
            if (Double.isFinite(d[i])) {
                max = Math.max(max, Math.abs(d[i]));
            }
        }
        double prev = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(d[i])) {
                continue;
            }
            if (!Double.isNaN(prev) && d[i] > prev + 1e-9 * max) {
                return false;
            }
            prev = d[i];
        }
        return true;
    }

    /**
     * Lagrange on the full bounds, assuming every {@code g_c} concave.
     */
    static Solution lagrange(Problem p) {
        boolean[] concave = new boolean[p.n];
        Arrays.fill(concave, true);
        Lagrange l = new Lagrange(p, p.lo, p.hi, concave);
        double[] x = l.solve();
        return new Solution(x, l.converged ? OptimizerStatus.CONVERGED : OptimizerStatus.MAX_ITERATIONS, l.iterations,
                "lagrange");
    }

    /**
     * Grid dynamic programming followed by Lagrange polishing; for any shape.
     *
     * @param k the number of grid units of the free budget
     */
    static Solution gridThenPolish(Problem p, int k) {
        double[] x0 = grid(p, k);
        double f0 = p.objective(x0);
        double h = freeBudget(p) / k;
        double[] best = x0;
        double fBest = f0;
        boolean converged = true;
        int iterations = 0;
        double[] centre = x0;
        for (int round = 0; round < 6; round++) {
            double[] a = new double[p.n];
            double[] b = new double[p.n];
            boolean[] concave = new boolean[p.n];
            for (int c = 0; c < p.n; c++) {
                a[c] = Math.max(p.lo[c], centre[c] - h);
                b[c] = Math.min(p.hi[c], centre[c] + h);
                concave[c] = numericallyConcave(p.g, c, a[c], b[c]);
            }
            Lagrange l = new Lagrange(p, a, b, concave);
            double[] x;
            try {
                x = l.solve();
            } catch (IllegalStateException e) {
                break; // the boxes cannot meet the budget or a group: keep the grid solution
            }
            iterations += l.iterations;
            converged = l.converged;
            double f = p.objective(x);
            if (f >= fBest) {
                best = x;
                fBest = f;
            }
            boolean atEdge = false;
            for (int c = 0; c < p.n; c++) {
                double tol = 1e-9 * (b[c] - a[c]);
                atEdge |= (x[c] <= a[c] + tol && a[c] > p.lo[c]) || (x[c] >= b[c] - tol && b[c] < p.hi[c]);
            }
            if (!atEdge) {
                break;
            }
            centre = x;
        }
        return new Solution(best, converged ? OptimizerStatus.CONVERGED : OptimizerStatus.MAX_ITERATIONS,
                iterations, "grid-dp+lagrange");
    }

    private static double freeBudget(Problem p) {
        double s = 0;
        for (double v : p.lo) {
            s += v;
        }
        return Math.max(0, p.budget - s);
    }

    /** The exact optimum over the grid {@code lo_c + k h}. */
    static double[] grid(Problem p, int kUnits) {
        int n = p.n;
        double free = freeBudget(p);
        double[] x = p.lo.clone();
        if (free <= 0) {
            return x;
        }
        double h = free / kUnits;
        int[][] members = p.members();
        List<int[]> items = new ArrayList<>();
        List<double[]> itemLimits = new ArrayList<>();
        for (int gi = 0; gi < members.length; gi++) {
            items.add(members[gi]);
            itemLimits.add(new double[] {p.groupLo[gi], p.groupHi[gi]});
        }
        for (int c = 0; c < n; c++) {
            if (p.groupOf[c] < 0) {
                items.add(new int[] {c});
                itemLimits.add(null);
            }
        }
        double[][] channelTable = new double[n][];
        for (int c = 0; c < n; c++) {
            int kmax = (int) Math.min(kUnits, Math.floor((p.hi[c] - p.lo[c]) / h + 1e-9));
            kmax = Math.max(kmax, 0);
            double[] v = new double[kmax + 1];
            for (int k = 0; k <= kmax; k++) {
                v[k] = p.g.value(c, Math.min(p.hi[c], p.lo[c] + k * h));
            }
            channelTable[c] = v;
        }
        int ni = items.size();
        double[][] itemTable = new double[ni][];
        // choice[item][member][k]: units of that member when the first members hold k units.
        int[][][] inner = new int[ni][][];
        for (int i = 0; i < ni; i++) {
            int[] mem = items.get(i);
            inner[i] = new int[mem.length][];
            double[] cur = channelTable[mem[0]].clone();
            cur = pad(cur, kUnits);
            for (int j = 1; j < mem.length; j++) {
                int[] ch = new int[kUnits + 1];
                cur = convolve(cur, channelTable[mem[j]], kUnits, ch);
                inner[i][j] = ch;
            }
            double[] lim = itemLimits.get(i);
            if (lim != null) {
                double base = 0;
                for (int c : mem) {
                    base += p.lo[c];
                }
                int kl = (int) Math.max(0, Math.ceil((lim[0] - base) / h - 1e-9));
                int ku = (int) Math.min(kUnits, Math.floor((lim[1] - base) / h + 1e-9));
                if (kl > ku) {
                    kl = ku = (int) Math.max(0, Math.min(kUnits, Math.round((lim[0] - base) / h)));
                }
                for (int k = 0; k <= kUnits; k++) {
                    if (k < kl || k > ku) {
                        cur[k] = Double.NEGATIVE_INFINITY;
                    }
                }
            }
            itemTable[i] = cur;
        }
        double[] total = itemTable[0].clone();
        int[][] outer = new int[ni][];
        for (int i = 1; i < ni; i++) {
            outer[i] = new int[kUnits + 1];
            total = convolve(total, itemTable[i], kUnits, outer[i]);
        }
        int kStar = -1;
        if (p.equality && total[kUnits] > Double.NEGATIVE_INFINITY) {
            kStar = kUnits;
        } else {
            for (int k = 0; k <= kUnits; k++) {
                if (total[k] > Double.NEGATIVE_INFINITY && (kStar < 0 || total[k] > total[kStar])) {
                    kStar = k;
                }
            }
        }
        if (kStar < 0) {
            return x; // no grid point meets the group bounds: the polish or the caller repairs
        }
        int k = kStar;
        for (int i = ni - 1; i >= 0; i--) {
            int ki = i == 0 ? k : outer[i][k];
            k -= ki;
            int[] mem = items.get(i);
            int kk = ki;
            for (int j = mem.length - 1; j >= 0; j--) {
                int kj = j == 0 ? kk : inner[i][j][kk];
                kk -= kj;
                x[mem[j]] = Math.min(p.hi[mem[j]], p.lo[mem[j]] + kj * h);
            }
        }
        return x;
    }

    private static double[] pad(double[] v, int k) {
        double[] out = new double[k + 1];
        Arrays.fill(out, Double.NEGATIVE_INFINITY);
        System.arraycopy(v, 0, out, 0, Math.min(v.length, k + 1));
        return out;
    }

    /** out[k] = max_j a[k - j] + b[j]; choice[k] = the best j. */
    private static double[] convolve(double[] a, double[] b, int k, int[] choice) {
        double[] out = new double[k + 1];
        Arrays.fill(out, Double.NEGATIVE_INFINITY);
        for (int s = 0; s <= k; s++) {
            double best = Double.NEGATIVE_INFINITY;
            int arg = 0;
            int jmax = Math.min(s, b.length - 1);
            for (int j = 0; j <= jmax; j++) {
                double av = a[s - j];
                if (av == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                double v = av + b[j];
                if (v > best) {
                    best = v;
                    arg = j;
                }
            }
            out[s] = best;
            choice[s] = arg;
        }
        return out;
    }

    /** The Lagrange method on given boxes. */
    static final class Lagrange {
        private static final int MAX_ITER = 300;
        private final Problem p;
        private final double[] a;
        private final double[] b;
        private final boolean[] concave;
        private final double[] dA;
        private final double[] dB;
        private final double[] dMin;
        private final double[] dMax;
        private final int[][] members;
        private final int[] ungrouped;
        private final int[] all;
        int iterations;
        boolean converged = true;

        Lagrange(Problem p, double[] a, double[] b, boolean[] concave) {
            this.p = p;
            this.a = a;
            // Implied bound: no channel can take more than the budget left after every other minimum.
            double sumA = 0;
            for (double v : a) {
                sumA += v;
            }
            this.b = b.clone();
            for (int c = 0; c < b.length; c++) {
                this.b[c] = Math.max(a[c], Math.min(b[c], p.budget - (sumA - a[c])));
            }
            b = this.b;
            this.concave = concave;
            int n = p.n;
            dA = new double[n];
            dB = new double[n];
            dMin = new double[n];
            dMax = new double[n];
            for (int c = 0; c < n; c++) {
                dA[c] = p.g.derivative(c, a[c]);
                if (!(Math.abs(dA[c]) < 1e300) && b[c] > a[c]) {
                    // An infinite slope at the lower end (Hill slope < 1 at zero): start just inside.
                    dA[c] = p.g.derivative(c, a[c] + 1e-12 * (b[c] - a[c]));
                }
                dB[c] = p.g.derivative(c, b[c]);
                dMin[c] = Math.min(dA[c], dB[c]);
                dMax[c] = Math.max(dA[c], dB[c]);
                if (!concave[c]) {
                    for (int i = 1; i < 16; i++) {
                        double d = p.g.derivative(c, a[c] + (b[c] - a[c]) * i / 16);
                        dMin[c] = Math.min(dMin[c], d);
                        dMax[c] = Math.max(dMax[c], d);
                    }
                }
            }
            members = p.members();
            int count = 0;
            for (int c = 0; c < n; c++) {
                count += p.groupOf[c] < 0 ? 1 : 0;
            }
            ungrouped = new int[count];
            for (int c = 0, i = 0; c < n; c++) {
                if (p.groupOf[c] < 0) {
                    ungrouped[i++] = c;
                }
            }
            all = new int[n];
            for (int c = 0; c < n; c++) {
                all[c] = c;
            }
        }

        private double sumOf(int[] idx, double[] v) {
            double s = 0;
            for (int c : idx) {
                s += v[c];
            }
            return s;
        }

        double[] solve() {
            double sumA = sumOf(all, a);
            double sumB = sumOf(all, b);
            double tol = 1e-9 * Math.max(1, Math.abs(p.budget));
            if (sumA > p.budget + tol || (p.equality && sumB < p.budget - tol)) {
                throw new IllegalStateException("the boxes cannot meet the budget");
            }
            for (int gi = 0; gi < members.length; gi++) {
                double ga = sumOf(members[gi], a);
                double gb = sumOf(members[gi], b);
                double gt = 1e-9 * Math.max(1, Math.abs(p.groupHi[gi]) + Math.abs(p.groupLo[gi]));
                if (ga > p.groupHi[gi] + gt || gb < p.groupLo[gi] - gt) {
                    throw new IllegalStateException("the boxes cannot meet group " + gi);
                }
            }
            double[] x = new double[p.n];
            if (!p.equality) {
                double s = allocate(0, x);
                if (s <= p.budget + tol) {
                    return x;
                }
            }
            solvePrice(all, this::allocate, p.budget, 0, x);
            return x;
        }

        /** x_c(price) for every channel, groups on their bounds; returns the total. */
        private double allocate(double price, double[] out) {
            double total = 0;
            for (int c : ungrouped) {
                out[c] = argmax(c, price);
                total += out[c];
            }
            for (int gi = 0; gi < members.length; gi++) {
                int[] mem = members[gi];
                double s = fillGroup(mem, price, out);
                if (s > p.groupHi[gi]) {
                    s = solvePrice(mem, (q, o) -> fillGroup(mem, q, o), p.groupHi[gi], price, out);
                } else if (s < p.groupLo[gi]) {
                    s = solvePrice(mem, (q, o) -> fillGroup(mem, q, o), p.groupLo[gi], price, out);
                }
                total += s;
            }
            return total;
        }

        private double fillGroup(int[] mem, double price, double[] out) {
            double s = 0;
            for (int c : mem) {
                out[c] = argmax(c, price);
                s += out[c];
            }
            return s;
        }

        interface Fill {
            double fill(double price, double[] out);
        }

        /**
         * Finds the price at which the total of {@code idx} equals {@code target} and writes the interpolated
         * allocation into {@code out}; returns the total (= target up to rounding).
         */
        private double solvePrice(int[] idx, Fill fill, double target, double start, double[] out) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int c : idx) {
                lo = Math.min(lo, Math.max(-1e300, dMin[c]));
                hi = Math.max(hi, Math.min(1e300, dMax[c]));
            }
            lo = Math.min(lo, start);
            hi = Math.max(hi, start);
            lo -= Math.abs(lo) + 1;
            hi += Math.abs(hi) + 1;
            double[] xLo = new double[p.n];
            double[] xHi = new double[p.n];
            double[] tmp = new double[p.n];
            double sLo = fill.fill(lo, xLo);
            for (int i = 0; i < 200 && sLo < target; i++) {
                lo -= Math.abs(lo) + 1;
                sLo = fill.fill(lo, xLo);
            }
            double sHi = fill.fill(hi, xHi);
            for (int i = 0; i < 200 && sHi > target; i++) {
                hi += Math.abs(hi) + 1;
                sHi = fill.fill(hi, xHi);
            }
            double tolSum = 1e-12 * Math.max(1, Math.abs(target));
            int side = 0;
            double wLo = sLo - target;
            double wHi = sHi - target;
            boolean done = false;
            boolean triedZero = false;
            for (int it = 0; it < MAX_ITER; it++) {
                iterations++;
                if (sLo - sHi <= tolSum || hi - lo <= 1e-15 * Math.max(Math.abs(lo), Math.abs(hi))) {
                    done = true;
                    break;
                }
                double q;
                if (lo < 0 && hi > 0 && !triedZero) {
                    q = 0; // prices span zero: try it first, then the bracket keeps one sign
                    triedZero = true;
                } else if (lo > 0 && hi > 8 * lo) {
                    q = Math.sqrt(lo) * Math.sqrt(hi); // a bracket over orders of magnitude: bisect geometrically
                } else if (hi < 0 && lo < 8 * hi) {
                    q = -Math.sqrt(-lo) * Math.sqrt(-hi);
                } else if (it % 3 == 2 || wLo == wHi) {
                    q = 0.5 * (lo + hi);
                } else {
                    q = lo + (hi - lo) * wLo / (wLo - wHi);
                    if (!(q > lo && q < hi)) {
                        q = 0.5 * (lo + hi);
                    }
                }
                double s = fill.fill(q, tmp);
                if (s >= target) {
                    lo = q;
                    sLo = s;
                    wLo = s - target;
                    copy(idx, tmp, xLo);
                    if (side == 1) {
                        wHi /= 2;
                    }
                    side = 1;
                } else {
                    hi = q;
                    sHi = s;
                    wHi = s - target;
                    copy(idx, tmp, xHi);
                    if (side == -1) {
                        wLo /= 2;
                    }
                    side = -1;
                }
            }
            if (!done) {
                converged = false;
            }
            double theta = sLo > sHi ? (target - sHi) / (sLo - sHi) : 0;
            theta = Math.max(0, Math.min(1, theta));
            double s = 0;
            for (int c : idx) {
                out[c] = xHi[c] + theta * (xLo[c] - xHi[c]);
                s += out[c];
            }
            return s;
        }

        private static void copy(int[] idx, double[] from, double[] to) {
            for (int c : idx) {
                to[c] = from[c];
            }
        }

        /** argmax over [a_c, b_c] of g_c(x) - price * x. */
        double argmax(int c, double price) {
            double lo = a[c];
            double hi = b[c];
            if (!(hi > lo)) {
                return lo;
            }
            if (!concave[c]) {
                return argmaxSampled(c, price);
            }
            if (dA[c] <= price) {
                return lo;
            }
            if (dB[c] >= price) {
                return hi;
            }
            double fLo = dA[c] - price;
            double fHi = dB[c] - price;
            double tol = 1e-13 * (hi - lo);
            int side = 0;
            for (int it = 0; it < 200 && hi - lo > tol; it++) {
                double x;
                if (it % 4 == 3) {
                    x = 0.5 * (lo + hi);
                } else {
                    x = lo + (hi - lo) * fLo / (fLo - fHi);
                    if (!(x > lo && x < hi)) {
                        x = 0.5 * (lo + hi);
                    }
                }
                double f = p.g.derivative(c, x) - price;
                if (f > 0) {
                    lo = x;
                    fLo = f;
                    if (side == 1) {
                        fHi /= 2;
                    }
                    side = 1;
                } else if (f < 0) {
                    hi = x;
                    fHi = f;
                    if (side == -1) {
                        fLo /= 2;
                    }
                    side = -1;
                } else {
                    return x;
                }
            }
            return 0.5 * (lo + hi);
        }

        private double argmaxSampled(int c, double price) {
            int m = 32;
            double lo = a[c];
            double hi = b[c];
            double bestX = lo;
            double best = Double.NEGATIVE_INFINITY;
            int bestI = 0;
            for (int i = 0; i <= m; i++) {
                double x = lo + (hi - lo) * i / m;
                double v = p.g.value(c, x) - price * x;
                if (v > best) {
                    best = v;
                    bestX = x;
                    bestI = i;
                }
            }
            // Golden section between the neighbours of the best sample.
            double l = lo + (hi - lo) * Math.max(0, bestI - 1) / m;
            double r = lo + (hi - lo) * Math.min(m, bestI + 1) / m;
            double phi = 0.6180339887498949;
            double x1 = r - phi * (r - l);
            double x2 = l + phi * (r - l);
            double f1 = p.g.value(c, x1) - price * x1;
            double f2 = p.g.value(c, x2) - price * x2;
            for (int it = 0; it < 60 && r - l > 1e-13 * (hi - lo); it++) {
                if (f1 >= f2) {
                    r = x2;
                    x2 = x1;
                    f2 = f1;
                    x1 = r - phi * (r - l);
                    f1 = p.g.value(c, x1) - price * x1;
                } else {
                    l = x1;
                    x1 = x2;
                    f1 = f2;
                    x2 = l + phi * (r - l);
                    f2 = p.g.value(c, x2) - price * x2;
                }
            }
            double xm = 0.5 * (l + r);
            double vm = p.g.value(c, xm) - price * xm;
            return vm > best ? xm : bestX;
        }
    }
}
