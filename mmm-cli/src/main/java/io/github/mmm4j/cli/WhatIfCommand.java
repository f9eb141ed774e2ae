package io.github.mmm4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mmm4j.core.AtomicFiles;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.OutputSet;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.optimize.ChannelOutcome;
import io.github.mmm4j.optimize.PlanningModel;
import io.github.mmm4j.optimize.ScenarioResult;
import io.github.mmm4j.optimize.Simulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mmm whatif --model model.json --horizon N --spend tv=120000,search=45000 --out DIR}: what a saved model
 * expects from a spend scenario over the next {@code N} periods, against the current plan, written to
 * {@code scenario.json} and printed as a table.
 *
 * <p>The scenario gives a channel's spend <em>per period</em> (summed over geos), held for the horizon and spread over
 * periods and geos like the channel's recent spend (the planning model's flighting); on a panel, {@code CH@GEO=AMOUNT}
 * gives a channel's spend per period in one geo instead (spread over that geo's periods the same way, the channel's
 * other geos keeping their current plan); a channel not named keeps its current plan. The computation is {@link Simulator#evaluate(double[])}, the one {@code simulator.html} runs in the
 * browser on the same numbers: every draw of the model (a large posterior evenly thinned, reported as {@code draws}
 * of {@code model_draws}), carryover from history included, so the KPI and each contribution come with intervals at
 * the model's level.
 *
 * <p>{@code scenario.json}: {@code kpi}, {@code horizon}, {@code start}, {@code end}, {@code interval_level} (null
 * without draws); {@code spend_change_roi} (the KPI's change, a price effect left out, per unit of the change in
 * spend; null without one; with {@code _lower}/{@code _upper});
 * {@code expected_kpi}, {@code current_kpi} and {@code incremental_kpi}, each with {@code _lower} and
 * {@code _upper}; {@code spend} and {@code current_spend} over the horizon; {@code channels}, each with {@code name},
 * {@code spend_per_period}, {@code spend}, {@code current_spend}, {@code contribution} (with {@code _lower}/
 * {@code _upper}; carryover of historical spend included), {@code incremental} (the contribution the horizon spend
 * causes, with {@code _lower}/{@code _upper}), {@code roi} ({@code incremental / spend}, null without spend, with
 * {@code _lower}/{@code _upper}) and {@code mroi} (with {@code _lower}/{@code _upper}); on a panel also {@code geos},
 * each with {@code geo} and {@code spend_per_period}. For a model with a price: {@code price} (its column),
 * {@code price_change_pct} ({@code --price-change}: the price held that many percent above the plan's over the
 * horizon) and {@code price_effect} (the expected change in the KPI it causes, with {@code _lower}/{@code _upper};
 * included in {@code expected_kpi} and {@code incremental_kpi}, left out of the return on the change in spend).
 */
@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = "Evaluate a spend scenario with a saved model and write scenario.json.")
final class WhatIfCommand implements Callable<Integer> {

    @Mixin
    SavedModelArgs saved;

    @Option(names = "--spend", split = ",", paramLabel = "CH[@GEO]=AMOUNT",
            description = "Spend per period of a channel (summed over geos, split as in the current plan), or of a "
                    + "channel in one geo (CH@GEO=AMOUNT); channels not named keep their current plan.")
    List<String> spend = new ArrayList<>();

    @Option(names = "--price-change", paramLabel = "PCT", description = "For a model with a price: hold the price "
            + "PCT percent above (or below, negative) the plan's price over the horizon; the KPI includes its effect.")
    Double priceChange;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}); not "
            + "the folder that holds the model.", defaultValue = "whatif-out")
    Path out;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Option(names = "--progress", description = "Show progress even when standard error is not a terminal.")
    boolean progress;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Common.checkNotModelFolder(out, saved.model);
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), progress || ProgressBar.interactive());
        bar.update("whatif", 0, "reading the model");
        FittedModel fitted = saved.read();
        int h = saved.horizon(fitted);
        bar.update("whatif", 0.4, "carryover and responses over the horizon");
        PlanningModel pm = PlanningModel.of(fitted, h);
        Map<String, Double> perPeriod = new LinkedHashMap<>();
        Map<String, Map<String, Double>> byGeo = new LinkedHashMap<>();
        parseSpend(spend, pm.channels(), fitted.data().geos(), perPeriod, byGeo);
        Simulator sim = Simulator.of(pm);
        double[][] cells = cells(sim, perPeriod, byGeo);
        double pct = priceChange == null ? 0 : priceChange;
        if (!Double.isFinite(pct) || pct <= -100) {
            throw new Main.BadInputException("--price-change " + priceChange + " must be a finite percent above -100");
        }
        if (pct != 0 && !sim.hasPrice()) {
            throw new Main.BadInputException("--price-change " + priceChange + ": the model has no price (fit it with "
                    + "--price COL)");
        }
        bar.update("whatif", 0.8, "the scenario over every draw");
        ScenarioResult r;
        try {
            r = sim.evaluateByGeo(cells, 1 + pct / 100);
        } catch (IllegalArgumentException e) {
            throw new Main.BadInputException("--spend: " + e.getMessage());
        }
        List<String> warnings = extrapolation(sim, cells, pct);
        List<Path> files = OutputSet.write(out, dir -> {
            ObjectNode j = json(r, sim, cells, changed(perPeriod, byGeo), pct);
            ArrayNode wa = j.putArray("warnings");
            warnings.forEach(wa::add);
            AtomicFiles.writeString(dir.resolve("scenario.json"), j.toPrettyString() + "\n");
        });
        bar.done();
        PrintWriter w = spec.commandLine().getOut();
        w.print(table(r, pm));
        for (String x : warnings) {
            w.printf(Locale.ROOT, "warning: %s%n", x);
        }
        if (sim.drawCount() < sim.modelDrawCount()) {
            w.printf(Locale.ROOT, "intervals over %d of the model's %d draws, evenly thinned as in simulator.html%n",
                    sim.drawCount(), sim.modelDrawCount());
        }
        w.println();
        for (Path f : files) {
            w.printf(Locale.ROOT, "Wrote %s%n", f);
        }
        w.flush();
        return 0;
    }

    /** Each channel's spend per period: as given, else its current plan. */
    static double[] spendVector(Simulator sim, Map<String, Double> perPeriod) {
        double[] s = sim.currentSpend();
        for (Map.Entry<String, Double> e : perPeriod.entrySet()) {
            s[sim.channels().indexOf(e.getKey())] = e.getValue();
        }
        return s;
    }

    /**
     * Where a scenario reads the model beyond its data, as simulator.html warns: a channel above 1.5 times the most
     * the data spent on it in one period, or a mean price outside the prices in the data.
     */
    static List<String> extrapolation(Simulator sim, double[][] cells, double pricePct) {
        List<String> out = new ArrayList<>();
        double[] most = sim.historyMaxSpend();
        for (int c = 0; c < cells.length; c++) {
            double total = 0;
            for (double v : cells[c]) {
                total += v;
            }
            if (total > 1.5 * most[c]) {
                out.add(String.format(Locale.ROOT, "%s at %s per period is beyond the most the data ever spent on it "
                        + "(%s): an extrapolation", sim.channels().get(c), ConsoleTable.amount(total),
                        ConsoleTable.amount(most[c])));
            }
        }
        if (sim.hasPrice() && pricePct != 0) {
            double[] range = sim.observedPriceRange();
            double p = sim.meanPrice() * (1 + pricePct / 100);
            if (p < range[0] || p > range[1]) {
                out.add(String.format(Locale.ROOT, "a mean price of %s is outside the prices in the data (%s to %s): "
                        + "an extrapolation", ConsoleTable.amount(p), ConsoleTable.amount(range[0]),
                        ConsoleTable.amount(range[1])));
            }
        }
        return out;
    }

    /** The channels a scenario names (in total or in a geo). */
    private static java.util.Set<String> changed(Map<String, Double> perPeriod, Map<String, Map<String, Double>> byGeo) {
        java.util.Set<String> out = new java.util.HashSet<>(perPeriod.keySet());
        out.addAll(byGeo.keySet());
        return out;
    }

    /**
     * Spend per period by channel and geo: the current plan, each channel named in total split over geos as in the
     * current plan, each channel named by geo set in those geos.
     */
    static double[][] cells(Simulator sim, Map<String, Double> perPeriod, Map<String, Map<String, Double>> byGeo) {
        double[] v = spendVector(sim, perPeriod);
        List<String> geos = sim.geos();
        double[][] cells = new double[v.length][];
        for (int c = 0; c < v.length; c++) {
            cells[c] = sim.geoShares(c);
            for (int g = 0; g < cells[c].length; g++) {
                cells[c][g] *= v[c];
            }
            Map<String, Double> set = byGeo.get(sim.channels().get(c));
            if (set != null) {
                for (Map.Entry<String, Double> e : set.entrySet()) {
                    cells[c][geos.indexOf(e.getKey())] = e.getValue();
                }
            }
        }
        return cells;
    }

    /**
     * Parses {@code CH=AMOUNT} (spend per period summed over geos) and, on a panel, {@code CH@GEO=AMOUNT} (spend per
     * period in one geo) entries: known channels and geos, each once, a channel either in total or by geo, finite
     * amounts {@code >= 0}.
     */
    static void parseSpend(List<String> entries, List<String> channels, List<String> geos, Map<String, Double> out,
            Map<String, Map<String, Double>> byGeo) {
        for (String s : entries) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new Main.BadInputException("--spend '" + s + "' is not CHANNEL=AMOUNT or CHANNEL@GEO=AMOUNT "
                        + "(commas separate entries: write amounts without thousands separators, for example tv=1000)");
            }
            String key = s.substring(0, eq).strip();
            int at = key.indexOf('@');
            String ch = at < 0 ? key : key.substring(0, at).strip();
            String geo = at < 0 ? null : key.substring(at + 1).strip();
            if (!channels.contains(ch)) {
                throw new Main.BadInputException("--spend '" + s + "': '" + ch + "' is not a channel of the model; "
                        + "channels are " + channels + io.github.mmm4j.core.Text.didYouMean(ch, channels));
            }
            double v;
            try {
                v = Double.parseDouble(s.substring(eq + 1).strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new Main.BadInputException("--spend '" + s + "': '" + s.substring(eq + 1).strip()
                        + "' is not a number");
            }
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new Main.BadInputException("--spend '" + s + "': the amount must be finite and >= 0");
            }
            if (v > io.github.mmm4j.core.MmmCsv.MAX_MAGNITUDE) {
                throw new Main.BadInputException("--spend '" + s + "': the amount is beyond the largest accepted, 1e50");
            }
            if (geo != null) {
                if (geos.size() < 2) {
                    throw new Main.BadInputException("--spend '" + s + "': the model has one geo; give " + ch
                            + "=AMOUNT");
                }
                if (!geos.contains(geo)) {
                    throw new Main.BadInputException("--spend '" + s + "': '" + geo + "' is not a geo of the model; "
                            + "geos are " + geos + io.github.mmm4j.core.Text.didYouMean(geo, geos));
                }
                if (out.containsKey(ch) || byGeo.computeIfAbsent(ch, k -> new LinkedHashMap<>()).put(geo, v) != null) {
                    throw new Main.BadInputException("--spend names '" + ch + "' in '" + geo + "' twice, or both in "
                            + "total and by geo");
                }
            } else if (byGeo.containsKey(ch) || out.put(ch, v) != null) {
                throw new Main.BadInputException("--spend names '" + ch + "' twice, or both in total and by geo");
            }
        }
    }

    /** {@code scenario.json} (field names are a stable contract; see the class comment). */
    static ObjectNode json(ScenarioResult r, Simulator sim, double[][] cells, java.util.Set<String> changed,
            double priceChangePct) {
        PlanningModel pm = sim.planningModel();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        MmmDataset data = pm.model().data();
        root.put("kpi", data.kpiName());
        root.put("horizon", pm.horizon());
        var future = data.time().extend(pm.horizon());
        root.put("start", future.date(data.nPeriods()).toString());
        root.put("end", future.end().toString());
        if (r.kpiInterval().isPresent()) {
            root.put("interval_level", r.kpiInterval().get().level());
        } else {
            root.putNull("interval_level");
        }
        if (sim.hasPrice()) {
            root.put("price", sim.priceControl());
            root.put("price_change_pct", priceChangePct);
            withInterval(root, "price_effect", sim.priceEffect(-1, 1 + priceChangePct / 100),
                    sim.priceEffectInterval(1 + priceChangePct / 100));
        }
        root.put("draws", sim.drawCount());
        root.put("model_draws", sim.modelDrawCount());
        withInterval(root, "expected_kpi", r.kpi(), r.kpiInterval());
        withInterval(root, "current_kpi", r.referenceKpi(), r.referenceKpiInterval());
        withInterval(root, "incremental_kpi", r.incrementalKpi(), r.incrementalKpiInterval());
        OptimizeCommand.num(root, "spend", r.spend());
        OptimizeCommand.num(root, "current_spend", r.referenceSpend());
        // the return on the change in spend (a price effect left out), null without a change in spend
        if (r.incrementalRoi().isPresent()) {
            withInterval(root, "spend_change_roi", r.incrementalRoi().getAsDouble(), r.incrementalRoiInterval());
        } else {
            root.putNull("spend_change_roi");
            root.putNull("spend_change_roi_lower");
            root.putNull("spend_change_roi_upper");
        }
        ArrayNode channels = root.putArray("channels");
        for (int c = 0; c < r.channels().size(); c++) {
            ChannelOutcome o = r.channels().get(c);
            ObjectNode co = channels.addObject();
            co.put("name", o.name());
            OptimizeCommand.num(co, "spend_per_period", o.spend() / pm.horizon());
            OptimizeCommand.num(co, "spend", o.spend());
            OptimizeCommand.num(co, "current_spend", r.reference().channelTotal(c));
            co.put("changed", changed.contains(o.name()));
            withInterval(co, "contribution", o.contribution(), o.contributionInterval());
            withInterval(co, "incremental", o.incremental(), o.incrementalInterval());
            if (o.roi().isPresent()) {
                OptimizeCommand.num(co, "roi", o.roi().getAsDouble());
            } else {
                co.putNull("roi");
            }
            if (o.roi().isPresent() && o.incrementalInterval().isPresent()) {
                OptimizeCommand.num(co, "roi_lower", o.incrementalInterval().get().lower() / o.spend());
                OptimizeCommand.num(co, "roi_upper", o.incrementalInterval().get().upper() / o.spend());
            } else {
                co.putNull("roi_lower");
                co.putNull("roi_upper");
            }
            withInterval(co, "mroi", o.marginalRoi(), sim.marginalRoiIntervalByGeo(c, cells[c]));
            if (sim.geos().size() > 1) {
                ArrayNode geos = co.putArray("geos");
                for (int g = 0; g < cells[c].length; g++) {
                    ObjectNode go = geos.addObject();
                    go.put("geo", sim.geos().get(g));
                    OptimizeCommand.num(go, "spend_per_period", cells[c][g]);
                }
            }
        }
        return root;
    }

    private static void withInterval(ObjectNode o, String name, double v, Optional<Interval> iv) {
        OptimizeCommand.num(o, name, v);
        if (iv.isPresent()) {
            OptimizeCommand.num(o, name + "_lower", iv.get().lower());
            OptimizeCommand.num(o, name + "_upper", iv.get().upper());
        } else {
            o.putNull(name + "_lower");
            o.putNull(name + "_upper");
        }
    }

    /** A readable table of the scenario. */
    static String table(ScenarioResult r, PlanningModel pm) {
        ConsoleTable t = new ConsoleTable("channel", "per period", "spend", "current", "contribution", "interval",
                "incremental", "ROI", "mROI");
        for (int c = 0; c < r.channels().size(); c++) {
            ChannelOutcome o = r.channels().get(c);
            t.row(o.name(), ConsoleTable.amount(o.spend() / pm.horizon()), ConsoleTable.amount(o.spend()),
                    ConsoleTable.amount(r.reference().channelTotal(c)), ConsoleTable.amount(o.contribution()),
                    o.contributionInterval().map(i -> ConsoleTable.interval(i.lower(), i.upper())).orElse("-"),
                    ConsoleTable.amount(o.incremental()), o.roi().isPresent() ? ConsoleTable.amount(o.roi().getAsDouble()) : "-",
                    ConsoleTable.amount(o.marginalRoi()));
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "What-if over the next %d periods (%s):%n", pm.horizon(),
                pm.model().data().kpiName()));
        sb.append(t.render());
        sb.append(String.format(Locale.ROOT, "%nexpected %s: %s%s (current plan %s, change %s)%n",
                pm.model().data().kpiName(), ConsoleTable.amount(r.kpi()),
                r.kpiInterval().map(i -> ", " + Math.round(100 * i.level()) + "% interval "
                        + ConsoleTable.interval(i.lower(), i.upper())).orElse(""),
                ConsoleTable.amount(r.referenceKpi()), ConsoleTable.amount(r.incrementalKpi())
                        + r.incrementalKpiInterval().map(i -> " " + ConsoleTable.interval(i.lower(), i.upper()))
                                .orElse("")));
        sb.append("contribution includes carryover of past spend; incremental is what the horizon's spend adds, and ROI "
                + "is incremental / spend").append(System.lineSeparator());
        return sb.toString();
    }
}
