package io.github.mmm4j.models;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.TimeIndex;
import java.util.List;
import java.util.Objects;

/**
 * The prediction of a model split into additive components, per row: {@code baseline} (intercept and geo
 * offsets), {@code trend}, {@code seasonality}, each control, each event and each media channel.
 * {@code predicted[row]} is the sum of the row's components taken in component order, so the components add
 * up to the prediction exactly.
 *
 * @param time the periods
 * @param geos the geos (rows are {@code g * time.size() + t})
 * @param components the component names
 * @param values row-major {@code values[row * components.size() + k]}
 * @param predicted the prediction per row
 */
public record Decomposition(TimeIndex time, List<String> geos, List<String> components, double[] values,
        double[] predicted) {

    /** Validates and copies. */
    public Decomposition {
        Objects.requireNonNull(time, "time");
        geos = List.copyOf(geos);
        components = List.copyOf(components);
        int rows = time.size() * geos.size();
        Checks.checkLength("values", values, rows * components.size());
        Checks.checkLength("predicted", predicted, rows);
        values = values.clone();
        predicted = predicted.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] predicted() {
        return predicted.clone();
    }

    /** @return the number of rows */
    public int rows() {
        return predicted.length;
    }

    /**
     * @param row a row
     * @param k a component index
     * @return the component's value in that row
     */
    public double value(int row, int k) {
        return values[row * components.size() + k];
    }

    /**
     * @param name a component name
     * @return a copy of that component over all rows
     * @throws IllegalArgumentException if there is no such component
     */
    public double[] component(String name) {
        int k = components.indexOf(name);
        Checks.checkArgument(k >= 0, "no component '%s'; components are %s", name, components);
        double[] out = new double[rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = values[r * components.size() + k];
        }
        return out;
    }

    /**
     * @param name a component name
     * @return the component's sum over all rows
     */
    public double total(String name) {
        double s = 0;
        for (double v : component(name)) {
            s += v;
        }
        return s;
    }
}
