package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.DataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading lift tests from CSV: the documented example and every rejected input. */
class LiftTestCsvTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path p = dir.resolve("lift.csv");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private DataException fails(String text) throws IOException {
        Path p = write(text);
        DataException e = assertThrows(DataException.class, () -> LiftTest.readCsv(p));
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        return e;
    }

    @Test
    void readsTheDocumentedExample() throws IOException {
        List<LiftTest> t = LiftTest.readCsv(write("channel,start,end,spend_change,lift,lift_se\n"
                + "tv,2023-03-06,2023-04-03,50000,120000,30000\n"
                + "search,2023-06-05,2023-06-26,-20000,-41000,9000\n"));
        assertEquals(List.of(
                new LiftTest("tv", LocalDate.of(2023, 3, 6), LocalDate.of(2023, 4, 3), 50000, 120000, 30000),
                new LiftTest("search", LocalDate.of(2023, 6, 5), LocalDate.of(2023, 6, 26), -20000, -41000, 9000)),
                t);
    }

    @Test
    void columnsInAnyOrderExtraColumnsQuotesAndBlankLines() throws IOException {
        List<LiftTest> t = LiftTest.readCsv(write("\uFEFFnote,lift_se,lift,spend_change,end,start,channel\n"
                + "\"first, geo test\",10,100,1e3,2023-01-09,2023-01-02,\"tv\"\n\n"));
        assertEquals(1, t.size());
        assertEquals(1000.0, t.get(0).spendChange());
        assertEquals("tv", t.get(0).channel());
    }

    @Test
    void emptyFileHeaderOnlyAndMissingFile() throws IOException {
        assertTrue(fails("").getMessage().contains("empty"));
        assertEquals(List.of(), LiftTest.readCsv(write("channel,start,end,spend_change,lift,lift_se\n")));
        DataException e = assertThrows(DataException.class, () -> LiftTest.readCsv(dir.resolve("nope.csv")));
        assertTrue(e.getMessage().contains("not found"));
    }

    @Test
    void missingOrDuplicateColumn() throws IOException {
        DataException e = fails("channel,start,end,spend_change,lift\ntv,2023-01-02,2023-01-09,1,1\n");
        assertEquals("lift_se", e.columnName());
        assertEquals(1, e.line());
        e = fails("channel,start,end,spend_change,lift,lift_se,lift\ntv,2023-01-02,2023-01-09,1,1,1,1\n");
        assertEquals(7, e.column());
    }

    @Test
    void badCellsNameLineColumnAndValue() throws IOException {
        String h = "channel,start,end,spend_change,lift,lift_se\n";
        DataException e = fails(h + "tv,2023-01-02,2023-01-09,1,1,1\ntv,2023-02-30,2023-03-09,1,1,1\n");
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertEquals("start", e.columnName());
        assertEquals("2023-02-30", e.value());
        e = fails(h + "tv,2023-01-02,2023-01-09,abc,1,1\n");
        assertEquals(4, e.column());
        assertEquals("abc", e.value());
        assertTrue(e.getMessage().contains("not a number"), e.getMessage());
        e = fails(h + "tv,2023-01-02,2023-01-09,1,NaN,1\n");
        assertEquals("lift", e.columnName());
        e = fails(h + "tv,2023-01-02,2023-01-09,1,1,0\n");
        assertEquals("lift_se", e.columnName());
        assertEquals("0", e.value());
        e = fails(h + "tv,2023-01-02,2023-01-09,0,1,1\n");
        assertEquals("spend_change", e.columnName());
        e = fails(h + "tv,2023-01-09,2023-01-02,1,1,1\n");
        assertEquals("end", e.columnName());
        e = fails(h + ",2023-01-02,2023-01-09,1,1,1\n");
        assertEquals(1, e.column());
        assertTrue(e.getMessage().contains("empty"));
        e = fails(h + "tv,2023-01-02,2023-01-09,1,1\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("5 fields"), e.getMessage());
    }

    @Test
    void invalidBytes() throws IOException {
        Path p = dir.resolve("bad.csv");
        Files.write(p, new byte[] {'c', 'h', (byte) 0xC3, (byte) 0x28, '\n'});
        DataException e = assertThrows(DataException.class, () -> LiftTest.readCsv(p));
        assertTrue(e.getMessage().contains("UTF-8"));
    }

    @Test
    void recordValidation() {
        LocalDate d = LocalDate.of(2023, 1, 2);
        assertThrows(IllegalArgumentException.class, () -> new LiftTest("tv", d, d.minusDays(1), 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LiftTest("tv", d, d, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LiftTest("tv", d, d, 1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new LiftTest(" ", d, d, 1, 1, 1));
        assertThrows(NullPointerException.class, () -> new LiftTest("tv", null, d, 1, 1, 1));
    }
}
