package io.github.mmm4j.models.bayes;

import java.util.concurrent.atomic.AtomicLong;

/** Log densities used by the sampler tests. */
final class TestDensities {

    private TestDensities() {
    }

    /** Independent normals with standard deviations {@code sd[j]}. */
    static final class IndependentNormal implements LogDensity {
        private final double[] sd;

        IndependentNormal(double[] sd) {
            this.sd = sd.clone();
        }

        @Override
        public int dimension() {
            return sd.length;
        }

        @Override
        public double logDensityGradient(double[] theta, double[] gradOut) {
            double lp = 0;
            for (int i = 0; i < sd.length; i++) {
                double z = theta[i] / sd[i];
                lp -= 0.5 * z * z;
                gradOut[i] = -z / sd[i];
            }
            return lp;
        }
    }

    /** Bivariate normal, unit variances, correlation {@code rho}. */
    static final class CorrelatedNormal implements LogDensity {
        private final double rho;

        CorrelatedNormal(double rho) {
            this.rho = rho;
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double logDensityGradient(double[] t, double[] g) {
            double c = 1.0 / (1.0 - rho * rho);
            double x = t[0];
            double y = t[1];
            g[0] = -c * (x - rho * y);
            g[1] = -c * (y - rho * x);
            return -0.5 * c * (x * x - 2 * rho * x * y + y * y);
        }
    }

    /**
     * A d-dimensional normal with unit variances and every correlation {@code rho}, scaled per coordinate by
     * {@code scale_i}: precision {@code (I - rho/(1 + (d-1) rho) J) / (1 - rho)} on the standardised coordinates.
     */
    static final class EquicorrelatedNormal implements LogDensity {
        private final double rho;
        private final double[] scale;

        EquicorrelatedNormal(double rho, double[] scale) {
            this.rho = rho;
            this.scale = scale.clone();
        }

        @Override
        public int dimension() {
            return scale.length;
        }

        @Override
        public double logDensityGradient(double[] t, double[] g) {
            int d = scale.length;
            double a = 1.0 / (1.0 - rho);
            double b = rho / ((1.0 - rho) * (1.0 + (d - 1) * rho));
            double sum = 0;
            for (int i = 0; i < d; i++) {
                sum += t[i] / scale[i];
            }
            double q = 0;
            for (int i = 0; i < d; i++) {
                double z = t[i] / scale[i];
                double pz = a * z - b * sum;
                q += z * pz;
                g[i] = -pz / scale[i];
            }
            return -0.5 * q;
        }
    }

    /** Neal's funnel: v ~ N(0, 3), x_i ~ N(0, exp(v/2)), i = 1..d-1. */
    static final class Funnel implements LogDensity {
        private final int d;

        Funnel(int d) {
            this.d = d;
        }

        @Override
        public int dimension() {
            return d;
        }

        @Override
        public double logDensityGradient(double[] t, double[] g) {
            double v = t[0];
            double e = Math.exp(-v);
            double lp = -v * v / 18.0;
            g[0] = -v / 9.0;
            for (int i = 1; i < d; i++) {
                lp += -0.5 * t[i] * t[i] * e - 0.5 * v;
                g[0] += 0.5 * t[i] * t[i] * e - 0.5;
                g[i] = -t[i] * e;
            }
            return lp;
        }
    }

    /** Standard normal in 2-D, with NaN log density (and gradient) where theta[0] > 1. */
    static final class NanRegion implements LogDensity {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double logDensityGradient(double[] t, double[] g) {
            if (t[0] > 1.0) {
                g[0] = Double.NaN;
                g[1] = Double.NaN;
                return Double.NaN;
            }
            g[0] = -t[0];
            g[1] = -t[1];
            return -0.5 * (t[0] * t[0] + t[1] * t[1]);
        }
    }

    /** Wraps a density and counts its evaluations in a shared counter. */
    static final class Counting implements LogDensity {
        private final LogDensity inner;
        private final AtomicLong counter;

        Counting(LogDensity inner, AtomicLong counter) {
            this.inner = inner;
            this.counter = counter;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double logDensityGradient(double[] theta, double[] gradOut) {
            counter.incrementAndGet();
            return inner.logDensityGradient(theta, gradOut);
        }
    }

    static double[] ones(int d) {
        double[] s = new double[d];
        java.util.Arrays.fill(s, 1.0);
        return s;
    }
}
