package io.github.mmm4j.core;

/**
 * Reductions over {@code double[]} ranges for hot loops, with a fixed order of summation: four independent partial
 * sums over interleaved elements, combined as {@code (s0 + s1) + (s2 + s3)}. The partial sums let the processor
 * overlap the additions (one running sum is bound by the latency of each addition, about four cycles); the fixed order
 * makes the result the same bits on every run, JVM and thread count. Neither method allocates or checks its
 * arguments beyond the JVM's own bounds checks: callers are internal loops that know their ranges.
 */
public final class ArrayMath {

    private ArrayMath() {
    }

    /**
     * {@code sum_{i < n} a[aOff + i] * b[bOff + i]}.
     *
     * @param a (input) first array; not modified
     * @param aOff first index in {@code a}
     * @param b (input) second array; not modified
     * @param bOff first index in {@code b}
     * @param n number of products, {@code >= 0}
     * @return the dot product, 0 for {@code n = 0}
     * @throws ArrayIndexOutOfBoundsException if a range runs past its array
     */
    public static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@code sum_{i < n} a[off + i]}.
     *
     * @param a (input) the array; not modified
     * @param off first index
     * @param n number of elements, {@code >= 0}
     * @return the sum, 0 for {@code n = 0}
     * @throws ArrayIndexOutOfBoundsException if the range runs past the array
     */
    public static double sum(double[] a, int off, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[off + i];
            s1 += a[off + i + 1];
            s2 += a[off + i + 2];
            s3 += a[off + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Multiplies {@code a[off, off + n)} by {@code factor} in place; leaves it untouched (bit for bit) when the
     * factor is exactly 1.
     *
     * @param a (input/output) the array
     * @param off the first element
     * @param n the number of elements
     * @param factor the factor
     */
    public static void scale(double[] a, int off, int n, double factor) {
        if (factor != 1.0) {
            for (int i = off; i < off + n; i++) {
                a[i] *= factor;
            }
        }
    }
}
