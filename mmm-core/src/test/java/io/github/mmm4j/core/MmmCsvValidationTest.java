package io.github.mmm4j.core;

import static io.github.mmm4j.core.CsvFixtures.assertLocated;
import static io.github.mmm4j.core.CsvFixtures.base;
import static io.github.mmm4j.core.CsvFixtures.csv;
import static io.github.mmm4j.core.CsvFixtures.read;
import static io.github.mmm4j.core.CsvFixtures.readFails;
import static io.github.mmm4j.core.CsvFixtures.schema;
import static io.github.mmm4j.core.CsvFixtures.schemaBuilder;
import static io.github.mmm4j.core.CsvFixtures.withCell;
import static io.github.mmm4j.core.CsvFixtures.withLine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of bad input to {@link MmmCsv#read}: each must fail with a {@link DataException} that locates the
 * problem (file, line, column, value) through its accessors and in its message. A read either returns a
 * complete dataset or throws: nothing is half-loaded.
 */
class MmmCsvValidationTest {

    @Test
    void fixtureIsValid() {
        assertEquals(4, read(base(), schema()).nRows());
    }

    // ---- columns and header ----

    @Test
    void missingRequiredColumnListsTheColumnsFound() {
        DataException e = readFails(base(), schemaBuilder().controls("temperature").build());
        assertLocated(e, 1, -1, null, null, "missing required control column 'temperature'",
                "columns found: [date, sales, tv_spend, search_spend, price, promo]");
    }

    @Test
    void missingDateKpiChannelOrEventColumn() {
        assertLocated(readFails(base(), schemaBuilder().date("week").build()), 1, -1, null, null,
                "missing required date column 'week'", "columns found: [date, sales");
        assertLocated(readFails(base(), CsvSchema.builder("revenue").channels("tv_spend").build()), 1, -1, null,
                null, "missing required KPI column 'revenue'");
        assertLocated(readFails(base(), CsvSchema.builder("sales").channels("tv").build()), 1, -1, null, null,
                "missing required channel column 'tv'");
        assertLocated(readFails(base(), schemaBuilder().events("holiday").build()), 1, -1, null, null,
                "missing required event column 'holiday'");
        assertLocated(readFails(base(), schemaBuilder().geo("region").build()), 1, -1, null, null,
                "missing required geo column 'region'");
        assertLocated(readFails(base(), schemaBuilder().exposure("tv_spend", "tv_impressions").build()), 1, -1, null,
                null, "missing required exposure column 'tv_impressions'");
    }

    @Test
    void headerAfterBlankLinesIsLocatedOnItsOwnLine() {
        assertLocated(readFails("\n\n" + base(), schemaBuilder().controls("temperature").build()), 3, -1, null, null,
                "missing required control column 'temperature'");
        assertLocated(readFails("\n\n" + withCell(3, 3, "abc")), 5, 3, "tv_spend", "abc", "is not a number");
    }

    @Test
    void rowRightAfterBlankLinesIsLocatedOnItsOwnLine() {
        String text = csv(CsvFixtures.LINES.get(0), CsvFixtures.LINES.get(1), "", "", "  ",
                CsvFixtures.LINES.get(2).replace(",12,", ",abc,"));
        assertLocated(readFails(text), 6, 3, "tv_spend", "abc", "is not a number");
    }

    @Test
    void duplicateHeaderNameNamesBothColumns() {
        DataException e = readFails(withCell(1, 5, "tv_spend"));
        assertLocated(e, 1, 5, "tv_spend", null, "duplicate column name", "also column 3");
    }

    @Test
    void unnamedColumnsAreIgnoredButCannotBeMapped() {
        // pandas' to_csv writes its index as a first column with an empty name.
        String text = csv(",date,sales,tv,", "0,2020-01-06,1,1,x", "1,2020-01-13,2,2,y");
        assertEquals(2, read(text, CsvSchema.builder("sales").channels("tv").build()).nRows());
        assertLocated(readFails(text, CsvSchema.builder("sales").channels("tv").controls("").build()), 1, -1, null,
                null, "missing required control column ''");
    }

    // ---- cells ----

    @Test
    void nonNumericCell() {
        assertLocated(readFails(withCell(3, 3, "abc")), 3, 3, "tv_spend", "abc", "is not a number");
        assertLocated(readFails(withCell(4, 2, "\"1,000\"")), 4, 2, "sales", "1,000", "is not a number");
        assertLocated(readFails(withCell(5, 5, "$1.50")), 5, 5, "price", "$1.50", "is not a number");
        // Java literal suffixes are not numbers in a data file.
        assertLocated(readFails(withCell(2, 2, "100d")), 2, 2, "sales", "100d", "is not a number");
    }

    @Test
    void emptyCellUnderTheDefaultFailPolicy() {
        assertLocated(readFails(withCell(4, 2, "")), 4, 2, "sales", "", "is a missing value",
                "KPI value is required");
        assertLocated(readFails(withCell(3, 4, "")), 3, 4, "search_spend", "", "is a missing value",
                "ZERO_FILL_SPEND");
        assertLocated(readFails(withCell(5, 5, "")), 5, 5, "price", "", "control value is required");
        assertLocated(readFails(withCell(2, 6, "")), 2, 6, "promo", "", "event value is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NA", "n/a", "NULL", "null"})
    void missingValueTokens(String token) {
        assertLocated(readFails(withCell(3, 2, token)), 3, 2, "sales", token, "is a missing value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e400"})
    void nanAndInfinity(String token) {
        assertLocated(readFails(withCell(5, 5, token)), 5, 5, "price", token, "is not a finite number");
        assertLocated(readFails(withCell(2, 3, token)), 2, 3, "tv_spend", token);
    }

    @Test
    void negativeSpend() {
        assertLocated(readFails(withCell(2, 4, "-5")), 2, 4, "search_spend", "-5", "is negative",
                "spend must be >= 0");
    }

    @Test
    void negativeExposure() {
        String text = csv("date,sales,tv_spend,tv_imp", "2020-01-06,1,1,10", "2020-01-13,2,2,-3");
        DataException e = readFails(text, CsvSchema.builder("sales").channels("tv_spend")
                .exposure("tv_spend", "tv_imp").build());
        assertLocated(e, 3, 4, "tv_imp", "-3", "is negative");
    }

    @Test
    void eventThatIsNotZeroOrOne() {
        assertLocated(readFails(withCell(4, 6, "2")), 4, 6, "promo", "2", "is not 0 or 1");
        assertLocated(readFails(withCell(4, 6, "0.5")), 4, 6, "promo", "0.5", "is not 0 or 1");
    }

    @Test
    void raggedRows() {
        DataException longRow = readFails(withLine(3, "2020-01-13,110,12,0,1.4,1,extra"));
        assertLocated(longRow, 3, -1, null, null, "row has 7 fields; the header has 6");
        DataException shortRow = readFails(withLine(4, "2020-01-20,105,0,7"));
        assertLocated(shortRow, 4, -1, null, null, "row has 4 fields; the header has 6");
    }

    @Test
    void emptyGeoCell() {
        String text = csv("date,geo,sales,tv", "2020-01-06,a,1,1", "2020-01-06,,1,1");
        assertLocated(readFails(text, CsvSchema.builder("sales").channels("tv").geo("geo").build()), 3, 2, "geo",
                "", "geo is empty");
    }

    // ---- dates and the time index ----

    @Test
    void duplicateDate() {
        DataException e = readFails(withCell(4, 1, "2020-01-13"));
        assertLocated(e, 4, 1, "date", "2020-01-13", "is a duplicate date", "also on line 3");
    }

    @Test
    void duplicateDateReportsTheRawCellText() {
        String text = csv("date,sales,tv", "6/1/2020,1,1", "13/1/2020,1,1", "13/01/2020,1,1");
        DataException e = readFails(text, CsvSchema.builder("sales").channels("tv").datePattern("d/M/yyyy").build());
        assertLocated(e, 4, 1, "date", "13/01/2020", "is a duplicate date", "also on line 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-13-01", "2020/01/20", "yesterday", "2021-02-30", "20-01-2020"})
    void unparseableIsoDate(String raw) {
        assertLocated(readFails(withCell(4, 1, raw)), 4, 1, "date", raw, "is not a date in the format ISO yyyy-MM-dd",
                "set a date pattern");
    }

    @Test
    void emptyDate() {
        assertLocated(readFails(withCell(3, 1, "")), 3, 1, "date", "", "every row needs a date");
    }

    @Test
    void invalidCalendarDateUnderAPattern() {
        String text = csv("date,sales,tv", "28/2/2021,1,1", "30/2/2021,1,1");
        DataException e = readFails(text, CsvSchema.builder("sales").channels("tv").datePattern("d/M/yyyy").build());
        assertLocated(e, 3, 1, "date", "30/2/2021", "is not a date in the format 'd/M/yyyy'");
    }

    @Test
    void invalidDatePattern() {
        DataException e = readFails(base(), schemaBuilder().datePattern("d/M/yyyy{").build());
        assertTrue(e.getMessage().contains("date pattern 'd/M/yyyy{' is invalid"), e.getMessage());
        assertEquals(-1, e.line());
    }

    @Test
    void gapInTheTimeIndex() {
        String text = csv(CsvFixtures.LINES.get(0), CsvFixtures.LINES.get(1), CsvFixtures.LINES.get(2),
                CsvFixtures.LINES.get(4));
        DataException e = readFails(text);
        assertLocated(e, 4, 1, "date", "2020-01-27", "leaves a gap in the weekly dates", "expected 2020-01-20",
                "after 2020-01-13 (line 3)", "1 period missing");
    }

    @Test
    void unevenSpacingIsAGap() {
        DataException e = readFails(withCell(4, 1, "2020-01-21"));
        assertLocated(e, 4, 1, "date", "2020-01-21", "expected 2020-01-20", "not evenly spaced");
    }

    @Test
    void unsupportedSpacing() {
        String text = csv("date,sales,tv", "2020-01-01,1,1", "2020-02-01,1,1", "2020-03-01,1,1");
        DataException e = readFails(text, CsvSchema.builder("sales").channels("tv").build());
        assertLocated(e, 4, 1, "date", "2020-03-01", "is 29 days after 2020-02-01 (line 3)",
                "supports daily (1) and weekly (7) data");
    }

    @Test
    void singlePeriod() {
        String text = csv("date,sales,tv", "2020-01-06,1,1");
        DataException e = readFails(text, CsvSchema.builder("sales").channels("tv").build());
        assertLocated(e, 2, 1, "date", "2020-01-06", "need at least 2 periods");
    }

    // ---- channels ----

    @Test
    void channelThatIsConstantZero() {
        String text = base().replace(",10,5,", ",0,5,").replace(",12,0,", ",0,0,").replace(",15,8,", ",0,8,");
        DataException e = readFails(text);
        assertLocated(e, -1, 3, "tv_spend", null, "spend is zero in every row");
    }

    @Test
    void zeroFilledChannelThatIsEmptyEverywhereIsConstantZero() {
        String text = csv("date,sales,tv,radio", "2020-01-06,1,1,", "2020-01-13,1,2,NA");
        DataException e = readFails(text, CsvSchema.builder("sales").channels("tv", "radio")
                .missingValues(MissingValuePolicy.ZERO_FILL_SPEND).build());
        assertLocated(e, -1, 4, "radio", null, "spend is zero in every row");
    }

    @Test
    void inferChannelsFindsNoneListsColumns() {
        String text = csv("date,sales,tv,price", "2020-01-06,1,1,1", "2020-01-13,1,2,1");
        DataException e = readFails(text, CsvSchema.builder("sales").inferChannels().build());
        assertLocated(e, 1, -1, null, null, "no media columns found by name",
                "columns found: [date, sales, tv, price]");
    }

    @Test
    void sameColumnMappedTwiceIsRejected() {
        DataException e = readFails(base(), schemaBuilder().controls("sales").build());
        assertTrue(e.getMessage().contains("'sales' is used twice"), e.getMessage());
        assertEquals(CsvFixtures.SOURCE, e.source());
    }

    // ---- whole file ----

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n", "\r\n\r\n", " \t \n  \n"})
    void emptyOrWhitespaceOnlyFile(String text) {
        assertLocated(readFails(text), -1, -1, null, null, "file is empty");
    }

    @Test
    void zeroByteFileOnDisk(@TempDir Path dir) throws Exception {
        Path p = Files.createFile(dir.resolve("empty.csv"));
        DataException e = assertThrows(DataException.class, () -> MmmCsv.read(p, schema()));
        assertEquals(p.toString(), e.source());
        assertTrue(e.getMessage().equals(p + ": file is empty"), e.getMessage());
    }

    @Test
    void headerOnlyFile() {
        assertLocated(readFails(csv(CsvFixtures.LINES.get(0))), -1, -1, null, null, "no data rows after the header");
        assertLocated(readFails(CsvFixtures.LINES.get(0) + "\n\n\n"), -1, -1, null, null, "no data rows");
    }

    @Test
    void latin1ByteOnLine5() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(csv("date,sales,tv,campaign", "2020-01-06,1,1,spring", "2020-01-13,1,1,spring",
                "2020-01-20,1,1,summer").getBytes(StandardCharsets.UTF_8));
        b.write("2020-01-27,1,1,caf".getBytes(StandardCharsets.US_ASCII));
        b.write(0xE9);
        b.write("\n".getBytes(StandardCharsets.US_ASCII));
        DataException e = assertThrows(DataException.class, () -> MmmCsv.read(CsvFixtures.SOURCE, b.toByteArray(),
                CsvSchema.builder("sales").channels("tv").build()));
        assertLocated(e, 5, 4, "campaign", "caf\uFFFD", "not UTF-8 text", "invalid byte 0xE9",
                "save the file as UTF-8");
    }

    @Test
    void latin1ByteInTheHeader() {
        byte[] bytes = "date,sales,tv,r\u00e9gion\n2020-01-06,1,1,a\n2020-01-13,1,1,b\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        DataException e = assertThrows(DataException.class, () -> MmmCsv.read(CsvFixtures.SOURCE, bytes,
                CsvSchema.builder("sales").channels("tv").build()));
        assertLocated(e, 1, 4, null, "r\uFFFDgion", "not UTF-8 text", "invalid byte 0xE9");
    }

    @Test
    void utf16FileIsNotText() {
        byte[] bytes = base().getBytes(StandardCharsets.UTF_16LE);
        DataException e = assertThrows(DataException.class, () -> MmmCsv.read(CsvFixtures.SOURCE, bytes, schema()));
        assertLocated(e, 1, -1, null, null, "not a text file", "NUL byte");
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path p = dir.resolve("nope.csv");
        DataException e = assertThrows(DataException.class, () -> MmmCsv.read(p, schema()));
        assertEquals(p + ": file not found", e.getMessage());
    }

    @Test
    void fileErrorsNameThePath(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("sales.csv");
        Files.writeString(p, withCell(3, 3, "abc"));
        DataException e = assertThrows(DataException.class, () -> MmmCsv.read(p, schema()));
        assertEquals(p.toString(), e.source());
        assertTrue(e.getMessage().startsWith(p + ", line 3, column 3 ('tv_spend'): value 'abc'"), e.getMessage());
    }

    @Test
    void unterminatedQuote() {
        DataException e = readFails(withCell(3, 2, "\"110"));
        assertEquals(CsvFixtures.SOURCE, e.source());
        assertTrue(e.getMessage().contains("malformed CSV"), e.getMessage());
    }

    // ---- missing-value policy ----

    @Test
    void zeroFillSpendFillsSpendAndExposure() {
        String text = csv("date,sales,tv,tv_imp,search", "2020-01-06,1,,,3", "2020-01-13,2,5,50,NA",
                "2020-01-20,3,6,N/A,1");
        MmmDataset d = read(text, CsvSchema.builder("sales").channels("tv", "search").exposure("tv", "tv_imp")
                .missingValues(MissingValuePolicy.ZERO_FILL_SPEND).build());
        assertArrayEquals(new double[] {0, 5, 6}, d.spendColumn(0));
        assertArrayEquals(new double[] {3, 0, 1}, d.spendColumn(1));
        assertArrayEquals(new double[] {0, 3, 50, 0, 0, 1}, d.exposure());
    }

    @Test
    void zeroFillSpendStillFailsForKpiControlEventAndDate() {
        CsvSchema zeroFill = schemaBuilder().missingValues(MissingValuePolicy.ZERO_FILL_SPEND).build();
        assertArrayEquals(new double[] {10, 12, 0, 0}, read(withCell(5, 3, ""), zeroFill).spendColumn(0));
        assertLocated(readFails(withCell(4, 2, ""), zeroFill), 4, 2, "sales", "", "KPI value is required");
        assertLocated(readFails(withCell(3, 5, "NA"), zeroFill), 3, 5, "price", "NA", "control value is required");
        assertLocated(readFails(withCell(2, 6, ""), zeroFill), 2, 6, "promo", "", "event value is required");
        assertLocated(readFails(withCell(2, 1, ""), zeroFill), 2, 1, "date", "", "every row needs a date");
    }

    @Test
    void defaultPolicyIsFail() {
        assertEquals(MissingValuePolicy.FAIL, schema().missingValues());
    }

    // ---- panels ----

    @Test
    void unbalancedPanelNamesTheGeo() {
        String text = csv("date,geo,sales,tv",
                "2020-01-06,north,1,1", "2020-01-06,south,1,1",
                "2020-01-13,north,1,1", "2020-01-13,south,1,1",
                "2020-01-20,north,1,1");
        DataException e = readFails(text, CsvSchema.builder("sales").channels("tv").geo("geo").build());
        assertLocated(e, -1, 2, "geo", "south", "2020-01-06 .. 2020-01-13, 2 periods", "differ from geo 'north'",
                "every geo needs the same dates");
    }

    @Test
    void gapInOneGeoNamesTheGeo() {
        String text = csv("date,geo,sales,tv",
                "2020-01-06,north,1,1", "2020-01-06,south,1,1",
                "2020-01-13,north,1,1",
                "2020-01-20,north,1,1", "2020-01-20,south,1,1");
        DataException e = readFails(text, CsvSchema.builder("sales").channels("tv").geo("geo").build());
        assertLocated(e, 6, 1, "date", "2020-01-20", "in geo 'south'", "expected 2020-01-13");
    }

    @Test
    void duplicateDateWithinAGeo() {
        String text = csv("date,geo,sales,tv",
                "2020-01-06,north,1,1", "2020-01-06,south,1,1",
                "2020-01-13,north,1,1", "2020-01-06,south,2,2");
        DataException e = readFails(text, CsvSchema.builder("sales").channels("tv").geo("geo").build());
        assertLocated(e, 5, 1, "date", "2020-01-06", "is a duplicate date in geo 'south'", "also on line 3");
    }
}
