package io.github.mmm4j.cli;

import io.github.mmm4j.core.DataException;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Text;
import io.github.mmm4j.models.bayes.LiftTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * @param file the lift-test file, or null for none
     * @param tests (input) the tests read from it, in file order
     * @param data the data the model is fitted to
     * @throws DataException at the first test naming a channel the data lacks (with a "did you mean") or lying
     *     outside the data's dates
     */
    static void checkChannelsAndDates(Path file, List<LiftTest> tests, MmmDataset data) {
        if (file == null || tests.isEmpty()) {
            return;
        }
        List<Long> lines = dataLines(file);
        for (int i = 0; i < tests.size(); i++) {
            LiftTest t = tests.get(i);
            long line = i < lines.size() ? lines.get(i) : -1;
            if (!data.channels().contains(t.channel())) {
                throw new DataException(file.toString(), line, -1, "channel", t.channel(),
                        "is not a channel of the data; channels are " + Text.sanitize(data.channels().toString())
                                + Text.didYouMean(t.channel(), data.channels()));
            }
            if (t.geo() != null && !data.geos().contains(t.geo())) {
                throw new DataException(file.toString(), line, -1, "geo", t.geo(),
                        "is not a geo of the data; geos are " + Text.sanitize(data.geos().toString())
                                + Text.didYouMean(t.geo(), data.geos()));
            }
            if (t.end().isBefore(data.time().start()) || t.start().isAfter(data.time().end())) {
                throw new DataException(file.toString(), line, -1, "start", t.start().toString(), String.format(
                        Locale.ROOT, "to %s lies outside the data's dates, %s to %s", t.end(), data.time().start(),
                        data.time().end()));
            }
        }
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
