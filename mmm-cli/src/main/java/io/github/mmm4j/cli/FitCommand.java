package io.github.mmm4j.cli;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.NonNegativeLeastSquares;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesianMmm;
import io.github.mmm4j.models.bayes.LiftTest;
import io.github.mmm4j.models.linear.Sign;
import io.github.mmm4j.models.search.Candidate;
import io.github.mmm4j.models.search.HyperparameterSearch;
import io.github.mmm4j.models.search.SearchOptions;
import io.github.mmm4j.models.search.SearchResult;
import java.nio.file.Path;
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
            description = "Estimator: ridge, nnls or bayes (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--chains", paramLabel = "N", defaultValue = "4",
            description = "Bayesian model: chains, run in parallel (default: ${DEFAULT-VALUE}).")
    int chains;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1000",
            description = "Bayesian model: warmup iterations per chain (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "1000",
            description = "Bayesian model: draws per chain (default: ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--lift-tests", paramLabel = "FILE",
            description = "Bayesian model: experiment results to calibrate with, a CSV with columns "
                    + "channel,start,end,spend_change,lift,lift_se.")
    Path liftTests;

    @Mixin
    Common common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private FittedModel fitBayes(MmmDataset data, ModelSpec modelSpec) {
        List<LiftTest> tests = liftTests == null ? List.of() : LiftTest.readCsv(liftTests);
        LiftTestFile.checkChannelsAndDates(liftTests, tests, data);
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), progress || ProgressBar.interactive());
        long total = (long) chains * (warmup + draws);
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        BayesOptions o = BayesOptions.defaults().withSeed(common.seed).withHoldout(common.holdoutOrNone()).withChains(chains)
                .withWarmup(warmup).withDraws(draws).withLiftTests(tests)
                .withProgress((chain, iteration, phase) -> {
                    long d = done.incrementAndGet();
                    if (d % 100 == 0 || d == total) {
                        bar.update("sampling", (double) d / total, phase.name().toLowerCase(java.util.Locale.ROOT));
                    }
                });
        FittedModel m = BayesianMmm.fit(data, modelSpec, o);
        bar.done();
        return m;
    }

    @Override
    public Integer call() {
        if (!List.of("ridge", "nnls", "bayes").contains(model)) {
            throw new Main.BadInputException("--model " + model + " is not available; choose ridge, nnls or bayes");
        }
        if (liftTests != null && !model.equals("bayes")) {
            throw new Main.BadInputException("--lift-tests needs --model bayes");
        }
        MmmDataset data = dataArgs.read();
        java.util.Map<String, Sign> signs = dataArgs.organicSigns();
        RidgeOptions options = RidgeOptions.defaults().withHoldout(common.holdoutOrNone()).withSeed(common.seed)
                .withControlSigns(signs);
        ModelSpec modelSpec = ModelSpec.defaults(data);
        com.fasterxml.jackson.databind.node.ObjectNode extra = null;
        if (search) {
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), progress || ProgressBar.interactive());
            SearchOptions so = SearchOptions.defaults().withTrials(trials).withIterationsPerTrial(iterations)
                    .withSeed(common.seed).withHoldout(common.holdoutOrNone()).withControlSigns(signs)
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
        FittedModel fitted;
        if (model.equals("bayes")) {
            fitted = fitBayes(data, modelSpec);
        } else {
            fitted = model.equals("ridge")
                    ? Ridge.fit(data, modelSpec, search ? options.withNonNegativeMedia(true) : options)
                    : NonNegativeLeastSquares.fit(data, modelSpec, search ? options.withLambda(0) : options);
        }
        Results.write(fitted, dataArgs.file.getFileName().toString(), common.seed, common.out, spec.commandLine().getOut(),
                extra, dataArgs.schema());
        return 0;
    }
}
