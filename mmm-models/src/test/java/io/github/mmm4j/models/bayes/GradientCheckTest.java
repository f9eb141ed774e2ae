package io.github.mmm4j.models.bayes;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests of {@link GradientCheck}. */
class GradientCheckTest {

    @Test
    void correctGradientsAgreeWithFiniteDifferences() {
        double[] theta = {0.3, -1.2, 0.7, 2.0, -0.4};
        assertTrue(GradientCheck.maxRelativeError(new TestDensities.Funnel(5), theta, 1e-5) < 1e-7);
        assertTrue(GradientCheck.maxRelativeError(new TestDensities.CorrelatedNormal(0.9),
                new double[] {0.5, -0.25}, 1e-5) < 1e-8);
    }

    @Test
    void wrongGradientIsDetected() {
        LogDensity wrong = new LogDensity() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double logDensityGradient(double[] t, double[] g) {
                g[0] = -t[0];
                g[1] = -2 * t[1]; // should be -t[1]
                return -0.5 * (t[0] * t[0] + t[1] * t[1]);
            }
        };
        assertEquals(0.5, GradientCheck.maxRelativeError(wrong, new double[] {0.1, 3.0}, 1e-5), 1e-6);
        double[] fd = GradientCheck.finiteDifferenceGradient(wrong, new double[] {0.1, 3.0}, 1e-5, null);
        assertEquals(-0.1, fd[0], 1e-9);
        assertEquals(-3.0, fd[1], 1e-9);
    }

    @Test
    void nonFiniteDensityGivesInfiniteError() {
        assertEquals(Double.POSITIVE_INFINITY,
                GradientCheck.maxRelativeError(new TestDensities.NanRegion(), new double[] {1.0, 0.0}, 1e-3));
        assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.maxRelativeError(new TestDensities.NanRegion(), new double[] {1.0}, 1e-3));
        assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.maxRelativeError(new TestDensities.NanRegion(), new double[] {0, 0}, 0));
    }
}
