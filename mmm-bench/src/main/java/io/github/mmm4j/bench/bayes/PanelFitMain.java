package io.github.mmm4j.bench.bayes;

import io.github.mmm4j.core.CsvSchema;
import io.github.mmm4j.core.MmmCsv;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesianMmm;
import io.github.mmm4j.models.bayes.NutsChain;
import io.github.mmm4j.models.bayes.NutsResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * One Bayesian fit of a brand x region panel written by {@code mmm-bench/panel/brand_region_process.py}, as
 * {@code ./mmm fit --brand brand --geo region --population population --price price --controls price,macro --model
 * bayes} runs it, with the sampler's figures: wall time, minimum bulk ESS, ESS per second, maximum R-hat,
 * divergences, gradient evaluations, the eight parameters with the lowest bulk ESS, per chain the adapted step
 * size and the mean tree depth of the draws, and where the divergent transitions sit: the five parameters whose mean
 * over the divergent draws lies furthest from their mean over all draws, in posterior sds (Betancourt 2017, "A
 * conceptual introduction to Hamiltonian Monte Carlo", section 6.2: divergences concentrate where the curvature is
 * high).
 * Usage: {@code java -cp mmm-bench/target/benchmarks.jar io.github.mmm4j.bench.bayes.PanelFitMain CSV [chains]
 * [warmup] [draws] [seed]} (defaults 4, 1000, 1000, 42).
 */
public final class PanelFitMain {

    private PanelFitMain() {
    }

    /**
     * @param args the CSV, then optionally chains, warmup, draws and seed
     */
    public static void main(String[] args) {
        Path csv = Path.of(args[0]);
        int chains = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int draws = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
        MmmDataset data = MmmCsv.read(csv, CsvSchema.builder("sales").brand("brand").geo("region")
                .population("population").inferChannels().controls("price", "macro").build());
        BayesOptions o = BayesOptions.defaults().withSeed(seed).withChains(chains).withWarmup(warmup).withDraws(draws);
        long t0 = System.nanoTime();
        ModelSpec spec = ModelSpec.defaults(data).withPrice(new ModelSpec.Price("price", true));
        BayesianMmm.Run run = BayesianMmm.run(data, spec, o);
        double wall = (System.nanoTime() - t0) / 1e9;
        NutsResult r = run.sampler();
        double minEss = r.summary().stream().mapToDouble(s -> s.essBulk()).min().orElse(Double.NaN);
        double maxRhat = r.summary().stream().mapToDouble(s -> s.rhat()).max().orElse(Double.NaN);
        long divergences = r.chains().stream().mapToLong(NutsChain::divergences).sum();
        System.out.printf(Locale.ROOT, "%d cells x %d periods x %d channels, dimension %d: wall %.1f s, min bulk ESS "
                + "%.0f, ESS/s %.2f, max R-hat %.4f, divergences %d, gradient evaluations %d%n", data.nGeos(),
                data.nPeriods(), data.nChannels(), r.dimension(), wall, minEss, minEss / wall, maxRhat, divergences,
                r.gradientEvaluations());
        r.summary().stream().filter(s -> Double.isFinite(s.essBulk()))
                .sorted(java.util.Comparator.comparingDouble(s -> s.essBulk())).limit(8)
                .forEach(s -> System.out.printf(Locale.ROOT, "  low ESS: %s %.0f (mean %.3f, sd %.3f)%n", s.name(),
                        s.essBulk(), s.mean(), s.sd()));
        run.model().samplerDiagnostics().ifPresent(d -> System.out.printf(Locale.ROOT, "  model parameters: min bulk "
                + "ESS %.0f, max R-hat %.4f%n", d.minEssBulk(), d.maxRhat()));
        for (NutsChain c : r.chains()) {
            System.out.printf(Locale.ROOT, "  chain %d: step size %.4f, mean tree depth %.2f, mean leapfrog steps %.1f"
                    + "%n", c.chain(), c.adaptedStepSize(), Arrays.stream(c.treeDepth()).average().orElse(0),
                    Arrays.stream(c.leapfrogSteps()).average().orElse(0));
        }
        printDivergenceLocation(r);
    }

    /** The parameters whose mean over divergent draws departs most from their mean over all draws. */
    private static void printDivergenceLocation(NutsResult r) {
        int d = r.dimension();
        double[] sum = new double[d];
        double[] squares = new double[d];
        double[] divergent = new double[d];
        long n = 0;
        long nd = 0;
        for (NutsChain c : r.chains()) {
            double[] draws = c.draws();
            boolean[] div = c.divergent();
            for (int i = 0; i < c.completedDraws(); i++) {
                n++;
                nd += div[i] ? 1 : 0;
                for (int j = 0; j < d; j++) {
                    double x = draws[i * d + j];
                    sum[j] += x;
                    squares[j] += x * x;
                    divergent[j] += div[i] ? x : 0.0;
                }
            }
        }
        if (nd == 0) {
            return;
        }
        double[] z = new double[d];
        for (int j = 0; j < d; j++) {
            double mean = sum[j] / n;
            double sd = Math.sqrt(Math.max(squares[j] / n - mean * mean, 0.0));
            z[j] = sd > 0 ? (divergent[j] / nd - mean) / sd : 0.0;
        }
        System.out.printf(Locale.ROOT, "  %d divergent draws; their mean against all draws, in posterior sds:%n", nd);
        java.util.stream.IntStream.range(0, d).boxed()
                .sorted(java.util.Comparator.comparingDouble(j -> -Math.abs(z[j]))).limit(5)
                .forEach(j -> System.out.printf(Locale.ROOT, "    %s %+.2f%n", r.parameterNames().get(j), z[j]));
    }
}
