package io.github.mmm4j.synthetic;

/**
 * The tolerance policy of the mmm-synthetic tests, in one place.
 *
 * <ul>
 *   <li>Same seed, same output: compared exactly (bytes, or bit-for-bit arrays).</li>
 *   <li>CSV round trips: exact ({@link Double#toString} round-trips every finite double).</li>
 *   <li>{@link #SUM}: the contributions of a few dozen components summed in another order, relative to the
 *       KPI's magnitude.</li>
 *   <li>{@link #FINITE_DIFFERENCE}: a central difference with step {@link #STEP}: truncation error
 *       {@code O(h^2)} about 1e-8 and rounding error about {@code 1e-16 / h}, well below 1e-6.</li>
 * </ul>
 * No test here is stochastic in the sense of failing with some probability: every seed is fixed.
 */
final class Tolerances {

    /** Relative tolerance for sums of contributions. */
    static final double SUM = 1e-9;
    /** Relative tolerance for finite differences against analytic derivatives. */
    static final double FINITE_DIFFERENCE = 1e-6;
    /** Relative step of the central difference. */
    static final double STEP = 1e-4;

    private Tolerances() {
    }

    static boolean close(double expected, double actual, double rel) {
        return Math.abs(expected - actual) <= rel * Math.max(1, Math.max(Math.abs(expected), Math.abs(actual)));
    }
}
