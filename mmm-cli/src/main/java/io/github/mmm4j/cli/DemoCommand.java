package io.github.mmm4j.cli;

import io.github.mmm4j.auto.PipelineResult;
import io.github.mmm4j.core.MmmCsv;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.synthetic.DemoData;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code mmm demo}: the whole analysis on the embedded, seeded demo dataset. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole automated analysis on the built-in demo dataset (156 weeks, 4 channels; "
                + "generated from the seed, nothing downloaded): rounds of fit and critique, Shapley attribution, "
                + "the next quarter's budget plan, and report.md, report.html, results.json, report.xlsx, "
                + "decomposition.csv, predictions.csv, model.json and plan.json.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    Common common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        MmmDataset data = DemoData.generate(common.seed);
        AutoCommand.run(data, Map.of(), "demo data (seed " + common.seed + ")", MmmCsv.schemaOf(data), 4, common,
                false, spec, java.util.List.of(), null);
        return 0;
    }
}
