package io.github.mmm4j.core;

import static io.github.mmm4j.core.CsvFixtures.assertLocated;
import static io.github.mmm4j.core.CsvFixtures.base;
import static io.github.mmm4j.core.CsvFixtures.csv;
import static io.github.mmm4j.core.CsvFixtures.read;
import static io.github.mmm4j.core.CsvFixtures.readFails;
import static io.github.mmm4j.core.CsvFixtures.schema;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link MmmCsv#read} of valid input: every supported layout, date format and CSV dialect. */
class MmmCsvReadTest {

    private static final LocalDate JAN6 = LocalDate.of(2020, 1, 6);

    @Test
    void readsTheFixtureExactly() {
        MmmDataset d = read(base(), schema());
        assertAll(
                () -> assertEquals(TimeIndex.regular(JAN6, Frequency.WEEKLY, 4), d.time()),
                () -> assertEquals(List.of("national"), d.geos()),
                () -> assertEquals("sales", d.kpiName()),
                () -> assertEquals(List.of("tv_spend", "search_spend"), d.channels()),
                () -> assertEquals(List.of("price"), d.controls()),
                () -> assertEquals(List.of("promo"), d.events()),
                () -> assertArrayEquals(new double[] {100, 110, 105, 120}, d.kpi()),
                () -> assertArrayEquals(new double[] {10, 5, 12, 0, 0, 7, 15, 8}, d.spend()),
                () -> assertArrayEquals(d.spend(), d.exposure()),
                () -> assertFalse(d.hasExposure(0)),
                () -> assertArrayEquals(new double[] {1.5, 1.4, 1.6, 1.5}, d.controlValues()),
                () -> assertArrayEquals(new double[] {0, 1, 0, 0}, d.eventValues()));
    }

    /**
     * A revenue-per-KPI column makes the KPI the revenue, row by row, named after both columns; a population column
     * gives each geo its population (the same in every row of the geo, else an error at the row that differs).
     */
    @Test
    void revenuePerKpiAndPopulation() {
        String text = csv("date,geo,units,rpk,pop,tv",
                "2020-01-06,b,10,2.5,300,1", "2020-01-06,a,4,2,100,2", "2020-01-13,a,5,2.2,100,3",
                "2020-01-13,b,12,2.5,300,4");
        MmmDataset d = read(text, CsvSchema.builder("units").geo("geo").channels("tv").revenuePerKpi("rpk")
                .population("pop").build());
        assertEquals("revenue (units x rpk)", d.kpiName());
        assertArrayEquals(new double[] {8, 5 * 2.2, 25, 30}, d.kpi(), 1e-12);
        assertEquals(100, d.population(0));
        assertEquals(300, d.population(1));
        DataException zero = assertThrows(DataException.class, () -> read(text.replace("2.2", "0"),
                CsvSchema.builder("units").geo("geo").channels("tv").revenuePerKpi("rpk").build()));
        assertTrue(zero.getMessage().contains("revenue per KPI must be > 0"), zero.getMessage());
        assertTrue(zero.getMessage().contains("line 4"), zero.getMessage());
        DataException pop = assertThrows(DataException.class, () -> read(text.replace("2.5,300,4", "2.5,301,4"),
                CsvSchema.builder("units").geo("geo").channels("tv").population("pop").build()));
        assertTrue(pop.getMessage().contains("301") && pop.getMessage().contains("geo 'b'"), pop.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CsvSchema.builder("units").channels("tv").population("pop").build());
    }

    @Test
    void readsFromAFile(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("data.csv");
        Files.writeString(p, base());
        MmmDataset d = MmmCsv.read(p, schema());
        assertArrayEquals(read(base(), schema()).spend(), d.spend());
        assertEquals(base(), Files.readString(p), "the input file is not modified");
    }

    @ParameterizedTest
    @ValueSource(strings = {" 00:00:00", "T00:00:00", " 12:30", "T00:00:00Z"})
    void isoDatesWithATrailingTime(String time) {
        String text = csv("date,sales,tv", "2020-01-06" + time + ",1,1", "2020-01-13" + time + ",2,2");
        MmmDataset d = read(text, CsvSchema.builder("sales").channels("tv").build());
        assertEquals(TimeIndex.regular(JAN6, Frequency.WEEKLY, 2), d.time());
    }

    @Test
    void dayMonthYearPattern() {
        String text = csv("date,sales,tv", "30/12/2019,1,1", "6/1/2020,2,2", "13/01/2020,3,3");
        MmmDataset d = read(text, CsvSchema.builder("sales").channels("tv").datePattern("d/M/yyyy").build());
        assertEquals(TimeIndex.regular(LocalDate.of(2019, 12, 30), Frequency.WEEKLY, 3), d.time());
    }

    @Test
    void monthDayYearPattern() {
        String text = csv("date,sales,tv", "12/30/2019,1,1", "1/6/2020,2,2", "01/13/2020,3,3");
        MmmDataset d = read(text, CsvSchema.builder("sales").channels("tv").datePattern("M/d/yyyy").build());
        assertEquals(TimeIndex.regular(LocalDate.of(2019, 12, 30), Frequency.WEEKLY, 3), d.time());
    }

    @Test
    void patternDoesNotAcceptTheOtherOrder() {
        String text = csv("date,sales,tv", "12/30/2019,1,1", "1/6/2020,2,2");
        DataException e = readFails(text, CsvSchema.builder("sales").channels("tv").datePattern("d/M/yyyy").build());
        assertLocated(e, 2, 1, "date", "12/30/2019", "is not a date in the format 'd/M/yyyy'");
    }

    @Test
    void leapDayIsAcceptedUnderAPattern() {
        String text = csv("date,sales,tv", "28/2/2020,1,1", "29/2/2020,2,2", "1/3/2020,3,3");
        MmmDataset d = read(text, CsvSchema.builder("sales").channels("tv").datePattern("d/M/yyyy").build());
        assertEquals(Frequency.DAILY, d.time().frequency());
        assertEquals(LocalDate.of(2020, 2, 29), d.time().date(1));
    }

    @Test
    void dailyInference() {
        String text = csv("date,sales,tv", "2020-02-28,1,1", "2020-02-29,2,2", "2020-03-01,3,3");
        MmmDataset d = read(text, CsvSchema.builder("sales").channels("tv").build());
        assertEquals(TimeIndex.regular(LocalDate.of(2020, 2, 28), Frequency.DAILY, 3), d.time());
    }

    @Test
    void weeklyInferenceOnAnyWeekday() {
        String text = csv("date,sales,tv", "2020-01-01,1,1", "2020-01-08,2,2");
        MmmDataset d = read(text, CsvSchema.builder("sales").channels("tv").build());
        assertEquals(Frequency.WEEKLY, d.time().frequency());
    }

    @Test
    void rowsOutOfOrderAreSortedWithTheirValues() {
        List<String> l = CsvFixtures.LINES;
        String text = csv(l.get(0), l.get(4), l.get(2), l.get(1), l.get(3));
        MmmDataset d = read(text, schema());
        MmmDataset expected = read(base(), schema());
        assertAll(
                () -> assertEquals(expected.time(), d.time()),
                () -> assertArrayEquals(expected.kpi(), d.kpi()),
                () -> assertArrayEquals(expected.spend(), d.spend()),
                () -> assertArrayEquals(expected.controlValues(), d.controlValues()),
                () -> assertArrayEquals(expected.eventValues(), d.eventValues()));
    }

    @Test
    void balancedGeoPanelBecomesGeoMajor() {
        String text = csv("date,geo,sales,tv,price",
                "2020-01-13,south,4,40,9",
                "2020-01-06,north,1,10,7",
                "2020-01-06,south,3,30,9",
                "2020-01-13,north,2,20,7");
        MmmDataset d = read(text, CsvSchema.builder("sales").channels("tv").controls("price").geo("geo").build());
        assertAll(
                () -> assertEquals(List.of("north", "south"), d.geos(), "geos sorted by name, whatever the row order"),
                () -> assertEquals(TimeIndex.regular(JAN6, Frequency.WEEKLY, 2), d.time()),
                () -> assertEquals(4, d.nRows()),
                () -> assertArrayEquals(new double[] {1, 2, 3, 4}, d.kpi()),
                () -> assertArrayEquals(new double[] {10, 20, 30, 40}, d.spend()),
                () -> assertArrayEquals(new double[] {7, 7, 9, 9}, d.controlValues()),
                () -> assertArrayEquals(new double[] {1, 2}, d.geo("north").kpi()));
    }

    @Test
    void inferChannelsBySuffixAndPrefixInFileOrder() {
        String text = csv("date,sales,TV_Spend,price,search_cost,spending,spend_radio,ooh_spend_share,tv_imp",
                "2020-01-06,1,1,1,1,1,1,1,9", "2020-01-13,2,2,2,2,2,2,2,9");
        MmmDataset d = read(text, CsvSchema.builder("sales").inferChannels().controls("price")
                .exposure("TV_Spend", "tv_imp").build());
        assertEquals(List.of("TV_Spend", "search_cost", "spend_radio"), d.channels());
        assertTrue(d.hasExposure(0));
        assertEquals(9, d.exposure(0, 0));
        assertEquals(List.of("price"), d.controls());
    }

    @Test
    void inferChannelsSkipsColumnsMappedToOtherRoles() {
        String text = csv("date,total_spend,tv_spend,promo_spend",
                "2020-01-06,5,1,0", "2020-01-13,6,2,1");
        MmmDataset d = read(text, CsvSchema.builder("total_spend").date("date").inferChannels().events("promo_spend")
                .build());
        assertEquals(List.of("tv_spend"), d.channels());
        assertEquals(List.of("promo_spend"), d.events());
    }

    @Test
    void exposureColumns() {
        String text = csv("date,sales,tv,tv_grp,search,search_clicks",
                "2020-01-06,1,10,100,1,1000", "2020-01-13,2,20,250,2,3000");
        MmmDataset d = read(text, CsvSchema.builder("sales").channels("tv", "search").exposure("search",
                "search_clicks").exposure("tv", "tv_grp").build());
        assertAll(
                () -> assertTrue(d.hasExposure(0)),
                () -> assertTrue(d.hasExposure(1)),
                () -> assertArrayEquals(new double[] {10, 1, 20, 2}, d.spend()),
                () -> assertArrayEquals(new double[] {100, 1000, 250, 3000}, d.exposure()));
    }

    @Test
    void semicolonDelimiter() {
        String text = base().replace(',', ';');
        MmmDataset d = read(text, CsvFixtures.schemaBuilder().delimiter(';').build());
        assertArrayEquals(read(base(), schema()).spend(), d.spend());
        // A decimal comma (common in semicolon-separated files) is not a number.
        DataException e = readFails(text.replace("1.4", "1,4"), CsvFixtures.schemaBuilder().delimiter(';').build());
        assertLocated(e, 3, 5, "price", "1,4", "is not a number");
    }

    @Test
    void quotedFieldsWithCommasAndNewlinesKeepLineNumbers() {
        String text = csv("date,sales,tv,note",
                "2020-01-06,1,1,\"plain, with comma\"",
                "2020-01-13,2,2,\"two\nline note\"",
                "2020-01-20,3,3,\"three\r\nline\nnote, too\"",
                "2020-01-27,4,x,ok");
        DataException e = readFails(text, CsvSchema.builder("sales").channels("tv").build());
        assertLocated(e, 8, 3, "tv", "x", "is not a number");
        MmmDataset d = read(text.replace(",x,", ",4,"), CsvSchema.builder("sales").channels("tv").build());
        assertArrayEquals(new double[] {1, 2, 3, 4}, d.kpi());
    }

    @Test
    void quotedNumbersAndHeaders() {
        String text = csv("\"date\",\"sales\",\"tv\"", "\"2020-01-06\",\"1.5\",\"2\"", "2020-01-13,\"2e3\",3");
        MmmDataset d = read(text, CsvSchema.builder("sales").channels("tv").build());
        assertArrayEquals(new double[] {1.5, 2000}, d.kpi());
    }

    @Test
    void byteOrderMarkIsSkipped() {
        String text = "\uFEFF" + base();
        MmmDataset d = read(text, schema());
        assertEquals(JAN6, d.time().start());
        byte[] bytes = ("\uFEFF" + CsvFixtures.withCell(3, 3, "abc")).getBytes(StandardCharsets.UTF_8);
        DataException e = assertThrows(DataException.class, () -> MmmCsv.read(CsvFixtures.SOURCE, bytes, schema()));
        assertLocated(e, 3, 3, "tv_spend", "abc", "is not a number");
    }

    @Test
    void crlfLineEndingsBlankLinesAndSpacesAroundValues() {
        String text = "date , sales,tv_spend,search_spend,price,promo\r\n"
                + "2020-01-06, 100 ,10,5,1.5,0\r\n"
                + "\r\n"
                + "2020-01-13,110,12,0,1.4,1\r\n"
                + "2020-01-20,105,0,7,1.6,0\r\n"
                + "2020-01-27,120,zz,8,1.5,0\r\n\r\n";
        DataException e = readFails(text);
        assertLocated(e, 6, 3, "tv_spend", "zz", "is not a number");
        MmmDataset d = read(text.replace("zz", "15"), schema());
        assertArrayEquals(read(base(), schema()).kpi(), d.kpi());
    }

    @Test
    void numberFormats() {
        String text = csv("date,sales,tv", "2020-01-06,-1.5e-3,0.0", "2020-01-13,+7,1E2", "2020-01-20,.5,4.");
        MmmDataset d = read(text, CsvSchema.builder("sales").channels("tv").build());
        assertArrayEquals(new double[] {-1.5e-3, 7, 0.5}, d.kpi());
        assertArrayEquals(new double[] {0, 100, 4}, d.spend());
    }

    @Test
    void eventsWrittenAsFloats() {
        String text = csv("date,sales,tv,ev", "2020-01-06,1,1,0.0", "2020-01-13,2,2,1.0");
        MmmDataset d = read(text, CsvSchema.builder("sales").channels("tv").events("ev").build());
        assertArrayEquals(new double[] {0, 1}, d.eventValues());
    }

    @Test
    void unmappedColumnsAreIgnored() {
        String text = csv("id,date,comment,sales,tv", "a,2020-01-06,,1,1", "b,2020-01-13,NA,2,2");
        MmmDataset d = read(text, CsvSchema.builder("sales").channels("tv").build());
        assertEquals(List.of("tv"), d.channels());
        assertEquals(0, d.nControls());
    }
}
