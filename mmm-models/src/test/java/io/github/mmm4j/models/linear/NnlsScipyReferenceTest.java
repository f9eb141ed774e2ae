package io.github.mmm4j.models.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares {@link Nnls} with {@code scipy.optimize.nnls} (scipy 1.17) on the fixed problems of
 * {@code linear/nnls_reference.txt}, written by {@code linear/make_nnls_reference.py}. Where {@code A} has
 * full column rank the solution is unique and the coefficients must agree to
 * {@link LinearTolerances#SOLUTION}; otherwise (duplicate, zero or dependent columns, more columns than
 * rows) only the objective is unique, and it must agree to {@link LinearTolerances#OBJECTIVE}.
 */
class NnlsScipyReferenceTest {

    static List<ReferenceData.Case> cases() {
        return ReferenceData.read("/linear/nnls_reference.txt");
    }

    @Test
    void referenceFileHasTheDocumentedCases() {
        List<ReferenceData.Case> cases = cases();
        assertEquals(11, cases.size());
        assertTrue(cases.stream().anyMatch(c -> c.rows() == 156 && c.cols() == 12));
        assertTrue(cases.stream().anyMatch(c -> c.rows() < c.cols()), "a wide case");
        assertTrue(cases.stream().anyMatch(c -> c.header().get(4).equals("0")), "a rank-deficient case");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matrixEntryMatchesScipy(ReferenceData.Case c) {
        double[] a = c.get("A");
        double[] b = c.get("b");
        NnlsResult r = Nnls.solve(a, c.rows(), c.cols(), b);
        assertMatches(c, r);
        LinearTolerances.assertKkt(a, c.rows(), c.cols(), b, Sign.uniform(c.cols(), Sign.NON_NEGATIVE), 0.0, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gramEntryMatchesScipy(ReferenceData.Case c) {
        double[] a = c.get("A");
        double[] b = c.get("b");
        int n = c.cols();
        double[] ata = new double[n * n];
        double[] atb = new double[n];
        double btb = Nnls.gram(a, c.rows(), n, b, ata, atb);
        NnlsResult r = Nnls.solveGram(ata, atb, btb, n, Sign.uniform(n, Sign.NON_NEGATIVE),
                NnlsOptions.DEFAULTS, new NnlsWorkspace());
        assertMatches(c, r);
        LinearTolerances.assertKkt(a, c.rows(), n, b, Sign.uniform(n, Sign.NON_NEGATIVE), 0.0, r);
    }

    private static void assertMatches(ReferenceData.Case c, NnlsResult r) {
        assertEquals(NnlsStatus.CONVERGED, r.status());
        double[] b = c.get("b");
        double bb = LinearTolerances.norm(b) * LinearTolerances.norm(b);
        double rnorm = c.scalar("rnorm");
        assertEquals(rnorm * rnorm, r.objective(), LinearTolerances.OBJECTIVE * bb, "objective");
        boolean unique = c.header().get(4).equals("1");
        if (unique) {
            double[] expected = c.get("x");
            double[] x = r.x();
            double tol = LinearTolerances.SOLUTION * Math.max(1, LinearTolerances.maxAbs(expected));
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[j], x[j], tol, "x[" + j + "]");
            }
        }
    }
}
