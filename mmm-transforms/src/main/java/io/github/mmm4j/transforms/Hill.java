package io.github.mmm4j.transforms;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.PortableMath;
import java.util.List;

/**
 * Hill saturation (Jin et al. 2017, eq. 3): {@code h(x) = x^s / (x^s + ec^s)} for {@code x >= 0},
 * with half-saturation point {@code ec} ({@code h(ec) = 1/2}) and slope {@code s}; extended to
 * {@code x < 0} as the odd function {@code -h(-x)}. Monotone, bounded by 1, {@code h(0) = 0} exactly
 * for every slope.
 *
 * <p><b>Numerics.</b> The value is computed as {@code h = 1 / (1 + (ec / x)^s)}, with
 * {@code (ec / x)^s = 2^(s (log2 ec - log2 x))} for a general slope and repeated multiplication for integer
 * slopes {@code 1..8} (a fast path without a logarithm or an exponential). Neither {@code x^s} nor
 * {@code ec^s} is formed, so nothing overflows for any finite {@code x} (tested up to {@code 1e12});
 * {@code x = 0} gives {@code (ec / 0)^s = +Infinity} and {@code h = 0} exactly, not NaN, even for
 * {@code s < 1}. The general slope uses {@link PortableMath#log2} and {@link PortableMath#exp2} (within 3 and 2
 * ulp of {@link StrictMath}): plain Java arithmetic that the JIT compiler inlines, so a kernel's iterations
 * overlap instead of waiting on a call to {@link Math#log} and {@link Math#exp} per element, and the same bits on
 * every JVM and CPU, which {@link Math#exp} does not promise. The integer path is monotone in floating point; the
 * general path is monotone in exact arithmetic and within a few ulp in floating point (an error of an ulp in
 * {@code log2} may go either way across the ends of its table intervals), far below any tolerance that matters
 * to a response curve.
 *
 * <p><b>Derivatives</b> ({@code x > 0}, {@code h' = h (1 - h)}): {@code dh/dx = s h' / x},
 * {@code dh/dec = -s h' / ec}, {@code dh/ds = h' ln(x / ec)}. At {@code x = 0} the parameter
 * derivatives are 0 and {@code dh/dx} is {@code +Infinity} for {@code s < 1}, {@code 1 / ec} for
 * {@code s = 1} and 0 for {@code s > 1}.
 *
 * <p>Meridian's {@code ec} and {@code slope} are these parameters; Robyn's {@code alpha} is the slope
 * and its {@code gamma} a position of {@code ec} within the range of the data.
 *
 * @param ec half-saturation point, finite and {@code > 0}
 * @param slope Hill exponent, finite and {@code > 0}
 */
public record Hill(double ec, double slope) implements Saturation {

    /** Largest integer slope handled by repeated multiplication. */
    private static final int MAX_INTEGER_SLOPE = 8;

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if {@code ec} or {@code slope} is not finite and positive
     */
    public Hill {
        Checks.checkPositive("ec", ec);
        Checks.checkPositive("slope", slope);
    }

    /** The slope as an int if it is an integer in [1, 8], else 0. */
    int integerSlope() {
        return slope <= MAX_INTEGER_SLOPE && slope == Math.rint(slope) ? (int) slope : 0;
    }

    private static double powInt(double u, int k) {
        double u2 = u * u;
        switch (k) {
            case 1:
                return u;
            case 2:
                return u2;
            case 3:
                return u2 * u;
            case 4:
                return u2 * u2;
            default:
                double r = u2 * u2;
                for (int i = 4; i < k; i++) {
                    r *= u;
                }
                return r;
        }
    }

    /** {@code ln 2}, to turn base-2 log ratios into natural ones. */
    private static final double LN2 = 0x1.62e42fefa39efp-1;

    /**
     * h(ax) for ax >= 0 (or NaN), as {@code 1 / (1 + (ec / ax)^s)}; ax = 0 gives {@code 1 / (1 + Infinity) = 0}.
     * {@code log2Ec} is {@code PortableMath.log2(ec)}.
     */
    private static double positive(double ax, double ec, double log2Ec, int k, double slope) {
        if (k > 0) {
            return 1.0 / (1.0 + powInt(ec / ax, k));
        }
        return 1.0 / (1.0 + PortableMath.exp2(slope * (log2Ec - PortableMath.log2(ax))));
    }

    /** h (1 - h) given the base-2 log ratio lu2 = log2(ax / ec), finite or -Infinity. */
    private static double spread(double lu2, double slope) {
        double e = PortableMath.exp2(-Math.abs(slope * lu2));
        double p = 1.0 / (1.0 + e);
        return e * p * p;
    }

    @Override
    public double value(double x) {
        double h = positive(Math.abs(x), ec, PortableMath.log2(ec), integerSlope(), slope);
        return x < 0 ? -h : h;
    }

    /** {@code dh/dx} at {@code x = 0}. */
    private double derivativeAtZero() {
        return slope < 1 ? Double.POSITIVE_INFINITY : slope == 1 ? 1.0 / ec : 0.0;
    }

    @Override
    public double derivative(double x) {
        double ax = Math.abs(x);
        if (ax == 0) {
            return derivativeAtZero();
        }
        return slope * spread(PortableMath.log2(ax) - PortableMath.log2(ec), slope) / ax;
    }

    /** Writes {@code [dh/dec, dh/dslope]}. */
    @Override
    public void parameterGradientInto(double x, double[] dest, int offset) {
        double ax = Math.abs(x);
        if (ax == 0) {
            dest[offset] = 0.0;
            dest[offset + 1] = 0.0;
            return;
        }
        double lu2 = PortableMath.log2(ax) - PortableMath.log2(ec);
        double sp = spread(lu2, slope);
        double sign = x < 0 ? -1.0 : 1.0;
        dest[offset] = -sign * slope * sp / ec;
        dest[offset + 1] = sign * sp * (lu2 * LN2);
    }

    /** @return 1 */
    @Override
    public double supremum() {
        return 1.0;
    }

    @Override
    public void apply(double[] in, int inOffset, int inStride, double[] out, int outOffset, int outStride, int n) {
        Kernels.checkApply(in, inOffset, inStride, out, outOffset, outStride, n);
        int k = integerSlope();
        double e = ec;
        if (k == 2) {
            for (int i = 0; i < n; i++) {
                double x = in[inOffset + i * inStride];
                double r = e / Math.abs(x);
                double h = 1.0 / (1.0 + r * r);
                out[outOffset + i * outStride] = x < 0 ? -h : h;
            }
        } else if (k == 1) {
            for (int i = 0; i < n; i++) {
                double x = in[inOffset + i * inStride];
                double h = 1.0 / (1.0 + e / Math.abs(x));
                out[outOffset + i * outStride] = x < 0 ? -h : h;
            }
        } else {
            double log2Ec = PortableMath.log2(ec);
            double s = slope;
            for (int i = 0; i < n; i++) {
                double x = in[inOffset + i * inStride];
                double h = positive(Math.abs(x), e, log2Ec, k, s);
                out[outOffset + i * outStride] = x < 0 ? -h : h;
            }
        }
    }

    /**
     * {@link #apply} for a contiguous input, also writing {@code log2 |in[i]|} to {@code log2Out} when the slope is not
     * an integer in [1, 8] (the value {@link #apply} computes on the way); the outputs have the bits of {@link #apply}.
     *
     * @return whether {@code log2Out} was written (a non-integer slope)
     */
    boolean applyLogged(double[] in, int inOffset, double[] out, int outOffset, int outStride, int n,
            double[] log2Out, int logOffset) {
        if (integerSlope() > 0) {
            apply(in, inOffset, 1, out, outOffset, outStride, n);
            return false;
        }
        double log2Ec = PortableMath.log2(ec);
        double s = slope;
        for (int i = 0; i < n; i++) {
            double x = in[inOffset + i];
            double lx = PortableMath.log2(Math.abs(x));
            log2Out[logOffset + i] = lx;
            double h = 1.0 / (1.0 + PortableMath.exp2(s * (log2Ec - lx)));
            out[outOffset + i * outStride] = x < 0 ? -h : h;
        }
        return true;
    }

    /**
     * {@link #backward} for a contiguous input whose {@code log2 |x[i]|} the forward pass kept ({@link #applyLogged}):
     * the same sums in the same order, so the same bits, without a logarithm per element.
     */
    void backwardLogged(double[] x, int xOffset, double[] log2X, int logOffset, double[] gOut, int gOffset,
            int gStride, int n, double[] gradParams, int gradOffset, double[] gIn, int gInOffset, int gInStride) {
        backward(x, xOffset, 1, log2X, logOffset, gOut, gOffset, gStride, n, gradParams, gradOffset, gIn, gInOffset,
                gInStride);
    }

    @Override
    public void backward(double[] x, int xOffset, int xStride, double[] gOut, int gOffset, int gStride, int n,
            double[] gradParams, int gradOffset, double[] gIn, int gInOffset, int gInStride) {
        Kernels.checkBackward(x, xOffset, xStride, gOut, gOffset, gStride, n, gradParams, gradOffset, 2, gIn,
                gInOffset, gInStride);
        backward(x, xOffset, xStride, null, 0, gOut, gOffset, gStride, n, gradParams, gradOffset, gIn, gInOffset,
                gInStride);
    }

    /** The backward kernel; {@code log2X}, if not null, holds {@code log2 |x|} with stride 1 from {@code logOffset}. */
    private void backward(double[] x, int xOffset, int xStride, double[] log2X, int logOffset, double[] gOut,
            int gOffset, int gStride, int n, double[] gradParams, int gradOffset, double[] gIn, int gInOffset,
            int gInStride) {
        double invEc = 1.0 / ec;
        double log2Ec = PortableMath.log2(ec);
        double s = slope;
        // adjoint at x = 0: finite derivative, or 0 where it is infinite (see Saturation#backward)
        double atZero = slope < 1 ? 0.0 : derivativeAtZero();
        double gEc = 0;
        double gSlope = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[xOffset + i * xStride];
            double g = gOut[gOffset + i * gStride];
            double ax = Math.abs(xi);
            double dx;
            if (ax == 0) {
                dx = atZero;
            } else {
                // the branch is the same for every element, so the compiled loop takes one side only
                double lu2 = (log2X != null ? log2X[logOffset + i] : PortableMath.log2(ax)) - log2Ec;
                double e = PortableMath.exp2(-Math.abs(s * lu2));
                double p = 1.0 / (1.0 + e);
                double sp = e * p * p;
                double sg = xi < 0 ? -g : g;
                gEc -= sg * sp;
                gSlope += sg * sp * lu2;
                dx = s * sp / ax;
            }
            if (gIn != null) {
                gIn[gInOffset + i * gInStride] += g * dx;
            }
        }
        gradParams[gradOffset] += gEc * s * invEc;
        // the sum is over base-2 log ratios; one multiplication by ln 2 makes it d/dslope
        gradParams[gradOffset + 1] += gSlope * LN2;
    }

    /** @return {@code "hill"} */
    @Override
    public String name() {
        return "hill";
    }

    /** @return {@code [ec, slope]} */
    @Override
    public double[] parameters() {
        return new double[] {ec, slope};
    }

    /** @return {@code ["ec", "slope"]} */
    @Override
    public List<String> parameterNames() {
        return List.of("ec", "slope");
    }

    /** @return 2 */
    @Override
    public int parameterCount() {
        return 2;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public Hill withParameters(double[] parameters) {
        double[] p = parameters;
        Kernels.checkParameterCount(p, 2);
        return new Hill(p[0], p[1]);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The default prior of {@code slope} is LogNormal(0, 0.25): centred on the concave curve (slope 1, the value
     * Google Meridian fixes by default, "Meridian: Hill saturation", {@code slope_m}), with 90% of its mass in
     * [0.66, 1.51] so mild S-shapes stay possible and steeper ones need the data's support. The earlier Gamma(3, 2)
     * (mean 1.5) let an always-on channel's posterior drift to slope near 2: on the {@code easy} preset (concave truths,
     * 400 draws) tv's ROI came out 26% low, covered 4 of 6 times; with LogNormal(0, 0.25) 14% low, covered 12 of 12,
     * while {@code realistic}'s tv (true slope 1.5) stayed covered 11 of 12 times.
     */
    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(ParameterSpec.positive("ec", ParameterSpec.SearchRange.linear(0.3, 3),
                new ParameterSpec.DefaultPrior.LogNormal(0, 0.5)),
                ParameterSpec.positive("slope", ParameterSpec.SearchRange.linear(0.5, 3),
                        new ParameterSpec.DefaultPrior.LogNormal(0, 0.25)));
    }

    @Override
    public boolean isConcave() {
        return slope <= 1;
    }
}
