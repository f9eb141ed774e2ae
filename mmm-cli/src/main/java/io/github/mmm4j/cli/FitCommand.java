package io.github.mmm4j.cli;

import io.github.mmm4j.core.CsvSchema;
import io.github.mmm4j.core.MissingValuePolicy;
import io.github.mmm4j.core.MmmCsv;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mmm fit DATA.csv --kpi COL ...}: fit a model to a user's CSV file. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit a marketing mix model to a CSV file and write results.json and report.md.")
final class FitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATA.csv", description = "The data: one row per period (and geo).")
    Path file;

    @Option(names = "--kpi", required = true, paramLabel = "COL", description = "The KPI column.")
    String kpi;

    @Option(names = "--date", paramLabel = "COL", defaultValue = "date",
            description = "The date column (default: ${DEFAULT-VALUE}).")
    String date;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "Date pattern such as d/M/yyyy or M/d/yyyy (default: ISO yyyy-MM-dd).")
    String dateFormat;

    @Option(names = "--channels", split = ",", paramLabel = "A,B,...",
            description = "Media spend columns (default: inferred from names *_spend, *_cost, spend_*).")
    List<String> channels = new ArrayList<>();

    @Option(names = "--controls", split = ",", paramLabel = "C,...", description = "Control variable columns.")
    List<String> controls = new ArrayList<>();

    @Option(names = "--events", split = ",", paramLabel = "E,...",
            description = "Event columns: 0/1 indicators, or categorical text (one indicator per level).")
    List<String> events = new ArrayList<>();

    @Option(names = "--organic", split = ",", paramLabel = "O,...",
            description = "Organic (unpaid) activity columns such as newsletter sends; they enter as controls "
                    + "constrained to a non-negative effect (no carryover in this version) and get no ROI.")
    List<String> organic = new ArrayList<>();

    @Option(names = "--exposure", split = ",", paramLabel = "CHANNEL=COL,...",
            description = "Exposure columns (impressions, clicks) of channels, stored with the data.")
    java.util.Map<String, String> exposures = new java.util.LinkedHashMap<>();

    @Option(names = "--geo", paramLabel = "COL", description = "Geo column of a long-format panel.")
    String geo;

    @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "FAIL",
            description = "Empty cells: FAIL or ZERO_FILL_SPEND (default: ${DEFAULT-VALUE}).")
    MissingValuePolicy missing;

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
        List<String> allControls = new ArrayList<>(controls);
        for (String o : organic) {
            if (allControls.contains(o)) {
                throw new Main.BadInputException("column '" + o + "' is given both as --controls and --organic");
            }
            allControls.add(o);
        }
        CsvSchema.Builder b = CsvSchema.builder(kpi).date(date).datePattern(dateFormat).missingValues(missing)
                .controls(allControls).events(events).geo(geo);
        exposures.forEach(b::exposure);
        if (channels.isEmpty()) {
            b.inferChannels();
        } else {
            b.channels(channels);
        }
        MmmDataset data = MmmCsv.read(file, b.build());
        java.util.Map<String, Sign> signs = new java.util.LinkedHashMap<>();
        organic.forEach(o -> signs.put(o, Sign.NON_NEGATIVE));
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
        Results.write(fitted, file.getFileName().toString(), common.seed, common.out, spec.commandLine().getOut(),
                extra);
        return 0;
    }
}
