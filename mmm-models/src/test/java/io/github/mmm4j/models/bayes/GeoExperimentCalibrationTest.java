package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.synthetic.ChannelTruth;
import io.github.mmm4j.synthetic.Generated;
import io.github.mmm4j.synthetic.Presets;
import io.github.mmm4j.synthetic.ScenarioSpec;
import io.github.mmm4j.synthetic.Synthetic;
import io.github.mmm4j.transforms.Saturation;
import io.github.mmm4j.transforms.Tanh;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A geo experiment (a channel switched off in one geo for eight weeks) calibrates the hierarchical panel model where
 * it was run: on the {@code geo} preset's first four geos, the (geo, channel) whose ROI the data alone estimate worst
 * moves toward its truth, its interval holds the truth, and the calibrated model predicts the measured lift. The true
 * lift is computed from the generating process over the periods the model compares (the test and its adstock window,
 * in that geo; see {@link LiftTest}).
 *
 * <p>The other geos move only through the hierarchy: the test says how this geo's channel responds, and partial
 * pooling carries part of that to the channel's mean. When the tested geo responds more strongly than the average
 * geo, the channel's total therefore rises too, and can overshoot its truth; that is the model's exchangeability
 * assumption at work, not an error of the lift's arithmetic (study in the README, "Experiments in one geo").
 */
class GeoExperimentCalibrationTest {

    private static final BayesOptions OPTIONS = BayesOptions.defaults().withChains(2).withWarmup(400).withDraws(400)
            .withSeed(5);
    private static final int WEEKS = 8;

    private static boolean spendsThroughout(MmmDataset data, int g, int c, int ts) {
        int nt = data.nPeriods();
        for (int s = ts; s < ts + WEEKS; s++) {
            if (!(data.spend(g * nt + s, c) > 0)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aGoDarkTestInOneGeoPullsThatGeosRoiToTheTruth() {
        ScenarioSpec full = Presets.geo();
        ScenarioSpec spec = full.toBuilder().geos(full.geos().subList(0, 4)).build();
        Generated gen = Synthetic.generate(spec, 11);
        MmmDataset data = gen.data();
        List<ChannelSpec> cs = new ArrayList<>();
        for (ChannelTruth t : gen.truth().channels()) {
            Saturation s = t.saturation() instanceof Tanh ? Saturation.hill(1, 1) : t.saturation();
            cs.add(new ChannelSpec(t.name(), t.adstock(), s));
        }
        ModelSpec model = new ModelSpec(cs, true, 2);
        FittedModel free = BayesianMmm.fit(data, model, OPTIONS);
        assertTrue(free.hasGeoEffects());
        int ts = 60;
        int worstGeo = -1;
        int worstChannel = -1;
        double worst = -1;
        for (int g = 0; g < data.nGeos(); g++) {
            for (int c = 0; c < data.nChannels(); c++) {
                double truth = gen.truth().geoRoi(g, c);
                double e = Math.abs(free.geoChannels().get(g).get(c).roi() - truth) / truth;
                if (spendsThroughout(data, g, c, ts) && e > worst) {
                    worst = e;
                    worstGeo = g;
                    worstChannel = c;
                }
            }
        }
        assertTrue(worstGeo >= 0, "no geo and channel spends throughout the test window");
        String channel = data.channels().get(worstChannel);
        String geo = data.geos().get(worstGeo);
        double lift = gen.truth().experimentLift(worstChannel, worstGeo, ts, ts + WEEKS - 1, 0);
        LiftTest test = LiftTest.ofMultiplier(channel, data.time().date(ts), data.time().date(ts + WEEKS - 1), 0,
                lift, 0.05 * Math.abs(lift)).withGeo(geo);
        FittedModel cal = BayesianMmm.fit(data, model, OPTIONS.withLiftTests(List.of(test)));

        double truth = gen.truth().geoRoi(worstGeo, worstChannel);
        ChannelSummary before = free.geoChannels().get(worstGeo).get(worstChannel);
        ChannelSummary after = cal.geoChannels().get(worstGeo).get(worstChannel);
        Interval iv = after.roiInterval().orElseThrow();
        String msg = String.format(Locale.ROOT, "%s in %s: truth %.3f, without the test %.3f, with it %.3f %s; "
                + "lift %.1f, predicted %.1f", channel, geo, truth, before.roi(), after.roi(), iv, lift,
                test.predictedLift(cal));
        assertTrue(Math.abs(after.roi() - truth) < Math.abs(before.roi() - truth), msg);
        assertTrue(Math.abs(after.roi() - truth) < 0.10 * truth, msg);
        assertTrue(iv.contains(truth) && iv.contains(after.roi()), msg);
        Interval freeIv = before.roiInterval().orElseThrow();
        assertTrue(iv.upper() - iv.lower() < freeIv.upper() - freeIv.lower(), msg + "; before " + freeIv);
        assertTrue(Math.abs(test.predictedLift(cal) - lift) < 2 * test.standardError(), msg);
    }
}
