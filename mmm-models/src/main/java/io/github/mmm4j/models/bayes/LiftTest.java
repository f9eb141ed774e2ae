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
 * One lift-test (geo or conversion-lift experiment) result used to calibrate {@link BayesianMmm}: the channel's
 * spend was changed by {@code spendChange} in total over the periods whose dates lie in {@code [start, end]}, and
 * the experiment measured a total KPI lift of {@code lift} with standard error {@code standardError}.
 *
 * <p><b>Likelihood term.</b> With the spend change spread evenly over the {@code m} test periods
 * ({@code spendChange / m} per period; in a geo panel split across geos in proportion to each geo's spend of the
 * channel in the test periods, evenly if that is zero), the model's predicted lift of a posterior draw is
 * <pre>
 *   predicted = effect_kpi * sum_{t = first test period}^{last test period + window - 1} (S1_t - S0_t)
 * </pre>
 * where {@code S0} and {@code S1} are the channel's transformed media {@code sat(adstock(spend / scale))} without and
 * with the change, {@code window} is the adstock window ({@code maxLag + 1}, clipped at the end of the data), so the
 * sum includes the carryover after the test, and {@code effect_kpi} is the effect in KPI units. Each test adds
 * {@code log N(lift | predicted, standardError^2)} to the log posterior (Jin et al. 2017 discuss calibrating
 * carryover and shape to experiments; Meridian and Robyn use the same idea).
 *
 * <p><b>CSV format</b> ({@link #readCsv(Path)}): UTF-8, RFC 4180, a header row with exactly these columns in any
 * order (extra columns are ignored), one experiment per row; dates ISO {@code yyyy-MM-dd}; numbers plain decimals
 * in the KPI's and spend's own units:
 * <pre>
 * channel,start,end,spend_change,lift,lift_se
 * tv,2023-03-06,2023-04-03,50000,120000,30000
 * search,2023-06-05,2023-06-26,-20000,-41000,9000
 * </pre>
 * The second row is a go-dark test (spend cut by 20,000 over the four weeks, lift measured as negative).
 *
 * @param channel the channel's name, as in the dataset
 * @param start the first date of the test, inclusive
 * @param end the last date of the test, inclusive, not before {@code start}
 * @param spendChange the total change of spend over the test (currency), finite and non-zero
 * @param lift the measured total KPI change (KPI units), finite
 * @param standardError the standard error of {@code lift}, finite and {@code > 0}
 */
public record LiftTest(String channel, LocalDate start, LocalDate end, double spendChange, double lift,
        double standardError) {

    /** The CSV columns, in documentation order. */
    public static final List<String> CSV_COLUMNS = List.of("channel", "start", "end", "spend_change", "lift",
            "lift_se");

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
        Checks.checkFinite("spendChange", spendChange);
        Checks.checkArgument(spendChange != 0, "spendChange = 0; a lift test needs a spend change");
        Checks.checkFinite("lift", lift);
        Checks.checkPositive("standardError", standardError);
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
                                    "missing required column; found " + header + ", expected " + CSV_COLUMNS);
                        }
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
                double spend = number(rec, col, "spend_change", source, line);
                double lift = number(rec, col, "lift", source, line);
                double se = number(rec, col, "lift_se", source, line);
                if (end.isBefore(start)) {
                    int j = col.get("end");
                    throw new DataException(source, line, j + 1, "end", rec.get(j), "is before start " + start);
                }
                if (spend == 0) {
                    int j = col.get("spend_change");
                    throw new DataException(source, line, j + 1, "spend_change", rec.get(j),
                            "is zero; a lift test needs a spend change");
                }
                if (!(se > 0)) {
                    int j = col.get("lift_se");
                    throw new DataException(source, line, j + 1, "lift_se", rec.get(j), "must be > 0");
                }
                out.add(new LiftTest(channel, start, end, spend, lift, se));
            }
            if (col == null) {
                throw new DataException(source, "file is empty; expected a header " + String.join(",", CSV_COLUMNS));
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
