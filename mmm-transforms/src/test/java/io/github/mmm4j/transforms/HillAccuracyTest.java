package io.github.mmm4j.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The general-slope Hill path (table-driven {@code log2}/{@code exp2}) against a {@link StrictMath} reference over
 * the whole range of inputs and slopes, and its monotonicity in floating point across the ends of the tables'
 * intervals.
 */
class HillAccuracyTest {

    /** {@code x^s / (x^s + ec^s)} in the same log-odds form, with {@link StrictMath} (correctly rounded or 1 ulp). */
    private static double reference(double x, double ec, double s) {
        return 1.0 / (1.0 + StrictMath.exp(s * (StrictMath.log(ec) - StrictMath.log(x))));
    }

    @Test
    void generalSlopeMatchesStrictMathWithin1e13Relative() {
        SplittableRandom rnd = new SplittableRandom(20261207L);
        double worst = 0;
        double[] x = new double[4096];
        double[] out = new double[x.length];
        for (int trial = 0; trial < 200; trial++) {
            double ec = Math.pow(10, -6 + 12 * rnd.nextDouble());
            double s = 0.05 + 7.95 * rnd.nextDouble();
            Hill h = new Hill(ec, s);
            for (int i = 0; i < x.length; i++) {
                // x / ec from 1e-12 to 1e12, so h runs from about 0 to about 1 for every slope
                x[i] = ec * Math.pow(10, -12 + 24 * rnd.nextDouble());
            }
            h.apply(x, 0, 1, out, 0, 1, x.length);
            for (int i = 0; i < x.length; i++) {
                double xi = x[i];
                double got = out[i];
                double ref = reference(xi, ec, s);
                // the reference's own error: 1 ulp of each log, and the exponent's absolute error times its size
                double tol = 1e-13 + 8 * Math.ulp(1.0) * s * (Math.abs(StrictMath.log(ec)) + Math.abs(StrictMath.log(xi)));
                double rel = Math.abs(got - ref) / ref;
                if (ref > Double.MIN_NORMAL) {
                    assertTrue(rel <= tol, () -> h + " at " + xi + ": " + got + " vs " + ref);
                    worst = Math.max(worst, rel / tol);
                }
                assertEquals(h.value(x[i]), out[i], "apply vs value");
            }
        }
        assertTrue(worst > 0, "the comparison ran");
    }

    @Test
    void derivativesMatchStrictMathClosedForms() {
        SplittableRandom rnd = new SplittableRandom(7L);
        double[] g = new double[2];
        for (int i = 0; i < 20_000; i++) {
            double ec = Math.pow(10, -3 + 6 * rnd.nextDouble());
            double s = 0.1 + 5 * rnd.nextDouble();
            double x = ec * Math.pow(10, -4 + 8 * rnd.nextDouble());
            Hill h = new Hill(ec, s);
            double lu = StrictMath.log(x / ec);
            // h (1 - h) without the cancellation of 1 - h near 1
            double e = StrictMath.exp(-Math.abs(s * lu));
            double sp = e / ((1 + e) * (1 + e));
            h.parameterGradientInto(x, g, 0);
            double tol = 1e-12 + 16 * Math.ulp(1.0) * s * Math.abs(lu);
            assertEquals(s * sp / x, h.derivative(x), tol * s * sp / x + 1e-300, "dh/dx");
            assertEquals(-s * sp / ec, g[0], tol * s * sp / ec + 1e-300, "dh/dec");
            assertEquals(sp * lu, g[1], tol * Math.abs(sp * lu) + 1e-15 * sp, "dh/dslope");
        }
    }

    @Test
    void isMonotoneWithinAFewUlpAcrossTableEnds() {
        // x sweeps ulp by ulp around many points, including 1, powers of two and the log table's interval ends
        // (mantissa steps of 2^-8 around 1), where the table-driven log2 may err by an ulp either way
        double[] slopes = {0.3, 0.7, 1.5, 2.5, 6.3};
        int worstUlps = 0;
        for (double s : slopes) {
            Hill h = new Hill(1.0, s);
            for (int k = -300; k <= 300; k++) {
                double centre = Math.scalb(1.0 + (k & 255) / 256.0 * 0.41 + 0.7 * ((k & 256) >> 8), k / 64);
                double x = centre;
                for (int j = 0; j < 16; j++) {
                    x = Math.nextDown(x);
                }
                double prev = h.value(x);
                for (int j = 0; j < 32; j++) {
                    x = Math.nextUp(x);
                    double v = h.value(x);
                    if (v < prev) {
                        int ulps = (int) Math.round((prev - v) / Math.ulp(prev));
                        worstUlps = Math.max(worstUlps, ulps);
                    }
                    prev = v;
                }
            }
        }
        assertTrue(worstUlps <= 8, "h decreased by " + worstUlps + " ulp");
    }
}
