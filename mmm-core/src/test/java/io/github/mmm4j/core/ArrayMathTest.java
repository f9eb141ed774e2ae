package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link ArrayMath} against exact sums (BigDecimal), at every length mod 4 and with offsets. */
class ArrayMathTest {

    @Property(tries = 300)
    void dotAndSumMatchExactSums(@ForAll @IntRange(max = 40) int n, @ForAll @IntRange(max = 3) int aOff,
            @ForAll @IntRange(max = 3) int bOff, @ForAll long seed) {
        Rng rng = new Rng(seed);
        double[] a = new double[aOff + n];
        double[] b = new double[bOff + n];
        for (int i = 0; i < a.length; i++) {
            a[i] = 2 * rng.nextDouble() - 1;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = 2 * rng.nextDouble() - 1;
        }
        BigDecimal dot = BigDecimal.ZERO;
        BigDecimal sum = BigDecimal.ZERO;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            dot = dot.add(new BigDecimal(a[aOff + i]).multiply(new BigDecimal(b[bOff + i])));
            sum = sum.add(new BigDecimal(a[aOff + i]));
            scale += Math.abs(a[aOff + i]);
        }
        // n roundings at most, each below 2^-53 of a partial sum bounded by sum |terms|
        double tol = (n + 1) * 0x1p-52 * Math.max(scale, 1e-300);
        // the exact sums rounded once, correctly, to double (rounding to DECIMAL64's 16 digits first added up to
        // 5e-17 of error, more than the tolerance of a short sum: a failure seen once on a random seed)
        assertEquals(dot.doubleValue(), ArrayMath.dot(a, aOff, b, bOff, n), tol);
        assertEquals(sum.doubleValue(), ArrayMath.sum(a, aOff, n), tol);
    }

    @Test
    void emptyRangesAreZeroAndOrderIsFixed() {
        double[] a = {1e16, 1, -1e16, 1, 3};
        assertEquals(0.0, ArrayMath.sum(a, 0, 0));
        assertEquals(0.0, ArrayMath.dot(a, 2, a, 1, 0));
        // (1e16 + 3) + 1 + (-1e16) + 1 in the documented order: s0 = 1e16 + 3, s1 = 1, s2 = -1e16, s3 = 1
        double expected = ((1e16 + 3) + 1.0) + (-1e16 + 1.0);
        assertEquals(expected, ArrayMath.sum(a, 0, 5));
    }
}
