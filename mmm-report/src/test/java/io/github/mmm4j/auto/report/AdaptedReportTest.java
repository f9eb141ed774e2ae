package io.github.mmm4j.auto.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mmm4j.auto.AnalysisResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An analysis scaled down to its data's size says so at the top of the report, in its history and in results.json. */
class AdaptedReportTest {

    @Test
    void theScalingIsSaidInEveryFormat(@TempDir Path dir) throws IOException {
        AnalysisResult full = Fixtures.demo();
        assertTrue(full.adaptations().isEmpty(), "the demo's data keeps every default");
        List<String> notes = List.of("ridge: 50 bootstrap replicates instead of 200 (19,974 training rows x 50 "
                + "channels)", "at most 2 rounds instead of 4 (19,974 training rows x 50 channels)");
        AnalysisResult r = new AnalysisResult(full.data(), full.profile(), full.rounds(), full.best(),
                full.stopReason(), full.primary(), full.primaryReason(), notes);
        Reporter.write(ReportInput.of(r, 42, "demo"), dir.resolve("adapted"));
        Reporter.write(ReportInput.of(full, 42, "demo"), dir.resolve("full"));
        String md = Files.readString(dir.resolve("adapted/report.md"));
        int top = md.indexOf("This data is large, so the analysis was scaled down");
        assertTrue(top > 0 && top < md.indexOf("## "), "said before the first section");
        assertTrue(md.contains("Scaled down to the data's size"), "said in the history");
        for (String n : notes) {
            assertTrue(md.contains(n), n);
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("adapted/results.json").toFile());
        assertEquals(notes.get(0), json.get("adapted_to_size").get(0).asText());
        assertEquals(2, json.get("adapted_to_size").size());
        assertTrue(Files.readString(dir.resolve("adapted/report.html")).contains("scaled down"));
        String plain = Files.readString(dir.resolve("full/report.md"));
        assertFalse(plain.contains("scaled down") || plain.contains("Scaled down"));
        assertEquals(0, new ObjectMapper().readTree(dir.resolve("full/results.json").toFile()).get("adapted_to_size")
                .size());
    }
}
