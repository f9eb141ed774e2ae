package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A small, valid weekly CSV and helpers to break it one cell at a time. Line numbers are 1-based file lines:
 * the header is line 1, the four data rows are lines 2 to 5. Columns: 1 date, 2 sales, 3 tv_spend,
 * 4 search_spend, 5 price, 6 promo.
 */
final class CsvFixtures {

    static final String SOURCE = "data.csv";

    static final List<String> LINES = List.of(
            "date,sales,tv_spend,search_spend,price,promo",
            "2020-01-06,100,10,5,1.5,0",
            "2020-01-13,110,12,0,1.4,1",
            "2020-01-20,105,0,7,1.6,0",
            "2020-01-27,120,15,8,1.5,0");

    private CsvFixtures() {
    }

    /** @return the schema for {@link #LINES}: KPI sales, channels tv_spend and search_spend, price, promo */
    static CsvSchema.Builder schemaBuilder() {
        return CsvSchema.builder("sales").channels("tv_spend", "search_spend").controls("price").events("promo");
    }

    static CsvSchema schema() {
        return schemaBuilder().build();
    }

    /** @return the lines joined with '\n', with a final newline */
    static String csv(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    static String csv(String... lines) {
        return csv(Arrays.asList(lines));
    }

    /** @return the valid fixture */
    static String base() {
        return csv(LINES);
    }

    /**
     * @param line a 1-based line of {@link #LINES}
     * @param column a 1-based column
     * @param value the new raw cell text
     * @return the fixture with that cell replaced
     */
    static String withCell(int line, int column, String value) {
        List<String> lines = new ArrayList<>(LINES);
        String[] cells = lines.get(line - 1).split(",", -1);
        cells[column - 1] = value;
        lines.set(line - 1, String.join(",", cells));
        return csv(lines);
    }

    /**
     * @param line a 1-based line of {@link #LINES}
     * @param text the new text of the whole line
     * @return the fixture with that line replaced
     */
    static String withLine(int line, String text) {
        List<String> lines = new ArrayList<>(LINES);
        lines.set(line - 1, text);
        return csv(lines);
    }

    static MmmDataset read(String text, CsvSchema schema) {
        return MmmCsv.readString(SOURCE, text, schema);
    }

    static DataException readFails(String text, CsvSchema schema) {
        return assertThrows(DataException.class, () -> MmmCsv.readString(SOURCE, text, schema));
    }

    static DataException readFails(String text) {
        return readFails(text, schema());
    }

    /**
     * Asserts the exception's location accessors and that its message names the source and every part of the
     * location that applies, and the value.
     *
     * @param e the exception
     * @param line expected {@code line()}, or -1
     * @param column expected {@code column()}, or -1
     * @param columnName expected {@code columnName()}, or null
     * @param value expected {@code value()}, or null
     * @param problemWords fragments the message must contain
     */
    static void assertLocated(DataException e, long line, int column, String columnName, String value,
            String... problemWords) {
        String m = e.getMessage();
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(SOURCE, e.source(), "source()"));
        checks.add(() -> assertTrue(m.startsWith(SOURCE), "message names the source: " + m));
        checks.add(() -> assertEquals(line, e.line(), "line() of: " + m));
        checks.add(() -> assertEquals(column, e.column(), "column() of: " + m));
        checks.add(() -> assertEquals(columnName, e.columnName(), "columnName() of: " + m));
        checks.add(() -> assertEquals(value, e.value(), "value() of: " + m));
        if (line >= 0) {
            checks.add(() -> assertTrue(Pattern.compile("\\bline " + line + "\\b").matcher(m).find(),
                    "message names line " + line + ": " + m));
        } else {
            checks.add(() -> assertTrue(!Pattern.compile("\\bline -").matcher(m).find(), m));
        }
        if (column >= 0) {
            checks.add(() -> assertTrue(Pattern.compile("\\bcolumn " + column + "\\b").matcher(m).find(),
                    "message names column " + column + ": " + m));
        }
        if (columnName != null) {
            checks.add(() -> assertTrue(m.contains("'" + columnName + "'"), "message names the column: " + m));
        }
        if (value != null) {
            checks.add(() -> assertTrue(m.contains("value '" + value + "'"), "message quotes the value: " + m));
        }
        for (String w : problemWords) {
            checks.add(() -> assertTrue(m.contains(w), "message contains '" + w + "': " + m));
        }
        assertAll(checks);
    }
}
