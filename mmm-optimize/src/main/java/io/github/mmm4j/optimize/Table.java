package io.github.mmm4j.optimize;

import io.github.mmm4j.core.AtomicFiles;
import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.Numbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A small table of results (response curves, the efficiency frontier), exportable as CSV. Numbers are written by
 * {@link Numbers#plain(double)}: the shortest decimal that reads back to the same double, never in exponent notation
 * ({@code 33189254.05049197}, not {@code 3.318925405049197E7}); a NaN or infinite value is written as an empty cell,
 * never as {@code NaN} or {@code Infinity}.
 *
 * @param header the column names
 * @param rows the rows, each with one value per column: {@code String} or {@code Number}
 */
public record Table(List<String> header, List<List<Object>> rows) {

    /** Validates and copies. */
    public Table {
        header = List.copyOf(header);
        List<List<Object>> copy = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Object> r = List.copyOf(rows.get(i));
            Checks.checkArgument(r.size() == header.size(), "rows[%d] has %d values; the header has %d", i, r.size(),
                    header.size());
            copy.add(r);
        }
        rows = List.copyOf(copy);
    }

    /**
     * @param row a row index
     * @param column a column name
     * @return the value as a double
     * @throws IllegalArgumentException if the column is unknown or not numeric
     */
    public double number(int row, String column) {
        int k = header.indexOf(column);
        Checks.checkArgument(k >= 0, "no column '%s'; columns are %s", column, header);
        Object v = rows.get(row).get(k);
        Checks.checkArgument(v instanceof Number, "column '%s' row %d is not a number: %s", column, row, v);
        return ((Number) v).doubleValue();
    }

    /** A number as CSV text: plain decimal digits, or empty when not finite. */
    static String cell(Number v) {
        if (v instanceof Double || v instanceof Float) {
            double d = v.doubleValue();
            return Double.isFinite(d) ? Numbers.plain(d) : "";
        }
        return v.toString();
    }

    /**
     * Writes the table as RFC 4180 CSV with a header line, atomically (a reader never sees half a file).
     *
     * @param path the file to write; parent directories are created
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public void writeCsv(Path path) {
        Objects.requireNonNull(path, "path");
        AtomicFiles.writeText(path, w -> {
            CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(new String[0]))
                    .get());
            List<Object> cells = new ArrayList<>(header.size());
            for (List<Object> r : rows) {
                cells.clear();
                for (Object v : r) {
                    cells.add(v instanceof Number num ? cell(num) : v);
                }
                p.printRecord(cells);
            }
            p.flush();
        });
    }
}
