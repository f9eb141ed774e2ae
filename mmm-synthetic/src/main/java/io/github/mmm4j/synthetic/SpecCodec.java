package io.github.mmm4j.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.BetaGamma;
import io.github.mmm4j.transforms.Delayed;
import io.github.mmm4j.transforms.Geometric;
import io.github.mmm4j.transforms.GeometricInfinite;
import io.github.mmm4j.transforms.Hill;
import io.github.mmm4j.transforms.Logistic;
import io.github.mmm4j.transforms.MichaelisMenten;
import io.github.mmm4j.transforms.Saturation;
import io.github.mmm4j.transforms.Sigmoid;
import io.github.mmm4j.transforms.Tanh;
import io.github.mmm4j.transforms.WeibullCdf;
import io.github.mmm4j.transforms.WeibullPdf;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Maps a {@link ScenarioSpec} to and from a Jackson tree (the common form of the JSON and YAML files), with
 * error messages that name the field by its path ({@code channels[2].adstock.alpha = 1.5; must be in [0, 1)}).
 * Field names are the record components' names; see {@link ScenarioFiles} for the format.
 */
final class SpecCodec {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SpecCodec() {
    }

    // ---------------------------------------------------------------- writing

    static ObjectNode toTree(ScenarioSpec s) {
        ObjectNode o = F.objectNode();
        o.put("name", s.name());
        o.put("kpi", s.kpi());
        o.put("periods", s.periods());
        o.put("frequency", s.frequency().name().toLowerCase(Locale.ROOT));
        o.put("start", s.start().toString());
        ArrayNode geos = o.putArray("geos");
        for (ScenarioSpec.Geo g : s.geos()) {
            ObjectNode go = geos.addObject().put("name", g.name()).put("scale", g.scale())
                    .put("mediaEffect", g.mediaEffect());
            if (!g.channelEffects().isEmpty()) {
                ObjectNode ce = go.putObject("channelEffects");
                g.channelEffects().forEach(ce::put);
            }
        }
        ArrayNode chs = o.putArray("channels");
        for (ScenarioSpec.Channel c : s.channels()) {
            ObjectNode co = chs.addObject();
            co.put("name", c.name());
            co.put("effect", c.effect());
            co.set("spend", spend(c.spend()));
            co.set("adstock", adstock(c.adstock()));
            co.set("saturation", saturation(c.saturation()));
        }
        ObjectNode b = o.putObject("baseline");
        b.put("intercept", s.baseline().intercept());
        b.put("trend", s.baseline().trend().label());
        b.put("trendPerYear", s.baseline().trendPerYear());
        ArrayNode seas = b.putArray("seasonality");
        for (ScenarioSpec.Harmonic h : s.baseline().seasonality()) {
            seas.addObject().put("sin", h.sin()).put("cos", h.cos());
        }
        ArrayNode ctls = o.putArray("controls");
        for (ControlSpec c : s.controls()) {
            ctls.add(control(c));
        }
        ArrayNode evs = o.putArray("events");
        for (ScenarioSpec.Event e : s.events()) {
            ObjectNode eo = evs.addObject();
            eo.put("name", e.name());
            ArrayNode d = eo.putArray("dates");
            e.dates().forEach(x -> d.add(x.toString()));
            eo.put("yearly", e.yearly());
            eo.put("effect", e.effect());
        }
        ArrayNode col = o.putArray("collinearity");
        for (ScenarioSpec.Collinearity c : s.collinearity()) {
            col.addObject().put("channel", c.channel()).put("follows", c.follows()).put("weight", c.weight());
        }
        ScenarioSpec.Noise n = s.noise();
        o.putObject("noise").put("sd", n.sd()).put("snr", n.snr()).put("studentDf", n.studentDf())
                .put("outlierFraction", n.outlierFraction()).put("outlierScale", n.outlierScale());
        return o;
    }

    static ObjectNode spend(SpendPattern p) {
        ObjectNode o = F.objectNode();
        o.put("type", p.type());
        o.put("mean", p.mean());
        if (p instanceof SpendPattern.Flighted f) {
            o.put("onPeriods", f.onPeriods()).put("offPeriods", f.offPeriods());
        } else if (p instanceof SpendPattern.Sparse sp) {
            o.put("onFraction", sp.onFraction());
        } else if (p instanceof SpendPattern.Seasonal se) {
            o.put("amplitude", se.amplitude()).put("peak", se.peak());
        } else if (p instanceof SpendPattern.Spike sk) {
            o.put("period", sk.period()).put("multiplier", sk.multiplier());
        }
        o.put("cv", p.cv());
        return o;
    }

    static ObjectNode adstock(Adstock a) {
        ObjectNode o = F.objectNode();
        o.put("type", a.name());
        if (a instanceof Geometric g) {
            o.put("alpha", g.alpha()).put("maxLag", g.maxLag()).put("normalized", g.normalized());
        } else if (a instanceof GeometricInfinite g) {
            o.put("alpha", g.alpha()).put("normalized", g.normalized());
        } else if (a instanceof Delayed d) {
            o.put("alpha", d.alpha()).put("theta", d.theta()).put("maxLag", d.maxLag()).put("normalized", d.normalized());
        } else if (a instanceof WeibullCdf w) {
            o.put("shape", w.shape()).put("scale", w.scale()).put("maxLag", w.maxLag());
        } else if (a instanceof WeibullPdf w) {
            o.put("shape", w.shape()).put("scale", w.scale()).put("maxLag", w.maxLag());
        } else if (a instanceof BetaGamma bg) {
            o.put("beta", bg.beta()).put("gamma", bg.gamma()).put("maxLag", bg.maxLag());
        }
        return o;
    }

    static ObjectNode saturation(Saturation s) {
        ObjectNode o = F.objectNode();
        o.put("type", s.name());
        List<String> names = s.parameterNames();
        double[] values = s.parameters();
        for (int i = 0; i < names.size(); i++) {
            o.put(names.get(i), values[i]);
        }
        return o;
    }

    static ObjectNode control(ControlSpec c) {
        ObjectNode o = F.objectNode();
        o.put("type", c.type());
        o.put("name", c.name());
        if (c instanceof ControlSpec.Price p) {
            o.put("level", p.level()).put("volatility", p.volatility()).put("elasticity", p.elasticity());
        } else if (c instanceof ControlSpec.Macro m) {
            o.put("level", m.level()).put("volatility", m.volatility()).put("persistence", m.persistence())
                    .put("coefficient", m.coefficient());
        } else if (c instanceof ControlSpec.Competitor co) {
            o.put("mean", co.mean()).put("cv", co.cv()).put("coefficient", co.coefficient());
        } else if (c instanceof ControlSpec.Confounder cf) {
            o.put("channel", cf.channel()).put("correlation", cf.correlation()).put("level", cf.level())
                    .put("sd", cf.sd()).put("coefficient", cf.coefficient());
        }
        return o;
    }

    // ---------------------------------------------------------------- reading

    static ScenarioSpec fromTree(JsonNode root) {
        Obj o = new Obj(root, "");
        ScenarioSpec.Builder b = ScenarioSpec.builder();
        o.optText("name").ifPresent(b::name);
        o.optText("kpi").ifPresent(b::kpi);
        if (o.has("periods")) {
            b.periods(o.integer("periods"));
        }
        o.optText("frequency").ifPresent(f -> b.frequency(frequency(o.path("frequency"), f)));
        if (o.has("start")) {
            b.start(date(o.path("start"), o.text("start")));
        }
        if (o.has("geos")) {
            List<ScenarioSpec.Geo> geos = new ArrayList<>();
            for (Obj g : o.objects("geos")) {
                Map<String, Double> ce = new java.util.TreeMap<>();
                if (g.has("channelEffects")) {
                    Obj co = g.object("channelEffects");
                    for (String f : co.fieldNames()) {
                        ce.put(f, co.num(f));
                    }
                    co.done();
                }
                geos.add(new ScenarioSpec.Geo(g.text("name"), g.num("scale", 1.0), g.num("mediaEffect", 1.0), ce));
                g.done();
            }
            b.geos(geos);
        }
        for (Obj c : o.objects("channels")) {
            b.channel(new ScenarioSpec.Channel(c.text("name"), spend(c.object("spend")), adstock(c.object("adstock")),
                    saturation(c.object("saturation")), c.num("effect")));
            c.done();
        }
        if (o.has("baseline")) {
            Obj bl = o.object("baseline");
            List<ScenarioSpec.Harmonic> hs = new ArrayList<>();
            if (bl.has("seasonality")) {
                for (Obj h : bl.objects("seasonality")) {
                    hs.add(new ScenarioSpec.Harmonic(h.num("sin", 0.0), h.num("cos", 0.0)));
                    h.done();
                }
            }
            ScenarioSpec.Trend trend = bl.has("trend") ? trend(bl.path("trend"), bl.text("trend"))
                    : ScenarioSpec.Trend.NONE;
            b.baseline(new ScenarioSpec.Baseline(bl.num("intercept"), trend, bl.num("trendPerYear", 0.0), hs));
            bl.done();
        }
        if (o.has("controls")) {
            for (Obj c : o.objects("controls")) {
                b.control(control(c));
                c.done();
            }
        }
        if (o.has("events")) {
            for (Obj e : o.objects("events")) {
                List<LocalDate> dates = new ArrayList<>();
                int i = 0;
                for (String d : e.texts("dates")) {
                    dates.add(date(e.path("dates") + "[" + i++ + "]", d));
                }
                b.event(new ScenarioSpec.Event(e.text("name"), dates, e.bool("yearly", false), e.num("effect")));
                e.done();
            }
        }
        if (o.has("collinearity")) {
            for (Obj c : o.objects("collinearity")) {
                b.collinear(c.text("channel"), c.text("follows"), c.num("weight"));
                c.done();
            }
        }
        if (o.has("noise")) {
            Obj n = o.object("noise");
            b.noise(new ScenarioSpec.Noise(n.num("sd", 0.0), n.num("snr", 0.0), n.num("studentDf", 0.0),
                    n.num("outlierFraction", 0.0), n.num("outlierScale", 0.0)));
            n.done();
        }
        o.done();
        return b.build();
    }

    private static SpendPattern spend(Obj o) {
        String type = o.text("type");
        double mean = o.num("mean");
        double cv = o.num("cv", 0.0);
        SpendPattern p = switch (type) {
            case "always_on" -> new SpendPattern.AlwaysOn(mean, cv);
            case "flighted" -> new SpendPattern.Flighted(mean, o.integer("onPeriods"), o.integer("offPeriods"), cv);
            case "sparse" -> new SpendPattern.Sparse(mean, o.num("onFraction"), cv);
            case "seasonal" -> new SpendPattern.Seasonal(mean, o.num("amplitude"), o.num("peak", 0.0), cv);
            case "spike" -> new SpendPattern.Spike(mean, cv, o.integer("period"), o.num("multiplier"));
            default -> throw o.bad("type", "'" + type + "'",
                    "unknown spend pattern; choose always_on, flighted, sparse, seasonal or spike");
        };
        o.done();
        return p;
    }

    private static Adstock adstock(Obj o) {
        String type = o.text("type");
        Adstock a = o.construct(() -> switch (type) {
            case "geometric" -> Adstock.geometric(o.num("alpha"), o.integer("maxLag", 8), o.bool("normalized", true));
            case "geometric_infinite" -> Adstock.geometricInfinite(o.num("alpha"), o.bool("normalized", true));
            case "delayed" -> Adstock.delayed(o.num("alpha"), o.num("theta"), o.integer("maxLag", 8),
                    o.bool("normalized", true));
            case "weibull_cdf" -> Adstock.weibullCdf(o.num("shape"), o.num("scale"), o.integer("maxLag", 8));
            case "weibull_pdf" -> Adstock.weibullPdf(o.num("shape"), o.num("scale"), o.integer("maxLag", 8));
            case "beta_gamma" -> Adstock.betaGamma(o.num("beta"), o.num("gamma"), o.integer("maxLag", 8));
            default -> throw o.bad("type", "'" + type + "'", "unknown adstock; choose geometric, geometric_infinite, "
                    + "delayed, weibull_cdf, weibull_pdf or beta_gamma");
        });
        o.done();
        return a;
    }

    private static Saturation saturation(Obj o) {
        String type = o.text("type");
        Saturation s = o.construct(() -> switch (type) {
            case "hill" -> Saturation.hill(o.num("ec"), o.num("slope"));
            case "logistic" -> Saturation.logistic(o.num("lambda"));
            case "sigmoid" -> Saturation.sigmoid(o.num("inflection"), o.num("steepness"));
            case "michaelis_menten" -> Saturation.michaelisMenten(o.num("alpha"), o.num("lambda"));
            case "tanh" -> Saturation.tanh(o.num("b"), o.num("c"));
            default -> throw o.bad("type", "'" + type + "'",
                    "unknown saturation; choose hill, logistic, sigmoid, michaelis_menten or tanh");
        });
        o.done();
        return s;
    }

    private static ControlSpec control(Obj o) {
        String type = o.text("type");
        String name = o.text("name");
        return switch (type) {
            case "price" -> new ControlSpec.Price(name, o.num("level"), o.num("volatility"), o.num("elasticity"));
            case "macro" -> new ControlSpec.Macro(name, o.num("level"), o.num("volatility"), o.num("persistence"),
                    o.num("coefficient"));
            case "competitor" -> new ControlSpec.Competitor(name, o.num("mean"), o.num("cv", 0.0), o.num("coefficient"));
            case "confounder" -> new ControlSpec.Confounder(name, o.text("channel"), o.num("correlation"),
                    o.num("level", 0.0), o.num("sd"), o.num("coefficient"));
            default -> throw o.bad("type", "'" + type + "'",
                    "unknown control; choose price, macro, competitor or confounder");
        };
    }

    private static Frequency frequency(String path, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "weekly" -> Frequency.WEEKLY;
            case "daily" -> Frequency.DAILY;
            default -> throw new IllegalArgumentException(path + " = '" + value + "'; must be weekly or daily");
        };
    }

    private static ScenarioSpec.Trend trend(String path, String value) {
        for (ScenarioSpec.Trend t : ScenarioSpec.Trend.values()) {
            if (t.label().equals(value.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException(path + " = '" + value + "'; must be none, linear or concave");
    }

    private static LocalDate date(String path, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(path + " = '" + value + "'; must be a date yyyy-MM-dd", e);
        }
    }

    /** An object node being read, with its path, remembering which fields were read. */
    private static final class Obj {
        private final JsonNode node;
        private final String path;
        private final Set<String> read = new LinkedHashSet<>();

        Obj(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException((path.isEmpty() ? "the scenario" : path)
                        + " must be an object with named fields");
            }
            this.node = node;
            this.path = path;
        }

        String path(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        List<String> fieldNames() {
            List<String> out = new ArrayList<>();
            node.fieldNames().forEachRemaining(out::add);
            return out;
        }

        boolean has(String field) {
            read.add(field);
            return node.has(field) && !node.get(field).isNull();
        }

        private JsonNode required(String field) {
            if (!has(field)) {
                throw new IllegalArgumentException(path(field) + " is missing");
            }
            return node.get(field);
        }

        IllegalArgumentException bad(String field, String value, String problem) {
            return new IllegalArgumentException(path(field) + " = " + value + "; " + problem);
        }

        String text(String field) {
            JsonNode v = required(field);
            if (!v.isValueNode() || v.isBoolean()) {
                throw bad(field, v.toString(), "must be a text value");
            }
            return v.asText();
        }

        java.util.Optional<String> optText(String field) {
            return has(field) ? java.util.Optional.of(text(field)) : java.util.Optional.empty();
        }

        double num(String field) {
            JsonNode v = required(field);
            if (v.isNumber()) {
                return v.doubleValue();
            }
            if (v.isTextual()) {
                String s = v.asText().strip();
                // YAML writes non-finite numbers as .nan / .inf; accept them so that validation names the field
                switch (s) {
                    case ".nan", ".NaN", "NaN" -> {
                        return Double.NaN;
                    }
                    case ".inf", "Infinity" -> {
                        return Double.POSITIVE_INFINITY;
                    }
                    case "-.inf", "-Infinity" -> {
                        return Double.NEGATIVE_INFINITY;
                    }
                    default -> {
                    }
                }
            }
            throw bad(field, v.toString(), "must be a number");
        }

        double num(String field, double dflt) {
            return has(field) ? num(field) : dflt;
        }

        int integer(String field) {
            JsonNode v = required(field);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw bad(field, v.toString(), "must be a whole number");
            }
            return v.intValue();
        }

        int integer(String field, int dflt) {
            return has(field) ? integer(field) : dflt;
        }

        boolean bool(String field, boolean dflt) {
            if (!has(field)) {
                return dflt;
            }
            JsonNode v = node.get(field);
            if (!v.isBoolean()) {
                throw bad(field, v.toString(), "must be true or false");
            }
            return v.booleanValue();
        }

        Obj object(String field) {
            return new Obj(required(field), path(field));
        }

        List<Obj> objects(String field) {
            JsonNode v = required(field);
            if (!v.isArray()) {
                throw bad(field, v.toString(), "must be a list");
            }
            List<Obj> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                out.add(new Obj(v.get(i), path(field) + "[" + i + "]"));
            }
            return out;
        }

        List<String> texts(String field) {
            JsonNode v = required(field);
            if (!v.isArray()) {
                throw bad(field, v.toString(), "must be a list");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                if (!e.isValueNode()) {
                    throw new IllegalArgumentException(path(field) + "[" + i + "] = " + e + "; must be a text value");
                }
                out.add(e.asText());
            }
            return out;
        }

        /** Runs a transform constructor, prefixing its message (which names the parameter) with this path. */
        <T> T construct(Supplier<T> make) {
            try {
                return make.get();
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                if (m != null && m.startsWith(path)) {
                    throw e;
                }
                throw new IllegalArgumentException(path + "." + m, e);
            }
        }

        void done() {
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                String f = it.next();
                if (!read.contains(f)) {
                    throw new IllegalArgumentException(path(f) + ": unknown field; fields here are " + read);
                }
            }
        }
    }
}
