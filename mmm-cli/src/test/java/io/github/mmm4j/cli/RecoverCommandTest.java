package io.github.mmm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoverCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void smallRunWritesRecoveryJsonAndATable(@TempDir Path dir) throws IOException {
        SynthCommandTest.Run r = SynthCommandTest.run("recover", "--preset", "easy", "--replicates", "3", "--seed", "7",
                "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("ROI RMSE") && r.out().contains("Spearman"), r.out());
        JsonNode json = JSON.readTree(dir.resolve("recovery.json").toFile());
        assertEquals("easy", json.get("scenario").asText());
        assertEquals("ridge", json.get("model").asText());
        assertEquals(3, json.get("replicates").asInt());
        assertEquals(7, json.get("seed").asLong());
        assertTrue(json.get("rankCorrelation").isNumber());
        assertEquals(3, json.get("channels").size());
        for (JsonNode c : json.get("channels")) {
            for (String f : List.of("trueRoi", "roi", "roiBias", "roiRmse", "trueShare", "share", "shareBias",
                    "shareRmse")) {
                assertTrue(c.get(f).isNumber(), c.get("name") + "." + f);
            }
            double cov = c.get("coverage90").asDouble(-1);
            assertTrue(c.get("coverage90").isNumber() && cov >= 0 && cov <= 1, "ridge gives bootstrap intervals: " + c);
        }
        assertEquals(3, json.get("replicateResults").size());
    }

    @Test
    void progressCountsTheReplicates(@TempDir Path dir) {
        SynthCommandTest.Run r = SynthCommandTest.run("recover", "--preset", "easy", "--replicates", "2", "--threads",
                "2", "--progress", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("replicate 2 of 2") && r.err().contains("100%"), r.err());
    }

    @Test
    void resultsAreIdenticalForOneAndTwoThreads(@TempDir Path dir) throws IOException {
        for (String t : List.of("1", "2")) {
            SynthCommandTest.Run r = SynthCommandTest.run("recover", "--preset", "easy", "--replicates", "3",
                    "--threads", t, "--out", dir.resolve(t).toString());
            assertEquals(0, r.exit(), r.err());
        }
        assertEquals(Files.readString(dir.resolve("1/recovery.json")), Files.readString(dir.resolve("2/recovery.json")));
    }

    @Test
    void unknownModelAndBadCountsAreBadInput(@TempDir Path dir) {
        SynthCommandTest.Run m = SynthCommandTest.run("recover", "--model", "magic", "--out", dir.toString());
        assertEquals(2, m.exit());
        assertEquals("mmm: --model magic is not available; choose one of [bayes, nnls, ridge]", m.err().strip());
        SynthCommandTest.Run z = SynthCommandTest.run("recover", "--replicates", "0", "--out", dir.toString());
        assertEquals(2, z.exit());
        assertTrue(z.err().contains("--replicates 0 is out of range: from 1 to 1000 replicates"), z.err());
        SynthCommandTest.Run p = SynthCommandTest.run("recover", "--preset", "nope", "--out", dir.toString());
        assertEquals(2, p.exit());
        assertEquals(1, p.err().strip().lines().count(), p.err());
    }

    @Test
    void acceptsTheBayesianModelAndTheSearch(@TempDir Path dir) throws IOException {
        SynthCommandTest.Run b = SynthCommandTest.run("recover", "--preset", "easy", "--model", "bayes",
                "--bayes-draws", "60", "--replicates", "1", "--out", dir.resolve("b").toString());
        assertEquals(0, b.exit(), b.err());
        assertTrue(b.out().contains("by bayes") && b.out().contains("width90"), b.out());
        SynthCommandTest.Run s = SynthCommandTest.run("recover", "--preset", "easy", "--search", "--trials", "1",
                "--iterations", "60", "--replicates", "1", "--out", dir.resolve("s").toString());
        assertEquals(0, s.exit(), s.err());
        assertTrue(s.out().contains("by ridge+search"), s.out());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("s/recovery.json").toFile());
        assertTrue(json.get("channels").get(0).get("meanWidth").asDouble() > 0);
        SynthCommandTest.Run both = SynthCommandTest.run("recover", "--model", "bayes", "--search", "--out",
                dir.toString());
        assertEquals(2, both.exit());
    }

    @Test
    void brandRegionPresetReportsCellsBrandsRegionsTotalsAndElasticities(@TempDir Path dir) throws IOException {
        for (String t : List.of("1", "2")) {
            SynthCommandTest.Run r = SynthCommandTest.run("recover", "--preset", "brand-region", "--brands", "2",
                    "--regions", "2", "--weeks", "60", "--replicates", "2", "--threads", t, "--out",
                    dir.resolve(t).toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("per-cell 90% coverage") && r.out().contains("price elasticity per brand")
                    && r.out().contains("elasticity intervals holding the truth 0 of 0 (4 of 4 brand fits gave none)"),
                    r.out());
        }
        assertEquals(Files.readString(dir.resolve("1/recovery.json")), Files.readString(dir.resolve("2/recovery.json")));
        JsonNode json = JSON.readTree(dir.resolve("1/recovery.json").toFile());
        assertEquals("brand-region", json.get("scenario").asText());
        assertEquals(2, json.get("config").get("brands").asInt());
        assertEquals(4 * 4, json.get("levels").size());
        JsonNode summary = json.get("summary");
        // ridge pools each channel's effect over cells, so it reports no per-cell interval (it cannot say how much
        // cells differ); the totals keep theirs
        assertEquals(0, summary.get("cellIntervals").asInt(), "a pooled model gives cells no interval");
        assertTrue(json.get("levels").get(0).get("coverage90").isNumber(), json.get("levels").get(0).toString());
        assertEquals(0, summary.get("pointsOutside").asInt());
        assertTrue(summary.get("meanAbsTotalError").isNumber());
        // nor, where the brands' media effects differ (the preset's scale with the brand's level), a brand's
        // elasticity: its baseline is what the shared media effect leaves
        assertEquals(0, summary.get("elasticityIntervals").asInt());
        JsonNode units = json.get("replicateResults").get(0).get("units");
        assertEquals(1 + 2 + 2 + 4, units.size());
        assertEquals("alpha / r01", units.get(6).get("name").asText());
        assertEquals(2, json.get("elasticities").size());

        SynthCommandTest.Run bad = SynthCommandTest.run("recover", "--preset", "brand-region", "--regions", "0",
                "--out", dir.resolve("bad").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("mmm: --regions 0 is out of range"), bad.err());
        assertTrue(Files.notExists(dir.resolve("bad")));
        SynthCommandTest.Run ignored = SynthCommandTest.run("recover", "--preset", "geo", "--brands", "2",
                "--replicates", "1", "--out", dir.resolve("geo").toString());
        assertEquals(2, ignored.exit());
        assertEquals("mmm: --brands 2 applies only to --preset brand-region; the preset 'geo' sets its own sizes",
                ignored.err().strip());
        assertTrue(Files.notExists(dir.resolve("geo")));
        SynthCommandTest.Run sdRidge = SynthCommandTest.run("recover", "--preset", "brand-region", "--model", "ridge",
                "--geo-effect-sd", "0.3", "--replicates", "1", "--out", dir.resolve("sd").toString());
        assertEquals(2, sdRidge.exit());
        assertEquals("mmm: --geo-effect-sd is for --model bayes; ridge and NNLS pool each channel's effect over cells",
                sdRidge.err().strip());
        SynthCommandTest.Run sdBad = SynthCommandTest.run("recover", "--preset", "brand-region", "--model", "bayes",
                "--geo-effect-sd", "-0.5", "--replicates", "1", "--out", dir.resolve("sd").toString());
        assertEquals(2, sdBad.exit());
        assertEquals("mmm: --geo-effect-sd -0.5 must be finite and >= 0", sdBad.err().strip());
        SynthCommandTest.Run national = SynthCommandTest.run("recover", "--preset", "easy", "--model", "bayes",
                "--geo-effect-sd", "0.3", "--replicates", "1", "--out", dir.resolve("sd").toString());
        assertEquals(2, national.exit());
        assertEquals("mmm: --geo-effect-sd 0.3 applies to panels; the scenario 'easy' has one geo",
                national.err().strip());
        assertTrue(Files.notExists(dir.resolve("sd")));
    }

    @Test
    void geoEffectSdReachesTheBayesianModel(@TempDir Path dir) throws Exception {
        // two cells, short chains: the option must switch the per-cell effects off (0 pools them: no cell interval)
        List<String> base = List.of("recover", "--preset", "brand-region", "--brands", "2", "--regions", "1", "--weeks",
                "30", "--brand-sd", "0", "--cell-sd", "0", "--model", "bayes", "--bayes-draws", "60",
                "--replicates", "1");
        List<String> pooled = new java.util.ArrayList<>(base);
        pooled.addAll(List.of("--geo-effect-sd", "0", "--out", dir.resolve("p").toString()));
        SynthCommandTest.Run p = SynthCommandTest.run(pooled.toArray(String[]::new));
        assertEquals(0, p.exit(), p.err());
        List<String> hier = new java.util.ArrayList<>(base);
        hier.addAll(List.of("--out", dir.resolve("h").toString()));
        SynthCommandTest.Run h = SynthCommandTest.run(hier.toArray(String[]::new));
        assertEquals(0, h.exit(), h.err());
        JsonNode pj = JSON.readTree(dir.resolve("p/recovery.json").toFile());
        JsonNode hj = JSON.readTree(dir.resolve("h/recovery.json").toFile());
        assertEquals("bayes+geo-effect-sd=0.0", pj.get("model").asText());
        assertEquals("bayes", hj.get("model").asText());
        assertEquals(0, pj.get("summary").get("cellIntervals").asInt(), pj.get("summary").toString());
        assertEquals(2 * 4, hj.get("summary").get("cellIntervals").asInt(), hj.get("summary").toString());
        assertEquals(0.0, hj.get("config").get("cellSd").asDouble());
    }
}
