package io.github.mmm4j.cli;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.NonNegativeLeastSquares;
import io.github.mmm4j.models.PriceElasticity;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesPriors;
import io.github.mmm4j.models.bayes.BayesianMmm;
import io.github.mmm4j.models.search.HyperparameterSearch;
import io.github.mmm4j.models.search.SearchOptions;
import io.github.mmm4j.models.search.SearchResult;
import io.github.mmm4j.synthetic.BrandRegionProcess;
import io.github.mmm4j.synthetic.Estimate;
import io.github.mmm4j.synthetic.PanelRecovery;
import io.github.mmm4j.synthetic.PanelRecoveryReport;
import io.github.mmm4j.synthetic.RecoveryBenchmark;
import io.github.mmm4j.synthetic.RecoveryEstimator;
import io.github.mmm4j.synthetic.RecoveryOptions;
import io.github.mmm4j.synthetic.RecoveryReport;
import io.github.mmm4j.synthetic.ScenarioSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mmm recover [--preset NAME | --config FILE] [--model ridge|nnls|bayes] [--search | --fixed-transforms]
 * [--replicates N] [--seed N] [--threads N] [--out DIR]}: the ground-truth recovery benchmark. Generates {@code N}
 * seeded datasets of the scenario, fits the model to each, writes {@code DIR/recovery.json} (see
 * {@code RecoveryReport.toJson()}) and prints per channel the bias and RMSE of ROI and share, the mean Spearman rank
 * correlation and, for models with intervals, the coverage of the 90% interval and its mean width. With
 * {@code --preset brand-region [--brands B --regions R --weeks W --brand-sd S --cell-sd S]} it draws brand x region
 * panels ({@code BrandRegionProcess}; {@code --cell-sd 0} gives panels whose cells share their brand's effect per
 * head) and reports the ROI per cell, brand, region and in total and the price elasticity per
 * brand ({@code PanelRecoveryReport.toJson()}). {@code --geo-effect-sd S} sets the Bayesian model's prior scale of
 * the between-cell sds as {@code fit}'s option does. The output does not depend on {@code --threads}.
 */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = "Ground-truth recovery benchmark: fit a model to many seeded synthetic datasets and report "
                + "bias, RMSE, rank agreement and interval coverage per channel; writes recovery.json.")
final class RecoverCommand implements Callable<Integer> {

    /** The models accepted by {@code --model}. */
    static final List<String> MODELS = List.of("bayes", "nnls", "ridge");

    /**
     * The estimator under test: ridge and NNLS with {@link RidgeOptions#defaults()} (tuned transforms, 200 re-tuned
     * bootstrap replicates) or, with {@code fixedTransforms}, the default transforms; with {@code search}, Robyn's
     * search (NRMSE and DECOMP.RSSD, {@code trials} x {@code iterations}) chooses the transforms first; the Bayesian
     * model with 4 chains of {@code bayesDraws} warmup and {@code bayesDraws} draws and, on panels, the prior scale
     * {@code geoEffectScale} of the between-geo sds ({@link BayesPriors#withGeoEffectScale(double)}).
     */
    static RecoveryEstimator estimator(String model, boolean search, boolean fixedTransforms, int trials,
            int iterations, int bayesDraws, double geoEffectScale) {
        return (data, seed) -> estimate(fit(model, search, fixedTransforms, trials, iterations, bayesDraws,
                geoEffectScale, data, ModelSpec.defaults(data), seed));
    }

    /**
     * The estimator under test on brand x region panels: as {@link #estimator}, with the panel's {@code price} as a
     * multiplicative price effect with one elasticity per brand ({@code --price price}) and {@code macro} as a control.
     */
    static PanelRecovery.Estimator panelEstimator(String model, boolean search, boolean fixedTransforms, int trials,
            int iterations, int bayesDraws, double geoEffectScale) {
        return (data, seed) -> {
            FittedModel m = fit(model, search, fixedTransforms, trials, iterations, bayesDraws, geoEffectScale, data,
                    ModelSpec.defaults(data).withPrice(new ModelSpec.Price("price", true)), seed);
            return new PanelRecovery.Fit() {
                @Override
                public List<Estimate.Channel> channelsOver(List<String> geos) {
                    return channels(m.channelsOver(geos));
                }

                @Override
                public Optional<PanelRecovery.Value> elasticity(String brand) {
                    for (PriceElasticity e : m.priceElasticities()) {
                        if (e.brand().equals(brand)) {
                            return Optional.of(e.interval()
                                    .map(i -> new PanelRecovery.Value(e.estimate(), i.lower(), i.upper()))
                                    .orElseGet(() -> new PanelRecovery.Value(e.estimate(), Double.NaN, Double.NaN)));
                        }
                    }
                    return Optional.empty();
                }
            };
        };
    }

    private static FittedModel fit(String model, boolean search, boolean fixedTransforms, int trials, int iterations,
            int bayesDraws, double geoEffectScale, MmmDataset data, ModelSpec base, long seed) {
        ModelSpec spec = base;
        RidgeOptions o = RidgeOptions.defaults().withSeed(seed).withParallelism(1)
                .withFixedTransforms(fixedTransforms || search);
        if (search) {
            SearchResult sr = HyperparameterSearch.run(data, spec, SearchOptions.defaults().withSeed(seed)
                    .withParallelism(1).withTrials(trials).withIterationsPerTrial(iterations));
            spec = sr.selected().spec();
            o = model.equals("nnls") ? o.withLambda(0) : o.withLambda(sr.selected().lambda())
                    .withNonNegativeMedia(true);
        }
        return switch (model) {
            case "ridge" -> Ridge.fit(data, spec, o);
            case "nnls" -> NonNegativeLeastSquares.fit(data, spec, o);
            default -> BayesianMmm.fit(data, spec, BayesOptions.defaults().withSeed(seed).withChains(4)
                    .withWarmup(bayesDraws).withDraws(bayesDraws).withParallelism(1)
                    .withPriors(BayesPriors.defaults().withGeoEffectScale(geoEffectScale)));
        };
    }

    @Option(names = "--preset", paramLabel = "NAME",
            description = "A preset scenario: easy, realistic, hard, geo or brand-region (default: realistic, unless "
                    + "--config). brand-region reports ROI per cell, brand, region and in total, and the price "
                    + "elasticity per brand.")
    String preset;

    @picocli.CommandLine.Mixin
    BrandRegionArgs panel = new BrandRegionArgs();

    @Option(names = "--config", paramLabel = "FILE", description = "A scenario file (.yaml, .yml or .json).")
    Path config;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "ridge",
            description = "The model to test (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--search", description = "Ridge and NNLS: choose the transforms by Robyn's search (NRMSE and "
            + "DECOMP.RSSD) first; the intervals then keep them fixed.")
    boolean search;

    @Option(names = "--fixed-transforms", description = "Ridge and NNLS: keep the default transforms (no tuning).")
    boolean fixedTransforms;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "2",
            description = "With --search: trials (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "1000",
            description = "With --search: iterations per trial (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--bayes-draws", paramLabel = "N", defaultValue = "500",
            description = "Bayesian model: warmup iterations and draws per chain, 4 chains (default: ${DEFAULT-VALUE}).")
    int bayesDraws;

    @Option(names = "--geo-effect-sd", paramLabel = "S",
            description = "Bayesian model on panel presets (geo, brand-region): scale S of the prior on each "
                    + "channel's between-cell sd of log effects, as in fit (default: 0.5); 0 pools each channel's "
                    + "effect over cells.")
    Double geoEffectSd;

    @Option(names = "--replicates", paramLabel = "N", defaultValue = "50",
            description = "Number of seeded datasets (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Master seed; each replicate's seeds derive from it (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Worker threads; results do not depend on it (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "mmm-out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Option(names = "--progress", description = "Show progress even when standard error is not a terminal.")
    boolean progress;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!MODELS.contains(model)) {
            throw new Main.BadInputException("--model " + model + " is not available; choose one of " + MODELS);
        }
        if ((search || fixedTransforms) && model.equals("bayes")) {
            throw new Main.BadInputException("--search and --fixed-transforms apply to ridge and nnls; the Bayesian "
                    + "model samples its transforms");
        }
        if (search && fixedTransforms) {
            throw new Main.BadInputException("--search and --fixed-transforms cannot be combined");
        }
        double geoScale = FitCommand.geoEffectScale(geoEffectSd, model, "cells");
        String name = model + (search ? "+search" : fixedTransforms ? "+fixed" : "")
                + (geoEffectSd == null ? "" : "+geo-effect-sd=" + geoEffectSd);
        RecoveryOptions options = new RecoveryOptions(replicates, seed, threads);
        panel.rejectUnlessSelected(preset);
        if (BrandRegionArgs.selected(preset)) {
            BrandRegionProcess.Config cfg = panel.config(config);
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), progress || ProgressBar.interactive());
            bar.update("recover", 0, "replicate 0 of " + replicates);
            PanelRecoveryReport report = PanelRecovery.run(cfg, name, panelEstimator(model, search, fixedTransforms,
                    trials, iterations, bayesDraws, geoScale), options, done -> bar.update("recover",
                    (double) done / replicates, "replicate " + done + " of " + replicates));
            bar.done();
            return write(report.table(), report::writeJson);
        }
        RecoveryEstimator estimator = estimator(model, search, fixedTransforms, trials, iterations, bayesDraws,
                geoScale);
        ScenarioSpec scenario = SynthCommand.scenario(preset, config);
        if (geoEffectSd != null && scenario.geos().size() < 2) {
            throw new Main.BadInputException("--geo-effect-sd " + geoEffectSd + " applies to panels; the scenario '"
                    + scenario.name() + "' has one geo");
        }
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), progress || ProgressBar.interactive());
        bar.update("recover", 0, "replicate 0 of " + replicates);
        RecoveryReport report = RecoveryBenchmark.run(scenario, name, estimator, options,
                done -> bar.update("recover", (double) done / replicates, "replicate " + done + " of " + replicates));
        bar.done();
        return write(report.table(), report::writeJson);
    }

    private int write(String table, java.util.function.Consumer<Path> json) {
        Path file = out.resolve("recovery.json");
        io.github.mmm4j.core.OutputSet.write(out, dir -> json.accept(dir.resolve("recovery.json")));
        PrintWriter pw = spec.commandLine().getOut();
        pw.print(table);
        pw.printf(Locale.ROOT, "%nWrote %s%n", file);
        pw.flush();
        return 0;
    }

    /** A fitted model's estimates, with its ROI intervals where it gives them, in the benchmark's terms. */
    static Estimate estimate(FittedModel fitted) {
        return Estimate.of(channels(fitted.channels()));
    }

    private static List<Estimate.Channel> channels(List<ChannelSummary> summaries) {
        List<Estimate.Channel> out = new ArrayList<>();
        for (ChannelSummary c : summaries) {
            out.add(c.roiInterval()
                    .map(i -> new Estimate.Channel(c.name(), c.roi(), c.share(), i.lower(), i.upper()))
                    .orElseGet(() -> Estimate.Channel.point(c.name(), c.roi(), c.share())));
        }
        return out;
    }
}
