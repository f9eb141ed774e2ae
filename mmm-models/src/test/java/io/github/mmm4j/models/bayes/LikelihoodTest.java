package io.github.mmm4j.models.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The likelihood over a range of rows: the pieces of a split add up to the whole, and rows outside are untouched. */
class LikelihoodTest {

    @Test
    void rangesAddUpToTheWholeAndLeaveOtherRowsAlone() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] r = new double[31];
        for (int i = 0; i < r.length; i++) {
            r[i] = rng.nextGaussian() * 0.8;
        }
        for (Likelihood lik : new Likelihood[] {Likelihood.normal(), Likelihood.studentT(4)}) {
            double[] gAll = new double[r.length];
            double[] gs = new double[1];
            double whole = lik.logLikelihood(r, r.length, 0.7, gAll, gs);
            double gsWhole = gs[0];
            double[] gParts = new double[r.length];
            java.util.Arrays.fill(gParts, Double.NaN);
            double parts = 0;
            double gsParts = 0;
            int[] cuts = {0, 10, 11, 24, 31};
            for (int k = 0; k + 1 < cuts.length; k++) {
                parts += lik.logLikelihood(r, cuts[k], cuts[k + 1], 0.7, gParts, gs);
                gsParts += gs[0];
            }
            assertEquals(whole, parts, 1e-12 * Math.abs(whole), lik.toString());
            assertEquals(gsWhole, gsParts, 1e-12 * Math.abs(gsWhole), lik.toString());
            assertArrayEquals(gAll, gParts, 1e-15, lik.toString());
            double[] g = new double[r.length];
            lik.logLikelihood(r, 5, 9, 0.7, g, gs);
            for (int i = 0; i < r.length; i++) {
                if (i < 5 || i >= 9) {
                    assertEquals(0.0, g[i], lik + " row " + i);
                }
            }
        }
    }
}
