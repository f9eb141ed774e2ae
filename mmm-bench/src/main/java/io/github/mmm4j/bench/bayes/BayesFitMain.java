package io.github.mmm4j.bench.bayes;

import io.github.mmm4j.core.CsvSchema;
import io.github.mmm4j.core.MmmCsv;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.SamplerDiagnostics;
import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesianMmm;
import io.github.mmm4j.models.bayes.NutsChain;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end sampling efficiency of {@link BayesianMmm} on the Stan reference problem: fits the reference model
 * (priors of {@code mmm.stan}, controls as given, default 4 chains x (1000 warmup + 1000 draws), automatic
 * parallelism) to {@code mmm_N156_C5.csv} {@code repeats} times with seeds 1, 2, ... and prints, per fit, the
 * sampling wall time (warmup included), the minimum bulk ESS over the 28 model parameters, ESS per second, the
 * number of gradient evaluations, microseconds per gradient (CPU time of all chains over evaluations, approximated
 * as threads x wall / evaluations), divergences and the maximum R-hat. rstan 2.21 reaches 14-16 ESS/s on the same
 * machines (see {@code /work/shared/reference/stan/README.md}).
 *
 * <p>Run: {@code java -cp mmm-bench/target/benchmarks.jar io.github.mmm4j.bench.bayes.BayesFitMain
 * /work/shared/reference/stan/mmm_N156_C5.csv 3}. It prints to standard output (it is a tool, not a test); one JVM
 * warm-up fit with 200 + 200 iterations runs first and is not reported.
 */
public final class BayesFitMain {

    private BayesFitMain() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code [csv path [repeats [priors]]]}; defaults {@code /work/shared/reference/stan/mmm_N156_C5.csv},
     *     3, {@code bench}; {@code priors = defaults} samples the library's current default posterior (slope
     *     {@code LogNormal(0, 0.25)}, media contribution prior on ROI) instead of {@link BenchPriors}'
     */
    public static void main(String[] args) {
        Path csv = Path.of(args.length > 0 ? args[0] : "/work/shared/reference/stan/mmm_N156_C5.csv");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        MmmDataset data = MmmCsv.read(csv, CsvSchema.builder("y").date("date")
                .channels("x1", "x2", "x3", "x4", "x5").controls("control1").build());
        List<ChannelSpec> cs = new ArrayList<>();
        for (String c : data.channels()) {
            cs.add(new ChannelSpec(c, Adstock.geometric(0.5, 8, true), Saturation.hill(1, 1)));
        }
        ModelSpec spec = new ModelSpec(cs, true, 2);
        boolean libraryDefaults = args.length > 2 && args[2].equals("defaults");
        BayesOptions options = libraryDefaults ? BayesOptions.defaults()
                : BenchPriors.options();
        BayesianMmm.fit(data, spec, options.withWarmup(200).withDraws(200).withSeed(999));
        System.out.printf(Locale.ROOT, "%-5s %9s %8s %8s %10s %9s %5s %8s%n", "seed", "wall_s", "minESS", "ESS/s",
                "gradients", "us/grad", "div", "maxRhat");
        for (int k = 1; k <= repeats; k++) {
            long t0 = System.nanoTime();
            BayesianMmm.Run run = BayesianMmm.run(data, spec, options.withSeed(k));
            SamplerDiagnostics m = run.model().samplerDiagnostics().orElseThrow();
            double wall = (System.nanoTime() - t0) / 1e9;
            double sampling = run.sampler().wallTimeNanos() / 1e9;
            long grads = run.sampler().gradientEvaluations();
            int threads = Math.min(options.chains(), Runtime.getRuntime().availableProcessors());
            long leapfrog = 0;
            for (NutsChain c : run.sampler().chains()) {
                leapfrog += c.gradientEvaluations();
            }
            System.out.printf(Locale.ROOT, "%-5d %9.2f %8.0f %8.1f %10d %9.2f %5d %8.4f   (fit incl. post-processing %.2f s)%n",
                    k, sampling, m.minEssBulk(), m.minEssBulk() / sampling, grads,
                    1e6 * threads * sampling / leapfrog, m.divergences(), m.maxRhat(), wall);
        }
    }
}
