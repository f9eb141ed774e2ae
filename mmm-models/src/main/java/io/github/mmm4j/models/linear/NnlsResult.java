package io.github.mmm4j.models.linear;

import io.github.mmm4j.core.Checks;
import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of an {@link Nnls} solve of {@code min ||A x - b||^2 + lambda ||x||^2} under column signs.
 *
 * <p>The Karush-Kuhn-Tucker conditions a caller can check with {@link #dual()}
 * {@code w = A'(b - A x) - lambda x} (minus half the gradient of the objective), for a tolerance
 * {@code tol}: for a {@link Sign#NON_NEGATIVE} column {@code x_j >= 0}, and {@code w_j <= tol} when
 * {@code x_j = 0}; for a {@link Sign#NON_POSITIVE} column {@code x_j <= 0}, and {@code w_j >= -tol} when
 * {@code x_j = 0}; and {@code |w_j| <= tol} for every passive column (free, or constrained and nonzero).
 * Arrays are copied in and out.
 *
 * @param status how the solve ended; the coefficients are primal feasible in every case
 * @param x the coefficients, length {@code nCols}; constrained ones that are zero are exactly {@code 0.0}
 * @param dual the dual {@code w = A'(b - A x) - lambda x}, length {@code nCols}; computed from {@code A}
 *     when it was given, else from the Gram matrix as {@code A'b - (A'A + lambda I) x}
 * @param passive {@code passive[j]} is true when column {@code j} ended in the passive (unbounded) set:
 *     free columns and constrained columns with a nonzero coefficient
 * @param residualNorm {@code ||A x - b||_2} (without the penalty); from the Gram entry point it is
 *     {@code sqrt(max(0, b'b - 2 x'A'b + x'A'A x))}, which loses relative accuracy when the residual is
 *     much smaller than {@code ||b||}
 * @param objective {@code ||A x - b||^2 + lambda ||x||^2}
 * @param iterations the number of passive-set subproblem solves performed
 * @param lambda the ridge penalty that was used
 */
public record NnlsResult(NnlsStatus status, double[] x, double[] dual, boolean[] passive,
        double residualNorm, double objective, int iterations, double lambda) {

    /**
     * Validates and copies the fields.
     *
     * @param status see the record description
     * @param x see the record description
     * @param dual see the record description
     * @param passive see the record description
     * @param residualNorm see the record description
     * @param objective see the record description
     * @param iterations see the record description
     * @param lambda see the record description
     * @throws IllegalArgumentException if the arrays differ in length, a number is not finite, or
     *     {@code residualNorm}, {@code objective}, {@code iterations} or {@code lambda} is negative
     */
    public NnlsResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(dual, "dual");
        Objects.requireNonNull(passive, "passive");
        Checks.checkLength("dual", dual, x.length);
        Checks.checkArgument(passive.length == x.length, "passive.length = %d; expected %d",
                passive.length, x.length);
        Checks.checkAllFinite("x", x);
        Checks.checkAllFinite("dual", dual);
        Checks.checkNonNegative("residualNorm", residualNorm);
        Checks.checkNonNegative("objective", objective);
        Checks.checkNonNegative("iterations", iterations);
        Checks.checkNonNegative("lambda", lambda);
        x = x.clone();
        dual = dual.clone();
        passive = passive.clone();
    }

    /**
     * Returns a copy of the coefficients.
     *
     * @return a new array of length {@code nCols}
     */
    @Override
    public double[] x() {
        return x.clone();
    }

    /**
     * Returns a copy of the dual {@code w = A'(b - A x) - lambda x}.
     *
     * @return a new array of length {@code nCols}
     */
    @Override
    public double[] dual() {
        return dual.clone();
    }

    /**
     * Returns a copy of the passive-set mask.
     *
     * @return a new array of length {@code nCols}
     */
    @Override
    public boolean[] passive() {
        return passive.clone();
    }

    /**
     * Returns coefficient {@code j} without copying the array.
     *
     * @param j the column, {@code 0 <= j < nCols}
     * @return {@code x[j]}
     */
    public double x(int j) {
        return x[j];
    }

    /**
     * Returns whether the solve converged.
     *
     * @return {@code status() == NnlsStatus.CONVERGED}
     */
    public boolean converged() {
        return status == NnlsStatus.CONVERGED;
    }

    /**
     * Compares all fields, arrays by content ({@link Arrays#equals(double[], double[])}, so bit for bit).
     *
     * @param o the other object
     * @return whether {@code o} is an equal result
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof NnlsResult r
                && status == r.status
                && Arrays.equals(x, r.x)
                && Arrays.equals(dual, r.dual)
                && Arrays.equals(passive, r.passive)
                && Double.compare(residualNorm, r.residualNorm) == 0
                && Double.compare(objective, r.objective) == 0
                && iterations == r.iterations
                && Double.compare(lambda, r.lambda) == 0;
    }

    /**
     * Hashes all fields, arrays by content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int h = Objects.hash(status, residualNorm, objective, iterations, lambda);
        h = 31 * h + Arrays.hashCode(x);
        h = 31 * h + Arrays.hashCode(dual);
        return 31 * h + Arrays.hashCode(passive);
    }

    /**
     * Describes the result, arrays by content.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "NnlsResult[status=" + status + ", x=" + Arrays.toString(x) + ", dual=" + Arrays.toString(dual)
                + ", passive=" + Arrays.toString(passive) + ", residualNorm=" + residualNorm
                + ", objective=" + objective + ", iterations=" + iterations + ", lambda=" + lambda + "]";
    }
}
