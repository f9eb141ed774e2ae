package io.github.mmm4j.auto;

import io.github.mmm4j.auto.report.Narrator;
import io.github.mmm4j.auto.report.OptimizerRows;
import io.github.mmm4j.auto.report.PredictionCsv;
import io.github.mmm4j.auto.report.ReportInput;
import io.github.mmm4j.auto.report.Reporter;
import io.github.mmm4j.auto.report.SimulatorPage;
import io.github.mmm4j.core.CsvSchema;
import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.OutputSet;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelJson;
import io.github.mmm4j.optimize.Allocation;
import io.github.mmm4j.optimize.BudgetConstraints;
import io.github.mmm4j.optimize.BudgetOptimizer;
import io.github.mmm4j.optimize.Objective;
import io.github.mmm4j.optimize.PlanningModel;
import io.github.mmm4j.optimize.Simulator;
import io.github.mmm4j.optimize.shapley.Shapley;
import io.github.mmm4j.optimize.shapley.ShapleyResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole automated analysis in one call: the supervised rounds of {@link AutoAnalysis}, then Shapley
 * attribution and a budget plan on the primary model of the best round, then the reports ({@code report.md},
 * {@code report.html}, {@code results.json}, {@code report.xlsx}), the what-if simulator ({@code simulator.html},
 * see {@link SimulatorPage}) and the primary model ({@code model.json}).
 *
 * <p>Primary model: the best round's Bayesian model when there is one and its sampler diagnostics are healthy
 * (it carries the full posterior uncertainty and learns the transforms); otherwise the round's first model
 * (ridge by default). The plan allocates the current budget (the spend of the last {@link #horizon} periods)
 * over the next horizon to maximise the KPI, with carryover from history. Shapley values are exact up to 16
 * channels, sampled beyond (seeded from the options' seed).
 */
public final class AutoPipeline {

    /** Name of the saved primary model. */
    public static final String MODEL = "model.json";

    private AutoPipeline() {
    }

    /**
     * Runs everything and writes the files into {@code outDir} as one set (see {@link OutputSet}): the reports,
     * {@code decomposition.csv}, {@code predictions.csv} and {@code model.json}.
     *
     * @param data the data
     * @param options the analysis options (seed, rounds, estimators, expected ROI, progress)
     * @param source a name for the data in the reports (for example the file name)
     * @param outDir the output directory (created if needed)
     * @param narrator the narrative writer ({@link Narrator#standard()} for the built-in one)
     * @return what was produced, with the files written
     */
    public static PipelineResult run(MmmDataset data, AutoOptions options, String source, Path outDir,
            Narrator narrator) {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(narrator, "narrator");
        PipelineResult r = analyse(data, options);
        List<Path> files = OutputSet.write(outDir, dir -> write(r, options, source, dir, narrator, null));
        return r.withFiles(files);
    }

    /**
     * Runs the whole analysis in memory and writes nothing: the rounds, the primary model, the Shapley attribution
     * and the budget plan. {@link #write} writes the files of a result.
     *
     * @param data the data
     * @param options the analysis options
     * @return the analysis, its primary model, attribution and plan (no files)
     */
    public static PipelineResult analyse(MmmDataset data, AutoOptions options) {
        AnalysisResult analysis = AutoAnalysis.run(data, options);
        AutoProgress progress = options.progress();
        FittedModel primary = analysis.primaryModel();
        // A seed for the attribution's sampler, independent of the rounds' seeds.
        long shapleySeed = new Rng(options.seed() ^ 0x5ba9_1e5dL).nextLong();
        progress.report("attribute", 0, 0, "Shapley values");
        ShapleyResult shapley = Shapley.of(primary, shapleySeed);
        progress.report("attribute", 0, 1, shapley.method().name().toLowerCase(java.util.Locale.ROOT));
        progress.report("plan", 0, 0, "optimising the budget");
        PlanningModel pm = PlanningModel.of(primary, horizon(analysis.data()));
        Allocation plan = BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.maximizeKpi());
        progress.report("plan", 0, 1, plan.status().name().toLowerCase(java.util.Locale.ROOT));
        return new PipelineResult(analysis, primary, shapley, pm, plan, List.of());
    }

    /**
     * Writes a result's files into a folder: {@code report.md}, {@code report.html}, {@code results.json},
     * {@code report.xlsx}, {@code decomposition.csv}, {@code predictions.csv} and {@code model.json}. To write them
     * as one set, call it inside {@link OutputSet#write}.
     *
     * @param r the result of {@link #analyse}
     * @param options the options it was run with (the seed is reported)
     * @param source a name for the data in the reports
     * @param dir the folder
     * @param narrator the narrative writer
     * @param schema the CSV mapping the data was read with, saved in {@code model.json} for {@code predict}; or null
     * @return the files written
     */
    public static List<Path> write(PipelineResult r, AutoOptions options, String source, Path dir, Narrator narrator,
            CsvSchema schema) {
        AutoProgress progress = options.progress();
        progress.report("report", 0, 0, "writing the reports");
        ReportInput input = ReportInput.of(r.analysis(), options.seed(), source)
                .withShapley(OptimizerRows.shapley(r.shapley())).withPlan(OptimizerRows.plan(r.plan()));
        List<Path> files = new ArrayList<>(Reporter.write(input, dir, narrator));
        progress.report("report", 0, 0.5, "writing the simulator");
        files.add(SimulatorPage.write(Simulator.of(r.planning()), recommendedPerPeriod(r.plan(), r.planning()), dir));
        files.addAll(PredictionCsv.write(r.primary(), r.primary().data(), dir));
        Path model = dir.resolve(MODEL);
        if (schema == null) {
            ModelJson.write(r.primary(), model);
        } else {
            ModelJson.write(r.primary(), model, schema);
        }
        files.add(model);
        progress.report("report", 0, 1, "done");
        return files;
    }

    /**
     * @param plan the recommended allocation
     * @param pm its planning model
     * @return each channel's recommended spend per period
     */
    public static double[] recommendedPerPeriod(Allocation plan, PlanningModel pm) {
        double[] out = new double[pm.nChannels()];
        for (int c = 0; c < out.length; c++) {
            out[c] = plan.optimal().channelTotal(c) / pm.horizon();
        }
        return out;
    }

    /**
     * The planning horizon: a quarter (13 weeks or 91 days), at most half the history.
     *
     * @param data the data
     * @return the number of future periods
     */
    public static int horizon(MmmDataset data) {
        int quarter = data.time().frequency() == Frequency.WEEKLY ? 13 : 91;
        return Math.max(1, Math.min(quarter, data.nPeriods() / 2));
    }
}
