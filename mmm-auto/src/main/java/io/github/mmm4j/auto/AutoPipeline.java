package io.github.mmm4j.auto;

import io.github.mmm4j.auto.report.Narrator;
import io.github.mmm4j.auto.report.OptimizerRows;
import io.github.mmm4j.auto.report.ReportInput;
import io.github.mmm4j.auto.report.Reporter;
import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelJson;
import io.github.mmm4j.optimize.Allocation;
import io.github.mmm4j.optimize.BudgetConstraints;
import io.github.mmm4j.optimize.BudgetOptimizer;
import io.github.mmm4j.optimize.Objective;
import io.github.mmm4j.optimize.PlanningModel;
import io.github.mmm4j.optimize.shapley.Shapley;
import io.github.mmm4j.optimize.shapley.ShapleyResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole automated analysis in one call: the supervised rounds of {@link AutoAnalysis}, then Shapley
 * attribution and a budget plan on the primary model of the best round, then the reports ({@code report.md},
 * {@code report.html}, {@code results.json}, {@code report.xlsx}) and the primary model ({@code model.json}).
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
     * Runs everything and writes the files into {@code outDir}.
     *
     * @param data the data
     * @param options the analysis options (seed, rounds, estimators, expected ROI, progress)
     * @param source a name for the data in the reports (for example the file name)
     * @param outDir the output directory (created if needed)
     * @param narrator the narrative writer ({@link Narrator#standard()} for the built-in one)
     * @return what was produced
     */
    public static PipelineResult run(MmmDataset data, AutoOptions options, String source, Path outDir,
            Narrator narrator) {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(narrator, "narrator");
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
        progress.report("report", 0, 0, "writing the reports");
        ReportInput input = ReportInput.of(analysis, options.seed(), source)
                .withShapley(OptimizerRows.shapley(shapley)).withPlan(OptimizerRows.plan(plan));
        List<Path> files = new ArrayList<>(Reporter.write(input, outDir, narrator));
        Path model = outDir.resolve(MODEL);
        ModelJson.write(primary, model);
        files.add(model);
        progress.report("report", 0, 1, "done");
        return new PipelineResult(analysis, primary, shapley, pm, plan, files);
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
