package io.github.mmm4j.models.bayes;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unit tests of {@link Diagnostics} on constructed chains. */
class DiagnosticsTest {

    private static double[][] iidNormal(long seed, int chains, int n, double[] shift) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[chains][n];
        for (int c = 0; c < chains; c++) {
            for (int i = 0; i < n; i++) {
                double u = rng.nextDouble();
                x[c][i] = Diagnostics.normalQuantile(u == 0 ? 0.5 : u) + shift[c];
            }
        }
        return x;
    }

    @Test
    void normalQuantileMatchesRsQnorm() {
        assertEquals(0.0, Diagnostics.normalQuantile(0.5), 0.0);
        assertEquals(1.959963984540054, Diagnostics.normalQuantile(0.975), 1e-15);
        assertEquals(-1.6448536269514729, Diagnostics.normalQuantile(0.05), 1e-15);
        assertEquals(-3.090232306167813, Diagnostics.normalQuantile(0.001), 1e-14);
        assertEquals(-6.361340902404056, Diagnostics.normalQuantile(1e-10), 1e-13);
        assertEquals(-9.262340089798408, Diagnostics.normalQuantile(1e-20), 1e-12);
    }

    @Test
    void quantileIsRType7() {
        double[] x = {4, 1, 3, 2};
        assertEquals(1.15, Diagnostics.quantile(x, 0.05), 1e-15);
        assertEquals(2.5, Diagnostics.quantile(x, 0.5), 1e-15);
        assertEquals(4.0, Diagnostics.quantile(x, 1.0), 0.0);
        assertEquals(1.0, Diagnostics.quantile(x, 0.0), 0.0);
        assertEquals(4.0, x[0], 0.0); // input not modified
    }

    @Test
    void iidChainsHaveRhatNearOneAndEssNearDrawCount() {
        // 4 x 1000 iid normals: R-hat - 1 has sd about 1e-3 and ESS/S has sd about 0.03 (failure prob. < 1e-6).
        double[][] x = iidNormal(11, 4, 1000, new double[4]);
        assertEquals(1.0, Diagnostics.rhat(x), 0.01);
        assertEquals(4000, Diagnostics.essBulk(x), 800);
        assertEquals(4000, Diagnostics.essMean(x), 800);
        assertTrue(Diagnostics.essTail(x) > 2500);
        // mcse of the mean of iid unit normals: 1/sqrt(4000)
        assertEquals(1.0 / Math.sqrt(4000), Diagnostics.mcseMean(x), 0.004);
    }

    @Test
    void shiftedChainRaisesRhat() {
        double[][] x = iidNormal(12, 4, 500, new double[] {0, 0, 0, 1.0});
        assertTrue(Diagnostics.rhat(x) > 1.05, "rhat " + Diagnostics.rhat(x));
    }

    @Test
    void scaleDifferenceIsCaughtByTheFoldedRhat() {
        // same location, one chain 3x wider: bulk R-hat barely moves, the folded (tail) R-hat does
        double[][] x = iidNormal(13, 4, 1000, new double[4]);
        for (int i = 0; i < 1000; i++) {
            x[3][i] *= 3.0;
        }
        double bulk = Diagnostics.rhatPlain(Diagnostics.zScale(Diagnostics.split(x),
                Diagnostics.RankMapping.RSTAN_2_21));
        assertTrue(bulk < 1.01, "bulk " + bulk);
        assertTrue(Diagnostics.rhat(x) > 1.05, "rhat " + Diagnostics.rhat(x));
    }

    @Test
    void autocorrelatedChainsHaveLowEss() {
        // AR(1) with phi = 0.9: ESS/S = (1 - phi)/(1 + phi) = 0.053, about 210 of 4000
        SplittableRandom rng = new SplittableRandom(14);
        double[][] x = new double[4][1000];
        for (int c = 0; c < 4; c++) {
            double v = 0;
            for (int i = 0; i < 1000; i++) {
                v = 0.9 * v + Math.sqrt(1 - 0.81) * Diagnostics.normalQuantile(rng.nextDouble());
                x[c][i] = v;
            }
        }
        double ess = Diagnostics.essBulk(x);
        assertTrue(ess > 120 && ess < 350, "ess " + ess);
    }

    @Test
    void oddLengthSplitDropsTheMiddleDraw() {
        double[][] s = Diagnostics.split(new double[][] {{1, 2, 3, 4, 5}});
        assertEquals(2, s.length);
        assertEquals(List.of(1.0, 2.0), List.of(s[0][0], s[0][1]));
        assertEquals(List.of(4.0, 5.0), List.of(s[1][0], s[1][1]));
    }

    @Test
    void constantDrawsGiveUndefinedDiagnostics() {
        double[][] x = {{1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}};
        assertTrue(Double.isNaN(Diagnostics.essMean(x)));
        ParameterSummary s = Diagnostics.summarizeOne("c", x);
        assertEquals(1.0, s.mean(), 0.0);
        assertEquals(0.0, s.sd(), 0.0);
    }

    @Test
    void ebfmiOfIidEnergyIsAboutTwoAndOfARandomWalkIsSmall() {
        SplittableRandom rng = new SplittableRandom(15);
        double[] iid = new double[4000];
        double[] walk = new double[4000];
        double w = 0;
        for (int i = 0; i < iid.length; i++) {
            iid[i] = Diagnostics.normalQuantile(rng.nextDouble());
            w += 0.05 * iid[i];
            walk[i] = w;
        }
        // E[(x_t - x_{t-1})^2] = 2 var for iid draws; relative sd about 0.03
        assertEquals(2.0, Diagnostics.ebfmi(iid), 0.25);
        assertTrue(Diagnostics.ebfmi(walk) < 0.3);
    }

    @Test
    void summarizeUsesRowMajorLayoutAndNames() {
        double[][] a = iidNormal(16, 2, 200, new double[2]);
        double[][] b = iidNormal(17, 2, 200, new double[] {5, 5});
        double[][] flat = new double[2][400];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 200; i++) {
                flat[c][2 * i] = a[c][i];
                flat[c][2 * i + 1] = b[c][i];
            }
        }
        List<ParameterSummary> s = Diagnostics.summarize(flat, 2, List.of("a", "b"));
        assertEquals(Diagnostics.summarizeOne("a", a), s.get(0));
        assertEquals(Diagnostics.summarizeOne("b", b), s.get(1));
        assertEquals("theta[2]", Diagnostics.summarize(flat, 2, null).get(1).name());
    }

    @Test
    void badInputFailsWithNamedArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Diagnostics.essBulk(new double[][] {{1, 2, Double.NaN, 4}}));
        assertTrue(e.getMessage().contains("chains[0][2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Diagnostics.rhat(new double[][] {{1, 2, 3}}));
        assertThrows(IllegalArgumentException.class,
                () -> Diagnostics.rhat(new double[][] {{1, 2, 3, 4}, {1, 2, 3, 4, 5}}));
        assertThrows(IllegalArgumentException.class, () -> Diagnostics.quantile(new double[] {1}, 1.5));
    }
}
