package io.github.mmm4j.transforms;

import io.github.mmm4j.core.Checks;
import java.util.List;

/**
 * Robyn's Weibull PDF adstock ({@code adstock_weibull(type = "PDF")} in Robyn's
 * {@code R/R/transformation.R}), which allows a lagged peak. With window length
 * {@code windlen = maxLag + 1}, Weibull scale in periods {@code lambda = 1 + scale * maxLag} and the
 * Weibull density {@code f(u) = (k / lambda) (u / lambda)^(k-1) exp(-(u / lambda)^k)}, the raw weights
 * are {@code d[l] = f(l + 1)} for {@code l = 0..maxLag} and the weights are their min-max rescaling
 * <pre>
 *   w[l] = (d[l] - min d) / (max d - min d),
 * </pre>
 * so the largest weight is 1 and the smallest 0; if all {@code d[l]} are equal (in particular for
 * {@code maxLag = 0}) the weights are {@code [1, 0, ..., 0]}. The gradient treats the positions of the
 * minimum and maximum as fixed (it is exact wherever they are unique, which is almost everywhere).
 *
 * <p><b>Difference from Robyn.</b> As for {@link WeibullCdf}, Robyn rounds {@code lambda} to whole
 * periods; here it is continuous and {@link #fromRobyn} reproduces Robyn's weights exactly.
 *
 * @param shape Weibull shape {@code k > 0}; {@code k > 1} gives a lagged peak
 * @param scale Weibull scale as a fraction of the window, in {@code [0, 1]}
 * @param maxLag the longest lag, in {@code [0, Integer.MAX_VALUE)}
 */
public record WeibullPdf(double shape, double scale, int maxLag) implements Adstock {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if {@code shape} is not finite and positive, {@code scale} is
     *     not in {@code [0, 1]} or {@code maxLag} is negative or infinite
     */
    public WeibullPdf {
        Checks.checkPositive("shape", shape);
        Checks.checkInClosed("scale", scale, 0.0, 1.0);
        Checks.checkNonNegative("maxLag", maxLag);
        Checks.checkArgument(maxLag != INFINITE_LAG, "maxLag = %d; must be < %d", maxLag, INFINITE_LAG);
    }

    /**
     * The adstock whose weights equal Robyn's {@code adstock_weibull(x, shape, scale, windlen =
     * maxLag + 1, type = "PDF")$thetaVecCum}, including Robyn's rounding of the scale to whole periods.
     *
     * @param shape Weibull shape {@code > 0}
     * @param scale Robyn's scale, in {@code [0, 1]}
     * @param maxLag the longest lag, {@code windlen - 1}
     * @return the adstock with {@code scale = (round(1 + scale * maxLag) - 1) / maxLag}
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static WeibullPdf fromRobyn(double shape, double scale, int maxLag) {
        return new WeibullPdf(shape, WeibullCdf.robynScale(scale, maxLag), maxLag);
    }

    /**
     * The Weibull scale in periods, {@code lambda = 1 + scale * maxLag}.
     *
     * @return {@code lambda >= 1}
     */
    public double scaleInPeriods() {
        return 1.0 + scale * maxLag;
    }

    /** Raw weight d[l] = f(l + 1). */
    private double density(int l, double lambda) {
        double logU = Math.log((l + 1) / lambda);
        return Math.exp(Math.log(shape / lambda) + (shape - 1.0) * logU - Math.exp(shape * logU));
    }

    /** d density / d shape at lag l. */
    private double densityDShape(int l, double lambda) {
        double logU = Math.log((l + 1) / lambda);
        double uk = Math.exp(shape * logU);
        return density(l, lambda) * (1.0 / shape + logU - uk * logU);
    }

    /** d density / d lambda at lag l. */
    private double densityDLambda(int l, double lambda) {
        double logU = Math.log((l + 1) / lambda);
        double uk = Math.exp(shape * logU);
        return density(l, lambda) * (shape / lambda) * (uk - 1.0);
    }

    /** Index of min (result[0]) and max (result[1]) of d over the window, first occurrence. */
    private long extremes(double lambda) {
        int iMin = 0;
        int iMax = 0;
        double min = density(0, lambda);
        double max = min;
        for (int l = 1; l <= maxLag; l++) {
            double d = density(l, lambda);
            if (d < min) {
                min = d;
                iMin = l;
            }
            if (d > max) {
                max = d;
                iMax = l;
            }
        }
        return ((long) iMin << 32) | (iMax & 0xffffffffL);
    }

    @Override
    public void weightsInto(double[] dest, int offset, int length) {
        double lambda = scaleInPeriods();
        long ext = extremes(lambda);
        double min = density((int) (ext >>> 32), lambda);
        double max = density((int) ext, lambda);
        double range = max - min;
        for (int l = 0; l < length; l++) {
            double w;
            if (l > maxLag) {
                w = 0.0;
            } else if (range == 0.0) {
                w = l == 0 ? 1.0 : 0.0;
            } else {
                w = (density(l, lambda) - min) / range;
            }
            dest[offset + l] = w;
        }
    }

    @Override
    public void weightJacobianInto(double[] dest, int offset, int length) {
        double lambda = scaleInPeriods();
        long ext = extremes(lambda);
        int iMin = (int) (ext >>> 32);
        int iMax = (int) ext;
        double min = density(iMin, lambda);
        double max = density(iMax, lambda);
        double range = max - min;
        double dMinK = densityDShape(iMin, lambda);
        double dMaxK = densityDShape(iMax, lambda);
        double dMinL = densityDLambda(iMin, lambda);
        double dMaxL = densityDLambda(iMax, lambda);
        for (int l = 0; l < length; l++) {
            int i = offset + 2 * l;
            if (l > maxLag || range == 0.0) {
                dest[i] = 0.0;
                dest[i + 1] = 0.0;
                continue;
            }
            double num = density(l, lambda) - min;
            double dNumK = densityDShape(l, lambda) - dMinK;
            double dNumL = densityDLambda(l, lambda) - dMinL;
            double dRangeK = dMaxK - dMinK;
            double dRangeL = dMaxL - dMinL;
            dest[i] = (dNumK * range - num * dRangeK) / (range * range);
            dest[i + 1] = (dNumL * range - num * dRangeL) / (range * range) * maxLag;
        }
    }

    @Override
    public double totalWeight() {
        double[] w = weights();
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s;
    }

    /** @return {@code "weibull_pdf"} */
    @Override
    public String name() {
        return "weibull_pdf";
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
    public WeibullPdf withParameters(double[] parameters) {
        double[] p = parameters;
        Kernels.checkParameterCount(p, 2);
        return new WeibullPdf(p[0], p[1], maxLag);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public List<ParameterSpec> parameterSpecs() {
        return WeibullCdf.SPECS;
    }
}
