package io.github.mmm4j.synthetic;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Named scenarios, each named after its purpose. All are weekly from Monday 2023-01-02 with KPI {@code sales}.
 *
 * <ul>
 *   <li>{@link #easy()}: 208 weeks, 3 independent always-on channels ({@code tv}, {@code search},
 *       {@code social}) with geometric adstock and Hill saturation close to the models' defaults, linear trend,
 *       one yearly harmonic, Gaussian noise sd 2,000 (about a tenth of the signal's sd), no controls or
 *       events. Recovery should be easy.</li>
 *   <li>{@link #realistic()}: 156 weeks, 6 channels with varied patterns (flighted {@code tv} and
 *       {@code display}, seasonally paced {@code search}, always-on {@code social} and {@code radio}, a one-off
 *       spike in {@code ooh}) and transforms from the whole family, concave trend, two harmonics, price and
 *       macro-index controls, Black Friday and Christmas events, Gaussian noise at signal-to-noise ratio 5.</li>
 *   <li>{@link #hard()}: 156 weeks, 5 channels: {@code online_video} follows {@code tv} with weight 0.85
 *       (spend correlation above 0.8, see {@link #HARD_COLLINEAR_PAIR}); {@code podcast} is sparse, on in 20% of
 *       the weeks (zero in 80%); the control {@code demand} is a confounder correlated 0.8 with {@code search}
 *       spend and raising sales; a competitor's spend and price are further controls; Student-t noise (4 degrees
 *       of freedom) at signal-to-noise ratio 3 with 2% of the weeks (3) given outliers of 6 noise sds.</li>
 *   <li>{@link #geo()}: 20 geos ({@code geo01} .. {@code geo20}) of 104 weeks, geo scales from 0.5 to 2.0 and
 *       geo media multipliers within {@code 1 +- 0.15}, each channel's effect further multiplied per geo by a
 *       log-normal-like factor {@code exp(0.25 sqrt(2) sin(2.3 (g + 1) + 1.1 (c + 1)))} (between-geo sd of log
 *       effects about 0.25, the hierarchical truth), 4 channels, price control, noise at signal-to-noise ratio 4
 *       (within geo).</li>
 * </ul>
 */
public final class Presets {

    /** The preset names accepted by {@link #byName(String)}, in order. */
    public static final List<String> NAMES = List.of("easy", "realistic", "hard", "geo");

    /** The collinear channels of {@link #hard()}: the second follows the first. */
    public static final List<String> HARD_COLLINEAR_PAIR = List.of("tv", "online_video");
    /** The sparse channel of {@link #hard()}, on in 20% of the weeks. */
    public static final String HARD_SPARSE_CHANNEL = "podcast";
    /** The confounder control of {@link #hard()}, correlated with {@link #HARD_CONFOUNDED_CHANNEL}. */
    public static final String HARD_CONFOUNDER = "demand";
    /** The channel whose spend the confounder of {@link #hard()} is correlated with. */
    public static final String HARD_CONFOUNDED_CHANNEL = "search";

    private static final LocalDate START = LocalDate.of(2023, 1, 2);

    private Presets() {
    }

    /**
     * @param name one of {@link #NAMES} (case-insensitive)
     * @return the preset
     * @throws IllegalArgumentException naming the presets if there is no such preset
     */
    public static ScenarioSpec byName(String name) {
        String n = name == null ? "null" : name.toLowerCase(Locale.ROOT).strip();
        return switch (n) {
            case "easy" -> easy();
            case "realistic" -> realistic();
            case "hard" -> hard();
            case "geo" -> geo();
            default -> throw new IllegalArgumentException("unknown preset '" + name + "'; presets are " + NAMES);
        };
    }

    /** @return the {@code easy} preset, see the class comment */
    public static ScenarioSpec easy() {
        return easy(3, 208, 2_000);
    }

    /** @return the {@code realistic} preset, see the class comment */
    public static ScenarioSpec realistic() {
        return realistic(6, 156, 5.0, true);
    }

    /** @return the {@code hard} preset, see the class comment */
    public static ScenarioSpec hard() {
        return hard(5, 156, 0.85, 0.02, 3.0);
    }

    /** @return the {@code geo} preset, see the class comment */
    public static ScenarioSpec geo() {
        return geo(20, 104, 4.0);
    }

    /**
     * The easy family: the first {@code nChannels} of {@code tv}, {@code search}, {@code social}.
     *
     * @param nChannels 1 to 3
     * @param periods weeks, {@code >= 4}
     * @param noiseSd Gaussian noise sd, {@code >= 0}
     * @return the spec
     */
    static ScenarioSpec easy(int nChannels, int periods, double noiseSd) {
        Checks.checkArgument(nChannels >= 1 && nChannels <= 3, "nChannels = %d; must be in [1, 3]", nChannels);
        List<ScenarioSpec.Channel> all = List.of(
                new ScenarioSpec.Channel("tv", new SpendPattern.AlwaysOn(30_000, 0.4),
                        Adstock.geometric(0.5, 8, true), Saturation.hill(1.0, 1.0), 120_000),
                new ScenarioSpec.Channel("search", new SpendPattern.AlwaysOn(20_000, 0.4),
                        Adstock.geometric(0.3, 8, true), Saturation.hill(1.0, 1.0), 60_000),
                new ScenarioSpec.Channel("social", new SpendPattern.AlwaysOn(10_000, 0.4),
                        Adstock.geometric(0.6, 8, true), Saturation.hill(1.0, 1.0), 20_000));
        return ScenarioSpec.builder().name("easy").periods(periods).start(START)
                .channels(all.subList(0, nChannels))
                .baseline(new ScenarioSpec.Baseline(500_000, ScenarioSpec.Trend.LINEAR, 10_000,
                        List.of(new ScenarioSpec.Harmonic(20_000, 5_000))))
                .noise(ScenarioSpec.Noise.gaussian(noiseSd))
                .build();
    }

    /**
     * The realistic family: the first {@code nChannels} of {@code tv}, {@code search}, {@code social},
     * {@code display}, {@code radio}, {@code ooh}.
     *
     * @param nChannels 1 to 6
     * @param periods weeks, {@code >= 4}
     * @param snr signal-to-noise ratio, {@code > 0}
     * @param flighting whether {@code tv} and {@code display} are flighted (else always on)
     * @return the spec
     */
    static ScenarioSpec realistic(int nChannels, int periods, double snr, boolean flighting) {
        Checks.checkArgument(nChannels >= 1 && nChannels <= 6, "nChannels = %d; must be in [1, 6]", nChannels);
        List<ScenarioSpec.Channel> all = List.of(
                new ScenarioSpec.Channel("tv",
                        flighting ? new SpendPattern.Flighted(40_000, 6, 4, 0.2) : new SpendPattern.AlwaysOn(40_000, 0.3),
                        Adstock.geometric(0.6, 8, true), Saturation.hill(1.0, 1.5), 150_000),
                new ScenarioSpec.Channel("search", new SpendPattern.Seasonal(25_000, 0.3, 0.85, 0.15),
                        Adstock.geometric(0.2, 8, true), Saturation.hill(0.8, 1.0), 90_000),
                new ScenarioSpec.Channel("social", new SpendPattern.AlwaysOn(15_000, 0.4),
                        Adstock.geometric(0.4, 8, true), Saturation.logistic(1.0), 45_000),
                new ScenarioSpec.Channel("display",
                        flighting ? new SpendPattern.Flighted(10_000, 3, 3, 0.3) : new SpendPattern.AlwaysOn(10_000, 0.3),
                        Adstock.geometric(0.3, 8, true), Saturation.michaelisMenten(1.0, 1.0), 15_000),
                new ScenarioSpec.Channel("radio", new SpendPattern.AlwaysOn(8_000, 0.3),
                        Adstock.delayed(0.5, 1.0, 8, true), Saturation.hill(1.0, 1.0), 14_000),
                new ScenarioSpec.Channel("ooh", new SpendPattern.Spike(6_000, 0.3, periods / 2, 5.0),
                        Adstock.geometric(0.7, 12, true), Saturation.tanh(1.0, 1.0), 8_000));
        return ScenarioSpec.builder().name("realistic").periods(periods).start(START)
                .channels(all.subList(0, nChannels))
                .baseline(new ScenarioSpec.Baseline(800_000, ScenarioSpec.Trend.CONCAVE, 40_000,
                        List.of(new ScenarioSpec.Harmonic(60_000, 20_000), new ScenarioSpec.Harmonic(15_000, -10_000))))
                .control(new ControlSpec.Price("price", 10.0, 0.02, -0.8))
                .control(new ControlSpec.Macro("consumer_confidence", 100.0, 1.0, 0.95, 1_500))
                .event(new ScenarioSpec.Event("black_friday", List.of(LocalDate.of(2023, 11, 24)), true, 60_000))
                .event(new ScenarioSpec.Event("christmas", List.of(LocalDate.of(2023, 12, 25)), true, 40_000))
                .noise(ScenarioSpec.Noise.snr(snr))
                .build();
    }

    /**
     * The hard family: {@code tv}, {@code online_video} (following {@code tv}), {@code search} (confounded by
     * {@code demand}), {@code podcast} (sparse) and, with 5 channels, {@code social}.
     *
     * @param nChannels 4 or 5
     * @param periods weeks, {@code >= 4}
     * @param collinearWeight the weight with which {@code online_video} follows {@code tv}, in {@code [0, 1]}
     * @param outlierFraction fraction of weeks with an outlier, in {@code [0, 0.5]}
     * @param snr signal-to-noise ratio, {@code > 0}
     * @return the spec
     */
    static ScenarioSpec hard(int nChannels, int periods, double collinearWeight, double outlierFraction, double snr) {
        Checks.checkArgument(nChannels >= 4 && nChannels <= 5, "nChannels = %d; must be 4 or 5", nChannels);
        List<ScenarioSpec.Channel> all = List.of(
                new ScenarioSpec.Channel("tv", new SpendPattern.Flighted(40_000, 5, 3, 0.3),
                        Adstock.geometric(0.6, 8, true), Saturation.hill(1.0, 2.0), 150_000),
                new ScenarioSpec.Channel("online_video", new SpendPattern.AlwaysOn(15_000, 0.3),
                        Adstock.geometric(0.4, 8, true), Saturation.hill(1.0, 1.0), 50_000),
                new ScenarioSpec.Channel("search", new SpendPattern.AlwaysOn(25_000, 0.3),
                        Adstock.geometric(0.1, 8, true), Saturation.hill(0.7, 1.0), 80_000),
                new ScenarioSpec.Channel("podcast", new SpendPattern.Sparse(5_000, 0.2, 0.3),
                        Adstock.geometric(0.5, 8, true), Saturation.hill(1.0, 1.0), 10_000),
                new ScenarioSpec.Channel("social", new SpendPattern.AlwaysOn(12_000, 0.5),
                        Adstock.delayed(0.6, 2.0, 10, true), Saturation.logistic(1.5), 40_000));
        return ScenarioSpec.builder().name("hard").periods(periods).start(START)
                .channels(all.subList(0, nChannels))
                .collinear("online_video", "tv", collinearWeight)
                .baseline(new ScenarioSpec.Baseline(600_000, ScenarioSpec.Trend.LINEAR, 30_000,
                        List.of(new ScenarioSpec.Harmonic(40_000, 10_000), new ScenarioSpec.Harmonic(10_000, 5_000))))
                .control(new ControlSpec.Confounder(HARD_CONFOUNDER, HARD_CONFOUNDED_CHANNEL, 0.8, 0.0, 1.0, 30_000))
                .control(new ControlSpec.Price("price", 10.0, 0.02, -0.6))
                .control(new ControlSpec.Competitor("competitor_spend", 20_000, 0.4, -0.5))
                .event(new ScenarioSpec.Event("black_friday", List.of(LocalDate.of(2023, 11, 24)), true, 50_000))
                .noise(new ScenarioSpec.Noise(0, snr, 4, outlierFraction, 6))
                .build();
    }

    /** The between-geo sd of the {@code geo} family's per-channel log effects. */
    static final double GEO_EFFECT_SD = 0.25;

    /**
     * The geo family: {@code nGeos} geos {@code geo01, geo02, ...}; geo {@code g} (0-based) has scale
     * {@code 0.5 + 1.5 ((7 g) mod 20) / 19} and media multiplier {@code 1 + 0.15 sin(1.7 (g + 1))}.
     *
     * @param nGeos 1 to 99
     * @param periods weeks, {@code >= 4}
     * @param snr signal-to-noise ratio (within geo), {@code > 0}
     * @return the spec
     */
    static ScenarioSpec geo(int nGeos, int periods, double snr) {
        Checks.checkArgument(nGeos >= 1 && nGeos <= 99, "nGeos = %d; must be in [1, 99]", nGeos);
        List<ScenarioSpec.Geo> geos = new ArrayList<>();
        for (int g = 0; g < nGeos; g++) {
            java.util.Map<String, Double> ce = new java.util.TreeMap<>();
            List<String> chs = List.of("tv", "search", "social", "display");
            for (int c = 0; c < chs.size(); c++) {
                ce.put(chs.get(c), StrictMath.exp(GEO_EFFECT_SD * StrictMath.sqrt(2)
                        * StrictMath.sin(2.3 * (g + 1) + 1.1 * (c + 1))));
            }
            geos.add(new ScenarioSpec.Geo(String.format(Locale.ROOT, "geo%02d", g + 1),
                    0.5 + 1.5 * ((7 * g) % 20) / 19.0, 1 + 0.15 * StrictMath.sin(1.7 * (g + 1)), ce));
        }
        return ScenarioSpec.builder().name("geo").periods(periods).start(START).geos(geos)
                .channel("tv", new SpendPattern.Flighted(8_000, 6, 2, 0.3), Adstock.geometric(0.5, 8, true),
                        Saturation.hill(1.0, 1.0), 24_000)
                .channel("search", new SpendPattern.Seasonal(5_000, 0.2, 0.85, 0.2), Adstock.geometric(0.2, 8, true),
                        Saturation.hill(1.0, 1.0), 15_000)
                .channel("social", new SpendPattern.AlwaysOn(3_000, 0.4), Adstock.geometric(0.4, 8, true),
                        Saturation.logistic(1.0), 7_000)
                .channel("display", new SpendPattern.AlwaysOn(2_000, 0.4), Adstock.geometric(0.3, 8, true),
                        Saturation.hill(1.0, 1.0), 3_000)
                .baseline(new ScenarioSpec.Baseline(100_000, ScenarioSpec.Trend.LINEAR, 5_000,
                        List.of(new ScenarioSpec.Harmonic(8_000, 2_000))))
                .control(new ControlSpec.Price("price", 10.0, 0.02, -0.8))
                .noise(ScenarioSpec.Noise.snr(snr))
                .build();
    }
}
