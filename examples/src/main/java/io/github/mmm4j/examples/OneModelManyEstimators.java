package io.github.mmm4j.examples;

import io.github.mmm4j.auto.AutoOptions;
import io.github.mmm4j.auto.AutoPipeline;
import io.github.mmm4j.auto.PipelineResult;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.Estimator;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelJson;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.NonNegativeLeastSquares;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesianMmm;
import io.github.mmm4j.optimize.Allocation;
import io.github.mmm4j.optimize.BudgetConstraints;
import io.github.mmm4j.optimize.BudgetOptimizer;
import io.github.mmm4j.optimize.Objective;
import io.github.mmm4j.optimize.PlanningModel;
import io.github.mmm4j.synthetic.DemoData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link FittedModel} from every estimator: switch the {@link Estimator} object and nothing else changes; save a
 * model as {@code model.json} and load it back with the same answers; plan a budget on the Bayesian model; run the
 * whole automated analysis in memory. {@code OneModelManyEstimatorsTest} runs it in the build; the README's Java
 * section shows the same steps.
 */
public final class OneModelManyEstimators {

    private OneModelManyEstimators() {
    }

    /** What the example computes. */
    public record Result(List<FittedModel> models, FittedModel reloaded, Allocation plan, PipelineResult auto) {
    }

    /**
     * @param seed the demo data's seed
     * @param modelFile where to save the Bayesian model
     * @return the three fits, the reloaded Bayesian model, a plan and the automated analysis
     */
    public static Result run(long seed, Path modelFile) {
        MmmDataset data = DemoData.generate(seed);
        ModelSpec spec = ModelSpec.defaults(data);
        List<Estimator> estimators = List.of(new Ridge(RidgeOptions.defaults()),
                new NonNegativeLeastSquares(RidgeOptions.defaults()),
                new BayesianMmm(BayesOptions.defaults().withChains(2).withWarmup(300).withDraws(300)));
        List<FittedModel> models = new ArrayList<>();
        for (Estimator e : estimators) {
            models.add(e.withHoldout(13).withSeed(seed).fit(data, spec));
        }
        FittedModel bayes = models.get(2);
        ModelJson.write(bayes, modelFile);
        FittedModel reloaded = ModelJson.read(modelFile);
        Allocation plan = BudgetOptimizer.optimize(PlanningModel.of(reloaded, 13), BudgetConstraints.none(),
                Objective.maximizeKpi());
        PipelineResult auto = AutoPipeline.analyse(data, AutoOptions.defaults().withSeed(seed).withMaxRounds(1));
        return new Result(models, reloaded, plan, auto);
    }
}
