package io.github.mmm4j.optimize;

/**
 * The test tolerance policy of mmm-optimize, in one place.
 *
 * <ul>
 *   <li>{@link #EXACT}: relative difference of two evaluations of the same quantity by different exact paths (fast
 *       vs generic, Shapley sums): floating-point rounding only.</li>
 *   <li>{@link #FINITE_DIFFERENCE}: analytic vs central-difference derivatives.</li>
 *   <li>{@link #BRUTE_FORCE}: the optimizer's KPI may fall short of the best KPI found by brute-force grid search
 *       by at most 0.1%.</li>
 *   <li>{@link #KKT}: relative spread of marginal returns of unconstrained channels at a Lagrange optimum.</li>
 * </ul>
 */
final class Tolerances {

    static final double EXACT = 1e-9;
    static final double FINITE_DIFFERENCE = 1e-5;
    static final double BRUTE_FORCE = 1e-3;
    static final double KKT = 1e-6;

    private Tolerances() {
    }

    static boolean close(double a, double b, double rel) {
        return Math.abs(a - b) <= rel * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
