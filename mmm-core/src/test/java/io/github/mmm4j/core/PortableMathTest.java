package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * {@link PortableMath} against {@link StrictMath} (fdlibm, itself within 1 ulp of the exact value): within the
 * documented ulp bounds everywhere, exact where the class promises it, and the special values.
 */
class PortableMathTest {

    private static final double LN2 = StrictMath.log(2.0);

    private static double ulps(double actual, double expected) {
        if (actual == expected) {
            return 0;
        }
        return Math.abs(actual - expected) / Math.ulp(expected);
    }

    private static void assertExp2Close(double x) {
        double u = ulps(PortableMath.exp2(x), StrictMath.pow(2.0, x));
        assertTrue(u <= 2.0, () -> "exp2(" + x + "): " + u + " ulp from StrictMath.pow(2, x)");
    }

    private static void assertLog2Close(double x) {
        double u = ulps(PortableMath.log2(x), StrictMath.log(x) / LN2);
        assertTrue(u <= 3.0, () -> "log2(" + x + "): " + u + " ulp from StrictMath.log(x) / ln 2");
    }

    @Test
    void expWithinThreeUlpOverItsWholeRange() {
        Rng rng = new Rng(13);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            for (double x : new double[] {-720 + 1440 * rng.nextDouble(),
                (2 * rng.nextDouble() - 1) * StrictMath.pow(10, -rng.nextInt(18))}) {
                double u = ulps(PortableMath.exp(x), StrictMath.exp(x));
                worst = Math.max(worst, u);
                assertTrue(u <= 3.0, () -> "exp(" + x + "): " + u + " ulp from StrictMath.exp");
            }
        }
        assertTrue(worst > 0, "some results differ from StrictMath in the last place, so the test compares");
        assertEquals(1.0, PortableMath.exp(0.0));
        assertEquals(1.0, PortableMath.exp(-0.0));
        assertEquals(0.0, PortableMath.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, PortableMath.exp(Double.POSITIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, PortableMath.exp(710));
        assertTrue(Double.isNaN(PortableMath.exp(Double.NaN)));
        // the ends of the fast range
        for (double x : new double[] {707.99, -707.99, 708, -708, 709.7, -745}) {
            assertTrue(ulps(PortableMath.exp(x), StrictMath.exp(x)) <= 3.0, "exp(" + x + ")");
        }
    }

    @Test
    void tanhWithinEightUlpAndOdd() {
        Rng rng = new Rng(14);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double x0 = (2 * rng.nextDouble() - 1) * StrictMath.pow(10, 1.5 - rng.nextInt(20));
            // and the neighbourhood of the switch between the series and the exponential
            double x1 = 0.15 * (1 + (2 * rng.nextDouble() - 1) * 1e-3);
            for (double x : new double[] {x0, x1, 25 * rng.nextDouble()}) {
                double u = ulps(PortableMath.tanh(x), StrictMath.tanh(x));
                worst = Math.max(worst, u);
                assertTrue(u <= 8.0, () -> "tanh(" + x + "): " + u + " ulp from StrictMath.tanh");
                assertEquals(-PortableMath.tanh(x), PortableMath.tanh(-x), "odd");
            }
        }
        assertTrue(worst > 0, "some results differ from StrictMath in the last place, so the test compares");
        assertEquals(0.0, PortableMath.tanh(0.0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(PortableMath.tanh(-0.0)));
        assertEquals(1.0, PortableMath.tanh(22.5));
        assertEquals(-1.0, PortableMath.tanh(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, PortableMath.tanh(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(PortableMath.tanh(Double.NaN)));
        assertEquals(Double.MIN_VALUE, PortableMath.tanh(Double.MIN_VALUE));
    }

    @Test
    void exp2WithinTwoUlpOverItsWholeRange() {
        Rng rng = new Rng(11);
        for (int i = 0; i < 1_000_000; i++) {
            // the whole range, and small arguments where 2^x is close to 1
            assertExp2Close(-1030 + 2060 * rng.nextDouble());
            assertExp2Close((2 * rng.nextDouble() - 1) * StrictMath.pow(10, -rng.nextInt(18)));
        }
    }

    @Test
    void log2WithinThreeUlpOverEveryBinade() {
        Rng rng = new Rng(12);
        for (int i = 0; i < 1_000_000; i++) {
            // random bit patterns cover every binade, normal and subnormal, evenly
            long bits = rng.nextLong() & 0x7fefffffffffffffL;
            assertLog2Close(Double.longBitsToDouble(bits == 0 ? 1 : bits));
            // and the neighbourhood of 1, where log2 is small and cancellation would show
            assertLog2Close(1 + (2 * rng.nextDouble() - 1) * StrictMath.pow(10, -rng.nextInt(17)));
        }
    }

    @Test
    void log2AtTheEndsOfItsTableIntervals() {
        // the reduction interval starts 75.5 table steps below 1: walk every boundary of the 128 intervals
        long one = Double.doubleToRawLongBits(1.0);
        long step = 1L << 45;
        long start = one - 75 * step - step / 2;
        for (int j = 0; j <= 128; j++) {
            long b = start + j * step;
            for (long delta = -2; delta <= 2; delta++) {
                for (int e = -3; e <= 3; e++) {
                    assertLog2Close(Double.longBitsToDouble(b + delta) * StrictMath.scalb(1.0, e));
                }
            }
        }
    }

    @Property(tries = 2000)
    void exp2OfLog2IsCloseToTheArgument(@ForAll @DoubleRange(min = -1000, max = 1000) double log2X,
            @ForAll @DoubleRange(min = 1, max = 2) double mantissa) {
        double x = mantissa * StrictMath.pow(2.0, log2X);
        double back = PortableMath.exp2(PortableMath.log2(x));
        // an absolute error of a few ulp of |log2 x| <= 1024 becomes a relative error of about 1e-13 in exp2
        assertEquals(x, back, 1e-12 * x);
    }

    @Test
    void exactValues() {
        for (int k = -1022; k <= 1023; k++) {
            assertEquals(k, PortableMath.log2(StrictMath.scalb(1.0, k)), "log2(2^" + k + ")");
            assertEquals(StrictMath.scalb(1.0, k), PortableMath.exp2(k), "exp2(" + k + ")");
        }
        assertEquals(1.0, PortableMath.exp2(-0.0));
        assertEquals(0.0, PortableMath.log2(1.0));
    }

    @Test
    void specialValuesAsStrictMath() {
        double[] xs = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, -1.0,
            Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1023.0, 1023.5, 1024.0, -1020.0, -1074.0, -1080.0};
        for (double x : xs) {
            if (x > -1020 && x < 1023) {
                assertExp2Close(x);
            } else {
                assertEquals(StrictMath.pow(2.0, x), PortableMath.exp2(x), "exp2(" + x + ")");
            }
            if (x > 0 && x < Double.POSITIVE_INFINITY) {
                assertLog2Close(x);
            } else {
                assertEquals(StrictMath.log(x), PortableMath.log2(x), "log2(" + x + ")");
            }
        }
    }
}
