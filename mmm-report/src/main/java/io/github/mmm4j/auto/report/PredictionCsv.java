package io.github.mmm4j.auto.report;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Numbers;
import io.github.mmm4j.models.Decomposition;
import io.github.mmm4j.models.FittedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a model's predictions as CSV, the one writer behind {@code ./mmm fit}, {@code ./mmm auto} and
 * {@code ./mmm predict}, so that a fit's files equal what {@code predict} gives from the {@code model.json} it saved.
 *
 * <p>{@code decomposition.csv}: {@code date}, {@code geo} (only when the data has several geos), then for every
 * component ({@code baseline}, {@code trend}, {@code seasonality}, each control, each event, each channel) its value
 * with {@code <component>_lower} and {@code <component>_upper}, then {@code predicted}, {@code predicted_lower},
 * {@code predicted_upper}. Components add up to {@code predicted}. The bounds are the model's interval (90% by
 * default) over its draws of the expected KPI, without observation noise; they are empty for a model without draws.
 *
 * <p>{@code predictions.csv}: {@code date}, {@code geo} (several geos only), {@code actual} (empty where the KPI is
 * not known), {@code predicted}, {@code predicted_lower}, {@code predicted_upper}.
 *
 * <p>Numbers are written in the shortest decimal form that reads back to the same {@code double}, never in exponent
 * notation; rows are in date order within each geo.
 */
public final class PredictionCsv {

    /** The decomposition file's name. */
    public static final String DECOMPOSITION = "decomposition.csv";
    /** The predictions file's name. */
    public static final String PREDICTIONS = "predictions.csv";

    private PredictionCsv() {
    }

    /**
     * Writes both files for {@code data} (all its rows).
     *
     * @param model the model
     * @param data the data to predict, with the model's channels, controls, events and geos
     * @param dir the folder to write into
     * @return the two files
     */
    public static List<Path> write(FittedModel model, MmmDataset data, Path dir) {
        return write(model, data, 0, null, dir);
    }

    /**
     * Writes both files for the periods {@code [from, data.nPeriods())} of {@code data}, whose earlier periods carry
     * history into them.
     *
     * @param model the model
     * @param data the data: history rows, then the rows to write
     * @param from the first period to write
     * @param actualKnown per period, whether the KPI is known (null: known in the observed periods of {@code data})
     * @param dir the folder to write into
     * @return the two files
     */
    public static List<Path> write(FittedModel model, MmmDataset data, int from, boolean[] actualKnown, Path dir) {
        Decomposition.Bands b = model.decompositionBands(data);
        Decomposition d = b.point();
        int nt = data.nPeriods();
        int ng = data.nGeos();
        boolean geo = ng > 1;
        List<String> comps = d.components();
        int nk = comps.size();
        double[] lower = b.lower();
        double[] upper = b.upper();
        double[] pl = b.predictedLower();
        double[] pu = b.predictedUpper();
        double[] predicted = d.predicted();
        // brand x region cells get a brand and a geo column; other panels a geo column
        List<String[]> cells = geo ? io.github.mmm4j.core.CsvSchema.cells(data.geos()).orElse(null) : null;
        List<String> keys = new ArrayList<>(List.of("date"));
        if (cells != null) {
            keys.add("brand");
        }
        if (geo) {
            keys.add("geo");
        }
        List<String> header = new ArrayList<>(keys);
        for (String c : comps) {
            header.add(c);
            header.add(c + "_lower");
            header.add(c + "_upper");
        }
        header.add("predicted");
        header.add("predicted_lower");
        header.add("predicted_upper");
        List<String> ph = new ArrayList<>(keys);
        ph.addAll(List.of("actual", "predicted", "predicted_lower", "predicted_upper"));
        Path dec = dir.resolve(DECOMPOSITION);
        Path pred = dir.resolve(PREDICTIONS);
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();
        try (CSVPrinter dp = new CSVPrinter(Files.newBufferedWriter(dec, StandardCharsets.UTF_8), fmt);
                CSVPrinter pp = new CSVPrinter(Files.newBufferedWriter(pred, StandardCharsets.UTF_8), fmt)) {
            dp.printRecord(header);
            pp.printRecord(ph);
            List<String> row = new ArrayList<>();
            for (int g = 0; g < ng; g++) {
                for (int t = from; t < nt; t++) {
                    int r = g * nt + t;
                    row.clear();
                    row.add(data.time().date(t).toString());
                    if (cells != null) {
                        row.add(cells.get(g)[0]);
                        row.add(cells.get(g)[1]);
                    } else if (geo) {
                        row.add(data.geos().get(g));
                    }
                    List<String> prow = new ArrayList<>(row);
                    for (int k = 0; k < nk; k++) {
                        row.add(num(d.value(r, k)));
                        row.add(lower == null ? "" : num(lower[r * nk + k]));
                        row.add(upper == null ? "" : num(upper[r * nk + k]));
                    }
                    row.add(num(predicted[r]));
                    row.add(pl == null ? "" : num(pl[r]));
                    row.add(pu == null ? "" : num(pu[r]));
                    dp.printRecord(row);
                    boolean known = actualKnown != null ? actualKnown[t] : t < data.nObservedPeriods();
                    prow.add(known ? num(data.kpi(r)) : "");
                    prow.add(num(predicted[r]));
                    prow.add(pl == null ? "" : num(pl[r]));
                    prow.add(pu == null ? "" : num(pu[r]));
                    pp.printRecord(prow);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dec + " or " + pred + ": " + e.getMessage(), e);
        }
        return List.of(dec, pred);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Numbers.plain(v) : "";
    }
}
