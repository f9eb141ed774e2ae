package io.github.mmm4j.models.linear;

/**
 * The dense Cholesky kernel of the penalised normal equations that the hyperparameter search and the transform
 * tuner solve many times: factor {@code G + pen I = L L'} and solve {@code (G + pen I) b = c} by forward and back
 * substitution (Golub and Van Loan, "Matrix Computations", 4th ed., section 4.2). Row-major, stride {@code q},
 * allocation-free.
 */
public final class Cholesky {

    private Cholesky() {
    }

    /**
     * Factors {@code g + pen I} into its lower Cholesky factor.
     *
     * @param g (input) not modified; the symmetric {@code q x q} matrix, row-major
     * @param l (output) the lower factor, row-major; the strict upper triangle is not written
     * @param q the order
     * @param pen the ridge added to the diagonal, at least 0
     * @param relativePivot a pivot is accepted only above {@code relativePivot * (g_jj + pen)}; 0 accepts any
     *     positive pivot
     * @return false if the matrix is not (numerically) positive definite; {@code l} is then partly written
     */
    public static boolean factor(double[] g, double[] l, int q, double pen, double relativePivot) {
        for (int j = 0; j < q; j++) {
            int offJ = j * q;
            double d = g[offJ + j] + pen;
            for (int k = 0; k < j; k++) {
                d -= l[offJ + k] * l[offJ + k];
            }
            if (!(d > relativePivot * (g[offJ + j] + pen))) {
                return false;
            }
            double ljj = Math.sqrt(d);
            l[offJ + j] = ljj;
            for (int i = j + 1; i < q; i++) {
                int offI = i * q;
                double s = g[offI + j];
                for (int k = 0; k < j; k++) {
                    s -= l[offI + k] * l[offJ + k];
                }
                l[offI + j] = s / ljj;
            }
        }
        return true;
    }

    /**
     * Solves {@code L L' b = c} given the factor of {@link #factor}.
     *
     * @param l (input) not modified; the lower factor
     * @param c (input) not modified; the right-hand side, length at least {@code q}
     * @param b (output) the solution, length at least {@code q}
     * @param q the order
     */
    public static void solve(double[] l, double[] c, double[] b, int q) {
        for (int i = 0; i < q; i++) {
            double s = c[i];
            int off = i * q;
            for (int k = 0; k < i; k++) {
                s -= l[off + k] * b[k];
            }
            b[i] = s / l[off + i];
        }
        for (int i = q - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < q; k++) {
                s -= l[k * q + i] * b[k];
            }
            b[i] = s / l[i * q + i];
        }
    }
}
