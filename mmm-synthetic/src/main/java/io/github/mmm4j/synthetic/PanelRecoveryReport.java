package io.github.mmm4j.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mmm4j.core.AtomicFiles;
import io.github.mmm4j.core.Mmm4j;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of a {@link PanelRecovery} study. Per level (total, brand, region, cell) and channel, over every unit of
 * that level in every replicate with true ROI {@code r > 0} and estimate {@code e}:
 * <ul>
 *   <li>{@code meanError = mean(e / r - 1)}, the mean signed relative error, and {@code meanAbsError = mean|e / r -
 *       1|};</li>
 *   <li>{@code coverage90}: among units with an interval, the fraction with {@code lower <= r <= upper} (NaN without
 *       intervals; {@code intervals} counts them), and {@code meanRelWidth = mean((upper - lower) / r)};</li>
 *   <li>{@code pointsOutside}: how many estimates lie outside their own interval (it should be 0).</li>
 * </ul>
 * Per brand, the price elasticity's truth, mean estimate, mean error and coverage. The headline figures are the
 * issue's aims: {@link #cellCoverage()} (all cells and channels pooled), {@link #meanAbsTotalError()} (the total
 * level's {@code meanAbsError} averaged over channels) and {@link #elasticityInside()} of {@link #elasticityIntervals()}.
 *
 * @param config the process's settings
 * @param model the model's name
 * @param seed the master seed
 * @param levels per level and channel, levels in {@link Level} order, channels in data order
 * @param elasticities per brand
 * @param replicates every replicate's seeds and results, in replicate order
 */
public record PanelRecoveryReport(BrandRegionProcess.Config config, String model, long seed,
        List<LevelSummary> levels, List<ElasticitySummary> elasticities, List<Replicate> replicates) {

    /** Copies. */
    public PanelRecoveryReport {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(model, "model");
        levels = List.copyOf(levels);
        elasticities = List.copyOf(elasticities);
        replicates = List.copyOf(replicates);
    }

    /** The groupings of cells the ROI is compared over. */
    public enum Level {
        /** All cells. */
        TOTAL,
        /** A brand's cells. */
        BRAND,
        /** A region's cells (one per brand). */
        REGION,
        /** One cell. */
        CELL;

        /** @return the level's name in lower case, as in the JSON */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One level and channel over all replicates (see the class comment).
     *
     * @param level the level
     * @param channel the channel
     * @param units units counted (units times replicates with a positive true ROI)
     * @param meanError mean signed relative error
     * @param meanAbsError mean absolute relative error
     * @param coverage90 fraction of intervals holding the truth, NaN without intervals
     * @param covered intervals holding the truth
     * @param intervals units with an interval
     * @param meanRelWidth mean interval width over the truth, NaN without intervals
     * @param pointsOutside estimates outside their own interval
     */
    public record LevelSummary(Level level, String channel, int units, double meanError, double meanAbsError,
            double coverage90, int covered, int intervals, double meanRelWidth, int pointsOutside) {
    }

    /**
     * One brand's price elasticity over all replicates.
     *
     * @param brand the brand
     * @param truth the true elasticity
     * @param mean the mean estimate (NaN if the model gave none)
     * @param bias the mean error
     * @param coverage90 fraction of intervals holding the truth, NaN without intervals
     * @param covered intervals holding the truth
     * @param intervals replicates with an interval
     */
    public record ElasticitySummary(String brand, double truth, double mean, double bias, double coverage90,
            int covered, int intervals) {
    }

    /**
     * One channel's truth and estimate over one unit.
     *
     * @param name the channel
     * @param trueRoi the true ROI (NaN without spend)
     * @param roi the estimate
     * @param roiLower lower 90% bound, NaN without an interval
     * @param roiUpper upper 90% bound, NaN without an interval
     */
    public record ChannelResult(String name, double trueRoi, double roi, double roiLower, double roiUpper) {

        boolean hasInterval() {
            return Double.isFinite(roiLower) && Double.isFinite(roiUpper);
        }
    }

    /**
     * One unit (the total, a brand, a region or a cell) of one replicate.
     *
     * @param level its level
     * @param name {@code total}, the brand's or region's name, or the cell's {@code BRAND / REGION}
     * @param channels per channel, in data order
     */
    public record Unit(Level level, String name, List<ChannelResult> channels) {
        /** Copies. */
        public Unit {
            channels = List.copyOf(channels);
        }
    }

    /**
     * One brand's elasticity in one replicate.
     *
     * @param brand the brand
     * @param truth the true elasticity
     * @param estimate the estimate, NaN if the model gave none
     * @param lower lower 90% bound, NaN without an interval
     * @param upper upper 90% bound, NaN without an interval
     */
    public record Elasticity(String brand, double truth, double estimate, double lower, double upper) {
    }

    /**
     * One replicate.
     *
     * @param index its position, from 0
     * @param dataSeed the seed its panel was drawn with
     * @param fitSeed the seed passed to the estimator
     * @param units the total, then the brands, the regions and the cells
     * @param elasticities per brand
     */
    public record Replicate(int index, long dataSeed, long fitSeed, List<Unit> units, List<Elasticity> elasticities) {
        /** Copies. */
        public Replicate {
            units = List.copyOf(units);
            elasticities = List.copyOf(elasticities);
        }
    }

    static PanelRecoveryReport of(BrandRegionProcess.Config config, String model, long seed, List<Replicate> reps) {
        List<String> channels = BrandRegionProcess.CHANNELS;
        List<LevelSummary> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            for (int c = 0; c < channels.size(); c++) {
                int n = 0;
                double err = 0;
                double abs = 0;
                int intervals = 0;
                int covered = 0;
                double width = 0;
                int outside = 0;
                for (Replicate r : reps) {
                    for (Unit u : r.units()) {
                        ChannelResult x = u.channels().get(c);
                        if (u.level() != level || !(x.trueRoi() > 0)) {
                            continue;
                        }
                        n++;
                        double e = x.roi() / x.trueRoi() - 1;
                        err += e;
                        abs += Math.abs(e);
                        if (x.hasInterval()) {
                            intervals++;
                            width += (x.roiUpper() - x.roiLower()) / x.trueRoi();
                            covered += x.roiLower() <= x.trueRoi() && x.trueRoi() <= x.roiUpper() ? 1 : 0;
                            outside += x.roiLower() <= x.roi() && x.roi() <= x.roiUpper() ? 0 : 1;
                        }
                    }
                }
                levels.add(new LevelSummary(level, channels.get(c), n, n == 0 ? Double.NaN : err / n,
                        n == 0 ? Double.NaN : abs / n, intervals == 0 ? Double.NaN : (double) covered / intervals,
                        covered, intervals, intervals == 0 ? Double.NaN : width / intervals, outside));
            }
        }
        List<ElasticitySummary> el = new ArrayList<>();
        for (int b = 0; b < config.nBrands(); b++) {
            double sum = 0;
            double truth = Double.NaN;
            int intervals = 0;
            int covered = 0;
            for (Replicate r : reps) {
                Elasticity e = r.elasticities().get(b);
                truth = e.truth();
                sum += e.estimate();
                if (Double.isFinite(e.lower()) && Double.isFinite(e.upper())) {
                    intervals++;
                    covered += e.lower() <= e.truth() && e.truth() <= e.upper() ? 1 : 0;
                }
            }
            double mean = sum / reps.size();
            el.add(new ElasticitySummary(reps.get(0).elasticities().get(b).brand(), truth, mean, mean - truth,
                    intervals == 0 ? Double.NaN : (double) covered / intervals, covered, intervals));
        }
        return new PanelRecoveryReport(config, model, seed, levels, el, reps);
    }

    /** @return the fraction of per-cell 90% intervals, pooled over cells, channels and replicates, holding the truth */
    public double cellCoverage() {
        int covered = 0;
        int intervals = 0;
        for (LevelSummary s : levels) {
            if (s.level() == Level.CELL && s.intervals() > 0) {
                covered += s.covered();
                intervals += s.intervals();
            }
        }
        return intervals == 0 ? Double.NaN : (double) covered / intervals;
    }

    /** @return the number of per-cell intervals behind {@link #cellCoverage()} */
    public int cellIntervals() {
        return levels.stream().filter(s -> s.level() == Level.CELL).mapToInt(LevelSummary::intervals).sum();
    }

    /** @return the mean absolute relative error of the total ROI, over channels and replicates */
    public double meanAbsTotalError() {
        return levels.stream().filter(s -> s.level() == Level.TOTAL).mapToDouble(LevelSummary::meanAbsError)
                .average().orElse(Double.NaN);
    }

    /** @return brand elasticity intervals holding the truth, over brands and replicates */
    public int elasticityInside() {
        return elasticities.stream().mapToInt(ElasticitySummary::covered).sum();
    }

    /** @return brand elasticity intervals, over brands and replicates */
    public int elasticityIntervals() {
        return elasticities.stream().mapToInt(ElasticitySummary::intervals).sum();
    }

    /** @return estimates outside their own interval, over every level, channel and replicate */
    public int pointsOutside() {
        return levels.stream().mapToInt(LevelSummary::pointsOutside).sum();
    }

    /**
     * The report as JSON, the content of {@code recovery.json}: {@code scenario} ({@code brand-region}), {@code model},
     * {@code seed}, {@code replicates} (count), {@code version}, {@code config} (the process's settings),
     * {@code summary} ({@code cellCoverage}, {@code cellIntervals}, {@code meanAbsTotalError},
     * {@code elasticityInside}, {@code elasticityIntervals}, {@code pointsOutside}), {@code levels} (each
     * {@code level}, {@code channel}, {@code units}, {@code meanError}, {@code meanAbsError}, {@code coverage90},
     * {@code covered}, {@code intervals}, {@code meanRelWidth}, {@code pointsOutside}), {@code elasticities} (each
     * {@code brand}, {@code truth}, {@code mean}, {@code bias}, {@code coverage90}, {@code covered},
     * {@code intervals}) and {@code replicateResults} (each {@code index}, {@code dataSeed}, {@code fitSeed}, {@code units} with {@code level}, {@code name} and
     * {@code channels} ({@code name}, {@code trueRoi}, {@code roi}, {@code roiLower}, {@code roiUpper}), and
     * {@code elasticities}). Non-finite numbers are {@code null}. Nothing in it depends on the thread count.
     *
     * @return pretty-printed JSON ending in a newline
     */
    public String toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("scenario", "brand-region");
        root.put("model", model);
        root.put("seed", seed);
        root.put("replicates", replicates.size());
        root.put("version", Mmm4j.version());
        ObjectNode cfg = root.putObject("config");
        cfg.put("brands", config.nBrands());
        cfg.put("regions", config.nRegions());
        cfg.put("weeks", config.weeks());
        cfg.put("brandSd", config.brandSd());
        cfg.put("cellSd", config.cellSd());
        cfg.put("darkShare", config.darkShare());
        cfg.put("noise", config.noise());
        ObjectNode sum = root.putObject("summary");
        JsonNumbers.num(sum, "cellCoverage", cellCoverage());
        sum.put("cellIntervals", cellIntervals());
        JsonNumbers.num(sum, "meanAbsTotalError", meanAbsTotalError());
        sum.put("elasticityInside", elasticityInside());
        sum.put("elasticityIntervals", elasticityIntervals());
        sum.put("pointsOutside", pointsOutside());
        ArrayNode ls = root.putArray("levels");
        for (LevelSummary s : levels) {
            ObjectNode o = ls.addObject();
            o.put("level", s.level().label());
            o.put("channel", s.channel());
            o.put("units", s.units());
            JsonNumbers.num(o, "meanError", s.meanError());
            JsonNumbers.num(o, "meanAbsError", s.meanAbsError());
            JsonNumbers.num(o, "coverage90", s.coverage90());
            o.put("covered", s.covered());
            o.put("intervals", s.intervals());
            JsonNumbers.num(o, "meanRelWidth", s.meanRelWidth());
            o.put("pointsOutside", s.pointsOutside());
        }
        ArrayNode es = root.putArray("elasticities");
        for (ElasticitySummary e : elasticities) {
            ObjectNode o = es.addObject();
            o.put("brand", e.brand());
            JsonNumbers.num(o, "truth", e.truth());
            JsonNumbers.num(o, "mean", e.mean());
            JsonNumbers.num(o, "bias", e.bias());
            JsonNumbers.num(o, "coverage90", e.coverage90());
            o.put("covered", e.covered());
            o.put("intervals", e.intervals());
        }
        ArrayNode rs = root.putArray("replicateResults");
        for (Replicate r : replicates) {
            ObjectNode o = JsonNumbers.replicate(rs.addObject(), r.index(), r.dataSeed(), r.fitSeed());
            ArrayNode us = o.putArray("units");
            for (Unit u : r.units()) {
                ObjectNode uo = us.addObject();
                uo.put("level", u.level().label());
                uo.put("name", u.name());
                ArrayNode cs = uo.putArray("channels");
                for (ChannelResult c : u.channels()) {
                    JsonNumbers.roi(cs.addObject().put("name", c.name()), c.trueRoi(), c.roi(), c.roiLower(),
                            c.roiUpper());
                }
            }
            ArrayNode el = o.putArray("elasticities");
            for (Elasticity e : r.elasticities()) {
                ObjectNode eo = el.addObject();
                eo.put("brand", e.brand());
                JsonNumbers.num(eo, "truth", e.truth());
                JsonNumbers.num(eo, "estimate", e.estimate());
                JsonNumbers.num(eo, "lower", e.lower());
                JsonNumbers.num(eo, "upper", e.upper());
            }
        }
        return root.toPrettyString() + "\n";
    }

    /**
     * Writes {@link #toJson()} to {@code path} atomically.
     *
     * @param path the file
     * @throws java.io.UncheckedIOException if it cannot be written
     */
    public void writeJson(Path path) {
        AtomicFiles.writeString(path, toJson());
    }

    /**
     * A readable table: a header, the headline figures against the aims, then one line per level and channel (mean
     * signed and absolute relative error, coverage of the 90% interval, mean relative width) and one per brand's
     * elasticity.
     *
     * @return the table, lines ending in {@code \n}
     */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "recovery of brand x region panels (%d brands x %d regions x %d weeks) "
                + "by %s: %d replicates, seed %d%n", config.nBrands(), config.nRegions(), config.weeks(), model,
                replicates.size(), seed));
        double cov = cellCoverage();
        String cells = cellIntervals() == 0 ? "per-cell 90% coverage: none (the model gives cells no interval)"
                : String.format(Locale.ROOT, "per-cell 90%% coverage %.3f of %d intervals (aim 0.80 to 0.97)", cov,
                        cellIntervals());
        int brandFits = elasticities.stream().mapToInt(e -> replicates.size()).sum();
        String el = elasticityIntervals() == brandFits || elasticities.isEmpty()
                ? String.format(Locale.ROOT, "elasticity intervals holding the truth %d of %d", elasticityInside(),
                        elasticityIntervals())
                : String.format(Locale.ROOT, "elasticity intervals holding the truth %d of %d (%d of %d brand fits "
                        + "gave none)", elasticityInside(), elasticityIntervals(), brandFits - elasticityIntervals(),
                        brandFits);
        sb.append(String.format(Locale.ROOT, "%s; mean absolute total ROI error %.1f%% (aim <= 15%%); %s; estimates "
                + "outside their own interval %d%n%n", cells, 100 * meanAbsTotalError(), el, pointsOutside()));
        int w = Math.max(8, BrandRegionProcess.CHANNELS.stream().mapToInt(String::length).max().orElse(8));
        sb.append(String.format(Locale.ROOT, "%-6s %-" + w + "s %6s %10s %10s %6s %9s%n", "level", "channel", "units",
                "mean err", "mean |err|", "cov90", "width/ROI"));
        for (LevelSummary s : levels) {
            sb.append(String.format(Locale.ROOT, "%-6s %-" + w + "s %6d %9.1f%% %9.1f%% %6s %9s%n", s.level().label(),
                    s.channel(), s.units(), 100 * s.meanError(), 100 * s.meanAbsError(),
                    JsonNumbers.fixed2(s.coverage90()), JsonNumbers.fixed2(s.meanRelWidth())));
        }
        sb.append(String.format(Locale.ROOT, "%nprice elasticity per brand:%n"));
        for (ElasticitySummary e : elasticities) {
            sb.append(String.format(Locale.ROOT, "  %-8s truth %6.2f  mean %7.3f  bias %7.3f  cov90 %s%n", e.brand(),
                    e.truth(), e.mean(), e.bias(), JsonNumbers.fixed2(e.coverage90())));
        }
        return sb.toString();
    }

}
