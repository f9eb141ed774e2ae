package io.github.mmm4j.transforms;

import io.github.mmm4j.core.Checks;
import java.util.List;
import java.util.Objects;

/**
 * Geometric adstock on an infinite window, computed by the recursion
 * {@code a[t] = c * x[t] + alpha * a[t-1]}, {@code a[-1] = 0}, with {@code c = 1} (Robyn's
 * {@code adstock_geometric}, {@code theta = alpha}) or {@code c = 1 - alpha} when {@code normalized}.
 * Equivalently {@code w[l] = c * alpha^l} for every {@code l >= 0}; the total weight is
 * {@code c / (1 - alpha)}, so unnormalised total mass is {@code sum x / (1 - alpha)}.
 *
 * <p>{@link #maxLag()} returns {@link Adstock#INFINITE_LAG} and {@link #weights()} throws; use
 * {@link #weights(int)}. {@link #apply} costs one multiply-add per period whatever {@code alpha}, and
 * {@link #backward} differentiates through the recursion: forward-mode for {@code alpha}
 * ({@code s[t] = da[t]/dalpha = c' x[t] + a[t-1] + alpha s[t-1]}) and a backward recursion
 * {@code lambda[t] = gOut[t] + alpha lambda[t+1]}, {@code dL/dx[t] = c lambda[t]} for the input.
 *
 * @param alpha decay per period, in {@code [0, 1)}
 * @param normalized whether the weights sum to one ({@code c = 1 - alpha})
 */
public record GeometricInfinite(double alpha, boolean normalized) implements Adstock {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if {@code alpha} is not in {@code [0, 1)}
     */
    public GeometricInfinite {
        Checks.checkInClosedOpen("alpha", alpha, 0.0, 1.0);
    }

    private double gain() {
        return normalized ? 1.0 - alpha : 1.0;
    }

    /** @return {@link Adstock#INFINITE_LAG} */
    @Override
    public int maxLag() {
        return INFINITE_LAG;
    }

    @Override
    public void weightsInto(double[] dest, int offset, int length) {
        double pw = gain();
        for (int l = 0; l < length; l++) {
            dest[offset + l] = pw;
            pw *= alpha;
        }
    }

    @Override
    public void weightJacobianInto(double[] dest, int offset, int length) {
        double c = gain();
        double dc = normalized ? -1.0 : 0.0;
        double pw = 1;
        double pwm1 = 0;
        for (int l = 0; l < length; l++) {
            dest[offset + l] = dc * pw + c * l * pwm1;
            pwm1 = pw;
            pw *= alpha;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @return 1 when normalised, else {@code 1 / (1 - alpha)}
     */
    @Override
    public double totalWeight() {
        return normalized ? 1.0 : 1.0 / (1.0 - alpha);
    }

    /**
     * {@inheritDoc} Runs forwards in {@code t}; in place ({@code out == in}, same offset and stride) is
     * supported.
     */
    @Override
    public void apply(double[] in, int inOffset, int inStride, double[] out, int outOffset, int outStride,
            int n) {
        Kernels.checkStrided("in", in, inOffset, inStride, n);
        Kernels.checkStrided("out", out, outOffset, outStride, n);
        recurse(in, inOffset, inStride, 0.0, out, outOffset, outStride, n);
    }

    private double recurse(double[] in, int inOffset, int inStride, double start, double[] out, int outOffset,
            int outStride, int n) {
        double c = gain();
        double a = start;
        for (int t = 0; t < n; t++) {
            a = c * in[inOffset + t * inStride] + alpha * a;
            if (out != null) {
                out[outOffset + t * outStride] = a;
            }
        }
        return a;
    }

    /**
     * {@inheritDoc} The recursion runs through the whole prefix, so every prefix period contributes.
     */
    @Override
    public void applyAfterWarmup(double[] x, int warmup, int n, double[] out) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(out, "out");
        Checks.checkNonNegative("warmup", warmup);
        Kernels.checkStrided("x", x, 0, 1, warmup + n);
        Kernels.checkStrided("out", out, 0, 1, n);
        double state = recurse(x, 0, 1, 0.0, null, 0, 1, warmup);
        recurse(x, warmup, 1, state, out, 0, 1, n);
    }

    /**
     * {@inheritDoc} Exact and O(n): forward-mode through the recursion for {@code alpha}, one backward
     * recursion for the input adjoint; no allocation.
     */
    @Override
    public void backward(double[] x, int xOffset, int xStride, double[] gOut, int gOffset, int gStride, int n,
            double[] gradParams, int gradOffset, double[] gIn, int gInOffset, int gInStride) {
        Kernels.checkStrided("x", x, xOffset, xStride, n);
        Kernels.checkStrided("gOut", gOut, gOffset, gStride, n);
        Kernels.checkStrided("gradParams", gradParams, gradOffset, 1, 1);
        if (gIn != null) {
            Kernels.checkStrided("gIn", gIn, gInOffset, gInStride, n);
        }
        double c = gain();
        double dc = normalized ? -1.0 : 0.0;
        double a = 0;
        double s = 0;
        double grad = 0;
        for (int t = 0; t < n; t++) {
            double xt = x[xOffset + t * xStride];
            s = dc * xt + a + alpha * s;
            a = c * xt + alpha * a;
            grad += gOut[gOffset + t * gStride] * s;
        }
        gradParams[gradOffset] += grad;
        if (gIn != null) {
            double lambda = 0;
            for (int t = n - 1; t >= 0; t--) {
                lambda = gOut[gOffset + t * gStride] + alpha * lambda;
                gIn[gInOffset + t * gInStride] += c * lambda;
            }
        }
    }

    /** @return {@code "geometric_infinite"} */
    @Override
    public String name() {
        return "geometric_infinite";
    }

    /** @return {@code [alpha]} */
    @Override
    public double[] parameters() {
        return new double[] {alpha};
    }

    /** @return {@code ["alpha"]} */
    @Override
    public List<String> parameterNames() {
        return List.of("alpha");
    }

    /** @return 1 */
    @Override
    public int parameterCount() {
        return 1;
    }

    /**
     * {@inheritDoc} The structure ({@code maxLag}, {@code normalized}) is kept.
     */
    @Override
    public GeometricInfinite withParameters(double[] parameters) {
        double[] p = parameters;
        Kernels.checkParameterCount(p, 1);
        return new GeometricInfinite(p[0], normalized);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(ParameterSpec.interval("alpha", 0, 1, ParameterSpec.SearchRange.linear(0, 0.9),
                new ParameterSpec.DefaultPrior.Beta(2, 2)));
    }
}
