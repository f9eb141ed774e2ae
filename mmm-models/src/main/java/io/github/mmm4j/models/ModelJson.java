package io.github.mmm4j.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mmm4j.core.AtomicFiles;
import io.github.mmm4j.core.CsvSchema;
import io.github.mmm4j.core.MissingValuePolicy;
import io.github.mmm4j.core.DataException;
import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.models.bayes.NutsStatus;
import io.github.mmm4j.models.bayes.ParameterSummary;
import io.github.mmm4j.models.bayes.PosteriorPredictiveCheck;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Saves a {@link FittedModel} as JSON ({@code model.json}) and loads it back as the same model: the file holds the
 * data the model was fitted on, the training frame, the structure, the parameter rows (point row and draws, transform
 * parameters included), the sampler's diagnostics and the provenance, so a loaded model predicts, decomposes, plans
 * and reports bit for bit as the model written, without the original CSV.
 *
 * <p><b>Format</b> ({@code "format": "mmm4j-model"}, {@code "format_version": 2}):
 * <pre>
 * {
 *   "format", "format_version", "estimator", "provenance": {library, java, estimator, seed, options},
 *   "holdout", "level",
 *   "data": {kpi, start, frequency, periods, geos, channels, controls, events, kpi_values, spend,
 *            exposure_channels, exposure, control_values, event_values},
 *   "frame": {origin, media_scale, geos, geo_level (panels; absent means 1 for every geo)},
 *   "spec": {trend, fourier_harmonics, channels: [{name, adstock: {type, ...}, saturation: {type, ...}}]},
 *   "parameters": [names of a row's entries, see FittedModel.parameterNames()],
 *   "point": [row]                      (optional),
 *   "draws": [[row], [row], ...]        (optional; at least one of point and draws),
 *   "sampler": {status, chains, draws_per_chain, max_rhat, min_ess_bulk, divergences, warnings,
 *               parameter_names, parameter_draws: [[...], ...], unconstrained_names, summaries: [...],
 *               posterior_predictive, roi_prior_log_sd: {channel: sd}}   (optional; roi_prior_log_sd may be
 *               absent, as in files written before it existed)
 * }
 * </pre>
 * Numbers are written in the shortest form that reads back to the same {@code double}, so loading is exact; a
 * number that is not finite (an R-hat that could not be computed) is written as {@code null}.
 *
 * <p><b>Validation.</b> Reading checks every field: its presence, its type (a number is a JSON number, never a
 * string or null), array lengths against the data's shape, dates, the frequency, the holdout against the periods,
 * transform parameters against their ranges. A problem is reported as a {@link DataException} naming the file and
 * the field's JSON path, for example {@code model.json: $.point[0]: expected a number, found "abc"}. Nothing is
 * ever read as a silent 0.
 */
public final class ModelJson {

    /** The current format version. */
    public static final int FORMAT_VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ModelJson() {
    }

    /**
     * Writes a model to a file, atomically.
     *
     * @param model the model
     * @param path the file
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(FittedModel model, Path path) {
        AtomicFiles.writeString(path, toString(model));
    }

    /**
     * Writes a model with the CSV mapping its data was read with, so that {@code ./mmm predict} can read new data the
     * same way; {@link #read} ignores the mapping, {@link #readSource} returns it.
     *
     * @param model the model
     * @param path the file
     * @param source the CSV mapping of the model's data (channels as the model names them)
     */
    public static void write(FittedModel model, Path path, CsvSchema source) {
        ObjectNode root = toJson(model);
        root.set("source", source(source, model));
        AtomicFiles.writeString(path, root.toPrettyString() + "\n");
    }

    /**
     * The CSV mapping saved with a model by {@link #write(FittedModel, Path, CsvSchema)}.
     *
     * @param path the file
     * @return the mapping, empty if the model was saved without one
     * @throws DataException naming the file and the field's JSON path if the file or the mapping is not valid
     */
    public static Optional<CsvSchema> readSource(Path path) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DataException(path.toString(), "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.has("source") || root.get("source").isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(source(new Node(root.get("source"), "$.source")));
        } catch (InvalidField e) {
            throw new DataException(path.toString(), e.getMessage());
        }
    }

    private static ObjectNode source(CsvSchema s, FittedModel model) {
        ObjectNode o = JSON.createObjectNode();
        o.put("date", s.dateColumn());
        if (s.datePattern() == null) {
            o.putNull("date_format");
        } else {
            o.put("date_format", s.datePattern());
        }
        if (s.geoColumn() == null) {
            o.putNull("geo");
        } else {
            o.put("geo", s.geoColumn());
        }
        if (s.brandColumn() != null) {
            o.put("brand", s.brandColumn());
        }
        if (s.populationColumn() != null) {
            o.put("population", s.populationColumn());
        }
        if (s.revenuePerKpiColumn() != null) {
            o.put("revenue_per_kpi", s.revenuePerKpiColumn());
        }
        o.put("kpi", s.kpiColumn());
        strings(o.putArray("channels"), s.inferChannels() ? model.channelNames() : s.channels());
        ObjectNode ex = o.putObject("exposures");
        s.exposures().forEach(ex::put);
        strings(o.putArray("controls"), s.controls());
        strings(o.putArray("events"), s.events());
        o.put("missing", s.missingValues().name());
        o.put("delimiter", String.valueOf(s.delimiter()));
        return o;
    }

    private static CsvSchema source(Node o) {
        CsvSchema.Builder b = CsvSchema.builder(o.field("kpi").string()).date(o.field("date").string())
                .channels(o.field("channels").strings()).controls(o.field("controls").strings())
                .events(o.field("events").strings());
        if (o.has("date_format")) {
            b.datePattern(o.field("date_format").string());
        }
        if (o.has("geo")) {
            b.geo(o.field("geo").string());
        }
        if (o.has("brand")) {
            b.brand(o.field("brand").string());
        }
        if (o.has("population")) {
            b.population(o.field("population").string());
        }
        if (o.has("revenue_per_kpi")) {
            b.revenuePerKpi(o.field("revenue_per_kpi").string());
        }
        Node ex = o.field("exposures");
        ex.requireObject();
        Iterator<String> names = ex.json.fieldNames();
        while (names.hasNext()) {
            String c = names.next();
            b.exposure(c, ex.field(c).string());
        }
        Node mn = o.field("missing");
        try {
            b.missingValues(MissingValuePolicy.valueOf(mn.string()));
        } catch (IllegalArgumentException e) {
            throw mn.invalid("unknown policy \"" + mn.string() + "\"; expected one of "
                    + Arrays.toString(MissingValuePolicy.values()));
        }
        Node dn = o.field("delimiter");
        String d = dn.string();
        if (d.length() != 1) {
            throw dn.invalid("expected one character, found \"" + d + "\"");
        }
        try {
            return b.delimiter(d.charAt(0)).build();
        } catch (IllegalArgumentException e) {
            throw o.invalid(e.getMessage());
        }
    }

    /**
     * The text {@link #write} writes.
     *
     * @param model the model
     * @return pretty-printed JSON with a final newline
     */
    public static String toString(FittedModel model) {
        return toJson(model).toPrettyString() + "\n";
    }

    /**
     * The JSON tree of a model.
     *
     * @param model the model
     * @return the tree
     */
    public static ObjectNode toJson(FittedModel model) {
        Objects.requireNonNull(model, "model");
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "mmm4j-model");
        root.put("format_version", FORMAT_VERSION);
        root.put("estimator", model.estimator());
        ObjectNode prov = root.putObject("provenance");
        prov.put("library", model.provenance().library());
        prov.put("java", model.provenance().java());
        prov.put("estimator", model.provenance().estimator());
        prov.put("seed", model.provenance().seed());
        ObjectNode opts = prov.putObject("options");
        model.provenance().options().forEach(opts::put);
        root.put("holdout", model.holdout());
        root.put("level", model.intervalLevel());
        root.set("data", data(model.data()));
        Design.Frame f = model.frame();
        ObjectNode frame = root.putObject("frame");
        frame.put("origin", f.origin().toString());
        doubles(frame.putArray("media_scale"), f.mediaScale());
        strings(frame.putArray("geos"), f.geos());
        if (f.geos().size() > 1) {
            doubles(frame.putArray("geo_level"), f.geoLevel());
        }
        if (f.perCapita()) {
            doubles(frame.putArray("geo_size"), f.geoSize());
        }
        if (f.priceReference().length > 0) {
            doubles(frame.putArray("price_reference"), f.priceReference());
        }
        root.set("spec", spec(model.spec()));
        strings(root.putArray("parameters"), model.parameterNames());
        model.pointRow().ifPresent(p -> doubles(root.putArray("point"), p));
        int w = model.parameterNames().size();
        model.drawRows().ifPresent(d -> {
            ArrayNode a = root.putArray("draws");
            for (int i = 0; i < d.length / w; i++) {
                doubles(a.addArray(), Arrays.copyOfRange(d, i * w, (i + 1) * w));
            }
        });
        model.samplerDiagnostics().ifPresent(s -> root.set("sampler", sampler(s)));
        return root;
    }

    /**
     * Reads a model written by {@link #write}.
     *
     * @param path the file
     * @return the model, with the same predictions as the one written
     * @throws DataException naming the file and the field's JSON path if the file is missing, not JSON or not a
     *     valid model
     */
    public static FittedModel read(Path path) {
        Objects.requireNonNull(path, "path");
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataException(path.toString(), "file not found");
        } catch (IOException e) {
            throw new DataException(path.toString(), "cannot be read: " + e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DataException(path.toString(), e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? -1 : e.getLocation().getColumnNr(), null, null,
                    "not valid JSON: " + jsonMessage(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new DataException(path.toString(), "the file is empty; expected an mmm4j model");
        }
        try {
            return fromJson(root);
        } catch (InvalidField e) {
            throw new DataException(path.toString(), e.getMessage());
        }
    }

    /**
     * A model from its JSON tree.
     *
     * @param root the tree written by {@link #toJson}
     * @return the model
     * @throws IllegalArgumentException whose message starts with the JSON path of the field that is missing or
     *     wrong
     */
    public static FittedModel fromJson(JsonNode root) {
        Objects.requireNonNull(root, "root");
        Node r = new Node(root, "$");
        r.requireObject();
        String format = r.field("format").string();
        if (!format.equals("mmm4j-model")) {
            throw r.field("format").invalid("expected \"mmm4j-model\", found \"" + format + "\"");
        }
        Node fv = r.field("format_version");
        int version = fv.integer(1, Integer.MAX_VALUE);
        if (version != FORMAT_VERSION) {
            throw fv.invalid("version " + version + " is not supported; this library reads version " + FORMAT_VERSION
                    + (version < FORMAT_VERSION ? " (re-save the model with this version)" : " (use a newer mmm4j)"));
        }
        String estimator = r.field("estimator").string();
        Node p = r.field("provenance");
        Map<String, String> options = new LinkedHashMap<>();
        Node po = p.field("options");
        po.requireObject();
        Iterator<Map.Entry<String, JsonNode>> it = po.json.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            options.put(e.getKey(), po.field(e.getKey()).string());
        }
        Provenance prov = new Provenance(p.field("library").string(), p.field("java").string(),
                p.field("estimator").string(), p.field("seed").longValue(), options);
        Node dn = r.field("data");
        MmmDataset data = data(dn);
        Node hn = r.field("holdout");
        int holdout = hn.integer(0, Integer.MAX_VALUE);
        if (holdout >= data.nPeriods() - 1) {
            throw hn.invalid("holdout " + holdout + " leaves " + Math.max(0, data.nPeriods() - holdout)
                    + " training periods of the data's " + data.nPeriods() + "; it must leave at least 2");
        }
        Node ln = r.field("level");
        double level = ln.number();
        if (!(level > 0 && level < 1)) {
            throw ln.invalid("level " + level + " must be in (0, 1)");
        }
        Node f = r.field("frame");
        Node ms = f.field("media_scale");
        double[] scale = ms.numbers(data.nChannels());
        for (int c = 0; c < scale.length; c++) {
            if (!(scale[c] > 0)) {
                throw ms.element(c).invalid("media scale " + scale[c] + " must be > 0");
            }
        }
        Node fg = f.field("geos");
        List<String> geos = fg.strings();
        if (!geos.equals(data.geos())) {
            throw fg.invalid("the frame's geos " + geos + " are not the data's geos " + data.geos());
        }
        Node on = f.field("origin");
        LocalDate origin = on.date();
        if (!origin.equals(data.time().start())) {
            throw on.invalid("origin " + origin + " is not the data's first date " + data.time().start()
                    + " (the training frame starts where the data start)");
        }
        double[] geoLevel = positivePerGeo(f, "geo_level", "geo level", geos.size());
        double[] geoSize = positivePerGeo(f, "geo_size", "geo size", geos.size());
        double[] priceRef = new double[0];
        if (f.has("price_reference")) {
            Node pr = f.field("price_reference");
            priceRef = pr.numbers(geos.size());
            for (int g = 0; g < priceRef.length; g++) {
                if (!Double.isFinite(priceRef[g])) {
                    throw pr.element(g).invalid("price reference " + priceRef[g] + " must be finite");
                }
            }
        }
        Design.Frame frame = new Design.Frame(origin, scale, geos, geoLevel, geoSize, priceRef);
        Node sn = r.field("spec");
        ModelSpec spec = spec(sn);
        if (!spec.names().equals(data.channels())) {
            throw sn.field("channels").invalid("the spec's channels " + spec.names() + " are not the data's channels "
                    + data.channels());
        }
        if (spec.price() != null && (!data.controls().contains(spec.price().control())
                || frame.priceReference().length != data.nGeos())) {
            throw sn.field("price").invalid("price '" + spec.price().control() + "' needs a control of that name in "
                    + "the data " + data.controls() + " and frame.price_reference with one value per geo");
        }
        Node pn = r.field("parameters");
        List<String> names = pn.strings();
        List<String> expected = FittedModel.parameterNames(spec, data, frame);
        boolean geoEffects = data.nGeos() > 1 && names.size() > expected.size();
        if (geoEffects) {
            expected = FittedModel.geoEffectParameterNames(spec, data, frame);
        }
        if (!names.equals(expected)) {
            throw pn.invalid("the parameter names " + names + " do not match the model's layout " + expected);
        }
        int w = names.size();
        double[] point = null;
        if (r.has("point")) {
            point = r.field("point").numbers(w);
        }
        double[] draws = null;
        if (r.has("draws")) {
            Node dr = r.field("draws");
            int n = dr.arraySize();
            if (n == 0) {
                throw dr.invalid("expected at least one draw");
            }
            draws = new double[n * w];
            for (int i = 0; i < n; i++) {
                System.arraycopy(dr.element(i).numbers(w), 0, draws, i * w, w);
            }
        }
        if (point == null && draws == null) {
            throw r.invalid("a model needs \"point\" or \"draws\"; neither is present");
        }
        checkTransforms(r, spec, names, point, draws, w,
                geoEffects ? data.nChannels() * data.nGeos() + data.nGeos() : 0);
        SamplerDiagnostics diag = r.has("sampler") ? sampler(r.field("sampler"), draws == null ? 0 : draws.length / w)
                : null;
        try {
            return FittedModel.of(estimator, spec, data, holdout, frame, point, draws, level, prov, diag, geoEffects);
        } catch (IllegalArgumentException e) {
            throw r.invalid(e.getMessage());
        }
    }

    private static int transformCount(ModelSpec spec) {
        int k = 0;
        for (ChannelSpec cs : spec.channels()) {
            k += cs.adstock().parameterCount() + cs.saturation().parameterCount();
        }
        return k;
    }

    /** Checks every row's transform parameters against their ranges, naming the row and entry. */
    private static void checkTransforms(Node r, ModelSpec spec, List<String> names, double[] point, double[] draws,
            int w, int extra) {
        int first = w - extra - transformCount(spec);
        List<double[]> rows = new ArrayList<>();
        List<Node> where = new ArrayList<>();
        if (point != null) {
            rows.add(point);
            where.add(r.field("point"));
        }
        if (draws != null) {
            Node dr = r.field("draws");
            for (int i = 0; i < draws.length / w; i++) {
                rows.add(Arrays.copyOfRange(draws, i * w, (i + 1) * w));
                where.add(dr.element(i));
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            int k = first;
            for (ChannelSpec cs : spec.channels()) {
                int na = cs.adstock().parameterCount();
                int ns = cs.saturation().parameterCount();
                try {
                    cs.adstock().withParameters(Arrays.copyOfRange(row, k, k + na));
                } catch (IllegalArgumentException e) {
                    throw where.get(i).element(k).invalid(names.get(k) + ": " + e.getMessage());
                }
                try {
                    cs.saturation().withParameters(Arrays.copyOfRange(row, k + na, k + na + ns));
                } catch (IllegalArgumentException e) {
                    throw where.get(i).element(k + na).invalid(names.get(k + na) + ": " + e.getMessage());
                }
                k += na + ns;
            }
        }
    }

    // ------------------------------------------------------------------ data

    private static ObjectNode data(MmmDataset d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kpi", d.kpiName());
        o.put("start", d.time().start().toString());
        o.put("frequency", d.time().frequency().name());
        o.put("periods", d.nPeriods());
        strings(o.putArray("geos"), d.geos());
        strings(o.putArray("channels"), d.channels());
        strings(o.putArray("controls"), d.controls());
        strings(o.putArray("events"), d.events());
        doubles(o.putArray("kpi_values"), d.kpi());
        doubles(o.putArray("spend"), d.spend());
        ArrayNode exp = o.putArray("exposure_channels");
        for (int c = 0; c < d.nChannels(); c++) {
            if (d.hasExposure(c)) {
                exp.add(d.channels().get(c));
            }
        }
        doubles(o.putArray("exposure"), d.exposure());
        doubles(o.putArray("control_values"), d.controlValues());
        doubles(o.putArray("event_values"), d.eventValues());
        return o;
    }

    private static MmmDataset data(Node o) {
        Node fn = o.field("frequency");
        String fq = fn.string();
        Frequency frequency;
        try {
            frequency = Frequency.valueOf(fq);
        } catch (IllegalArgumentException e) {
            throw fn.invalid("unknown frequency \"" + fq + "\"; expected one of " + Arrays.toString(Frequency.values()));
        }
        int periods = o.field("periods").integer(2, 10_000_000);
        TimeIndex time = TimeIndex.regular(o.field("start").date(), frequency, periods);
        List<String> geos = o.field("geos").strings();
        if (geos.isEmpty()) {
            throw o.field("geos").invalid("expected at least one geo");
        }
        List<String> channels = o.field("channels").strings();
        List<String> controls = o.field("controls").strings();
        List<String> events = o.field("events").strings();
        Node en = o.field("exposure_channels");
        List<String> withExposure = en.strings();
        for (int i = 0; i < withExposure.size(); i++) {
            if (!channels.contains(withExposure.get(i))) {
                throw en.element(i).invalid("\"" + withExposure.get(i) + "\" is not a channel " + channels);
            }
        }
        int rows = time.size() * geos.size();
        double[] kpi = o.field("kpi_values").numbers(rows);
        double[] spend = o.field("spend").numbers(rows * channels.size());
        Node sn = o.field("spend");
        for (int i = 0; i < spend.length; i++) {
            if (spend[i] < 0) {
                throw sn.element(i).invalid("spend " + spend[i] + " must be >= 0");
            }
        }
        double[] exposure = o.field("exposure").numbers(rows * channels.size());
        double[] ctl = o.field("control_values").numbers(rows * controls.size());
        double[] ev = o.field("event_values").numbers(rows * events.size());
        String kpiName = o.field("kpi").string();
        try {
            MmmDataset.Builder b = MmmDataset.builder(time).geos(geos).kpi(kpiName, kpi);
            for (int c = 0; c < channels.size(); c++) {
                b.channel(channels.get(c), column(spend, channels.size(), c, rows),
                        withExposure.contains(channels.get(c)) ? column(exposure, channels.size(), c, rows) : null);
            }
            for (int k = 0; k < controls.size(); k++) {
                b.control(controls.get(k), column(ctl, controls.size(), k, rows));
            }
            for (int e = 0; e < events.size(); e++) {
                b.event(events.get(e), column(ev, events.size(), e, rows));
            }
            return b.build();
        } catch (IllegalArgumentException | DataException e) {
            throw o.invalid(e.getMessage());
        }
    }

    private static double[] column(double[] m, int k, int j, int rows) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = m[r * k + j];
        }
        return out;
    }

    // ------------------------------------------------------------------ spec

    private static ObjectNode spec(ModelSpec s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("trend", s.trend());
        o.put("fourier_harmonics", s.fourierHarmonics());
        ArrayNode cs = o.putArray("channels");
        for (ChannelSpec c : s.channels()) {
            ObjectNode co = cs.addObject();
            co.put("name", c.name());
            co.set("adstock", transform(c.adstock()));
            co.set("saturation", transform(c.saturation()));
        }
        if (s.price() != null) {
            ObjectNode po = o.putObject("price");
            po.put("control", s.price().control());
            po.put("by_brand", s.price().byBrand());
            if (!s.price().curvature().isEmpty()) {
                ArrayNode k = po.putArray("curvature");
                s.price().curvature().forEach(k::add);
            }
        }
        return o;
    }

    private static ModelSpec spec(Node o) {
        List<ChannelSpec> cs = new ArrayList<>();
        Node chs = o.field("channels");
        int n = chs.arraySize();
        for (int i = 0; i < n; i++) {
            Node c = chs.element(i);
            cs.add(new ChannelSpec(c.field("name").string(), transform(c.field("adstock"), Adstock.class),
                    transform(c.field("saturation"), Saturation.class)));
        }
        Node fh = o.field("fourier_harmonics");
        boolean trend = o.field("trend").bool();
        int harmonics = fh.integer(0, 26);
        ModelSpec.Price price = null;
        if (o.has("price")) {
            Node po = o.field("price");
            List<Double> k = new ArrayList<>();
            if (po.has("curvature")) {
                Node kn = po.field("curvature");
                for (double v : kn.numbers(kn.arraySize())) {
                    k.add(v);
                }
            }
            try {
                price = new ModelSpec.Price(po.field("control").string(), po.field("by_brand").bool(), k);
            } catch (IllegalArgumentException e) {
                throw po.invalid(e.getMessage());
            }
        }
        try {
            return new ModelSpec(cs, trend, harmonics, price);
        } catch (IllegalArgumentException e) {
            throw o.invalid(e.getMessage());
        }
    }

    private static ObjectNode transform(Object t) {
        if (!(t instanceof Record r)) {
            throw new IllegalStateException(t.getClass() + " is not a record");
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("type", r.getClass().getSimpleName());
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            Object v;
            try {
                v = rc.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + rc.getName() + " of " + r, e);
            }
            if (v instanceof Double x) {
                o.put(rc.getName(), x);
            } else if (v instanceof Integer x) {
                o.put(rc.getName(), x);
            } else if (v instanceof Boolean x) {
                o.put(rc.getName(), x);
            } else {
                throw new IllegalStateException("unsupported component " + rc.getName() + " of " + r);
            }
        }
        return o;
    }

    private static <T> T transform(Node o, Class<T> family) {
        String type = o.field("type").string();
        List<String> known = new ArrayList<>();
        for (Class<?> c : family.getPermittedSubclasses()) {
            known.add(c.getSimpleName());
            if (c.getSimpleName().equals(type) && c.isRecord()) {
                RecordComponent[] rcs = c.getRecordComponents();
                Class<?>[] types = new Class<?>[rcs.length];
                Object[] args = new Object[rcs.length];
                for (int i = 0; i < rcs.length; i++) {
                    types[i] = rcs[i].getType();
                    Node v = o.field(rcs[i].getName());
                    args[i] = types[i] == double.class ? (Object) v.number()
                            : types[i] == int.class ? (Object) v.integer(Integer.MIN_VALUE, Integer.MAX_VALUE)
                                    : (Object) v.bool();
                }
                try {
                    Constructor<?> k = c.getDeclaredConstructor(types);
                    return family.cast(k.newInstance(args));
                } catch (InvocationTargetException e) {
                    throw o.invalid(type + ": " + e.getCause().getMessage());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot construct " + type, e);
                }
            }
        }
        throw o.field("type").invalid("unknown " + family.getSimpleName().toLowerCase(Locale.ROOT) + " type \"" + type
                + "\"; expected one of " + known);
    }

    // ------------------------------------------------------------------ sampler

    private static ObjectNode sampler(SamplerDiagnostics s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", s.status().name());
        o.put("chains", s.chains());
        o.put("draws_per_chain", s.drawsPerChain());
        number(o, "max_rhat", s.maxRhat());
        number(o, "min_ess_bulk", s.minEssBulk());
        o.put("divergences", s.divergences());
        strings(o.putArray("warnings"), s.warnings());
        strings(o.putArray("parameter_names"), s.parameterNames());
        int k = s.parameterNames().size();
        double[] d = s.parameterDraws();
        ArrayNode pd = o.putArray("parameter_draws");
        if (k > 0) {
            for (int i = 0; i < d.length / k; i++) {
                doubles(pd.addArray(), Arrays.copyOfRange(d, i * k, (i + 1) * k));
            }
        }
        strings(o.putArray("unconstrained_names"), s.unconstrainedNames());
        ArrayNode sum = o.putArray("summaries");
        for (ParameterSummary p : s.parameters()) {
            ObjectNode q = sum.addObject();
            q.put("name", p.name());
            number(q, "mean", p.mean());
            number(q, "sd", p.sd());
            number(q, "mcse_mean", p.mcseMean());
            number(q, "q5", p.q5());
            number(q, "q50", p.q50());
            number(q, "q95", p.q95());
            number(q, "ess_bulk", p.essBulk());
            number(q, "ess_tail", p.essTail());
            number(q, "rhat", p.rhat());
        }
        PosteriorPredictiveCheck c = s.posteriorPredictive();
        if (c != null) {
            ObjectNode q = o.putObject("posterior_predictive");
            q.put("level", c.level());
            q.put("observations", c.observations());
            q.put("coverage", c.coverage());
            q.put("p_value_sd", c.pValueSd());
            q.put("p_value_min", c.pValueMin());
            q.put("p_value_max", c.pValueMax());
            q.put("p_value_autocorrelation", c.pValueAutocorrelation());
        }
        ObjectNode rp = o.putObject("roi_prior_log_sd");
        s.roiPriorLogSd().forEach(rp::put);
        return o;
    }

    private static SamplerDiagnostics sampler(Node o, int modelDraws) {
        Node sn = o.field("status");
        String st = sn.string();
        NutsStatus status;
        try {
            status = NutsStatus.valueOf(st);
        } catch (IllegalArgumentException e) {
            throw sn.invalid("unknown status \"" + st + "\"; expected one of " + Arrays.toString(NutsStatus.values()));
        }
        int chains = o.field("chains").integer(1, Integer.MAX_VALUE);
        Node dpc = o.field("draws_per_chain");
        int perChain = dpc.integer(1, Integer.MAX_VALUE);
        if ((long) chains * perChain != modelDraws) {
            throw dpc.invalid(chains + " chains x " + perChain + " draws is not the model's " + modelDraws + " draws");
        }
        List<String> names = o.field("parameter_names").strings();
        Node pd = o.field("parameter_draws");
        int n = names.isEmpty() ? 0 : chains * perChain;
        if (pd.arraySize() != n) {
            throw pd.invalid("expected " + n + " rows, found " + pd.arraySize());
        }
        double[] draws = new double[n * names.size()];
        for (int i = 0; i < n; i++) {
            System.arraycopy(pd.element(i).numbers(names.size()), 0, draws, i * names.size(), names.size());
        }
        List<ParameterSummary> sums = new ArrayList<>();
        Node sm = o.field("summaries");
        for (int i = 0; i < sm.arraySize(); i++) {
            Node q = sm.element(i);
            try {
                sums.add(new ParameterSummary(q.field("name").string(), q.field("mean").number(), q.field("sd")
                        .number(), q.field("mcse_mean").nullableNumber(), q.field("q5").number(),
                        q.field("q50").number(), q.field("q95").number(), q.field("ess_bulk").nullableNumber(),
                        q.field("ess_tail").nullableNumber(), q.field("rhat").nullableNumber()));
            } catch (IllegalArgumentException e) {
                if (e instanceof InvalidField) {
                    throw e;
                }
                throw q.invalid(e.getMessage());
            }
        }
        PosteriorPredictiveCheck ppc = null;
        if (o.has("posterior_predictive")) {
            Node q = o.field("posterior_predictive");
            try {
                ppc = new PosteriorPredictiveCheck(q.field("level").number(), q.field("observations").integer(1,
                        Integer.MAX_VALUE), q.field("coverage").number(), q.field("p_value_sd").number(),
                        q.field("p_value_min").number(), q.field("p_value_max").number(),
                        q.field("p_value_autocorrelation").number());
            } catch (IllegalArgumentException e) {
                if (e instanceof InvalidField) {
                    throw e;
                }
                throw q.invalid(e.getMessage());
            }
        }
        Map<String, Double> roiPriorLogSd = new java.util.TreeMap<>();
        if (o.has("roi_prior_log_sd")) {
            Node rp = o.field("roi_prior_log_sd");
            rp.requireObject();
            Iterator<String> keys = rp.json.fieldNames();
            while (keys.hasNext()) {
                String c = keys.next();
                Node v = rp.field(c);
                double sd = v.number();
                if (!(sd > 0)) {
                    throw v.invalid("expected a positive number, found " + sd);
                }
                roiPriorLogSd.put(c, sd);
            }
        }
        try {
            return new SamplerDiagnostics(status, chains, perChain, o.field("max_rhat").nullableNumber(),
                    o.field("min_ess_bulk").nullableNumber(), o.field("divergences").integer(0, Integer.MAX_VALUE),
                    o.field("warnings").strings(), sums, names, draws, o.field("unconstrained_names").strings(), ppc,
                    roiPriorLogSd);
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidField) {
                throw e;
            }
            throw o.invalid(e.getMessage());
        }
    }

    // ------------------------------------------------------------------ writing helpers

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    private static void doubles(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
        }
    }

    private static void strings(ArrayNode a, List<String> v) {
        v.forEach(a::add);
    }

    // ------------------------------------------------------------------ reading with paths

    /** A field that is missing or wrong, its message starting with the field's JSON path. */
    static final class InvalidField extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidField(String message) {
            super(message);
        }
    }

    /** A JSON node and its path from the root, with typed, validating accessors. */
    private static final class Node {
        final JsonNode json;
        final String path;

        Node(JsonNode json, String path) {
            this.json = json;
            this.path = path;
        }

        InvalidField invalid(String problem) {
            return new InvalidField(path + ": " + problem);
        }

        boolean has(String name) {
            JsonNode v = json.get(name);
            return v != null && !v.isNull();
        }

        void requireObject() {
            if (!json.isObject()) {
                throw invalid("expected an object, found " + describe(json));
            }
        }

        Node field(String name) {
            requireObject();
            JsonNode v = json.get(name);
            String p = path + "." + name;
            if (v == null) {
                throw new InvalidField(p + ": missing");
            }
            return new Node(v, p);
        }

        Node element(int i) {
            JsonNode v = json.get(i);
            return new Node(v == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v,
                    path + "[" + i + "]");
        }

        int arraySize() {
            if (!json.isArray()) {
                throw invalid("expected an array, found " + describe(json));
            }
            return json.size();
        }

        String string() {
            if (!json.isTextual()) {
                throw invalid("expected a string, found " + describe(json));
            }
            return json.asText();
        }

        boolean bool() {
            if (!json.isBoolean()) {
                throw invalid("expected true or false, found " + describe(json));
            }
            return json.asBoolean();
        }

        double number() {
            if (!json.isNumber()) {
                throw invalid("expected a number, found " + describe(json));
            }
            double v = json.asDouble();
            if (!Double.isFinite(v)) {
                throw invalid("expected a finite number, found " + json.asText());
            }
            return v;
        }

        double nullableNumber() {
            return json.isNull() ? Double.NaN : number();
        }

        long longValue() {
            if (!json.isIntegralNumber() || !json.canConvertToLong()) {
                throw invalid("expected a whole number, found " + describe(json));
            }
            return json.asLong();
        }

        int integer(int min, int max) {
            if (!json.isIntegralNumber() || !json.canConvertToInt()) {
                throw invalid("expected a whole number, found " + describe(json));
            }
            int v = json.asInt();
            if (v < min || v > max) {
                throw invalid(v + " is out of range [" + min + ", " + max + "]");
            }
            return v;
        }

        LocalDate date() {
            String s = string();
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw invalid("\"" + s + "\" is not a date (expected yyyy-MM-dd)");
            }
        }

        double[] numbers(int expectedLength) {
            int n = arraySize();
            if (n != expectedLength) {
                throw invalid("expected " + expectedLength + " numbers, found " + n);
            }
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = element(i).number();
            }
            return v;
        }

        List<String> strings() {
            int n = arraySize();
            List<String> v = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                v.add(element(i).string());
            }
            return v;
        }

        private static String describe(JsonNode v) {
            if (v == null || v.isMissingNode()) {
                return "nothing";
            }
            if (v.isNull()) {
                return "null";
            }
            if (v.isTextual()) {
                String t = v.asText();
                return "\"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\"";
            }
            if (v.isArray()) {
                return "an array";
            }
            if (v.isObject()) {
                return "an object";
            }
            if (v.isBoolean()) {
                return v.asText();
            }
            return v.isNumber() ? v.asText() : v.getNodeType().toString().toLowerCase(Locale.ROOT);
        }
    }

    /** An optional per-geo array of positive numbers in the frame; all 1 when absent. */
    private static double[] positivePerGeo(Node frame, String field, String what, int ng) {
        double[] v = new double[ng];
        java.util.Arrays.fill(v, 1.0);
        if (frame.has(field)) {
            Node node = frame.field(field);
            v = node.numbers(ng);
            for (int g = 0; g < ng; g++) {
                if (!(v[g] > 0 && Double.isFinite(v[g]))) {
                    throw node.element(g).invalid(what + " " + v[g] + " must be finite and > 0");
                }
            }
        }
        return v;
    }

    /**
     * Jackson's message without its source note: a nested location reads {@code [Source: REDACTED (...); line: 116,
     * column: 82906]}, which says nothing to a reader (the file and position are already in the message).
     */
    static String jsonMessage(String message) {
        return message == null ? "" : message.replaceAll("\\[Source: [^;\\]]*; ", "[");
    }
}
