package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.Checks;
import java.util.SplittableRandom;

/**
 * The observation model of {@link BayesianMmm}: the standardised KPI {@code y_i} given its mean {@code mu_i} and
 * the noise scale {@code sigma} (standardised units). Constants that depend on neither are dropped.
 */
public sealed interface Likelihood permits Likelihood.Normal, Likelihood.StudentT {

    /**
     * Returns the Normal likelihood (the default).
     *
     * @return {@code y_i ~ N(mu_i, sigma^2)}
     */
    static Likelihood normal() {
        return new Normal();
    }

    /**
     * Returns a Student-t likelihood with fixed degrees of freedom: heavier tails make the fit robust to outlying
     * periods.
     *
     * @param nu degrees of freedom, finite and {@code > 0} (3 to 10 is typical)
     * @return {@code (y_i - mu_i) / sigma ~ t_nu}
     */
    static Likelihood studentT(double nu) {
        return new StudentT(nu);
    }

    /**
     * Computes the log likelihood of residuals {@code r_i = y_i - mu_i} and its derivatives. Does not allocate.
     *
     * @param r (input) residuals, {@code [0, n)} read; not modified
     * @param n the number of observations
     * @param sigma the noise scale, {@code > 0}
     * @param gMu (output) {@code gMu[i] = d logL / d mu_i} for {@code i < n}
     * @param gLogSigma (output) {@code gLogSigma[0] = d logL / d log(sigma)}
     * @return {@code logL} up to a constant
     */
    default double logLikelihood(double[] r, int n, double sigma, double[] gMu, double[] gLogSigma) {
        return logLikelihood(r, 0, n, sigma, gMu, gLogSigma);
    }

    /**
     * {@link #logLikelihood(double[], int, double, double[], double[])} over the residuals {@code r[from, to)}, with
     * {@code gMu[i]} written for those {@code i} only (one geo's rows, with that geo's noise sd).
     *
     * @param r (input) residuals, {@code [from, to)} read; not modified
     * @param from the first observation
     * @param to one past the last observation
     * @param sigma the noise scale, {@code > 0}
     * @param gMu (output) {@code gMu[i] = d logL / d mu_i} for {@code from <= i < to}
     * @param gLogSigma (output) {@code gLogSigma[0] = d logL / d log(sigma)}
     * @return {@code logL} of those observations, up to a constant
     */
    double logLikelihood(double[] r, int from, int to, double sigma, double[] gMu, double[] gLogSigma);

    /**
     * Draws one standardised noise value ({@code (y - mu) / sigma}) for posterior predictive simulation.
     *
     * @param rng the generator
     * @return a draw from {@code N(0, 1)} or {@code t_nu}
     */
    double sampleNoise(SplittableRandom rng);

    /**
     * Normal likelihood: {@code logL = -n log sigma - sum_i r_i^2 / (2 sigma^2)}.
     */
    record Normal() implements Likelihood {

        @Override
        public double logLikelihood(double[] r, int from, int to, double sigma, double[] gMu, double[] gLogSigma) {
            double inv2 = 1.0 / (sigma * sigma);
            // two partial sums: the loop is not bound by the latency of one chain of additions
            double ss0 = 0;
            double ss1 = 0;
            int i = from;
            int n = to - from;
            for (; i + 1 < to; i += 2) {
                double r0 = r[i];
                double r1 = r[i + 1];
                ss0 += r0 * r0;
                ss1 += r1 * r1;
                gMu[i] = r0 * inv2;
                gMu[i + 1] = r1 * inv2;
            }
            if (i < to) {
                ss0 += r[i] * r[i];
                gMu[i] = r[i] * inv2;
            }
            double ss = ss0 + ss1;
            gLogSigma[0] = -n + ss * inv2;
            return -n * Math.log(sigma) - 0.5 * ss * inv2;
        }

        @Override
        public double sampleNoise(SplittableRandom rng) {
            return gaussian(rng);
        }

        @Override
        public String toString() {
            return "normal";
        }
    }

    /**
     * Student-t likelihood with {@code nu} degrees of freedom:
     * {@code logL = -n log sigma - (nu + 1)/2 sum_i log(1 + r_i^2 / (nu sigma^2))}.
     *
     * @param nu degrees of freedom, finite and {@code > 0}
     */
    record StudentT(double nu) implements Likelihood {

        /*
         * Validates.
         *
         * @throws IllegalArgumentException if {@code nu} is not finite and positive
         */
        public StudentT {
            Checks.checkPositive("nu", nu);
        }

        @Override
        public double logLikelihood(double[] r, int from, int to, double sigma, double[] gMu, double[] gLogSigma) {
            double ns2 = nu * sigma * sigma;
            double half = 0.5 * (nu + 1.0);
            double sumLog = 0;
            double gs = 0;
            int n = to - from;
            for (int i = from; i < to; i++) {
                double ri = r[i];
                double d = ns2 + ri * ri;
                sumLog += Math.log1p(ri * ri / ns2);
                gMu[i] = (nu + 1.0) * ri / d;
                gs += ri * ri / d;
            }
            gLogSigma[0] = -n + (nu + 1.0) * gs;
            return -n * Math.log(sigma) - half * sumLog;
        }

        @Override
        public double sampleNoise(SplittableRandom rng) {
            // t = Z / sqrt(V / nu), V ~ chi^2_nu = 2 Gamma(nu / 2, 1)
            double z = gaussian(rng);
            double v = 2.0 * gammaUnitScale(0.5 * nu, rng);
            return z / Math.sqrt(v / nu);
        }

        @Override
        public String toString() {
            return "student-t(" + nu + ")";
        }
    }

    /** Standard normal by Box-Muller (one of the pair). */
    private static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the shape-boost for shape < 1. */
    private static double gammaUnitScale(double shape, SplittableRandom rng) {
        if (shape < 1.0) {
            double u = 1.0 - rng.nextDouble();
            return gammaUnitScale(shape + 1.0, rng) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = gaussian(rng);
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
