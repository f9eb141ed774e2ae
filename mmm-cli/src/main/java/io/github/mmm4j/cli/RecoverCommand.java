package io.github.mmm4j.cli;

import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.NonNegativeLeastSquares;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.synthetic.Estimate;
import io.github.mmm4j.synthetic.RecoveryBenchmark;
import io.github.mmm4j.synthetic.RecoveryEstimator;
import io.github.mmm4j.synthetic.RecoveryOptions;
import io.github.mmm4j.synthetic.RecoveryReport;
import io.github.mmm4j.synthetic.ScenarioSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mmm recover [--preset NAME | --config FILE] [--model NAME] [--replicates N] [--seed N] [--threads N]
 * [--out DIR]}: the ground-truth recovery benchmark. Generates {@code N} seeded datasets of the scenario, fits the
 * model to each, writes {@code DIR/recovery.json} (see {@code RecoveryReport.toJson()}) and prints per channel the
 * bias and RMSE of ROI and share, the mean Spearman rank correlation and, for models with intervals, the coverage
 * of the 90% interval. The output does not depend on {@code --threads}.
 */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = "Ground-truth recovery benchmark: fit a model to many seeded synthetic datasets and report "
                + "bias, RMSE, rank agreement and interval coverage per channel; writes recovery.json.")
final class RecoverCommand implements Callable<Integer> {

    /** The models by name; add one with one line, e.g. {@code "nnls", (d, s) -> estimate(Nnls.fit(...)),}. */
    static final Map<String, RecoveryEstimator> MODELS = new TreeMap<>(Map.of(
            "ridge", (data, seed) -> estimate(Ridge.fit(data, ModelSpec.defaults(data),
                    RidgeOptions.defaults().withSeed(seed).withParallelism(1))),
            "nnls", (data, seed) -> estimate(NonNegativeLeastSquares.fit(data, ModelSpec.defaults(data),
                    RidgeOptions.defaults().withSeed(seed).withParallelism(1)))));

    @Option(names = "--preset", paramLabel = "NAME",
            description = "A preset scenario: easy, realistic, hard or geo (default: realistic, unless --config).")
    String preset;

    @Option(names = "--config", paramLabel = "FILE", description = "A scenario file (.yaml, .yml or .json).")
    Path config;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "ridge",
            description = "The model to test (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--replicates", paramLabel = "N", defaultValue = "50",
            description = "Number of seeded datasets (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Master seed; each replicate's seeds derive from it (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Worker threads; results do not depend on it (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "mmm-out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RecoveryEstimator estimator = MODELS.get(model);
        if (estimator == null) {
            throw new Main.BadInputException("--model " + model + " is not available; choose one of "
                    + MODELS.keySet());
        }
        RecoveryOptions options = new RecoveryOptions(replicates, seed, threads);
        ScenarioSpec scenario = SynthCommand.scenario(preset, config);
        RecoveryReport report = RecoveryBenchmark.run(scenario, model, estimator, options);
        Path file = out.resolve("recovery.json");
        io.github.mmm4j.core.OutputSet.write(out, dir -> report.writeJson(dir.resolve("recovery.json")));
        PrintWriter pw = spec.commandLine().getOut();
        pw.print(report.table());
        pw.printf(Locale.ROOT, "%nWrote %s%n", file);
        pw.flush();
        return 0;
    }

    /** A fitted model's estimates, with its ROI intervals where it gives them, in the benchmark's terms. */
    static Estimate estimate(FittedModel fitted) {
        List<Estimate.Channel> out = new ArrayList<>();
        for (ChannelSummary c : fitted.channels()) {
            out.add(c.roiInterval()
                    .map(i -> new Estimate.Channel(c.name(), c.roi(), c.share(), i.lower(), i.upper()))
                    .orElseGet(() -> Estimate.Channel.point(c.name(), c.roi(), c.share())));
        }
        return Estimate.of(out);
    }
}
