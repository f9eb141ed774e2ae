package io.github.mmm4j.transforms;

import io.github.mmm4j.core.Checks;
import java.util.List;

/**
 * Robyn's Weibull CDF adstock ({@code adstock_weibull(type = "CDF")} in Robyn's
 * {@code R/R/transformation.R}): the decay rate changes over time according to the Weibull survival
 * function. With window length {@code windlen = maxLag + 1} and Weibull scale in periods
 * {@code lambda = 1 + scale * maxLag} (the {@code scale}-quantile of {@code 1..windlen}),
 * <pre>
 *   w[0] = 1,   w[l] = prod_{j=1..l} (1 - F(j)) = exp(-sum_{j=1..l} (j / lambda)^shape),   l = 1..maxLag,
 * </pre>
 * where {@code F} is the Weibull CDF. The weights are not normalised ({@code w[0] = 1}, as in Robyn).
 *
 * <p><b>Difference from Robyn.</b> Robyn rounds the scale in periods to an integer,
 * {@code round(quantile(1:windlen, scale))}, which makes the weights piecewise constant in
 * {@code scale} and its gradient zero; here {@code lambda} is continuous so that a gradient-based
 * sampler can move {@code scale}. {@link #fromRobyn} builds the adstock whose weights equal Robyn's
 * exactly. Robyn also treats {@code shape = 0} as "no carryover"; here {@code shape} must be positive.
 *
 * @param shape Weibull shape {@code k > 0}: larger is more S-shaped, smaller more L-shaped
 * @param scale Weibull scale as a fraction of the window, in {@code [0, 1]}
 * @param maxLag the longest lag, in {@code [0, Integer.MAX_VALUE)}
 */
public record WeibullCdf(double shape, double scale, int maxLag) implements Adstock {

    /** The parameters of both Weibull adstocks: shape (positive) and scale (a fraction of the window). */
    static final List<ParameterSpec> SPECS = List.of(ParameterSpec.positive("shape",
            ParameterSpec.SearchRange.log(0.1, 10), new ParameterSpec.DefaultPrior.LogNormal(0, 1)),
            ParameterSpec.interval("scale", 0, 1, ParameterSpec.SearchRange.linear(0, 0.5),
                    new ParameterSpec.DefaultPrior.Beta(1, 3)));

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if {@code shape} is not finite and positive, {@code scale} is
     *     not in {@code [0, 1]} or {@code maxLag} is negative or infinite
     */
    public WeibullCdf {
        Checks.checkPositive("shape", shape);
        Checks.checkInClosed("scale", scale, 0.0, 1.0);
        Checks.checkNonNegative("maxLag", maxLag);
        Checks.checkArgument(maxLag != INFINITE_LAG, "maxLag = %d; must be < %d", maxLag, INFINITE_LAG);
    }

    /**
     * The adstock whose weights equal Robyn's {@code adstock_weibull(x, shape, scale, windlen =
     * maxLag + 1, type = "CDF")$thetaVecCum}, including Robyn's rounding of the scale to whole periods
     * (half to even, as R's {@code round}).
     *
     * @param shape Weibull shape {@code > 0}
     * @param scale Robyn's scale, in {@code [0, 1]}
     * @param maxLag the longest lag, {@code windlen - 1}
     * @return the adstock with {@code scale = (round(1 + scale * maxLag) - 1) / maxLag}
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static WeibullCdf fromRobyn(double shape, double scale, int maxLag) {
        return new WeibullCdf(shape, robynScale(scale, maxLag), maxLag);
    }

    static double robynScale(double scale, int maxLag) {
        Checks.checkInClosed("scale", scale, 0.0, 1.0);
        Checks.checkNonNegative("maxLag", maxLag);
        if (maxLag == 0) {
            return scale;
        }
        return (Math.rint(1.0 + scale * maxLag) - 1.0) / maxLag;
    }

    /**
     * The Weibull scale in periods, {@code lambda = 1 + scale * maxLag}.
     *
     * @return {@code lambda >= 1}
     */
    public double scaleInPeriods() {
        return 1.0 + scale * maxLag;
    }

    @Override
    public void weightsInto(double[] dest, int offset, int length) {
        double lambda = scaleInPeriods();
        double s = 0;
        for (int l = 0; l < length; l++) {
            if (l > maxLag) {
                dest[offset + l] = 0.0;
                continue;
            }
            if (l > 0) {
                s += Math.pow(l / lambda, shape);
            }
            dest[offset + l] = Math.exp(-s);
        }
    }

    @Override
    public void weightJacobianInto(double[] dest, int offset, int length) {
        double lambda = scaleInPeriods();
        double s = 0;
        double dsShape = 0;
        for (int l = 0; l < length; l++) {
            int i = offset + 2 * l;
            if (l > maxLag) {
                dest[i] = 0.0;
                dest[i + 1] = 0.0;
                continue;
            }
            if (l > 0) {
                double logU = Math.log(l / lambda);
                double p = Math.exp(shape * logU);
                s += p;
                dsShape += p * logU;
            }
            double w = Math.exp(-s);
            // dS/dlambda = -(shape / lambda) S, dlambda/dscale = maxLag
            dest[i] = -w * dsShape;
            dest[i + 1] = w * (shape / lambda) * s * maxLag;
        }
    }

    @Override
    public double totalWeight() {
        double lambda = scaleInPeriods();
        double s = 0;
        double total = 1.0;
        for (int l = 1; l <= maxLag; l++) {
            s += Math.pow(l / lambda, shape);
            double w = Math.exp(-s);
            if (w == 0.0) {
                break;
            }
            total += w;
        }
        return total;
    }

    /** @return {@code "weibull_cdf"} */
    @Override
    public String name() {
        return "weibull_cdf";
    }

    /** @return {@code [shape, scale]} */
    @Override
    public double[] parameters() {
        return new double[] {shape, scale};
    }

    /** @return {@code ["shape", "scale"]} */
    @Override
    public List<String> parameterNames() {
        return List.of("shape", "scale");
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
    public WeibullCdf withParameters(double[] parameters) {
        double[] p = parameters;
        Kernels.checkParameterCount(p, 2);
        return new WeibullCdf(p[0], p[1], maxLag);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public List<ParameterSpec> parameterSpecs() {
        return SPECS;
    }
}
