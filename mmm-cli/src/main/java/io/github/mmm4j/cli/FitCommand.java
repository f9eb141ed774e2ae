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
import io.github.mmm4j.models.search.LiftExperiment;
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

    @Option(names = "--select", paramLabel = "NAME", defaultValue = "oos",
            description = "Ridge and NNLS: how adstock and saturation parameters are chosen. oos (default): tuned by "
                    + "blocked cross-validation error, and re-tuned in every bootstrap replicate so the intervals "
                    + "carry that uncertainty. rssd: Robyn's search, Pareto front of NRMSE and DECOMP.RSSD (pulls effect "
                    + "shares toward spend shares by design; intervals keep the chosen transforms fixed). lift: Robyn's "
                    + "search with MAPE.LIFT as a third objective (needs --lift-tests).")
    String select;

    @Option(names = "--search", description = "Same as --select rssd (Robyn-style search before fitting).")
    boolean search;

    @Option(names = "--fixed-transforms", description = "Ridge and NNLS: keep the default transforms (geometric "
            + "decay 0.5, Hill ec 1, slope 1) instead of tuning them; only ridge's penalty is cross-validated.")
    boolean fixedTransforms;

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

    @Option(names = "--max-tree-depth", paramLabel = "N", defaultValue = "10",
            description = "Bayesian model: NUTS maximum tree depth, at most 2^N - 1 leapfrog steps per draw (default: "
                    + "${DEFAULT-VALUE}). Lower it only to bound the time of a very large panel; draws that reach it "
                    + "explore less far.")
    int maxTreeDepth;

    @Option(names = "--target-accept", paramLabel = "P", defaultValue = "0.9",
            description = "Bayesian model: NUTS step size adaptation target, 0.6 to 0.999 (default: ${DEFAULT-VALUE});"
                    + " raise it (0.95, 0.99) for smaller steps when the fit reports divergent transitions.")
    double targetAccept;

    @Option(names = "--lift-tests", paramLabel = "FILE",
            description = "Experiment results to calibrate with (Bayesian model, or --select lift), a CSV with "
                    + "columns channel,start,end,lift,lift_se and spend_change or multiplier (0 = go dark, 1.5 = "
                    + "50%% more), optionally geo; start is the date of the test's first period.")
    Path liftTests;

    @Option(names = "--geo-effect-sd", paramLabel = "S",
            description = "Bayesian model on a panel: scale S of the prior Gamma(2, 2.5/S) (mean 0.8 S) on each "
                    + "channel's between-geo (and between-brand) standard deviation of log effects, so each geo gets "
                    + "its own ROI partially pooled toward the channel's (default: 0.5); 0 pools one effect per "
                    + "channel over all geos.")
    Double geoEffectSd;

    @Mixin
    Common common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * Checks {@code --geo-effect-sd}, shared by {@code fit} and {@code recover}.
     *
     * @param geoEffectSd the option, null if not given
     * @param model {@code --model}
     * @param units what the cells are called in the message ("geos", "cells")
     * @return the prior scale of the between-cell sds: the option, or the default
     * @throws Main.BadInputException if it is given with another model than bayes, or is negative or not finite
     */
    static double geoEffectScale(Double geoEffectSd, String model, String units) {
        if (geoEffectSd == null) {
            return io.github.mmm4j.models.bayes.BayesPriors.DEFAULT_GEO_EFFECT_SCALE;
        }
        if (!model.equals("bayes")) {
            throw new Main.BadInputException("--geo-effect-sd is for --model bayes; ridge and NNLS pool each "
                    + "channel's effect over " + units);
        }
        if (!(geoEffectSd >= 0 && Double.isFinite(geoEffectSd))) {
            throw new Main.BadInputException("--geo-effect-sd " + geoEffectSd + " must be finite and >= 0");
        }
        return geoEffectSd;
    }

    private FittedModel fitBayes(MmmDataset data, ModelSpec modelSpec) {
        List<LiftTest> tests = liftTests == null ? List.of() : LiftTest.readCsv(liftTests);
        LiftTestFile.checkChannelsAndDates(liftTests, tests, data);
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), progress || ProgressBar.interactive());
        long total = (long) chains * (warmup + draws);
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        BayesOptions o = BayesOptions.defaults().withSeed(common.seed).withHoldout(common.holdoutOrNone()).withChains(chains)
                .withWarmup(warmup).withDraws(draws).withLiftTests(tests).withMaxTreeDepth(maxTreeDepth)
                .withTargetAccept(targetAccept)
                .withPriors(io.github.mmm4j.models.bayes.BayesPriors.defaults()
                        .withGeoEffectScale(geoEffectScale(geoEffectSd, model, "geos")))
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
        if (!List.of("oos", "rssd", "lift").contains(select)) {
            throw new Main.BadInputException("--select " + select + " is not available; choose oos, rssd or lift");
        }
        if (!(targetAccept >= 0.6 && targetAccept <= 0.999)) {
            throw new Main.BadInputException("--target-accept " + targetAccept + " is out of range; give 0.6 to 0.999");
        }
        String selector = search && select.equals("oos") ? "rssd" : select;
        boolean robyn = !selector.equals("oos");
        if (liftTests != null && !model.equals("bayes") && !selector.equals("lift")) {
            throw new Main.BadInputException("--lift-tests needs --model bayes or --select lift");
        }
        if (selector.equals("lift") && liftTests == null) {
            throw new Main.BadInputException("--select lift needs --lift-tests FILE");
        }
        if (fixedTransforms && robyn) {
            throw new Main.BadInputException("--fixed-transforms cannot be combined with --select " + selector
                    + " (the search chooses the transforms)");
        }
        geoEffectScale(geoEffectSd, model, "geos");
        MmmDataset data = dataArgs.read();
        java.util.Map<String, Sign> signs = dataArgs.organicSigns();
        RidgeOptions options = RidgeOptions.defaults().withHoldout(common.holdoutOrNone()).withSeed(common.seed)
                .withControlSigns(signs).withFixedTransforms(fixedTransforms || robyn);
        ModelSpec modelSpec = ModelSpec.defaults(data).withPrice(dataArgs.price());
        com.fasterxml.jackson.databind.node.ObjectNode extra = null;
        if (robyn) {
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), progress || ProgressBar.interactive());
            SearchOptions so = SearchOptions.defaults().withTrials(trials).withIterationsPerTrial(iterations)
                    .withSeed(common.seed).withHoldout(common.holdoutOrNone()).withControlSigns(signs)
                    .withProgress(r -> bar.update("search", (double) r.evaluations() / r.budget(),
                            String.format(java.util.Locale.ROOT, "%d/%d, best NRMSE %.4f", r.evaluations(), r.budget(),
                                    r.bestNrmse())));
            if (selector.equals("lift")) {
                List<LiftTest> tests = LiftTest.readCsv(liftTests);
                LiftTestFile.checkChannelsAndDates(liftTests, tests, data);
                so = so.withLiftExperiments(tests.stream().map(x -> new LiftExperiment(x.channel(), x.start(),
                        x.end(), x.impliedSpendChange(data), x.lift())).toList());
            }
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
                    ? Ridge.fit(data, modelSpec, robyn ? options.withNonNegativeMedia(true) : options)
                    : NonNegativeLeastSquares.fit(data, modelSpec, robyn ? options.withLambda(0) : options);
        }
        Results.write(fitted, dataArgs.file.getFileName().toString(), common.seed, common.out, spec.commandLine().getOut(),
                extra, dataArgs.schema(), model.equals("bayes") && liftTests != null ? LiftTest.readCsv(liftTests)
                        : List.of());
        return 0;
    }
}
