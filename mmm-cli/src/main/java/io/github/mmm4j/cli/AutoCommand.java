package io.github.mmm4j.cli;

import io.github.mmm4j.auto.AutoOptions;
import io.github.mmm4j.auto.AutoPipeline;
import io.github.mmm4j.auto.PipelineResult;
import io.github.mmm4j.auto.report.Narrator;
import io.github.mmm4j.core.CsvSchema;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.OutputSet;
import io.github.mmm4j.models.Estimator;
import io.github.mmm4j.models.bayes.BayesianMmm;
import io.github.mmm4j.models.bayes.LiftTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
                + "report.xlsx, decomposition.csv, predictions.csv, model.json and plan.json.")
final class AutoCommand implements Callable<Integer> {

    @Mixin
    DataArgs dataArgs;

    @Option(names = "--expected-roi", paramLabel = "FILE",
            description = "CSV with columns channel,lower,upper: the ROI range you consider plausible per channel.")
    Path expectedRoi;

    @Option(names = "--max-rounds", paramLabel = "N", defaultValue = "4",
            description = "Round limit of the explore-fit-critique loop (default: ${DEFAULT-VALUE}).")
    int maxRounds;

    @Option(names = "--lift-tests", paramLabel = "FILE",
            description = "Experiment results that calibrate the Bayesian model: a CSV with columns channel,start,end,"
                    + "lift,lift_se and spend_change or multiplier (0 = go dark), optionally geo.")
    Path liftTests;

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
        List<LiftTest> tests = List.of();
        if (liftTests != null) {
            tests = LiftTest.readCsv(liftTests);
            LiftTestFile.checkChannelsAndDates(liftTests, tests, data);
        }
        run(data, ranges, dataArgs.file.getFileName().toString(), dataArgs.schema(), maxRounds, common, progress, spec,
                tests, dataArgs.price());
        return 0;
    }

    /**
     * Runs the pipeline, writes its files and {@code plan.json} as one set (nothing is written if anything fails) and
     * prints its summary; shared with {@code demo}.
     */
    static PipelineResult run(MmmDataset data, Map<String, double[]> ranges, String source, CsvSchema schema,
            int rounds, Common common, boolean progress, picocli.CommandLine.Model.CommandSpec spec,
            List<LiftTest> liftTests, io.github.mmm4j.models.ModelSpec.Price price) {
        int holdout = holdout(common.holdout, data.nPeriods(), source);
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), progress || ProgressBar.interactive());
        AutoOptions options = AutoOptions.defaults().withSeed(common.seed).withMaxRounds(rounds)
                .withHoldout(holdout).withExpectedRoi(ranges).withPrice(price)
                .withProgress((stage, round, fraction, message) -> bar.update(
                        round > 0 ? stage + " r" + round : stage, fraction, message));
        if (!liftTests.isEmpty()) {
            // the experiments calibrate the Bayesian model (its likelihood); ridge and NNLS stay independent checks
            List<Estimator> est = new ArrayList<>();
            for (Estimator e : options.estimators()) {
                est.add(e instanceof BayesianMmm b ? b.withOptions(b.options().withLiftTests(liftTests)) : e);
            }
            options = options.withEstimators(est);
        }
        PipelineResult analysed = AutoPipeline.analyse(data, options);
        AutoOptions used = options;
        // on a panel, the same budget planned over channel x geo as well (optimize --by-geo)
        io.github.mmm4j.optimize.PlanningModel cellPm = null;
        io.github.mmm4j.optimize.Allocation cellPlan = null;
        if (analysed.primary().data().nGeos() > 1) {
            bar.update("plan", 0.5, "channel x geo");
            cellPm = io.github.mmm4j.optimize.PlanningModel.of(analysed.primary().byGeo(),
                    analysed.planning().horizon());
            List<String> chs = analysed.primary().data().channels();
            List<String> geos = analysed.primary().data().geos();
            List<String> dark = OptimizeCommand.neverSpent(cellPm);
            cellPlan = io.github.mmm4j.optimize.BudgetOptimizer.optimize(cellPm,
                    io.github.mmm4j.auto.AutoPipeline.planConstraints(analysed.analysis(),
                            ch -> OptimizeCommand.cellsOf(ch, chs, geos, true), dark),
                    io.github.mmm4j.optimize.Objective.maximizeKpi());
        }
        io.github.mmm4j.optimize.PlanningModel cellsPm = cellPm;
        io.github.mmm4j.optimize.Allocation cells = cellPlan;
        List<Path> files = OutputSet.write(common.out, dir -> {
            io.github.mmm4j.auto.report.Reports.write(analysed, used, source, dir, Narrator.standard(), schema);
            OptimizeCommand.writePlan(analysed.plan(), analysed.planning(), dir.resolve("plan.json"));
            if (cells != null) {
                com.fasterxml.jackson.databind.node.ObjectNode byGeo = OptimizeCommand.planJson(cells, cellsPm);
                OptimizeCommand.cells(byGeo, cells, analysed.primary());
                io.github.mmm4j.core.AtomicFiles.writeString(dir.resolve("plan_by_geo.json"),
                        byGeo.toPrettyString() + "\n");
                OptimizeCommand.curvesByGeo(cellsPm, analysed.primary().data())
                        .writeCsv(dir.resolve("response_curves_by_geo.csv"));
            }
        });
        PipelineResult r = analysed.withFiles(files);
        bar.done();
        AutoSummary.print(r, spec.commandLine().getOut());
        return r;
    }

    /**
     * The holdout to pass on: as given, or 0 (automatic: 10% of the periods, 4 to 26) when absent. An explicit 0 is
     * refused rather than read as automatic, and data too short for the automatic holdout is refused in words that
     * do not speak of a holdout nobody gave.
     */
    static int holdout(Integer given, int periods, String source) {
        if (given != null) {
            if (given == 0) {
                throw new Main.BadInputException("--holdout 0: auto and demo check the model on held-out periods; "
                        + "give N >= 1, or leave --holdout out to hold out 10% of the periods");
            }
            return given;
        }
        int automatic = Math.max(4, Math.min(26, (int) Math.round(0.1 * periods)));
        if (periods - automatic < 2 * automatic) {
            throw new Main.BadInputException(String.format(java.util.Locale.ROOT, "%s: %d periods are too few for "
                    + "auto, which checks the model on the last %d periods (10%% of the periods, at least 4) and "
                    + "fits on the rest; give at least %d periods, or use fit", source, periods, automatic,
                    3 * automatic));
        }
        return 0;
    }
}
