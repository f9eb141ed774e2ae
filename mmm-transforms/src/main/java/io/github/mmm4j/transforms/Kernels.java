package io.github.mmm4j.transforms;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.PortableMath;
import java.util.Locale;

/**
 * Package-private loops shared by the transforms: strided convolution and argument checks for strided
 * views. Not part of the API.
 */
final class Kernels {

    private Kernels() {
    }

    /**
     * The number of weights that can matter for a series of {@code n} periods:
     * {@code min(maxLag + 1, n)}.
     */
    static int window(Adstock adstock, int n) {
        return (int) Math.min((long) adstock.maxLag() + 1L, (long) n);
    }

    /**
     * Checks that {@code array[offset + t * stride]} exists for every {@code t < n}.
     */
    static void checkStrided(String name, double[] array, int offset, int stride, int n) {
        if (array == null) {
            throw new NullPointerException(name);
        }
        // no message is built unless a check fails: these run on every kernel call
        if (n < 0) {
            Checks.checkNonNegative("n", n);
        }
        if (offset < 0) {
            Checks.checkNonNegative(name + " offset", offset);
        }
        if (stride <= 0) {
            Checks.checkPositive(name + " stride", stride);
        }
        if (n > 0) {
            long last = (long) offset + (long) (n - 1) * stride;
            if (last >= array.length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s.length = %d; expected > %d (offset %d, stride %d, n %d)",
                        name, array.length, last, offset, stride, n));
            }
        }
    }

    /**
     * {@code out(t) = sum_{l=0}^{min(len-1, t+history)} w[l] * in(t - l)} for {@code t < n}, where
     * {@code in(t) = in[inOff + t * inStride]} and {@code history} elements before {@code in(0)} are
     * readable. Runs backwards in {@code t} so that {@code out == in} (same offset and stride) works.
     */
    static void convolve(double[] w, int len, double[] in, int inOff, int inStride, int history,
            double[] out, int outOff, int outStride, int n) {
        if (len == 0) {
            for (int t = 0; t < n; t++) {
                out[outOff + t * outStride] = 0.0;
            }
            return;
        }
        double w0 = w[0];
        for (int t = n - 1; t >= 0; t--) {
            int lmax = Math.min(len - 1, t + history);
            int idx = inOff + t * inStride;
            double acc = w0 * in[idx];
            for (int l = 1; l <= lmax; l++) {
                acc += w[l] * in[idx - l * inStride];
            }
            out[outOff + t * outStride] = acc;
        }
    }

    /** Argument checks for a strided saturation apply. */
    static void checkApply(double[] in, int inOffset, int inStride, double[] out, int outOffset, int outStride,
            int n) {
        checkStrided("in", in, inOffset, inStride, n);
        checkStrided("out", out, outOffset, outStride, n);
    }

    /** Argument checks for a strided backward. */
    static void checkBackward(double[] x, int xOffset, int xStride, double[] gOut, int gOffset, int gStride,
            int n, double[] gradParams, int gradOffset, int nParams, double[] gIn, int gInOffset, int gInStride) {
        checkStrided("x", x, xOffset, xStride, n);
        checkStrided("gOut", gOut, gOffset, gStride, n);
        checkStrided("gradParams", gradParams, gradOffset, 1, nParams);
        if (gIn != null) {
            checkStrided("gIn", gIn, gInOffset, gInStride, n);
        }
    }

    /**
     * Logistic sigma(z) = 1 / (1 + e^-z), with {@link PortableMath#exp} (within 3 ulp of {@link StrictMath#exp},
     * inlined, the same bits on every JVM); e^-z = +Infinity gives 0, not NaN.
     */
    static double sigma(double z) {
        return 1.0 / (1.0 + PortableMath.exp(-z));
    }

    /** Stable sigma'(z) = sigma(z) sigma(-z) = e / (1 + e)^2 with e = exp(-|z|). */
    static double sigmaPrime(double z) {
        double e = PortableMath.exp(-Math.abs(z));
        double p = 1.0 / (1.0 + e);
        return e * p * p;
    }

    static void checkParameterCount(double[] parameters, int expected) {
        if (parameters == null) {
            throw new NullPointerException("parameters");
        }
        Checks.checkLength("parameters", parameters, expected);
    }

    static String openInterval(String name, double value, double lo, double hi) {
        return name + " = " + value + "; must be in (" + lo + ", " + hi + ")";
    }
}
