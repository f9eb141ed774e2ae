package io.github.mmm4j.transforms;

import static io.github.mmm4j.transforms.Tolerances.FINITE_DIFFERENCE;
import static io.github.mmm4j.transforms.Tolerances.ROUNDING;
import static io.github.mmm4j.transforms.Tolerances.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties every {@link Saturation} must have: exact zero at zero, monotone, bounded, finite at
 * extreme inputs, analytic derivatives equal to central differences, and kernels consistent with the
 * scalar methods. Subclasses supply the family with parameters inside their domain.
 */
abstract class SaturationContract {

    /** Inputs where every implementation must be finite (no NaN, no overflow). */
    static final double[] EXTREMES = {0.0, -0.0, Double.MIN_VALUE, 1e-300, 1e-12, 1e-3, 1.0, 1e3, 1e6, 1e9, 1e12,
        -1e12};

    abstract Arbitrary<? extends Saturation> saturations();

    @Provide
    Arbitrary<Saturation> saturation() {
        return saturations().map(s -> (Saturation) s);
    }

    /** Positive exposures across twelve orders of magnitude. */
    @Provide
    Arbitrary<Double> exposure() {
        return Series.between(-3.0, 4.0).map(e -> Math.pow(10.0, e));
    }

    @Provide
    Arbitrary<double[]> exposures() {
        return Arbitraries.oneOf(Arbitraries.just(0.0), exposure(), exposure().map(v -> -v))
                .array(double[].class).ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<double[]> adjoint() {
        return Series.adjoint();
    }

    @Property(tries = 100)
    void isExactlyZeroAtZero(@ForAll("saturation") Saturation s) {
        assertEquals(0.0, s.value(0.0), 0.0);
        assertEquals(0.0, s.value(-0.0), 0.0);
    }

    @Property(tries = 100)
    void isFiniteAtExtremeInputs(@ForAll("saturation") Saturation s) {
        double[] grad = new double[s.parameterCount()];
        for (double x : EXTREMES) {
            assertTrue(Double.isFinite(s.value(x)), () -> s + " value(" + x + ")");
            assertFalse(Double.isNaN(s.derivative(x)), () -> s + " derivative(" + x + ")");
            s.parameterGradientInto(x, grad, 0);
            for (double g : grad) {
                assertTrue(Double.isFinite(g), () -> s + " parameter gradient at " + x);
            }
        }
        assertTrue(Double.isNaN(s.value(Double.NaN)), "NaN in, NaN out");
    }

    @Property(tries = 300)
    void isMonotoneAndBounded(@ForAll("saturation") Saturation s, @ForAll("exposure") double x,
            @ForAll("exposure") double y) {
        double lo = Math.min(x, y);
        double hi = Math.max(x, y);
        double vlo = s.value(lo);
        double vhi = s.value(hi);
        assertTrue(vlo <= vhi, () -> s + " not monotone: f(" + lo + ") = " + vlo + " > f(" + hi + ") = " + vhi);
        assertTrue(vlo >= 0.0, () -> s + " negative at " + lo);
        assertTrue(vhi <= s.supremum(), () -> s + " above supremum at " + hi);
        assertTrue(s.value(-hi) <= s.value(-lo), () -> s + " not monotone for negative input");
        assertTrue(s.derivative(x) >= 0.0, () -> s + " negative derivative at " + x);
    }

    @Property(tries = 300)
    void derivativesMatchFiniteDifferences(@ForAll("saturation") Saturation s, @ForAll("exposure") double ax,
            @ForAll boolean negative) {
        double x = negative ? -ax : ax;
        double scale = Math.abs(s.value(x)) / Math.abs(x) + Math.abs(s.derivative(x));
        assertClose(Tolerances.centralDifference(s::value, x), s.derivative(x), FINITE_DIFFERENCE, scale,
                s + " d/dx at " + x);
        double[] grad = new double[s.parameterCount()];
        s.parameterGradientInto(x, grad, 0);
        double[] p = s.parameters();
        for (int k = 0; k < p.length; k++) {
            int kk = k;
            double fd = Tolerances.centralDifference(v -> {
                double[] q = p.clone();
                q[kk] = v;
                return s.withParameters(q).value(x);
            }, p[k]);
            assertClose(fd, grad[k], FINITE_DIFFERENCE, s.supremum() / Math.max(1.0, Math.abs(p[k])),
                    s + " d/d" + s.parameterNames().get(k) + " at " + x);
        }
    }

    @Property(tries = 200)
    void kernelsAgreeWithScalarMethods(@ForAll("saturation") Saturation s, @ForAll("exposures") double[] x,
            @ForAll("adjoint") double[] g) {
        int n = x.length;
        double[] out = new double[2 * n];
        s.apply(x, 0, 1, out, 1, 2, n);
        for (int i = 0; i < n; i++) {
            assertEquals(s.value(x[i]), out[1 + 2 * i], "apply vs value");
        }
        int np = s.parameterCount();
        double[] grad = new double[np];
        double[] gIn = new double[n];
        s.backward(x, n, g, grad, gIn);
        double[] expected = new double[np];
        double[] scale = new double[np];
        double[] pg = new double[np];
        for (int i = 0; i < n; i++) {
            s.parameterGradientInto(x[i], pg, 0);
            for (int k = 0; k < np; k++) {
                expected[k] += g[i] * pg[k];
                scale[k] += Math.abs(g[i] * pg[k]);
            }
            double d = s.derivative(x[i]);
            double expectedIn = Double.isInfinite(d) ? 0.0 : g[i] * d;
            assertClose(expectedIn, gIn[i], ROUNDING, "gIn[" + i + "]");
        }
        for (int k = 0; k < np; k++) {
            assertClose(expected[k], grad[k], 1e3 * ROUNDING, scale[k], s + " backward d/d" + s.parameterNames().get(k));
        }
        double[] inPlace = x.clone();
        s.apply(inPlace, n, inPlace);
        for (int i = 0; i < n; i++) {
            assertEquals(out[1 + 2 * i], inPlace[i], "in place");
        }
    }

    @Property(tries = 50)
    void describesItself(@ForAll("saturation") Saturation s) {
        assertEquals(s.parameterNames().size(), s.parameters().length);
        assertEquals(s.parameterNames().size(), s.parameterCount());
        assertEquals(s, s.withParameters(s.parameters()));
        assertFalse(s.name().isEmpty());
    }
}
