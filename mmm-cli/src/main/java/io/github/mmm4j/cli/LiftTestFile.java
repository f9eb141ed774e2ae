package io.github.mmm4j.cli;

import io.github.mmm4j.core.DataException;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Numbers;
import io.github.mmm4j.core.Text;
import io.github.mmm4j.models.bayes.LiftTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks a lift-test file against the data before the Bayesian fit, so that a test of an unknown channel or outside
 * the data's dates is reported at its file, line and column (the fit itself knows neither).
 */
final class LiftTestFile {

    private LiftTestFile() {
    }

    /**
     * Checks each test against the data, at its file and line:
     * <ul>
     *   <li>the file has at least one test;</li>
     *   <li>the channel and geo are in the data (with a "did you mean");</li>
     *   <li>the test's window lies within the data's dates (a lift over periods the model does not have cannot be
     *       compared with the model's), and it starts on a period's date, so that no period the test touched is
     *       left out unseen (a period is in the test when its date lies in {@code [start, end]});</li>
     *   <li>no test is given twice (it would count twice);</li>
     *   <li>the spend it changed exists: a multiplier needs spend in the window, and a cut no larger than it;</li>
     *   <li>the lift's sign does not contradict the spend change by more than two standard errors (a cut that
     *       raised the KPI): media effects are not negative in the model, so such a test, most often a sign
     *       error, would drive the channel's effect to zero.</li>
     * </ul>
     *
     * @param file the lift-test file, or null for none
     * @param tests (input) the tests read from it, in file order
     * @param data the data the model is fitted to
     * @throws DataException at the first test that fails a check
     */
    static void checkChannelsAndDates(Path file, List<LiftTest> tests, MmmDataset data) {
        if (file == null) {
            return;
        }
        if (tests.isEmpty()) {
            throw new DataException(file.toString(), "has a header but no experiments; give one row per test, or "
                    + "leave --lift-tests out");
        }
        List<Long> lines = dataLines(file);
        java.util.Map<String, Integer> cols = headerColumns(file);
        List<LocalDate> dates = data.time().dates();
        LocalDate first = dates.get(0);
        LocalDate last = dates.get(dates.size() - 1);
        // the last period covers the days up to the next period's date
        LocalDate coveredTo = dates.size() > 1 ? last.plusDays(java.time.temporal.ChronoUnit.DAYS.between(
                dates.get(dates.size() - 2), last) - 1) : last;
        java.util.Map<List<Object>, Long> seen = new java.util.HashMap<>();
        for (int i = 0; i < tests.size(); i++) {
            LiftTest t = tests.get(i);
            long line = i < lines.size() ? lines.get(i) : -1;
            String f = file.toString();
            if (!data.channels().contains(t.channel())) {
                throw bad(f, line, cols, "channel", t.channel(),
                        "is not a channel of the data; channels are " + Text.sanitize(data.channels().toString())
                                + Text.didYouMean(t.channel(), data.channels()));
            }
            if (t.geo() != null && !data.geos().contains(t.geo())) {
                throw bad(f, line, cols, "geo", t.geo(),
                        "is not a geo of the data; geos are " + Text.sanitize(data.geos().toString())
                                + Text.didYouMean(t.geo(), data.geos()));
            }
            if (t.end().isBefore(first) || t.start().isAfter(last)) {
                throw bad(f, line, cols, "start", t.start().toString(), String.format(
                        Locale.ROOT, "to %s lies outside the data's dates, %s to %s", t.end(), first, last));
            }
            if (t.start().isBefore(first) || t.end().isAfter(coveredTo)) {
                throw bad(f, line, cols, t.start().isBefore(first) ? "start" : "end",
                        (t.start().isBefore(first) ? t.start() : t.end()).toString(), String.format(Locale.ROOT,
                        "the test from %s to %s runs outside the data's dates (%s to %s); a lift measured over "
                        + "periods the model does not have cannot be compared with its prediction: give the lift "
                        + "over the periods inside the data, or leave the test out", t.start(), t.end(), first,
                        last));
            }
            int at = java.util.Collections.binarySearch(dates, t.start());
            if (at < 0) {
                int after = -at - 1;
                throw bad(f, line, cols, "start", t.start().toString(), String.format(Locale.ROOT,
                        "is not the date of a period of the data (the periods around it are dated %s and %s); a "
                        + "period is in the test when its date lies between start and end, so give the date of "
                        + "the test's first period", dates.get(after - 1), dates.get(after)));
            }
            Long earlier = seen.putIfAbsent(java.util.Arrays.asList(t.channel(), t.geo(), t.start(), t.end()), line);
            if (earlier != null) {
                throw bad(f, line, cols, "channel", t.channel(), String.format(Locale.ROOT,
                        "repeats the test of line %d (same channel, geo and dates), which would count twice; give "
                        + "each test once", earlier));
            }
            double observed = t.observedSpend(data);
            String where = t.geo() != null ? " in geo '" + t.geo() + "'" : "";
            if (t.byMultiplier() && !(observed > 0)) {
                throw bad(f, line, cols, "multiplier", Numbers.plain(t.multiplier()), String.format(
                        Locale.ROOT, "scales the spend of '%s' from %s to %s%s, which was zero, so the test changed "
                        + "no spend; give its spend_change instead", t.channel(), t.start(), t.end(), where));
            }
            if (!t.byMultiplier() && t.spendChange() < 0 && -t.spendChange() > observed * (1 + 1e-9)) {
                throw bad(f, line, cols, "spend_change", Numbers.plain(t.spendChange()), String.format(
                        Locale.ROOT, "cuts more than the %s that '%s' spent from %s to %s%s; going dark is a cut of "
                        + "%s, or give multiplier 0", ConsoleTable.amount(observed), t.channel(), t.start(), t.end(),
                        where, ConsoleTable.amount(observed)));
            }
            double change = t.impliedSpendChange(data);
            if (change * t.lift() < 0 && Math.abs(t.lift()) > 2 * t.standardError()) {
                throw bad(f, line, cols, "lift", Numbers.plain(t.lift()), String.format(Locale.ROOT,
                        "has the opposite sign to the spend change (%s), by more than two standard errors (lift_se "
                        + "%s): %s spend %s the KPI, which a model of media effects that are never negative cannot "
                        + "explain (it would set the channel's effect to zero); check the sign (the lift of a cut "
                        + "is negative) or leave the test out", ConsoleTable.amount(change),
                        Numbers.plain(t.standardError()), change < 0 ? "less" : "more",
                        change < 0 ? "raised" : "lowered"));
            }
        }
    }

    /** A problem at a line and named column, with the column's number from the header when known. */
    private static DataException bad(String file, long line, java.util.Map<String, Integer> cols, String name,
            String value, String problem) {
        return new DataException(file, line, cols.getOrDefault(name, -1), name, value, problem);
    }

    /** The 1-based column of each header name (trimmed), empty when the file cannot be read again. */
    private static java.util.Map<String, Integer> headerColumns(Path file) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
            try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
                for (CSVRecord rec : p) {
                    if (rec.size() == 1 && rec.get(0).isEmpty()) {
                        continue;
                    }
                    for (int j = 0; j < rec.size(); j++) {
                        out.putIfAbsent(rec.get(j).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), j + 1);
                    }
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Map.of();
        }
        return out;
    }

    /** The 1-based line where each data record (after the header; blank lines skipped) starts. */
    private static List<Long> dataLines(Path file) {
        List<Long> out = new ArrayList<>();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
            boolean header = true;
            try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
                for (CSVRecord rec : p) {
                    if (rec.size() == 1 && rec.get(0).isEmpty()) {
                        continue;
                    }
                    if (header) {
                        header = false;
                        continue;
                    }
                    int pos = (int) rec.getCharacterPosition();
                    while (pos < text.length() && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
                        pos++;
                    }
                    long line = 1;
                    for (int k = 0; k < pos; k++) {
                        if (text.charAt(k) == '\n') {
                            line++;
                        }
                    }
                    out.add(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // read once already by LiftTest.readCsv; without lines the message still names the file
        }
        return out;
    }
}
