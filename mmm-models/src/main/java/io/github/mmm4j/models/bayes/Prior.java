package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.Checks;

/**
 * A prior distribution of one scalar model parameter, as used by {@link BayesianMmm}: an unnormalised log
 * density and its derivative. Constants that do not depend on the parameter are dropped, as in Stan's
 * {@code ~} statements, so {@link #logDensity} is exact up to an additive constant.
 *
 * <p>Each parameter of the model has a <em>support</em> and accepts the priors that live on it:
 * <ul>
 *   <li>real line (intercept, trend, seasonality, controls, events, geo offsets): {@link Normal};</li>
 *   <li>positive half-line (effect size, ROI, half-saturation, slope, noise): {@link HalfNormal},
 *       {@link LogNormal}, {@link Gamma};</li>
 *   <li>a bounded interval {@code (lo, hi)} (adstock decay in {@code (0, 1)}, the delay of a delayed adstock in
 *       {@code (0, maxLag)}): {@link Beta}, applied to {@code z = (x - lo) / (hi - lo)}.</li>
 * </ul>
 * {@link BayesianMmm#fit} rejects a prior on the wrong support with an {@link IllegalArgumentException} that
 * names the parameter.
 */
public sealed interface Prior permits Prior.Normal, Prior.HalfNormal, Prior.LogNormal, Prior.Gamma, Prior.Beta {

    /** The support a prior lives on. */
    enum Support {
        /** The whole real line. */
        REAL,
        /** {@code (0, infinity)}. */
        POSITIVE,
        /** The unit interval {@code (0, 1)} (a bounded parameter after rescaling). */
        UNIT
    }

    /**
     * Returns the support of this prior.
     *
     * @return the support
     */
    Support support();

    /**
     * Returns the log density at {@code x} up to an additive constant.
     *
     * @param x a point of the support
     * @return {@code log p(x) + const}
     */
    double logDensity(double x);

    /**
     * Returns {@code d log p(x) / dx}.
     *
     * @param x a point of the support
     * @return the derivative
     */
    double derivative(double x);

    /**
     * Returns the standard deviation of {@code log x} under a prior on the positive half-line, the scale on which
     * {@link io.github.mmm4j.models.SamplerDiagnostics#roiDataWeight} compares a posterior with its prior:
     * {@code sigma} for {@link LogNormal}; {@code sqrt(trigamma(shape))} for {@link Gamma} (the variance of the log
     * of a gamma variable; Johnson, Kotz and Balakrishnan, Continuous Univariate Distributions 1, 2nd ed., 17.8);
     * {@code pi / sqrt(8)} for {@link HalfNormal} (the log of {@code |Z|}, whatever the scale).
     *
     * @param prior a prior
     * @return the sd of {@code log x}, or NaN when the prior is not on the positive half-line
     */
    static double logScaleSd(Prior prior) {
        if (prior instanceof LogNormal l) {
            return l.sigma();
        }
        if (prior instanceof Gamma g) {
            return Math.sqrt(org.hipparchus.special.Gamma.trigamma(g.shape()));
        }
        if (prior instanceof HalfNormal) {
            return Math.PI / Math.sqrt(8.0);
        }
        return Double.NaN;
    }

    /**
     * Normal prior {@code N(mean, sd^2)}: {@code log p = -(x - mean)^2 / (2 sd^2)}.
     *
     * @param mean the mean, finite
     * @param sd the standard deviation, finite and {@code > 0}
     */
    record Normal(double mean, double sd) implements Prior {

        /*
         * Validates the parameters.
         *
         * @throws IllegalArgumentException if a parameter is out of range
         */
        public Normal {
            Checks.checkFinite("mean", mean);
            Checks.checkPositive("sd", sd);
        }

        @Override
        public Support support() {
            return Support.REAL;
        }

        @Override
        public double logDensity(double x) {
            double z = (x - mean) / sd;
            return -0.5 * z * z;
        }

        @Override
        public double derivative(double x) {
            return -(x - mean) / (sd * sd);
        }
    }

    /**
     * Half-normal prior on {@code x > 0}: {@code log p = -x^2 / (2 scale^2)}, the distribution of {@code |Z|} for
     * {@code Z ~ N(0, scale^2)} (Stan's {@code normal(0, scale)} on a {@code <lower=0>} parameter).
     *
     * @param scale the scale, finite and {@code > 0}; the mean is {@code scale sqrt(2 / pi)}
     */
    record HalfNormal(double scale) implements Prior {

        /*
         * Validates the parameter.
         *
         * @throws IllegalArgumentException if {@code scale} is not finite and positive
         */
        public HalfNormal {
            Checks.checkPositive("scale", scale);
        }

        @Override
        public Support support() {
            return Support.POSITIVE;
        }

        @Override
        public double logDensity(double x) {
            double z = x / scale;
            return -0.5 * z * z;
        }

        @Override
        public double derivative(double x) {
            return -x / (scale * scale);
        }
    }

    /**
     * Log-normal prior on {@code x > 0}: {@code log x ~ N(mu, sigma^2)},
     * {@code log p = -log x - (log x - mu)^2 / (2 sigma^2)}. Its mean is {@code exp(mu + sigma^2 / 2)}.
     *
     * @param mu the mean of {@code log x}, finite
     * @param sigma the standard deviation of {@code log x}, finite and {@code > 0}
     */
    record LogNormal(double mu, double sigma) implements Prior {

        /*
         * Validates the parameters.
         *
         * @throws IllegalArgumentException if a parameter is out of range
         */
        public LogNormal {
            Checks.checkFinite("mu", mu);
            Checks.checkPositive("sigma", sigma);
        }

        /**
         * Returns the log-normal distribution with a given mean and standard deviation (on the natural scale):
         * {@code sigma^2 = log(1 + sd^2 / mean^2)}, {@code mu = log(mean) - sigma^2 / 2}. This is how a user states
         * a belief about a channel's ROI ("about 1.5, give or take 0.8"), as in Meridian's ROI priors.
         *
         * @param mean the mean, finite and {@code > 0}
         * @param sd the standard deviation, finite and {@code > 0}
         * @return the prior
         * @throws IllegalArgumentException if a parameter is out of range
         */
        public static LogNormal ofMeanSd(double mean, double sd) {
            Checks.checkPositive("mean", mean);
            Checks.checkPositive("sd", sd);
            double s2 = Math.log1p((sd / mean) * (sd / mean));
            return new LogNormal(Math.log(mean) - 0.5 * s2, Math.sqrt(s2));
        }

        /**
         * Returns the mean {@code exp(mu + sigma^2 / 2)}.
         *
         * @return the mean
         */
        public double mean() {
            return Math.exp(mu + 0.5 * sigma * sigma);
        }

        @Override
        public Support support() {
            return Support.POSITIVE;
        }

        @Override
        public double logDensity(double x) {
            double lx = Math.log(x);
            double z = (lx - mu) / sigma;
            return -lx - 0.5 * z * z;
        }

        @Override
        public double derivative(double x) {
            return -(1.0 + (Math.log(x) - mu) / (sigma * sigma)) / x;
        }
    }

    /**
     * Gamma prior on {@code x > 0} with shape {@code a} and rate {@code b}: {@code log p = (a - 1) log x - b x}
     * (mean {@code a / b}, variance {@code a / b^2}; Stan's {@code gamma(a, b)}).
     *
     * @param shape the shape {@code a}, finite and {@code > 0}
     * @param rate the rate {@code b}, finite and {@code > 0}
     */
    record Gamma(double shape, double rate) implements Prior {

        /*
         * Validates the parameters.
         *
         * @throws IllegalArgumentException if a parameter is out of range
         */
        public Gamma {
            Checks.checkPositive("shape", shape);
            Checks.checkPositive("rate", rate);
        }

        @Override
        public Support support() {
            return Support.POSITIVE;
        }

        @Override
        public double logDensity(double x) {
            return (shape - 1.0) * Math.log(x) - rate * x;
        }

        @Override
        public double derivative(double x) {
            return (shape - 1.0) / x - rate;
        }
    }

    /**
     * Beta prior on {@code z in (0, 1)}: {@code log p = (a - 1) log z + (b - 1) log(1 - z)} (mean
     * {@code a / (a + b)}). A parameter on an interval {@code (lo, hi)} gets it on {@code z = (x - lo)/(hi - lo)}.
     * {@code Beta(1, 1)} is uniform.
     *
     * @param a the first shape, finite and {@code > 0}
     * @param b the second shape, finite and {@code > 0}
     */
    record Beta(double a, double b) implements Prior {

        /*
         * Validates the parameters.
         *
         * @throws IllegalArgumentException if a parameter is out of range
         */
        public Beta {
            Checks.checkPositive("a", a);
            Checks.checkPositive("b", b);
        }

        @Override
        public Support support() {
            return Support.UNIT;
        }

        @Override
        public double logDensity(double z) {
            double v = 0;
            if (a != 1.0) {
                v += (a - 1.0) * Math.log(z);
            }
            if (b != 1.0) {
                v += (b - 1.0) * Math.log1p(-z);
            }
            return v;
        }

        @Override
        public double derivative(double z) {
            return (a - 1.0) / z - (b - 1.0) / (1.0 - z);
        }
    }
}
