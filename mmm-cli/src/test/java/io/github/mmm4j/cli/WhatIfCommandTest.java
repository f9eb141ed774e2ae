package io.github.mmm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelJson;
import io.github.mmm4j.optimize.PlanningModel;
import io.github.mmm4j.optimize.ScenarioResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mmm whatif}: a spend scenario from a saved model, computed as the library computes it. */
class WhatIfCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void fitAModel() {
        CliTest.Run s = CliTest.run("synth", "--preset", "easy", "--seed", "3", "--out", dir.resolve("data").toString());
        assertEquals(0, s.exit(), s.err());
        CliTest.Run f = CliTest.run("fit", dir.resolve("data/data.csv").toString(), "--kpi", "sales", "--channels",
                "tv,search,social", "--out", dir.resolve("fit").toString());
        assertEquals(0, f.exit(), f.err());
        model = dir.resolve("fit/model.json");
    }

    @Test
    void scenarioJsonIsTheLibrarysEvaluation(@TempDir Path out) throws IOException {
        CliTest.Run r = CliTest.run("whatif", "--model", model.toString(), "--horizon", "8", "--spend",
                "tv=45000,social=0", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(out.resolve("scenario.json").toFile());
        FittedModel m = ModelJson.read(model);
        PlanningModel pm = PlanningModel.of(m, 8);
        io.github.mmm4j.optimize.Simulator sim = io.github.mmm4j.optimize.Simulator.of(pm);
        double[] perPeriod = WhatIfCommand.spendVector(sim, Map.of("tv", 45_000.0, "social", 0.0));
        ScenarioResult lib = sim.evaluate(perPeriod);
        assertEquals(lib.kpi(), j.get("expected_kpi").asDouble(), 0.0);
        // the simulator's computation is the planning model's (no thinning for a bootstrap model)
        double[] totals = perPeriod.clone();
        for (int c = 0; c < totals.length; c++) {
            totals[c] *= 8;
        }
        ScenarioResult exact = pm.evaluate(pm.plan(totals));
        assertEquals(exact.kpi(), lib.kpi(), 1e-9 * Math.abs(exact.kpi()));
        assertEquals(exact.kpiInterval().orElseThrow().lower(), lib.kpiInterval().orElseThrow().lower(),
                1e-9 * Math.abs(exact.kpi()));
        for (int c = 0; c < 3; c++) {
            assertEquals(exact.channels().get(c).incremental(), lib.channels().get(c).incremental(),
                    1e-9 * Math.abs(exact.kpi()));
            assertEquals(exact.channels().get(c).marginalRoi(), lib.channels().get(c).marginalRoi(),
                    1e-6 * Math.max(1, Math.abs(exact.channels().get(c).marginalRoi())));
        }
        assertEquals(lib.kpiInterval().orElseThrow().lower(), j.get("expected_kpi_lower").asDouble(), 0.0);
        assertEquals(lib.referenceKpi(), j.get("current_kpi").asDouble(), 0.0);
        assertEquals(8, j.get("horizon").asInt());
        JsonNode tv = j.get("channels").get(0);
        assertEquals("tv", tv.get("name").asText());
        assertEquals(45_000.0, tv.get("spend_per_period").asDouble(), 1e-9);
        assertEquals(45_000.0 * 8, tv.get("spend").asDouble(), 1e-6);
        assertTrue(tv.get("changed").asBoolean());
        JsonNode social = j.get("channels").get(2);
        assertEquals(0.0, social.get("spend").asDouble(), 0.0);
        assertTrue(social.get("roi").isNull(), "no ROI without spend");
        JsonNode search = j.get("channels").get(1);
        assertFalse(search.get("changed").asBoolean());
        assertEquals(search.get("current_spend").asDouble(), search.get("spend").asDouble(),
                1e-9 * search.get("spend").asDouble(), "a channel not named keeps its current plan");
        double lo = j.get("expected_kpi_lower").asDouble();
        double hi = j.get("expected_kpi_upper").asDouble();
        assertTrue(lo <= j.get("expected_kpi").asDouble() && j.get("expected_kpi").asDouble() <= hi);
        assertTrue(r.out().contains("What-if over the next 8 periods (sales):"), r.out());
    }

    @Test
    void progressNamesItsSteps(@TempDir Path out) {
        CliTest.Run r = CliTest.run("whatif", "--model", model.toString(), "--progress", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("reading the model") && r.err().contains("the scenario over every draw"), r.err());
    }

    @Test
    void withoutChangesTheScenarioIsTheCurrentPlan(@TempDir Path out) throws IOException {
        CliTest.Run r = CliTest.run("whatif", "--model", model.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(out.resolve("scenario.json").toFile());
        assertEquals(j.get("current_kpi").asDouble(), j.get("expected_kpi").asDouble(), 0.0);
        assertEquals(0.0, j.get("incremental_kpi").asDouble(), 0.0);
        assertEquals(13, j.get("horizon").asInt(), "a quarter of weeks by default");
    }

    @Test
    void badScenariosExitWithCodeTwoAndWriteNothing(@TempDir Path tmp) {
        String[][] bad = {{"--spend", "tvv=5"}, {"--spend", "tv=-5"}, {"--spend", "tv=abc"}, {"--spend", "tv"},
            {"--spend", "tv=1,tv=2"}, {"--horizon", "0"}, {"--spend", "tv@north=5"}, {"--spend", "tvv@north=5"}};
        String[] expected = {"did you mean 'tv'", "must be finite and >= 0", "'abc' is not a number",
            "is not CHANNEL=AMOUNT", "names 'tv' twice", "--horizon 0 is out of range",
            "the model has one geo; give tv=AMOUNT", "did you mean 'tv'"};
        for (int i = 0; i < bad.length; i++) {
            Path out = tmp.resolve("o" + i);
            CliTest.Run r = CliTest.run("whatif", "--model", model.toString(), bad[i][0], bad[i][1], "--out",
                    out.toString());
            assertEquals(2, r.exit(), String.join(" ", bad[i]) + ": " + r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", bad[i]));
        }
    }

    @Test
    void aSymbolicLinkDoesNotLetTheOutputReplaceTheModelsFolder(@TempDir Path tmp) throws IOException {
        Path link = tmp.resolve("link");
        Files.createSymbolicLink(link, model.getParent());
        CliTest.Run r = CliTest.run("whatif", "--model", link.resolve("model.json").toString(), "--out",
                model.getParent().toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("is the folder of --model"), r.err());
        CliTest.Run back = CliTest.run("whatif", "--model", model.toString(), "--out", link.toString());
        assertEquals(2, back.exit(), back.err());
        assertTrue(Files.exists(model), "the model is still there");
    }
}
