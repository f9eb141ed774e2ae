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
 *
 * <p><b>Population.</b> When the data gives each geo's population ({@link MmmDataset#hasPopulation()}), media is
 * modelled per capita, as Google Meridian does: with {@code size_g} the geo's population over the mean population
 * of all geos ({@link Frame#geoSize()}), geo {@code g}'s media column is
 * {@code size_g * sat_c(adstock_c(spend_c / (scale_c * size_g)))}. The saturation sees the spend per head (in
 * units of the average geo), so one curve describes a small and a large geo alike, and the effect is counted back in
 * whole-geo units. Without population every size is 1 and the column is as above.
 */
public final class Design {

    /** The columns after the geo offsets, row-major {@code x[row * (cols - offsets) + col - offsets]}. */
    private final double[] x;
    private final int rows;
    private final int cols;
    /** The number of geo offset columns ({@code geos - 1}), which are not stored: see {@link #get}. */
    private final int offsets;
    /** Rows per geo. */
    private final int periods;
    /** The geo of row 0 (0 unless only some geos' rows were built). */
    private final int firstGeo;
    private final List<String> columnNames;
    private final int[] componentOf;
    private final List<String> components;
    private final int firstMediaColumn;

    private Design(double[] x, int rows, int cols, int offsets, int periods, int firstGeo, List<String> columnNames,
            int[] componentOf, List<String> components, int firstMediaColumn) {
        this.firstGeo = firstGeo;
        this.x = x;
        this.rows = rows;
        this.cols = cols;
        this.offsets = offsets;
        this.periods = periods;
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
     * @param geoSize per geo, its population over the mean population of the geos (see the class comment), all 1
     *     without population, positive
     * @param priceReference per geo, the mean over its training rows of the log price ({@link ModelSpec.Price});
     *     empty for a model without price
     */
    public record Frame(LocalDate origin, double[] mediaScale, List<String> geos, double[] geoLevel,
            double[] geoSize, double[] priceReference) {

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
            geoSize = geoSize.clone();
            Checks.checkArgument(geoSize.length == geos.size(), "geoSize has %d entries; there are %d geos",
                    geoSize.length, geos.size());
            for (int g = 0; g < geoSize.length; g++) {
                Checks.checkArgument(geoSize[g] > 0 && Double.isFinite(geoSize[g]),
                        "geoSize[%d] = %s; must be finite and > 0", g, geoSize[g]);
            }
            priceReference = priceReference == null ? new double[0] : priceReference.clone();
            Checks.checkArgument(priceReference.length == 0 || priceReference.length == geos.size(),
                    "priceReference has %d entries; there are %d geos", priceReference.length, geos.size());
            for (double v : priceReference) {
                Checks.checkArgument(Double.isFinite(v), "priceReference %s must be finite", v);
            }
        }

        /**
         * A frame without price.
         *
         * @param origin the first training date
         * @param mediaScale per channel, the mean spend over the training rows
         * @param geos the geos
         * @param geoLevel per geo, the factor of its trend and seasonality columns
         * @param geoSize per geo, its population size
         */
        public Frame(LocalDate origin, double[] mediaScale, List<String> geos, double[] geoLevel, double[] geoSize) {
            this(origin, mediaScale, geos, geoLevel, geoSize, new double[0]);
        }

        @Override
        public double[] priceReference() {
            return priceReference.clone();
        }

        /**
         * The frame of a training dataset for a spec: as {@link #of(MmmDataset)}, with the price reference when the
         * spec has a price.
         *
         * @param train the training data
         * @param spec the model structure
         * @return its frame
         * @throws IllegalArgumentException if a channel has no spend or a price is not positive
         */
        public static Frame of(MmmDataset train, ModelSpec spec) {
            Frame f = of(train);
            if (spec.price() == null) {
                return f;
            }
            int k = train.controls().indexOf(spec.price().control());
            Checks.checkArgument(k >= 0, "the price '%s' is not a control of the data %s", spec.price().control(),
                    train.controls());
            int nt = train.nPeriods();
            double[] ref = new double[train.nGeos()];
            for (int g = 0; g < ref.length; g++) {
                double acc = 0;
                for (int t = 0; t < nt; t++) {
                    acc += Math.log(positivePrice(train, g * nt + t, k));
                }
                ref[g] = acc / nt;
            }
            return new Frame(f.origin, f.mediaScale, f.geos, f.geoLevel, f.geoSize, ref);
        }
        /**
         * A frame without population: every geo has size 1.
         *
         * @param origin the first training date
         * @param mediaScale per channel, the mean spend over the training rows
         * @param geos the geos
         * @param geoLevel per geo, the factor of its trend and seasonality columns
         */
        public Frame(LocalDate origin, double[] mediaScale, List<String> geos, double[] geoLevel) {
            this(origin, mediaScale, geos, geoLevel, ones(geos.size()));
        }

        /**
         * A frame whose geos all have level 1.
         *
         * @param origin the first training date
         * @param mediaScale per channel, the mean spend over the training rows
         * @param geos the geos
         */
        public Frame(LocalDate origin, double[] mediaScale, List<String> geos) {
            this(origin, mediaScale, geos, ones(geos.size()), ones(geos.size()));
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

        @Override
        public double[] geoSize() {
            return geoSize.clone();
        }

        /**
         * @param g a geo index
         * @return its size (population over the mean population; 1 without population)
         */
        public double geoSize(int g) {
            return geoSize[g];
        }

        /** @return true if some geo's size differs from 1 (the model is per capita) */
        public boolean perCapita() {
            for (double v : geoSize) {
                if (v != 1.0) {
                    return true;
                }
            }
            return false;
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
            double[] size = ones(ng);
            if (ng > 1 && train.hasPopulation()) {
                double mean = 0;
                for (int g = 0; g < ng; g++) {
                    mean += train.population(g) / ng;
                }
                for (int g = 0; g < ng; g++) {
                    size[g] = train.population(g) / mean;
                }
                // the mean spend per period of a geo of average size, so scaled per-capita spend averages about 1
                for (int c = 0; c < scale.length; c++) {
                    double perHead = 0;
                    for (int g = 0; g < ng; g++) {
                        for (int t = 0; t < train.nPeriods(); t++) {
                            perHead += train.spend(g * train.nPeriods() + t, c) / size[g];
                        }
                    }
                    scale[c] = perHead / train.nRows();
                }
            }
            return new Frame(train.time().start(), scale, train.geos(), level, size, new double[0]);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && origin.equals(f.origin) && Arrays.equals(mediaScale, f.mediaScale)
                    && geos.equals(f.geos) && Arrays.equals(geoLevel, f.geoLevel) && Arrays.equals(geoSize, f.geoSize)
                    && Arrays.equals(priceReference, f.priceReference);
        }

        @Override
        public int hashCode() {
            return Objects.hash(origin, Arrays.hashCode(mediaScale), geos, Arrays.hashCode(geoLevel),
                    Arrays.hashCode(geoSize), Arrays.hashCode(priceReference));
        }

        @Override
        public String toString() {
            return "Frame[origin=" + origin + ", mediaScale=" + Arrays.toString(mediaScale) + ", geos=" + geos
                    + ", geoLevel=" + Arrays.toString(geoLevel) + ", geoSize=" + Arrays.toString(geoSize)
                    + ", priceReference=" + Arrays.toString(priceReference) + "]";
        }
    }

    /** The price control's value in a row, which must be positive (its log enters the design). */
    private static double positivePrice(MmmDataset data, int row, int k) {
        double p = data.control(row, k);
        if (!(p > 0)) {
            int nt = data.nPeriods();
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "price '%s' is %s in geo '%s' on %s; a price must be > 0 (its elasticity uses log price)",
                    data.controls().get(k), p, data.geos().get(row / nt), data.time().date(row % nt)));
        }
        return p;
    }

    /**
     * The price groups of a panel: one per brand when the price is pooled by brand (the brand of a cell
     * {@code BRAND / REGION}, else each geo its own brand), otherwise one group, {@code all}, for every geo.
     *
     * @param geos the geos
     * @param price the price spec
     * @param groupOf (output) per geo, the index of its group; length {@code geos.size()}
     * @return the group names, in order of first appearance
     */
    public static List<String> priceGroups(List<String> geos, ModelSpec.Price price, int[] groupOf) {
        java.util.Optional<List<String[]>> cells = io.github.mmm4j.core.CsvSchema.cells(geos);
        List<String> names = new ArrayList<>();
        for (int g = 0; g < geos.size(); g++) {
            String b;
            if (!price.byBrand() || geos.size() == 1) {
                b = "all";
            } else if (cells.isPresent()) {
                b = cells.get().get(g)[0];
            } else {
                b = geos.get(g);
            }
            int i = names.indexOf(b);
            if (i < 0) {
                names.add(b);
                i = names.size() - 1;
            }
            groupOf[g] = i;
        }
        return names;
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
        return of(data, spec, frame, 0, data.nGeos());
    }

    /**
     * Builds the rows of geos {@code [geoFrom, geoTo)} of the design of {@code spec} on {@code data}: the same
     * columns as {@link #of(MmmDataset, ModelSpec, Frame)}, and row {@code r} is that design's row
     * {@code geoFrom * nPeriods + r}.
     *
     * @param data the data: same channels as the spec; same geos as the frame
     * @param spec the model structure
     * @param frame the training frame
     * @param geoFrom the first geo, inclusive
     * @param geoTo the last geo, exclusive, above {@code geoFrom}
     * @return the rows of those geos
     */
    static Design of(MmmDataset data, ModelSpec spec, Frame frame, int geoFrom, int geoTo) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(frame, "frame");
        spec.checkMatches(data);
        Checks.checkArgument(data.geos().equals(frame.geos()), "the data's geos %s are not the model's geos %s",
                data.geos(), frame.geos());
        int nt = data.nPeriods();
        int ng = data.nGeos();
        Checks.checkArgument(0 <= geoFrom && geoFrom < geoTo && geoTo <= ng, "geos [%d, %d) of %d", geoFrom, geoTo,
                ng);
        int rows = (geoTo - geoFrom) * nt;
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
        int priceControl = spec.price() == null ? -1 : data.controls().indexOf(spec.price().control());
        int[] priceGroup = new int[ng];
        List<String> groups = priceControl < 0 ? List.of() : priceGroups(data.geos(), spec.price(), priceGroup);
        if (priceControl >= 0) {
            Checks.checkArgument(frame.priceReference.length == ng,
                    "the model has price '%s' but its frame has no price reference", spec.price().control());
            Checks.checkArgument(spec.price().curvature().isEmpty() || spec.price().curvature().size() == groups.size(),
                    "price curvature has %d values; there are %d price groups %s", spec.price().curvature().size(),
                    groups.size(), groups);
        }
        for (String c : data.controls()) {
            comps.add(c);
            if (c.equals(spec.price() == null ? null : spec.price().control())) {
                // one column per price group, all of the price's component
                for (String grp : groups) {
                    names.add(groups.size() == 1 ? c : c + ":" + grp);
                    compOf.add(comps.size() - 1);
                }
            } else {
                names.add(c);
                compOf.add(comps.size() - 1);
            }
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
        // the geo offsets are 0/1 columns known from the row alone: they are not stored, so that a panel of a
        // thousand geos does not hold a thousand dense columns
        int nd = ng - 1;
        int width = cols - nd;
        double[] x = new double[rows * width];

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
        for (int g = geoFrom; g < geoTo; g++) {
            double lv = frame.geoLevel[g];
            for (int t = 0; t < nt; t++) {
                int r = g * nt + t;
                int j = 0;
                int base = (r - geoFrom * nt) * width;
                if (spec.trend()) {
                    x[base + j++] = lv * years[t];
                }
                for (int h = 1; h <= k; h++) {
                    double a = 2 * Math.PI * h * years[t];
                    x[base + j++] = lv * Math.sin(a);
                    x[base + j++] = lv * Math.cos(a);
                }
                for (int q = 0; q < data.nControls(); q++) {
                    if (q == priceControl) {
                        double lr = Math.log(positivePrice(data, r, q)) - frame.priceReference[g];
                        double kp = spec.price().curvature(priceGroup[g]);
                        double v = lv * (kp == 0 ? lr : Math.expm1(kp * lr) / kp);
                        for (int b = 0; b < groups.size(); b++) {
                            x[base + j++] = b == priceGroup[g] ? v : 0.0;
                        }
                    } else {
                        x[base + j++] = data.control(r, q);
                    }
                }
                for (int e = 0; e < data.nEvents(); e++) {
                    x[base + j++] = data.event(r, e);
                }
            }
            double size = frame.geoSize[g];
            for (int c = 0; c < nc; c++) {
                ChannelSpec cs = spec.channels().get(c);
                double unit = scale[c] * size;
                for (int t = 0; t < nt; t++) {
                    series[t] = data.spend(g * nt + t, c) / unit;
                }
                cs.adstock().apply(series, nt, work);
                cs.saturation().apply(work, nt, series);
                for (int t = 0; t < nt; t++) {
                    x[((g - geoFrom) * nt + t) * width + firstMedia - nd + c] = size * series[t];
                }
            }
        }
        int[] co = compOf.stream().mapToInt(Integer::intValue).toArray();
        return new Design(x, rows, cols, nd, nt, geoFrom, names, co, comps, firstMedia);
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
                double size = frame.geoSize[g];
                double unit = scale[c] * size;
                for (int t = 0; t < nt; t++) {
                    series[t] = data.spend(g * nt + t, c) / unit;
                }
                cs.adstock().apply(series, nt, level);
                for (int t = 0; t < nt; t++) {
                    // At a zero level sat(0 * (1 + e)) = sat(0) for every e, so the term is exactly 0 (and
                    // sat'(0) may be infinite for a Hill slope below 1).
                    if (level[t] != 0) {
                        out[c] += size * cs.saturation().derivative(level[t]) * level[t];
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
        if (col < offsets) {
            return firstGeo + row / periods == col + 1 ? 1.0 : 0.0;
        }
        return x[row * (cols - offsets) + col - offsets];
    }

    /**
     * @return the number of leading geo offset columns ({@code geos - 1}: column {@code j} of them is 1 on the rows
     *     of geo {@code j + 1} and 0 elsewhere)
     */
    public int geoOffsetColumns() {
        return offsets;
    }

    /** @return a copy of the matrix, {@code x[row * cols() + j]} */
    public double[] toArray() {
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                out[r * cols + j] = get(r, j);
            }
        }
        return out;
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
