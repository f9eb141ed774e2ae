package io.github.mmm4j.models.bayes;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sampler tests. Every run uses a fixed seed and is deterministic; the stated failure probabilities are those of
 * a correct sampler over a random seed, with MCSE taken from the run's own ESS.
 */
class NutsTest {

    private static final NutsOptions OPTIONS = NutsOptions.defaults().withSeed(20240611L);

    private static double sampleVariance(double[] x) {
        return Diagnostics.variance(x, Diagnostics.mean(x));
    }

    private static double sampleCovariance(double[] x, double[] y) {
        double mx = Diagnostics.mean(x);
        double my = Diagnostics.mean(y);
        double cov = 0;
        for (int i = 0; i < x.length; i++) {
            cov += (x[i] - mx) * (y[i] - my);
        }
        return cov / (x.length - 1);
    }

    private static void assertAllFinite(NutsResult r) {
        for (NutsChain c : r.chains()) {
            for (double v : c.draws()) {
                assertTrue(Double.isFinite(v), "draw not finite");
            }
            for (double v : c.energy()) {
                assertTrue(Double.isFinite(v), "energy not finite");
            }
        }
    }

    @Test
    void iidStandardNormalIn10Dimensions() {
        NutsResult r = Nuts.sample(() -> new TestDensities.IndependentNormal(TestDensities.ones(10)), OPTIONS);
        assertEquals(NutsStatus.OK, r.status(), r.warnings().toString());
        assertEquals(0, r.divergences());
        assertEquals(10, r.summary().size());
        for (int j = 0; j < 10; j++) {
            ParameterSummary s = r.summary().get(j);
            // P(|mean| > 5 MCSE) = 5.7e-7 per parameter; 10 parameters: 6e-6.
            assertTrue(Math.abs(s.mean()) < BayesTolerances.MEAN_MCSE * s.mcseMean(), s.toString());
            // Variance estimate: relative sd about sqrt(2 / ESS_tail-ish) < sqrt(2 / 1500) = 0.037; 0.2 is > 5 sd.
            assertEquals(1.0, s.sd() * s.sd(), 0.2, s.toString());
            assertTrue(s.rhat() < 1.01, s.toString());
            assertTrue(s.essBulk() > 1000, s.toString());
        }
        for (NutsChain c : r.chains()) {
            // Stan adapts about 0.7-0.9 here; the metric of an iid normal is the identity.
            assertTrue(c.adaptedStepSize() > 0.4 && c.adaptedStepSize() < 1.5, "eps " + c.adaptedStepSize());
            for (double m : c.inverseMetric()) {
                assertEquals(1.0, m, 0.35);
            }
            double meanAccept = Diagnostics.mean(c.acceptStat());
            // adaptation target 0.8; as in Stan, the final step size exp(x_bar) is a little smaller than the
            // noisy warmup iterates, so the realised mean acceptance sits at or somewhat above the target
            assertTrue(meanAccept > 0.7 && meanAccept < 0.97, "mean accept " + meanAccept);
        }
    }

    @Test
    void correlatedGaussianRecoversCovariance() {
        NutsResult r = Nuts.sample(() -> new TestDensities.CorrelatedNormal(0.9), OPTIONS);
        assertEquals(NutsStatus.OK, r.status(), r.warnings().toString());
        double[] x = r.pooled(0);
        double[] y = r.pooled(1);
        double cov = sampleCovariance(x, y);
        double ess = Math.min(r.summary().get(0).essBulk(), r.summary().get(1).essBulk());
        // Standard errors of var and cov for a bivariate normal: sqrt(2/ESS) and sqrt((1 + rho^2)/ESS);
        // 6 standard errors: failure probability about 2e-9 per quantity.
        double se = Math.sqrt(2.0 / ess);
        assertEquals(1.0, sampleVariance(x), BayesTolerances.VARIANCE_SIGMAS * se);
        assertEquals(1.0, sampleVariance(y), BayesTolerances.VARIANCE_SIGMAS * se);
        assertEquals(0.9, cov, BayesTolerances.VARIANCE_SIGMAS * Math.sqrt(1.81 / ess));
        for (ParameterSummary s : r.summary()) {
            assertTrue(Math.abs(s.mean()) < BayesTolerances.MEAN_MCSE * s.mcseMean(), s.toString());
        }
    }

    /**
     * A dense metric on a 30-dimensional normal with correlations 0.95 and scales over two orders of magnitude: the
     * draws have the right means and correlation, and each gradient buys several times more effective draws than with
     * a diagonal metric (which cannot undo the correlation); same seed, same bits, whatever the parallelism.
     */
    @Test
    void denseMetricUndoesCorrelation() {
        double[] scale = new double[30];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = Math.exp(-2.3 + 4.6 * i / 29.0);
        }
        NutsOptions o = OPTIONS.withWarmup(1000).withDraws(1000);
        NutsResult dense = Nuts.sample(() -> new TestDensities.EquicorrelatedNormal(0.95, scale),
                o.withDenseMetric(true));
        NutsResult diag = Nuts.sample(() -> new TestDensities.EquicorrelatedNormal(0.95, scale), o);
        assertEquals(NutsStatus.OK, dense.status(), dense.warnings().toString());
        assertEquals(0, dense.divergences());
        // effective draws per leapfrog step (per gradient)
        double effDense = dense.minEssBulk() / meanLeapfrog(dense);
        double effDiag = diag.minEssBulk() / meanLeapfrog(diag);
        assertTrue(effDense > 3 * effDiag, "min ESS per leapfrog step: dense " + effDense + ", diagonal " + effDiag);
        for (ParameterSummary s : dense.summary()) {
            assertTrue(Math.abs(s.mean()) < BayesTolerances.MEAN_MCSE * s.mcseMean(), s.toString());
        }
        double[] x = dense.pooled(0);
        double[] y = dense.pooled(29);
        double corr = sampleCovariance(x, y) / Math.sqrt(sampleVariance(x) * sampleVariance(y));
        assertEquals(0.95, corr, 0.02);
        assertEquals(1.0, sampleVariance(y) / (scale[29] * scale[29]), 0.25);
        NutsResult again = Nuts.sample(() -> new TestDensities.EquicorrelatedNormal(0.95, scale),
                o.withDenseMetric(true), NutsControl.defaults().withParallelism(1));
        assertArrayEquals(dense.chains().get(3).draws(), again.chains().get(3).draws());
    }

    private static double meanLeapfrog(NutsResult r) {
        double s = 0;
        int n = 0;
        for (NutsChain c : r.chains()) {
            for (int l : c.leapfrogSteps()) {
                s += l;
                n++;
            }
        }
        return s / n;
    }

    @Test
    void massMatrixAdaptsToWildlyDifferentScalesIn100Dimensions() {
        double[] sd = new double[100];
        for (int i = 0; i < 100; i++) {
            sd[i] = Math.exp(-4 + 8.0 * i / 99); // 0.018 .. 55: variances span 3e6
        }
        NutsResult r = Nuts.sample(() -> new TestDensities.IndependentNormal(sd), OPTIONS);
        assertEquals(NutsStatus.OK, r.status(), r.warnings().toString());
        assertEquals(0, r.divergences());
        for (NutsChain c : r.chains()) {
            double[] m = c.inverseMetric();
            // the adapted inverse metric estimates the variances (last window: about 500 draws, rel. sd 0.07;
            // 40% is > 5 sd after the (n/(n+5)) shrinkage)
            for (int i = 0; i < 100; i++) {
                assertEquals(1.0, m[i] / (sd[i] * sd[i]), 0.4, "inverse metric " + i);
            }
            // With a unit metric the step size would be bounded by the smallest scale (about 0.02).
            assertTrue(c.adaptedStepSize() > 0.2, "eps " + c.adaptedStepSize());
        }
        for (int j = 0; j < 100; j++) {
            ParameterSummary s = r.summary().get(j);
            assertTrue(Math.abs(s.mean()) < BayesTolerances.MEAN_MCSE * s.mcseMean(), s.toString());
            // relative variance error sd about sqrt(2/ESS) <= 0.03 for ESS >= 2000: 0.25 is > 8 sd
            assertEquals(1.0, s.sd() * s.sd() / (sd[j] * sd[j]), 0.25, s.toString());
        }
    }

    @Test
    void funnelDivergencesAreDetectedAndReported() {
        // A lower target acceptance (larger steps) makes the neck's curvature bite: over seeds 0..9 this setting
        // gave 11 to 473 divergent transitions; treated as Poisson with mean >= 11, P(none) < 2e-5.
        NutsResult r = Nuts.sample(() -> new TestDensities.Funnel(10), OPTIONS.withTargetAccept(0.6));
        assertEquals(NutsStatus.WARNINGS, r.status());
        assertTrue(r.divergences() > 0, "the funnel's neck must produce divergences");
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("divergent")), r.warnings().toString());
        assertAllFinite(r);
        int flagged = 0;
        for (NutsChain c : r.chains()) {
            for (boolean b : c.divergent()) {
                flagged += b ? 1 : 0;
            }
        }
        assertEquals(r.divergences(), flagged);
    }

    @Test
    void nanLogDensityCountsAsDivergenceAndNeverReachesDraws() {
        NutsResult r = Nuts.sample(TestDensities.NanRegion::new, OPTIONS.withInitRadius(0.5));
        assertAllFinite(r);
        assertTrue(r.divergences() > 0, "steps into the NaN region must be divergent");
        for (NutsChain c : r.chains()) {
            for (double v : c.parameter(0)) {
                assertTrue(v <= 1.0, "a draw in the NaN region: " + v);
            }
            for (double v : c.logDensity()) {
                assertTrue(Double.isFinite(v));
            }
        }
        for (ParameterSummary s : r.summary()) {
            assertTrue(Double.isFinite(s.mean()) && Double.isFinite(s.essBulk()) && Double.isFinite(s.rhat()));
        }
    }

    @Test
    void sameSeedGivesBitIdenticalDrawsWithOneOrFourThreads() {
        NutsOptions o = OPTIONS.withWarmup(300).withDraws(300);
        NutsResult one = Nuts.sample(() -> new TestDensities.CorrelatedNormal(0.5), o,
                NutsControl.defaults().withParallelism(1));
        NutsResult four = Nuts.sample(() -> new TestDensities.CorrelatedNormal(0.5), o,
                NutsControl.defaults().withParallelism(4));
        assertEquals(one.gradientEvaluations(), four.gradientEvaluations());
        for (int c = 0; c < 4; c++) {
            NutsChain a = one.chains().get(c);
            NutsChain b = four.chains().get(c);
            assertArrayEquals(a.draws(), b.draws());
            assertArrayEquals(a.energy(), b.energy());
            assertArrayEquals(a.acceptStat(), b.acceptStat());
            assertArrayEquals(a.leapfrogSteps(), b.leapfrogSteps());
            assertArrayEquals(a.inverseMetric(), b.inverseMetric());
            assertEquals(a.adaptedStepSize(), b.adaptedStepSize());
        }
        NutsResult other = Nuts.sample(() -> new TestDensities.CorrelatedNormal(0.5), o.withSeed(1));
        assertFalse(java.util.Arrays.equals(one.chains().get(0).draws(), other.chains().get(0).draws()));
        assertFalse(java.util.Arrays.equals(one.chains().get(0).draws(), one.chains().get(1).draws()));
    }

    @Test
    void cancellationFromProgressReturnsPromptlyWithStatusCancelled() {
        CancellationToken token = new CancellationToken();
        AtomicInteger calls = new AtomicInteger();
        NutsProgress progress = (chain, iteration, phase) -> {
            if (calls.incrementAndGet() == 50) {
                token.cancel();
            }
        };
        NutsResult r = Nuts.sample(() -> new TestDensities.IndependentNormal(TestDensities.ones(3)), OPTIONS,
                NutsControl.defaults().withParallelism(2).withProgress(progress).withCancellation(token));
        assertEquals(NutsStatus.CANCELLED, r.status());
        assertTrue(r.summary().isEmpty());
        // each of the 4 chains stops within one iteration of the cancel: far fewer than 8000 iterations ran
        assertTrue(calls.get() < 200, "iterations after cancel: " + calls.get());
        assertAllFinite(r);
    }

    @Test
    void cancelledBeforeStartReturnsNoDraws() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        NutsResult r = Nuts.sample(() -> new TestDensities.IndependentNormal(TestDensities.ones(2)), OPTIONS,
                NutsControl.defaults().withCancellation(token));
        assertEquals(NutsStatus.CANCELLED, r.status());
        for (NutsChain c : r.chains()) {
            assertEquals(0, c.completedDraws());
        }
    }

    @Test
    void progressReportsEveryIterationOfEveryPhase() {
        AtomicInteger warm = new AtomicInteger();
        AtomicInteger samp = new AtomicInteger();
        NutsOptions o = OPTIONS.withChains(2).withWarmup(100).withDraws(60);
        NutsResult r = Nuts.sample(() -> new TestDensities.IndependentNormal(TestDensities.ones(2)), o,
                NutsControl.defaults().withProgress((chain, it, phase) ->
                        (phase == NutsProgress.Phase.WARMUP ? warm : samp).incrementAndGet()));
        assertEquals(200, warm.get());
        assertEquals(120, samp.get());
        assertEquals(60, r.chains().get(1).completedDraws());
    }

    @Test
    void gradientEvaluationCounterIsExact() {
        AtomicLong counter = new AtomicLong();
        NutsResult r = Nuts.sample(() -> new TestDensities.Counting(
                new TestDensities.IndependentNormal(TestDensities.ones(4)), counter), OPTIONS.withWarmup(200));
        assertEquals(counter.get(), r.gradientEvaluations());
        long leapfrog = 0;
        long perChain = 0;
        for (NutsChain c : r.chains()) {
            for (int n : c.leapfrogSteps()) {
                leapfrog += n;
                assertTrue(n >= 1 && n <= 1023);
            }
            perChain += c.gradientEvaluations();
        }
        assertEquals(r.gradientEvaluations(), perChain);
        // sampling leapfrog steps plus warmup, initialisation and step size searches
        assertTrue(r.gradientEvaluations() > leapfrog);
    }

    @Test
    void initialisationFailureIsAStatusNotAnException() {
        LogDensity nowhere = new LogDensity() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double logDensityGradient(double[] theta, double[] gradOut) {
                return Double.NEGATIVE_INFINITY;
            }
        };
        NutsResult r = Nuts.sample(() -> nowhere, OPTIONS.withChains(1));
        assertEquals(NutsStatus.INITIALIZATION_FAILED, r.status());
        assertEquals(100, r.gradientEvaluations());
        assertTrue(r.warnings().get(0).contains("initial point"), r.warnings().toString());

        NutsResult bad = Nuts.sample(TestDensities.NanRegion::new, OPTIONS.withChains(2),
                NutsControl.defaults().withInitialPoints(new double[][] {{0, 0}, {2, 0}}));
        assertEquals(NutsStatus.INITIALIZATION_FAILED, bad.status());
        assertTrue(bad.summary().isEmpty());
    }

    @Test
    void userInitialPointsAndNamesAreUsed() {
        NutsResult r = Nuts.sample(() -> new TestDensities.IndependentNormal(TestDensities.ones(2)),
                OPTIONS.withChains(2).withWarmup(0).withDraws(5),
                NutsControl.defaults().withInitialPoints(new double[][] {{0.1, 0.2}, {-0.3, 0.4}})
                        .withParameterNames(List.of("a", "b")));
        assertEquals(List.of("a", "b"), r.parameterNames());
        assertEquals("b", r.summary().get(1).name());
        assertEquals(5, r.chains().get(0).completedDraws());
    }

    @Test
    void modelExceptionsPropagate() {
        LogDensity broken = new LogDensity() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double logDensityGradient(double[] theta, double[] gradOut) {
                throw new IllegalStateException("model bug");
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Nuts.sample(() -> broken, OPTIONS, NutsControl.defaults().withParallelism(4)));
        assertEquals("model bug", e.getMessage());
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.withChains(0));
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.withTargetAccept(1.0));
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.withMaxTreeDepth(0));
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.withInitRadius(-1));
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.withInitialStepSize(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> NutsControl.defaults().withParallelism(-1));
        NutsOptions d = NutsOptions.defaults();
        assertEquals(4, d.chains());
        assertEquals(1000, d.warmup());
        assertEquals(10, d.maxTreeDepth());
        assertEquals(0.8, d.targetAccept());
        assertEquals(2.0, d.initRadius());
        assertNotEquals(d, d.withSeed(7));
        assertThrows(IllegalArgumentException.class, () -> Nuts.sample(
                () -> new TestDensities.IndependentNormal(TestDensities.ones(2)), OPTIONS,
                NutsControl.defaults().withInitialPoints(new double[][] {{0, 0}})));
    }

    @Test
    void resultArraysAreCopies() {
        NutsResult r = Nuts.sample(() -> new TestDensities.IndependentNormal(TestDensities.ones(2)),
                OPTIONS.withChains(1).withWarmup(50).withDraws(10));
        NutsChain c = r.chains().get(0);
        double[] draws = c.draws();
        double first = draws[0];
        draws[0] = 1e9;
        assertEquals(first, c.draws()[0]);
        assertSame(r.options().getClass(), NutsOptions.class);
    }
}
