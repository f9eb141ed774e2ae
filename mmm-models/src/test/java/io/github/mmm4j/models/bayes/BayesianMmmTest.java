package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fits on small simulated data with short chains: options, ROI priors, lift-test calibration, cancellation,
 * progress, determinism and input validation. Runs are seeded and deterministic; where a check is statistical its
 * tolerance is stated with the reason.
 */
class BayesianMmmTest {

    private static final MmmDataset DATA = BayesTestData.small(5, 104, 1);
    private static final BayesOptions SHORT = BayesOptions.defaults().withChains(2).withWarmup(300).withDraws(300)
            .withSeed(7);

    private static double predictedLift(FittedModel m, int ts, int te, double[] spend) {
        double[] base = m.predict(DATA);
        double[] changed = m.predict(DATA.withSpend(spend));
        double lift = 0;
        for (int t = ts; t < DATA.nPeriods(); t++) {
            lift += changed[t] - base[t];
        }
        return lift;
    }

    @Test
    void sameSeedGivesTheSameDrawsForAnyParallelism() {
        BayesOptions o = SHORT.withWarmup(100).withDraws(50);
        FittedModel a = BayesianMmm.fit(DATA, ModelSpec.defaults(DATA), o.withParallelism(1));
        FittedModel b = BayesianMmm.fit(DATA, ModelSpec.defaults(DATA), o.withParallelism(2));
        assertArrayEquals(a.samplerDiagnostics().orElseThrow().parameterDraws("effect[tv]"), b.samplerDiagnostics().orElseThrow().parameterDraws("effect[tv]"));
        assertArrayEquals(a.predict(DATA), b.predict(DATA));
        FittedModel c = BayesianMmm.fit(DATA, ModelSpec.defaults(DATA), o.withSeed(8));
        assertTrue(a.samplerDiagnostics().orElseThrow().parameterDraws("sigma")[0] != c.samplerDiagnostics().orElseThrow().parameterDraws("sigma")[0]);
    }

    @Test
    void recoversTheSimulatedControlWithHoldoutAndStandardizedControls() {
        FittedModel m = BayesianMmm.fit(DATA, ModelSpec.defaults(DATA), SHORT.withHoldout(8));
        assertEquals(600, m.drawCount());
        assertTrue(m.testMetrics().isPresent());
        assertTrue(m.trainMetrics().r2() > 0.8, m.trainMetrics().toString());
        // price enters standardised; in KPI units its coefficient is -6 per unit (sd of price about 1, noise 4,
        // 96 rows: posterior sd about 0.45, so 2.3 is 5 posterior sds)
        int price = m.draw(0).columnNames().indexOf("price");
        double mean = 0;
        for (int i = 0; i < m.drawCount(); i++) {
            mean += m.draw(i).coefficients()[price] / m.drawCount();
        }
        assertEquals(mean, m.coefficients()[price], 1e-9 * Math.abs(mean));
        assertEquals(-6.0, mean, 2.3);
        assertTrue(m.samplerDiagnostics().orElseThrow().maxRhat() < 1.05);
    }

    @Test
    void roiPriorSetsTheChannelRoi() {
        // a very tight ROI prior pins roi[tv] (training window = whole window here) whatever the data say
        BayesPriors priors = BayesPriors.defaults().withoutMediaContribution().withChannel("tv",
                ChannelPriors.defaults().withRoi(Prior.LogNormal.ofMeanSd(0.02, 0.0002)));
        FittedModel m = BayesianMmm.fit(DATA, ModelSpec.defaults(DATA), SHORT.withPriors(priors));
        assertEquals(0.02, m.channels().get(0).roi(), 0.0015);
        assertEquals(m.samplerDiagnostics().orElseThrow().summary("roi[tv]").mean(), m.channels().get(0).roi(), 1e-9);
        assertTrue(m.samplerDiagnostics().orElseThrow().unconstrainedNames().contains("log_roi[tv]"));
        assertTrue(m.samplerDiagnostics().orElseThrow().unconstrainedNames().contains("log_contribution[search]"));
    }

    @Test
    void mediaContributionPriorHasTheStatedMomentsAndIsTheDefault() {
        // roi_mean = m K / sum C, roi_sd = s K / sqrt(sum C^2); the LogNormal's own mean and sd equal them
        double[] cost = {300, 100};
        double kpi = 10_000;
        Prior.LogNormal p = new BayesPriors.MediaContribution(0.25, 0.25).roiPrior(kpi, cost);
        double mean = Math.exp(p.mu() + p.sigma() * p.sigma() / 2);
        double sd = mean * Math.sqrt(Math.expm1(p.sigma() * p.sigma()));
        assertEquals(0.25 * kpi / 400, mean, 1e-12);
        assertEquals(0.25 * kpi / Math.sqrt(300.0 * 300 + 100 * 100), sd, 1e-9);
        // every channel without an override gets it, on its ROI; an override keeps its own prior
        FittedModel m = BayesianMmm.fit(DATA, ModelSpec.defaults(DATA), SHORT.withPriors(BayesPriors.defaults()
                .withChannel("search", ChannelPriors.defaults())));
        List<String> names = m.samplerDiagnostics().orElseThrow().unconstrainedNames();
        assertTrue(names.contains("log_roi[tv]"), names.toString());
        assertTrue(names.contains("log_contribution[search]"), names.toString());
        assertTrue(m.provenance().options().get("priors").contains("MediaContribution[mean=0.25, sd=0.25]"),
                m.provenance().options().get("priors"));
    }

    @Test
    void liftTestCalibratesThePredictedLift() {
        // an experiment claiming a lift far from the data's answer, measured precisely, dominates the fit
        LocalDate start = LocalDate.of(2022, 5, 2);
        LocalDate end = LocalDate.of(2022, 5, 23);
        double spendChange = 2000;
        double claimed = 25;
        LiftTest lift = new LiftTest("tv", start, end, spendChange, claimed, 0.5);
        int ts = DATA.time().indexOf(start);
        int te = DATA.time().indexOf(end);
        double[] spend = DATA.spend();
        for (int t = ts; t <= te; t++) {
            spend[t * DATA.nChannels()] += spendChange / (te - ts + 1);
        }
        FittedModel m = BayesianMmm.fit(DATA, ModelSpec.defaults(DATA), SHORT.withLiftTests(List.of(lift)));
        // the model's own prediction on the changed spend, over the test and the adstock window after it; the
        // posterior sd of the predicted lift is about the test's se (0.5)
        assertEquals(claimed, predictedLift(m, ts, te, spend), 2.0);
        FittedModel free = BayesianMmm.fit(DATA, ModelSpec.defaults(DATA), SHORT);
        double freeLift = predictedLift(free, ts, te, spend);
        assertTrue(Math.abs(freeLift - claimed) > 10, "without the test the lift is " + freeLift);
    }

    @Test
    void studentTAndOtherTransformsFit() {
        ModelSpec spec = new ModelSpec(List.of(
                new ChannelSpec("tv", Adstock.delayed(0.5, 1, 6, true), Saturation.logistic(1)),
                new ChannelSpec("search", Adstock.geometric(0.3, 4, true), Saturation.michaelisMenten(1, 1))),
                true, 1);
        FittedModel m = BayesianMmm.fit(DATA, spec, SHORT.withLikelihood(Likelihood.studentT(5)));
        assertTrue(m.samplerDiagnostics().orElseThrow().parameterNames().contains("theta[tv]"));
        assertTrue(m.samplerDiagnostics().orElseThrow().parameterNames().contains("lambda[search]"));
        assertTrue(m.parameterNames().contains("tv.adstock.theta"));
        assertTrue(m.trainMetrics().r2() > 0.8);
        assertEquals("student-t(5.0)", m.provenance().options().get("likelihood"));
    }

    @Test
    void progressIsReportedAndCancellationStopsTheFit() {
        AtomicInteger calls = new AtomicInteger();
        BayesOptions o = SHORT.withWarmup(50).withDraws(20).withProgress((c, i, p) -> calls.incrementAndGet());
        BayesianMmm.fit(DATA, ModelSpec.defaults(DATA), o);
        assertEquals(2 * 70, calls.get());

        CancellationToken early = new CancellationToken();
        early.cancel();
        assertThrows(CancellationException.class,
                () -> BayesianMmm.fit(DATA, ModelSpec.defaults(DATA), SHORT.withCancellation(early)));

        CancellationToken late = new CancellationToken();
        FittedModel m = BayesianMmm.fit(DATA, ModelSpec.defaults(DATA), SHORT.withParallelism(1)
                .withCancellation(late).withProgress((c, i, p) -> {
                    if (c == 1 && p == NutsProgress.Phase.SAMPLING && i == 9) {
                        late.cancel();
                    }
                }));
        assertEquals(NutsStatus.CANCELLED, m.samplerDiagnostics().orElseThrow().status());
        assertEquals(2 * 10, m.drawCount());
    }

    @Test
    void aFamilyWithoutADefaultPriorIsSampledOnceGivenOne() {
        // tanh has no default prior on its type, so it is refused by default; with a prior for its one free parameter
        // it is sampled through the generic reverse-mode path, and the gradient is right
        ModelSpec spec = ModelSpec.defaults(DATA).withChannel(
                new ChannelSpec("tv", Adstock.geometric(0.5, 8, true), Saturation.tanh(1, 1)));
        BayesOptions o = SHORT.withPriors(BayesPriors.defaults().withChannel("tv",
                ChannelPriors.defaults().withSaturation("c", new Prior.LogNormal(0, 0.5))));
        MmmLogDensity ld = BayesianMmm.logDensity(DATA, spec, o);
        double[] theta = new double[ld.dimension()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 0.1 * Math.sin(i + 1);
        }
        assertTrue(GradientCheck.maxRelativeError(ld, theta, 1e-6) < 1e-5);
        assertTrue(ld.constrainedNames().contains("c[tv]"), ld.constrainedNames().toString());
    }

    @Test
    void rejectsInvalidConfigurations() {
        ModelSpec spec = ModelSpec.defaults(DATA);
        BayesOptions o = SHORT;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BayesianMmm.logDensity(DATA,
                spec.withChannel(new ChannelSpec("tv", Adstock.geometric(0.5, 8, true), Saturation.tanh(1, 1))), o));
        assertTrue(e.getMessage().contains("tv"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BayesianMmm.logDensity(DATA, spec,
                o.withPriors(BayesPriors.defaults().withChannel("tv",
                        ChannelPriors.defaults().withSaturation("ec", new Prior.Beta(2, 2))))));
        assertTrue(e.getMessage().contains("ec"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BayesianMmm.logDensity(DATA, spec,
                o.withPriors(BayesPriors.defaults().withChannel("tv",
                        ChannelPriors.defaults().withAdstock("decay", new Prior.Beta(2, 2))))));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BayesianMmm.logDensity(DATA, spec,
                o.withPriors(BayesPriors.defaults().withChannel("radio", ChannelPriors.defaults()))));
        assertTrue(e.getMessage().contains("radio"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BayesianMmm.logDensity(DATA, spec, o.withLiftTests(
                List.of(new LiftTest("radio", LocalDate.of(2022, 5, 2), LocalDate.of(2022, 5, 9), 1, 1, 1)))));
        assertTrue(e.getMessage().contains("liftTests[0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BayesianMmm.logDensity(DATA, spec, o.withLiftTests(
                List.of(new LiftTest("tv", LocalDate.of(2030, 5, 2), LocalDate.of(2030, 5, 9), 1, 1, 1)))));
        assertTrue(e.getMessage().contains("no period"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BayesianMmm.logDensity(DATA, spec, o.withLiftTests(
                List.of(new LiftTest("tv", LocalDate.of(2022, 5, 2), LocalDate.of(2022, 5, 9), -1e7, -1, 1)))));
        assertTrue(e.getMessage().contains("cuts more than"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BayesianMmm.logDensity(DATA, spec, o.withHoldout(103)));
        assertThrows(IllegalArgumentException.class, () -> new ChannelPriors(new Prior.Normal(0, 1), null,
                Map.of(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> BayesOptions.defaults().withLevel(1.0));
        assertThrows(NullPointerException.class, () -> BayesianMmm.fit(null, spec, o));
    }

    @Test
    void priorsAndLikelihoodsHaveTheDocumentedDensities() {
        Prior.LogNormal ln = Prior.LogNormal.ofMeanSd(2.0, 0.5);
        assertEquals(2.0, ln.mean(), 1e-12);
        double var = (Math.exp(ln.sigma() * ln.sigma()) - 1) * Math.exp(2 * ln.mu() + ln.sigma() * ln.sigma());
        assertEquals(0.25, var, 1e-12);
        double h = 1e-6;
        for (Prior p : List.of(new Prior.Normal(1, 2), new Prior.HalfNormal(2), ln, new Prior.Gamma(3, 2),
                new Prior.Beta(2, 3))) {
            double x = 0.4;
            assertEquals((p.logDensity(x + h) - p.logDensity(x - h)) / (2 * h), p.derivative(x), 1e-6, p.toString());
        }
        assertEquals(Math.log(0.4) * 2 - 2 * 0.4, new Prior.Gamma(3, 2).logDensity(0.4), 1e-15);
        double[] r = {0.5, -1.0, 2.0};
        double[] g = new double[3];
        double[] gs = new double[1];
        double ll = Likelihood.studentT(3).logLikelihood(r, 3, 1.5, g, gs);
        double expect = 0;
        for (double ri : r) {
            expect += -Math.log(1.5) - 2 * Math.log1p(ri * ri / (3 * 1.5 * 1.5));
        }
        assertEquals(expect, ll, 1e-12);
    }
}
