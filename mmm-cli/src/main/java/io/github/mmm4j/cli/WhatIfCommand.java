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
 * periods and geos like the channel's recent spend (the planning model's flighting); a channel not named keeps its
 * current plan. The computation is {@link Simulator#evaluate(double[])}, the one {@code simulator.html} runs in the
 * browser on the same numbers: every draw of the model (a large posterior evenly thinned, reported as {@code draws}
 * of {@code model_draws}), carryover from history included, so the KPI and each contribution come with intervals at
 * the model's level.
 *
 * <p>{@code scenario.json}: {@code kpi}, {@code horizon}, {@code start}, {@code end}, {@code interval_level} (null
 * without draws); {@code expected_kpi}, {@code current_kpi} and {@code incremental_kpi}, each with {@code _lower} and
 * {@code _upper}; {@code spend} and {@code current_spend} over the horizon; {@code channels}, each with {@code name},
 * {@code spend_per_period}, {@code spend}, {@code current_spend}, {@code contribution} (with {@code _lower}/
 * {@code _upper}; carryover of historical spend included), {@code incremental} (the contribution the horizon spend
 * causes, with {@code _lower}/{@code _upper}), {@code roi} ({@code incremental / spend}, null without spend, with
 * {@code _lower}/{@code _upper}) and {@code mroi} (with {@code _lower}/{@code _upper}).
 */
@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = "Evaluate a spend scenario with a saved model and write scenario.json.")
final class WhatIfCommand implements Callable<Integer> {

    @Mixin
    SavedModelArgs saved;

    @Option(names = "--spend", split = ",", paramLabel = "CH=AMOUNT",
            description = "Spend per period of a channel (summed over geos); channels not named keep their current plan.")
    List<String> spend = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}); not "
            + "the folder that holds the model.", defaultValue = "whatif-out")
    Path out;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Common.checkNotModelFolder(out, saved.model);
        FittedModel fitted = saved.read();
        int h = saved.horizon(fitted);
        PlanningModel pm = PlanningModel.of(fitted, h);
        Map<String, Double> perPeriod = parseSpend(spend, pm.channels());
        Simulator sim = Simulator.of(pm);
        ScenarioResult r = evaluate(sim, perPeriod);
        List<Path> files = OutputSet.write(out, dir -> AtomicFiles.writeString(dir.resolve("scenario.json"),
                json(r, sim, perPeriod).toPrettyString() + "\n"));
        PrintWriter w = spec.commandLine().getOut();
        w.print(table(r, pm));
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

    /**
     * The scenario: each named channel at {@code perPeriod} per period over the horizon, the others at their current
     * plan, evaluated against the current plan by the simulator (the computation {@code simulator.html} runs).
     *
     * @param sim the simulator
     * @param perPeriod spend per period by channel name
     * @return the evaluation
     */
    static ScenarioResult evaluate(Simulator sim, Map<String, Double> perPeriod) {
        return sim.evaluate(spendVector(sim, perPeriod));
    }

    /** Each channel's horizon total: {@link #spendVector} times the horizon. */
    static double[] spendVectorTotals(Simulator sim, Map<String, Double> perPeriod) {
        double[] s = spendVector(sim, perPeriod);
        for (int c = 0; c < s.length; c++) {
            s[c] *= sim.horizon();
        }
        return s;
    }

    /** Each channel's spend per period: as given, else its current plan. */
    static double[] spendVector(Simulator sim, Map<String, Double> perPeriod) {
        double[] s = sim.currentSpend();
        for (Map.Entry<String, Double> e : perPeriod.entrySet()) {
            s[sim.channels().indexOf(e.getKey())] = e.getValue();
        }
        return s;
    }

    /** Parses {@code CH=AMOUNT} entries: known channels, each once, finite amounts {@code >= 0}. */
    static Map<String, Double> parseSpend(List<String> entries, List<String> channels) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String s : entries) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new Main.BadInputException("--spend '" + s + "' is not CHANNEL=AMOUNT (commas separate entries: "
                        + "write amounts without thousands separators, for example tv=1000)");
            }
            String ch = s.substring(0, eq).strip();
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
            if (out.put(ch, v) != null) {
                throw new Main.BadInputException("--spend names '" + ch + "' twice");
            }
        }
        return out;
    }

    /** {@code scenario.json} (field names are a stable contract; see the class comment). */
    static ObjectNode json(ScenarioResult r, Simulator sim, Map<String, Double> perPeriod) {
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
        root.put("draws", sim.drawCount());
        root.put("model_draws", sim.modelDrawCount());
        withInterval(root, "expected_kpi", r.kpi(), r.kpiInterval());
        withInterval(root, "current_kpi", r.referenceKpi(), r.referenceKpiInterval());
        withInterval(root, "incremental_kpi", r.incrementalKpi(), r.incrementalKpiInterval());
        OptimizeCommand.num(root, "spend", r.spend());
        OptimizeCommand.num(root, "current_spend", r.referenceSpend());
        ArrayNode channels = root.putArray("channels");
        for (int c = 0; c < r.channels().size(); c++) {
            ChannelOutcome o = r.channels().get(c);
            ObjectNode co = channels.addObject();
            co.put("name", o.name());
            OptimizeCommand.num(co, "spend_per_period", o.spend() / pm.horizon());
            OptimizeCommand.num(co, "spend", o.spend());
            OptimizeCommand.num(co, "current_spend", r.reference().channelTotal(c));
            co.put("changed", perPeriod.containsKey(o.name()));
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
            withInterval(co, "mroi", o.marginalRoi(), sim.marginalRoiInterval(c, o.spend() / pm.horizon()));
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
