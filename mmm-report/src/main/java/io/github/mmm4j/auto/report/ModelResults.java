package io.github.mmm4j.auto.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.SamplerDiagnostics;
import io.github.mmm4j.models.linear.CollinearityReport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one writer of the part of {@code results.json} that describes a fitted model, shared by {@code ./mmm fit} and
 * the automated analysis ({@code ./mmm auto}, {@code ./mmm demo}), so that the two files cannot drift apart.
 *
 * <p><b>Schema</b> (field names keep their meaning in later versions; fields are only added). Numbers that are not
 * finite, and intervals of a model without draws, are {@code null}; every field below is always present.
 * <pre>
 * model           estimator of the primary model: "ridge", "nnls" or "bayes"
 * primary_model   the same, and primary_reason: why this model is the one reported
 * kpi, seed, version, java
 * data            {source, periods, frequency, start, end, geos, holdout}
 * metrics         {train: M, test: M or null}, M = {n, r2, adjusted_r2, mape, smape, mae, rmse, nrmse}
 * channels        [{name, spend, contribution, contribution_lower, contribution_upper, share, share_lower,
 *                   share_upper, roi, roi_lower, roi_upper, mroi, mroi_lower, mroi_upper,
 *                   adstock: {type, P, P_lower, P_upper, ...}, saturation: {type, P, P_lower, P_upper, ...}}]
 *                 point values are the model's point estimate (FittedModel); the fitted transform parameters P are
 *                 the fit's own (the posterior or bootstrap summary), never defaults
 * interval_level  nominal coverage of every interval (0.9 by default)
 * draws           draws behind the intervals (0 for a point fit)
 * diagnostics     {rhat_max, ess_bulk_min, divergences, status, warnings} for a sampled model, else null
 * collinearity    {condition_number, vif: {column: value}, severe: [column]}
 * options         the estimator's settings as strings
 * </pre>
 */
public final class ModelResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelResults() {
    }

    /**
     * The model's fields, in schema order.
     *
     * @param model the primary model
     * @param primaryReason why it is the one reported
     * @param source the data's source (a file name)
     * @param seed the run's seed
     * @return a new object
     */
    public static ObjectNode of(FittedModel model, String primaryReason, String source, long seed) {
        ObjectNode root = JSON.createObjectNode();
        MmmDataset data = model.data();
        root.put("model", model.estimator());
        root.put("primary_model", model.estimator());
        root.put("primary_reason", primaryReason);
        root.put("kpi", data.kpiName());
        root.put("seed", seed);
        root.put("version", model.provenance().library());
        root.put("java", model.provenance().java());
        ObjectNode d = root.putObject("data");
        d.put("source", source);
        d.put("periods", data.nPeriods());
        d.put("frequency", data.time().frequency().name().toLowerCase(Locale.ROOT));
        d.put("start", data.time().start().toString());
        d.put("end", data.time().end().toString());
        d.put("geos", data.nGeos());
        // media per capita (--population): each geo's curve sees spend per head
        d.put("per_capita", model.frame().perCapita());
        d.put("holdout", model.holdout());
        root.set("metrics", metrics(model));
        root.set("channels", channels(model));
        if (data.nGeos() > 1) {
            panel(root, model);
        }
        if (model.spec().price() != null) {
            root.set("price_elasticity", priceElasticity(model));
        }
        JsonFields.number(root, "interval_level", model.intervalLevel());
        root.put("draws", model.drawCount());
        root.set("diagnostics", diagnostics(model.samplerDiagnostics()));
        CollinearityReport col = model.collinearity();
        ObjectNode cj = root.putObject("collinearity");
        JsonFields.number(cj, "condition_number", col.conditionNumber());
        ObjectNode vif = cj.putObject("vif");
        for (int j = 0; j < col.names().size(); j++) {
            JsonFields.number(vif, col.names().get(j), col.vif()[j]);
        }
        ArrayNode severe = cj.putArray("severe");
        col.severeNames().forEach(severe::add);
        ObjectNode options = root.putObject("options");
        model.provenance().options().forEach(options::put);
        return root;
    }

    /**
     * The model's price elasticities of the baseline: a list of {@code {brand, mean, lower, upper}} ({@code brand}
     * is {@code all} when one elasticity covers every geo), with {@code control} and {@code curvature} beside; an
     * undefined value (a non-positive fitted baseline) or a missing interval is {@code null}; {@code caveat} says why
     * a model with draws gives no interval ({@link io.github.mmm4j.models.PriceElasticity#caveat()}), else null.
     *
     * @param m the model; it has a price
     * @return a new array
     */
    public static ArrayNode priceElasticity(FittedModel m) {
        ArrayNode out = JSON.createArrayNode();
        int b = 0;
        for (io.github.mmm4j.models.PriceElasticity e : m.priceElasticities()) {
            ObjectNode o = out.addObject();
            o.put("brand", e.brand());
            o.put("control", m.spec().price().control());
            JsonFields.number(o, "mean", e.estimate());
            if (e.interval().isPresent()) {
                JsonFields.number(o, "lower", e.interval().get().lower());
                JsonFields.number(o, "upper", e.interval().get().upper());
            } else {
                o.putNull("lower");
                o.putNull("upper");
            }
            JsonFields.number(o, "curvature", m.spec().price().curvature(b++));
            if (e.caveat().isEmpty()) {
                o.putNull("caveat");
            } else {
                o.put("caveat", e.caveat());
            }
        }
        return out;
    }

    /**
     * Train and test fit measures; {@code test} is null without a holdout. On a panel also {@code total_train} and
     * {@code total_test}: the same measures of the KPI summed over geos per period.
     *
     * @param m the model
     * @return {@code {train, test}}
     */
    public static ObjectNode metrics(FittedModel m) {
        ObjectNode metrics = JSON.createObjectNode();
        JsonFields.metrics(metrics.putObject("train"), m.trainMetrics());
        if (m.testMetrics().isPresent()) {
            JsonFields.metrics(metrics.putObject("test"), m.testMetrics().get());
        } else {
            metrics.putNull("test");
        }
        if (m.totalTrainMetrics().isPresent()) {
            // on a panel: the KPI summed over geos per period (Meridian's "national" goodness of fit)
            JsonFields.metrics(metrics.putObject("total_train"), m.totalTrainMetrics().get());
            if (m.totalTestMetrics().isPresent()) {
                JsonFields.metrics(metrics.putObject("total_test"), m.totalTestMetrics().get());
            } else {
                metrics.putNull("total_test");
            }
        }
        return metrics;
    }

    /**
     * Writes a summary's name, spend and estimates with their intervals into {@code o}; returns {@code o}. Where the
     * channel spent nothing (a geo or cell without it) ROI and marginal ROI are undefined and written as null.
     */
    private static ObjectNode estimates(ObjectNode o, ChannelSummary c) {
        o.put("name", c.name());
        JsonFields.number(o, "spend", c.spend());
        JsonFields.number(o, "contribution", c.contribution());
        interval(o, "contribution", c.contributionInterval());
        JsonFields.number(o, "share", c.share());
        interval(o, "share", c.shareInterval());
        boolean spent = c.spend() > 0;
        if (spent) {
            JsonFields.number(o, "roi", c.roi());
        } else {
            o.putNull("roi");
        }
        interval(o, "roi", spent ? c.roiInterval() : Optional.empty());
        if (spent) {
            JsonFields.number(o, "mroi", c.mroi());
        } else {
            o.putNull("mroi");
        }
        interval(o, "mroi", spent ? c.mroiInterval() : Optional.empty());
        return o;
    }

    /**
     * The panel's per-cell and aggregated results. When every geo name is a cell {@code BRAND / REGION} (data read
     * with {@code --brand} and {@code --geo}, see {@link io.github.mmm4j.core.CsvSchema#CELL_SEPARATOR}):
     * {@code cells[]} ({@code brand}, {@code geo}, {@code geo_effects}, {@code channels}), {@code brands[]} and
     * {@code regions[]} (each {@code {brand | geo, channels}}, aggregated over their cells draw by draw); otherwise
     * {@code regions[]} per geo as {@link #regions(FittedModel)}.
     */
    private static void panel(ObjectNode root, FittedModel m) {
        List<String> geos = m.data().geos();
        java.util.Optional<List<String[]>> cells = io.github.mmm4j.core.CsvSchema.cells(geos);
        if (cells.isEmpty()) {
            root.set("regions", regions(m));
            return;
        }
        ArrayNode cellArray = regions(m);
        java.util.Map<String, List<String>> byBrand = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<String>> byRegion = new java.util.LinkedHashMap<>();
        for (int g = 0; g < geos.size(); g++) {
            String name = geos.get(g);
            String brand = cells.get().get(g)[0];
            String region = cells.get().get(g)[1];
            ObjectNode cell = (ObjectNode) cellArray.get(g);
            cell.remove("geo");
            ObjectNode ordered = JSON.createObjectNode();
            ordered.put("brand", brand);
            ordered.put("geo", region);
            ordered.setAll(cell);
            cellArray.set(g, ordered);
            byBrand.computeIfAbsent(brand, b -> new java.util.ArrayList<>()).add(name);
            byRegion.computeIfAbsent(region, b -> new java.util.ArrayList<>()).add(name);
        }
        root.set("cells", cellArray);
        root.set("brands", groups(m, "brand", byBrand));
        root.set("regions", groups(m, "geo", byRegion));
    }

    private static ArrayNode groups(FittedModel m, String key, java.util.Map<String, List<String>> groups) {
        ArrayNode out = JSON.createArrayNode();
        groups.forEach((name, members) -> {
            ObjectNode o = out.addObject();
            o.put(key, name);
            ArrayNode chs = o.putArray("channels");
            for (ChannelSummary cs : m.channelsOver(members)) {
                estimates(chs.addObject(), cs);
            }
        });
        return out;
    }

    /**
     * On a panel, one object per geo, {@code {geo, geo_effects, channels: [...]}}, each channel with the fields of
     * {@link #channels(FittedModel)}'s estimates (spend, contribution, share within the geo, ROI, marginal ROI, with
     * intervals computed draw by draw, see {@link FittedModel#geoChannels()}) and, for a hierarchical model, its
     * effect multiplier in the geo ({@code geo_effect}, relative to the channel's pooled effect).
     *
     * @param m the model
     * @return the array
     */
    public static ArrayNode regions(FittedModel m) {
        ArrayNode out = JSON.createArrayNode();
        List<List<ChannelSummary>> geos = m.geoChannels();
        for (int g = 0; g < geos.size(); g++) {
            ObjectNode go = out.addObject();
            go.put("geo", m.data().geos().get(g));
            go.put("geo_effects", m.hasGeoEffects());
            ArrayNode chs = go.putArray("channels");
            for (int c = 0; c < geos.get(g).size(); c++) {
                ChannelSummary cs = geos.get(g).get(c);
                ObjectNode o = estimates(chs.addObject(), cs);
                JsonFields.number(o, "geo_effect", m.geoEffect(c, g));
            }
        }
        return out;
    }

    /**
     * One object per channel with every estimate, its interval (null without draws) and the fitted transforms.
     *
     * @param m the model
     * @return the array
     */
    public static ArrayNode channels(FittedModel m) {
        ArrayNode channels = JSON.createArrayNode();
        List<FittedModel.TransformParameter> tps = m.transformParameters();
        for (ChannelSummary c : m.channels()) {
            ObjectNode o = estimates(channels.addObject(), c);
            dataWeight(o, m, c.name());
            JsonFields.number(o, "below_observed_share", m.belowObservedShare(m.data().channelIndex(c.name())));
            ChannelSpec cs = m.spec().channel(c.name());
            ObjectNode adstock = o.putObject("adstock");
            adstock.put("type", cs.adstock().name());
            ObjectNode sat = o.putObject("saturation");
            sat.put("type", cs.saturation().name());
            for (FittedModel.TransformParameter p : tps) {
                if (p.channel().equals(c.name())) {
                    ObjectNode t = p.transform().equals("adstock") ? adstock : sat;
                    JsonFields.number(t, p.name(), p.estimate());
                    interval(t, p.name(), p.interval());
                }
            }
        }
        return channels;
    }

    /**
     * Writes {@code roi_data_weight}: how much of the channel's ROI the data set rather than its prior
     * ({@link FittedModel#roiDataWeight}), null for models without ROI priors (ridge, NNLS, effect priors).
     *
     * @param o (output) the channel's object
     * @param m the model
     * @param channel the channel
     */
    public static void dataWeight(ObjectNode o, FittedModel m, String channel) {
        java.util.OptionalDouble w = m.roiDataWeight(channel);
        if (w.isPresent()) {
            JsonFields.number(o, "roi_data_weight", w.getAsDouble());
        } else {
            o.putNull("roi_data_weight");
        }
    }

    /**
     * Writes {@code name_lower} and {@code name_upper}, both null without an interval.
     *
     * @param o (output) the object
     * @param name the estimate's field name
     * @param iv the interval
     */
    public static void interval(ObjectNode o, String name, Optional<Interval> iv) {
        if (iv.isPresent()) {
            JsonFields.number(o, name + "_lower", iv.get().lower());
            JsonFields.number(o, name + "_upper", iv.get().upper());
        } else {
            o.putNull(name + "_lower");
            o.putNull(name + "_upper");
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode diagnostics(Optional<SamplerDiagnostics> diag) {
        if (diag.isEmpty()) {
            return JSON.nullNode();
        }
        SamplerDiagnostics m = diag.get();
        ObjectNode d = JSON.createObjectNode();
        JsonFields.number(d, "rhat_max", m.maxRhat());
        JsonFields.number(d, "ess_bulk_min", m.minEssBulk());
        d.put("divergences", m.divergences());
        d.put("status", m.status().name().toLowerCase(Locale.ROOT));
        ArrayNode w = d.putArray("warnings");
        m.warnings().forEach(w::add);
        return d;
    }
}
