package io.github.mmm4j.models.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests of {@link Collinearity}; tolerances from {@link LinearTolerances}. */
class CollinearityTest {

    /**
     * Two columns whose sample correlation is exactly {@code r} (up to rounding): {@code u} and
     * {@code r u + sqrt(1 - r^2) v}, with {@code u}, {@code v} centred, orthogonal and of equal norm.
     */
    private static double[] twoColumns(double r, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = rng.nextGaussian();
            v[i] = rng.nextGaussian();
        }
        center(u);
        center(v);
        double uu = dot(u, u);
        double uv = dot(u, v);
        for (int i = 0; i < n; i++) {
            v[i] -= uv / uu * u[i];
        }
        double scale = Math.sqrt(uu / dot(v, v));
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = 5.0 + u[i];
            x[2 * i + 1] = -3.0 + r * u[i] + Math.sqrt(1 - r * r) * scale * v[i];
        }
        return x;
    }

    private static void center(double[] v) {
        double mean = 0;
        for (double e : v) {
            mean += e / v.length;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] -= mean;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void assertRelative(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, relative * Math.abs(expected), what);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.3, -0.5, 0.9, 0.99, -0.999})
    void twoColumnVifIsOneOverOneMinusRSquared(double r) {
        CollinearityReport report = Collinearity.diagnose(twoColumns(r, 50, 1), 50, 2);
        double expected = 1.0 / (1.0 - r * r);
        double[] vif = report.vif();
        assertRelative(expected, vif[0], LinearTolerances.CLOSED_FORM * expected, "vif[0]");
        assertRelative(expected, vif[1], LinearTolerances.CLOSED_FORM * expected, "vif[1]");
        assertEquals(r, report.correlation(0, 1), LinearTolerances.CLOSED_FORM);
        assertEquals(report.correlation(0, 1), report.correlation(1, 0), 0.0);
        // Singular values of the standardised pair are sqrt(1 + |r|) and sqrt(1 - |r|) (times a constant).
        double cond = Math.sqrt((1 + Math.abs(r)) / (1 - Math.abs(r)));
        assertRelative(cond, report.conditionNumber(), LinearTolerances.CLOSED_FORM * expected, "condition");
        assertEquals(expected > 10, report.severe()[0]);
    }

    static List<ReferenceData.Case> numpyCases() {
        return ReferenceData.read("/linear/vif_reference.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numpyCases")
    void matchesNumpy(ReferenceData.Case c) {
        int p = c.cols();
        CollinearityReport report = Collinearity.diagnose(c.get("X"), c.rows(), p);
        double[] vif = c.get("vif");
        double[] corr = c.get("corr");
        double[] actualVif = report.vif();
        double[] actualCorr = report.correlation();
        for (int j = 0; j < p; j++) {
            assertRelative(vif[j], actualVif[j], LinearTolerances.NUMPY_RELATIVE, "vif[" + j + "]");
        }
        for (int k = 0; k < p * p; k++) {
            assertEquals(corr[k], actualCorr[k], LinearTolerances.NUMPY_RELATIVE, "corr[" + k + "]");
        }
        assertRelative(c.scalar("cond"), report.conditionNumber(), LinearTolerances.NUMPY_RELATIVE, "cond");
    }

    @Test
    void numpyReferenceHasASevereColumn() {
        ReferenceData.Case mmm = numpyCases().get(1);
        CollinearityReport report = Collinearity.diagnose(mmm.get("X"), mmm.rows(), mmm.cols(),
                List.of("tv", "search", "social", "ooh", "radio", "brand"), 10, 30);
        List<String> names = report.names();
        double[] numpyVif = mmm.get("vif");
        List<String> expected = new java.util.ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (numpyVif[j] > 10) {
                expected.add(names.get(j));
            }
        }
        assertEquals(List.of("search", "brand"), expected, "numpy: brand = 0.7 tv + 0.3 search + noise");
        assertEquals(expected, report.severeNames());
        assertFalse(report.illConditioned(), "condition number 25 < 30 despite two VIFs near 100");
    }

    @Test
    void exactDuplicateHasInfiniteVifWithoutSpoilingTheOthers() {
        int n = 40;
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[n * 4];
        for (int i = 0; i < n; i++) {
            x[i * 4] = rng.nextGaussian();
            x[i * 4 + 1] = rng.nextGaussian();
            x[i * 4 + 2] = 2.0 * x[i * 4] + 1.0; // affine copy of column 0
            x[i * 4 + 3] = rng.nextGaussian();
        }
        CollinearityReport report = Collinearity.diagnose(x, n, 4);
        double[] vif = report.vif();
        assertEquals(Double.POSITIVE_INFINITY, vif[0]);
        assertEquals(Double.POSITIVE_INFINITY, vif[2]);
        assertTrue(Double.isFinite(vif[1]) && vif[1] < 2, "independent column: " + vif[1]);
        assertTrue(Double.isFinite(vif[3]) && vif[3] < 2, "independent column: " + vif[3]);
        assertEquals(1.0, report.correlation(0, 2), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, report.conditionNumber());
        assertTrue(report.illConditioned());
        assertArrayEquals(new boolean[] {true, false, true, false}, report.severe());
        assertEquals(List.of("x0", "x2"), report.severeNames());
    }

    @Test
    void constantColumnIsReportedWithoutNaN() {
        int n = 30;
        SplittableRandom rng = new SplittableRandom(4);
        double[] x = new double[n * 3];
        for (int i = 0; i < n; i++) {
            x[i * 3] = rng.nextGaussian();
            x[i * 3 + 1] = 0.1; // constant, and 0.1 * 30 / 30 != 0.1 in binary: no centring residue
            x[i * 3 + 2] = rng.nextGaussian();
        }
        CollinearityReport report = Collinearity.diagnose(x, n, 3);
        assertArrayEquals(new boolean[] {false, true, false}, report.constant());
        double[] vif = report.vif();
        assertEquals(Double.POSITIVE_INFINITY, vif[1]);
        assertTrue(Double.isFinite(vif[0]) && Double.isFinite(vif[2]));
        double[] corr = report.correlation();
        for (double v : corr) {
            assertFalse(Double.isNaN(v));
        }
        assertEquals(0.0, report.correlation(0, 1), 0.0);
        assertEquals(1.0, report.correlation(1, 1), 0.0);
        assertTrue(Double.isFinite(report.conditionNumber()), "the constant column is left out");
        assertEquals(List.of("x1"), report.severeNames());
    }

    @Test
    void allConstantOrSingleColumnDesignsAreWellDefined() {
        CollinearityReport constant = Collinearity.diagnose(new double[] {1, 2, 1, 2, 1, 2}, 3, 2);
        assertEquals(1.0, constant.conditionNumber(), 0.0);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, constant.vif(), 0.0);
        CollinearityReport single = Collinearity.diagnose(new double[] {1, 2, 4}, 3, 1);
        assertArrayEquals(new double[] {1.0}, single.vif(), 0.0);
        assertEquals(1.0, single.conditionNumber(), 0.0);
    }

    @Test
    void moreColumnsThanObservationsIsExactlyCollinear() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] x = new double[4 * 6];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian();
        }
        CollinearityReport report = Collinearity.diagnose(x, 4, 6);
        for (double v : report.vif()) {
            assertEquals(Double.POSITIVE_INFINITY, v);
        }
        assertEquals(Double.POSITIVE_INFINITY, report.conditionNumber());
    }

    @Test
    void vifEqualsTheDiagonalOfTheInverseCorrelationMatrix() {
        // Independent check of the Cholesky route: R^{-1} by EJML on a full-rank design.
        int n = 80;
        int p = 5;
        SplittableRandom rng = new SplittableRandom(6);
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) {
            double common = rng.nextGaussian();
            for (int j = 0; j < p; j++) {
                x[i * p + j] = common * (j + 1) * 0.4 + rng.nextGaussian();
            }
        }
        CollinearityReport report = Collinearity.diagnose(x, n, p);
        DMatrixRMaj r = new DMatrixRMaj(p, p, true, report.correlation());
        DMatrixRMaj inv = new DMatrixRMaj(p, p);
        assertTrue(org.ejml.dense.row.CommonOps_DDRM.invert(r, inv));
        double[] vif = report.vif();
        for (int j = 0; j < p; j++) {
            assertRelative(inv.get(j, j), vif[j], LinearTolerances.NUMPY_RELATIVE, "vif[" + j + "]");
        }
        assertEquals(report, Collinearity.diagnose(DMatrixRMaj.wrap(n, p, x.clone()),
                List.of("x0", "x1", "x2", "x3", "x4")), "EJML entry point");
    }

    @Test
    void thresholdsAreConfigurable() {
        double[] x = twoColumns(0.9, 40, 7); // VIF = 1 / 0.19 = 5.26, condition number = sqrt(19) = 4.36
        CollinearityReport lax = Collinearity.diagnose(x, 40, 2, List.of("a", "b"), 10, 30);
        CollinearityReport strict = Collinearity.diagnose(x, 40, 2, List.of("a", "b"), 5, 4);
        assertEquals(List.of(), lax.severeNames());
        assertFalse(lax.illConditioned());
        assertEquals(List.of("a", "b"), strict.severeNames());
        assertTrue(strict.illConditioned());
        assertEquals(Collinearity.DEFAULT_VIF_THRESHOLD, Collinearity.diagnose(x, 40, 2).vifThreshold());
        assertEquals(Collinearity.DEFAULT_CONDITION_THRESHOLD, Collinearity.diagnose(x, 40, 2).conditionThreshold());
    }

    @Test
    void reportIsADefensiveCopy() {
        CollinearityReport report = Collinearity.diagnose(twoColumns(0.5, 20, 8), 20, 2);
        report.vif()[0] = -1;
        report.correlation()[1] = 7;
        report.constant()[0] = true;
        assertTrue(report.vif()[0] >= 1);
        assertEquals(0.5, report.correlation()[1], 1e-12);
        assertFalse(report.constant()[0]);
    }

    @Test
    void invalidInputFailsWithArgumentIndexAndValue() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] nan = x.clone();
        nan[3] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Collinearity.diagnose(nan, 3, 2));
        assertEquals("x[3] (row 1, column 1) = NaN; must be finite", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Collinearity.diagnose(x, 2, 2));
        assertEquals("x.length = 6; expected 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Collinearity.diagnose(new double[] {1, 2}, 1, 2));
        assertEquals("nRows = 1; must be >= 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Collinearity.diagnose(x, 3, 2, List.of("tv", "tv"), 10, 30));
        assertEquals("names[1] = tv; repeats an earlier name", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Collinearity.diagnose(x, 3, 2, List.of("tv"), 10, 30));
        assertEquals("names.size() = 1; expected 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Collinearity.diagnose(x, 3, 2, List.of("a", "b"), 0, 30));
        assertEquals("vifThreshold = 0.0; must be finite and > 0", e.getMessage());
    }
}
