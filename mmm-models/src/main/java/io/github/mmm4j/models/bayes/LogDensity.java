package io.github.mmm4j.models.bayes;

/**
 * An unnormalised log density on the unconstrained space {@code R^d}, with its gradient: the model interface of
 * the {@link Nuts} sampler.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #logDensityGradient} returns {@code log p(theta) + const} and writes
 *       {@code d log p / d theta_j} into {@code gradOut[j]}. Constraints must already be removed by
 *       transformation (for example {@code sigma = exp(u)}), including the log Jacobian, as in Stan.</li>
 *   <li>Outside the support, or on numerical failure, return {@link Double#NEGATIVE_INFINITY} or
 *       {@link Double#NaN}: the sampler treats such a point (and any non-finite gradient) as a divergence and
 *       never accepts it. Throwing is reserved for programming errors; an exception aborts the fit.</li>
 *   <li>Implementations should not allocate in {@link #logDensityGradient}: it is called once per leapfrog
 *       step.</li>
 *   <li>Implementations may be stateful (keep workspaces) and need not be thread-safe: the sampler obtains one
 *       instance per chain from a {@link java.util.function.Supplier} and calls each instance from one thread
 *       at a time.</li>
 * </ul>
 */
public interface LogDensity {

    /**
     * Returns the number of unconstrained parameters {@code d}.
     *
     * @return the dimension, at least 1
     */
    int dimension();

    /**
     * Evaluates the log density and its gradient at {@code theta}.
     *
     * @param theta (input) the point, length {@link #dimension()}; not modified
     * @param gradOut (output) receives the gradient {@code d log p / d theta}, length {@link #dimension()};
     *     its content is unspecified when the return value is not finite
     * @return the unnormalised log density, or {@code -Infinity}/NaN outside the support
     */
    double logDensityGradient(double[] theta, double[] gradOut);
}
