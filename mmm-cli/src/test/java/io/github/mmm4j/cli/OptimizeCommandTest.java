package io.github.mmm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mmm optimize} and the planning step of {@code mmm demo}. One demo run is shared by the tests. */
class OptimizeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path demo;

    static String demoOut;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void runDemo() {
        Run r = run("demo", "--out", demo.toString());
        assertEquals(0, r.exit(), r.err());
        demoOut = r.out();
    }

    static double sum(JsonNode channels, String field) {
        double s = 0;
        for (JsonNode c : channels) {
            s += c.get(field).asDouble();
        }
        return s;
    }

    @Test
    void demoWritesModelAndPlanWithTheSameBudget() throws IOException {
        assertTrue(Files.exists(demo.resolve("model.json")));
        JsonNode plan = JSON.readTree(demo.resolve("plan.json").toFile());
        JsonNode channels = plan.get("channels");
        assertEquals(4, channels.size());
        assertEquals(sum(channels, "current_spend"), sum(channels, "optimal_spend"),
                1e-9 * sum(channels, "current_spend"), "same budget as history");
        assertTrue(plan.get("uplift_pct").asDouble() >= -1e-9, "the optimum is no worse than the current plan");
        assertTrue(demoOut.contains("Budget plan for the next 13 periods"), demoOut);
        assertTrue(demoOut.contains("optimal"), demoOut);
    }

    @Test
    void planJsonHasTheDocumentedFields(@TempDir Path dir) throws IOException {
        Run r = run("optimize", "--model", demo.resolve("model.json").toString(), "--budget", "500000", "--out",
                dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("channel") && r.out().contains("expected sales"), r.out());
        JsonNode plan = JSON.readTree(dir.resolve("plan.json").toFile());
        for (String f : List.of("expected_kpi_current", "expected_kpi_optimal", "uplift_pct", "budget")) {
            assertTrue(plan.get(f).isNumber(), f);
        }
        assertEquals("CONVERGED", plan.get("status").asText());
        assertEquals(13, plan.get("horizon").asInt());
        JsonNode channels = plan.get("channels");
        for (JsonNode c : channels) {
            for (String f : List.of("current_spend", "optimal_spend", "delta", "expected_contribution", "lower",
                    "upper")) {
                assertTrue(c.get(f).isNumber(), c.get("name") + "." + f);
            }
            assertEquals(c.get("optimal_spend").asDouble() - c.get("current_spend").asDouble(),
                    c.get("delta").asDouble(), 1e-6);
            assertTrue(c.get("lower").asDouble() <= c.get("expected_contribution").asDouble()
                    && c.get("expected_contribution").asDouble() <= c.get("upper").asDouble());
        }
        assertEquals(500000, sum(channels, "optimal_spend"), 1e-6);
        assertTrue(Files.readString(dir.resolve("response_curves.csv")).startsWith("channel,spend,contribution,"));
        assertTrue(Files.readString(dir.resolve("frontier.csv")).startsWith("budget,expected_kpi,"));
        double cur = plan.get("expected_kpi_current").asDouble();
        double opt = plan.get("expected_kpi_optimal").asDouble();
        assertEquals(100 * (opt - cur) / Math.abs(cur), plan.get("uplift_pct").asDouble(), 1e-9);
    }

    @Test
    void progressReportsEveryStepWithTheTimeLeft(@TempDir Path dir) {
        Run r = run("optimize", "--model", demo.resolve("model.json").toString(), "--progress", "--out",
                dir.toString());
        assertEquals(0, r.exit(), r.err());
        for (String step : new String[] {"reading the model", "the plan", "response curves",
            "the efficiency frontier"}) {
            assertTrue(r.err().contains(step), "progress names '" + step + "': " + r.err());
        }
        assertTrue(r.err().contains("100%"), r.err());
        Run quiet = run("optimize", "--model", demo.resolve("model.json").toString(), "--out", dir.resolve("q")
                .toString());
        assertEquals("", quiet.err(), "no progress when standard error is not a terminal");
    }

    @Test
    void lockAndBoundsAreHonoured(@TempDir Path dir) throws IOException {
        JsonNode before = JSON.readTree(demo.resolve("plan.json").toFile()).get("channels");
        String first = before.get(0).get("name").asText();
        String second = before.get(1).get("name").asText();
        double total = sum(before, "current_spend");
        Run r = run("optimize", "--model", demo.resolve("model.json").toString(), "--lock", first, "--bounds",
                second + "=10%:20%", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode channels = JSON.readTree(dir.resolve("plan.json").toFile()).get("channels");
        assertEquals(before.get(0).get("current_spend").asDouble(), channels.get(0).get("optimal_spend").asDouble(),
                1e-9 * total);
        assertTrue(channels.get(0).get("locked").asBoolean());
        double s = channels.get(1).get("optimal_spend").asDouble();
        assertTrue(s >= 0.1 * total * (1 - 1e-9) && s <= 0.2 * total * (1 + 1e-9), "" + s);
        assertTrue(r.out().contains("(locked)"), r.out());
    }

    @Test
    void infeasibleConstraintsExitTwoWithOneLine(@TempDir Path dir) {
        JsonNode plan;
        try {
            plan = JSON.readTree(demo.resolve("plan.json").toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        String a = plan.get("channels").get(0).get("name").asText();
        String b = plan.get("channels").get(1).get("name").asText();
        Run r = run("optimize", "--model", demo.resolve("model.json").toString(), "--budget", "1000000", "--bounds",
                a + "=500000:," + b + "=700000:", "--out", dir.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("mmm: sum of channel minimums 1,200,000 exceeds the budget 1,000,000: " + a + " >= 500,000, "
                + b + " >= 700,000", r.err().strip());
        assertFalse(Files.exists(dir.resolve("plan.json")), "nothing written on bad input");
    }

    @Test
    void badArgumentsExitTwo(@TempDir Path dir) {
        String m = demo.resolve("model.json").toString();
        Run r1 = run("optimize", "--model", m, "--bounds", "tv:1", "--out", dir.toString());
        assertEquals(2, r1.exit());
        assertTrue(r1.err().contains("is not CHANNEL=MIN:MAX"), r1.err());
        Run r2 = run("optimize", "--model", m, "--objective", "profit", "--out", dir.toString());
        assertEquals(2, r2.exit());
        assertTrue(r2.err().contains("needs --margin"), r2.err());
        Run r3 = run("optimize", "--model", m, "--lock", "nope", "--out", dir.toString());
        assertEquals(2, r3.exit());
        assertTrue(r3.err().contains("nope"), r3.err());
        Run r4 = run("optimize", "--model", dir.resolve("missing.json").toString(), "--out", dir.toString());
        assertEquals(2, r4.exit());
    }

    @Test
    void targetRoiAndProfitObjectivesRun(@TempDir Path dir) throws IOException {
        String m = demo.resolve("model.json").toString();
        Run r = run("optimize", "--model", m, "--objective", "profit", "--margin", "3", "--horizon", "8", "--out",
                dir.resolve("p").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode p = JSON.readTree(dir.resolve("p/plan.json").toFile());
        assertEquals("profit", p.get("objective").asText());
        assertEquals(8, p.get("horizon").asInt());
        Run t = run("optimize", "--model", m, "--objective", "target-roi", "--target-roi", "0.5", "--out",
                dir.resolve("t").toString());
        assertEquals(0, t.exit(), t.err());
        JsonNode tp = JSON.readTree(dir.resolve("t/plan.json").toFile());
        assertTrue(List.of("CONVERGED", "INFEASIBLE", "MAX_ITERATIONS").contains(tp.get("status").asText()));
        assertTrue(tp.get("expected_kpi_optimal").isNumber());
        // the target is named in words, not as a Java record
        assertTrue(t.out().contains("the target ROI of 0.5") || !tp.get("status").asText().equals("CONVERGED"),
                t.out());
        assertFalse(t.out().contains("TargetRoi["), t.out());
        // a budget of 0 cannot keep the current plan: the plan spends nothing, and the console says why
        Run zero = run("optimize", "--model", m, "--budget", "0", "--out", dir.resolve("z").toString());
        assertEquals(0, zero.exit(), zero.err());
        assertFalse(zero.out().contains("keep the current plan"), zero.out());
        assertTrue(zero.out().contains("the current spend does not meet the budget or bounds; the plan above is the "
                + "nearest one that does"), zero.out());
    }
}
