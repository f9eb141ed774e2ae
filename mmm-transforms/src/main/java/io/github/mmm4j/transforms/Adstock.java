package io.github.mmm4j.transforms;

import io.github.mmm4j.core.Checks;
import java.util.List;
import java.util.Objects;

/**
 * Adstock (carryover): a causal linear filter {@code out[t] = sum_{l=0..maxLag} w[l] * x[t - l]} that
 * spreads the effect of spend in period {@code t} over the periods {@code t .. t + maxLag}
 * (Jin et al. 2017, section 2.1).
 *
 * <p>The implementations are immutable records validated in their compact constructors:
 * <ul>
 *   <li>{@link Geometric}: {@code w[l] = alpha^l} on a finite window, optionally normalised;</li>
 *   <li>{@link GeometricInfinite}: Robyn's recursion {@code a[t] = x[t] + alpha * a[t-1]} (infinite
 *       window);</li>
 *   <li>{@link Delayed}: Jin et al.'s delayed adstock {@code w[l] = alpha^((l - theta)^2)};</li>
 *   <li>{@link WeibullCdf} and {@link WeibullPdf}: Robyn's Weibull adstocks;</li>
 *   <li>{@link BetaGamma}: instant effect, then {@code beta} times that at lag 1 and geometric decay
 *       {@code gamma} after (negative {@code beta}: pull-forward).</li>
 * </ul>
 *
 * <p><b>Boundary.</b> Spend before the first period is taken as zero: {@code x[t - l]} with
 * {@code t - l < 0} contributes nothing. To start from history instead, pass the history as a warm-up
 * prefix to {@link #applyAfterWarmup}.
 *
 * <p><b>Parameters.</b> {@link #parameters()} lists only the continuous parameters that a sampler or
 * optimiser may move (for example {@code alpha}); the window {@code maxLag} and the
 * {@code normalized} flag are structural and are not parameters. Gradients are with respect to
 * {@link #parameters()} in the order of {@link #parameterNames()}.
 *
 * <p><b>Allocation.</b> The single-series methods {@link #apply}, {@link #applyAfterWarmup} and
 * {@link #backward} allocate the weight vector (and its Jacobian) once per call, never per element.
 * The batched kernel {@link Transforms} does not allocate at all given a {@link TransformWorkspace}.
 */
public sealed interface Adstock
        permits Geometric, GeometricInfinite, Delayed, WeibullCdf, WeibullPdf, BetaGamma {

    /**
     * The value {@link #maxLag()} returns for an infinite window ({@link GeometricInfinite}).
     */
    int INFINITE_LAG = Integer.MAX_VALUE;

    /**
     * Geometric adstock on a finite window, {@code w[l] = alpha^l} for {@code l = 0..maxLag}, divided
     * by {@code sum_l alpha^l} when {@code normalized}.
     *
     * @param alpha decay per period, in {@code [0, 1)}
     * @param maxLag the longest lag; the window is {@code maxLag + 1} periods (pymc-marketing
     *     {@code l_max = maxLag + 1}, Meridian {@code max_lag = maxLag})
     * @param normalized whether the weights sum to one
     * @return the adstock
     * @throws IllegalArgumentException if a parameter is out of range
     */
    static Geometric geometric(double alpha, int maxLag, boolean normalized) {
        return new Geometric(alpha, maxLag, normalized);
    }

    /**
     * Geometric adstock on an infinite window by the recursion {@code a[t] = c * x[t] + alpha * a[t-1]},
     * {@code c = 1} (Robyn's {@code adstock_geometric}) or {@code c = 1 - alpha} when
     * {@code normalized}.
     *
     * @param alpha decay per period, in {@code [0, 1)}
     * @param normalized whether the weights sum to one
     * @return the adstock
     * @throws IllegalArgumentException if {@code alpha} is out of range
     */
    static GeometricInfinite geometricInfinite(double alpha, boolean normalized) {
        return new GeometricInfinite(alpha, normalized);
    }

    /**
     * Delayed adstock of Jin et al. (2017), {@code w[l] = alpha^((l - theta)^2)}.
     *
     * @param alpha retention rate, in {@code (0, 1)}
     * @param theta delay of the peak in periods, in {@code [0, maxLag]}
     * @param maxLag the longest lag, {@code >= 0}
     * @param normalized whether the weights sum to one
     * @return the adstock
     * @throws IllegalArgumentException if a parameter is out of range
     */
    static Delayed delayed(double alpha, double theta, int maxLag, boolean normalized) {
        return new Delayed(alpha, theta, maxLag, normalized);
    }

    /**
     * Robyn's Weibull CDF adstock, see {@link WeibullCdf}.
     *
     * @param shape Weibull shape {@code k > 0}
     * @param scale Weibull scale as a fraction of the window, in {@code [0, 1]}
     * @param maxLag the longest lag, {@code >= 0}
     * @return the adstock
     * @throws IllegalArgumentException if a parameter is out of range
     */
    static WeibullCdf weibullCdf(double shape, double scale, int maxLag) {
        return new WeibullCdf(shape, scale, maxLag);
    }

    /**
     * Robyn's Weibull PDF adstock, see {@link WeibullPdf}.
     *
     * @param shape Weibull shape {@code k > 0}
     * @param scale Weibull scale as a fraction of the window, in {@code [0, 1]}
     * @param maxLag the longest lag, {@code >= 0}
     * @return the adstock
     * @throws IllegalArgumentException if a parameter is out of range
     */
    static WeibullPdf weibullPdf(double shape, double scale, int maxLag) {
        return new WeibullPdf(shape, scale, maxLag);
    }

    /**
     * Beta-gamma adstock, {@code w[0] = 1}, {@code w[l] = beta * gamma^(l-1)}, see {@link BetaGamma}.
     *
     * @param beta effect at lag 1 relative to lag 0, in {@code (gamma - 1, 1)}
     * @param gamma decay per period after lag 1, in {@code (0, 1)}
     * @param maxLag the longest lag, {@code >= 0}
     * @return the adstock
     * @throws IllegalArgumentException if a parameter is out of range
     */
    static BetaGamma betaGamma(double beta, double gamma, int maxLag) {
        return new BetaGamma(beta, gamma, maxLag);
    }

    /**
     * The longest lag: the window is {@code maxLag() + 1} periods. {@link GeometricInfinite} returns
     * {@link #INFINITE_LAG}.
     *
     * @return the longest lag, {@code >= 0}
     */
    int maxLag();

    /**
     * Whether the window is finite ({@code maxLag() != INFINITE_LAG}).
     *
     * @return true unless this is {@link GeometricInfinite}
     */
    default boolean isFinite() {
        return maxLag() != INFINITE_LAG;
    }

    /**
     * A copy of the weights: {@code weights[l]} multiplies {@code x[t - l]}, length {@code maxLag + 1}.
     *
     * @return a new array of length {@code maxLag() + 1}
     * @throws UnsupportedOperationException for an infinite window; use {@link #weights(int)}
     */
    default double[] weights() {
        if (!isFinite()) {
            throw new UnsupportedOperationException(name() + " has an infinite window; use weights(int)");
        }
        return weights(maxLag() + 1);
    }

    /**
     * The first {@code length} weights, zero beyond the window.
     *
     * @param length how many weights, {@code >= 0}
     * @return a new array of length {@code length}
     * @throws IllegalArgumentException if {@code length < 0}
     */
    default double[] weights(int length) {
        double[] w = new double[Checks.checkNonNegative("length", length)];
        weightsInto(w, 0, length);
        return w;
    }

    /**
     * Writes the first {@code length} weights, {@code dest[offset + l] = w[l]} for
     * {@code l < length}, zero beyond the window. Does not allocate.
     *
     * @param dest (output) modified in {@code [offset, offset + length)}
     * @param offset first index written
     * @param length how many weights
     */
    void weightsInto(double[] dest, int offset, int length);

    /**
     * Writes the Jacobian of the first {@code length} weights with respect to the parameters,
     * {@code dest[offset + l * P + k] = d w[l] / d parameters()[k]}, {@code P = parameterCount()}.
     * Does not allocate.
     *
     * @param dest (output) modified in {@code [offset, offset + length * P)}
     * @param offset first index written
     * @param length how many weights
     */
    void weightJacobianInto(double[] dest, int offset, int length);

    /**
     * The sum of the weights, the steady-state multiplier: constant spend {@code s} gives, after
     * {@code maxLag} periods, the adstocked level {@code s * totalWeight()}. For an infinite window this
     * is the limit of the series.
     *
     * @return {@code sum_l w[l]}
     */
    double totalWeight();

    /**
     * Adstock of one contiguous series, {@code out[t] = sum_{l=0}^{min(maxLag, t)} w[l] * x[t - l]} for
     * {@code t < n} (spend before {@code t = 0} is zero). {@code out} may be {@code x} (in place).
     *
     * @param x (input) not modified unless it is {@code out}; elements {@code [0, n)} are read
     * @param n number of periods, {@code >= 0}
     * @param out (output) elements {@code [0, n)} are written; may be the same array as {@code x}
     * @throws IllegalArgumentException if an array is shorter than {@code n}
     */
    default void apply(double[] x, int n, double[] out) {
        apply(x, 0, 1, out, 0, 1, n);
    }

    /**
     * Strided adstock: with {@code X(t) = in[inOffset + t * inStride]} and
     * {@code OUT(t) = out[outOffset + t * outStride]}, sets {@code OUT(t) = sum_l w[l] * X(t - l)} for
     * {@code t < n}. Column {@code c} of a row-major matrix {@code data[t * nCols + c]} is
     * {@code (offset = c, stride = nCols)}. {@code out} may be {@code in} only with the same offset and
     * stride (in place).
     *
     * @param in (input) not modified unless it is {@code out}
     * @param inOffset index of period 0 in {@code in}
     * @param inStride distance between periods in {@code in}, {@code >= 1}
     * @param out (output) modified at the {@code n} strided positions
     * @param outOffset index of period 0 in {@code out}
     * @param outStride distance between periods in {@code out}, {@code >= 1}
     * @param n number of periods, {@code >= 0}
     * @throws IllegalArgumentException if an index range falls outside an array
     */
    default void apply(double[] in, int inOffset, int inStride, double[] out, int outOffset, int outStride,
            int n) {
        Kernels.checkStrided("in", in, inOffset, inStride, n);
        Kernels.checkStrided("out", out, outOffset, outStride, n);
        int len = Kernels.window(this, n);
        double[] w = new double[len];
        weightsInto(w, 0, len);
        Kernels.convolve(w, len, in, inOffset, inStride, 0, out, outOffset, outStride, n);
    }

    /**
     * Adstock with a warm-up prefix of history: {@code x[0 .. warmup)} is spend before the first
     * period and {@code x[warmup .. warmup + n)} the periods to transform; sets
     * {@code out[t] = sum_l w[l] * x[warmup + t - l]} for {@code t < n}, with spend before {@code x[0]}
     * taken as zero. A prefix of at least {@code maxLag} periods makes the result exact for a finite
     * window.
     *
     * @param x (input) not modified; elements {@code [0, warmup + n)} are read
     * @param warmup length of the prefix, {@code >= 0}
     * @param n number of periods, {@code >= 0}
     * @param out (output) elements {@code [0, n)} are written; must not be {@code x}
     * @throws IllegalArgumentException if an array is too short or {@code out == x} with
     *     {@code warmup > 0}
     */
    default void applyAfterWarmup(double[] x, int warmup, int n, double[] out) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(out, "out");
        Checks.checkNonNegative("warmup", warmup);
        Checks.checkArgument(warmup == 0 || out != x,
                "out must not be x when warmup = %d > 0", warmup);
        Kernels.checkStrided("x", x, 0, 1, warmup + n);
        Kernels.checkStrided("out", out, 0, 1, n);
        int len = Kernels.window(this, warmup + n);
        double[] w = new double[len];
        weightsInto(w, 0, len);
        Kernels.convolve(w, len, x, warmup, 1, warmup, out, 0, 1, n);
    }

    /**
     * Reverse-mode gradient of one contiguous series. Given the upstream adjoint
     * {@code gOut[t] = dL/dout[t]} for the forward map {@link #apply(double[], int, double[])}, adds
     * {@code dL/dparameters()[k]} into {@code gradParams[k]} and, if {@code gIn} is not null,
     * {@code dL/dx[t]} into {@code gIn[t]}.
     *
     * @param x (input) the forward input, not modified
     * @param n number of periods
     * @param gOut (input) upstream adjoint, not modified
     * @param gradParams (output) {@code [0, parameterCount())} incremented
     * @param gIn (output) optional input adjoint, {@code [0, n)} incremented; may be null
     */
    default void backward(double[] x, int n, double[] gOut, double[] gradParams, double[] gIn) {
        backward(x, 0, 1, gOut, 0, 1, n, gradParams, 0, gIn, 0, 1);
    }

    /**
     * Strided reverse-mode gradient (see {@link #backward(double[], int, double[], double[], double[])}
     * and the strided {@link #apply}). For a finite window the cost is two passes of {@code n} times
     * the window: the lagged cross-correlations {@code C[l] = sum_t gOut[t] x[t - l]} give
     * {@code dL/dtheta_k = sum_l (dw[l]/dtheta_k) C[l]}, and {@code dL/dx[s] = sum_l w[l] gOut[s + l]}.
     *
     * @param x (input) forward input, not modified
     * @param xOffset index of period 0 in {@code x}
     * @param xStride distance between periods in {@code x}
     * @param gOut (input) upstream adjoint, not modified
     * @param gOffset index of period 0 in {@code gOut}
     * @param gStride distance between periods in {@code gOut}
     * @param n number of periods
     * @param gradParams (output) elements {@code [gradOffset, gradOffset + parameterCount())} incremented
     * @param gradOffset index of the first parameter in {@code gradParams}
     * @param gIn (output) optional input adjoint, incremented at the strided positions; may be null
     * @param gInOffset index of period 0 in {@code gIn}
     * @param gInStride distance between periods in {@code gIn}
     */
    default void backward(double[] x, int xOffset, int xStride, double[] gOut, int gOffset, int gStride, int n,
            double[] gradParams, int gradOffset, double[] gIn, int gInOffset, int gInStride) {
        Kernels.checkStrided("x", x, xOffset, xStride, n);
        Kernels.checkStrided("gOut", gOut, gOffset, gStride, n);
        Kernels.checkStrided("gradParams", gradParams, gradOffset, 1, parameterCount());
        if (gIn != null) {
            Kernels.checkStrided("gIn", gIn, gInOffset, gInStride, n);
        }
        int len = Kernels.window(this, n);
        int p = parameterCount();
        double[] w = new double[len];
        double[] jac = new double[len * p];
        weightsInto(w, 0, len);
        weightJacobianInto(jac, 0, len);
        for (int l = 0; l < len; l++) {
            double corr = 0;
            for (int t = l; t < n; t++) {
                corr += gOut[gOffset + t * gStride] * x[xOffset + (t - l) * xStride];
            }
            for (int k = 0; k < p; k++) {
                gradParams[gradOffset + k] += jac[l * p + k] * corr;
            }
        }
        if (gIn != null) {
            for (int s = 0; s < n; s++) {
                int lmax = Math.min(len - 1, n - 1 - s);
                double acc = 0;
                for (int l = 0; l <= lmax; l++) {
                    acc += w[l] * gOut[gOffset + (s + l) * gStride];
                }
                gIn[gInOffset + s * gInStride] += acc;
            }
        }
    }

    /**
     * A transform of the same kind and structure with other parameter values, for samplers and
     * optimisers that move {@link #parameters()}.
     *
     * @param parameters new values in the order of {@link #parameterNames()}; not modified
     * @return a new instance
     * @throws IllegalArgumentException if the length is wrong or a value is out of range
     */
    Adstock withParameters(double[] parameters);

    /**
     * A short lower-case name, for example {@code "geometric"}.
     *
     * @return the name
     */
    String name();

    /**
     * A copy of the continuous parameters, in the order of {@link #parameterNames()}.
     *
     * @return a new array of length {@link #parameterCount()}
     */
    double[] parameters();

    /**
     * The names of {@link #parameters()}, for example {@code ["alpha"]}.
     *
     * @return an unmodifiable list
     */
    List<String> parameterNames();

    /**
     * The number of continuous parameters.
     *
     * @return {@code parameterNames().size()}
     */
    default int parameterCount() {
        return parameterNames().size();
    }

    /**
     * What estimators need to know about each parameter of {@link #parameters()}, in the same order: its support, its
     * default search range and its default prior (null where the Bayesian model does not sample the family). Every
     * family supplies this, so a new family is complete when it compiles.
     *
     * @return one spec per parameter
     */
    List<ParameterSpec> parameterSpecs();
}
