package io.github.mmm4j.synthetic;

import io.github.mmm4j.core.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ground-truth recovery: generates many seeded datasets of one scenario, fits a model to each and compares its
 * estimates with the truth (see {@link RecoveryReport} for the measures).
 *
 * <p><b>Seeds.</b> A master {@link Rng} seeded with {@code options.seed()} is split once per replicate, in
 * replicate order, before any work starts; replicate {@code i} takes its data seed and then its fit seed from
 * the {@code i}-th split stream. Replicates may run on several threads, but each result is stored at its index
 * and the summaries are computed in replicate order, so the report is identical for any thread count.
 */
public final class RecoveryBenchmark {

    private RecoveryBenchmark() {
    }

    /**
     * The data and fit seeds of every replicate, as used by {@link #run}.
     *
     * @param replicates number of replicates, {@code >= 1}
     * @param seed the master seed
     * @return {@code seeds[i] = {dataSeed, fitSeed}} of replicate {@code i}
     */
    public static long[][] replicateSeeds(int replicates, long seed) {
        Rng master = new Rng(seed);
        long[][] out = new long[replicates][];
        for (int i = 0; i < replicates; i++) {
            Rng r = master.split();
            long data = r.nextLong();
            long fit = r.nextLong();
            out[i] = new long[] {data, fit};
        }
        return out;
    }

    /**
     * Runs the benchmark.
     *
     * @param spec the scenario
     * @param model the model's name, for the report
     * @param estimator the model under test
     * @param options replicates, master seed and threads
     * @return the report
     * @throws IllegalArgumentException if an estimate lacks one of the scenario's channels
     * @throws RuntimeException whatever the estimator throws, from the lowest-numbered failing replicate among
     *     those run
     */
    public static RecoveryReport run(ScenarioSpec spec, String model, RecoveryEstimator estimator,
            RecoveryOptions options) {
        return run(spec, model, estimator, options, done -> { });
    }

    /**
     * {@link #run(ScenarioSpec, String, RecoveryEstimator, RecoveryOptions)}, reporting progress.
     *
     * @param spec the scenario
     * @param model a name for the estimator in the report
     * @param estimator the estimator under test
     * @param options replicates, master seed, threads
     * @param progress called with the number of replicates finished after each one (from the worker threads, one
     *     call at a time)
     * @return the report
     */
    public static RecoveryReport run(ScenarioSpec spec, String model, RecoveryEstimator estimator,
            RecoveryOptions options, java.util.function.IntConsumer progress) {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(options, "options");
        long[][] seeds = replicateSeeds(options.replicates(), options.seed());
        List<RecoveryReport.Replicate> results = ParallelReplicates.run(seeds.length, options.threads(),
                i -> replicate(spec, estimator, i, seeds[i]), progress);
        return RecoveryReport.of(spec.name(), model, options.seed(), spec.channelNames(), results);
    }

    private static RecoveryReport.Replicate replicate(ScenarioSpec spec, RecoveryEstimator estimator, int index,
            long[] seeds) {
        Generated g = Synthetic.generate(spec, seeds[0]);
        Estimate est = Objects.requireNonNull(estimator.fit(g.data(), seeds[1]), "estimator returned null");
        List<RecoveryReport.ChannelResult> cs = new ArrayList<>();
        for (ChannelTruth t : g.truth().channels()) {
            Estimate.Channel e = est.channel(t.name());
            cs.add(new RecoveryReport.ChannelResult(t.name(), t.roi(), e.roi(), t.share(), e.share(), e.roiLower(),
                    e.roiUpper()));
        }
        return new RecoveryReport.Replicate(index, seeds[0], seeds[1], cs);
    }

    /**
     * Spearman's rank correlation: the Pearson correlation of the ranks, ties given their average rank.
     *
     * @param x (input) not modified
     * @param y (input) not modified; same length as {@code x}
     * @return the correlation in {@code [-1, 1]}, NaN for fewer than 2 values or constant ranks
     */
    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("y.length = " + y.length + "; expected x.length = " + x.length);
        }
        if (x.length < 2) {
            return Double.NaN;
        }
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = Synthetic.mean(rx);
        double my = Synthetic.mean(ry);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < rx.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }

    private static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Double.compare(v[order[j + 1]], v[order[i]]) == 0) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }
}
