package io.github.mmm4j.models;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.TimeIndex;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

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
     * The mean of {@code count} decompositions of the same rows and components (the posterior or bootstrap mean of
     * per-draw decompositions), taken one at a time so that only one is held in memory: each value is averaged, and
     * each row's prediction is the sum of its averaged components in component order, so the components still add
     * up to the prediction exactly.
     *
     * @param count the number of decompositions, {@code >= 1}
     * @param part returns decomposition {@code i} for {@code 0 <= i < count}, all with equal time, geos and
     *     components
     * @return their mean
     * @throws IllegalArgumentException if {@code count < 1} or a part differs in shape from part 0
     */
    public static Decomposition mean(int count, IntFunction<Decomposition> part) {
        Checks.checkPositive("count", count);
        Objects.requireNonNull(part, "part");
        Decomposition first = part.apply(0);
        double[] sum = first.values.clone();
        for (int p = 1; p < count; p++) {
            Decomposition d = part.apply(p);
            Checks.checkArgument(d.time.equals(first.time) && d.geos.equals(first.geos)
                    && d.components.equals(first.components), "part %d differs in time, geos or components "
                    + "from part 0", p);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += d.values[i];
            }
        }
        int nk = first.components.size();
        double[] predicted = new double[first.rows()];
        for (int r = 0; r < predicted.length; r++) {
            double s = 0;
            for (int k = 0; k < nk; k++) {
                sum[r * nk + k] /= count;
                s += sum[r * nk + k];
            }
            predicted[r] = s;
        }
        return new Decomposition(first.time, first.geos, first.components, sum, predicted);
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

    /**
     * A summary: the periods, geos and each component's total over all rows.
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Decomposition[").append(time.size()).append(" periods from ")
                .append(time.start()).append(", ").append(geos.size()).append(geos.size() == 1 ? " geo" : " geos");
        for (String c : components) {
            b.append(", ").append(c).append(' ').append(ChannelSummary.num(total(c)));
        }
        double p = 0;
        for (double v : predicted) {
            p += v;
        }
        return b.append(", predicted ").append(ChannelSummary.num(p)).append(']').toString();
    }

    /**
     * A decomposition with intervals for every component and for the prediction in every row (see
     * {@link FittedModel#decompositionBands}); the arrays are null for a model without draws.
     *
     * @param point the point decomposition
     * @param lower lower bounds, laid out as {@link Decomposition#values()}, or null
     * @param upper upper bounds, likewise, or null
     * @param predictedLower lower bound of the prediction per row, or null
     * @param predictedUpper upper bound of the prediction per row, or null
     * @param level the nominal coverage
     */
    public record Bands(Decomposition point, double[] lower, double[] upper, double[] predictedLower,
            double[] predictedUpper, double level) {

        /** Validates and copies. */
        public Bands {
            Objects.requireNonNull(point, "point");
            Checks.checkArgument((lower == null) == (upper == null) && (lower == null) == (predictedLower == null)
                    && (lower == null) == (predictedUpper == null), "give all four bounds or none");
            if (lower != null) {
                Checks.checkLength("lower", lower, point.values.length);
                Checks.checkLength("upper", upper, point.values.length);
                Checks.checkLength("predictedLower", predictedLower, point.rows());
                Checks.checkLength("predictedUpper", predictedUpper, point.rows());
                lower = lower.clone();
                upper = upper.clone();
                predictedLower = predictedLower.clone();
                predictedUpper = predictedUpper.clone();
            }
        }

        /** @return whether the bands are present */
        public boolean hasIntervals() {
            return lower != null;
        }

        @Override
        public double[] lower() {
            return lower == null ? null : lower.clone();
        }

        @Override
        public double[] upper() {
            return upper == null ? null : upper.clone();
        }

        @Override
        public double[] predictedLower() {
            return predictedLower == null ? null : predictedLower.clone();
        }

        @Override
        public double[] predictedUpper() {
            return predictedUpper == null ? null : predictedUpper.clone();
        }
    }
}
