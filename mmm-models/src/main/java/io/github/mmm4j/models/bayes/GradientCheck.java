package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.Checks;

import java.util.Objects;

/**
 * Finite-difference checks of a {@link LogDensity}'s gradient, for model authors: an analytic gradient that
 * disagrees with central differences is the most common bug in a hand-written model, and it makes NUTS
 * silently inefficient or wrong.
 *
 * <p>Central differences {@code (f(theta + h e_j) - f(theta - h e_j)) / (2h)} have truncation error
 * {@code O(h^2 f''')} and rounding error {@code O(eps |f| / h)}; {@code h} around {@code 1e-5} (times the scale
 * of {@code theta}) balances them for smooth densities, giving about 1e-8 to 1e-10 relative agreement.
 */
public final class GradientCheck {

    private GradientCheck() {
    }

    /**
     * Computes the central finite-difference gradient of {@code model} at {@code theta}.
     *
     * @param model the density; evaluated {@code 2 d} times
     * @param theta (input) the point, length {@code d}; not modified
     * @param h the step, finite and {@code > 0}
     * @param out (output) receives the gradient, length {@code >= d}; may be null
     * @return {@code out}, or a new array if {@code out} was null or too short; entries are NaN where an
     *     evaluation was not finite
     * @throws IllegalArgumentException if {@code theta} has the wrong length or is not finite, or {@code h} is
     *     not positive
     */
    public static double[] finiteDifferenceGradient(LogDensity model, double[] theta, double h, double[] out) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(theta, "theta");
        int d = model.dimension();
        Checks.checkLength("theta", theta, d);
        Checks.checkAllFinite("theta", theta);
        Checks.checkPositive("h", h);
        double[] g = Checks.orNew(out, d);
        double[] x = theta.clone();
        double[] scratch = new double[d];
        for (int j = 0; j < d; j++) {
            x[j] = theta[j] + h;
            double fp = model.logDensityGradient(x, scratch);
            x[j] = theta[j] - h;
            double fm = model.logDensityGradient(x, scratch);
            x[j] = theta[j];
            g[j] = Double.isFinite(fp) && Double.isFinite(fm) ? (fp - fm) / (2.0 * h) : Double.NaN;
        }
        return g;
    }

    /**
     * Returns the largest error between the analytic gradient and central finite differences, each error
     * relative to {@code max(1, |analytic_j|, |fd_j|)} (so absolute near zero, relative for large components).
     *
     * @param model the density; evaluated {@code 2 d + 1} times
     * @param theta (input) the point, length {@code d}; not modified
     * @param h the finite-difference step, finite and {@code > 0} (1e-5 is a good start)
     * @return {@code max_j |g_j - fd_j| / max(1, |g_j|, |fd_j|)}, or {@link Double#POSITIVE_INFINITY} if the log
     *     density or a gradient component is not finite at or around {@code theta}
     * @throws IllegalArgumentException if {@code theta} has the wrong length or is not finite, or {@code h} is
     *     not positive
     */
    public static double maxRelativeError(LogDensity model, double[] theta, double h) {
        double[] fd = finiteDifferenceGradient(model, theta, h, null);
        int d = model.dimension();
        double[] g = new double[d];
        double f = model.logDensityGradient(theta.clone(), g);
        if (!Double.isFinite(f)) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0.0;
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(g[j]) || !Double.isFinite(fd[j])) {
                return Double.POSITIVE_INFINITY;
            }
            double scale = Math.max(1.0, Math.max(Math.abs(g[j]), Math.abs(fd[j])));
            worst = Math.max(worst, Math.abs(g[j] - fd[j]) / scale);
        }
        return worst;
    }
}
