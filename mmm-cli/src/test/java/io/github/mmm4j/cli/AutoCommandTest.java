package io.github.mmm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mmm4j.core.MmmCsv;
import io.github.mmm4j.synthetic.DemoData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path demoCsv(Path dir) {
        Path csv = dir.resolve("demo.csv");
        MmmCsv.write(DemoData.generate(42), csv);
        return csv;
    }

    @Test
    void writesTheFullReportSetForAUsersCsv(@TempDir Path dir) throws IOException {
        Path csv = demoCsv(dir);
        CliTest.Run r = CliTest.run("auto", csv.toString(), "--kpi", "sales", "--channels", "tv,search,social,display",
                "--controls", "price", "--events", "promo", "--max-rounds", "2", "--out", dir.resolve("o").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("verdict: "), r.out());
        for (String f : List.of("report.md", "report.html", "results.json", "report.xlsx", "report.pptx", "simulator.html",
                "model.json")) {
            assertTrue(Files.size(dir.resolve("o").resolve(f)) > 0, f);
        }
        JsonNode json = JSON.readTree(dir.resolve("o/results.json").toFile());
        assertEquals("sales", json.get("kpi").asText());
        assertTrue(json.get("rounds").size() >= 1);
        assertEquals(4, json.get("shapley").size());
    }

    /**
     * {@code auto} on a brand x region panel: the report set plus the plan over channel x cell
     * ({@code plan_by_geo.json}, whose cells add up to its brands, regions and budget) and the response curves per
     * level ({@code response_curves_by_geo.csv}).
     */
    @Test
    void aPanelGetsThePlanAndTheCurvesByCell(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("br");
        assertEquals(0, CliTest.run("synth", "--preset", "brand-region", "--brands", "2", "--regions", "2", "--weeks",
                "104", "--seed", "3", "--out", d.toString()).exit());
        CliTest.Run r = CliTest.run("auto", d.resolve("data.csv").toString(), "--brand", "brand", "--geo", "region",
                "--population", "population", "--kpi", "sales", "--price", "price", "--controls", "macro",
                "--max-rounds", "1", "--out", dir.resolve("o").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode plan = JSON.readTree(dir.resolve("o/plan_by_geo.json").toFile());
        assertTrue(plan.get("by_geo").asBoolean());
        assertEquals(16, plan.get("cells").size());
        assertEquals(2, plan.get("brands").size());
        assertEquals(2, plan.get("regions").size());
        double cells = 0;
        for (JsonNode c : plan.get("cells")) {
            cells += c.get("optimal_spend").asDouble();
        }
        for (String level : List.of("brands", "regions")) {
            double sum = 0;
            for (JsonNode g : plan.get(level)) {
                sum += g.get("optimal_spend").asDouble();
            }
            assertEquals(cells, sum, 1e-9 * cells, level);
        }
        assertEquals(plan.get("budget").asDouble(), cells, 1e-6 * cells);
        assertTrue(plan.get("expected_kpi_optimal").asDouble() >= plan.get("expected_kpi_current").asDouble()
                * (1 - 1e-12), plan.toString());
        List<String> curves = Files.readAllLines(dir.resolve("o/response_curves_by_geo.csv"));
        assertTrue(curves.get(0).startsWith("level,brand,region,channel,spend,"), curves.get(0));
        // 4 channels x (1 total + 2 brands + 2 regions + 4 cells) x 41 points
        assertEquals(4 * 9 * 41, curves.size() - 1);
    }

    @Test
    void expectedRoiRangesReachTheCritic(@TempDir Path dir) throws IOException {
        Path csv = demoCsv(dir);
        Path ranges = dir.resolve("roi.csv");
        Files.writeString(ranges, "channel,lower,upper\ntv,5,10\n");
        CliTest.Run r = CliTest.run("auto", csv.toString(), "--kpi", "sales", "--channels", "tv,search,social,display",
                "--controls", "price", "--events", "promo", "--max-rounds", "1", "--expected-roi", ranges.toString(),
                "--out", dir.resolve("o").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("not passed: roi_plausibility"), r.out());
        assertTrue(r.out().contains("ROI of tv"), r.out());
    }

    @Test
    void aBadRangeFileIsBadInputNamingLineAndColumn(@TempDir Path dir) throws IOException {
        Path csv = demoCsv(dir);
        Path ranges = dir.resolve("roi.csv");
        Files.writeString(ranges, "channel,lower,upper\ntv,1,3\nsearch,two,4\n");
        CliTest.Run r = CliTest.run("auto", csv.toString(), "--kpi", "sales", "--channels", "tv,search,social,display",
                "--expected-roi", ranges.toString(),
                "--out", dir.resolve("o").toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("roi.csv, line 3, column 2 ('lower'): value 'two' is not a finite number"), r.err());
        assertFalse(Files.exists(dir.resolve("o")), "nothing written on bad input");
    }
}
