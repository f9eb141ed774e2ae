package io.github.mmm4j.cli;

import io.github.mmm4j.core.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table for the console whose columns are as wide as their widest cell and separated by two spaces, so
 * that no two values ever run together whatever their size; the first column is left-aligned, the others
 * right-aligned. Amounts are formatted by {@link #amount} ({@link Numbers#significant} with {@value #DIGITS}
 * digits: {@code 0.0042}, {@code 765.3}, {@code 4,876,827}).
 */
final class ConsoleTable {

    /** Significant digits of amounts (spend, KPI, contribution, ROI). */
    static final int DIGITS = 4;

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /**
     * @param header the column headings
     */
    ConsoleTable(String... header) {
        this.columns = header.length;
        rows.add(header.clone());
    }

    /**
     * Adds a row.
     *
     * @param cells one cell per column
     * @return this table
     * @throws IllegalArgumentException if the number of cells is not the number of columns
     */
    ConsoleTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /** @return the table, one line per row, each ending with a newline; trailing spaces removed */
    String render() {
        int[] w = new int[columns];
        for (String[] r : rows) {
            for (int c = 0; c < columns; c++) {
                w[c] = Math.max(w[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(w[c] - r[c].length());
                line.append(c == 0 ? r[c] + pad : pad + r[c]);
            }
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') {
                end--;
            }
            sb.append(line, 0, end).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** @return {@code v} with {@value #DIGITS} significant digits and thousands separators, {@code n/a} if not finite */
    static String amount(double v) {
        return Double.isFinite(v) ? Numbers.significant(v, DIGITS) : "n/a";
    }

    /** @return {@code [lo, hi]} with {@link #amount} */
    static String interval(double lo, double hi) {
        return "[" + amount(lo) + ", " + amount(hi) + "]";
    }

    /** @return the fraction {@code v} as a percentage with one decimal */
    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "n/a";
    }
}
