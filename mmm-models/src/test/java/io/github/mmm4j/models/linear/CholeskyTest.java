package io.github.mmm4j.models.linear;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CholeskyTest {

    @Test
    void solvesTheRidgeSystemAndRefusesAnIndefiniteOne() {
        double[] g = {4, 2, 0, 2, 5, 1, 0, 1, 3};
        double[] x = {1, -2, 0.5};
        double pen = 0.5;
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                c[i] += (g[i * 3 + k] + (i == k ? pen : 0)) * x[k];
            }
        }
        double[] l = new double[9];
        double[] b = new double[3];
        assertTrue(Cholesky.factor(g, l, 3, pen, 1e-10));
        Cholesky.solve(l, c, b, 3);
        assertArrayEquals(x, b, 1e-12);
        assertFalse(Cholesky.factor(new double[] {1, 2, 2, 1}, new double[4], 2, 0, 0));
    }
}
