package io.github.mmm4j.bench.bayes;

import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesPriors;
import io.github.mmm4j.models.bayes.BayesianMmm;
import io.github.mmm4j.models.bayes.ChannelPriors;
import io.github.mmm4j.models.bayes.Prior;
import io.github.mmm4j.synthetic.Generated;
import io.github.mmm4j.synthetic.Presets;
import io.github.mmm4j.synthetic.PymcExampleProcess;
import io.github.mmm4j.synthetic.RecoveryBenchmark;
import io.github.mmm4j.synthetic.Synthetic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The prior study of the README's Bayesian section: the Bayesian model's channel priors set in turn, each fitted to
 * seeded re-draws of the presets and of PyMC-Marketing's documented {@code mmm_example} process
 * ({@link PymcExampleProcess}), with the mean signed ROI error and the number of 90% intervals holding the truth per
 * channel. Usage:
 * <pre>
 * java -cp mmm-bench/target/benchmarks.jar io.github.mmm4j.bench.bayes.PriorStudyMain VARIANTS [replicates]
 *     [seed] [processes] [draws]
 * </pre>
 * {@code VARIANTS} is a comma-separated list of prior sets, each {@code defaults} or {@code +}-joined changes to the
 * channel defaults: {@code ec:MU:SIGMA} (Hill half-saturation LogNormal), {@code slope:MU:SIGMA} (Hill slope
 * LogNormal), {@code alpha:A:B} (adstock decay Beta); for example {@code defaults,ec:0.5:0.5+alpha:2:3}. Defaults:
 * 10 replicates, seed 42, processes {@code easy,realistic,hard,mmm_example}, 400 warmup iterations and 400 draws per
 * chain, 4 chains. Preset replicates take their seeds from {@link RecoveryBenchmark#replicateSeeds(int, long)};
 * {@code mmm_example} draw {@code r} uses seed {@code 1000 seed + r}.
 */
public final class PriorStudyMain {

    private PriorStudyMain() {
    }

    /**
     * @param args variants, then optionally replicates, seed, processes and draws
     */
    public static void main(String[] args) {
        String[] variants = (args.length > 0 ? args[0] : "defaults").split(",");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        String[] processes = (args.length > 3 ? args[3] : "easy,realistic,hard,mmm_example").split(",");
        int draws = args.length > 4 ? Integer.parseInt(args[4]) : 400;
        for (String v : variants) {
            BayesOptions options = BayesOptions.defaults().withPriors(priors(v)).withChains(4).withWarmup(draws)
                    .withDraws(draws);
            for (String p : processes) {
                System.out.println(row(v, p, options, reps, seed));
            }
        }
    }

    /**
     * @param variant {@code defaults} or {@code +}-joined changes (see the class comment)
     * @return the priors
     */
    static BayesPriors priors(String variant) {
        ChannelPriors c = ChannelPriors.defaults();
        for (String part : variant.split("\\+")) {
            String[] f = part.split(":");
            switch (f[0]) {
                case "defaults" -> { }
                case "ec", "slope" -> c = c.withSaturation(f[0], new Prior.LogNormal(Double.parseDouble(f[1]),
                        Double.parseDouble(f[2])));
                case "alpha" -> c = c.withAdstock("alpha", new Prior.Beta(Double.parseDouble(f[1]),
                        Double.parseDouble(f[2])));
                default -> throw new IllegalArgumentException("unknown prior change '" + part + "'; use ec:MU:SIGMA, "
                        + "slope:MU:SIGMA or alpha:A:B");
            }
        }
        return BayesPriors.defaults().withChannelDefaults(c);
    }

    private static String row(String variant, String process, BayesOptions options, int reps, long seed) {
        List<String> names = new ArrayList<>();
        double[] err = null;
        int[] covered = null;
        for (int r = 0; r < reps; r++) {
            FittedModel m;
            double[] truth;
            if (process.equals("mmm_example")) {
                PymcExampleProcess.Draw d = PymcExampleProcess.draw(1000 * seed + r);
                m = BayesianMmm.fit(d.data(), ModelSpec.defaults(d.data()), options.withSeed(r));
                truth = d.trueRoi();
            } else {
                long[] s = RecoveryBenchmark.replicateSeeds(reps, seed)[r];
                Generated g = Synthetic.generate(Presets.byName(process), s[0]);
                m = BayesianMmm.fit(g.data(), ModelSpec.defaults(g.data()), options.withSeed(s[1]));
                truth = m.channelNames().stream().mapToDouble(n -> g.truth().channel(n).roi()).toArray();
            }
            if (err == null) {
                names.addAll(m.channelNames());
                err = new double[names.size()];
                covered = new int[names.size()];
            }
            for (int c = 0; c < names.size(); c++) {
                ChannelSummary s = m.channels().get(c);
                Interval iv = s.roiInterval().orElseThrow();
                err[c] += (s.roi() / truth[c] - 1) / reps;
                covered[c] += iv.contains(truth[c]) ? 1 : 0;
            }
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-32s %-12s", variant, process));
        double mae = 0;
        int total = 0;
        for (int c = 0; c < names.size(); c++) {
            b.append(String.format(Locale.ROOT, " %s %+.0f%% (%d)", names.get(c), 100 * err[c], covered[c]));
            mae += Math.abs(err[c]) / names.size();
            total += covered[c];
        }
        return b.append(String.format(Locale.ROOT, " | mean abs. error %.0f%%, coverage %.2f", 100 * mae,
                total / (double) (reps * names.size()))).toString();
    }
}
