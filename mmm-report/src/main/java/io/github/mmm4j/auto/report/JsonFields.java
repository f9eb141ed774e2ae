package io.github.mmm4j.auto.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mmm4j.core.FitMetrics;

/**
 * The one writer of the JSON fields that every mmm4j {@code results.json} shares ({@code ./mmm fit}'s and the
 * automated analysis's), so that their names and conventions cannot drift apart.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /**
     * Writes a number, or {@code null} when it is NaN or infinite (JSON has no such numbers).
     *
     * @param o (output) the object to write into
     * @param name the field's name
     * @param v the value
     */
    public static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    /**
     * Writes fit metrics as {@code n}, {@code r2}, {@code adjusted_r2}, {@code mape}, {@code smape}, {@code mae},
     * {@code rmse}, {@code nrmse} (percentages as fractions; undefined values as {@code null}).
     *
     * @param o (output) the object to write into
     * @param m the metrics
     */
    public static void metrics(ObjectNode o, FitMetrics m) {
        o.put("n", m.n());
        number(o, "r2", m.r2());
        number(o, "adjusted_r2", m.adjustedR2());
        number(o, "mape", m.mape());
        number(o, "smape", m.smape());
        number(o, "mae", m.mae());
        number(o, "rmse", m.rmse());
        number(o, "nrmse", m.nrmse());
    }
}
