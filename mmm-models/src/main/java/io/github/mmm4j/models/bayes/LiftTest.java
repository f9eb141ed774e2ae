package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.DataException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One lift-test (geo or conversion-lift experiment) result used to calibrate {@link BayesianMmm}: over the periods
 * whose dates lie in {@code [start, end]} (in every geo, or in one geo), the channel's spend was changed, and the
 * experiment measured a total KPI lift of {@code lift} with standard error {@code standardError}. The change is given
 * as it was run, in one of two ways:
 * <ul>
 *   <li>a <b>multiplier</b> of the observed spend in each test period: {@code 0} is a go-dark test, {@code 0.7} a
 *       30% cut, {@code 1.5} a 50% heavy-up;</li>
 *   <li>a total <b>spend change</b> over the test (currency): it is applied in proportion to the observed spend of
 *       each test period and geo, that is as the multiplier {@code 1 + spendChange / S} where {@code S} is the
 *       observed spend in the test, so a cut of {@code -S} is a go-dark test; only when the channel spent nothing in
 *       the test (a heavy-up from zero) is the change spread evenly over the test periods (and geos).</li>
 * </ul>
 *
 * <p><b>What the lift covers (window semantics).</b> The measured lift is compared with the model's lift over the
 * <em>same periods</em>: the test periods plus the carryover after them, up to the end of the channel's adstock
 * window ({@code maxLag} periods after {@code end}, clipped at the end of the data), in the test's geos. An
 * experiment whose reported lift counts only the test periods understates the effect of a channel with carryover;
 * report the lift including the post-test weeks of the adstock window. For a posterior draw the model's lift is
 * <pre>
 *   predicted = effect_kpi * sum_{t = start}^{end + maxLag} (S1_t - S0_t)
 * </pre>
 * with {@code S0} and {@code S1} the channel's transformed media {@code sat(adstock(spend / scale))} without and with
 * the change, and each test adds {@code log N(lift | predicted, standardError^2)} to the log posterior (Jin et al.
 * 2017 discuss calibrating carryover and shape to experiments; Meridian and Robyn use the same idea).
 *
 * <p><b>CSV format</b> ({@link #readCsv(Path)}): UTF-8, RFC 4180, a header row with the columns {@code channel},
 * {@code start}, {@code end}, {@code lift}, {@code lift_se} and at least one of {@code spend_change} and
 * {@code multiplier} (each row fills exactly one of them), optionally {@code geo} (empty: every geo), in any order
 * (extra columns are ignored); one experiment per row; dates ISO {@code yyyy-MM-dd}; numbers plain decimals in the
 * KPI's and spend's own units:
 * <pre>
 * channel,start,end,spend_change,multiplier,lift,lift_se
 * tv,2023-03-06,2023-04-03,50000,,120000,30000
 * search,2023-06-05,2023-06-26,,0,-41000,9000
 * social,2023-09-04,2023-09-25,,0.5,-12000,4000
 * </pre>
 * The first row is a heavy-up of 50,000 in total, the second a go-dark test (search switched off for four weeks,
 * lift measured as negative), the third a 50% cut.
 *
 * @param channel the channel's name, as in the dataset
 * @param start the first date of the test, inclusive
 * @param end the last date of the test, inclusive, not before {@code start}
 * @param spendChange the total change of spend over the test (currency), finite and non-zero; NaN when the test is
 *     given as a multiplier
 * @param multiplier the factor applied to the observed spend of each test period, finite, {@code >= 0} and not 1;
 *     NaN when the test is given as a spend change
 * @param lift the measured total KPI change (KPI units) over the test and its carryover window, finite
 * @param standardError the standard error of {@code lift}, finite and {@code > 0}
 * @param geo the geo the test ran in, or null for every geo
 */
public record LiftTest(String channel, LocalDate start, LocalDate end, double spendChange, double multiplier,
        double lift, double standardError, String geo) {

    /** The CSV columns every file has, in documentation order (plus {@code spend_change} or {@code multiplier}). */
    public static final List<String> CSV_COLUMNS = List.of("channel", "start", "end", "lift", "lift_se");

    /*
     * Validates.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a value is out of range
     */
    public LiftTest {
        Objects.requireNonNull(channel, "channel");
        Checks.checkArgument(!channel.isBlank(), "channel is blank");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Checks.checkArgument(!end.isBefore(start), "end = %s is before start = %s", end, start);
        boolean byChange = !Double.isNaN(spendChange);
        boolean byMultiplier = !Double.isNaN(multiplier);
        Checks.checkArgument(byChange != byMultiplier,
                "give exactly one of spendChange (%s) and multiplier (%s); the other is NaN", spendChange, multiplier);
        if (byChange) {
            Checks.checkFinite("spendChange", spendChange);
            Checks.checkArgument(spendChange != 0, "spendChange = 0; a lift test needs a spend change");
        } else {
            Checks.checkArgument(Double.isFinite(multiplier) && multiplier >= 0 && multiplier != 1,
                    "multiplier = %s; must be finite, >= 0 and not 1", multiplier);
        }
        Checks.checkFinite("lift", lift);
        Checks.checkPositive("standardError", standardError);
        Checks.checkArgument(geo == null || !geo.isBlank(), "geo is blank; use null for every geo");
    }

    /**
     * A test given as a total spend change, in every geo.
     *
     * @param channel the channel
     * @param start the first date
     * @param end the last date
     * @param spendChange the total spend change, non-zero
     * @param lift the measured lift
     * @param standardError its standard error
     */
    public LiftTest(String channel, LocalDate start, LocalDate end, double spendChange, double lift,
            double standardError) {
        this(channel, start, end, spendChange, Double.NaN, lift, standardError, null);
    }

    /**
     * A test given as a multiplier of the observed spend (0: go dark; 1.5: +50%), in every geo.
     *
     * @param channel the channel
     * @param start the first date
     * @param end the last date
     * @param multiplier the factor, {@code >= 0} and not 1
     * @param lift the measured lift
     * @param standardError its standard error
     * @return the test
     */
    public static LiftTest ofMultiplier(String channel, LocalDate start, LocalDate end, double multiplier, double lift,
            double standardError) {
        return new LiftTest(channel, start, end, Double.NaN, multiplier, lift, standardError, null);
    }

    /**
     * @return the test in one line, as the file gives it, for example {@code "search 2023-06-05 to 2023-06-26:
     *     spend x 0, lift -41000 (se 9000)"} (with {@code " in geo02"} for a geo test)
     */
    @Override
    public String toString() {
        String change = byMultiplier() ? "spend x " + io.github.mmm4j.core.Numbers.plain(multiplier)
                : "spend change " + io.github.mmm4j.core.Numbers.plain(spendChange);
        return channel + " " + start + " to " + end + (geo == null ? "" : " in " + geo) + ": " + change + ", lift "
                + io.github.mmm4j.core.Numbers.plain(lift) + " (se " + io.github.mmm4j.core.Numbers.plain(standardError)
                + ")";
    }

    /**
     * @param name the geo the test ran in, or null for every geo
     * @return a copy for that geo
     */
    public LiftTest withGeo(String name) {
        return new LiftTest(channel, start, end, spendChange, multiplier, lift, standardError, name);
    }

    /**
     * The total spend change the test made on {@code data}: {@link #spendChange()}, or for a multiplier test
     * {@code (multiplier - 1)} times the channel's observed spend in the test's periods and geos.
     *
     * @param data the data the test ran on
     * @return the total change (currency)
     * @throws IllegalArgumentException if the channel or geo is not in the data
     */
    public double impliedSpendChange(io.github.mmm4j.core.MmmDataset data) {
        if (!byMultiplier()) {
            return spendChange;
        }
        return (multiplier - 1) * observedSpend(data);
    }

    /**
     * Whether the test switched its channel off in its window and geos: a multiplier of 0, or a spend change that
     * removes all the observed spend. Such a test measures the channel's response from zero spend, which is what its
     * ROI is, where an always-on channel's data never go ({@link io.github.mmm4j.models.FittedModel#belowObservedShare}).
     *
     * @param data the data the test ran on
     * @return whether it went dark
     * @throws IllegalArgumentException if the channel or geo is not in the data
     */
    public boolean goesDark(io.github.mmm4j.core.MmmDataset data) {
        if (byMultiplier()) {
            return multiplier == 0;
        }
        double observed = observedSpend(data);
        return observed > 0 && spendChange <= -observed * (1 - 1e-9);
    }

    /**
     * The channel's observed spend in the test's periods (those whose dates lie in {@code [start, end]}) and geos.
     *
     * @param data the data the test ran on
     * @return the total observed spend (currency)
     * @throws IllegalArgumentException if the channel or geo is not in the data
     */
    public double observedSpend(io.github.mmm4j.core.MmmDataset data) {
        int c = data.channelIndex(channel);
        int g0 = geo == null ? -1 : data.geos().indexOf(geo);
        Checks.checkArgument(geo == null || g0 >= 0, "geo '%s' is not in the data %s", geo, data.geos());
        int nt = data.nPeriods();
        double observed = 0;
        for (int g = 0; g < data.nGeos(); g++) {
            if (g0 >= 0 && g != g0) {
                continue;
            }
            for (int t = 0; t < nt; t++) {
                LocalDate d = data.time().date(t);
                if (!d.isBefore(start) && !d.isAfter(end)) {
                    observed += data.spend(g * nt + t, c);
                }
            }
        }
        return observed;
    }

    /**
     * The first and last period of {@code data} whose dates lie in the test.
     *
     * @param data the data
     * @return {@code {first, last}}
     * @throws IllegalArgumentException if no period lies in the test
     */
    int[] periods(io.github.mmm4j.core.MmmDataset data) {
        int nt = data.nPeriods();
        int ts = -1;
        int te = -1;
        for (int t = 0; t < nt; t++) {
            LocalDate d = data.time().date(t);
            if (!d.isBefore(start) && !d.isAfter(end)) {
                ts = ts < 0 ? t : ts;
                te = t;
            }
        }
        Checks.checkArgument(ts >= 0, "lift test of '%s': no period of the data (%s to %s) lies in [%s, %s]", channel,
                data.time().start(), data.time().end(), start, end);
        return new int[] {ts, te};
    }

    /**
     * The channel's spend as the test changed it (all rows, geo-major): the observed spend times the multiplier in
     * the test's periods and geos, or the total change applied in proportion to the observed spend there (spread
     * evenly when the channel spent nothing); elsewhere the observed spend.
     *
     * @param data the data the test ran on
     * @return the changed spend of the test's channel, one value per row
     * @throws IllegalArgumentException if the channel or geo is not in the data, or the change cuts more than the
     *     observed spend
     */
    public double[] changedSpend(io.github.mmm4j.core.MmmDataset data) {
        int c = data.channels().indexOf(channel);
        Checks.checkArgument(c >= 0, "lift test: channel '%s' is not in the data %s", channel, data.channels());
        int g0 = geo == null ? -1 : data.geos().indexOf(geo);
        Checks.checkArgument(geo == null || g0 >= 0, "lift test: geo '%s' is not in the data %s", geo, data.geos());
        int[] w = periods(data);
        int nt = data.nPeriods();
        double observed = 0;
        int cells = 0;
        for (int g = 0; g < data.nGeos(); g++) {
            if (g0 < 0 || g == g0) {
                for (int t = w[0]; t <= w[1]; t++) {
                    observed += data.spend(g * nt + t, c);
                    cells++;
                }
            }
        }
        double factor;
        double even = 0;
        String where = geo != null ? " in geo '" + geo + "'" : "";
        if (byMultiplier()) {
            factor = multiplier;
        } else if (observed > 0) {
            factor = 1 + spendChange / observed;
            Checks.checkArgument(factor >= -1e-12, "lift test: the spend change %s cuts more than the %s that '%s' "
                    + "spent from %s to %s%s; the largest cut (going dark) is -%s, or give multiplier 0", spendChange,
                    observed, channel, start, end, where, observed);
            factor = Math.max(0, factor);
        } else {
            Checks.checkArgument(spendChange > 0, "lift test: '%s' spent nothing from %s to %s%s, so the spend "
                    + "change %s cannot be a cut", channel, start, end, where, spendChange);
            factor = 1;
            even = spendChange / cells;
        }
        double[] out = new double[data.nRows()];
        for (int g = 0; g < data.nGeos(); g++) {
            for (int t = 0; t < nt; t++) {
                double sp = data.spend(g * nt + t, c);
                boolean in = (g0 < 0 || g == g0) && t >= w[0] && t <= w[1];
                out[g * nt + t] = in ? sp * factor + even : sp;
            }
        }
        return out;
    }

    /**
     * What a fitted model predicts this experiment's lift to be, over the periods the lift covers (the test and the
     * channel's adstock window after it, in the test's geos): the model's point prediction with the changed spend
     * minus its prediction with the observed spend. This is the comparison the automated analysis's critic makes for
     * every estimator, calibrated or not.
     *
     * @param model the model (its data are the data the test ran on)
     * @return the predicted total lift, KPI units
     */
    public double predictedLift(io.github.mmm4j.models.FittedModel model) {
        io.github.mmm4j.core.MmmDataset data = model.data();
        int c = data.channelIndex(channel);
        double[] changed = changedSpend(data);
        double[] spend = data.spend();
        int nc = data.nChannels();
        for (int r = 0; r < data.nRows(); r++) {
            spend[r * nc + c] = changed[r];
        }
        double[] base = model.predict(data);
        double[] plan = model.predict(data.withSpend(spend));
        int[] w = periods(data);
        int maxLag = model.spec().channels().get(c).adstock().maxLag();
        int nt = data.nPeriods();
        int last = (int) Math.min(nt - 1L, (long) w[1] + maxLag);
        int g0 = geo == null ? -1 : data.geos().indexOf(geo);
        double lift = 0;
        for (int g = 0; g < data.nGeos(); g++) {
            if (g0 < 0 || g == g0) {
                for (int t = w[0]; t <= last; t++) {
                    lift += plan[g * nt + t] - base[g * nt + t];
                }
            }
        }
        return lift;
    }

    /** @return whether the change is given as a multiplier of the observed spend */
    public boolean byMultiplier() {
        return !Double.isNaN(multiplier);
    }

    /**
     * Reads lift tests from a CSV file in the format documented above.
     *
     * @param path the file
     * @return the tests in file order (possibly empty)
     * @throws DataException naming the file, line, column and value for any problem: missing file, bad
     *     encoding, a missing or duplicated column, a ragged row, an empty cell, an unparseable date or number, a
     *     non-finite number, {@code end} before {@code start}, zero spend change or a non-positive standard error
     */
    public static List<LiftTest> readCsv(Path path) {
        Objects.requireNonNull(path, "path");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new DataException(path.toString(), "file not found");
        } catch (IOException e) {
            throw new DataException(path.toString(), "cannot be read: " + e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DataException(path.toString(), "is not UTF-8 text");
        }
        return readCsv(new StringReader(text), path.toString());
    }

    /**
     * Reads lift tests from CSV text in the format documented above.
     *
     * @param reader the text; read to the end, not closed
     * @param source the name used in error messages (for example the file name)
     * @return the tests in input order (possibly empty)
     * @throws DataException naming the source, line, column and value for any problem (see {@link #readCsv(Path)})
     */
    public static List<LiftTest> readCsv(Reader reader, String source) {
        Objects.requireNonNull(reader, "reader");
        String text;
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            for (int k = reader.read(buf); k >= 0; k = reader.read(buf)) {
                sb.append(buf, 0, k);
            }
            text = sb.toString();
        } catch (IOException e) {
            throw new DataException(source, "cannot be read: " + e);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
        List<LiftTest> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            Map<String, Integer> col = null;
            List<String> header = null;
            for (CSVRecord rec : parser) {
                long line = lineOf(text, rec);
                if (rec.size() == 1 && rec.get(0).isEmpty()) {
                    continue;
                }
                if (col == null) {
                    header = new ArrayList<>();
                    col = new HashMap<>();
                    for (int j = 0; j < rec.size(); j++) {
                        String h = rec.get(j).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
                        header.add(h);
                        if (col.containsKey(h)) {
                            throw new DataException(source, line, j + 1, h, null, "duplicate column");
                        }
                        col.put(h, j);
                    }
                    for (String required : CSV_COLUMNS) {
                        if (!col.containsKey(required)) {
                            throw new DataException(source, line, -1, required, null,
                                    "missing required column; found " + header + ", expected " + CSV_COLUMNS
                                            + " and spend_change or multiplier");
                        }
                    }
                    if (!col.containsKey("spend_change") && !col.containsKey("multiplier")) {
                        throw new DataException(source, line, -1, "spend_change", null,
                                "missing column: give spend_change (total change) or multiplier (0 = go dark); "
                                        + "found " + header);
                    }
                    continue;
                }
                if (rec.size() != header.size()) {
                    throw new DataException(source, line, -1, null, null, String.format(Locale.ROOT,
                            "row has %d fields; the header has %d", rec.size(), header.size()));
                }
                String channel = cell(rec, col, "channel", source, line);
                LocalDate start = date(rec, col, "start", source, line);
                LocalDate end = date(rec, col, "end", source, line);
                boolean hasChange = col.containsKey("spend_change") && !rec.get(col.get("spend_change")).isEmpty();
                boolean hasMultiplier = col.containsKey("multiplier") && !rec.get(col.get("multiplier")).isEmpty();
                if (hasChange == hasMultiplier) {
                    String name = col.containsKey("spend_change") ? "spend_change" : "multiplier";
                    throw new DataException(source, line, col.get(name) + 1, name, rec.get(col.get(name)),
                            hasChange ? "spend_change and multiplier are both given; give one"
                                    : "give spend_change or multiplier");
                }
                double spend = hasChange ? number(rec, col, "spend_change", source, line) : Double.NaN;
                double mult = hasMultiplier ? number(rec, col, "multiplier", source, line) : Double.NaN;
                if (hasMultiplier && (mult < 0 || mult == 1)) {
                    int j = col.get("multiplier");
                    throw new DataException(source, line, j + 1, "multiplier", rec.get(j),
                            "must be >= 0 and not 1 (0 = go dark, 0.5 = half the spend, 1.5 = 50% more)");
                }
                String geo = col.containsKey("geo") && !rec.get(col.get("geo")).isEmpty() ? rec.get(col.get("geo"))
                        : null;
                double lift = number(rec, col, "lift", source, line);
                double se = number(rec, col, "lift_se", source, line);
                if (end.isBefore(start)) {
                    int j = col.get("end");
                    throw new DataException(source, line, j + 1, "end", rec.get(j), "is before start " + start);
                }
                if (hasChange && spend == 0) {
                    int j = col.get("spend_change");
                    throw new DataException(source, line, j + 1, "spend_change", rec.get(j),
                            "is zero; a lift test needs a spend change");
                }
                if (!(se > 0)) {
                    int j = col.get("lift_se");
                    throw new DataException(source, line, j + 1, "lift_se", rec.get(j), "must be > 0");
                }
                out.add(new LiftTest(channel, start, end, spend, mult, lift, se, geo));
            }
            if (col == null) {
                throw new DataException(source, "file is empty; expected a header such as "
                        + "channel,start,end,spend_change,multiplier,lift,lift_se");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw new DataException(source, "malformed CSV: " + e.getMessage());
        }
        return List.copyOf(out);
    }

    /** The 1-based line where a record starts (Commons CSV reports the position before skipped empty lines). */
    private static long lineOf(String text, CSVRecord rec) {
        int p = (int) rec.getCharacterPosition();
        while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
            p++;
        }
        long line = 1;
        for (int i = 0; i < p && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String cell(CSVRecord rec, Map<String, Integer> col, String name, String source, long line) {
        int j = col.get(name);
        String v = rec.get(j);
        if (v.isEmpty()) {
            throw new DataException(source, line, j + 1, name, v, "is empty");
        }
        return v;
    }

    private static LocalDate date(CSVRecord rec, Map<String, Integer> col, String name, String source, long line) {
        String v = cell(rec, col, name, source, line);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            int j = col.get(name);
            throw new DataException(source, line, j + 1, name, v, "is not a date (expected yyyy-MM-dd)");
        }
    }

    private static double number(CSVRecord rec, Map<String, Integer> col, String name, String source, long line) {
        String v = cell(rec, col, name, source, line);
        int j = col.get(name);
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new DataException(source, line, j + 1, name, v, "is not a number");
        }
        if (!Double.isFinite(d)) {
            throw new DataException(source, line, j + 1, name, v, "is not finite");
        }
        return d;
    }
}
