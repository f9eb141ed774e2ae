package io.github.mmm4j.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mmm4j.core.AtomicFiles;
import io.github.mmm4j.core.DataException;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.TimeIndex;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Saves a fitted model as JSON ({@code model.json}) and loads it back with identical predictions: the file
 * holds the data the model was fitted on, the training frame, the structure with every transform's
 * parameters, the coefficients (and their draws) and the provenance, so a loaded model can predict, decompose,
 * plan and report without the original CSV.
 *
 * <p>Numbers are written in the shortest form that reads back to the same {@code double}, so loading is exact.
 * A {@link LinearModel} (ridge, NNLS) is stored as {@code "kind": "linear"}; any other model with draws
 * (a Bayesian posterior) as {@code "kind": "sampled"} with one point model per draw, loaded as a
 * {@link SampledModel}. Transforms are stored as {@code {"type": <record class name>, <component>: value, ...}}.
 * The format carries {@code "format": "mmm4j-model"} and a {@code "format_version"}.
 */
public final class ModelJson {

    /** The current format version. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelJson() {
    }

    /**
     * Writes a model to a file, atomically.
     *
     * @param model the model: a {@link LinearModel}, or any model with draws whose draws are LinearModels
     * @param path the file
     * @throws IllegalArgumentException if the model is of neither form
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(FittedModel model, Path path) {
        String text = toJson(model).toPrettyString() + "\n";
        AtomicFiles.writeString(path, text);
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
        if (model instanceof LinearModel lm) {
            root.put("kind", "linear");
            root.set("spec", spec(lm.spec()));
            root.put("intercept", lm.intercept());
            doubles(root.putArray("coefficients"), lm.coefficients());
            double[] d = lm.drawsArray();
            if (d != null) {
                doubles(root.putArray("draws"), d);
            }
        } else if (model.drawCount() > 0) {
            root.put("kind", "sampled");
            ArrayNode draws = root.putArray("draws");
            for (int i = 0; i < model.drawCount(); i++) {
                FittedModel di = model.draw(i);
                if (!(di instanceof LinearModel lm)) {
                    throw new IllegalArgumentException("draw " + i + " is a " + di.getClass().getSimpleName()
                            + "; only LinearModel draws can be saved");
                }
                ObjectNode o = draws.addObject();
                o.set("spec", spec(lm.spec()));
                o.put("intercept", lm.intercept());
                doubles(o.putArray("coefficients"), lm.coefficients());
            }
        } else {
            throw new IllegalArgumentException("cannot save a " + model.getClass().getSimpleName()
                    + ": it is neither a LinearModel nor a model with draws");
        }
        return root;
    }

    /**
     * Reads a model written by {@link #write}.
     *
     * @param path the file
     * @return the model, with the same predictions as the one written
     * @throws DataException naming the file and the field if the file is missing, not JSON or not a model
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
                    "not valid JSON: " + e.getOriginalMessage());
        }
        try {
            return fromJson(root);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DataException(path.toString(), "not a valid mmm4j model: " + e.getMessage());
        }
    }

    /**
     * A model from its JSON tree.
     *
     * @param root the tree written by {@link #toJson}
     * @return the model
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static FittedModel fromJson(JsonNode root) {
        Objects.requireNonNull(root, "root");
        if (!"mmm4j-model".equals(text(root, "format"))) {
            throw new IllegalArgumentException("field 'format' is not 'mmm4j-model'");
        }
        int version = req(root, "format_version").asInt();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("format_version " + version + " is not supported (this library reads "
                    + FORMAT_VERSION + ")");
        }
        String estimator = text(root, "estimator");
        JsonNode p = req(root, "provenance");
        Map<String, String> options = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = req(p, "options").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            options.put(e.getKey(), e.getValue().asText());
        }
        Provenance prov = new Provenance(text(p, "library"), text(p, "java"), text(p, "estimator"),
                req(p, "seed").asLong(), options);
        int holdout = req(root, "holdout").asInt();
        double level = req(root, "level").asDouble();
        MmmDataset data = data(req(root, "data"));
        JsonNode f = req(root, "frame");
        Design.Frame frame = new Design.Frame(LocalDate.parse(text(f, "origin")), doubles(req(f, "media_scale")),
                strings(req(f, "geos")));
        String kind = text(root, "kind");
        switch (kind) {
            case "linear": {
                JsonNode d = root.get("draws");
                return new LinearModel(estimator, spec(req(root, "spec")), data, holdout, frame,
                        req(root, "intercept").asDouble(), doubles(req(root, "coefficients")), prov,
                        d == null ? null : doubles(d), level);
            }
            case "sampled": {
                List<LinearModel> draws = new ArrayList<>();
                for (JsonNode o : req(root, "draws")) {
                    draws.add(new LinearModel(estimator, spec(req(o, "spec")), data, holdout, frame,
                            req(o, "intercept").asDouble(), doubles(req(o, "coefficients")), prov));
                }
                return new SampledModel(estimator, draws, prov, level);
            }
            default:
                throw new IllegalArgumentException("field 'kind' = '" + kind + "'; expected 'linear' or 'sampled'");
        }
    }

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

    private static MmmDataset data(JsonNode o) {
        TimeIndex time = TimeIndex.regular(LocalDate.parse(text(o, "start")),
                io.github.mmm4j.core.Frequency.valueOf(text(o, "frequency")), req(o, "periods").asInt());
        List<String> geos = strings(req(o, "geos"));
        List<String> channels = strings(req(o, "channels"));
        List<String> controls = strings(req(o, "controls"));
        List<String> events = strings(req(o, "events"));
        List<String> withExposure = strings(req(o, "exposure_channels"));
        int rows = time.size() * geos.size();
        double[] spend = doubles(req(o, "spend"));
        double[] exposure = doubles(req(o, "exposure"));
        double[] ctl = doubles(req(o, "control_values"));
        double[] ev = doubles(req(o, "event_values"));
        MmmDataset.Builder b = MmmDataset.builder(time).geos(geos).kpi(text(o, "kpi"), doubles(req(o, "kpi_values")));
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
    }

    private static double[] column(double[] m, int k, int j, int rows) {
        if (m.length != rows * k) {
            throw new IllegalArgumentException("matrix of " + m.length + " values; expected " + rows + " x " + k);
        }
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = m[r * k + j];
        }
        return out;
    }

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
        return o;
    }

    private static ModelSpec spec(JsonNode o) {
        List<ChannelSpec> cs = new ArrayList<>();
        for (JsonNode c : req(o, "channels")) {
            cs.add(new ChannelSpec(text(c, "name"), transform(req(c, "adstock"), Adstock.class),
                    transform(req(c, "saturation"), Saturation.class)));
        }
        return new ModelSpec(cs, req(o, "trend").asBoolean(), req(o, "fourier_harmonics").asInt());
    }

    private static ObjectNode transform(Record r) {
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

    private static ObjectNode transform(Object t) {
        if (!(t instanceof Record r)) {
            throw new IllegalStateException(t.getClass() + " is not a record");
        }
        return transform(r);
    }

    private static <T> T transform(JsonNode o, Class<T> family) {
        String type = text(o, "type");
        for (Class<?> c : family.getPermittedSubclasses()) {
            if (c.getSimpleName().equals(type) && c.isRecord()) {
                RecordComponent[] rcs = c.getRecordComponents();
                Class<?>[] types = new Class<?>[rcs.length];
                Object[] args = new Object[rcs.length];
                for (int i = 0; i < rcs.length; i++) {
                    types[i] = rcs[i].getType();
                    JsonNode v = req(o, rcs[i].getName());
                    args[i] = types[i] == double.class ? (Object) v.asDouble()
                            : types[i] == int.class ? (Object) v.asInt() : (Object) v.asBoolean();
                }
                try {
                    Constructor<?> k = c.getDeclaredConstructor(types);
                    return family.cast(k.newInstance(args));
                } catch (InvocationTargetException e) {
                    throw new IllegalArgumentException(type + ": " + e.getCause().getMessage());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot construct " + type, e);
                }
            }
        }
        throw new IllegalArgumentException("unknown " + family.getSimpleName().toLowerCase(java.util.Locale.ROOT)
                + " type '" + type + "'");
    }

    private static JsonNode req(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode o, String field) {
        return req(o, field).asText();
    }

    private static void doubles(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    private static void strings(ArrayNode a, List<String> v) {
        v.forEach(a::add);
    }

    private static List<String> strings(JsonNode a) {
        List<String> v = new ArrayList<>();
        a.forEach(n -> v.add(n.asText()));
        return v;
    }
}
