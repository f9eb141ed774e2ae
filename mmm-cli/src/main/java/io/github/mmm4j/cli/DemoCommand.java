package io.github.mmm4j.cli;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.models.ModelJson;
import io.github.mmm4j.optimize.Allocation;
import io.github.mmm4j.optimize.BudgetConstraints;
import io.github.mmm4j.optimize.BudgetOptimizer;
import io.github.mmm4j.optimize.Objective;
import io.github.mmm4j.optimize.PlanningModel;
import io.github.mmm4j.synthetic.DemoData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code mmm demo}: the whole analysis on the embedded, seeded demo dataset. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the analysis on the built-in demo dataset (156 weeks, 4 channels; generated from the "
                + "seed, nothing downloaded), write results.json, report.md and model.json, and plan the next "
                + "quarter's budget (plan.json).")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    Common common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        MmmDataset data = DemoData.generate(common.seed);
        int holdout = common.holdout == 0 ? 13 : common.holdout;
        FittedModel model = Ridge.fit(data, ModelSpec.defaults(data),
                RidgeOptions.defaults().withHoldout(holdout).withSeed(common.seed));
        Results.write(model, "demo data (seed " + common.seed + ")", common.seed, common.out,
                spec.commandLine().getOut());
        plan(model, data);
        return 0;
    }

    /**
     * The planning step: saves the model, then allocates the current budget (the spend of the last quarter) over
     * the next quarter and shows the recommended reallocation.
     */
    private void plan(FittedModel model, MmmDataset data) {
        Path modelFile = common.out.resolve("model.json");
        ModelJson.write(model, modelFile);
        PlanningModel pm = PlanningModel.of(model, OptimizeCommand.defaultHorizon(data));
        Allocation a = BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.maximizeKpi());
        Path planFile = common.out.resolve("plan.json");
        OptimizeCommand.writePlan(a, pm, planFile);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%n");
        w.print(OptimizeCommand.table(a, pm));
        w.printf(Locale.ROOT, "%nWrote %s and %s%n", modelFile, planFile);
        w.flush();
    }
}
