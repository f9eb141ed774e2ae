package io.github.mmm4j.bench.auto;

import io.github.mmm4j.auto.AutoOptions;
import io.github.mmm4j.auto.AutoPipeline;
import io.github.mmm4j.auto.ChannelConsensus;
import io.github.mmm4j.auto.PipelineResult;
import io.github.mmm4j.auto.report.Findings;
import io.github.mmm4j.auto.report.OptimizerRows;
import io.github.mmm4j.auto.report.ReportInput;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.synthetic.ChannelTruth;
import io.github.mmm4j.synthetic.Generated;
import io.github.mmm4j.synthetic.Presets;
import io.github.mmm4j.synthetic.Synthetic;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How often the automated analysis's answers hold the truth, by the confidence it states: runs the whole analysis
 * (default options) on seeded synthetic datasets with known truth and counts, per confidence level, the answers and
 * the channels whose primary-model 90% ROI interval contains the true ROI; and, over all answers, how often the
 * consensus interval (pooled draws, where the models agree) contains the true ROI. Usage:
 * {@code java -cp mmm-bench/target/benchmarks.jar io.github.mmm4j.bench.auto.AutoCalibrationMain [replicates]
 * [presets]} (defaults: 10 replicates of {@code easy,realistic}); the seeds are 1 to {@code replicates}.
 */
public final class AutoCalibrationMain {

    private AutoCalibrationMain() {
    }

    /**
     * @param args replicates per preset, then a comma-separated list of presets
     */
    public static void main(String[] args) {
        int replicates = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String[] presets = (args.length > 1 ? args[1] : "easy,realistic").split(",");
        Map<Findings.Confidence, int[]> byLevel = new EnumMap<>(Findings.Confidence.class);
        int[] consensus = new int[3];
        for (String preset : presets) {
            for (long seed = 1; seed <= replicates; seed++) {
                Generated g = Synthetic.generate(Presets.byName(preset), seed);
                AutoOptions options = AutoOptions.defaults().withSeed(seed);
                PipelineResult r = AutoPipeline.analyse(g.data(), options);
                ReportInput input = ReportInput.of(r.analysis(), seed, preset + " seed " + seed)
                        .withShapley(OptimizerRows.shapley(r.shapley())).withPlan(OptimizerRows.plan(r.plan()));
                Findings f = Findings.of(input);
                int held = 0;
                int channels = 0;
                StringBuilder misses = new StringBuilder();
                for (ChannelTruth t : g.truth().channels()) {
                    ChannelSummary c = r.primary().channel(t.name());
                    Interval iv = c.roiInterval().orElseThrow();
                    channels++;
                    if (iv.contains(t.roi())) {
                        held++;
                    } else {
                        misses.append(String.format(Locale.ROOT, " %s %.3f [%.3f, %.3f] vs %.3f;", t.name(), c.roi(),
                                iv.lower(), iv.upper(), t.roi()));
                    }
                }
                for (ChannelConsensus cc : r.analysis().bestRound().analysis().channels()) {
                    double truth = g.truth().channels().stream().filter(t -> t.name().equals(cc.channel()))
                            .findFirst().orElseThrow().roi();
                    if (cc.consensusInterval().isPresent()) {
                        consensus[0]++;
                        consensus[1] += cc.consensusInterval().get().contains(truth) ? 1 : 0;
                    } else {
                        consensus[2]++;
                    }
                }
                int[] acc = byLevel.computeIfAbsent(f.confidence(), k -> new int[3]);
                acc[0]++;
                acc[1] += held;
                acc[2] += channels;
                System.out.printf(Locale.ROOT, "%s seed %d: %s, primary %s, verdict %s, %d of %d intervals hold the "
                        + "truth%s%n", preset, seed, f.confidence(), r.primary().estimator(), r.analysis().verdict(),
                        held, channels, misses);
            }
        }
        System.out.println();
        System.out.println("confidence  answers  channel intervals holding the truth");
        for (Map.Entry<Findings.Confidence, int[]> e : byLevel.entrySet()) {
            int[] a = e.getValue();
            System.out.printf(Locale.ROOT, "%-10s  %7d  %d of %d (%.1f%%)%n", e.getKey(), a[0], a[1], a[2],
                    100.0 * a[1] / a[2]);
        }
        System.out.printf(Locale.ROOT, "%nconsensus intervals holding the truth: %d of %d (%.1f%%); channels without a "
                + "consensus (the models disagree): %d%n", consensus[1], consensus[0],
                consensus[0] == 0 ? Double.NaN : 100.0 * consensus[1] / consensus[0], consensus[2]);
    }
}
