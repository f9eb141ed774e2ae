package io.github.mmm4j.examples;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.optimize.Allocation;
import io.github.mmm4j.optimize.BudgetConstraints;
import io.github.mmm4j.optimize.BudgetOptimizer;
import io.github.mmm4j.optimize.Objective;
import io.github.mmm4j.optimize.PlanningModel;
import io.github.mmm4j.optimize.shapley.Shapley;
import io.github.mmm4j.optimize.shapley.ShapleyResult;
import io.github.mmm4j.synthetic.DemoData;
import java.util.Locale;

/**
 * The library in a few lines: fit a ridge model with bootstrap intervals to the demo data, attribute the KPI to
 * channels with Shapley values, and plan the next quarter's budget. Run {@link #main} from an IDE; the same steps
 * as a JShell script are in {@code examples/jshell/quickstart.jsh}; {@code QuickStartTest} runs it in the build.
 */
public final class QuickStart {

    private QuickStart() {
    }

    /** What the quick start computes. */
    public record Result(FittedModel model, ShapleyResult shapley, Allocation plan) {
    }

    /**
     * @param seed the demo data's seed
     * @return the model, the attribution and the plan
     */
    public static Result run(long seed) {
        MmmDataset data = DemoData.generate(seed);
        FittedModel model = Ridge.fit(data, ModelSpec.defaults(data), RidgeOptions.defaults().withHoldout(13));
        ShapleyResult shapley = Shapley.of(model, seed);
        PlanningModel next = PlanningModel.of(model, 13);
        Allocation plan = BudgetOptimizer.optimize(next, BudgetConstraints.none(), Objective.maximizeKpi());
        return new Result(model, shapley, plan);
    }

    /**
     * Prints the channels' ROI with intervals, the Shapley values and the recommended budget.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Result r = run(42);
        for (ChannelSummary c : r.model().channels()) {
            System.out.printf(Locale.ROOT, "%-8s ROI %.2f (90%% interval %.2f to %.2f), marginal ROI %.2f%n", c.name(),
                    c.roi(), c.roiInterval().orElseThrow().lower(), c.roiInterval().orElseThrow().upper(), c.mroi());
        }
        System.out.println("Shapley values: " + r.shapley());
        System.out.println("Plan: " + r.plan().status() + ", " + r.plan().message());
    }
}
