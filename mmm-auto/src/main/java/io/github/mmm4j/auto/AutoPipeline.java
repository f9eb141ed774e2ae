package io.github.mmm4j.auto;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.optimize.Allocation;
import io.github.mmm4j.optimize.BudgetConstraints;
import io.github.mmm4j.optimize.BudgetOptimizer;
import io.github.mmm4j.optimize.Objective;
import io.github.mmm4j.optimize.PlanningModel;
import io.github.mmm4j.optimize.shapley.Shapley;
import io.github.mmm4j.optimize.shapley.ShapleyResult;
import java.util.List;

/**
 * The whole automated analysis in one call: the supervised rounds of {@link AutoAnalysis}, then Shapley
 * attribution and a budget plan on the primary model of the best round ({@link #analyse}). The module
 * {@code mmm-report} writes its reports, the what-if simulator and the primary model ({@code Reports.write},
 * {@code Reports.run}); this module carries no reporting library.
 *
 * <p>Primary model: the best round's Bayesian model when there is one and its sampler diagnostics are healthy
 * (it carries the full posterior uncertainty and learns the transforms); otherwise the round's first model
 * (ridge by default). The plan allocates the current budget (the spend of the last {@link #horizon} periods)
 * over the next horizon to maximise the KPI, with carryover from history, holding every channel the models disagree
 * about at its current spend ({@link #planConstraints}). Shapley values are exact up to 16
 * channels, sampled beyond (seeded from the options' seed).
 */
public final class AutoPipeline {

    /** Name of the saved primary model. */
    public static final String MODEL = "model.json";

    private AutoPipeline() {
    }

    /**
     * Runs the whole analysis in memory and writes nothing: the rounds, the primary model, the Shapley attribution
     * and the budget plan. {@code Reports.write} (module {@code mmm-report}) writes the files of a result.
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
        Allocation plan = BudgetOptimizer.optimize(pm, planConstraints(analysis), Objective.maximizeKpi());
        progress.report("plan", 0, 1, plan.status().name().toLowerCase(java.util.Locale.ROOT));
        return new PipelineResult(analysis, primary, shapley, pm, plan, List.of());
    }

    /**
     * The recommended plan's constraints: the current budget, with every channel the models disagree about
     * ({@link Agreement#DISAGREE}) held at its current spend. The report tells the reader not to move such a channel
     * before testing it; a plan that moved it anyway would contradict that advice, and its gain would rest on one
     * model's number the others reject.
     *
     * @param analysis the analysis
     * @return the constraints
     */
    public static BudgetConstraints planConstraints(AnalysisResult analysis) {
        return planConstraints(analysis, List::<String>of);
    }

    /**
     * {@link #planConstraints(AnalysisResult)} for a planning model whose channels are split (by geo): each
     * disputed channel's parts are held.
     *
     * @param analysis the analysis
     * @param parts a channel's names in the planning model
     * @return the constraints
     */
    public static BudgetConstraints planConstraints(AnalysisResult analysis,
            java.util.function.Function<String, List<String>> parts) {
        return planConstraints(analysis, parts, List.of());
    }

    /**
     * {@link #planConstraints(AnalysisResult, java.util.function.Function)} with more of the planning model's
     * channels held at their current spend (cells that never spent).
     *
     * @param analysis the analysis
     * @param parts a channel's names in the planning model
     * @param held more names to hold
     * @return the constraints
     */
    public static BudgetConstraints planConstraints(AnalysisResult analysis,
            java.util.function.Function<String, List<String>> parts, List<String> held) {
        BudgetConstraints.Builder b = BudgetConstraints.builder();
        held.forEach(b::lock);
        for (ChannelConsensus c : analysis.bestRound().analysis().channels()) {
            if (c.agreement() == Agreement.DISAGREE) {
                parts.apply(c.channel()).forEach(b::lock);
            }
        }
        return b.build();
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
