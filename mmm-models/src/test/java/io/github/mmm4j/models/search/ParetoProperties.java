package io.github.mmm4j.models.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.Rng;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Pareto#front} is exactly the non-dominated set (brute force, {@code O(N^2)}) on random objective clouds, with
 * ties and duplicates (values on a coarse grid) and non-finite values; {@link Pareto#select} is the documented rule.
 * Properties hold for every input: a failure is a bug.
 */
class ParetoProperties {

    /** A random cloud: {@code count} points of {@code m} objectives, grid-valued with some infinities and NaNs. */
    private static double[] cloud(long seed, int count, int m, int grid) {
        Rng rng = new Rng(seed);
        double[] f = new double[count * m];
        for (int i = 0; i < f.length; i++) {
            double r = rng.nextDouble();
            f[i] = r < 0.02 ? Double.POSITIVE_INFINITY : r < 0.03 ? Double.NaN
                    : grid > 0 ? rng.nextInt(grid) : rng.nextDouble();
        }
        return f;
    }

    private static int[] bruteForce(double[] f, int count, int m) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean finite = true;
            for (int k = 0; k < m; k++) {
                finite &= Double.isFinite(f[i * m + k]);
            }
            if (!finite) {
                continue;
            }
            boolean dominated = false;
            for (int j = 0; j < count && !dominated; j++) {
                boolean jFinite = true;
                boolean allLeq = true;
                boolean someLess = false;
                for (int k = 0; k < m; k++) {
                    jFinite &= Double.isFinite(f[j * m + k]);
                    allLeq &= f[j * m + k] <= f[i * m + k];
                    someLess |= f[j * m + k] < f[i * m + k];
                }
                dominated = jFinite && allLeq && someLess;
            }
            if (!dominated) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Property(tries = 1000)
    void frontIsExactlyTheNonDominatedSet(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int count,
            @ForAll @IntRange(min = 1, max = 4) int m, @ForAll @IntRange(min = 0, max = 12) int grid) {
        double[] f = cloud(seed, count, m, grid);
        int[] front = Pareto.front(f, count, m);
        int[] sorted = front.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(bruteForce(f, count, m), sorted);
        for (int s = 1; s < front.length; s++) {
            int a = front[s - 1];
            int b = front[s];
            int cmp = 0;
            for (int k = 0; k < m && cmp == 0; k++) {
                cmp = Double.compare(f[a * m + k], f[b * m + k]);
            }
            assertTrue(cmp < 0 || (cmp == 0 && a < b), "front not in lexicographic order at " + s);
        }
    }

    @Property(tries = 200)
    void selectIsTheClosestToTheOriginAfterScaling(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int count,
            @ForAll @IntRange(min = 2, max = 3) int m) {
        double[] f = cloud(seed, count, m, 0);
        int[] front = Pareto.front(f, count, m);
        if (front.length == 0) {
            return;
        }
        int chosen = Pareto.select(f, front, m);
        double[] lo = new double[m];
        double[] hi = new double[m];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i : front) {
            for (int k = 0; k < m; k++) {
                lo[k] = Math.min(lo[k], f[i * m + k]);
                hi[k] = Math.max(hi[k], f[i * m + k]);
            }
        }
        double best = dist(f, front[chosen], m, lo, hi);
        for (int s = 0; s < front.length; s++) {
            double d = dist(f, front[s], m, lo, hi);
            assertTrue(d > best || (d == best && s >= chosen), "point " + s + " is closer than the chosen " + chosen);
        }
    }

    private static double dist(double[] f, int i, int m, double[] lo, double[] hi) {
        double d = 0;
        for (int k = 0; k < m; k++) {
            double u = hi[k] > lo[k] ? (f[i * m + k] - lo[k]) / (hi[k] - lo[k]) : 0;
            d += u * u;
        }
        return d;
    }

    @Example
    void selectOnAKnownFront() {
        // (0, 1), (0.2, 0.3), (1, 0): scaled the same; distances^2 1, 0.13, 1: the middle one wins.
        double[] f = {0, 1, 0.2, 0.3, 1, 0, 0.5, 0.5};
        int[] front = Pareto.front(f, 4, 2);
        assertArrayEquals(new int[] {0, 1, 2}, front);
        assertEquals(1, Pareto.select(f, front, 2));
    }
}
