package io.github.mmm4j.optimize;

import io.github.mmm4j.models.FittedModel;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseCurvesTest {

    static final FittedModel DRAWS = Fixtures.linear(PlanningModelTest.DATA, BudgetOptimizerTest.CONCAVE,
            new double[] {400, 250, 300}, new double[] {0.8, 1.0, 1.2, 0.9, 1.1});

    @Test
    void curvesAreMonotoneWithIntervalsAndRoundTripThroughCsv(@TempDir Path dir) throws IOException {
        PlanningModel pm = PlanningModel.of(DRAWS, 13);
        Table t = ResponseCurves.curves(pm, 20, 3);
        assertEquals(List.of("channel", "spend", "contribution", "incremental", "roi", "mroi", "incremental_lower",
                "incremental_upper"), t.header());
        assertEquals(3 * 21, t.rows().size());
        for (int c = 0; c < 3; c++) {
            assertEquals(0, t.number(c * 21, "incremental"));
            for (int i = 1; i <= 20; i++) {
                int r = c * 21 + i;
                assertTrue(t.number(r, "incremental") > t.number(r - 1, "incremental"), "row " + r);
                assertTrue(t.number(r, "mroi") <= t.number(r - 1, "mroi") * (1 + 1e-12), "concave: row " + r);
                assertTrue(t.number(r, "incremental_lower") <= t.number(r, "incremental")
                        && t.number(r, "incremental") <= t.number(r, "incremental_upper"));
            }
        }
        Path csv = dir.resolve("sub/curves.csv");
        t.writeCsv(csv);
        try (Reader r = Files.newBufferedReader(csv)) {
            List<CSVRecord> recs = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)
                    .getRecords();
            assertEquals(t.rows().size(), recs.size());
            assertEquals("tv", recs.get(0).get("channel"));
            assertEquals(t.number(5, "contribution"), Double.parseDouble(recs.get(5).get("contribution")));
        }
        Table f = ResponseCurves.frontierTable(ResponseCurves.frontier(pm, BudgetConstraints.none(), 0.5, 1.5, 4));
        assertEquals(5, f.rows().size());
        f.writeCsv(dir.resolve("frontier.csv"));
        assertTrue(Files.readString(dir.resolve("frontier.csv")).startsWith("budget,expected_kpi,"));
    }

    @Test
    void csvCellsAreNeverInfiniteNaNOrInExponentNotation(@TempDir Path dir) throws IOException {
        Table t = new Table(List.of("name", "big", "small", "bad", "count"), List.of(
                List.of("a", 3.318925405049197E7, 1.0E-7, Double.POSITIVE_INFINITY, 3),
                List.of("b", -2.5E21, 0.0042, Double.NaN, 4L)));
        Path csv = dir.resolve("t.csv");
        t.writeCsv(csv);
        assertEquals("name,big,small,bad,count\r\na,33189254.05049197,0.0000001,,3\r\n"
                + "b,-2500000000000000000000,0.0042,,4\r\n", Files.readString(csv));
        // Response curves with an infinite slope at zero spend (draws with a Hill slope below 1, in horizon periods
        // that historical carryover no longer reaches) and S-shaped draws: every cell is a plain number.
        PlanningModel pm = PlanningModel.of(PlansNeverLoseTest.mixture(PlansNeverLoseTest.DATA), 13);
        ResponseCurves.curves(pm, 10, 3).writeCsv(dir.resolve("curves.csv"));
        String text = Files.readString(dir.resolve("curves.csv"));
        assertFalse(text.contains("E") || text.contains("Infinity") || text.contains("NaN") || text.contains(",,"),
                text);
    }
}
