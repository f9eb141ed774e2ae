package io.github.mmm4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mmm4j.core.AtomicFiles;
import io.github.mmm4j.core.OutputSet;
import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelJson;
import io.github.mmm4j.optimize.Allocation;
import io.github.mmm4j.optimize.BudgetConstraints;
import io.github.mmm4j.optimize.BudgetOptimizer;
import io.github.mmm4j.optimize.ChannelAllocation;
import io.github.mmm4j.optimize.ChannelBound;
import io.github.mmm4j.optimize.ChannelGroup;
import io.github.mmm4j.optimize.Objective;
import io.github.mmm4j.optimize.PlanningModel;
import io.github.mmm4j.optimize.ResponseCurves;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mmm optimize --model DIR/model.json ...}: the best allocation of a budget over a future horizon, written to
 * {@code plan.json} and printed as a table; the channels' response curves and the budget efficiency frontier go to
 * {@code response_curves.csv} and {@code frontier.csv}.
 *
 * <p>{@code plan.json} has: {@code objective}, {@code status}, {@code message}, {@code method}, {@code horizon},
 * {@code start} and {@code end} (the horizon's first and last period), {@code budget}; {@code channels}, a list of
 * objects with {@code name}, {@code current_spend}, {@code optimal_spend}, {@code delta},
 * {@code expected_contribution} (with {@code lower} and {@code upper} when the model has draws),
 * {@code current_contribution}, {@code mroi}, {@code locked}; and the totals {@code expected_kpi_current},
 * {@code expected_kpi_optimal} (with {@code expected_kpi_optimal_lower}/{@code _upper}), {@code expected_kpi_gain}
 * (optimal minus current, with {@code _lower}/{@code _upper}: the interval of the per-draw gain), {@code uplift_pct}.
 * Conflicting constraints exit with code 2 and one line naming them.
 */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = "Allocate a budget across channels for a future horizon and write plan.json.")
final class OptimizeCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model.json written by fit/demo.")
    Path model;

    @Option(names = "--budget", paramLabel = "B",
            description = "Total budget over the horizon (default: the current spend over the same horizon). For "
                    + "profit and target objectives it is a cap (default: three times the current spend).")
    Double budget;

    @Option(names = "--bounds", split = ",", paramLabel = "CH=MIN:MAX",
            description = "Per-channel bounds: absolute amounts, multiples of current spend (0.5x:2x) or percentages "
                    + "of the budget (10%%:40%%); an empty MAX means no maximum.")
    List<String> bounds = new ArrayList<>();

    @Option(names = "--lock", split = ",", paramLabel = "CH", description = "Channels kept at their current spend.")
    List<String> locks = new ArrayList<>();

    @Option(names = "--by-geo", description = "On a panel model, allocate over channel x geo (each cell's own "
            + "response curve) instead of per channel with the current geo split; --bounds then bound each channel's "
            + "total over its geos.")
    boolean byGeo;

    @Option(names = "--geo-bounds", split = ",", paramLabel = "GEO=MIN:MAX",
            description = "With --by-geo, bounds on a geo's total over its channels, in the units of --bounds; with "
                    + "--bounds too, each cell is held by both (with S-shaped response curves the plan then comes with "
                    + "how close to the best plan it is proven to be). On brand x region cells GEO may be a cell, a "
                    + "region or a brand.")
    List<String> geoBounds = new ArrayList<>();

    @Option(names = "--horizon", paramLabel = "N",
            description = "Future periods to plan (default: a quarter: 13 weeks or 91 days).")
    Integer horizon;

    @Option(names = "--objective", paramLabel = "NAME", defaultValue = "kpi",
            description = "kpi, profit, target-kpi, target-roi or target-mroi (default: ${DEFAULT-VALUE}).")
    String objective;

    @Option(names = "--margin", paramLabel = "M", description = "Profit per unit of KPI (objective profit).")
    Double margin;

    @Option(names = "--target-roi", paramLabel = "R", description = "Target ROI (objective target-roi).")
    Double targetRoi;

    @Option(names = "--target-mroi", paramLabel = "R", description = "Target marginal ROI (objective target-mroi).")
    Double targetMroi;

    @Option(names = "--target-kpi", paramLabel = "K", description = "Target KPI over the horizon (objective target-kpi).")
    Double targetKpi;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}); not "
            + "the folder that holds the model.", defaultValue = "plan-out")
    Path out;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Option(names = "--progress", description = "Show progress even when standard error is not a terminal.")
    boolean progress;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Common.checkNotModelFolder(out, model);
        Objective obj = objective();
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), progress || ProgressBar.interactive());
        bar.update("optimize", 0, "reading the model");
        FittedModel fitted = ModelJson.read(model);
        int h = horizon != null ? horizon : defaultHorizon(fitted.data());
        if (h < 1) {
            throw new Main.BadInputException("--horizon " + h + " must be at least 1");
        }
        if (byGeo && fitted.data().nGeos() < 2) {
            throw new Main.BadInputException("--by-geo needs a panel model; " + model + " has one geo");
        }
        if (!byGeo && !geoBounds.isEmpty()) {
            throw new Main.BadInputException("--geo-bounds needs --by-geo");
        }
        bar.update("optimize", 0.05, "carryover and responses over the horizon");
        PlanningModel pm = PlanningModel.of(byGeo ? fitted.byGeo() : fitted, h);
        BudgetConstraints.Builder b = BudgetConstraints.builder();
        if (budget != null) {
            checkBudget(budget, pm.baseline().total());
            b.budget(budget);
        }
        List<String> channels = fitted.data().channels();
        List<String> geos = fitted.data().geos();
        double total = budget != null ? budget : pm.baseline().total();
        for (String s : bounds) {
            Bound bd = parseBound(s, "--bounds", "channel", channels);
            if (byGeo) {
                b.group(bd.group(cellsOf(bd.name(), channels, geos, true), pm, total));
            } else {
                bd.apply(b);
            }
        }
        List<String> boundable = new ArrayList<>(geos);
        io.github.mmm4j.core.CsvSchema.cells(geos).ifPresent(cs -> {
            // on brand x region cells a geo bound may name a cell, a region (its cells of every brand) or a brand
            for (String[] cell : cs) {
                for (String part : cell) {
                    if (!boundable.contains(part)) {
                        boundable.add(part);
                    }
                }
            }
        });
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String s : geoBounds) {
            Bound bd = parseBound(s, "--geo-bounds", "geo", boundable);
            java.util.Optional<List<String[]>> parts = io.github.mmm4j.core.CsvSchema.cells(geos);
            if (parts.isPresent() && parts.get().stream().anyMatch(p -> p[0].equals(bd.name()))
                    && parts.get().stream().anyMatch(p -> p[1].equals(bd.name()))) {
                throw new Main.BadInputException("--geo-bounds '" + s + "': '" + bd.name() + "' is both a brand and "
                        + "a region of the model, so the bound is ambiguous; bound a cell ('BRAND / REGION') instead, "
                        + "or rename the brand or the region in the data");
            }
            if (!seen.add(bd.name())) {
                throw new Main.BadInputException("--geo-bounds '" + s + "': '" + bd.name() + "' is bounded twice");
            }
            b.group(bd.group(cellsOf(bd.name(), channels, geos, false), pm, total));
        }
        for (String l : locks) {
            String ch = channel("--lock", l, l.strip(), channels);
            for (String v : byGeo ? cellsOf(ch, channels, geos, true) : List.of(ch)) {
                b.lock(v);
            }
        }
        List<String> dark = byGeo ? neverSpent(pm) : List.of();
        dark.forEach(b::lock);
        bar.update("optimize", 0.15, "the plan");
        Allocation a = BudgetOptimizer.optimize(pm, b.build(), obj);
        if (a.status() == io.github.mmm4j.optimize.OptimizerStatus.INFEASIBLE) {
            // A target that cannot be met is a request the model cannot honour: say so, and write no plan.
            throw new Main.BadInputException(String.format(Locale.ROOT, "%s cannot be met: %s",
                    targetText().isEmpty() ? "--objective " + objective : targetText(), a.message()));
        }
        BudgetConstraints constraints = b.build();
        List<Path> files = OutputSet.write(out, dir -> {
            ObjectNode plan = planJson(a, pm);
            if (byGeo) {
                cells(plan, a, fitted);
                // cells held at zero because their channel never spent in their geo
                dark.forEach(plan.putArray("never_spent")::add);
            }
            AtomicFiles.writeString(dir.resolve("plan.json"), plan.toPrettyString() + "\n");
            if (byGeo) {
                bar.update("optimize", 0.3, "response curves per brand, region and cell");
                curvesByGeo(pm, fitted.data()).writeCsv(dir.resolve("response_curves_by_geo.csv"));
            }
            writeTables(pm, constraints, dir, (what, f) -> bar.update("optimize", 0.35 + 0.65 * f, what));
        });
        bar.done();
        PrintWriter w = spec.commandLine().getOut();
        w.print(table(a, pm));
        if (!dark.isEmpty()) {
            w.printf(Locale.ROOT, "Held at zero: %s never spent in %s, so the data show nothing of %s response "
                    + "there: %s%n", dark.size() == 1 ? "this cell's channel" : "these cells' channels",
                    dark.size() == 1 ? "its geo" : "their geos", dark.size() == 1 ? "its" : "their",
                    String.join(", ", dark));
        }
        w.println();
        for (Path f : files) {
            w.printf(Locale.ROOT, "Wrote %s%n", f);
        }
        w.flush();
        return 0;
    }

    /** A quarter: 13 weekly or 91 daily periods. */
    static int defaultHorizon(MmmDataset data) {
        return data.time().frequency() == Frequency.DAILY ? 91 : 13;
    }

    private Objective objective() {
        return switch (objective) {
            case "kpi" -> Objective.maximizeKpi();
            case "profit" -> Objective.maximizeProfit(required(margin, "--margin"));
            case "target-roi" -> Objective.targetRoi(required(targetRoi, "--target-roi"));
            case "target-mroi" -> Objective.targetMarginalRoi(required(targetMroi, "--target-mroi"));
            case "target-kpi" -> Objective.targetKpi(required(targetKpi, "--target-kpi"));
            default -> throw new Main.BadInputException("--objective " + objective
                    + " is not available; choose kpi, profit, target-kpi, target-roi or target-mroi");
        };
    }

    /** Most budget accepted, as a multiple of the current spend over the horizon. */
    static final double MAX_BUDGET_MULTIPLE = 100;

    /**
     * A budget must be finite, not negative, and at most {@link #MAX_BUDGET_MULTIPLE} times the current spend over
     * the horizon: far beyond that the response curves are extrapolated past anything the model has seen, and the
     * optimiser's search over the budget no longer resolves the allocation.
     */
    static void checkBudget(double budget, double current) {
        if (!(budget >= 0) || Double.isInfinite(budget)) {
            throw new Main.BadInputException("--budget " + budget + " must be finite and >= 0");
        }
        if (budget > io.github.mmm4j.core.MmmCsv.MAX_MAGNITUDE) {
            throw new Main.BadInputException("--budget " + budget + " is beyond the largest amount accepted, 1e50");
        }
        if (current > 0 && budget > MAX_BUDGET_MULTIPLE * current) {
            throw new Main.BadInputException(String.format(Locale.ROOT, "--budget %s is more than %.0f times the "
                    + "current spend over the horizon (%s); the model has seen nothing near that level",
                    budget, MAX_BUDGET_MULTIPLE, ConsoleTable.amount(current)));
        }
    }

    private String targetText() {
        Double v = switch (objective) {
            case "target-roi" -> targetRoi;
            case "target-mroi" -> targetMroi;
            case "target-kpi" -> targetKpi;
            default -> null;
        };
        return v == null ? "" : "--" + objective + " " + v;
    }

    /** A channel named by an option, or bad input naming the option, the value and a close channel name. */
    private static String channel(String option, String value, String name, List<String> channels) {
        if (!channels.contains(name)) {
            throw new Main.BadInputException(option + " '" + value + "': '" + name + "' is not a channel of the model; "
                    + "channels are " + channels + io.github.mmm4j.core.Text.didYouMean(name, channels));
        }
        return name;
    }

    private double required(Double v, String name) {
        if (v == null) {
            throw new Main.BadInputException("--objective " + objective + " needs " + name);
        }
        return v;
    }

    /**
     * The split channels ({@link FittedModel#byGeo()}) of one channel, or of one geo: a geo's name, or on brand x
     * region cells a region or a brand (every cell of it).
     */
    static List<String> cellsOf(String name, List<String> channels, List<String> geos, boolean ofChannel) {
        List<String> members = new ArrayList<>();
        if (ofChannel) {
            members.addAll(geos);
        } else {
            java.util.Optional<List<String[]>> cells = io.github.mmm4j.core.CsvSchema.cells(geos);
            for (int g = 0; g < geos.size(); g++) {
                boolean match = geos.get(g).equals(name) || cells.isPresent()
                        && (cells.get().get(g)[0].equals(name) || cells.get().get(g)[1].equals(name));
                if (match) {
                    members.add(geos.get(g));
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String c : ofChannel ? List.of(name) : channels) {
            for (String g : members) {
                out.add(c + FittedModel.CELL_CHANNEL_SEPARATOR + g);
            }
        }
        return out;
    }

    /**
     * A parsed bound: amounts absolute ({@code kind} 0), multiples of current spend ({@code x}) or percentages of the
     * budget ({@code %}).
     */
    record Bound(String name, char kind, double min, double max) {

        /** Applies the bound to its channel. */
        void apply(BudgetConstraints.Builder b) {
            switch (kind) {
                case 'x' -> b.bound(name, ChannelBound.multipleOfCurrent(min, max));
                case '%' -> b.bound(name, ChannelBound.fractionOfBudget(min / 100,
                        Double.isInfinite(max) ? 1 : max / 100));
                default -> b.bound(name, ChannelBound.absolute(min, max));
            }
        }

        /** The bound as a group over {@code members}, in absolute amounts (current spend from the plan's baseline). */
        ChannelGroup group(List<String> members, PlanningModel pm, double budget) {
            double current = 0;
            for (String m : members) {
                current += pm.baseline().channelTotal(m);
            }
            double unit = kind == 'x' ? current : kind == '%' ? budget / 100 : 1;
            double hi = Double.isInfinite(max) ? Double.POSITIVE_INFINITY : max * unit;
            return new ChannelGroup(name, members, min * unit, hi);
        }
    }

    /** Parses {@code ch=min:max}; amounts absolute, with {@code x} multiples of current, with {@code %} of budget. */
    static void parseBound(String s, BudgetConstraints.Builder b, List<String> channels) {
        parseBound(s, "--bounds", "channel", channels).apply(b);
    }

    /** Parses {@code NAME=min:max} of an option whose names are {@code names} (channels or geos). */
    static Bound parseBound(String s, String option, String what, List<String> names) {
        int eq = s.indexOf('=');
        int colon = s.indexOf(':', Math.max(eq, 0));
        if (eq <= 0 || colon < 0) {
            throw new Main.BadInputException(option + " '" + s + "' is not " + what.toUpperCase(Locale.ROOT)
                    + "=MIN:MAX");
        }
        String ch = s.substring(0, eq).strip();
        if (!names.contains(ch)) {
            throw new Main.BadInputException(option + " '" + s + "': '" + ch + "' is not a " + what + " of the model; "
                    + what + "s are " + names + io.github.mmm4j.core.Text.didYouMean(ch, names));
        }
        String lo = s.substring(eq + 1, colon).strip();
        String hi = s.substring(colon + 1).strip();
        char kind = unit(lo) != 0 ? unit(lo) : unit(hi);
        double min = lo.isEmpty() ? 0 : number(strip(lo), s, option);
        double max = hi.isEmpty() ? Double.POSITIVE_INFINITY : number(strip(hi), s, option);
        // both ends in one unit; a bare 0 is 0 in any unit
        boolean loBare = unit(lo) == 0 && !lo.isEmpty() && min != 0;
        boolean hiBare = unit(hi) == 0 && !hi.isEmpty();
        if (unit(lo) != 0 && unit(hi) != 0 && unit(lo) != unit(hi) || kind != 0 && (loBare || hiBare)) {
            throw new Main.BadInputException(option + " '" + s + "': " + what + " '" + ch + "' mixes units; give "
                    + "both ends in one unit: multiples of current spend (0.5x:2x), percentages of the budget "
                    + "(10%:40%) or amounts (5000:20000)");
        }
        String where = option + " '" + s + "': " + what + " '" + ch + "'";
        if (!(min >= 0) || Double.isInfinite(min) || Double.isNaN(max)) {
            throw new Main.BadInputException(where + " needs a finite minimum >= 0");
        }
        if (max < min) {
            throw new Main.BadInputException(where + " has its maximum " + hi + " below its minimum " + lo);
        }
        if (kind == '%' && (min > 100 || (max > 100 && !Double.isInfinite(max)))) {
            throw new Main.BadInputException(where + " asks for more than 100% of the budget");
        }
        return new Bound(ch, kind, min, max);
    }

    private static char unit(String v) {
        if (v.endsWith("x") || v.endsWith("X")) {
            return 'x';
        }
        return v.endsWith("%") ? '%' : 0;
    }

    private static String strip(String v) {
        return v.endsWith("x") || v.endsWith("X") || v.endsWith("%") ? v.substring(0, v.length() - 1) : v;
    }

    private static double number(String v, String whole, String option) {
        try {
            return Double.parseDouble(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new Main.BadInputException(option + " '" + whole + "': '" + v + "' is not a number");
        }
    }

    /** The plan as JSON (field names are a stable contract; see the class comment). */
    static ObjectNode planJson(Allocation a, PlanningModel pm) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        MmmDataset data = pm.model().data();
        root.put("objective", a.objective());
        root.put("status", a.status().name());
        root.put("message", a.message());
        root.put("method", a.method());
        root.put("kpi", data.kpiName());
        root.put("horizon", pm.horizon());
        var future = data.time().extend(pm.horizon());
        root.put("start", future.date(data.nPeriods()).toString());
        root.put("end", future.end().toString());
        num(root, "budget", a.budget());
        ArrayNode channels = root.putArray("channels");
        for (ChannelAllocation c : a.channels()) {
            ObjectNode o = channels.addObject();
            o.put("name", c.name());
            num(o, "current_spend", c.currentSpend());
            num(o, "optimal_spend", c.optimalSpend());
            num(o, "delta", c.delta());
            num(o, "expected_contribution", c.expectedContribution());
            c.contributionInterval().ifPresent(i -> {
                num(o, "lower", i.lower());
                num(o, "upper", i.upper());
            });
            num(o, "current_contribution", c.currentContribution());
            num(o, "mroi", c.marginalRoi());
            o.put("locked", c.locked());
        }
        num(root, "expected_kpi_current", a.expectedKpiCurrent());
        num(root, "expected_kpi_optimal", a.expectedKpiOptimal());
        a.outcome().kpiInterval().ifPresent(i -> {
            num(root, "expected_kpi_optimal_lower", i.lower());
            num(root, "expected_kpi_optimal_upper", i.upper());
            root.put("interval_level", i.level());
        });
        num(root, "expected_kpi_gain", a.outcome().incrementalKpi());
        a.outcome().incrementalKpiInterval().ifPresent(i -> {
            num(root, "expected_kpi_gain_lower", i.lower());
            num(root, "expected_kpi_gain_upper", i.upper());
        });
        if (a.upliftPct().isPresent()) {
            num(root, "uplift_pct", a.upliftPct().getAsDouble());
        } else {
            root.putNull("uplift_pct");
        }
        return root;
    }

    /**
     * A plan over channel x geo ({@code --by-geo}): {@code by_geo} true; {@code cells} with each split channel's
     * {@code channel} and {@code geo} (and {@code brand}, with {@code geo} the region, for brand x region cells)
     * beside its plan fields; {@code channels} replaced by each channel's totals over its geos, {@code regions} by
     * each geo's (or region's, over its brands) totals over its channels, and for brand x region cells
     * {@code brands} by each brand's ({@code name}, {@code current_spend}, {@code optimal_spend}, {@code delta},
     * {@code expected_contribution}, {@code current_contribution}; marginal ROI and intervals are per cell only).
     */
    static void cells(ObjectNode plan, Allocation a, FittedModel original) {
        List<String> channels = original.data().channels();
        List<String> geos = original.data().geos();
        int ng = geos.size();
        java.util.Optional<List<String[]>> split = io.github.mmm4j.core.CsvSchema.cells(geos);
        ArrayNode cells = (ArrayNode) plan.remove("channels");
        double[][] byChannel = new double[channels.size()][5];
        // groups: each geo, or each region and each brand of brand x region cells
        List<String> regions = new ArrayList<>();
        List<String> brands = new ArrayList<>();
        int[] regionOf = new int[ng];
        int[] brandOf = new int[ng];
        for (int g = 0; g < ng; g++) {
            String region = split.isPresent() ? split.get().get(g)[1] : geos.get(g);
            String brand = split.isPresent() ? split.get().get(g)[0] : null;
            if (!regions.contains(region)) {
                regions.add(region);
            }
            regionOf[g] = regions.indexOf(region);
            if (brand != null && !brands.contains(brand)) {
                brands.add(brand);
            }
            brandOf[g] = brand == null ? -1 : brands.indexOf(brand);
        }
        double[][] byRegion = new double[regions.size()][5];
        double[][] byBrand = new double[brands.size()][5];
        for (int v = 0; v < cells.size(); v++) {
            ObjectNode o = (ObjectNode) cells.get(v);
            int c = v / ng;
            int g = v % ng;
            o.put("channel", channels.get(c));
            o.put("geo", split.map(x -> x.get(g)[1]).orElse(geos.get(g)));
            split.ifPresent(x -> o.put("brand", x.get(g)[0]));
            ChannelAllocation ca = a.channels().get(v);
            double[] f = {ca.currentSpend(), ca.optimalSpend(), ca.delta(), ca.expectedContribution(),
                ca.currentContribution()};
            for (int k = 0; k < f.length; k++) {
                byChannel[c][k] += f[k];
                byRegion[regionOf[g]][k] += f[k];
                if (brandOf[g] >= 0) {
                    byBrand[brandOf[g]][k] += f[k];
                }
            }
        }
        plan.put("by_geo", true);
        plan.set("channels", totals(channels, byChannel));
        plan.set("regions", totals(regions, byRegion));
        if (!brands.isEmpty()) {
            plan.set("brands", totals(brands, byBrand));
        }
        plan.set("cells", cells);
    }

    private static ArrayNode totals(List<String> names, double[][] sums) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < names.size(); i++) {
            ObjectNode o = out.addObject();
            o.put("name", names.get(i));
            num(o, "current_spend", sums[i][0]);
            num(o, "optimal_spend", sums[i][1]);
            num(o, "delta", sums[i][2]);
            num(o, "expected_contribution", sums[i][3]);
            num(o, "current_contribution", sums[i][4]);
        }
        return out;
    }

    /**
     * The cells of a model split by geo ({@link FittedModel#byGeo()}) whose channel never spent in their geo: the
     * plan holds them at zero, since the data show nothing of their response there (a pooled effect would otherwise
     * be extrapolated to spend levels no cell of that geo ever had).
     *
     * @param cellPm the planning model of the split model
     * @return the cells' names, in model order
     */
    static List<String> neverSpent(PlanningModel cellPm) {
        MmmDataset d = cellPm.model().data();
        List<String> out = new ArrayList<>();
        for (int c = 0; c < d.nChannels(); c++) {
            if (!(d.totalSpend(c) > 0)) {
                out.add(d.channels().get(c));
            }
        }
        return out;
    }

    /**
     * The response curves of a panel model split by geo ({@link FittedModel#byGeo()}), one per channel and level:
     * {@code total} (all geos), {@code brand} and {@code region} on brand x region cells, and each {@code cell} (on
     * a geo panel without brands each geo is a {@code region} and there is no separate cell level). A level's
     * spend is shared among its cells in their current proportions ({@link ResponseCurves#groupCurves}); columns
     * {@code level, brand, region, channel}, then those of {@code response_curves.csv}.
     *
     * @param cellPm the planning model of the split model
     * @param data the unsplit model's data (its channels and geos)
     * @return the table, 0 to 3 times each level's current spend in 40 steps
     */
    static io.github.mmm4j.optimize.Table curvesByGeo(PlanningModel cellPm, MmmDataset data) {
        List<String> geos = data.geos();
        java.util.Optional<List<String[]>> cells = io.github.mmm4j.core.CsvSchema.cells(geos);
        List<ResponseCurves.CurveGroup> groups = new ArrayList<>();
        for (String ch : data.channels()) {
            java.util.Map<String, List<String>> brands = new java.util.LinkedHashMap<>();
            java.util.Map<String, List<String>> regions = new java.util.LinkedHashMap<>();
            List<String> all = new ArrayList<>();
            for (int g = 0; g < geos.size(); g++) {
                String member = ch + FittedModel.CELL_CHANNEL_SEPARATOR + geos.get(g);
                all.add(member);
                String brand = cells.isPresent() ? cells.get().get(g)[0] : "";
                String region = cells.isPresent() ? cells.get().get(g)[1] : geos.get(g);
                regions.computeIfAbsent(region, k -> new ArrayList<>()).add(member);
                if (cells.isPresent()) {
                    brands.computeIfAbsent(brand, k -> new ArrayList<>()).add(member);
                }
            }
            groups.add(new ResponseCurves.CurveGroup(List.of("total", "", "", ch), all));
            brands.forEach((b, m) -> groups.add(new ResponseCurves.CurveGroup(List.of("brand", b, "", ch), m)));
            regions.forEach((r, m) -> groups.add(new ResponseCurves.CurveGroup(List.of("region", "", r, ch), m)));
            if (cells.isPresent()) {
                for (int g = 0; g < geos.size(); g++) {
                    groups.add(new ResponseCurves.CurveGroup(List.of("cell", cells.get().get(g)[0],
                            cells.get().get(g)[1], ch), List.of(all.get(g))));
                }
            }
        }
        return ResponseCurves.groupCurves(cellPm, List.of("level", "brand", "region", "channel"), groups, 40, 3);
    }

    /**
     * Writes {@code response_curves.csv} (each channel from 0 to 3 times its current spend, 40 steps) and
     * {@code frontier.csv} (the best expected KPI for budgets from 0.25 to 2 times the current spend, 14 steps),
     * reporting the fraction done and what is being computed.
     */
    static void writeTables(PlanningModel pm, BudgetConstraints constraints, Path dir,
            java.util.function.ObjDoubleConsumer<String> progress) {
        progress.accept("response curves", 0);
        ResponseCurves.curves(pm, 40, 3).writeCsv(dir.resolve("response_curves.csv"));
        progress.accept("the efficiency frontier", 0.15);
        ResponseCurves.frontierTable(ResponseCurves.frontier(pm, constraints, 0.25, 2, 14,
                f -> progress.accept("the efficiency frontier", 0.15 + 0.85 * f))).writeCsv(dir.resolve("frontier.csv"));
    }

    static void writePlan(Allocation a, PlanningModel pm, Path file) {
        AtomicFiles.writeString(file, planJson(a, pm).toPrettyString() + "\n");
    }

    /** Puts a number, or null when it is not finite (JSON has no NaN or infinity). */
    static void num(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    /** A readable table of the plan. */
    static String table(Allocation a, PlanningModel pm) {
        StringBuilder sb = new StringBuilder();
        MmmDataset data = pm.model().data();
        sb.append(String.format(Locale.ROOT, "Budget plan for the next %d periods (%s): %s%n", pm.horizon(),
                a.objective(), a.message()));
        if (a.method().startsWith("group-prices+envelope")) {
            // S-shaped curves under overlapping bounds: the plan is not proven optimal, only how close it is
            sb.append(String.format(Locale.ROOT, "Method: %s; some response curves are S-shaped, so the planner "
                    + "proves how close this plan is to the best one rather than that it is the best%n", a.method()));
        }
        boolean iv = a.channels().stream().anyMatch(c -> c.contributionInterval().isPresent());
        String lvl = iv ? String.format(Locale.ROOT, "%d%% interval", Math.round(100 * pm.intervalLevel())) : "";
        ConsoleTable t = new ConsoleTable("channel", "current", "optimal", "change", "delta", "contribution", lvl,
                "mROI", "");
        for (ChannelAllocation c : a.channels()) {
            String change = c.currentSpend() > 0
                    ? String.format(Locale.ROOT, "%+.1f%%", 100 * c.delta() / c.currentSpend())
                    : c.optimalSpend() > 0 ? "new" : "-";
            String interval = c.contributionInterval().map(i -> ConsoleTable.interval(i.lower(), i.upper()))
                    .orElse("");
            String delta = ConsoleTable.amount(c.delta());
            t.row(c.name(), ConsoleTable.amount(c.currentSpend()), ConsoleTable.amount(c.optimalSpend()), change,
                    c.delta() > 0 ? "+" + delta : delta, ConsoleTable.amount(c.expectedContribution()), interval,
                    ConsoleTable.amount(c.marginalRoi()), c.locked() ? "(locked)" : "");
        }
        sb.append(t.render());
        String uplift = a.upliftPct().isPresent()
                ? String.format(Locale.ROOT, "%+.2f%%", a.upliftPct().getAsDouble()) : "n/a";
        sb.append(String.format(Locale.ROOT, "%nexpected %s: current %s -> optimal %s (%s)", data.kpiName(),
                ConsoleTable.amount(a.expectedKpiCurrent()), ConsoleTable.amount(a.expectedKpiOptimal()), uplift));
        a.outcome().kpiInterval().ifPresent(i -> sb.append(String.format(Locale.ROOT, ", %d%% interval %s",
                Math.round(100 * i.level()), ConsoleTable.interval(i.lower(), i.upper()))));
        boolean moved = a.channels().stream().anyMatch(c -> Math.abs(c.delta()) > 1e-9 * Math.max(1,
                c.currentSpend()));
        if (!a.improved()) {
            sb.append(String.format(Locale.ROOT, moved ? "%nthe current spend does not meet the budget or bounds; "
                    + "the plan above is the nearest one that does (no plan meeting them does better)"
                    : "%nno plan under the constraints beats the current one: keep the current plan"));
        }
        sb.append(String.format(Locale.ROOT, "%n"));
        return sb.toString();
    }
}
