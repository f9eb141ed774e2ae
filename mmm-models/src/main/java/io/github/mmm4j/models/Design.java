package io.github.mmm4j.models;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The design matrix of a {@link ModelSpec} on a dataset: every regressor except the intercept, in raw
 * (unstandardised) units, row-major {@code x[row * cols() + j]} with rows as in {@link MmmDataset}.
 *
 * <p>Column order: geo offsets (one 0/1 column per geo after the first), trend (years since the frame's
 * origin), seasonality ({@code sin(2 pi k y), cos(2 pi k y)} for {@code k = 1..K}), controls, events, then
 * the transformed media in the spec's channel order. Each column belongs to one <em>component</em> of the
 * decomposition: {@code baseline} (intercept and geo offsets), {@code trend}, {@code seasonality}, each
 * control, each event, each channel.
 *
 * <p>On a panel the trend and seasonality columns of geo {@code g} are multiplied by the geo's level
 * {@code level_g} ({@link Frame#geoLevel()}: its mean training KPI over the mean of all geos), so the baseline's
 * shape is shared and its size follows each geo's: a geo twice as large swings twice as much with the seasons, as
 * when the KPI is modelled per capita (Google Meridian scales KPI and media by population for this reason). National
 * data has level 1.
 *
 * <p>The transformed media column of channel {@code c} is {@code sat_c(adstock_c(spend_c / scale_c))}, with
 * the adstock run separately within each geo and zero spend assumed before the dataset's first period.
 */
public final class Design {

    private final double[] x;
    private final int rows;
    private final int cols;
    private final List<String> columnNames;
    private final int[] componentOf;
    private final List<String> components;
    private final int firstMediaColumn;

    private Design(double[] x, int rows, int cols, List<String> columnNames, int[] componentOf,
            List<String> components, int firstMediaColumn) {
        this.x = x;
        this.rows = rows;
        this.cols = cols;
        this.columnNames = List.copyOf(columnNames);
        this.componentOf = componentOf;
        this.components = List.copyOf(components);
        this.firstMediaColumn = firstMediaColumn;
    }

    /**
     * The fixed quantities a design needs from the training data, so that the same columns can be built for
     * any later data (a holdout, a scenario, a future horizon).
     *
     * @param origin the first training date: trend and seasonality are measured in years from it
     * @param mediaScale per channel, the mean spend over the training rows (positive)
     * @param geos the geos of the training data, in row order
     * @param geoLevel per geo, the factor of its trend and seasonality columns (see the class comment), positive
     */
    public record Frame(LocalDate origin, double[] mediaScale, List<String> geos, double[] geoLevel) {

        /** Validates and copies. */
        public Frame {
            Objects.requireNonNull(origin, "origin");
            mediaScale = mediaScale.clone();
            for (int c = 0; c < mediaScale.length; c++) {
                Checks.checkArgument(mediaScale[c] > 0 && Double.isFinite(mediaScale[c]),
                        "mediaScale[%d] = %s; must be finite and > 0", c, mediaScale[c]);
            }
            geos = List.copyOf(geos);
            geoLevel = geoLevel.clone();
            Checks.checkArgument(geoLevel.length == geos.size(), "geoLevel has %d entries; there are %d geos",
                    geoLevel.length, geos.size());
            for (int g = 0; g < geoLevel.length; g++) {
                Checks.checkArgument(geoLevel[g] > 0 && Double.isFinite(geoLevel[g]),
                        "geoLevel[%d] = %s; must be finite and > 0", g, geoLevel[g]);
            }
        }

        /**
         * A frame whose geos all have level 1.
         *
         * @param origin the first training date
         * @param mediaScale per channel, the mean spend over the training rows
         * @param geos the geos
         */
        public Frame(LocalDate origin, double[] mediaScale, List<String> geos) {
            this(origin, mediaScale, geos, ones(geos.size()));
        }

        private static double[] ones(int n) {
            double[] v = new double[n];
            Arrays.fill(v, 1.0);
            return v;
        }

        @Override
        public double[] mediaScale() {
            return mediaScale.clone();
        }

        @Override
        public double[] geoLevel() {
            return geoLevel.clone();
        }

        /**
         * The frame of a training dataset.
         *
         * @param train the training data
         * @return its frame
         * @throws IllegalArgumentException if a channel has no spend in the training rows
         */
        public static Frame of(MmmDataset train) {
            double[] scale = new double[train.nChannels()];
            for (int c = 0; c < scale.length; c++) {
                scale[c] = train.totalSpend(c) / train.nRows();
                Checks.checkArgument(scale[c] > 0, "channel '%s' has no spend in the training window",
                        train.channels().get(c));
            }
            int ng = train.nGeos();
            double[] level = ones(ng);
            if (ng > 1) {
                // each geo's mean KPI over the mean of all geos; all 1 unless every geo's mean is positive
                int nt = train.nPeriods();
                double all = 0;
                boolean positive = true;
                for (int g = 0; g < ng; g++) {
                    double s = 0;
                    for (int t = 0; t < nt; t++) {
                        s += train.kpi(g * nt + t);
                    }
                    level[g] = s / nt;
                    all += s / nt / ng;
                    positive &= level[g] > 0 && Double.isFinite(level[g]);
                }
                for (int g = 0; g < ng; g++) {
                    level[g] = positive && all > 0 ? level[g] / all : 1.0;
                }
            }
            return new Frame(train.time().start(), scale, train.geos(), level);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && origin.equals(f.origin) && Arrays.equals(mediaScale, f.mediaScale)
                    && geos.equals(f.geos) && Arrays.equals(geoLevel, f.geoLevel);
        }

        @Override
        public int hashCode() {
            return Objects.hash(origin, Arrays.hashCode(mediaScale), geos, Arrays.hashCode(geoLevel));
        }

        @Override
        public String toString() {
            return "Frame[origin=" + origin + ", mediaScale=" + Arrays.toString(mediaScale) + ", geos=" + geos
                    + ", geoLevel=" + Arrays.toString(geoLevel) + "]";
        }
    }

    /**
     * Builds the design of {@code spec} on {@code data}.
     *
     * @param data the data: same channels as the spec; same geos as the frame
     * @param spec the model structure
     * @param frame the training frame
     * @return the design
     */
    public static Design of(MmmDataset data, ModelSpec spec, Frame frame) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(frame, "frame");
        spec.checkMatches(data);
        Checks.checkArgument(data.geos().equals(frame.geos()), "the data's geos %s are not the model's geos %s",
                data.geos(), frame.geos());
        int nt = data.nPeriods();
        int ng = data.nGeos();
        int rows = data.nRows();
        int nc = data.nChannels();
        int k = spec.fourierHarmonics();
        List<String> names = new ArrayList<>();
        List<String> comps = new ArrayList<>();
        List<Integer> compOf = new ArrayList<>();
        comps.add("baseline");
        for (int g = 1; g < ng; g++) {
            names.add("geo:" + data.geos().get(g));
            compOf.add(0);
        }
        if (spec.trend()) {
            comps.add("trend");
            names.add("trend");
            compOf.add(comps.size() - 1);
        }
        if (k > 0) {
            comps.add("seasonality");
            for (int h = 1; h <= k; h++) {
                names.add("sin" + h);
                compOf.add(comps.size() - 1);
                names.add("cos" + h);
                compOf.add(comps.size() - 1);
            }
        }
        for (String c : data.controls()) {
            comps.add(c);
            names.add(c);
            compOf.add(comps.size() - 1);
        }
        for (String e : data.events()) {
            comps.add(e);
            names.add(e);
            compOf.add(comps.size() - 1);
        }
        int firstMedia = names.size();
        for (String c : data.channels()) {
            comps.add(c);
            names.add(c);
            compOf.add(comps.size() - 1);
        }
        int cols = names.size();
        double[] x = new double[rows * cols];

        double[] years = new double[nt];
        for (int t = 0; t < nt; t++) {
            years[t] = ChronoUnit.DAYS.between(frame.origin(), data.time().date(t)) / Frequency.DAYS_PER_YEAR;
        }
        double[] scale = frame.mediaScale;
        Checks.checkArgument(scale.length == nc, "frame has %d media scales; data has %d channels", scale.length, nc);
        double[] series = new double[nt];
        double[] work = new double[nt];
        Checks.checkArgument(frame.geoLevel.length == ng, "frame has %d geo levels; data has %d geos",
                frame.geoLevel.length, ng);
        for (int g = 0; g < ng; g++) {
            double lv = frame.geoLevel[g];
            for (int t = 0; t < nt; t++) {
                int r = g * nt + t;
                int j = 0;
                int base = r * cols;
                for (int gg = 1; gg < ng; gg++) {
                    x[base + j++] = gg == g ? 1 : 0;
                }
                if (spec.trend()) {
                    x[base + j++] = lv * years[t];
                }
                for (int h = 1; h <= k; h++) {
                    double a = 2 * Math.PI * h * years[t];
                    x[base + j++] = lv * Math.sin(a);
                    x[base + j++] = lv * Math.cos(a);
                }
                for (int q = 0; q < data.nControls(); q++) {
                    x[base + j++] = data.control(r, q);
                }
                for (int e = 0; e < data.nEvents(); e++) {
                    x[base + j++] = data.event(r, e);
                }
            }
            for (int c = 0; c < nc; c++) {
                ChannelSpec cs = spec.channels().get(c);
                for (int t = 0; t < nt; t++) {
                    series[t] = data.spend(g * nt + t, c) / scale[c];
                }
                cs.adstock().apply(series, nt, work);
                cs.saturation().apply(work, nt, series);
                for (int t = 0; t < nt; t++) {
                    x[(g * nt + t) * cols + firstMedia + c] = series[t];
                }
            }
        }
        int[] co = compOf.stream().mapToInt(Integer::intValue).toArray();
        return new Design(x, rows, cols, names, co, comps, firstMedia);
    }

    /**
     * For each channel, {@code D_c = sum over rows of sat_c'(a) * a} where {@code a} is the adstocked, scaled
     * spend of the row: the derivative of the channel's transformed column sum when its whole spend series
     * is multiplied by {@code (1 + e)}, at {@code e = 0}. Multiplied by the channel's coefficient and divided
     * by its total spend this is the marginal ROI at the observed spend.
     *
     * @param data the data
     * @param spec the model structure
     * @param frame the training frame
     * @return one value per channel
     */
    public static double[] spendScalingDerivative(MmmDataset data, ModelSpec spec, Frame frame) {
        spec.checkMatches(data);
        int nt = data.nPeriods();
        double[] scale = frame.mediaScale;
        double[] series = new double[nt];
        double[] level = new double[nt];
        double[] out = new double[data.nChannels()];
        for (int c = 0; c < out.length; c++) {
            ChannelSpec cs = spec.channels().get(c);
            for (int g = 0; g < data.nGeos(); g++) {
                for (int t = 0; t < nt; t++) {
                    series[t] = data.spend(g * nt + t, c) / scale[c];
                }
                cs.adstock().apply(series, nt, level);
                for (int t = 0; t < nt; t++) {
                    // At a zero level sat(0 * (1 + e)) = sat(0) for every e, so the term is exactly 0 (and
                    // sat'(0) may be infinite for a Hill slope below 1).
                    if (level[t] != 0) {
                        out[c] += cs.saturation().derivative(level[t]) * level[t];
                    }
                }
            }
        }
        return out;
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns (regressors, not counting the intercept) */
    public int cols() {
        return cols;
    }

    /**
     * @param row a row
     * @param col a column
     * @return the value
     */
    public double get(int row, int col) {
        return x[row * cols + col];
    }

    /** @return a copy of the matrix, {@code x[row * cols() + j]} */
    public double[] toArray() {
        return x.clone();
    }

    /** @return the column names */
    public List<String> columnNames() {
        return columnNames;
    }

    /** @return the component names: {@code baseline} first, then trend, seasonality, controls, events, channels */
    public List<String> components() {
        return components;
    }

    /**
     * @param col a column
     * @return the index in {@link #components()} of the component the column belongs to
     */
    public int componentOf(int col) {
        return componentOf[col];
    }

    /** @return the column of the first channel; channel {@code c} is column {@code firstMediaColumn() + c} */
    public int firstMediaColumn() {
        return firstMediaColumn;
    }
}
