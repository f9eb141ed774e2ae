package io.github.mmm4j.transforms;

import static io.github.mmm4j.transforms.Tolerances.FINITE_DIFFERENCE;
import static io.github.mmm4j.transforms.Tolerances.ROUNDING;
import static io.github.mmm4j.transforms.Tolerances.assertArrayClose;
import static io.github.mmm4j.transforms.Tolerances.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties every {@link Adstock} must have (in the manner of EJML's generic decomposition tests):
 * subclasses supply the family through {@link #adstocks()}, with parameters kept away from the
 * boundary of their domain by at least {@code 1e-3} so that central differences stay inside it.
 */
abstract class AdstockContract {

    abstract Arbitrary<? extends Adstock> adstocks();

    static Arbitrary<Integer> lags() {
        return net.jqwik.api.Arbitraries.integers().between(0, 20);
    }

    @Provide
    Arbitrary<Adstock> adstock() {
        return adstocks().map(a -> (Adstock) a);
    }

    @Provide
    Arbitrary<double[]> spend() {
        return Series.spend();
    }

    @Provide
    Arbitrary<double[]> adjoint() {
        return Series.adjoint();
    }

    /** Zeros long enough for the weights to have decayed below double precision. */
    static int padding(Adstock a) {
        if (a.isFinite()) {
            return a.maxLag();
        }
        double alpha = a.parameters()[0];
        return alpha == 0 ? 0 : (int) Math.ceil(-40.0 / Math.log10(alpha)) + 1;
    }

    @Property(tries = 200)
    void zeroInGivesZeroOut(@ForAll("adstock") Adstock a, @ForAll @IntRange(min = 0, max = 50) int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        a.apply(new double[n], n, out);
        assertArrayEquals(new double[n], out);
    }

    @Property(tries = 200)
    void applyIsTheConvolutionWithTheWeights(@ForAll("adstock") Adstock a, @ForAll("spend") double[] x) {
        int n = x.length;
        double[] expected = Series.convolve(a.weights(n), x, n);
        double[] out = new double[n];
        a.apply(x, n, out);
        assertArrayClose(expected, out, n, ROUNDING, a + " out");
    }

    @Property(tries = 200)
    void isLinear(@ForAll("adstock") Adstock a, @ForAll("spend") double[] x, @ForAll("spend") double[] y,
            @ForAll @DoubleRange(min = -3, max = 3) double p, @ForAll @DoubleRange(min = -3, max = 3) double q) {
        int n = Math.min(x.length, y.length);
        double[] mix = new double[n];
        for (int t = 0; t < n; t++) {
            mix[t] = p * x[t] + q * y[t];
        }
        double[] ax = new double[n];
        double[] ay = new double[n];
        double[] am = new double[n];
        a.apply(x, n, ax);
        a.apply(y, n, ay);
        a.apply(mix, n, am);
        double[] expected = new double[n];
        for (int t = 0; t < n; t++) {
            expected[t] = p * ax[t] + q * ay[t];
        }
        assertArrayClose(expected, am, n, 1e3 * ROUNDING, a + " linear combination");
    }

    @Property(tries = 200)
    void isTimeShiftInvariant(@ForAll("adstock") Adstock a, @ForAll("spend") double[] x,
            @ForAll @IntRange(min = 0, max = 12) int k) {
        int n = x.length;
        double[] shifted = new double[n + k];
        System.arraycopy(x, 0, shifted, k, n);
        double[] out = new double[n];
        double[] outShifted = new double[n + k];
        a.apply(x, n, out);
        a.apply(shifted, n + k, outShifted);
        for (int t = 0; t < k; t++) {
            assertEquals(0.0, outShifted[t], "before the shifted input");
        }
        assertArrayClose(out, Arrays.copyOfRange(outShifted, k, n + k), n, ROUNDING, a + " shifted");
    }

    @Property(tries = 200)
    void totalMassIsTotalWeightTimesInputMass(@ForAll("adstock") Adstock a, @ForAll("spend") double[] x) {
        int n = x.length + padding(a);
        double[] padded = Arrays.copyOf(x, n);
        double[] out = new double[n];
        a.apply(padded, n, out);
        assertClose(a.totalWeight() * Series.sum(x, x.length), Series.sum(out, n), 1e3 * ROUNDING,
                a + " mass");
    }

    @Property(tries = 100)
    void weightsSumToTotalWeight(@ForAll("adstock") Adstock a) {
        double[] w = a.weights(padding(a) + 1);
        assertClose(a.totalWeight(), Series.sum(w, w.length), 1e3 * ROUNDING, a + " total weight");
        if (a.isFinite()) {
            assertArrayEquals(w, a.weights());
        }
    }

    @Property(tries = 200)
    void stridedAndInPlaceMatchContiguous(@ForAll("adstock") Adstock a, @ForAll("spend") double[] x,
            @ForAll @IntRange(min = 1, max = 4) int stride, @ForAll @IntRange(min = 0, max = 3) int offset) {
        int n = x.length;
        double[] expected = new double[n];
        a.apply(x, n, expected);
        double[] in = new double[offset + n * stride];
        Arrays.fill(in, Double.NaN);
        for (int t = 0; t < n; t++) {
            in[offset + t * stride] = x[t];
        }
        double[] out = new double[2 + n * 3];
        a.apply(in, offset, stride, out, 2, 3, n);
        for (int t = 0; t < n; t++) {
            assertEquals(expected[t], out[2 + t * 3], "strided out[" + t + "]");
        }
        a.apply(in, offset, stride, in, offset, stride, n);
        for (int t = 0; t < n; t++) {
            assertEquals(expected[t], in[offset + t * stride], "in place out[" + t + "]");
        }
    }

    @Property(tries = 200)
    void warmupPrefixActsAsHistory(@ForAll("adstock") Adstock a, @ForAll("spend") double[] x,
            @ForAll @IntRange(min = 0, max = 15) int warmup) {
        int n = x.length - Math.min(warmup, x.length - 1);
        int w = x.length - n;
        double[] full = new double[x.length];
        a.apply(x, x.length, full);
        double[] out = new double[n];
        a.applyAfterWarmup(x, w, n, out);
        assertArrayClose(Arrays.copyOfRange(full, w, x.length), out, n, ROUNDING, a + " after warm-up");
        double[] zeros = new double[w + n];
        System.arraycopy(x, w, zeros, w, n);
        double[] cold = new double[n];
        a.apply(Arrays.copyOfRange(x, w, x.length), n, cold);
        a.applyAfterWarmup(zeros, w, n, out);
        assertArrayClose(cold, out, n, ROUNDING, a + " zero warm-up");
    }

    @Property(tries = 100)
    void weightJacobianMatchesFiniteDifferences(@ForAll("adstock") Adstock a) {
        int len = Math.min(padding(a) + 1, 40);
        int np = a.parameterCount();
        double[] jac = new double[len * np];
        a.weightJacobianInto(jac, 0, len);
        double[] p = a.parameters();
        for (int k = 0; k < np; k++) {
            int kk = k;
            for (int l = 0; l < len; l++) {
                int ll = l;
                double fd = Tolerances.centralDifference(v -> {
                    double[] q = p.clone();
                    q[kk] = v;
                    return a.withParameters(q).weights(len)[ll];
                }, p[k]);
                assertClose(fd, jac[l * np + k], FINITE_DIFFERENCE, a + " dw[" + l + "]/d" + a.parameterNames().get(k));
            }
        }
    }

    @Property(tries = 100)
    void backwardMatchesFiniteDifferencesAndTransposedWeights(@ForAll("adstock") Adstock a,
            @ForAll("spend") double[] x, @ForAll("adjoint") double[] g) {
        int n = x.length;
        int np = a.parameterCount();
        double[] grad = new double[np];
        double[] gIn = new double[n];
        a.backward(x, n, g, grad, gIn);
        double[] out = new double[n];
        a.apply(x, n, out);
        double scale = Series.absDot(g, out, n);
        double[] p = a.parameters();
        for (int k = 0; k < np; k++) {
            int kk = k;
            double fd = Tolerances.centralDifference(v -> {
                double[] q = p.clone();
                q[kk] = v;
                double[] o = new double[n];
                a.withParameters(q).apply(x, n, o);
                return Series.dot(g, o, n);
            }, p[k]);
            assertClose(fd, grad[k], FINITE_DIFFERENCE, scale, a + " dL/d" + a.parameterNames().get(k));
        }
        double[] w = a.weights(n);
        double[] expected = new double[n];
        for (int s = 0; s < n; s++) {
            for (int t = s; t < n; t++) {
                expected[s] += g[t] * w[t - s];
            }
        }
        assertArrayClose(expected, gIn, n, ROUNDING, a + " dL/dx");
    }

    @Property(tries = 50)
    void backwardAccumulatesAndAcceptsNullInputAdjoint(@ForAll("adstock") Adstock a, @ForAll("spend") double[] x,
            @ForAll("adjoint") double[] g) {
        int n = x.length;
        double[] once = new double[a.parameterCount()];
        a.backward(x, n, g, once, null);
        double[] twice = once.clone();
        a.backward(x, n, g, twice, null);
        for (int k = 0; k < once.length; k++) {
            assertClose(2 * once[k], twice[k], ROUNDING, "accumulated gradient");
        }
    }

    @Property(tries = 50)
    void describesItself(@ForAll("adstock") Adstock a) {
        assertEquals(a.parameterNames().size(), a.parameters().length);
        assertEquals(a.parameterNames().size(), a.parameterCount());
        assertEquals(a, a.withParameters(a.parameters()));
        assertFalse(a.name().isEmpty());
    }
}
