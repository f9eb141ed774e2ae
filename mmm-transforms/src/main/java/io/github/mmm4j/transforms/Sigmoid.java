package io.github.mmm4j.transforms;

import io.github.mmm4j.core.Checks;
import java.util.List;

/**
 * S-shaped sigmoid saturation with inflection point {@code x0} and steepness {@code k}, shifted to pass
 * through the origin: {@code f(x) = sigma(k (x - x0)) - sigma(-k x0)}, {@code sigma(z) = 1 / (1 + e^-z)}.
 * This is pymc-marketing's {@code hill_saturation_sigmoid(x, sigma = 1, beta = k, lam = x0)}; the scale
 * {@code sigma} is left to the regression coefficient. Monotone on the whole real line,
 * {@code f(0) = 0}, bounded above by {@code sigma(k x0)}; every {@code sigma} is evaluated in a form that
 * never overflows.
 *
 * <p>Derivatives, with {@code z = k (x - x0)}, {@code z0 = -k x0}:
 * {@code df/dx = k sigma'(z)}, {@code df/dx0 = -k sigma'(z) + k sigma'(z0)},
 * {@code df/dk = (x - x0) sigma'(z) + x0 sigma'(z0)}.
 *
 * @param inflection inflection point {@code x0}, finite and {@code >= 0}
 * @param steepness steepness {@code k}, finite and {@code > 0}
 */
public record Sigmoid(double inflection, double steepness) implements Saturation {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if {@code inflection} is negative or not finite, or
     *     {@code steepness} is not finite and positive
     */
    public Sigmoid {
        Checks.checkNonNegative("inflection", inflection);
        Checks.checkPositive("steepness", steepness);
    }

    @Override
    public double value(double x) {
        return Kernels.sigma(steepness * (x - inflection)) - Kernels.sigma(-steepness * inflection);
    }

    @Override
    public double derivative(double x) {
        return steepness * Kernels.sigmaPrime(steepness * (x - inflection));
    }

    /** Writes {@code [df/dinflection, df/dsteepness]}. */
    @Override
    public void parameterGradientInto(double x, double[] dest, int offset) {
        double sp = Kernels.sigmaPrime(steepness * (x - inflection));
        double sp0 = Kernels.sigmaPrime(-steepness * inflection);
        dest[offset] = steepness * (sp0 - sp);
        dest[offset + 1] = (x - inflection) * sp + inflection * sp0;
    }

    /** @return {@code 1 - sigma(-steepness * inflection)} */
    @Override
    public double supremum() {
        return 1.0 - Kernels.sigma(-steepness * inflection);
    }

    @Override
    public void apply(double[] in, int inOffset, int inStride, double[] out, int outOffset, int outStride, int n) {
        Kernels.checkApply(in, inOffset, inStride, out, outOffset, outStride, n);
        double shift = Kernels.sigma(-steepness * inflection);
        for (int i = 0; i < n; i++) {
            out[outOffset + i * outStride] = Kernels.sigma(steepness * (in[inOffset + i * inStride] - inflection))
                    - shift;
        }
    }

    @Override
    public void backward(double[] x, int xOffset, int xStride, double[] gOut, int gOffset, int gStride, int n,
            double[] gradParams, int gradOffset, double[] gIn, int gInOffset, int gInStride) {
        Kernels.checkBackward(x, xOffset, xStride, gOut, gOffset, gStride, n, gradParams, gradOffset, 2, gIn,
                gInOffset, gInStride);
        double k = steepness;
        double x0 = inflection;
        double sp0 = Kernels.sigmaPrime(-k * x0);
        double gX0 = 0;
        double gK = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[xOffset + i * xStride];
            double g = gOut[gOffset + i * gStride];
            double sp = Kernels.sigmaPrime(k * (xi - x0));
            gX0 += g * k * (sp0 - sp);
            gK += g * ((xi - x0) * sp + x0 * sp0);
            if (gIn != null) {
                gIn[gInOffset + i * gInStride] += g * k * sp;
            }
        }
        gradParams[gradOffset] += gX0;
        gradParams[gradOffset + 1] += gK;
    }

    /** @return {@code "sigmoid"} */
    @Override
    public String name() {
        return "sigmoid";
    }

    /** @return {@code [inflection, steepness]} */
    @Override
    public double[] parameters() {
        return new double[] {inflection, steepness};
    }

    /** @return {@code ["inflection", "steepness"]} */
    @Override
    public List<String> parameterNames() {
        return List.of("inflection", "steepness");
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
    public Sigmoid withParameters(double[] parameters) {
        double[] p = parameters;
        Kernels.checkParameterCount(p, 2);
        return new Sigmoid(p[0], p[1]);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(new ParameterSpec("inflection", new ParameterSpec.Support.Positive(),
                ParameterSpec.SearchRange.linear(0, 3), null),
                new ParameterSpec("steepness", new ParameterSpec.Support.Positive(),
                        ParameterSpec.SearchRange.log(0.5, 10), null));
    }

    @Override
    public boolean isConcave() {
        return false;
    }
}
