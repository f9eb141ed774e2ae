package io.github.mmm4j.cli;

import io.github.mmm4j.auto.report.PredictionCsv;
import io.github.mmm4j.core.CsvSchema;
import io.github.mmm4j.core.DataException;
import io.github.mmm4j.core.MmmCsv;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.OutputSet;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mmm predict --model model.json DATA.csv --out DIR}: applies a saved model to history or to new periods and
 * writes {@code decomposition.csv} and {@code predictions.csv} (see {@link PredictionCsv}).
 *
 * <p>The CSV is read with the mapping saved in {@code model.json} by {@code fit} and {@code auto} (date, geo, KPI,
 * channel, control and event columns); for a model saved without one, the options {@code --date} and
 * {@code --date-format} apply and the columns are the model's names. The KPI column may be absent (new periods):
 * {@code actual} is then empty. When the data starts inside the model's history or right after it, the history's
 * earlier periods are put in front of it, so carryover (adstock) from past spend reaches the new periods; the output
 * holds only the data's own periods. Data that starts later than the period after the history gets no carryover,
 * and the command says so. On the model's own data the files equal those {@code fit} and {@code auto} wrote.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Apply a saved model.json to history or to new periods and write decomposition.csv and "
                + "predictions.csv (with 90%% intervals of the expected KPI, without observation noise). On a panel "
                + "model the data needs every geo the model was fitted on.")
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model.json written by fit, "
            + "auto or demo.")
    Path model;

    @Parameters(index = "0", paramLabel = "DATA.csv", description = "The periods to predict, with the model's columns.")
    Path file;

    @Option(names = "--date", paramLabel = "COL", defaultValue = "date",
            description = "Date column, for a model saved without its CSV mapping (default: ${DEFAULT-VALUE}).")
    String date;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "Date pattern, for a model saved without its CSV mapping (default: ISO yyyy-MM-dd).")
    String dateFormat;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "predict-out",
            description = "Output directory (default: ${DEFAULT-VALUE}); not the folder that holds the model.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Common.checkNotModelFolder(out, model);
        FittedModel m = ModelJson.read(model);
        MmmDataset history = m.data();
        CsvSchema schema = ModelJson.readSource(model).orElseGet(() -> fallbackSchema(history));
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataException(source, "file not found");
        } catch (IOException e) {
            throw new DataException(source, "cannot be read: " + e.getMessage());
        }
        boolean kpiKnown = hasColumn(source, bytes, schema);
        if (!kpiKnown) {
            bytes = withZeroColumn(source, bytes, schema.kpiColumn(), schema.delimiter());
        }
        MmmDataset raw = MmmCsv.readScenario(source, bytes, schema);
        checkPopulation(raw, m, source);
        MmmDataset data = align(raw, history, source);

        int k = historyPeriods(history, data);
        MmmDataset combined;
        PrintWriter err = spec.commandLine().getErr();
        if (k > 0) {
            MmmDataset prefix = history.slice(0, k);
            combined = prefix.extend(data.nPeriods(), data.spend(), data.controlValues(), data.eventValues());
        } else {
            combined = data;
            if (data.time().start().isAfter(history.time().end())) {
                err.printf(Locale.ROOT, "mmm: note: %s starts on %s, more than one period after the model's history "
                        + "(which ends on %s); spend between them is unknown, so no carryover from history is "
                        + "included%n", source, data.time().start(), history.time().end());
                err.flush();
            }
        }
        boolean[] known = new boolean[combined.nPeriods()];
        Arrays.fill(known, k, known.length, kpiKnown);
        MmmDataset withKpi = kpiKnown && k > 0 ? withObservedKpi(combined, data, k) : combined;
        int from = k;
        List<Path> files = OutputSet.write(out, dir -> PredictionCsv.write(m, withKpi, from, known, dir));
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Predicted %d periods (%s to %s%s) with the %s model of %s%s%n", data.nPeriods(),
                data.time().start(), data.time().end(), data.nGeos() > 1 ? ", " + data.nGeos() + " geos" : "",
                m.estimator(), history.kpiName(), k > 0 ? ", carryover from " + k + " periods of history" : "");
        for (Path f : files) {
            w.printf(Locale.ROOT, "Wrote %s%n", f);
        }
        w.flush();
        return 0;
    }

    private CsvSchema fallbackSchema(MmmDataset history) {
        CsvSchema.Builder b = CsvSchema.builder(history.kpiName()).date(date).datePattern(dateFormat)
                .channels(history.channels()).controls(history.controls()).events(history.events());
        if (history.nGeos() > 1) {
            throw new Main.BadInputException("--model " + model + " was saved without its CSV mapping and has "
                    + history.nGeos() + " geos; re-save it with fit or auto to predict panel data");
        }
        return b.build();
    }

    private static boolean hasColumn(String source, byte[] bytes, CsvSchema schema) {
        try (CSVParser p = CSVParser.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)),
                CSVFormat.DEFAULT.builder().setDelimiter(schema.delimiter()).build())) {
            for (CSVRecord header : p) {
                for (String h : header) {
                    if (h.strip().replace("\uFEFF", "").equals(schema.kpiColumn())) {
                        return true;
                    }
                }
                return false;
            }
            throw new DataException(source, "the file is empty");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DataException(source, "cannot be read as CSV: " + e.getMessage());
        }
    }

    /** The CSV with one more column, {@code name}, holding 0 in every row (for periods whose KPI is unknown). */
    private static byte[] withZeroColumn(String source, byte[] bytes, String name, char delimiter) {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("\n").build();
        StringWriter sw = new StringWriter();
        try (CSVParser p = CSVParser.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)), fmt);
                CSVPrinter pr = new CSVPrinter(sw, fmt)) {
            boolean first = true;
            for (CSVRecord r : p) {
                List<String> row = new ArrayList<>(r.toList());
                row.add(first ? name : "0");
                pr.printRecord(row);
                first = false;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DataException(source, "cannot be read as CSV: " + e.getMessage());
        }
        return sw.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The data with the model's geos, channels, controls and events in the model's order: an event level the model
     * knows but the data lacks is 0 throughout; anything the model does not know is an error.
     */
    /**
     * A per-capita model's media curves use the training populations ({@code frame.geo_size}); new data whose
     * populations give other relative sizes would be predicted silently with the old ones, so it is bad input.
     */
    private static void checkPopulation(MmmDataset data, FittedModel m, String source) {
        if (!data.hasPopulation() || !data.geos().equals(m.data().geos())) {
            return;
        }
        double mean = 0;
        for (int g = 0; g < data.nGeos(); g++) {
            mean += data.population(g) / data.nGeos();
        }
        for (int g = 0; g < data.nGeos(); g++) {
            double size = data.population(g) / mean;
            double fitted = m.frame().geoSize(g);
            if (Math.abs(size - fitted) > 1e-9 * Math.max(1, fitted)) {
                throw new io.github.mmm4j.core.DataException(source, String.format(java.util.Locale.ROOT,
                        "population of geo '%s' is %s, a size of %.6g of the mean; the model was fitted with %.6g. "
                                + "Media per capita uses the training populations: refit to use new ones",
                        data.geos().get(g), io.github.mmm4j.core.Numbers.plain(data.population(g)), size, fitted));
            }
        }
    }

    /** Up to ten names, then how many more. */
    private static String first(List<String> names) {
        return names.size() <= 10 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 10)) + " and " + (names.size() - 10) + " more";
    }

    private static MmmDataset align(MmmDataset data, MmmDataset history, String source) {
        if (!data.geos().equals(history.geos())) {
            List<String> unknown = data.geos().stream().filter(g -> !history.geos().contains(g)).toList();
            List<String> missing = history.geos().stream().filter(g -> !data.geos().contains(g)).toList();
            List<String> parts = new java.util.ArrayList<>();
            if (!unknown.isEmpty()) {
                parts.add("geos the model does not have: " + first(unknown));
            }
            if (!missing.isEmpty()) {
                parts.add("the model's geos missing from the data: " + first(missing));
            }
            if (parts.isEmpty()) {
                parts.add("the geos are in another order than the model's");
            }
            throw new DataException(source, String.join("; ", parts) + "; predict needs rows for every geo the model "
                    + "was fitted on, and only those (each geo's baseline and effects are the model's), so give the "
                    + "whole panel or refit on the geos you have");
        }
        if (data.time().frequency() != history.time().frequency()) {
            throw new DataException(source, "the data is " + data.time().frequency().name().toLowerCase(Locale.ROOT)
                    + "; the model was fitted on " + history.time().frequency().name().toLowerCase(Locale.ROOT)
                    + " data");
        }
        for (String e : data.events()) {
            if (!history.events().contains(e)) {
                throw new DataException(source, "event '" + e + "' is not one the model was fitted with "
                        + history.events() + "; its effect is unknown");
            }
        }
        MmmDataset.Builder b = MmmDataset.builder(data.time()).geos(data.geos()).kpi(history.kpiName(), data.kpi())
                .allowUnfundedChannels();
        for (String c : history.channels()) {
            int i = data.channelIndex(c);
            b.channel(c, data.spendColumn(i), data.hasExposure(i) ? exposureColumn(data, i) : null);
        }
        for (String c : history.controls()) {
            b.control(c, data.controlColumn(data.controls().indexOf(c)));
        }
        for (String e : history.events()) {
            int i = data.events().indexOf(e);
            b.event(e, i >= 0 ? data.eventColumn(i) : generatedEvent(e, data));
        }
        return b.build();
    }

    /**
     * An event the data does not carry: the automated analysis's indicator of one anomalous date
     * ({@code event_yyyy-MM-dd}) is 1 on that date in every geo, so the model predicts as it did for its own data;
     * any other event the model knows but the data lacks is 0 throughout.
     */
    static double[] generatedEvent(String name, MmmDataset data) {
        double[] v = new double[data.nRows()];
        if (name.startsWith("event_")) {
            try {
                int t = data.time().indexOf(LocalDate.parse(name.substring("event_".length())));
                if (t >= 0) {
                    for (int g = 0; g < data.nGeos(); g++) {
                        v[g * data.nPeriods() + t] = 1;
                    }
                }
            } catch (java.time.format.DateTimeParseException e) {
                // not a generated indicator: 0 throughout
            }
        }
        return v;
    }

    private static double[] exposureColumn(MmmDataset data, int c) {
        double[] out = new double[data.nRows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = data.exposure(r, c);
        }
        return out;
    }

    /**
     * How many of the history's periods come before the data: the index of the data's start in the history, or the
     * history's length when the data starts right after it; 0 when the data starts before the history or later than
     * the period after it.
     */
    static int historyPeriods(MmmDataset history, MmmDataset data) {
        LocalDate start = data.time().start();
        TimeIndex h = history.time();
        if (!start.isAfter(h.start())) {
            return 0;
        }
        int i = h.indexOf(start);
        if (i >= 0) {
            return i;
        }
        LocalDate next = TimeIndex.regular(h.start(), h.frequency(), h.size() + 1).date(h.size());
        return start.equals(next) ? h.size() : 0;
    }

    /** The combined data with the observed KPI of the data's own periods (extend leaves them unknown). */
    private static MmmDataset withObservedKpi(MmmDataset combined, MmmDataset data, int k) {
        int nt = combined.nPeriods();
        int nd = data.nPeriods();
        double[] kpi = new double[combined.nRows()];
        for (int g = 0; g < combined.nGeos(); g++) {
            for (int t = 0; t < nt; t++) {
                kpi[g * nt + t] = t < k ? combined.kpi(g * nt + t) : data.kpi(g * nd + t - k);
            }
        }
        MmmDataset.Builder b = MmmDataset.builder(combined.time()).geos(combined.geos())
                .kpi(combined.kpiName(), kpi).allowUnfundedChannels();
        for (int c = 0; c < combined.nChannels(); c++) {
            b.channel(combined.channels().get(c), combined.spendColumn(c),
                    combined.hasExposure(c) ? exposureColumn(combined, c) : null);
        }
        for (int q = 0; q < combined.nControls(); q++) {
            b.control(combined.controls().get(q), combined.controlColumn(q));
        }
        for (int e = 0; e < combined.nEvents(); e++) {
            b.event(combined.events().get(e), combined.eventColumn(e));
        }
        return b.build();
    }
}
