package io.github.mmm4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mmm4j.auto.report.JsonFields;
import io.github.mmm4j.auto.report.ModelResults;
import io.github.mmm4j.auto.report.PredictionCsv;
import io.github.mmm4j.core.AtomicFiles;
import io.github.mmm4j.core.CsvSchema;
import io.github.mmm4j.core.FitMetrics;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.OutputSet;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelJson;
import io.github.mmm4j.models.linear.CollinearityReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a fitted model's results: {@code results.json} (machine-readable; field names are a stable contract),
 * {@code report.md} (a short human-readable summary) and a table on standard output.
 *
 * <p>{@code results.json} has at least: {@code model}, {@code kpi}, {@code seed}, {@code version},
 * {@code metrics.train} and (with a holdout) {@code metrics.test}, each with {@code r2}, {@code mape},
 * {@code nrmse} (on a panel also {@code metrics.total_train} and {@code metrics.total_test}, of the KPI summed over
 * geos per period); and {@code channels}, a list of objects with {@code name}, {@code spend},
 * {@code contribution}, {@code share}, {@code roi}. Non-finite numbers are written as {@code null}. With
 * {@code --search}, {@code search} holds the budget, the selected candidate's objectives and penalty,
 * {@code front_size} and up to {@link #MAX_FRONT} evenly spaced members of the Pareto front.
 */
final class Results {

    /** Most Pareto-front members listed in results.json; {@code search.front_size} gives the full count. */
    static final int MAX_FRONT = 100;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Results() {
    }

    /**
     * Writes {@code results.json}, {@code report.md}, {@code decomposition.csv}, {@code predictions.csv} and
     * {@code model.json} into {@code outDir} as one set, then prints the table and the files written.
     */
    static void write(FittedModel model, String source, long seed, Path outDir, PrintWriter out, ObjectNode extra,
            CsvSchema schema) {
        write(model, source, seed, outDir, out, extra, schema, List.of());
    }

    /**
     * {@link #write(FittedModel, String, long, Path, PrintWriter, ObjectNode, CsvSchema)}, then each experiment's
     * measured lift against the model's prediction on the console, and in {@code results.json}'s
     * {@code experiments} ({@code channel, geo, start, end, lift, lift_se, predicted, predicted_lower,
     * predicted_upper, consistent}).
     *
     * @param tests the lift tests the model was calibrated with, possibly empty
     */
    static void write(FittedModel model, String source, long seed, Path outDir, PrintWriter out, ObjectNode extra,
            CsvSchema schema, List<io.github.mmm4j.models.bayes.LiftTest> tests) {
        List<io.github.mmm4j.auto.ExperimentComparison> compared = tests.isEmpty() ? List.of()
                : io.github.mmm4j.auto.ExperimentComparison.of(List.of(model), tests, true);
        if (!compared.isEmpty()) {
            extra = extra == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : extra;
            com.fasterxml.jackson.databind.node.ArrayNode arr = extra.putArray("experiments");
            for (io.github.mmm4j.auto.ExperimentComparison x : compared) {
                ObjectNode o = arr.addObject();
                o.put("channel", x.test().channel());
                if (x.test().geo() != null) {
                    o.put("geo", x.test().geo());
                }
                o.put("start", x.test().start().toString());
                o.put("end", x.test().end().toString());
                o.put("lift", x.test().lift());
                o.put("lift_se", x.test().standardError());
                var p = x.predictions().get(0);
                o.put("predicted", p.lift());
                p.interval().ifPresent(i -> {
                    o.put("predicted_lower", i.lower());
                    o.put("predicted_upper", i.upper());
                });
                o.put("consistent", p.consistent());
            }
        }
        ObjectNode json = toJson(model, source, seed);
        if (extra != null) {
            json.setAll(extra);
        }
        Optional<String> alwaysOn = alwaysOn(model, tests);
        String md = markdown(model, source, alwaysOn);
        List<Path> files = OutputSet.write(outDir, dir -> {
            AtomicFiles.writeString(dir.resolve("results.json"), json.toPrettyString() + "\n");
            AtomicFiles.writeString(dir.resolve("report.md"), md);
            PredictionCsv.write(model, model.data(), dir);
            if (schema == null) {
                ModelJson.write(model, dir.resolve("model.json"));
            } else {
                ModelJson.write(model, dir.resolve("model.json"), schema);
            }
        });
        out.print(table(model));
        alwaysOn.ifPresent(line -> out.printf(Locale.ROOT, "%n%s%n", line));
        if (!compared.isEmpty()) {
            out.printf(Locale.ROOT, "%nExperiments: the measured lift against the model's prediction over the same "
                    + "periods (the test and its carryover)%n");
            for (io.github.mmm4j.auto.ExperimentComparison x : compared) {
                var p = x.predictions().get(0);
                out.printf(Locale.ROOT, "  %s: measured %s (se %s), predicted %s%s%s%n", x.describeTest(),
                        ConsoleTable.amount(x.test().lift()), ConsoleTable.amount(x.test().standardError()),
                        ConsoleTable.amount(p.lift()), p.interval().map(i -> " " + ConsoleTable.interval(i.lower(),
                        i.upper())).orElse(""), p.consistent() ? ""
                        : "; OFF by more than two standard errors: trust the experiment over the model here");
            }
        }
        out.println();
        for (Path f : files) {
            out.printf(Locale.ROOT, "Wrote %s%n", f);
        }
        out.flush();
    }

    static ObjectNode toJson(FittedModel model, String source, long seed) {
        return ModelResults.of(model, "the only model fitted (--model " + model.estimator() + ")", source, seed);
    }

    /**
     * The search's summary for results.json: budget, evaluations, the selected candidate and the Pareto front.
     *
     * @param r the search result
     * @return an object with one field, {@code search}
     */
    static ObjectNode searchJson(io.github.mmm4j.models.search.SearchResult r) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode s = root.putObject("search");
        s.put("status", r.status().name().toLowerCase(Locale.ROOT));
        s.put("evaluations", r.evaluations());
        s.put("budget", r.budget());
        s.put("trials", r.trials().size());
        ObjectNode sel = s.putObject("selected");
        candidate(sel, r.selected());
        List<io.github.mmm4j.models.search.Candidate> all = r.front();
        s.put("front_size", all.size());
        ArrayNode front = s.putArray("front");
        int shown = Math.min(all.size(), MAX_FRONT);
        for (int i = 0; i < shown; i++) {
            // evenly spaced members of the front (ordered as the search returns it), both ends included
            int k = shown == 1 ? 0 : (int) Math.round((double) i * (all.size() - 1) / (shown - 1));
            candidate(front.addObject(), all.get(k));
        }
        return root;
    }

    private static void candidate(ObjectNode o, io.github.mmm4j.models.search.Candidate c) {
        JsonFields.number(o, "nrmse", c.nrmse());
        JsonFields.number(o, "decomp_rssd", c.decompRssd());
        c.mapeLift().ifPresent(v -> JsonFields.number(o, "mape_lift", v));
        JsonFields.number(o, "lambda", c.lambda());
        JsonFields.number(o, "r2", c.rSquared());
    }

    private static void params(ObjectNode o, List<String> names, double[] values) {
        for (int i = 0; i < names.size(); i++) {
            JsonFields.number(o, names.get(i), values[i]);
        }
    }



    static String table(FittedModel model) {
        StringBuilder sb = new StringBuilder();
        MmmDataset data = model.data();
        sb.append(String.format(Locale.ROOT, "mmm4j %s | %s model of %s | %d periods (%s to %s)%s%n",
                model.provenance().library(), model.estimator(), data.kpiName(), data.nPeriods(),
                data.time().start(), data.time().end(), data.nGeos() > 1 ? " x " + data.nGeos() + " geos"
                        + (model.hasGeoEffects() ? ", per-geo effects" : "") : ""));
        sb.append(fit(model)).append(String.format(Locale.ROOT, "%n"));
        sampler(model).ifPresent(line -> sb.append(line).append(String.format(Locale.ROOT, "%n")));
        price(model).ifPresent(line -> sb.append(line).append(String.format(Locale.ROOT, "%n")));
        sb.append(String.format(Locale.ROOT, "%n"));
        String lvl = String.format(Locale.ROOT, "ROI %d%% interval", Math.round(100 * model.intervalLevel()));
        boolean iv = model.drawCount() > 0;
        ConsoleTable t = new ConsoleTable("channel", "spend", "contribution", "share", "ROI", iv ? lvl : "", "mROI");
        for (ChannelSummary c : model.channels()) {
            String interval = c.roiInterval().map(i -> ConsoleTable.interval(i.lower(), i.upper())).orElse("");
            t.row(c.name(), ConsoleTable.amount(c.spend()), ConsoleTable.amount(c.contribution()),
                    ConsoleTable.pct(c.share()), ConsoleTable.amount(c.roi()), interval, ConsoleTable.amount(c.mroi()));
        }
        sb.append(t.render());
        priorLed(model).ifPresent(line -> sb.append(String.format(Locale.ROOT, "%n%s%n", line)));
        return sb.toString();
    }

    /**
     * For a Bayesian model, one line naming the channels whose ROI its prior sets more than the data do
     * ({@link FittedModel#roiDataWeight} below
     * {@link io.github.mmm4j.models.SamplerDiagnostics#PRIOR_LED_WEIGHT}), with each weight; empty when there are none.
     */
    static Optional<String> priorLed(FittedModel model) {
        List<String> led = new java.util.ArrayList<>();
        for (String c : model.data().channels()) {
            java.util.OptionalDouble w = model.roiDataWeight(c);
            if (w.isPresent() && w.getAsDouble() < io.github.mmm4j.models.SamplerDiagnostics.PRIOR_LED_WEIGHT) {
                led.add(String.format(Locale.ROOT, "%s (data %.0f%%)", c, Math.floor(100 * w.getAsDouble())));
            }
        }
        if (led.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("prior-led: " + String.join(", ", led) + ": the ROI prior sets more of "
                + (led.size() == 1 ? "this estimate" : "these estimates") + " than the data do (results.json "
                + "roi_data_weight); an experiment would measure " + (led.size() == 1 ? "it" : "them"));
    }

    /**
     * The sampler's convergence in one line for a sampled model: converged (R-hat at most 1.01, no divergence) or
     * not, with what to do; empty for other estimators.
     */
    static Optional<String> sampler(FittedModel model) {
        return model.samplerDiagnostics().map(Results::sampler);
    }

    /**
     * @param d a sampler's diagnostics
     * @return its line; R-hat with four decimals, so that a value just above the 1.01 limit does not print as 1.010
     */
    static String sampler(io.github.mmm4j.models.SamplerDiagnostics d) {
        String figures = String.format(Locale.ROOT, "max R-hat %.4f, min bulk ESS %.0f, %d divergent transitions",
                d.maxRhat(), d.minEssBulk(), d.divergences());
        return d.healthy() ? "sampler: converged (" + figures + ")"
                : "sampler: NOT CONVERGED (" + figures + "): the intervals are not reliable; run more warmup and "
                        + "draws (--warmup, --draws)"
                        + (d.divergences() > 0 ? " or take smaller steps (--target-accept 0.95)" : "");
    }

    /**
     * The price elasticities in one line, for a model with a price: each brand's (or the one pooled) estimate with its
     * interval, read as the percentage change of the baseline per 1% change of price.
     */
    static Optional<String> price(FittedModel model) {
        if (model.spec().price() == null) {
            return Optional.empty();
        }
        List<String> parts = new java.util.ArrayList<>();
        for (io.github.mmm4j.models.PriceElasticity e : model.priceElasticities()) {
            String v = Double.isFinite(e.estimate()) ? String.format(Locale.ROOT, "%.3g", e.estimate())
                    : "undefined (fitted baseline not positive)";
            String iv = e.interval().map(i -> String.format(Locale.ROOT, " [%.3g, %.3g]", i.lower(), i.upper()))
                    .orElse("");
            parts.add((e.brand().equals("all") ? "" : e.brand() + " ") + v + iv);
        }
        String caveat = model.priceElasticities().stream().map(io.github.mmm4j.models.PriceElasticity::caveat)
                .filter(c -> !c.isEmpty()).findFirst()
                .map(c -> ". N" + c.substring(1).replace("Bayesian model,", model.estimator().equals("bayes")
                        ? "Bayesian model (--geo-effect-sd above 0, not 0)," : "Bayesian model (--model bayes),"))
                .orElse("");
        return Optional.of(String.format(Locale.ROOT, "price elasticity of the baseline ('%s', %% change per 1%% "
                + "price change, %d%% interval): %s%s", model.spec().price().control(),
                Math.round(100 * model.intervalLevel()), String.join("; ", parts), caveat));
    }

    private static String fit(FittedModel model) {
        FitMetrics tr = model.trainMetrics();
        Optional<FitMetrics> te = model.testMetrics();
        String s = String.format(Locale.ROOT, "fit: train R² %.3f, MAPE %.1f%%, NRMSE %.3f", tr.r2(), 100 * tr.mape(),
                tr.nrmse());
        if (te.isPresent()) {
            s += String.format(Locale.ROOT, " | holdout (%d periods) R² %.3f, MAPE %.1f%%, NRMSE %.3f",
                    model.holdout(), te.get().r2(), 100 * te.get().mape(), te.get().nrmse());
        }
        Optional<FitMetrics> total = model.totalTrainMetrics();
        if (total.isPresent()) {
            // per geo and period above; the total over geos is what a national model (and Meridian's
            // "national" fit table) is judged on
            s += String.format(Locale.ROOT, " (per geo and period)%nfit of the total over %d geos: train R² %.3f, "
                    + "MAPE %.1f%%", model.data().nGeos(), total.get().r2(), 100 * total.get().mape());
            Optional<FitMetrics> tt = model.totalTestMetrics();
            if (tt.isPresent()) {
                s += String.format(Locale.ROOT, " | holdout R² %.3f, MAPE %.1f%%", tt.get().r2(),
                        100 * tt.get().mape());
            }
        }
        return s;
    }

    /**
     * One line naming the channels whose ROI rests mostly on the response curve below their lowest regular spend
     * ({@link FittedModel#belowObservedShare} at least {@link FittedModel#ALWAYS_ON_SHARE}), with each share, unless
     * a go-dark test the model was calibrated with measured the channel from zero; empty when there are none.
     *
     * @param model the model
     * @param tests the lift tests it was calibrated with
     * @return the line, or empty
     */
    static Optional<String> alwaysOn(FittedModel model, List<io.github.mmm4j.models.bayes.LiftTest> tests) {
        List<String> named = new java.util.ArrayList<>();
        List<String> channels = model.data().channels();
        for (int c = 0; c < channels.size(); c++) {
            String name = channels.get(c);
            double share = model.belowObservedShare(c);
            if (share >= FittedModel.ALWAYS_ON_SHARE
                    && tests.stream().noneMatch(t -> t.channel().equals(name) && t.goesDark(model.data()))) {
                named.add(String.format(Locale.ROOT, "%s (%.0f%%)", name, 100 * share));
            }
        }
        if (named.isEmpty()) {
            return Optional.empty();
        }
        boolean one = named.size() == 1;
        return Optional.of("always on: " + String.join(", ", named) + ": that share of " + (one ? "its" : "each one's")
                + " estimated effect at average spend comes from spend below " + (one ? "its" : "their")
                + " lowest regular level (the 5% quantile of its spend per period), which the data never show, so "
                + (one ? "its ROI rests" : "their ROIs rest") + " on the assumed shape of the response curve there; "
                + "the marginal ROI is better measured, and a go-dark test would measure the ROI (results.json "
                + "below_observed_share)");
    }

    private static String markdown(FittedModel model, String source, Optional<String> alwaysOn) {
        MmmDataset data = model.data();
        StringBuilder sb = new StringBuilder();
        sb.append("# Marketing mix model: ").append(escape(data.kpiName())).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Data: %s, %d %s periods from %s to %s%s.%n%n", escape(source),
                data.nPeriods(), data.time().frequency().name().toLowerCase(Locale.ROOT), data.time().start(),
                data.time().end(), data.nGeos() > 1 ? ", " + data.nGeos() + " geos" : ""));
        sb.append(fit(model)).append("\n\n");
        sampler(model).ifPresent(line -> sb.append(line).append("\n\n"));
        price(model).ifPresent(line -> sb.append(escape(line)).append("\n\n"));
        ChannelSummary best = model.channels().stream().max((a, b) -> Double.compare(a.roi(), b.roi())).orElseThrow();
        sb.append(String.format(Locale.ROOT, "Highest return: **%s**, about %s of %s per unit spent.%n%n",
                escape(best.name()), ConsoleTable.amount(best.roi()), escape(data.kpiName())));
        sb.append("| channel | spend | contribution | share | ROI | ROI interval | marginal ROI |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (ChannelSummary c : model.channels()) {
            String iv = c.roiInterval().map(i -> ConsoleTable.amount(i.lower()) + " to " + ConsoleTable.amount(i.upper()))
                    .orElse("n/a");
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f%% | %s | %s | %s |%n",
                    escape(c.name()), ConsoleTable.amount(c.spend()), ConsoleTable.amount(c.contribution()),
                    100 * c.share(), ConsoleTable.amount(c.roi()), iv, ConsoleTable.amount(c.mroi())));
        }
        priorLed(model).ifPresent(line -> sb.append('\n').append(escape(line)).append('\n'));
        alwaysOn.ifPresent(line -> sb.append('\n').append(escape(line)).append('\n'));
        if (data.nGeos() > 1) {
            sb.append(String.format(Locale.ROOT, "%n## ROI per geo%n%n%s%n%n", model.hasGeoEffects()
                    ? "The model lets each channel's effect differ by geo (partially pooled toward the channel's). "
                            + "Each cell is the ROI with its interval, computed draw by draw."
                    : POOLED_GEOS));
            sb.append("| geo |");
            for (String c : data.channels()) {
                sb.append(' ').append(escape(c)).append(" |");
            }
            sb.append("\n|---|").append("---:|".repeat(data.nChannels())).append('\n');
            java.util.List<java.util.List<ChannelSummary>> geos = model.geoChannels();
            for (int g = 0; g < geos.size(); g++) {
                sb.append("| ").append(escape(data.geos().get(g))).append(" |");
                for (ChannelSummary c : geos.get(g)) {
                    if (!(c.spend() > 0)) {
                        sb.append(" no spend |");
                        continue;
                    }
                    sb.append(' ').append(ConsoleTable.amount(c.roi()));
                    c.roiInterval().ifPresent(i -> sb.append(" (").append(ConsoleTable.amount(i.lower()))
                            .append(" to ").append(ConsoleTable.amount(i.upper())).append(')'));
                    sb.append(" |");
                }
                sb.append('\n');
            }
        }
        io.github.mmm4j.core.CsvSchema.cells(data.geos()).ifPresent(cells -> {
            java.util.Map<String, List<String>> byBrand = new java.util.TreeMap<>();
            java.util.Map<String, List<String>> byRegion = new java.util.TreeMap<>();
            for (int g = 0; g < cells.size(); g++) {
                byBrand.computeIfAbsent(cells.get(g)[0], k -> new java.util.ArrayList<>()).add(data.geos().get(g));
                byRegion.computeIfAbsent(cells.get(g)[1], k -> new java.util.ArrayList<>()).add(data.geos().get(g));
            }
            groupTable(sb, model, "brand", byBrand);
            groupTable(sb, model, "region", byRegion);
        });
        CollinearityReport col = model.collinearity();
        if (!col.severeNames().isEmpty() || col.illConditioned()) {
            sb.append(String.format(Locale.ROOT, "%nCollinearity: condition number %.1f; columns with VIF above %.0f: %s. "
                    + "The data cannot fully separate these effects; treat their split with caution.%n",
                    col.conditionNumber(), io.github.mmm4j.models.linear.Collinearity.DEFAULT_VIF_THRESHOLD,
                    escape(col.severeNames().toString())));
        }
        sb.append(String.format(Locale.ROOT, "%nModel: %s. ROI is the channel's modelled contribution over the whole "
                + "data window divided by its spend; marginal ROI is the extra %s per extra unit of spend at the "
                + "current level.%s%n", model.estimator(), escape(data.kpiName()),
                model.drawCount() > 0 ? String.format(Locale.ROOT, " Intervals are %d%% intervals from %d draws.",
                        Math.round(100 * model.intervalLevel()), model.drawCount()) : ""));
        return sb.toString();
    }

    /** A table of ROI (with its interval) per group of cells and channel, aggregated over the cells draw by draw. */
    private static void groupTable(StringBuilder sb, FittedModel model, String what,
            java.util.Map<String, List<String>> groups) {
        MmmDataset data = model.data();
        sb.append(String.format(Locale.ROOT, "%n## ROI per %s%n%nEach %s's cells added up draw by draw%s.%n%n| %s |",
                what, what, model.hasGeoEffects() ? "" : "; no intervals, as above", what));
        for (String c : data.channels()) {
            sb.append(' ').append(escape(c)).append(" |");
        }
        sb.append("\n|---|").append("---:|".repeat(data.nChannels())).append('\n');
        groups.forEach((name, cells) -> {
            sb.append("| ").append(escape(name)).append(" |");
            for (ChannelSummary c : model.channelsOver(cells)) {
                if (!(c.spend() > 0)) {
                    sb.append(" no spend |");
                    continue;
                }
                sb.append(' ').append(ConsoleTable.amount(c.roi()));
                c.roiInterval().ifPresent(i -> sb.append(" (").append(ConsoleTable.amount(i.lower())).append(" to ")
                        .append(ConsoleTable.amount(i.upper())).append(')'));
                sb.append(" |");
            }
            sb.append('\n');
        });
    }

    /**
     * What a pooled model's per-geo (and per-brand, per-region) ROIs are, and why they have no interval
     * ({@link io.github.mmm4j.models.FittedModel#geoChannels()}).
     */
    static final String POOLED_GEOS = "The model has one effect per channel for all geos, so geos differ only "
            + "through their spend (how saturated and carried over it is). These are not estimates of how each geo "
            + "responds and have no interval: one shared effect cannot tell how much geos differ. `fit --model bayes` "
            + "estimates each geo's effect with an interval.";

    private static String escape(String s) {
        return io.github.mmm4j.core.Text.markdown(s);
    }
}
