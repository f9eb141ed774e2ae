package io.github.mmm4j.models.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;

/** Contract tests of {@link Nnls} on constructed cases; tolerances from {@link LinearTolerances}. */
class NnlsTest {

    private static final NnlsOptions DEFAULTS = NnlsOptions.DEFAULTS;

    private static double[] gaussian(long seed, int length) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[length];
        for (int k = 0; k < v.length; k++) {
            v[k] = rng.nextGaussian();
        }
        return v;
    }

    private static double[] times(double[] a, int m, int n, double[] x) {
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                out[i] += a[i * n + j] * x[j];
            }
        }
        return out;
    }

    /** Unconstrained least squares by EJML's Householder QR. */
    private static double[] ols(double[] a, int m, int n, double[] b) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(m, n);
        assertTrue(solver.setA(new DMatrixRMaj(m, n, true, a)));
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        solver.solve(new DMatrixRMaj(m, 1, true, b), x);
        return x.data;
    }

    private static void assertClose(double[] expected, double[] actual, double relative) {
        double tol = relative * Math.max(1, LinearTolerances.maxAbs(expected));
        assertEquals(expected.length, actual.length);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], tol, "x[" + j + "]");
        }
    }

    @Test
    void equalsOlsWhenTheOlsSolutionIsNonNegative() {
        int m = 60;
        int n = 7;
        double[] a = gaussian(1, m * n);
        double[] b = times(a, m, n, new double[] {1.0, 0.5, 2.0, 0.3, 1.2, 0.8, 3.0});
        double[] noise = gaussian(2, m);
        for (int i = 0; i < m; i++) {
            b[i] += 0.05 * noise[i];
        }
        double[] expected = ols(a, m, n, b);
        for (double v : expected) {
            assertTrue(v > 0, "precondition: OLS solution positive");
        }
        NnlsResult r = Nnls.solve(a, m, n, b);
        assertEquals(NnlsStatus.CONVERGED, r.status());
        assertClose(expected, r.x(), LinearTolerances.SOLUTION);
        assertEquals(n, r.iterations(), "one entering column per iteration, none leaving");
    }

    @Test
    void allFreeColumnsGiveOls() {
        int m = 40;
        int n = 6;
        double[] a = gaussian(3, m * n);
        double[] b = gaussian(4, m);
        NnlsResult r = Nnls.solve(a, m, n, b, Sign.uniform(n, Sign.FREE), DEFAULTS, null);
        assertEquals(NnlsStatus.CONVERGED, r.status());
        assertEquals(1, r.iterations());
        assertClose(ols(a, m, n, b), r.x(), LinearTolerances.SOLUTION);
    }

    @Test
    void freeColumnsCanBeNegative() {
        int m = 50;
        int n = 4;
        double[] a = gaussian(5, m * n);
        double[] b = times(a, m, n, new double[] {-2.0, 1.0, -1.5, 0.5});
        Sign[] signs = {Sign.FREE, Sign.NON_NEGATIVE, Sign.FREE, Sign.NON_NEGATIVE};
        NnlsResult r = Nnls.solve(a, m, n, b, signs, DEFAULTS, null);
        assertEquals(NnlsStatus.CONVERGED, r.status());
        assertClose(new double[] {-2.0, 1.0, -1.5, 0.5}, r.x(), LinearTolerances.SOLUTION);
        assertTrue(r.x(0) < 0 && r.x(2) < 0);
        LinearTolerances.assertKkt(a, m, n, b, signs, 0.0, r);
    }

    @Test
    void constrainedColumnIsClippedWhileAFreeOneIsNot() {
        int m = 50;
        int n = 2;
        double[] a = gaussian(6, m * n);
        double[] b = times(a, m, n, new double[] {-1.0, -1.0});
        NnlsResult r = Nnls.solve(a, m, n, b, new Sign[] {Sign.NON_NEGATIVE, Sign.FREE}, DEFAULTS, null);
        assertEquals(0.0, r.x(0), 0.0, "the non-negative coefficient is exactly zero");
        assertTrue(r.x(1) < 0);
        LinearTolerances.assertKkt(a, m, n, b, new Sign[] {Sign.NON_NEGATIVE, Sign.FREE}, 0.0, r);
    }

    @Test
    void nonPositiveEqualsNonNegativeOnTheFlippedColumn() {
        int m = 30;
        int n = 5;
        double[] a = gaussian(7, m * n);
        double[] b = gaussian(8, m);
        Sign[] signs = {Sign.NON_POSITIVE, Sign.NON_NEGATIVE, Sign.NON_POSITIVE, Sign.FREE, Sign.NON_NEGATIVE};
        NnlsResult r = Nnls.solve(a, m, n, b, signs, DEFAULTS, null);
        double[] flipped = a.clone();
        Sign[] flippedSigns = signs.clone();
        for (int j = 0; j < n; j++) {
            if (signs[j] == Sign.NON_POSITIVE) {
                flippedSigns[j] = Sign.NON_NEGATIVE;
                for (int i = 0; i < m; i++) {
                    flipped[i * n + j] = -flipped[i * n + j];
                }
            }
        }
        NnlsResult f = Nnls.solve(flipped, m, n, b, flippedSigns, DEFAULTS, null);
        double[] x = r.x();
        double[] y = f.x();
        for (int j = 0; j < n; j++) {
            assertEquals(signs[j].multiplier() * y[j], x[j], 0.0, "negating a column is exact: x[" + j + "]");
            assertTrue(signs[j] != Sign.NON_POSITIVE || x[j] <= 0, "x[" + j + "] <= 0");
        }
        LinearTolerances.assertKkt(a, m, n, b, signs, 0.0, r);
    }

    @Test
    void nonPositiveColumnTakesItsNegativeEffect() {
        int m = 40;
        int n = 3;
        double[] a = gaussian(9, m * n);
        double[] b = times(a, m, n, new double[] {1.0, -2.0, 0.5});
        Sign[] signs = {Sign.NON_NEGATIVE, Sign.NON_POSITIVE, Sign.NON_NEGATIVE};
        NnlsResult r = Nnls.solve(a, m, n, b, signs, DEFAULTS, null);
        assertClose(new double[] {1.0, -2.0, 0.5}, r.x(), LinearTolerances.SOLUTION);
    }

    @Test
    void duplicateColumnsGiveAFiniteKktSolutionWithTheDedupedObjective() {
        int m = 30;
        int n = 5;
        double[] a = gaussian(10, m * n);
        for (int i = 0; i < m; i++) {
            a[i * n + 3] = a[i * n + 1];
        }
        double[] b = times(a, m, n, new double[] {1.0, 0.7, 0.0, 0.7, 0.4});
        Sign[] signs = Sign.uniform(n, Sign.NON_NEGATIVE);
        NnlsResult r = Nnls.solve(a, m, n, b, signs, DEFAULTS, null);
        assertEquals(NnlsStatus.CONVERGED, r.status());
        LinearTolerances.assertKkt(a, m, n, b, signs, 0.0, r);
        assertEquals(1.4, r.x(1) + r.x(3), 1e-9, "the duplicated pair carries the joint effect");
        double[] deduped = new double[m * 4];
        for (int i = 0; i < m; i++) {
            deduped[i * 4] = a[i * n];
            deduped[i * 4 + 1] = a[i * n + 1];
            deduped[i * 4 + 2] = a[i * n + 2];
            deduped[i * 4 + 3] = a[i * n + 4];
        }
        NnlsResult d = Nnls.solve(deduped, m, 4, b);
        double bb = LinearTolerances.norm(b) * LinearTolerances.norm(b);
        assertEquals(d.objective(), r.objective(), LinearTolerances.OBJECTIVE * bb);
    }

    @Test
    void duplicateFreeColumnsGiveABasicSolution() {
        int m = 25;
        int n = 3;
        double[] a = gaussian(11, m * n);
        for (int i = 0; i < m; i++) {
            a[i * n + 2] = a[i * n];
        }
        double[] b = gaussian(12, m);
        Sign[] signs = Sign.uniform(n, Sign.FREE);
        NnlsResult r = Nnls.solve(a, m, n, b, signs, DEFAULTS, null);
        assertEquals(NnlsStatus.CONVERGED, r.status());
        assertEquals(0.0, r.x(2), 0.0, "the dependent free column gets 0");
        LinearTolerances.assertKkt(a, m, n, b, signs, 0.0, r);
    }

    @Test
    void zeroColumnStaysAtZero() {
        int m = 20;
        int n = 4;
        double[] a = gaussian(13, m * n);
        for (int i = 0; i < m; i++) {
            a[i * n + 2] = 0.0;
        }
        double[] b = gaussian(14, m);
        for (Sign s : Sign.values()) {
            Sign[] signs = Sign.uniform(n, s);
            NnlsResult r = Nnls.solve(a, m, n, b, signs, DEFAULTS, null);
            assertEquals(NnlsStatus.CONVERGED, r.status(), s.toString());
            assertEquals(0.0, r.x(2), 0.0, s.toString());
            LinearTolerances.assertKkt(a, m, n, b, signs, 0.0, r);
        }
    }

    @Test
    void allZeroDesignGivesZero() {
        NnlsResult r = Nnls.solve(new double[12], 4, 3, new double[] {1, 2, 3, 4});
        assertEquals(NnlsStatus.CONVERGED, r.status());
        assertArrayEquals(new double[3], r.x(), 0.0);
        assertEquals(Math.sqrt(30), r.residualNorm(), 1e-15);
    }

    @Test
    void wideMatrixFitsExactly() {
        int m = 8;
        int n = 20;
        double[] a = gaussian(15, m * n);
        double[] x0 = new double[n];
        for (int j = 0; j < n; j++) {
            x0[j] = j % 3 == 0 ? 1.0 + j : 0.0;
        }
        double[] b = times(a, m, n, x0); // a non-negative exact solution exists
        Sign[] signs = Sign.uniform(n, Sign.NON_NEGATIVE);
        NnlsResult r = Nnls.solve(a, m, n, b, signs, DEFAULTS, null);
        assertEquals(NnlsStatus.CONVERGED, r.status());
        LinearTolerances.assertKkt(a, m, n, b, signs, 0.0, r);
        int positive = 0;
        for (double v : r.x()) {
            positive += v > 0 ? 1 : 0;
        }
        assertTrue(positive <= m, "a basic solution has at most m positive coefficients: " + positive);
        assertTrue(r.residualNorm() <= 1e-9 * LinearTolerances.norm(b), "residual " + r.residualNorm());
    }

    @Test
    void zeroResponseGivesZero() {
        double[] a = gaussian(16, 30);
        NnlsResult r = Nnls.solve(a, 10, 3, new double[10], Sign.uniform(3, Sign.FREE), DEFAULTS, null);
        assertArrayEquals(new double[3], r.x(), 0.0);
        assertEquals(0.0, r.objective(), 0.0);
    }

    @Test
    void ridgePenaltyEqualsTheAugmentedSystem() {
        int m = 30;
        int n = 6;
        double lambda = 2.5;
        double[] a = gaussian(17, m * n);
        double[] b = gaussian(18, m);
        Sign[] signs = {Sign.NON_NEGATIVE, Sign.FREE, Sign.NON_POSITIVE, Sign.NON_NEGATIVE, Sign.NON_NEGATIVE,
            Sign.NON_NEGATIVE};
        NnlsResult ridge = Nnls.solve(a, m, n, b, signs, DEFAULTS.withLambda(lambda), null);
        double[] aug = new double[(m + n) * n];
        System.arraycopy(a, 0, aug, 0, m * n);
        for (int j = 0; j < n; j++) {
            aug[(m + j) * n + j] = Math.sqrt(lambda);
        }
        double[] bAug = new double[m + n];
        System.arraycopy(b, 0, bAug, 0, m);
        NnlsResult plain = Nnls.solve(aug, m + n, n, bAug, signs, DEFAULTS, null);
        assertClose(plain.x(), ridge.x(), LinearTolerances.SOLUTION);
        assertEquals(lambda, ridge.lambda());
        LinearTolerances.assertKkt(a, m, n, b, signs, lambda, ridge);
        double bb = LinearTolerances.norm(b) * LinearTolerances.norm(b);
        assertEquals(plain.objective(), ridge.objective(), LinearTolerances.OBJECTIVE * bb);
        assertTrue(ridge.residualNorm() * ridge.residualNorm() < ridge.objective(), "penalty excluded from rss");
    }

    @Test
    void ridgeMakesDuplicateColumnsShareTheEffect() {
        int m = 40;
        int n = 3;
        double[] a = gaussian(19, m * n);
        for (int i = 0; i < m; i++) {
            a[i * n + 1] = a[i * n];
        }
        double[] b = times(a, m, n, new double[] {1.0, 1.0, 0.5});
        NnlsResult r = Nnls.solve(a, m, n, b, Sign.uniform(n, Sign.NON_NEGATIVE), DEFAULTS.withLambda(0.1), null);
        assertEquals(r.x(0), r.x(1), 1e-12, "strictly convex: the twins get equal shares");
    }

    @Test
    void workspaceReuseGivesIdenticalResults() {
        NnlsWorkspace ws = new NnlsWorkspace(5, 3);
        double[] big = gaussian(20, 80 * 12);
        double[] bBig = gaussian(21, 80);
        double[] small = gaussian(22, 10 * 3);
        double[] bSmall = gaussian(23, 10);
        Sign[] s12 = Sign.uniform(12, Sign.NON_NEGATIVE);
        Sign[] s3 = {Sign.FREE, Sign.NON_NEGATIVE, Sign.NON_POSITIVE};
        NnlsResult bigFresh = Nnls.solve(big, 80, 12, bBig, s12, DEFAULTS, null);
        NnlsResult smallFresh = Nnls.solve(small, 10, 3, bSmall, s3, DEFAULTS, null);
        assertEquals(smallFresh, Nnls.solve(small, 10, 3, bSmall, s3, DEFAULTS, ws));
        assertEquals(bigFresh, Nnls.solve(big, 80, 12, bBig, s12, DEFAULTS, ws), "after growing");
        assertEquals(smallFresh, Nnls.solve(small, 10, 3, bSmall, s3, DEFAULTS, ws), "after shrinking");
        assertEquals(bigFresh, Nnls.solve(big, 80, 12, bBig, s12, DEFAULTS, ws), "again");
        double[] ata = new double[144];
        double[] atb = new double[12];
        double btb = Nnls.gram(big, 80, 12, bBig, ata, atb);
        NnlsResult gramFresh = Nnls.solveGram(ata, atb, btb, 12, s12, DEFAULTS, null);
        assertEquals(gramFresh, Nnls.solveGram(ata, atb, btb, 12, s12, DEFAULTS, ws));
    }

    @Test
    void ejmlEntryEqualsArrayEntry() {
        double[] a = gaussian(24, 30 * 4);
        double[] b = gaussian(25, 30);
        Sign[] signs = Sign.uniform(4, Sign.NON_NEGATIVE);
        NnlsResult expected = Nnls.solve(a, 30, 4, b, signs, DEFAULTS, null);
        DMatrixRMaj matrix = DMatrixRMaj.wrap(30, 4, a.clone());
        assertEquals(expected, Nnls.solve(matrix, b, signs, DEFAULTS, null));
        DMatrixRMaj oversized = new DMatrixRMaj(40, 6);
        oversized.reshape(30, 4);
        System.arraycopy(a, 0, oversized.data, 0, a.length);
        assertEquals(expected, Nnls.solve(oversized, b, signs, DEFAULTS, null), "data array longer than needed");
    }

    @Test
    void iterationLimitIsReportedWithAFeasibleSolution() {
        ReferenceData.Case c = NnlsScipyReferenceTest.cases().stream()
                .filter(k -> k.name().equals("gaussian_200x50")).findFirst().orElseThrow();
        double[] a = c.get("A");
        double[] b = c.get("b");
        NnlsResult r = Nnls.solve(a, 200, 50, b, Sign.uniform(50, Sign.NON_NEGATIVE),
                DEFAULTS.withMaxIterations(3), null);
        assertEquals(NnlsStatus.MAX_ITERATIONS, r.status());
        assertEquals(3, r.iterations());
        for (double v : r.x()) {
            assertTrue(v >= 0);
        }
        double bb = LinearTolerances.norm(b) * LinearTolerances.norm(b);
        assertTrue(r.objective() < bb, "the objective decreased from x = 0");
        NnlsResult full = Nnls.solve(a, 200, 50, b);
        assertTrue(full.converged());
        assertTrue(full.iterations() > 3 && full.iterations() <= 150, "default limit 3n: " + full.iterations());
    }

    @Test
    void explicitDualToleranceIsUsed() {
        double[] a = gaussian(26, 20 * 3);
        double[] b = gaussian(27, 20);
        NnlsResult loose = Nnls.solve(a, 20, 3, b, Sign.uniform(3, Sign.NON_NEGATIVE),
                DEFAULTS.withDualTolerance(1e30), null);
        assertEquals(NnlsStatus.CONVERGED, loose.status());
        assertArrayEquals(new double[3], loose.x(), 0.0, "no column is worth entering");
    }

    @Test
    void resultIsADefensiveCopy() {
        double[] x = {1.0, 0.0};
        double[] w = {0.0, -1.0};
        boolean[] passive = {true, false};
        NnlsResult r = new NnlsResult(NnlsStatus.CONVERGED, x, w, passive, 1.0, 1.0, 2, 0.0);
        x[0] = 99;
        w[0] = 99;
        passive[0] = false;
        r.x()[1] = 99;
        r.dual()[1] = 99;
        r.passive()[1] = true;
        assertArrayEquals(new double[] {1.0, 0.0}, r.x(), 0.0);
        assertArrayEquals(new double[] {0.0, -1.0}, r.dual(), 0.0);
        assertArrayEquals(new boolean[] {true, false}, r.passive());
        assertEquals(r, new NnlsResult(NnlsStatus.CONVERGED, r.x(), r.dual(), r.passive(), 1.0, 1.0, 2, 0.0));
        assertNotEquals(r, new NnlsResult(NnlsStatus.MAX_ITERATIONS, r.x(), r.dual(), r.passive(), 1.0, 1.0, 2, 0.0));
    }

    @Test
    void inputsAreNotModified() {
        double[] a = gaussian(28, 15 * 4);
        double[] b = gaussian(29, 15);
        Sign[] signs = {Sign.NON_POSITIVE, Sign.FREE, Sign.NON_NEGATIVE, Sign.NON_NEGATIVE};
        double[] a0 = a.clone();
        double[] b0 = b.clone();
        Sign[] s0 = signs.clone();
        Nnls.solve(a, 15, 4, b, signs, DEFAULTS.withLambda(1.0), null);
        double[] ata = new double[16];
        double[] atb = new double[4];
        double btb = Nnls.gram(a, 15, 4, b, ata, atb);
        double[] ata0 = ata.clone();
        double[] atb0 = atb.clone();
        Nnls.solveGram(ata, atb, btb, 4, signs, DEFAULTS.withLambda(1.0), null);
        assertArrayEquals(a0, a, 0.0);
        assertArrayEquals(b0, b, 0.0);
        assertArrayEquals(s0, signs);
        assertArrayEquals(ata0, ata, 0.0);
        assertArrayEquals(atb0, atb, 0.0);
    }

    @Test
    void invalidInputFailsWithArgumentIndexAndValue() {
        double[] a = gaussian(30, 12);
        double[] b = gaussian(31, 4);
        Sign[] signs = Sign.uniform(3, Sign.NON_NEGATIVE);

        double[] nan = a.clone();
        nan[7] = Double.NaN;
        assertMessage("a[7] (row 2, column 1) = NaN; must be finite",
                () -> Nnls.solve(nan, 4, 3, b, signs, DEFAULTS, null));
        double[] inf = b.clone();
        inf[2] = Double.POSITIVE_INFINITY;
        assertMessage("b[2] = Infinity; must be finite", () -> Nnls.solve(a, 4, 3, inf, signs, DEFAULTS, null));
        assertMessage("a.length = 12; expected 15", () -> Nnls.solve(a, 5, 3, gaussian(1, 5), signs, DEFAULTS, null));
        assertMessage("b.length = 3; expected 4", () -> Nnls.solve(a, 4, 3, new double[3], signs, DEFAULTS, null));
        assertMessage("signs.length = 2; expected 3",
                () -> Nnls.solve(a, 4, 3, b, Sign.uniform(2, Sign.FREE), DEFAULTS, null));
        assertMessage("nRows = 0; must be > 0", () -> Nnls.solve(new double[0], 0, 3, new double[0]));
        assertMessage("lambda = -1.0; must be finite and >= 0", () -> DEFAULTS.withLambda(-1.0));
        assertMessage("maxIterations = -2; must be >= 0", () -> DEFAULTS.withMaxIterations(-2));
        assertMessage("dualTolerance = NaN; must be finite and >= 0", () -> DEFAULTS.withDualTolerance(Double.NaN));
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> Nnls.solve(a, 4, 3, b, new Sign[] {Sign.FREE, null, Sign.FREE}, DEFAULTS, null));
        assertEquals("signs[1] = null", npe.getMessage());

        double[] ata = {1.0, 0.5, 0.5, -2.0};
        assertMessage("ata[3] (row 1, column 1) = -2.0; a diagonal element of A'A must be >= 0",
                () -> Nnls.solveGram(ata, new double[2], 1.0, 2, Sign.uniform(2, Sign.FREE), DEFAULTS, null));
        assertMessage("ata[1] (row 0, column 1) = NaN; must be finite",
                () -> Nnls.solveGram(new double[] {1, Double.NaN, 0, 1}, new double[2], 1.0, 2,
                        Sign.uniform(2, Sign.FREE), DEFAULTS, null));
        assertMessage("btb = -1.0; must be finite and >= 0",
                () -> Nnls.solveGram(new double[] {1, 0, 0, 1}, new double[2], -1.0, 2,
                        Sign.uniform(2, Sign.FREE), DEFAULTS, null));
        assertMessage("a: column 0 has sum of squares = Infinity; A'A overflows, rescale the column",
                () -> Nnls.solve(new double[] {1e200, 1e200}, 2, 1, new double[] {1, 1}));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }
}
