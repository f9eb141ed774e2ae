package io.github.mmm4j.bench.bayes;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesianMmm;
import io.github.mmm4j.models.bayes.LiftTest;
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

/**
 * The README's "Experiments in one geo" study: on the {@code geo} preset's first geos, an exact 8-week go-dark test
 * (true lift from the generating process over the test and its adstock window, standard error 5%) of each channel in
 * the named geos, one test per fit, against the fit without tests; prints per (channel, geo) the geo's ROI (truth,
 * without, with the test and its 90% interval) and the channel's total ROI (truth, without, with). Usage:
 * <pre>
 * java -cp mmm-bench/target/benchmarks.jar io.github.mmm4j.bench.bayes.GeoExperimentStudyMain [seed] [geos]
 *     [tested geo indices] [first test week]
 * </pre>
 * Defaults: seed 11, 6 geos, geos 1 and 4 ({@code geo02}, {@code geo05}), week 60; 2 chains x 500 + 500, sampler
 * seed 5.
 */
public final class GeoExperimentStudyMain {

    private static final int WEEKS = 8;

    private GeoExperimentStudyMain() {
    }

    /**
     * @param args seed, number of geos, comma-separated tested geo indices, first test week
     */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 11;
        int nGeos = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        String[] tested = (args.length > 2 ? args[2] : "1,4").split(",");
        int ts = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        ScenarioSpec full = Presets.geo();
        ScenarioSpec spec = full.toBuilder().geos(full.geos().subList(0, nGeos)).build();
        Generated g = Synthetic.generate(spec, seed);
        MmmDataset data = g.data();
        List<ChannelSpec> cs = new ArrayList<>();
        for (ChannelTruth t : g.truth().channels()) {
            Saturation s = t.saturation() instanceof Tanh ? Saturation.hill(1, 1) : t.saturation();
            cs.add(new ChannelSpec(t.name(), t.adstock(), s));
        }
        ModelSpec model = new ModelSpec(cs, true, 2);
        BayesOptions o = BayesOptions.defaults().withChains(2).withWarmup(500).withDraws(500).withSeed(5);
        FittedModel free = BayesianMmm.fit(data, model, o);
        int nt = data.nPeriods();
        int te = ts + WEEKS - 1;
        System.out.println("| channel, geo | geo ROI truth | without | with the test | total truth | without | with |");
        for (int c = 0; c < cs.size(); c++) {
            ChannelTruth ct = g.truth().channels().get(c);
            for (String gs : tested) {
                int gi = Integer.parseInt(gs.trim());
                boolean spends = true;
                for (int t = ts; t <= te; t++) {
                    spends &= data.spend(gi * nt + t, c) > 0;
                }
                String geo = data.geos().get(gi);
                if (!spends) {
                    System.out.printf(Locale.ROOT, "| %s, %s | not spending throughout the window |%n", ct.name(), geo);
                    continue;
                }
                double lift = g.truth().experimentLift(c, gi, ts, te, 0);
                LiftTest test = LiftTest.ofMultiplier(ct.name(), data.time().date(ts), data.time().date(te), 0, lift,
                        0.05 * Math.abs(lift)).withGeo(geo);
                FittedModel cal = BayesianMmm.fit(data, model, o.withLiftTests(List.of(test)));
                ChannelSummary before = free.geoChannels().get(gi).get(c);
                ChannelSummary after = cal.geoChannels().get(gi).get(c);
                Interval iv = after.roiInterval().orElseThrow();
                System.out.printf(Locale.ROOT, "| %s, %s | %.2f | %.2f | %.2f [%.2f, %.2f] | %.2f | %.2f | %.2f |%n",
                        ct.name(), geo, g.truth().geoRoi(gi, c), before.roi(), after.roi(), iv.lower(), iv.upper(),
                        ct.roi(), free.channel(ct.name()).roi(), cal.channel(ct.name()).roi());
            }
        }
    }
}
