package io.github.mmm4j.cli;

import io.github.mmm4j.auto.AutoOptions;
import io.github.mmm4j.auto.AutoPipeline;
import io.github.mmm4j.auto.PipelineResult;
import io.github.mmm4j.auto.report.Narrator;
import io.github.mmm4j.core.MmmDataset;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmm auto DATA.csv --kpi COL ...}: the whole automated analysis. */
@Command(name = "auto", mixinStandardHelpOptions = true,
        description = "Explore the data, fit ridge, NNLS and the Bayesian model round after round under a quality gate, "
                + "attribute with Shapley values, plan the budget, and write report.md, report.html, results.json, "
                + "report.xlsx and model.json.")
final class AutoCommand implements Callable<Integer> {

    @Mixin
    DataArgs dataArgs;

    @Option(names = "--expected-roi", paramLabel = "FILE",
            description = "CSV with columns channel,lower,upper: the ROI range you consider plausible per channel.")
    Path expectedRoi;

    @Option(names = "--max-rounds", paramLabel = "N", defaultValue = "4",
            description = "Round limit of the explore-fit-critique loop (default: ${DEFAULT-VALUE}).")
    int maxRounds;

    @Option(names = "--progress", description = "Show progress even when standard error is not a terminal.")
    boolean progress;

    @Mixin
    Common common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        MmmDataset data = dataArgs.read();
        Map<String, double[]> ranges = expectedRoi == null ? Map.of() : ExpectedRoi.read(expectedRoi);
        run(data, ranges, dataArgs.file.getFileName().toString(), maxRounds, common, progress, spec);
        return 0;
    }

    /** Runs the pipeline and prints its summary; shared with {@code demo}. */
    static PipelineResult run(MmmDataset data, Map<String, double[]> ranges, String source, int rounds, Common common,
            boolean progress, picocli.CommandLine.Model.CommandSpec spec) {
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), progress || ProgressBar.interactive());
        AutoOptions options = AutoOptions.defaults().withSeed(common.seed).withMaxRounds(rounds)
                .withHoldout(common.holdout).withExpectedRoi(ranges)
                .withProgress((stage, round, fraction, message) -> bar.update(
                        round > 0 ? stage + " r" + round : stage, fraction, message));
        PipelineResult r = AutoPipeline.run(data, options, source, common.out, Narrator.standard());
        bar.done();
        AutoSummary.print(r, spec.commandLine().getOut());
        return r;
    }
}
