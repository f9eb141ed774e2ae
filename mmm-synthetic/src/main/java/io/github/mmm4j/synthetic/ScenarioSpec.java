package io.github.mmm4j.synthetic;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A synthetic MMM scenario: everything the generator needs to make a dataset whose truth is known. Build one
 * with {@link #builder()}, take a preset from {@link Presets}, or load a YAML or JSON file with
 * {@link ScenarioFiles#read}.
 *
 * <h2>The true model</h2>
 * For row {@code r = g * periods + t} (geo {@code g}, period {@code t}, years {@code y_t} since the start date
 * in 365.25-day years):
 * <pre>
 *   kpi[r] = scale_g * (intercept + trend(y_t) + sum_k (sin_k sin(2 pi k y_t) + cos_k cos(2 pi k y_t)))
 *          + sum_j coef_j (control_j[r] - reference_j)
 *          + sum_e effect_e event_e[r]
 *          + sum_c effect_c * mediaEffect_g * sat_c(adstock_c(spend_c / scale_c))[r]
 *          + noise[r]
 * </pre>
 * with {@code trend(y) = trendPerYear * y} (linear) or {@code trendPerYear * ln(1 + y)} (concave), and
 * {@code scale_c} channel {@code c}'s mean spend over all rows of the generated data: the same convention as
 * {@code io.github.mmm4j.models.Design}, so a model with the true transforms recovers {@code effect_c} as its
 * media coefficient. The adstock runs within each geo with zero spend before the first period. Spend of
 * channel {@code c} in geo {@code g} is {@code scale_g} times a draw of its {@link SpendPattern}, then mixed by
 * the {@link Collinearity} entries in order.
 *
 * <h2>Validation</h2>
 * The compact constructor checks every field and fails with an {@link IllegalArgumentException} whose message
 * names the field by its path in a scenario file, for example {@code channels[2].effect = -1.0; must be >= 0}.
 * The nested records are not validated on their own.
 *
 * @param name the scenario's name (for reports), non-blank
 * @param kpi the KPI column's name, non-blank
 * @param periods number of periods per geo, {@code >= 4}
 * @param frequency daily or weekly
 * @param start the first period's date
 * @param geos one entry per geo (one for national data), in row order; non-empty
 * @param channels the media channels, in column order; non-empty
 * @param baseline intercept, trend and yearly seasonality
 * @param controls control variables, in column order
 * @param events holidays and events, in column order
 * @param collinearity spend mixing that makes channels correlated, applied in order
 * @param noise the noise model
 */
public record ScenarioSpec(String name, String kpi, int periods, Frequency frequency, LocalDate start, List<Geo> geos,
        List<Channel> channels, Baseline baseline, List<ControlSpec> controls, List<Event> events,
        List<Collinearity> collinearity, Noise noise) {

    /** Names of the baseline components in {@link GroundTruth#componentNames()}; not usable as column names. */
    public static final List<String> BASELINE_COMPONENTS = List.of("intercept", "trend", "seasonality");

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException naming the first invalid field by its path
     * @throws NullPointerException if a list or nested record is null
     */
    public ScenarioSpec {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(start, "start");
        geos = List.copyOf(geos);
        channels = List.copyOf(channels);
        Objects.requireNonNull(baseline, "baseline");
        controls = List.copyOf(controls);
        events = List.copyOf(events);
        collinearity = List.copyOf(collinearity);
        Objects.requireNonNull(noise, "noise");
        SpecValidator.validate(name, kpi, periods, geos, channels, baseline, controls, events, collinearity, noise);
    }

    /**
     * A new builder with the defaults: name {@code custom}, KPI {@code sales}, 156 weekly periods from Monday
     * 2023-01-02, one geo {@code national} (scale 1, media effect 1), baseline intercept 100,000 with no trend
     * or seasonality, no controls, events or collinearity, no noise.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this spec's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.kpi = kpi;
        b.periods = periods;
        b.frequency = frequency;
        b.start = start;
        b.geos = new ArrayList<>(geos);
        b.channels = new ArrayList<>(channels);
        b.baseline = baseline;
        b.controls = new ArrayList<>(controls);
        b.events = new ArrayList<>(events);
        b.collinearity = new ArrayList<>(collinearity);
        b.noise = noise;
        return b;
    }

    /** @return the number of geos */
    public int nGeos() {
        return geos.size();
    }

    /** @return the channel names in order */
    public List<String> channelNames() {
        List<String> n = new ArrayList<>();
        for (Channel c : channels) {
            n.add(c.name());
        }
        return List.copyOf(n);
    }

    /**
     * @param channelName a channel's name
     * @return its index in {@link #channels()}
     * @throws IllegalArgumentException if there is no such channel
     */
    public int channelIndex(String channelName) {
        int i = channelNames().indexOf(channelName);
        if (i < 0) {
            throw new IllegalArgumentException("no channel '" + channelName + "'; channels are " + channelNames());
        }
        return i;
    }

    /**
     * One geo (market) of the scenario.
     *
     * @param name the geo's name, non-blank
     * @param scale size of the geo: multiplies its spend and its baseline, {@code > 0}
     * @param mediaEffect multiplier of every channel's effect in this geo (1 = no deviation), {@code >= 0}
     * @param channelEffects per channel name, a further multiplier of that channel's effect in this geo (a
     *     hierarchical truth: cell-level effects around the channel's effect); a channel not named has 1; copied
     */
    public record Geo(String name, double scale, double mediaEffect, Map<String, Double> channelEffects) {
        /** The single geo of national data: {@code national}, scale 1, media effect 1. */
        public static final Geo NATIONAL = new Geo("national", 1.0, 1.0);

        /** Copies the channel effects (sorted by name). */
        public Geo {
            channelEffects = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(
                    Objects.requireNonNull(channelEffects, "channelEffects")));
        }

        /**
         * A geo whose channels share one effect multiplier.
         *
         * @param name the geo's name
         * @param scale its size
         * @param mediaEffect multiplier of every channel's effect
         */
        public Geo(String name, double scale, double mediaEffect) {
            this(name, scale, mediaEffect, Map.of());
        }

        /**
         * @param channel a channel's name
         * @return the multiplier of that channel's effect in this geo: {@code mediaEffect * channelEffects(channel)}
         */
        public double effect(String channel) {
            return mediaEffect * channelEffects.getOrDefault(channel, 1.0);
        }
    }

    /**
     * A media channel and its true response.
     *
     * @param name the spend column's name, non-blank
     * @param spend how spend moves over time
     * @param adstock the true carryover, applied to {@code spend / scale_c}
     * @param saturation the true diminishing returns
     * @param effect KPI per period when the saturation is 1 ({@code beta_c} of the models), {@code >= 0}
     */
    public record Channel(String name, SpendPattern spend, Adstock adstock, Saturation saturation, double effect) {
    }

    /** The shape of the baseline trend. */
    public enum Trend {
        /** No trend. */
        NONE,
        /** {@code trendPerYear * y}. */
        LINEAR,
        /** {@code trendPerYear * ln(1 + y)}: the same slope at the start, flattening later. */
        CONCAVE;

        /**
         * @param slope {@code trendPerYear}
         * @param years time since the start in years, {@code >= 0}
         * @return the trend's value
         */
        public double value(double slope, double years) {
            return switch (this) {
                case NONE -> 0.0;
                case LINEAR -> slope * years;
                case CONCAVE -> slope * StrictMath.log1p(years);
            };
        }

        /** @return the name used in scenario files: {@code none}, {@code linear}, {@code concave} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One yearly Fourier harmonic of the seasonality: {@code sin * sin(2 pi k y) + cos * cos(2 pi k y)}, where
     * {@code k} is its 1-based position in {@link Baseline#seasonality()}.
     *
     * @param sin coefficient of the sine, KPI units
     * @param cos coefficient of the cosine, KPI units
     */
    public record Harmonic(double sin, double cos) {
    }

    /**
     * The baseline of a geo of scale 1.
     *
     * @param intercept KPI per period without media, controls or events, finite
     * @param trend the trend's shape
     * @param trendPerYear the trend's slope in KPI units per year (at the start, for a concave trend)
     * @param seasonality yearly harmonics {@code k = 1, 2, ...}; empty for none
     */
    public record Baseline(double intercept, Trend trend, double trendPerYear, List<Harmonic> seasonality) {
        /** Copies. */
        public Baseline {
            Objects.requireNonNull(trend, "trend");
            seasonality = List.copyOf(seasonality);
        }

        /**
         * @param intercept the intercept
         * @return a flat baseline
         */
        public static Baseline flat(double intercept) {
            return new Baseline(intercept, Trend.NONE, 0.0, List.of());
        }
    }

    /**
     * A holiday or event: a 0/1 column that is 1 in each period containing one of the dates, adding
     * {@code effect} to the KPI there (in every geo).
     *
     * @param name the event column's name
     * @param dates the dates; non-empty
     * @param yearly whether each date recurs every year on the same month and day (29 February falls on the
     *     28th in other years)
     * @param effect KPI units added in the periods of the event, finite
     */
    public record Event(String name, List<LocalDate> dates, boolean yearly, double effect) {
        /** Copies. */
        public Event {
            dates = List.copyOf(dates);
        }
    }

    /**
     * Collinearity on demand: {@code spend_channel <- (1 - weight) spend_channel + weight * spend_follows *
     * mean(spend_channel) / mean(spend_follows)} row by row (means over all rows, before mixing), which keeps
     * the channel's mean and makes its correlation with {@code follows} about
     * {@code weight / sqrt(weight^2 + (1 - weight)^2)} when both have the same coefficient of variation.
     *
     * @param channel the channel whose spend is mixed
     * @param follows the channel it follows; not {@code channel}
     * @param weight in {@code [0, 1]}
     */
    public record Collinearity(String channel, String follows, double weight) {
    }

    /**
     * The noise model. The noise sd is {@code sd}, or, when {@code snr > 0}, {@code sd(signal) / snr} where
     * {@code sd(signal)} is the pooled within-geo standard deviation of the noise-free KPI. Each row draws
     * {@code sd * z} with {@code z ~ N(0, 1)}, or with {@code studentDf > 0} a Student-t deviate rescaled to
     * unit variance ({@code t * sqrt((df - 2) / df)}). Then {@code round(outlierFraction * rows)} distinct
     * rows chosen at random get an extra {@code +-outlierScale * sd} (sign at random).
     *
     * @param sd noise standard deviation in KPI units, {@code >= 0}; must be 0 when {@code snr > 0}
     * @param snr target signal-to-noise ratio of standard deviations, {@code >= 0} (0: use {@code sd})
     * @param studentDf 0 for Gaussian noise, else the Student-t degrees of freedom, {@code > 2}
     * @param outlierFraction fraction of rows with an outlier, in {@code [0, 0.5]}
     * @param outlierScale size of an outlier in noise sds, {@code >= 0}
     */
    public record Noise(double sd, double snr, double studentDf, double outlierFraction, double outlierScale) {
        /** No noise at all. */
        public static final Noise NONE = new Noise(0, 0, 0, 0, 0);

        /**
         * @param sd the sd
         * @return Gaussian noise with that sd
         */
        public static Noise gaussian(double sd) {
            return new Noise(sd, 0, 0, 0, 0);
        }

        /**
         * @param snr the target ratio
         * @return Gaussian noise with that signal-to-noise ratio
         */
        public static Noise snr(double snr) {
            return new Noise(0, snr, 0, 0, 0);
        }
    }

    /** Builds a {@link ScenarioSpec}; validation happens in {@link #build()}. */
    public static final class Builder {
        private String name = "custom";
        private String kpi = "sales";
        private int periods = 156;
        private Frequency frequency = Frequency.WEEKLY;
        private LocalDate start = LocalDate.of(2023, 1, 2);
        private List<Geo> geos = new ArrayList<>(List.of(Geo.NATIONAL));
        private List<Channel> channels = new ArrayList<>();
        private Baseline baseline = Baseline.flat(100_000);
        private List<ControlSpec> controls = new ArrayList<>();
        private List<Event> events = new ArrayList<>();
        private List<Collinearity> collinearity = new ArrayList<>();
        private Noise noise = Noise.NONE;

        private Builder() {
        }

        /**
         * @param value the scenario's name
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * @param value the KPI column's name
         * @return this builder
         */
        public Builder kpi(String value) {
            this.kpi = value;
            return this;
        }

        /**
         * @param value number of periods per geo
         * @return this builder
         */
        public Builder periods(int value) {
            this.periods = value;
            return this;
        }

        /**
         * @param value daily or weekly
         * @return this builder
         */
        public Builder frequency(Frequency value) {
            this.frequency = value;
            return this;
        }

        /**
         * @param value the first period's date
         * @return this builder
         */
        public Builder start(LocalDate value) {
            this.start = value;
            return this;
        }

        /**
         * Replaces the geos.
         *
         * @param value the geos, in row order
         * @return this builder
         */
        public Builder geos(List<Geo> value) {
            this.geos = new ArrayList<>(value);
            return this;
        }

        /**
         * Replaces the channels.
         *
         * @param value the channels, in column order
         * @return this builder
         */
        public Builder channels(List<Channel> value) {
            this.channels = new ArrayList<>(value);
            return this;
        }

        /**
         * Adds a channel.
         *
         * @param channel the channel
         * @return this builder
         */
        public Builder channel(Channel channel) {
            channels.add(channel);
            return this;
        }

        /**
         * Adds a channel.
         *
         * @param channelName the spend column's name
         * @param spend the spend pattern
         * @param adstock the true adstock
         * @param saturation the true saturation
         * @param effect the true effect
         * @return this builder
         */
        public Builder channel(String channelName, SpendPattern spend, Adstock adstock, Saturation saturation,
                double effect) {
            return channel(new Channel(channelName, spend, adstock, saturation, effect));
        }

        /**
         * @param value the baseline
         * @return this builder
         */
        public Builder baseline(Baseline value) {
            this.baseline = value;
            return this;
        }

        /**
         * Replaces the controls.
         *
         * @param value the controls
         * @return this builder
         */
        public Builder controls(List<ControlSpec> value) {
            this.controls = new ArrayList<>(value);
            return this;
        }

        /**
         * @param control a control to add
         * @return this builder
         */
        public Builder control(ControlSpec control) {
            controls.add(control);
            return this;
        }

        /**
         * Replaces the events.
         *
         * @param value the events
         * @return this builder
         */
        public Builder events(List<Event> value) {
            this.events = new ArrayList<>(value);
            return this;
        }

        /**
         * @param event an event to add
         * @return this builder
         */
        public Builder event(Event event) {
            events.add(event);
            return this;
        }

        /**
         * Replaces the collinearity entries.
         *
         * @param value the entries
         * @return this builder
         */
        public Builder collinearity(List<Collinearity> value) {
            this.collinearity = new ArrayList<>(value);
            return this;
        }

        /**
         * Makes {@code channel} follow {@code follows}, see {@link Collinearity}.
         *
         * @param channel the channel whose spend is mixed
         * @param follows the channel it follows
         * @param weight mixing weight in {@code [0, 1]}
         * @return this builder
         */
        public Builder collinear(String channel, String follows, double weight) {
            collinearity.add(new Collinearity(channel, follows, weight));
            return this;
        }

        /**
         * @param value the noise model
         * @return this builder
         */
        public Builder noise(Noise value) {
            this.noise = value;
            return this;
        }

        /**
         * @return the validated spec
         * @throws IllegalArgumentException naming the first invalid field by its path
         */
        public ScenarioSpec build() {
            return new ScenarioSpec(name, kpi, periods, frequency, start, geos, channels, baseline, controls, events,
                    collinearity, noise);
        }
    }

    /** Field-by-field validation with paths, used by the compact constructor. */
    private static final class SpecValidator {

        private SpecValidator() {
        }

        static void validate(String name, String kpi, int periods, List<Geo> geos, List<Channel> channels,
                Baseline baseline, List<ControlSpec> controls, List<Event> events, List<Collinearity> collinearity,
                Noise noise) {
            nonBlank("name", name);
            nonBlank("kpi", kpi);
            check(periods >= 4, "periods = %d; must be >= 4", periods);
            check(!geos.isEmpty(), "geos is empty; give at least one geo");
            Set<String> geoNames = new HashSet<>();
            for (int g = 0; g < geos.size(); g++) {
                String p = "geos[" + g + "]";
                Geo geo = Objects.requireNonNull(geos.get(g), p);
                nonBlank(p + ".name", geo.name());
                check(geoNames.add(geo.name()), "%s.name = '%s'; duplicate geo", p, geo.name());
                positive(p + ".scale", geo.scale());
                nonNegative(p + ".mediaEffect", geo.mediaEffect());
            }
            Set<String> channelSet = new HashSet<>();
            for (Channel ch : channels) {
                if (ch != null) {
                    channelSet.add(ch.name());
                }
            }
            for (int g = 0; g < geos.size(); g++) {
                for (Map.Entry<String, Double> e : geos.get(g).channelEffects().entrySet()) {
                    String p = "geos[" + g + "].channelEffects." + e.getKey();
                    check(channelSet.contains(e.getKey()), "%s: no channel '%s'", p, e.getKey());
                    nonNegative(p, e.getValue());
                }
            }
            check(!channels.isEmpty(), "channels is empty; give at least one channel");
            Set<String> columns = new HashSet<>();
            columns.add(kpi);
            List<String> channelNames = new ArrayList<>();
            for (int c = 0; c < channels.size(); c++) {
                String p = "channels[" + c + "]";
                Channel ch = Objects.requireNonNull(channels.get(c), p);
                column(columns, p + ".name", ch.name());
                channelNames.add(ch.name());
                check(ch.spend() != null, "%s.spend is missing", p);
                spend(p + ".spend", ch.spend(), periods);
                check(ch.adstock() != null, "%s.adstock is missing", p);
                check(ch.saturation() != null, "%s.saturation is missing", p);
                nonNegative(p + ".effect", ch.effect());
            }
            finite("baseline.intercept", baseline.intercept());
            finite("baseline.trendPerYear", baseline.trendPerYear());
            for (int k = 0; k < baseline.seasonality().size(); k++) {
                Harmonic h = Objects.requireNonNull(baseline.seasonality().get(k), "baseline.seasonality[" + k + "]");
                finite("baseline.seasonality[" + k + "].sin", h.sin());
                finite("baseline.seasonality[" + k + "].cos", h.cos());
            }
            for (int j = 0; j < controls.size(); j++) {
                String p = "controls[" + j + "]";
                ControlSpec ctl = Objects.requireNonNull(controls.get(j), p);
                column(columns, p + ".name", ctl.name());
                control(p, ctl, channelNames);
            }
            for (int e = 0; e < events.size(); e++) {
                String p = "events[" + e + "]";
                Event ev = Objects.requireNonNull(events.get(e), p);
                column(columns, p + ".name", ev.name());
                check(!ev.dates().isEmpty(), "%s.dates is empty; give at least one date", p);
                finite(p + ".effect", ev.effect());
            }
            for (int i = 0; i < collinearity.size(); i++) {
                String p = "collinearity[" + i + "]";
                Collinearity co = Objects.requireNonNull(collinearity.get(i), p);
                channelRef(p + ".channel", co.channel(), channelNames);
                channelRef(p + ".follows", co.follows(), channelNames);
                check(!co.channel().equals(co.follows()), "%s.follows = '%s'; a channel cannot follow itself", p,
                        co.follows());
                inClosed(p + ".weight", co.weight(), 0, 1);
            }
            nonNegative("noise.sd", noise.sd());
            nonNegative("noise.snr", noise.snr());
            check(!(noise.sd() > 0 && noise.snr() > 0), "noise.sd = %s and noise.snr = %s; give one of them, not both",
                    noise.sd(), noise.snr());
            check(noise.studentDf() == 0 || (noise.studentDf() > 2 && Double.isFinite(noise.studentDf())),
                    "noise.studentDf = %s; must be 0 (Gaussian) or finite and > 2", noise.studentDf());
            inClosed("noise.outlierFraction", noise.outlierFraction(), 0, 0.5);
            nonNegative("noise.outlierScale", noise.outlierScale());
        }

        private static void spend(String p, SpendPattern s, int periods) {
            positive(p + ".mean", s.mean());
            nonNegative(p + ".cv", s.cv());
            if (s instanceof SpendPattern.Flighted f) {
                check(f.onPeriods() >= 1, "%s.onPeriods = %d; must be >= 1", p, f.onPeriods());
                check(f.offPeriods() >= 0, "%s.offPeriods = %d; must be >= 0", p, f.offPeriods());
            } else if (s instanceof SpendPattern.Sparse sp) {
                check(sp.onFraction() > 0 && sp.onFraction() <= 1, "%s.onFraction = %s; must be in (0, 1]", p,
                        sp.onFraction());
            } else if (s instanceof SpendPattern.Seasonal se) {
                check(se.amplitude() >= 0 && se.amplitude() < 1, "%s.amplitude = %s; must be in [0, 1)", p,
                        se.amplitude());
                check(se.peak() >= 0 && se.peak() < 1, "%s.peak = %s; must be in [0, 1)", p, se.peak());
            } else if (s instanceof SpendPattern.Spike sk) {
                check(sk.period() >= 0 && sk.period() < periods, "%s.period = %d; must be in [0, %d) (periods)", p,
                        sk.period(), periods);
                nonNegative(p + ".multiplier", sk.multiplier());
            }
        }

        private static void control(String p, ControlSpec ctl, List<String> channelNames) {
            if (ctl instanceof ControlSpec.Price pr) {
                positive(p + ".level", pr.level());
                nonNegative(p + ".volatility", pr.volatility());
                finite(p + ".elasticity", pr.elasticity());
            } else if (ctl instanceof ControlSpec.Macro m) {
                finite(p + ".level", m.level());
                nonNegative(p + ".volatility", m.volatility());
                check(m.persistence() >= 0 && m.persistence() < 1, "%s.persistence = %s; must be in [0, 1)", p,
                        m.persistence());
                finite(p + ".coefficient", m.coefficient());
            } else if (ctl instanceof ControlSpec.Competitor co) {
                positive(p + ".mean", co.mean());
                nonNegative(p + ".cv", co.cv());
                finite(p + ".coefficient", co.coefficient());
            } else if (ctl instanceof ControlSpec.Confounder cf) {
                channelRef(p + ".channel", cf.channel(), channelNames);
                inClosed(p + ".correlation", cf.correlation(), -1, 1);
                finite(p + ".level", cf.level());
                nonNegative(p + ".sd", cf.sd());
                finite(p + ".coefficient", cf.coefficient());
            }
        }

        private static void channelRef(String path, String value, List<String> channelNames) {
            check(value != null && channelNames.contains(value), "%s = '%s'; no such channel; channels are %s", path,
                    value, channelNames);
        }

        private static void column(Set<String> columns, String path, String value) {
            nonBlank(path, value);
            check(!BASELINE_COMPONENTS.contains(value), "%s = '%s'; reserved for the baseline components %s", path,
                    value, BASELINE_COMPONENTS);
            check(columns.add(value), "%s = '%s'; the name is already used by another column", path, value);
        }

        private static void nonBlank(String path, String value) {
            check(value != null && !value.isBlank(), "%s = '%s'; must not be blank", path, value);
        }

        private static void finite(String path, double v) {
            check(Double.isFinite(v), "%s = %s; must be finite", path, v);
        }

        private static void positive(String path, double v) {
            check(v > 0 && Double.isFinite(v), "%s = %s; must be finite and > 0", path, v);
        }

        private static void nonNegative(String path, double v) {
            check(v >= 0 && Double.isFinite(v), "%s = %s; must be >= 0", path, v);
        }

        private static void inClosed(String path, double v, double lo, double hi) {
            check(v >= lo && v <= hi, "%s = %s; must be in [%s, %s]", path, v, lo, hi);
        }

        private static void check(boolean ok, String format, Object... args) {
            if (!ok) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
            }
        }
    }
}
