package io.github.mmm4j.synthetic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** Numbers in the JSON and tables this package writes: non-finite numbers as JSON {@code null} and as "-". */
final class JsonNumbers {

    private JsonNumbers() {
    }

    /** Puts {@code v}, or {@code null} if it is not finite. */
    static void num(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    /** Puts a replicate's index and seeds. */
    static ObjectNode replicate(ObjectNode o, int index, long dataSeed, long fitSeed) {
        o.put("index", index);
        o.put("dataSeed", dataSeed);
        o.put("fitSeed", fitSeed);
        return o;
    }

    /** Puts a ROI estimate's truth, point and interval bounds. */
    static ObjectNode roi(ObjectNode o, double trueRoi, double roi, double lower, double upper) {
        num(o, "trueRoi", trueRoi);
        num(o, "roi", roi);
        num(o, "roiLower", lower);
        num(o, "roiUpper", upper);
        return o;
    }

    /** {@code v} with two decimals, or "-" if it is NaN. */
    static String fixed2(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
