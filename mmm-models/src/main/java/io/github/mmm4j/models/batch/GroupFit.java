package io.github.mmm4j.models.batch;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.CsvSchema;
import io.github.mmm4j.core.DataException;
import io.github.mmm4j.core.MmmCsv;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.NonNegativeLeastSquares;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesianMmm;
import io.github.mmm4j.models.linear.Sign;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The fit of one group of a batch (one market, brand or store of many), and its rows of {@code batch.csv}: the one
 * computation behind {@code mmm batch} and the Spark job of {@code mmm-spark}, so the two agree bit for bit.
 *
 * <p><b>Determinism.</b> A group's seed is derived from the run's seed and the group's key alone
 * ({@link #groupSeed}), and its fit runs on one thread, so a group's rows do not depend on the other groups, their
 * order, the number of threads or the engine. The reader sorts rows by geo and date, so neither does the order of a
 * group's rows.
 *
 * <p><b>Isolation.</b> Bad data or a failed fit becomes the group's {@link Outcome#failure()}; nothing is thrown.
 */
public final class GroupFit {

    /** The columns of a group's rows after its key columns, as in {@code batch.csv}. */
    public static final List<String> COLUMNS = List.of("channel", "spend", "contribution", "share", "roi",
            "roi_lower", "roi_upper", "mroi", "roi_data_weight", "status", "message");

    /** How the message of a channel row from a sampler that did not converge begins. */
    public static final String NOT_CONVERGED = "sampler not converged";

    /** How the part of a row's message on a prior-led ROI begins. */
    public static final String PRIOR_LED = "prior-led: ";

    /** The default bootstrap replicates of a batch's ridge and NNLS fits (fewer than a single fit's 200). */
    public static final int DEFAULT_BOOTSTRAP = 100;

    /** The default warmup iterations and draws per chain of a batch's Bayesian fits (2 chains). */
    public static final int DEFAULT_DRAWS = 300;

    private GroupFit() {
    }

    /**
     * How every group of a batch is fitted.
     *
     * @param model {@code ridge}, {@code nnls} or {@code bayes}
     * @param bootstrap ridge and NNLS: bootstrap replicates, in [0, 10000]
     * @param draws Bayesian model: warmup iterations and draws per chain (2 chains), in [10, 100000]
     * @param holdout final periods of each group held out, at least 0
     * @param seed the run's seed
     * @param controlSigns sign constraints of controls (organic variables are non-negative)
     */
    public record Settings(String model, int bootstrap, int draws, int holdout, long seed,
            Map<String, Sign> controlSigns) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** Checks the values; see the record's parameters. */
        public Settings {
            Objects.requireNonNull(model, "model");
            Checks.checkArgument(List.of("ridge", "nnls", "bayes").contains(model),
                    "model '%s' is not available; choose ridge, nnls or bayes", model);
            Checks.checkArgument(bootstrap >= 0 && bootstrap <= 10_000, "bootstrap %d must be in [0, 10000]",
                    bootstrap);
            Checks.checkArgument(draws >= 10 && draws <= 100_000, "draws %d must be in [10, 100000]", draws);
            Checks.checkArgument(holdout >= 0, "holdout %d must be >= 0", holdout);
            controlSigns = Collections.unmodifiableMap(new LinkedHashMap<>(controlSigns));
        }

        /**
         * @param model {@code ridge}, {@code nnls} or {@code bayes}
         * @return the batch defaults for that model: {@value #DEFAULT_BOOTSTRAP} replicates or
         *     {@value #DEFAULT_DRAWS} draws, no holdout, seed 42, no sign constraints
         */
        public static Settings defaults(String model) {
            return new Settings(model, DEFAULT_BOOTSTRAP, DEFAULT_DRAWS, 0, 42, Map.of());
        }

        /** @return the settings every group's fit used, in words */
        public String describe() {
            return model.equals("bayes") ? String.format(Locale.ROOT,
                    "bayes, 2 chains x (%d warmup + %d draws), holdout %d", draws, draws, holdout)
                    : String.format(Locale.ROOT, "%s, transforms tuned, %d bootstrap replicates, holdout %d", model,
                            bootstrap, holdout);
        }
    }

    /**
     * One group's outcome.
     *
     * @param key the group's key values
     * @param channels its channel summaries (empty on failure)
     * @param model the fitted model, or null on failure
     * @param failure null, or what went wrong, on one line
     */
    public record Outcome(List<String> key, List<ChannelSummary> channels, FittedModel model, String failure) {

        /** Copies the lists. */
        public Outcome {
            key = List.copyOf(key);
            channels = List.copyOf(channels);
        }
    }

    /**
     * Reads and fits one group. Any failure (bad data, a constant KPI, a fit that fails) is caught and returned as
     * the outcome's failure.
     *
     * @param key the group's key values
     * @param source the name of the group's data in messages, e.g. {@code "data.csv (group market=DE)"}
     * @param csv the group's rows as CSV text with a header line
     * @param schema the columns
     * @param settings how to fit
     * @param lines maps a message about the text's lines to one about the original file's lines (identity if none)
     * @return the outcome
     */
    public static Outcome fit(List<String> key, String source, String csv, CsvSchema schema, Settings settings,
            UnaryOperator<String> lines) {
        try {
            MmmDataset data = MmmCsv.readString(source, csv, schema);
            double first = data.kpi(0);
            boolean varies = false;
            for (int r = 1; r < data.nRows() && !varies; r++) {
                varies = data.kpi(r) != first;
            }
            if (!varies) {
                return new Outcome(key, List.of(), null, "the KPI is constant (" + first + ") in all " + data.nRows()
                        + " rows; there is no variation for a model to explain");
            }
            long s = groupSeed(settings.seed(), key);
            ModelSpec spec = ModelSpec.defaults(data);
            FittedModel m = switch (settings.model()) {
                case "bayes" -> BayesianMmm.fit(data, spec, BayesOptions.defaults().withSeed(s)
                        .withHoldout(settings.holdout()).withChains(2).withWarmup(settings.draws())
                        .withDraws(settings.draws()).withParallelism(1));
                case "nnls" -> NonNegativeLeastSquares.fit(data, spec, linear(settings, s));
                default -> Ridge.fit(data, spec, linear(settings, s));
            };
            return new Outcome(key, m.channels(), m, null);
        } catch (DataException e) {
            return new Outcome(key, List.of(), null, lines.apply(String.valueOf(e.getMessage())).replace('\n', ' '));
        } catch (IllegalArgumentException | ArithmeticException | IllegalStateException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(key, List.of(), null, msg.replace('\n', ' '));
        }
    }

    private static RidgeOptions linear(Settings settings, long seed) {
        return RidgeOptions.defaults().withSeed(seed).withHoldout(settings.holdout())
                .withBootstrap(settings.bootstrap()).withParallelism(1).withControlSigns(settings.controlSigns());
    }

    /**
     * The values of an outcome's rows after its key, in {@link #COLUMNS} order: the channel's name, its spend,
     * contribution, share, ROI, ROI interval, marginal ROI and, for a Bayesian fit, how much of the ROI the data set
     * rather than its prior ({@link FittedModel#roiDataWeight}; {@code Double}, null where not finite or absent),
     * {@code "OK"} and an empty message, or for a Bayesian fit whose sampler did not converge (R-hat above 1.01 or
     * divergent transitions) a message saying so, and for a channel whose ROI is prior-led (data weight below
     * {@link io.github.mmm4j.models.SamplerDiagnostics#PRIOR_LED_WEIGHT}) a message saying that; a failed group has one
     * row with a null channel and numbers, {@code "FAILED"} and the message.
     *
     * @param o the outcome
     * @return one list of values per row
     */
    public static List<List<Object>> rows(Outcome o) {
        List<List<Object>> out = new ArrayList<>();
        if (o.failure() != null) {
            out.add(Arrays.asList(null, null, null, null, null, null, null, null, null, "FAILED", o.failure()));
            return out;
        }
        String warning = o.model() == null ? "" : o.model().samplerDiagnostics().filter(d -> !d.healthy())
                .map(d -> String.format(Locale.ROOT, NOT_CONVERGED + " (max R-hat %.4f, %d divergent "
                        + "transitions): intervals unreliable; give more --draws", d.maxRhat(), d.divergences()))
                .orElse("");
        for (ChannelSummary c : o.channels()) {
            java.util.OptionalDouble w = o.model() == null ? java.util.OptionalDouble.empty()
                    : o.model().roiDataWeight(c.name());
            String message = warning;
            if (w.isPresent() && w.getAsDouble() < io.github.mmm4j.models.SamplerDiagnostics.PRIOR_LED_WEIGHT) {
                message += (message.isEmpty() ? "" : "; ") + String.format(Locale.ROOT, PRIOR_LED + "the data set "
                        + "about %.0f%% of this ROI and its prior the rest", Math.floor(100 * w.getAsDouble()));
            }
            out.add(Arrays.asList(c.name(), finite(c.spend()), finite(c.contribution()), finite(c.share()),
                    finite(c.roi()), c.roiInterval().map(i -> finite(i.lower())).orElse(null),
                    c.roiInterval().map(i -> finite(i.upper())).orElse(null), finite(c.mroi()),
                    w.isPresent() ? finite(w.getAsDouble()) : null, "OK", message));
        }
        return out;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * A group's seed: FNV-1a (64-bit) over the UTF-8 bytes of its key values, each followed by a 0 byte, mixed with
     * the run's seed by SplitMix64's finaliser. It depends on nothing but the run's seed and the key.
     *
     * @param seed the run's seed
     * @param key the group's key values
     * @return the group's seed
     */
    public static long groupSeed(long seed, List<String> key) {
        long h = 0xcbf29ce484222325L;
        for (String v : key) {
            for (byte b : v.getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
            h *= 0x100000001b3L;
        }
        long z = h ^ seed;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
