package io.github.mmm4j.cli;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.NonNegativeLeastSquares;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.models.linear.Sign;
import io.github.mmm4j.models.search.Candidate;
import io.github.mmm4j.models.search.HyperparameterSearch;
import io.github.mmm4j.models.search.SearchOptions;
import io.github.mmm4j.models.search.SearchResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmm fit DATA.csv --kpi COL ...}: fit a model to a user's CSV file. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit a marketing mix model to a CSV file and write results.json and report.md.")
final class FitCommand implements Callable<Integer> {

    @Mixin
    DataArgs dataArgs;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "ridge",
            description = "Estimator: ridge or nnls (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--search", description = "Search every channel's adstock and saturation parameters and the "
            + "ridge penalty (Robyn-class: NRMSE and DECOMP.RSSD, Pareto front) before fitting.")
    boolean search;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "5",
            description = "Search trials (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "2000",
            description = "Search iterations per trial (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--progress", description = "Show progress even when standard error is not a terminal.")
    boolean progress;

    @Mixin
    Common common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        MmmDataset data = dataArgs.read();
        java.util.Map<String, Sign> signs = dataArgs.organicSigns();
        RidgeOptions options = RidgeOptions.defaults().withHoldout(common.holdout).withSeed(common.seed)
                .withControlSigns(signs);
        if (!List.of("ridge", "nnls").contains(model)) {
            throw new Main.BadInputException("--model " + model + " is not available; choose ridge or nnls");
        }
        ModelSpec modelSpec = ModelSpec.defaults(data);
        com.fasterxml.jackson.databind.node.ObjectNode extra = null;
        if (search) {
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), progress || ProgressBar.interactive());
            SearchOptions so = SearchOptions.defaults().withTrials(trials).withIterationsPerTrial(iterations)
                    .withSeed(common.seed).withHoldout(common.holdout).withControlSigns(signs)
                    .withProgress(r -> bar.update("search", (double) r.evaluations() / r.budget(),
                            String.format(java.util.Locale.ROOT, "%d/%d, best NRMSE %.4f", r.evaluations(), r.budget(),
                                    r.bestNrmse())));
            SearchResult sr = HyperparameterSearch.run(data, modelSpec, so);
            bar.done();
            Candidate chosen = sr.selected();
            modelSpec = chosen.spec();
            options = options.withLambda(chosen.lambda());
            extra = Results.searchJson(sr);
        }
        FittedModel fitted = model.equals("ridge")
                ? Ridge.fit(data, modelSpec, search ? options.withNonNegativeMedia(true) : options)
                : NonNegativeLeastSquares.fit(data, modelSpec, search ? options.withLambda(0) : options);
        Results.write(fitted, dataArgs.file.getFileName().toString(), common.seed, common.out, spec.commandLine().getOut(),
                extra);
        return 0;
    }
}
