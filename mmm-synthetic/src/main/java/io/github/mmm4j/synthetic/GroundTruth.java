package io.github.mmm4j.synthetic;

import io.github.mmm4j.core.Checks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that is true about a generated dataset: the spec and seed, every true parameter, the true
 * contribution of every component in every row, the noise, and per channel the totals, share, ROI, marginal
 * ROI and response curve. Immutable; arrays are copied out.
 *
 * <h2>Components</h2>
 * {@link #componentNames()} lists, in order: {@code intercept}, {@code trend}, {@code seasonality} (these three
 * scaled by the geo's scale), each control, each event, each channel. Contributions are stored row-major,
 * {@code contributions()[r * nComponents() + j]} with {@code r = g * nPeriods + t}, and sum exactly (in the
 * order of the components) to {@link #signal()}; the dataset's KPI is {@code signal()[r] + noise()[r]}.
 */
public final class GroundTruth {

    private final ScenarioSpec spec;
    private final long seed;
    private final List<String> componentNames;
    private final double[] contributions;
    private final double[] noise;
    private final double noiseSd;
    private final int[] outlierRows;
    private final List<ChannelTruth> channels;
    private final Map<String, Double> controlCoefficients;
    private final double[] spend;

    GroundTruth(ScenarioSpec spec, long seed, List<String> componentNames, double[] contributions, double[] noise,
            double noiseSd, int[] outlierRows, List<ChannelTruth> channels, Map<String, Double> controlCoefficients,
            double[] spend) {
        this.spec = spec;
        this.seed = seed;
        this.componentNames = List.copyOf(componentNames);
        this.contributions = contributions;
        this.noise = noise;
        this.noiseSd = noiseSd;
        this.outlierRows = outlierRows;
        this.channels = List.copyOf(channels);
        this.controlCoefficients = Map.copyOf(controlCoefficients);
        this.spend = spend;
    }

    /** @return the scenario that was generated */
    public ScenarioSpec spec() {
        return spec;
    }

    /** @return the seed it was generated with */
    public long seed() {
        return seed;
    }

    /** @return number of rows, {@code periods * geos} */
    public int nRows() {
        return noise.length;
    }

    /** @return the component names, see the class comment */
    public List<String> componentNames() {
        return componentNames;
    }

    /** @return {@code componentNames().size()} */
    public int nComponents() {
        return componentNames.size();
    }

    /** @return a copy of the contributions, {@code [r * nComponents() + j]}, KPI units */
    public double[] contributions() {
        return contributions.clone();
    }

    /**
     * @param component a name from {@link #componentNames()}
     * @return a copy of that component's contribution per row
     * @throws IllegalArgumentException if there is no such component
     */
    public double[] contribution(String component) {
        int j = componentIndex(component);
        int k = componentNames.size();
        double[] out = new double[nRows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = contributions[r * k + j];
        }
        return out;
    }

    /**
     * @param component a name from {@link #componentNames()}
     * @return the sum of its contribution over all rows
     * @throws IllegalArgumentException if there is no such component
     */
    public double totalContribution(String component) {
        double s = 0;
        for (double v : contribution(component)) {
            s += v;
        }
        return s;
    }

    private int componentIndex(String component) {
        int j = componentNames.indexOf(component);
        Checks.checkArgument(j >= 0, "no component '%s'; components are %s", component, componentNames);
        return j;
    }

    /**
     * The noise-free KPI: {@code signal[r] = sum_j contributions[r * nComponents() + j]}, summed in component
     * order.
     *
     * @return a new array of length {@link #nRows()}
     */
    public double[] signal() {
        int k = componentNames.size();
        double[] out = new double[nRows()];
        for (int r = 0; r < out.length; r++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += contributions[r * k + j];
            }
            out[r] = s;
        }
        return out;
    }

    /** @return a copy of the noise per row (outliers included): {@code kpi[r] - signal()[r]} */
    public double[] noise() {
        return noise.clone();
    }

    /** @return the noise standard deviation used (from {@code sd} or the target signal-to-noise ratio) */
    public double noiseSd() {
        return noiseSd;
    }

    /** @return a copy of the rows that received an outlier, ascending */
    public int[] outlierRows() {
        return outlierRows.clone();
    }

    /** @return per channel truth, in channel order */
    public List<ChannelTruth> channels() {
        return channels;
    }

    /**
     * @param name a channel's name
     * @return its truth
     * @throws IllegalArgumentException if there is no such channel
     */
    public ChannelTruth channel(String name) {
        return channels.get(spec.channelIndex(name));
    }

    /**
     * The true contribution of channel {@code c} in geo {@code g}, summed over the geo's periods.
     *
     * @param g a geo index
     * @param c a channel index
     * @return the contribution
     */
    public double geoContribution(int g, int c) {
        Objects.checkIndex(g, spec.nGeos());
        Objects.checkIndex(c, channels.size());
        int nt = spec.periods();
        int k = componentNames.size();
        int j = componentNames.size() - channels.size() + c;
        double s = 0;
        for (int t = 0; t < nt; t++) {
            s += contributions[(g * nt + t) * k + j];
        }
        return s;
    }

    /**
     * Channel {@code c}'s spend in geo {@code g}, summed over the geo's periods.
     *
     * @param g a geo index
     * @param c a channel index
     * @return the spend
     */
    public double geoSpend(int g, int c) {
        Objects.checkIndex(g, spec.nGeos());
        Objects.checkIndex(c, channels.size());
        int nt = spec.periods();
        int nc = channels.size();
        double s = 0;
        for (int t = 0; t < nt; t++) {
            s += spend[(g * nt + t) * nc + c];
        }
        return s;
    }

    /**
     * The true ROI of channel {@code c} in geo {@code g}: {@link #geoContribution} over {@link #geoSpend}, 0 without
     * spend.
     *
     * @param g a geo index
     * @param c a channel index
     * @return the ROI
     */
    public double geoRoi(int g, int c) {
        double sp = geoSpend(g, c);
        return sp > 0 ? geoContribution(g, c) / sp : 0;
    }

    /** @return per control name, the true coefficient (KPI units per unit of the control) */
    public Map<String, Double> controlCoefficients() {
        return controlCoefficients;
    }

    /**
     * The true model's total contribution of channel {@code c} over all rows when its whole spend series is
     * multiplied by {@code multiplier}, the scale {@code scale_c} held fixed: the machinery behind
     * {@link ChannelTruth#contribution()} ({@code multiplier = 1}) and {@link ChannelTruth#mroi()} (its
     * derivative divided by total spend).
     *
     * @param c a channel index
     * @param multiplier the spend multiplier, {@code >= 0}
     * @return {@code sum_r effect_c * mediaEffect_g * sat_c(adstock_c(multiplier * spend_c / scale_c))[r]}
     * @throws IllegalArgumentException if {@code multiplier} is negative or not finite
     */
    public double totalContribution(int c, double multiplier) {
        Objects.checkIndex(c, channels.size());
        Checks.checkNonNegative("multiplier", multiplier);
        ChannelTruth ct = channels.get(c);
        int nt = spec.periods();
        int nc = channels.size();
        double[] x = new double[nt];
        double[] a = new double[nt];
        double total = 0;
        for (int g = 0; g < spec.nGeos(); g++) {
            for (int t = 0; t < nt; t++) {
                x[t] = multiplier * spend[(g * nt + t) * nc + c] / ct.scale();
            }
            total += Synthetic.mediaSum(ct.adstock(), ct.saturation(),
                    ct.effect() * spec.geos().get(g).effect(ct.name()), x, a, nt);
        }
        return total;
    }

    /**
     * The true lift of an experiment that multiplies channel {@code c}'s spend by {@code multiplier} in periods
     * {@code from} to {@code to} (inclusive) of geo {@code g}, or of every geo: the change of the channel's true
     * contribution summed over those periods and its carryover after them ({@code maxLag} periods after {@code to},
     * clipped at the end of the data), in the experiment's geos. These are the periods a lift test of the Bayesian
     * model covers ({@code LiftTest} in {@code mmm-models}), so an exact synthetic experiment is
     * {@code LiftTest.ofMultiplier(name, date(from), date(to), multiplier, experimentLift(...), se)}.
     *
     * @param c a channel index
     * @param g a geo index, or {@code -1} for every geo
     * @param from the test's first period
     * @param to the test's last period, {@code >= from}
     * @param multiplier the spend multiplier in the test's periods, {@code >= 0} (0: go dark)
     * @return the lift in KPI units (negative for a cut)
     * @throws IllegalArgumentException if the window is outside the data or {@code multiplier} is negative or not
     *     finite
     */
    public double experimentLift(int c, int g, int from, int to, double multiplier) {
        Objects.checkIndex(c, channels.size());
        Checks.checkArgument(g == -1 || g >= 0 && g < spec.nGeos(), "geo index %s is not -1 or in [0, %s)", g,
                spec.nGeos());
        int nt = spec.periods();
        Checks.checkArgument(from >= 0 && from <= to && to < nt, "window [%s, %s] is not within [0, %s)", from, to, nt);
        Checks.checkNonNegative("multiplier", multiplier);
        ChannelTruth ct = channels.get(c);
        int nc = channels.size();
        int until = Math.min(nt - 1, to + ct.adstock().maxLag());
        double[] x0 = new double[nt];
        double[] x1 = new double[nt];
        double[] a = new double[nt];
        double[] s0 = new double[nt];
        double[] s1 = new double[nt];
        double lift = 0;
        for (int q = 0; q < spec.nGeos(); q++) {
            if (g >= 0 && q != g) {
                continue;
            }
            for (int t = 0; t < nt; t++) {
                x0[t] = spend[(q * nt + t) * nc + c] / ct.scale();
                x1[t] = t >= from && t <= to ? multiplier * x0[t] : x0[t];
            }
            ct.adstock().apply(x0, nt, a);
            ct.saturation().apply(a, nt, s0);
            ct.adstock().apply(x1, nt, a);
            ct.saturation().apply(a, nt, s1);
            double d = 0;
            for (int t = from; t <= until; t++) {
                d += s1[t] - s0[t];
            }
            lift += ct.effect() * spec.geos().get(q).effect(ct.name()) * d;
        }
        return lift;
    }

    /**
     * The truth as JSON, the content of {@code truth.json}. Field names are a stable contract: {@code scenario},
     * {@code seed}, {@code version}, {@code kpi}, {@code periods}, {@code frequency}, {@code start}, {@code geos},
     * {@code rows}; {@code channels}, a list of objects with {@code name}, {@code spend}, {@code contribution},
     * {@code share}, {@code roi}, {@code mroi}, {@code effect}, {@code scale}, {@code adstock} and
     * {@code saturation} ({@code type} plus the parameters, as in a scenario file), {@code spendPattern} and
     * {@code responseCurve} ({@code spend} and {@code contribution} per period on 31 points from 0 to 3 times the
     * mean spend); {@code baseline} (parameters and the totals {@code interceptContribution},
     * {@code trendContribution}, {@code seasonalityContribution}); {@code controls} and {@code events} (name,
     * coefficient or effect, total contribution); {@code noise} ({@code sd}, {@code studentDf},
     * {@code outlierRows}); {@code totals} ({@code signal}, {@code noise}, {@code media}); {@code contributions},
     * per component the per-row series, plus {@code noise}; and {@code spec}, the full scenario as in a scenario
     * file. Non-finite numbers are written as {@code null}.
     *
     * @return pretty-printed JSON text ending in a newline
     */
    public String toJson() {
        return TruthJson.toJson(this);
    }

    /**
     * Writes {@link #toJson()} to {@code path} atomically (via a temporary file).
     *
     * @param path the file to write
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public void writeJson(Path path) {
        io.github.mmm4j.core.AtomicFiles.writeString(path, toJson());
    }

    /** The spend the truth was computed on, {@code [r * nChannels + c]}; not copied, not to be modified. */
    double[] spendRef() {
        return spend;
    }
}
