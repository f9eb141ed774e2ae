package io.github.mmm4j.transforms;

import io.github.mmm4j.core.Checks;
import java.util.List;

/**
 * Delayed adstock of Jin et al. (2017, eq. 1): {@code w[l] = alpha^((l - theta)^2) / S} for
 * {@code l = 0..maxLag}, peaking at lag {@code theta}, with {@code S = sum_l alpha^((l - theta)^2)} when
 * {@code normalized} (as in the paper) and {@code S = 1} otherwise (pymc-marketing's
 * {@code delayed_adstock} default). pymc-marketing's {@code l_max} is {@code maxLag + 1}.
 *
 * @param alpha retention rate, in {@code (0, 1)}
 * @param theta delay of the peak effect in periods, in {@code [0, maxLag]}
 * @param maxLag the longest lag, in {@code [0, Integer.MAX_VALUE)}
 * @param normalized whether the weights sum to one
 */
public record Delayed(double alpha, double theta, int maxLag, boolean normalized) implements Adstock {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if {@code alpha} is not in {@code (0, 1)}, {@code maxLag} is
     *     negative or infinite, or {@code theta} is not in {@code [0, maxLag]}
     */
    public Delayed {
        Checks.checkArgument(alpha > 0.0 && alpha < 1.0, "%s", Kernels.openInterval("alpha", alpha, 0.0, 1.0));
        Checks.checkNonNegative("maxLag", maxLag);
        Checks.checkArgument(maxLag != INFINITE_LAG, "maxLag = %d; must be < %d", maxLag, INFINITE_LAG);
        Checks.checkInClosed("theta", theta, 0.0, maxLag);
    }

    private double raw(int l, double logAlpha) {
        double d = l - theta;
        return Math.exp(d * d * logAlpha);
    }

    @Override
    public void weightsInto(double[] dest, int offset, int length) {
        double logAlpha = Math.log(alpha);
        double inv = 1.0;
        if (normalized) {
            double s = 0;
            for (int l = 0; l <= maxLag; l++) {
                s += raw(l, logAlpha);
            }
            inv = 1.0 / s;
        }
        for (int l = 0; l < length; l++) {
            dest[offset + l] = l <= maxLag ? raw(l, logAlpha) * inv : 0.0;
        }
    }

    @Override
    public void weightJacobianInto(double[] dest, int offset, int length) {
        double logAlpha = Math.log(alpha);
        double s = 1;
        double dsAlpha = 0;
        double dsTheta = 0;
        if (normalized) {
            s = 0;
            for (int l = 0; l <= maxLag; l++) {
                double v = raw(l, logAlpha);
                double d = l - theta;
                s += v;
                dsAlpha += v * d * d / alpha;
                dsTheta += -2.0 * v * logAlpha * d;
            }
        }
        double inv = 1.0 / s;
        for (int l = 0; l < length; l++) {
            int i = offset + 2 * l;
            if (l > maxLag) {
                dest[i] = 0.0;
                dest[i + 1] = 0.0;
                continue;
            }
            double v = raw(l, logAlpha);
            double d = l - theta;
            double w = v * inv;
            dest[i] = (v * d * d / alpha - w * dsAlpha) * inv;
            dest[i + 1] = (-2.0 * v * logAlpha * d - w * dsTheta) * inv;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @return 1 when normalised, else {@code sum_l alpha^((l - theta)^2)}
     */
    @Override
    public double totalWeight() {
        if (normalized) {
            return 1.0;
        }
        double logAlpha = Math.log(alpha);
        double s = 0;
        for (int l = 0; l <= maxLag; l++) {
            s += raw(l, logAlpha);
        }
        return s;
    }

    /** @return {@code "delayed"} */
    @Override
    public String name() {
        return "delayed";
    }

    /** @return {@code [alpha, theta]} */
    @Override
    public double[] parameters() {
        return new double[] {alpha, theta};
    }

    /** @return {@code ["alpha", "theta"]} */
    @Override
    public List<String> parameterNames() {
        return List.of("alpha", "theta");
    }

    /** @return 2 */
    @Override
    public int parameterCount() {
        return 2;
    }

    /**
     * {@inheritDoc} The structure ({@code maxLag}, {@code normalized}) is kept.
     */
    @Override
    public Delayed withParameters(double[] parameters) {
        double[] p = parameters;
        Kernels.checkParameterCount(p, 2);
        return new Delayed(p[0], p[1], maxLag, normalized);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(ParameterSpec.interval("alpha", 0, 1, ParameterSpec.SearchRange.linear(0.05, 0.9),
                new ParameterSpec.DefaultPrior.Beta(2, 2)),
                maxLag == 0 ? ParameterSpec.fixed("theta", 0)
                        : ParameterSpec.interval("theta", 0, maxLag, ParameterSpec.SearchRange.linear(0, maxLag),
                                new ParameterSpec.DefaultPrior.Beta(1, 1)));
    }
}
