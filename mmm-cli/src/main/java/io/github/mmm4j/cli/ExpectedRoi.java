package io.github.mmm4j.cli;

import io.github.mmm4j.core.DataException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the user's plausible ROI ranges for the critic: a CSV file with the header {@code channel,lower,upper}
 * and one row per channel, for example
 * <pre>
 * channel,lower,upper
 * tv,0.5,3
 * search,1,6
 * </pre>
 */
final class ExpectedRoi {

    private ExpectedRoi() {
    }

    static Map<String, double[]> read(Path file) {
        List<CSVRecord> records;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT.builder().setHeader()
                        .setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get()).get()) {
            for (String required : List.of("channel", "lower", "upper")) {
                if (!p.getHeaderNames().contains(required)) {
                    throw new DataException(file.toString(), 1, -1, null, null, "missing required column '" + required
                            + "'; columns found: " + p.getHeaderNames());
                }
            }
            records = p.getRecords();
        } catch (NoSuchFileException e) {
            throw new DataException(file.toString(), "file not found");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DataException(file.toString(), "cannot be read: " + e.getMessage());
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (CSVRecord rec : records) {
            long line = rec.getRecordNumber() + 1;
            String channel = rec.get("channel");
            double lo = number(file, rec, line, "lower", 2);
            double hi = number(file, rec, line, "upper", 3);
            if (lo > hi) {
                throw new DataException(file.toString(), line, 3, "upper", rec.get("upper"),
                        String.format(Locale.ROOT, "is below lower = %s", rec.get("lower")));
            }
            if (out.put(channel, new double[] {lo, hi}) != null) {
                throw new DataException(file.toString(), line, 1, "channel", channel, "appears twice");
            }
        }
        return out;
    }

    private static double number(Path file, CSVRecord rec, long line, String column, int index) {
        String v = rec.get(column);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new DataException(file.toString(), line, index, column, v, "is not a finite number");
        }
    }
}
