package io.github.mmm4j.models.search;

import io.github.mmm4j.core.Checks;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * Pareto-front utilities for minimisation of {@code m} objectives, points stored row-major
 * ({@code f[i * m + k]} is objective {@code k} of point {@code i}).
 *
 * <p>Point {@code a} <em>dominates</em> {@code b} when {@code f_k(a) <= f_k(b)} for every {@code k} and
 * {@code f_k(a) < f_k(b)} for some {@code k}. The front is the set of points with finite objectives that no other
 * such point dominates (points with equal objective vectors do not dominate each other, so duplicates are all on
 * the front). Points with a non-finite objective are never on the front.
 */
public final class Pareto {

    private Pareto() {
    }

    /**
     * The indices of the non-dominated points, in ascending lexicographic order of their objective vectors
     * (ties by index). Sorts by {@code (f_0, f_1, ...)}; a point can be dominated only by points before it in that
     * order, and only front members need be checked (domination is transitive), so the cost is
     * {@code O(N log N + N |front| m)}.
     *
     * @param f (input) not modified; objectives, row-major, length at least {@code count * m}
     * @param count the number of points {@code N >= 0}
     * @param m the number of objectives, {@code >= 1}
     * @return a new array of indices
     * @throws IllegalArgumentException if {@code f} is too short or {@code m < 1}
     */
    public static int[] front(double[] f, int count, int m) {
        Objects.requireNonNull(f, "f");
        Checks.checkPositive("m", m);
        Checks.checkNonNegative("count", count);
        Checks.checkArgument((long) count * m <= f.length, "f.length = %d; expected >= count * m = %d", f.length,
                (long) count * m);
        Integer[] order = new Integer[count];
        int finite = 0;
        for (int i = 0; i < count; i++) {
            boolean ok = true;
            for (int k = 0; k < m; k++) {
                ok &= Double.isFinite(f[i * m + k]);
            }
            if (ok) {
                order[finite++] = i;
            }
        }
        Integer[] pts = Arrays.copyOf(order, finite);
        Arrays.sort(pts, lexicographic(f, m));
        int[] front = new int[finite];
        int size = 0;
        for (Integer boxed : pts) {
            int i = boxed;
            boolean dominated = false;
            for (int s = 0; s < size && !dominated; s++) {
                dominated = dominates(f, front[s], i, m);
            }
            if (!dominated) {
                front[size++] = i;
            }
        }
        return Arrays.copyOf(front, size);
    }

    /**
     * Whether point {@code a} dominates point {@code b}.
     *
     * @param f (input) objectives, row-major
     * @param a a point
     * @param b a point
     * @param m the number of objectives
     * @return true if {@code a} is no worse in every objective and better in one
     */
    public static boolean dominates(double[] f, int a, int b, int m) {
        boolean better = false;
        for (int k = 0; k < m; k++) {
            double x = f[a * m + k];
            double y = f[b * m + k];
            if (x > y) {
                return false;
            }
            better |= x < y;
        }
        return better;
    }

    /**
     * The default choice among front points: each objective is rescaled to {@code [0, 1]} over the given points
     * ({@code (f_k - min_k) / (max_k - min_k)}, 0 when the objective is constant over them) and the point closest
     * to the origin in Euclidean distance wins; ties go to the earlier point. This is the "knee" that balances
     * fit (NRMSE) against plausibility of the decomposition (DECOMP.RSSD) the way Robyn's model selection
     * guidance suggests (Meta, Robyn documentation, "Model selection": prefer models near the origin of the
     * normalised Pareto front).
     *
     * @param f (input) not modified; objectives, row-major
     * @param points the points to choose among (for instance {@link #front}), not empty
     * @param m the number of objectives
     * @return the position in {@code points} of the chosen point
     * @throws IllegalArgumentException if {@code points} is empty
     */
    public static int select(double[] f, int[] points, int m) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(points, "points");
        Checks.checkArgument(points.length > 0, "points is empty");
        double[] lo = new double[m];
        double[] hi = new double[m];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i : points) {
            for (int k = 0; k < m; k++) {
                lo[k] = Math.min(lo[k], f[i * m + k]);
                hi[k] = Math.max(hi[k], f[i * m + k]);
            }
        }
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int s = 0; s < points.length; s++) {
            double d = 0;
            for (int k = 0; k < m; k++) {
                double u = hi[k] > lo[k] ? (f[points[s] * m + k] - lo[k]) / (hi[k] - lo[k]) : 0.0;
                d += u * u;
            }
            if (d < bestD) {
                bestD = d;
                best = s;
            }
        }
        return best;
    }

    private static Comparator<Integer> lexicographic(double[] f, int m) {
        return (a, b) -> {
            for (int k = 0; k < m; k++) {
                int c = Double.compare(f[a * m + k], f[b * m + k]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a, b);
        };
    }
}
