package io.github.mmm4j.transforms;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.PortableMath;
import java.util.List;

/**
 * Logistic saturation as pymc-marketing defines it ({@code logistic_saturation}):
 * {@code f(x) = (1 - e^(-lambda x)) / (1 + e^(-lambda x)) = tanh(lambda x / 2)}. Odd, monotone,
 * bounded by 1, {@code f(0) = 0}; computed as {@link PortableMath#tanh} (within 8 ulp of {@link StrictMath#tanh},
 * accurate near 0, no overflow, the same bits on every JVM, and inlined where {@link Math#tanh} is a native call
 * per element on JDK 17), the derivatives with {@code e^(-lambda |x|)} from {@link PortableMath#exp}.
 *
 * <p>Derivatives, with {@code e = e^(-lambda |x|)} and {@code phi' = 2 e / (1 + e)^2}:
 * {@code df/dx = lambda phi'}, {@code df/dlambda = x phi'}.
 *
 * @param lambda steepness, finite and {@code > 0} (pymc-marketing's {@code lam})
 */
public record Logistic(double lambda) implements Saturation {

    /**
     * Validates the parameter.
     *
     * @throws IllegalArgumentException if {@code lambda} is not finite and positive
     */
    public Logistic {
        Checks.checkPositive("lambda", lambda);
    }

    @Override
    public double value(double x) {
        return PortableMath.tanh(0.5 * lambda * x);
    }

    private double phiPrime(double x) {
        double e = PortableMath.exp(-lambda * Math.abs(x));
        double p = 1.0 / (1.0 + e);
        return 2.0 * e * p * p;
    }

    @Override
    public double derivative(double x) {
        return lambda * phiPrime(x);
    }

    /** Writes {@code [df/dlambda]}. */
    @Override
    public void parameterGradientInto(double x, double[] dest, int offset) {
        dest[offset] = x * phiPrime(x);
    }

    /** @return 1 */
    @Override
    public double supremum() {
        return 1.0;
    }

    @Override
    public void apply(double[] in, int inOffset, int inStride, double[] out, int outOffset, int outStride, int n) {
        Kernels.checkApply(in, inOffset, inStride, out, outOffset, outStride, n);
        for (int i = 0; i < n; i++) {
            out[outOffset + i * outStride] = value(in[inOffset + i * inStride]);
        }
    }

    @Override
    public void backward(double[] x, int xOffset, int xStride, double[] gOut, int gOffset, int gStride, int n,
            double[] gradParams, int gradOffset, double[] gIn, int gInOffset, int gInStride) {
        Kernels.checkBackward(x, xOffset, xStride, gOut, gOffset, gStride, n, gradParams, gradOffset, 1, gIn,
                gInOffset, gInStride);
        double gLambda = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[xOffset + i * xStride];
            double g = gOut[gOffset + i * gStride];
            double pp = phiPrime(xi);
            gLambda += g * xi * pp;
            if (gIn != null) {
                gIn[gInOffset + i * gInStride] += g * lambda * pp;
            }
        }
        gradParams[gradOffset] += gLambda;
    }

    /** @return {@code "logistic"} */
    @Override
    public String name() {
        return "logistic";
    }

    /** @return {@code [lambda]} */
    @Override
    public double[] parameters() {
        return new double[] {lambda};
    }

    /** @return {@code ["lambda"]} */
    @Override
    public List<String> parameterNames() {
        return List.of("lambda");
    }

    /** @return 1 */
    @Override
    public int parameterCount() {
        return 1;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public Logistic withParameters(double[] parameters) {
        double[] p = parameters;
        Kernels.checkParameterCount(p, 1);
        return new Logistic(p[0]);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(ParameterSpec.positive("lambda", ParameterSpec.SearchRange.log(0.1, 10),
                new ParameterSpec.DefaultPrior.Gamma(3, 1)));
    }

    @Override
    public boolean isConcave() {
        return true;
    }
}
