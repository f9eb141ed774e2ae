package io.github.mmm4j.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable MMM dataset: a KPI series, media channels (spend per period, optionally an exposure such as
 * impressions), control variables and 0/1 event indicators over a regular {@link TimeIndex}, for one or
 * several geos.
 *
 * <h2>Layout</h2>
 * Rows are geo-major: row {@code r = g * nPeriods() + t} is period {@code t} of geo {@code g}; a national
 * dataset has one geo and {@code r = t}. Matrices are flat and row-major:
 * <ul>
 *   <li>{@code kpi[r]}</li>
 *   <li>{@code spend[r * nChannels() + c]}, and likewise {@code exposure} (channels without an exposure
 *       column hold their spend there; see {@link #hasExposure(int)})</li>
 *   <li>{@code controls[r * nControls() + k]}</li>
 *   <li>{@code events[r * nEvents() + e]}</li>
 * </ul>
 * Accessors whose names end in {@code Copy} or that return arrays return copies; the dataset never exposes
 * its own arrays.
 *
 * <h2>Invariants</h2>
 * Every value is finite; spend and exposure are non-negative; no channel's spend is zero in every row; events
 * are 0 or 1; all names (KPI, channels, controls, events) are distinct and non-blank. Build one with
 * {@link #builder(TimeIndex)} or read one with {@link MmmCsv}. Two derived forms relax this, for scenarios:
 * {@link #withSpend(double[])} may set a channel's spend to zero throughout, and {@link #extend} appends
 * future periods whose KPI is unknown (NaN) after {@link #nObservedPeriods()}.
 */
public final class MmmDataset {

    private final TimeIndex time;
    private final List<String> geos;
    private final String kpiName;
    private final List<String> channels;
    private final List<String> controls;
    private final List<String> events;
    private final double[] kpi;
    private final double[] spend;
    private final double[] exposure;
    private final boolean[] hasExposure;
    private final double[] controlValues;
    private final double[] eventValues;
    /** Periods with a known KPI, or -1 for all (fewer only after {@link #extend}). */
    private final int observed;
    /** Per geo, its population; null when not given. */
    private final double[] population;

    private MmmDataset(Builder b) {
        this.observed = -1;
        this.time = b.time;
        this.geos = List.copyOf(b.geos);
        this.kpiName = b.kpiName;
        this.channels = List.copyOf(b.channelNames);
        this.controls = List.copyOf(b.controlNames);
        this.events = List.copyOf(b.eventNames);
        int rows = time.size() * geos.size();
        this.kpi = b.kpi.clone();
        this.spend = interleave(b.channelSpend, rows);
        this.hasExposure = new boolean[channels.size()];
        double[][] exp = new double[channels.size()][];
        for (int c = 0; c < exp.length; c++) {
            hasExposure[c] = b.channelExposure.get(c) != null;
            exp[c] = hasExposure[c] ? b.channelExposure.get(c) : b.channelSpend.get(c);
        }
        this.exposure = interleave(Arrays.asList(exp), rows);
        this.controlValues = interleave(b.controlValues, rows);
        this.eventValues = interleave(b.eventValues, rows);
        this.population = b.population == null ? null : b.population.clone();
    }

    private MmmDataset(MmmDataset src, TimeIndex time, List<String> geos, double[] kpi, double[] spend,
            double[] exposure, double[] controls, double[] events) {
        this(src, time, geos, kpi, spend, exposure, controls, events, src.observed);
    }

    private MmmDataset(MmmDataset src, TimeIndex time, List<String> geos, double[] kpi, double[] spend,
            double[] exposure, double[] controls, double[] events, int observed) {
        this.observed = observed;
        this.time = time;
        this.geos = geos;
        this.kpiName = src.kpiName;
        this.channels = src.channels;
        this.controls = src.controls;
        this.events = src.events;
        this.kpi = kpi;
        this.spend = spend;
        this.exposure = exposure;
        this.hasExposure = src.hasExposure;
        this.controlValues = controls;
        this.eventValues = events;
        // a subset of rows keeps the geos' populations; one geo taken alone or a national total has none
        this.population = geos.equals(src.geos) && geos.size() > 1 ? src.population : null;
    }

    private MmmDataset(MmmDataset src, double[] population) {
        this.observed = src.observed;
        this.time = src.time;
        this.geos = src.geos;
        this.kpiName = src.kpiName;
        this.channels = src.channels;
        this.controls = src.controls;
        this.events = src.events;
        this.kpi = src.kpi;
        this.spend = src.spend;
        this.exposure = src.exposure;
        this.hasExposure = src.hasExposure;
        this.controlValues = src.controlValues;
        this.eventValues = src.eventValues;
        this.population = population;
    }

    /**
     * The same data with each geo's population given (see {@link Builder#population(double[])}).
     *
     * @param perGeo (input) copied; one finite, positive value per geo
     * @return the data with population; national data is returned unchanged (population has no effect there)
     * @throws IllegalArgumentException if a value is not positive or the length is not the number of geos
     */
    public MmmDataset withPopulation(double[] perGeo) {
        checkPopulation(perGeo, geos);
        return geos.size() == 1 ? this : new MmmDataset(this, perGeo.clone());
    }

    private static void checkPopulation(double[] perGeo, List<String> geos) {
        Checks.checkArgument(perGeo.length == geos.size(), "population has %d values; there are %d geos",
                perGeo.length, geos.size());
        for (int g = 0; g < perGeo.length; g++) {
            Checks.checkArgument(perGeo[g] > 0 && Double.isFinite(perGeo[g]),
                    "population of geo '%s' = %s; must be finite and > 0", geos.get(g), perGeo[g]);
        }
    }

    private static double[] interleave(List<double[]> columns, int rows) {
        int k = columns.size();
        double[] out = new double[rows * k];
        for (int j = 0; j < k; j++) {
            double[] col = columns.get(j);
            for (int r = 0; r < rows; r++) {
                out[r * k + j] = col[r];
            }
        }
        return out;
    }

    /**
     * Starts a dataset over {@code time}; national (one geo named {@code "national"}) unless
     * {@link Builder#geos(List)} is called.
     *
     * @param time the time index
     * @return a new builder
     */
    public static Builder builder(TimeIndex time) {
        return new Builder(time);
    }

    /** @return the time index (shared by every geo) */
    public TimeIndex time() {
        return time;
    }

    /** @return the geo names, in row order; one element for national data */
    public List<String> geos() {
        return geos;
    }

    /** @return true if the data gives each geo's population ({@link Builder#population(double[])}) */
    public boolean hasPopulation() {
        return population != null;
    }

    /**
     * @param geo a geo index
     * @return its population
     * @throws IllegalStateException if the data has no population ({@link #hasPopulation()})
     */
    public double population(int geo) {
        if (population == null) {
            throw new IllegalStateException("the data has no population");
        }
        return population[geo];
    }

    /** @return a copy of each geo's population, in geo order; empty when the data has none */
    public java.util.Optional<double[]> populations() {
        return population == null ? java.util.Optional.empty() : java.util.Optional.of(population.clone());
    }

    /** @return the KPI column's name */
    public String kpiName() {
        return kpiName;
    }

    /** @return the channel names, in column order */
    public List<String> channels() {
        return channels;
    }

    /** @return the control names, in column order */
    public List<String> controls() {
        return controls;
    }

    /** @return the event names, in column order */
    public List<String> events() {
        return events;
    }

    /** @return the number of periods per geo */
    public int nPeriods() {
        return time.size();
    }

    /** @return the number of geos (1 for national data) */
    public int nGeos() {
        return geos.size();
    }

    /** @return {@code nPeriods() * nGeos()} */
    public int nRows() {
        return kpi.length;
    }

    /** @return the number of media channels */
    public int nChannels() {
        return channels.size();
    }

    /** @return the number of control variables */
    public int nControls() {
        return controls.size();
    }

    /** @return the number of event indicators */
    public int nEvents() {
        return events.size();
    }

    /**
     * @param row a row, {@code g * nPeriods() + t}
     * @return the KPI in that row
     */
    public double kpi(int row) {
        return kpi[row];
    }

    /**
     * @param row a row
     * @param c a channel index
     * @return the spend of channel {@code c} in that row
     */
    public double spend(int row, int c) {
        return spend[row * channels.size() + c];
    }

    /**
     * @param row a row
     * @param c a channel index
     * @return the exposure of channel {@code c} in that row (its spend if it has no exposure column)
     */
    public double exposure(int row, int c) {
        return exposure[row * channels.size() + c];
    }

    /**
     * @param c a channel index
     * @return true if channel {@code c} has its own exposure column (impressions, clicks, ...)
     */
    public boolean hasExposure(int c) {
        return hasExposure[c];
    }

    /**
     * @param row a row
     * @param k a control index
     * @return the value of control {@code k} in that row
     */
    public double control(int row, int k) {
        return controlValues[row * controls.size() + k];
    }

    /**
     * @param row a row
     * @param e an event index
     * @return the value (0 or 1) of event {@code e} in that row
     */
    public double event(int row, int e) {
        return eventValues[row * events.size() + e];
    }

    /** @return a copy of the KPI, length {@code nRows()} */
    public double[] kpi() {
        return kpi.clone();
    }

    /** @return a copy of the spend matrix, {@code spend[row * nChannels() + c]} */
    public double[] spend() {
        return spend.clone();
    }

    /** @return a copy of the exposure matrix, {@code exposure[row * nChannels() + c]} */
    public double[] exposure() {
        return exposure.clone();
    }

    /** @return a copy of the control matrix, {@code controls[row * nControls() + k]} */
    public double[] controlValues() {
        return controlValues.clone();
    }

    /** @return a copy of the event matrix, {@code events[row * nEvents() + e]} */
    public double[] eventValues() {
        return eventValues.clone();
    }

    /**
     * @param c a channel index
     * @return a copy of channel {@code c}'s spend over all rows
     */
    public double[] spendColumn(int c) {
        Objects.checkIndex(c, channels.size());
        return column(spend, channels.size(), c);
    }

    /**
     * @param k a control index
     * @return a copy of control {@code k} over all rows
     */
    public double[] controlColumn(int k) {
        Objects.checkIndex(k, controls.size());
        return column(controlValues, controls.size(), k);
    }

    /**
     * @param e an event index
     * @return a copy of event {@code e} over all rows
     */
    public double[] eventColumn(int e) {
        Objects.checkIndex(e, events.size());
        return column(eventValues, events.size(), e);
    }

    private double[] column(double[] m, int k, int j) {
        double[] out = new double[nRows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = m[r * k + j];
        }
        return out;
    }

    /**
     * @param c a channel index
     * @return the total spend of channel {@code c} over all rows
     */
    public double totalSpend(int c) {
        Objects.checkIndex(c, channels.size());
        double s = 0;
        for (int r = 0; r < kpi.length; r++) {
            s += spend[r * channels.size() + c];
        }
        return s;
    }

    /**
     * @param name a channel name
     * @return its index
     * @throws IllegalArgumentException naming the channels there are, if there is no such channel
     */
    public int channelIndex(String name) {
        int i = channels.indexOf(name);
        Checks.checkArgument(i >= 0, "no channel '%s'; channels are %s", name, channels);
        return i;
    }

    /**
     * The periods {@code [from, to)} of every geo.
     *
     * @param from first period, inclusive
     * @param to last period, exclusive
     * @return a dataset over the sub-index
     */
    public MmmDataset slice(int from, int to) {
        TimeIndex sub = time.slice(from, to);
        int n = to - from;
        int obs = observed < 0 ? -1 : Math.max(0, Math.min(n, observed - from));
        return new MmmDataset(this, sub, geos,
                sliceRows(kpi, 1, from, n), sliceRows(spend, nChannels(), from, n),
                sliceRows(exposure, nChannels(), from, n), sliceRows(controlValues, nControls(), from, n),
                sliceRows(eventValues, nEvents(), from, n), obs == n ? -1 : obs);
    }

    private double[] sliceRows(double[] m, int k, int from, int n) {
        int nt = time.size();
        double[] out = new double[geos.size() * n * k];
        for (int g = 0; g < geos.size(); g++) {
            System.arraycopy(m, (g * nt + from) * k, out, g * n * k, n * k);
        }
        return out;
    }

    /**
     * One geo's rows as a national dataset.
     *
     * @param geo a geo name
     * @return the geo's data
     * @throws IllegalArgumentException if there is no such geo
     */
    public MmmDataset geo(String geo) {
        int g = geos.indexOf(geo);
        Checks.checkArgument(g >= 0, "no geo '%s'; geos are %s", geo, geos);
        int nt = time.size();
        return new MmmDataset(this, time, List.of(geo),
                Arrays.copyOfRange(kpi, g * nt, (g + 1) * nt),
                Arrays.copyOfRange(spend, g * nt * nChannels(), (g + 1) * nt * nChannels()),
                Arrays.copyOfRange(exposure, g * nt * nChannels(), (g + 1) * nt * nChannels()),
                Arrays.copyOfRange(controlValues, g * nt * nControls(), (g + 1) * nt * nControls()),
                Arrays.copyOfRange(eventValues, g * nt * nEvents(), (g + 1) * nt * nEvents()));
    }

    /**
     * The national total of a panel: KPI, spend and exposure summed over geos; controls averaged over geos;
     * an event is 1 in a period if it is 1 in any geo. A national dataset is returned as is.
     *
     * @return the aggregated dataset
     */
    public MmmDataset aggregate() {
        if (geos.size() == 1) {
            return this;
        }
        int nt = time.size();
        int ng = geos.size();
        double[] k = new double[nt];
        double[] s = new double[nt * nChannels()];
        double[] x = new double[nt * nChannels()];
        double[] ctl = new double[nt * nControls()];
        double[] ev = new double[nt * nEvents()];
        for (int g = 0; g < ng; g++) {
            for (int t = 0; t < nt; t++) {
                int r = g * nt + t;
                k[t] += kpi[r];
                for (int c = 0; c < nChannels(); c++) {
                    s[t * nChannels() + c] += spend[r * nChannels() + c];
                    x[t * nChannels() + c] += exposure[r * nChannels() + c];
                }
                for (int j = 0; j < nControls(); j++) {
                    ctl[t * nControls() + j] += controlValues[r * nControls() + j] / ng;
                }
                for (int e = 0; e < nEvents(); e++) {
                    ev[t * nEvents() + e] = Math.max(ev[t * nEvents() + e], eventValues[r * nEvents() + e]);
                }
            }
        }
        return new MmmDataset(this, time, List.of("national"), k, s, x, ctl, ev);
    }

    /**
     * A dataset with the same layout whose spend is replaced (for what-if scenarios). Exposure columns are
     * scaled by the same ratio as spend, row by row, where the original spend is positive.
     *
     * @param newSpend (input) not modified; {@code newSpend[row * nChannels() + c]}, finite and non-negative
     * @return the new dataset
     */
    public MmmDataset withSpend(double[] newSpend) {
        Checks.checkLength("newSpend", newSpend, spend.length);
        double[] x = exposure.clone();
        for (int i = 0; i < newSpend.length; i++) {
            Checks.checkArgument(Double.isFinite(newSpend[i]) && newSpend[i] >= 0,
                    "newSpend[%d] = %s; must be finite and >= 0", i, newSpend[i]);
            // A channel without an exposure column keeps exposure == spend exactly (no ratio rounding).
            x[i] = !hasExposure[i % channels.size()] ? newSpend[i]
                    : spend[i] > 0 ? exposure[i] * (newSpend[i] / spend[i]) : newSpend[i];
        }
        return new MmmDataset(this, time, geos, kpi, newSpend.clone(), x, controlValues, eventValues);
    }

    /**
     * The dataset followed by {@code periods} future periods at the same spacing, for forecasting a spend plan
     * with carryover from history. The KPI of a future period is unknown and reads as NaN (the one exception
     * to the finite-values invariant; {@link #nObservedPeriods()} tells where the known KPI ends). Exposure of a
     * future period equals its spend. Rows stay geo-major over the extended index.
     *
     * @param periods the number of future periods, at least 1
     * @param futureSpend (input) not modified; {@code futureSpend[(g * periods + h) * nChannels() + c]}, finite and
     *     non-negative
     * @param futureControls (input) not modified; {@code futureControls[(g * periods + h) * nControls() + k]}, or
     *     null to hold every control at its last observed value in each geo
     * @param futureEvents (input) not modified; {@code futureEvents[(g * periods + h) * nEvents() + e]} (0 or 1),
     *     or null for no events
     * @return the extended dataset
     * @throws IllegalArgumentException naming the argument, index and value of the first bad entry
     */
    public MmmDataset extend(int periods, double[] futureSpend, double[] futureControls, double[] futureEvents) {
        Checks.checkPositive("periods", periods);
        int ng = geos.size();
        int nc = nChannels();
        int nk = nControls();
        int ne = nEvents();
        Checks.checkLength("futureSpend", futureSpend, ng * periods * nc);
        for (int i = 0; i < futureSpend.length; i++) {
            Checks.checkArgument(Double.isFinite(futureSpend[i]) && futureSpend[i] >= 0,
                    "futureSpend[%d] = %s; must be finite and >= 0", i, futureSpend[i]);
        }
        if (futureControls != null) {
            Checks.checkLength("futureControls", futureControls, ng * periods * nk);
            Checks.checkAllFinite("futureControls", futureControls);
        }
        if (futureEvents != null) {
            Checks.checkLength("futureEvents", futureEvents, ng * periods * ne);
            for (int i = 0; i < futureEvents.length; i++) {
                Checks.checkArgument(futureEvents[i] == 0 || futureEvents[i] == 1,
                        "futureEvents[%d] = %s; must be 0 or 1", i, futureEvents[i]);
            }
        }
        int nt = time.size();
        int n2 = nt + periods;
        double[] k2 = new double[ng * n2];
        double[] s2 = new double[ng * n2 * nc];
        double[] x2 = new double[ng * n2 * nc];
        double[] c2 = new double[ng * n2 * nk];
        double[] e2 = new double[ng * n2 * ne];
        for (int g = 0; g < ng; g++) {
            System.arraycopy(kpi, g * nt, k2, g * n2, nt);
            java.util.Arrays.fill(k2, g * n2 + nt, (g + 1) * n2, Double.NaN);
            System.arraycopy(spend, g * nt * nc, s2, g * n2 * nc, nt * nc);
            System.arraycopy(futureSpend, g * periods * nc, s2, (g * n2 + nt) * nc, periods * nc);
            System.arraycopy(exposure, g * nt * nc, x2, g * n2 * nc, nt * nc);
            System.arraycopy(futureSpend, g * periods * nc, x2, (g * n2 + nt) * nc, periods * nc);
            System.arraycopy(controlValues, g * nt * nk, c2, g * n2 * nk, nt * nk);
            System.arraycopy(eventValues, g * nt * ne, e2, g * n2 * ne, nt * ne);
            for (int h = 0; h < periods; h++) {
                for (int k = 0; k < nk; k++) {
                    c2[(g * n2 + nt + h) * nk + k] = futureControls != null
                            ? futureControls[(g * periods + h) * nk + k]
                            : controlValues[(g * nt + nt - 1) * nk + k];
                }
                if (futureEvents != null) {
                    System.arraycopy(futureEvents, (g * periods + h) * ne, e2, (g * n2 + nt + h) * ne, ne);
                }
            }
        }
        return new MmmDataset(this, time.extend(periods), geos, k2, s2, x2, c2, e2, observedPeriods());
    }

    /** @return the number of leading periods whose KPI is known: {@code nPeriods()} unless built by {@link #extend} */
    public int nObservedPeriods() {
        return observedPeriods();
    }

    private int observedPeriods() {
        return observed < 0 ? time.size() : observed;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MmmDataset[kpi=%s, %s, geos=%d, channels=%s, controls=%s, events=%s]",
                kpiName, time, geos.size(), channels, controls, events);
    }

    /**
     * Builds an {@link MmmDataset}. Columns are given in full, one value per row ({@code nPeriods * nGeos}
     * rows, geo-major). Everything is validated in {@link #build()}.
     */
    public static final class Builder {
        private final TimeIndex time;
        private List<String> geos = List.of("national");
        private String kpiName;
        private double[] kpi;
        private final List<String> channelNames = new ArrayList<>();
        private final List<double[]> channelSpend = new ArrayList<>();
        private boolean unfundedAllowed;
        private final List<double[]> channelExposure = new ArrayList<>();
        private final List<String> controlNames = new ArrayList<>();
        private final List<double[]> controlValues = new ArrayList<>();
        private final List<String> eventNames = new ArrayList<>();
        private final List<double[]> eventValues = new ArrayList<>();
        private double[] population;

        private Builder(TimeIndex time) {
            this.time = Objects.requireNonNull(time, "time");
        }

        /**
         * Sets the geos of a panel, in row order.
         *
         * @param geos distinct, non-blank names
         * @return this builder
         */
        public Builder geos(List<String> geos) {
            this.geos = List.copyOf(geos);
            return this;
        }

        /**
         * Sets each geo's population, which a panel model uses to model media per capita (see
         * {@code Design.Frame}). Ignored on national data.
         *
         * @param perGeo (input) copied; one positive value per geo, in the order of {@link #geos(List)}
         * @return this builder
         */
        public Builder population(double[] perGeo) {
            this.population = perGeo.clone();
            return this;
        }

        /**
         * Sets the KPI.
         *
         * @param name the KPI's name
         * @param values (input) copied; one value per row
         * @return this builder
         */
        public Builder kpi(String name, double[] values) {
            this.kpiName = Objects.requireNonNull(name, "name");
            this.kpi = values.clone();
            return this;
        }

        /**
         * Adds a media channel without an exposure column.
         *
         * @param name the channel's name
         * @param spend (input) copied; spend per row, finite and non-negative
         * @return this builder
         */
        public Builder channel(String name, double[] spend) {
            return channel(name, spend, null);
        }

        /**
         * Adds a media channel.
         *
         * @param name the channel's name
         * @param spend (input) copied; spend per row, finite and non-negative
         * @param exposure (input) copied; exposure (impressions, clicks, GRPs) per row, or null
         * @return this builder
         */
        public Builder channel(String name, double[] spend, double[] exposure) {
            channelNames.add(Objects.requireNonNull(name, "name"));
            channelSpend.add(spend.clone());
            channelExposure.add(exposure == null ? null : exposure.clone());
            return this;
        }

        /**
         * Adds a control variable.
         *
         * @param name the control's name
         * @param values (input) copied; one finite value per row
         * @return this builder
         */
        public Builder control(String name, double[] values) {
            controlNames.add(Objects.requireNonNull(name, "name"));
            controlValues.add(values.clone());
            return this;
        }

        /**
         * Adds an event indicator.
         *
         * @param name the event's name
         * @param values (input) copied; 0 or 1 per row
         * @return this builder
         */
        public Builder event(String name, double[] values) {
            eventNames.add(Objects.requireNonNull(name, "name"));
            eventValues.add(values.clone());
            return this;
        }

        /**
         * Allows a channel that spends nothing in every row: for periods to predict or plan (a channel paused over
         * a forecast horizon), never for data to fit (whose channels must have spend to estimate an effect from).
         *
         * @return this builder
         */
        public Builder allowUnfundedChannels() {
            this.unfundedAllowed = true;
            return this;
        }

        /**
         * Validates and builds the dataset.
         *
         * @return the dataset
         * @throws IllegalArgumentException naming the column, row and value of the first problem
         */
        public MmmDataset build() {
            Checks.checkArgument(kpi != null, "no KPI set");
            Checks.checkArgument(!geos.isEmpty(), "geos is empty");
            if (population != null) {
                checkPopulation(population, geos);
                if (geos.size() == 1) {
                    population = null;
                }
            }
            int rows = time.size() * geos.size();
            Set<String> seen = new HashSet<>();
            for (String g : geos) {
                Checks.checkArgument(g != null && !g.isBlank(), "geo name '%s' is blank", g);
                Checks.checkArgument(seen.add(g), "duplicate geo '%s'", g);
            }
            seen.clear();
            checkName(seen, kpiName);
            checkColumn(kpiName, kpi, rows);
            for (int c = 0; c < channelNames.size(); c++) {
                String name = channelNames.get(c);
                checkName(seen, name);
                double[] s = channelSpend.get(c);
                checkColumn(name, s, rows);
                boolean anyPositive = false;
                for (int r = 0; r < rows; r++) {
                    Checks.checkArgument(s[r] >= 0, "spend '%s'[%d] = %s; must be >= 0", name, r, s[r]);
                    anyPositive |= s[r] > 0;
                }
                Checks.checkArgument(anyPositive || unfundedAllowed, "spend '%s' is zero in every row; drop the channel",
                        name);
                double[] x = channelExposure.get(c);
                if (x != null) {
                    checkColumn(name + " exposure", x, rows);
                    for (int r = 0; r < rows; r++) {
                        Checks.checkArgument(x[r] >= 0, "exposure '%s'[%d] = %s; must be >= 0", name, r, x[r]);
                    }
                }
            }
            for (int k = 0; k < controlNames.size(); k++) {
                checkName(seen, controlNames.get(k));
                checkColumn(controlNames.get(k), controlValues.get(k), rows);
            }
            for (int e = 0; e < eventNames.size(); e++) {
                String name = eventNames.get(e);
                checkName(seen, name);
                double[] v = eventValues.get(e);
                checkColumn(name, v, rows);
                for (int r = 0; r < rows; r++) {
                    Checks.checkArgument(v[r] == 0 || v[r] == 1, "event '%s'[%d] = %s; must be 0 or 1", name, r, v[r]);
                }
            }
            return new MmmDataset(this);
        }

        private static void checkName(Set<String> seen, String name) {
            Checks.checkArgument(!name.isBlank(), "column name is blank");
            Checks.checkArgument(seen.add(name), "column '%s' is used twice", name);
        }

        private static void checkColumn(String name, double[] values, int rows) {
            Checks.checkArgument(values.length == rows, "'%s' has %d values; expected %d (periods x geos)",
                    name, values.length, rows);
            for (int r = 0; r < rows; r++) {
                Checks.checkArgument(Double.isFinite(values[r]), "'%s'[%d] = %s; must be finite", name, r, values[r]);
            }
        }
    }
}
