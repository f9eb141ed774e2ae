package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.synthetic.ChannelTruth;
import io.github.mmm4j.synthetic.Generated;
import io.github.mmm4j.synthetic.Presets;
import io.github.mmm4j.synthetic.Synthetic;
import io.github.mmm4j.transforms.Saturation;
import io.github.mmm4j.transforms.Tanh;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact synthetic experiments of every kind (heavy-up, spend cut, go-dark, several tests on one channel) calibrate the
 * Bayesian model as they should: each pulls the channel's ROI toward the truth, and a more precise test never widens
 * the interval. The true lift of each experiment is computed from the generating process over the same periods the
 * model compares (the test and its adstock window; see {@link LiftTest}).
 */
class ExperimentCalibrationTest {

    private static final BayesOptions OPTIONS = BayesOptions.defaults().withChains(2).withWarmup(400).withDraws(400)
            .withSeed(5);
    private static Generated g;
    private static MmmDataset data;
    private static ModelSpec spec;
    private static String channel;
    private static double trueRoi;
    private static double freeError;

    @BeforeAll
    static void fitWithoutTests() {
        g = Synthetic.generate(Presets.realistic(), 3);
        data = g.data();
        List<ChannelSpec> cs = new ArrayList<>();
        for (ChannelTruth t : g.truth().channels()) {
            Saturation s = t.saturation() instanceof Tanh ? Saturation.hill(1, 1) : t.saturation();
            cs.add(new ChannelSpec(t.name(), t.adstock(), s));
        }
        spec = new ModelSpec(cs, true, 2);
        FittedModel free = BayesianMmm.fit(data, spec, OPTIONS);
        // the channel the data alone estimate worst, relative to its truth
        double worst = -1;
        for (ChannelTruth t : g.truth().channels()) {
            double e = Math.abs(free.channel(t.name()).roi() - t.roi()) / t.roi();
            if (e > worst) {
                worst = e;
                channel = t.name();
                trueRoi = t.roi();
            }
        }
        freeError = Math.abs(free.channel(channel).roi() - trueRoi);
    }

    /** The true lift of multiplying the channel's spend by {@code factor} from period ts to te, over ts..te+maxLag. */
    static double trueLift(int ts, int te, double factor) {
        return g.truth().experimentLift(data.channelIndex(channel), -1, ts, te, factor);
    }

    private static LiftTest test(int ts, int te, double factor, double relSe, boolean asChange) {
        double lift = trueLift(ts, te, factor);
        LocalDate a = data.time().date(ts);
        LocalDate b = data.time().date(te);
        if (!asChange) {
            return LiftTest.ofMultiplier(channel, a, b, factor, lift, relSe * Math.abs(lift));
        }
        int c = data.channelIndex(channel);
        double window = 0;
        for (int s = ts; s <= te; s++) {
            window += data.spend(s, c);
        }
        return new LiftTest(channel, a, b, (factor - 1) * window, lift, relSe * Math.abs(lift));
    }

    /** The first 8-week window from period 60 on in which the channel spends in every week. */
    private static int window(int from) {
        int c = data.channelIndex(channel);
        for (int ts = from; ts + 8 < data.nPeriods(); ts++) {
            boolean all = true;
            for (int s = ts; s < ts + 8; s++) {
                all &= data.spend(s, c) > 0;
            }
            if (all) {
                return ts;
            }
        }
        throw new AssertionError("no 8-week window with spend for " + channel);
    }

    private static FittedModel fit(List<LiftTest> tests) {
        return BayesianMmm.fit(data, spec, OPTIONS.withLiftTests(tests));
    }

    @Test
    void everyKindOfExperimentPullsTheEstimateTowardTheTruth() {
        int w1 = window(60);
        int w2 = window(w1 + 20);
        List<List<LiftTest>> kinds = List.of(List.of(test(w1, w1 + 7, 1.5, 0.05, false)),
                List.of(test(w1, w1 + 7, 0.5, 0.05, true)), List.of(test(w1, w1 + 7, 0, 0.05, false)),
                List.of(test(w1, w1 + 7, 0, 0.1, false), test(w2, w2 + 7, 1.5, 0.1, true)));
        List<String> names = List.of("heavy-up x1.5", "cut of half the spend", "go dark", "two tests");
        for (int k = 0; k < kinds.size(); k++) {
            FittedModel m = fit(kinds.get(k));
            double err = Math.abs(m.channel(channel).roi() - trueRoi);
            assertTrue(err < freeError, names.get(k) + ": " + channel + " ROI " + m.channel(channel).roi() + " vs truth "
                    + trueRoi + " (without tests off by " + freeError + ")");
            Interval iv = m.channel(channel).roiInterval().orElseThrow();
            assertTrue(iv.contains(trueRoi), names.get(k) + ": " + iv + " vs truth " + trueRoi);
        }
    }

    @Test
    void aMorePreciseTestNeverWidensTheInterval() {
        // 4 x 1,000 draws, so that the Monte Carlo error of the interval's width (a few percent) stays below the
        // tolerance; a test run as the model assumes it (like with like) only adds information
        int w = window(60);
        double previous = Double.POSITIVE_INFINITY;
        double first = Double.NaN;
        StringBuilder log = new StringBuilder(channel + ", truth " + trueRoi + ":");
        for (double relSe : new double[] {0.4, 0.2, 0.1, 0.05}) {
            FittedModel m = BayesianMmm.fit(data, spec, OPTIONS.withChains(4).withWarmup(600).withDraws(1000)
                    .withLiftTests(List.of(test(w, w + 7, 0, relSe, false))));
            Interval iv = m.channel(channel).roiInterval().orElseThrow();
            double width = iv.upper() - iv.lower();
            log.append(String.format(java.util.Locale.ROOT, " se %.2f: %.3f [%.3f, %.3f];", relSe,
                    m.channel(channel).roi(), iv.lower(), iv.upper()));
            assertTrue(width <= previous * 1.10, log.toString());
            first = Double.isNaN(first) ? width : first;
            previous = width;
        }
        assertTrue(previous < 0.9 * first, log.toString());
    }

    @Test
    void aCutAndTheSameMultiplierAreTheSameExperiment() {
        int w = window(60);
        LiftTest asMultiplier = test(w, w + 7, 0.5, 0.05, false);
        LiftTest asChange = test(w, w + 7, 0.5, 0.05, true);
        assertEquals(asChange.impliedSpendChange(data), asMultiplier.impliedSpendChange(data),
                1e-9 * Math.abs(asChange.spendChange()));
        MmmLogDensity a = BayesianMmm.logDensity(data, spec, OPTIONS.withLiftTests(List.of(asMultiplier)));
        MmmLogDensity b = BayesianMmm.logDensity(data, spec, OPTIONS.withLiftTests(List.of(asChange)));
        double[] theta = new double[a.dimension()];
        double[] ga = new double[theta.length];
        double[] gb = new double[theta.length];
        assertEquals(a.logDensityGradient(theta, ga), b.logDensityGradient(theta, gb), 1e-9);
    }
}
