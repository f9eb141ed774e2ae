package io.github.mmm4j.transforms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

/**
 * The one tolerance policy of the mmm-transforms tests (in the manner of EJML's {@code TEST_F64}).
 *
 * <p>Every comparison is {@code |expected - actual| <= tol * max(1, |expected|, scale)}, where
 * {@code scale} is the size of the terms that were summed (so that cancellation is not held against
 * the code). The tolerances:
 * <ul>
 *   <li>{@link #ROUNDING} = 1e-12: identities that hold up to a few roundings per term (linearity,
 *       time-shift, strided vs contiguous, batched vs per-channel, reverse-mode vs explicit sums);</li>
 *   <li>{@link #REFERENCE} = 1e-12: values computed by numpy/scipy from the same formulas;</li>
 *   <li>{@link #FINITE_DIFFERENCE} = 1e-6: analytic gradient vs the central difference
 *       {@code (f(p + h) - f(p - h)) / 2h} with {@code h = }{@link #FD_STEP}{@code * max(1, |p|)}:
 *       truncation error {@code O(h^2) = 1e-12} and cancellation error
 *       {@code O(eps / h) = 1e-10} relative, so 1e-6 leaves four orders of margin.</li>
 * </ul>
 * Property tests are deterministic given jqwik's seed; none is stochastic in the code under test.
 */
final class Tolerances {

    static final double ROUNDING = 1e-12;
    static final double REFERENCE = 1e-12;
    static final double FINITE_DIFFERENCE = 1e-6;
    static final double FD_STEP = 1e-6;

    private Tolerances() {
    }

    static void assertClose(double expected, double actual, double tol, double scale, String what) {
        double bound = tol * Math.max(1.0, Math.max(Math.abs(expected), Math.abs(scale)));
        assertTrue(Math.abs(expected - actual) <= bound,
                () -> what + ": expected " + expected + " but was " + actual + " (|diff| = "
                        + Math.abs(expected - actual) + " > " + bound + ")");
    }

    static void assertClose(double expected, double actual, double tol, String what) {
        assertClose(expected, actual, tol, 0.0, what);
    }

    static void assertArrayClose(double[] expected, double[] actual, int n, double tol, String what) {
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        for (int i = 0; i < n; i++) {
            assertClose(expected[i], actual[i], tol, scale, what + "[" + i + "]");
        }
    }

    /** The step used for a central difference at {@code p}. */
    static double step(double p) {
        return FD_STEP * Math.max(1.0, Math.abs(p));
    }

    /**
     * The derivative of {@code f} at {@code p} by the five-point central stencil (Richardson extrapolation of two
     * central differences, truncation error {@code O(h^4)}): near a saturation's steep foot (a Hill slope below 1
     * evaluated at a tiny adstocked spend) the plain central difference's {@code O(h^2)} error exceeded the tolerance.
     */
    static double centralDifference(DoubleUnaryOperator f, double p) {
        double h = step(p);
        double wide = f.applyAsDouble(p + h) - f.applyAsDouble(p - h);
        double narrow = f.applyAsDouble(p + h / 2) - f.applyAsDouble(p - h / 2);
        return (8 * narrow - wide) / (6 * h);
    }
}
