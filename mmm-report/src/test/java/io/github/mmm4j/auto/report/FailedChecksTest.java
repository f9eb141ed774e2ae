package io.github.mmm4j.auto.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mmm4j.auto.AnalysisResult;
import io.github.mmm4j.auto.AutoAnalysis;
import io.github.mmm4j.auto.AutoOptions;
import io.github.mmm4j.auto.Check;
import io.github.mmm4j.auto.Round;
import io.github.mmm4j.synthetic.Presets;
import io.github.mmm4j.synthetic.Synthetic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data with a collinear pair and a sparse channel: the report must show every failed check of the best round. */
class FailedChecksTest {

    @Test
    void everyFailedCheckOfTheBestRoundIsInEveryFormat(@TempDir Path dir) throws IOException {
        AnalysisResult r = AutoAnalysis.run(Synthetic.generate(Presets.hard(), 3).data(),
                io.github.mmm4j.auto.AutoOptions.defaults().withEstimators(io.github.mmm4j.auto.AutoOptions.defaultEstimators().subList(0, 2)).withSearchIterations(300).withMaxRounds(1));
        List<Check> failed = r.failedChecks();
        // one round only, so the tuner cannot repair it: ridge gives the confounded search channel a negative effect
        assertFalse(failed.isEmpty(), "the hard preset's first round fails at least the signs check");
        Reporter.write(ReportInput.of(r, 42, "hard preset"), dir);

        String md = Files.readString(dir.resolve("report.md"));
        String html = Files.readString(dir.resolve("report.html"));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertTrue(md.contains("### Failed checks of the best round (round " + r.bestRound().number() + ")"));
        assertEquals(failed.size(), json.get("failed_checks").size());
        for (int i = 0; i < failed.size(); i++) {
            Check c = failed.get(i);
            assertTrue(md.contains("| " + Markdown.escape(c.name()) + " | " + (c.blocking() ? "blocking" : "advisory")
                    + " | " + Markdown.escape(c.evidence()) + " |"), c.name());
            assertTrue(md.contains("Failed check " + Markdown.escape(c.name())), "named in the warnings: " + c.name());
            assertTrue(html.contains(HtmlReport.text(c.evidence())), c.name());
            JsonNode j = json.get("failed_checks").get(i);
            assertEquals(c.name(), j.get("name").asText());
            assertFalse(j.get("passed").asBoolean());
            assertEquals(c.blocking(), j.get("blocking").asBoolean());
            assertEquals(c.evidence(), j.get("evidence").asText());
        }
        for (Round round : r.rounds()) {
            assertTrue(md.contains("\n| " + round.number() + " | "), "round " + round.number() + " in the history");
        }
        assertEquals(r.rounds().size(), json.get("rounds").size());
        for (String reason : r.profile().reasons()) {
            assertTrue(md.contains(Markdown.escape(reason)), reason);
        }
    }
}
