package io.github.mmm4j.transforms;

import io.github.mmm4j.core.Checks;
import java.util.List;

/**
 * Michaelis-Menten saturation {@code f(x) = alpha x / (lambda + x)} for {@code x >= 0} (Robyn's
 * {@code mic_men} with {@code Vmax = alpha}, {@code Km = lambda}; pymc-marketing's
 * {@code michaelis_menten}), extended to {@code x < 0} as the odd function
 * {@code alpha x / (lambda + |x|)}. Monotone, bounded by {@code alpha}, {@code f(0) = 0}, and
 * {@code f(lambda) = alpha / 2}. Evaluated as {@code alpha / (1 + lambda / |x|)}, a chain of monotone
 * correctly rounded steps, so it is monotone in floating point too ({@code x = 0} gives
 * {@code lambda / 0 = +Infinity} and the value 0).
 *
 * <p>Derivatives, with {@code d = lambda + |x|}: {@code df/dx = alpha lambda / d^2},
 * {@code df/dalpha = x / d}, {@code df/dlambda = -alpha x / d^2}.
 *
 * @param alpha the limit for large {@code x}, finite and {@code > 0}
 * @param lambda the half-saturation point, finite and {@code > 0}
 */
public record MichaelisMenten(double alpha, double lambda) implements Saturation {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    public MichaelisMenten {
        Checks.checkPositive("alpha", alpha);
        Checks.checkPositive("lambda", lambda);
    }

    @Override
    public double value(double x) {
        double f = alpha / (1.0 + lambda / Math.abs(x));
        return x < 0 ? -f : f;
    }

    @Override
    public double derivative(double x) {
        double d = lambda + Math.abs(x);
        return alpha * lambda / (d * d);
    }

    /** Writes {@code [df/dalpha, df/dlambda]}. */
    @Override
    public void parameterGradientInto(double x, double[] dest, int offset) {
        double inv = 1.0 / (lambda + Math.abs(x));
        dest[offset] = x * inv;
        dest[offset + 1] = -alpha * x * inv * inv;
    }

    /** @return {@code alpha} */
    @Override
    public double supremum() {
        return alpha;
    }

    @Override
    public void apply(double[] in, int inOffset, int inStride, double[] out, int outOffset, int outStride, int n) {
        Kernels.checkApply(in, inOffset, inStride, out, outOffset, outStride, n);
        for (int i = 0; i < n; i++) {
            double x = in[inOffset + i * inStride];
            double f = alpha / (1.0 + lambda / Math.abs(x));
            out[outOffset + i * outStride] = x < 0 ? -f : f;
        }
    }

    @Override
    public void backward(double[] x, int xOffset, int xStride, double[] gOut, int gOffset, int gStride, int n,
            double[] gradParams, int gradOffset, double[] gIn, int gInOffset, int gInStride) {
        Kernels.checkBackward(x, xOffset, xStride, gOut, gOffset, gStride, n, gradParams, gradOffset, 2, gIn,
                gInOffset, gInStride);
        double gAlpha = 0;
        double gLambda = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[xOffset + i * xStride];
            double g = gOut[gOffset + i * gStride];
            double inv = 1.0 / (lambda + Math.abs(xi));
            double r = xi * inv;
            gAlpha += g * r;
            gLambda -= g * r * inv;
            if (gIn != null) {
                gIn[gInOffset + i * gInStride] += g * alpha * lambda * inv * inv;
            }
        }
        gradParams[gradOffset] += gAlpha;
        gradParams[gradOffset + 1] += alpha * gLambda;
    }

    /** @return {@code "michaelis_menten"} */
    @Override
    public String name() {
        return "michaelis_menten";
    }

    /** @return {@code [alpha, lambda]} */
    @Override
    public double[] parameters() {
        return new double[] {alpha, lambda};
    }

    /** @return {@code ["alpha", "lambda"]} */
    @Override
    public List<String> parameterNames() {
        return List.of("alpha", "lambda");
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
    public MichaelisMenten withParameters(double[] parameters) {
        double[] p = parameters;
        Kernels.checkParameterCount(p, 2);
        return new MichaelisMenten(p[0], p[1]);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(ParameterSpec.fixed("alpha", alpha),
                ParameterSpec.positive("lambda", ParameterSpec.SearchRange.linear(0.3, 3),
                        new ParameterSpec.DefaultPrior.LogNormal(0, 0.5)));
    }

    @Override
    public boolean isConcave() {
        return true;
    }
}
