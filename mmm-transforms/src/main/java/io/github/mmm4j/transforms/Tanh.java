package io.github.mmm4j.transforms;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.PortableMath;
import java.util.List;

/**
 * Tanh saturation as pymc-marketing defines it ({@code tanh_saturation}): {@code f(x) = b tanh(x / (b c))}
 * with saturation level {@code b} and initial cost per unit response {@code c} ({@code f'(0) = 1 / c}).
 * Odd, monotone, bounded by {@code b}, {@code f(0) = 0}; computed with {@link PortableMath#tanh} (within 8 ulp
 * of {@link StrictMath#tanh}, no overflow, inlined where {@link Math#tanh} is a native call per element on JDK 17),
 * {@code sech^2} with {@code e^(-2|z|)} from {@link PortableMath#exp}.
 *
 * <p>Derivatives, with {@code z = x / (b c)} and {@code sech^2 z = 1 - tanh^2 z}:
 * {@code df/dx = sech^2(z) / c}, {@code df/db = tanh z - z sech^2 z},
 * {@code df/dc = -(b z / c) sech^2 z}.
 *
 * @param b saturation level, finite and {@code > 0}
 * @param c initial cost per unit response, finite and {@code > 0}
 */
public record Tanh(double b, double c) implements Saturation {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    public Tanh {
        Checks.checkPositive("b", b);
        Checks.checkPositive("c", c);
    }

    private static double tanhOf(double z) {
        return PortableMath.tanh(z);
    }

    private static double sech2(double z) {
        double e = PortableMath.exp(-2.0 * Math.abs(z));
        double p = 1.0 / (1.0 + e);
        return 4.0 * e * p * p;
    }

    @Override
    public double value(double x) {
        return b * tanhOf(x * (1.0 / (b * c)));
    }

    @Override
    public double derivative(double x) {
        return sech2(x / (b * c)) / c;
    }

    /** Writes {@code [df/db, df/dc]}. */
    @Override
    public void parameterGradientInto(double x, double[] dest, int offset) {
        double z = x / (b * c);
        double s2 = sech2(z);
        dest[offset] = tanhOf(z) - z * s2;
        dest[offset + 1] = -b * z * s2 / c;
    }

    /** @return {@code b} */
    @Override
    public double supremum() {
        return b;
    }

    @Override
    public void apply(double[] in, int inOffset, int inStride, double[] out, int outOffset, int outStride, int n) {
        Kernels.checkApply(in, inOffset, inStride, out, outOffset, outStride, n);
        double inv = 1.0 / (b * c);
        for (int i = 0; i < n; i++) {
            out[outOffset + i * outStride] = b * tanhOf(in[inOffset + i * inStride] * inv);
        }
    }

    @Override
    public void backward(double[] x, int xOffset, int xStride, double[] gOut, int gOffset, int gStride, int n,
            double[] gradParams, int gradOffset, double[] gIn, int gInOffset, int gInStride) {
        Kernels.checkBackward(x, xOffset, xStride, gOut, gOffset, gStride, n, gradParams, gradOffset, 2, gIn,
                gInOffset, gInStride);
        double bc = b * c;
        double gB = 0;
        double gC = 0;
        for (int i = 0; i < n; i++) {
            double g = gOut[gOffset + i * gStride];
            double z = x[xOffset + i * xStride] / bc;
            double s2 = sech2(z);
            gB += g * (tanhOf(z) - z * s2);
            gC -= g * z * s2;
            if (gIn != null) {
                gIn[gInOffset + i * gInStride] += g * s2 / c;
            }
        }
        gradParams[gradOffset] += gB;
        gradParams[gradOffset + 1] += gC * b / c;
    }

    /** @return {@code "tanh"} */
    @Override
    public String name() {
        return "tanh";
    }

    /** @return {@code [b, c]} */
    @Override
    public double[] parameters() {
        return new double[] {b, c};
    }

    /** @return {@code ["b", "c"]} */
    @Override
    public List<String> parameterNames() {
        return List.of("b", "c");
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
    public Tanh withParameters(double[] parameters) {
        double[] p = parameters;
        Kernels.checkParameterCount(p, 2);
        return new Tanh(p[0], p[1]);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(ParameterSpec.fixed("b", b),
                new ParameterSpec("c", new ParameterSpec.Support.Positive(),
                        ParameterSpec.SearchRange.log(0.3 / b, 3 / b), null));
    }

    @Override
    public boolean isConcave() {
        return true;
    }
}
