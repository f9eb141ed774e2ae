package io.github.mmm4j.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mmm4j.core.Mmm4j;
import java.util.Locale;

/**
 * Writes a {@link GroundTruth} as the JSON of {@code truth.json}; the format is documented on
 * {@link GroundTruth#toJson()}.
 */
final class TruthJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TruthJson() {
    }

    static String toJson(GroundTruth t) {
        ScenarioSpec s = t.spec();
        ObjectNode root = F.objectNode();
        root.put("scenario", s.name());
        root.put("seed", t.seed());
        root.put("version", Mmm4j.version());
        root.put("kpi", s.kpi());
        root.put("periods", s.periods());
        root.put("frequency", s.frequency().name().toLowerCase(Locale.ROOT));
        root.put("start", s.start().toString());
        root.put("geos", s.nGeos());
        root.put("rows", t.nRows());
        root.put("convention", "contribution_cg = effect_c * mediaEffect_g * channelEffect_cg"
                + " * saturation_c(adstock_c(spend_cg / scale_c)),"
                + " scale_c = mean spend of channel c over all rows");

        ArrayNode chs = root.putArray("channels");
        for (ChannelTruth c : t.channels()) {
            ObjectNode o = chs.addObject();
            o.put("name", c.name());
            JsonNumbers.num(o, "spend", c.spend());
            JsonNumbers.num(o, "contribution", c.contribution());
            JsonNumbers.num(o, "share", c.share());
            JsonNumbers.num(o, "roi", c.roi());
            JsonNumbers.num(o, "mroi", c.mroi());
            JsonNumbers.num(o, "effect", c.effect());
            JsonNumbers.num(o, "scale", c.scale());
            o.set("adstock", SpecCodec.adstock(c.adstock()));
            o.set("saturation", SpecCodec.saturation(c.saturation()));
            o.set("spendPattern", SpecCodec.spend(s.channels().get(s.channelIndex(c.name())).spend()));
            double[][] curve = c.curve().sample(Synthetic.CURVE_MAX_MULTIPLE * c.scale(), Synthetic.CURVE_POINTS);
            ObjectNode rc = o.putObject("responseCurve");
            rc.put("mediaEffect", c.curve().mediaEffect());
            array(rc.putArray("spend"), curve[0]);
            array(rc.putArray("contribution"), curve[1]);
        }

        if (s.nGeos() > 1) {
            ArrayNode regions = root.putArray("regions");
            for (int g = 0; g < s.nGeos(); g++) {
                ObjectNode ro = regions.addObject();
                ro.put("geo", s.geos().get(g).name());
                ArrayNode rc = ro.putArray("channels");
                for (int c = 0; c < t.channels().size(); c++) {
                    ObjectNode o = rc.addObject();
                    o.put("name", t.channels().get(c).name());
                    JsonNumbers.num(o, "spend", t.geoSpend(g, c));
                    JsonNumbers.num(o, "contribution", t.geoContribution(g, c));
                    JsonNumbers.num(o, "roi", t.geoRoi(g, c));
                    JsonNumbers.num(o, "effectMultiplier", s.geos().get(g).effect(t.channels().get(c).name()));
                }
            }
        }

        ObjectNode b = root.putObject("baseline");
        JsonNumbers.num(b, "intercept", s.baseline().intercept());
        b.put("trend", s.baseline().trend().label());
        JsonNumbers.num(b, "trendPerYear", s.baseline().trendPerYear());
        ArrayNode seas = b.putArray("seasonality");
        for (ScenarioSpec.Harmonic h : s.baseline().seasonality()) {
            ObjectNode ho = seas.addObject();
            JsonNumbers.num(ho, "sin", h.sin());
            JsonNumbers.num(ho, "cos", h.cos());
        }
        for (String comp : ScenarioSpec.BASELINE_COMPONENTS) {
            JsonNumbers.num(b, comp + "Contribution", t.totalContribution(comp));
        }

        ArrayNode ctls = root.putArray("controls");
        for (ControlSpec c : s.controls()) {
            ObjectNode o = ctls.addObject();
            o.put("name", c.name());
            o.put("type", c.type());
            JsonNumbers.num(o, "coefficient", t.controlCoefficients().get(c.name()));
            JsonNumbers.num(o, "reference", c.reference());
            JsonNumbers.num(o, "contribution", t.totalContribution(c.name()));
        }
        ArrayNode evs = root.putArray("events");
        for (ScenarioSpec.Event e : s.events()) {
            ObjectNode o = evs.addObject();
            o.put("name", e.name());
            JsonNumbers.num(o, "effect", e.effect());
            JsonNumbers.num(o, "contribution", t.totalContribution(e.name()));
        }
        ObjectNode n = root.putObject("noise");
        JsonNumbers.num(n, "sd", t.noiseSd());
        JsonNumbers.num(n, "studentDf", s.noise().studentDf());
        ArrayNode out = n.putArray("outlierRows");
        for (int r : t.outlierRows()) {
            out.add(r);
        }

        double[] signal = t.signal();
        double[] noise = t.noise();
        double sumSignal = 0;
        double sumNoise = 0;
        for (int r = 0; r < signal.length; r++) {
            sumSignal += signal[r];
            sumNoise += noise[r];
        }
        double media = 0;
        for (ChannelTruth c : t.channels()) {
            media += c.contribution();
        }
        ObjectNode totals = root.putObject("totals");
        JsonNumbers.num(totals, "signal", sumSignal);
        JsonNumbers.num(totals, "noise", sumNoise);
        JsonNumbers.num(totals, "media", media);

        ObjectNode contributions = root.putObject("contributions");
        for (String comp : t.componentNames()) {
            array(contributions.putArray(comp), t.contribution(comp));
        }
        array(contributions.putArray("noise"), noise);
        root.set("spec", SpecCodec.toTree(s));
        return root.toPrettyString() + "\n";
    }

    private static void array(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }

}
