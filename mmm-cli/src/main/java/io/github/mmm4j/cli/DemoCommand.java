package io.github.mmm4j.cli;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.synthetic.DemoData;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code mmm demo}: the whole analysis on the embedded, seeded demo dataset. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the analysis on the built-in demo dataset (156 weeks, 4 channels; generated from the "
                + "seed, nothing downloaded) and write results.json and report.md.")
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
        return 0;
    }
}
