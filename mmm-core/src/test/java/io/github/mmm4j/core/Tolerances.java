package io.github.mmm4j.core;

/**
 * The tolerance policy for floating-point assertions in the mmm-core tests, in one place (in the manner of
 * EJML's {@code UtilEjml.TEST_F64}).
 *
 * <ul>
 *   <li>Values read from CSV and values that round-trip through {@link MmmCsv} are compared <em>exactly</em>
 *       (bit for bit, {@link java.util.Arrays#equals(double[], double[])}): {@link Double#toString} and
 *       {@link Double#parseDouble} round-trip every finite double.</li>
 *   <li>{@link #EXACT_SUM} for short sums of small exact decimals (a few ulps of values near 1).</li>
 *   <li>{@link #CLOSED_FORM} for metrics checked against hand-computed fractions on tiny examples.</li>
 *   <li>{@link #RELATIVE} for invariance properties on random data, applied relative to the magnitude of the
 *       result: a handful of floating-point sums over at most a few hundred terms of values whose magnitudes
 *       are bounded by the generators.</li>
 * </ul>
 */
final class Tolerances {

    /** Absolute tolerance for short sums of small decimals. */
    static final double EXACT_SUM = 1e-12;

    /** Absolute tolerance for closed-form metric values on hand-computed examples. */
    static final double CLOSED_FORM = 1e-12;

    /** Relative tolerance for invariance properties on random data. */
    static final double RELATIVE = 1e-9;

    private Tolerances() {
    }

    /**
     * @param expected the expected value
     * @param actual the actual value
     * @return true if they agree to {@link #RELATIVE} relative error (absolute below magnitude 1)
     */
    static boolean relativelyEqual(double expected, double actual) {
        return Math.abs(expected - actual) <= RELATIVE * Math.max(1, Math.max(Math.abs(expected), Math.abs(actual)));
    }
}
