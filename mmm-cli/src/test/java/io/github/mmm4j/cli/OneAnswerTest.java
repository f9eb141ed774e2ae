package io.github.mmm4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mmm4j.core.MmmCsv;
import io.github.mmm4j.core.OutputSet;
import io.github.mmm4j.synthetic.DemoData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One analysis, one answer: the demo's console table, {@code results.json} and {@code report.md} report the same
 * primary model's ROI for every channel, and {@code predict} on the demo's {@code model.json} gives back exactly the
 * decomposition the demo wrote.
 */
class OneAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static CliTest.Run demo;
    static JsonNode results;

    @BeforeAll
    static void runDemo() throws IOException {
        demo = CliTest.run("demo", "--out", dir.resolve("demo").toString());
        assertEquals(0, demo.exit(), demo.err());
        results = JSON.readTree(dir.resolve("demo/results.json").toFile());
    }

    @Test
    void consoleResultsAndReportGiveTheSamePrimaryRoi() throws IOException {
        String primary = results.get("primary_model").asText();
        assertEquals(primary, results.get("model").asText());
        assertTrue(demo.out().contains("| " + primary + " model of"), demo.out());
        String report = Files.readString(dir.resolve("demo/report.md"), StandardCharsets.UTF_8);
        for (JsonNode c : results.get("channels")) {
            String name = c.get("name").asText();
            double roi = c.get("roi").asDouble();
            // console: the channel's row of the fit table, ROI with three decimals
            Matcher row = Pattern.compile("(?m)^" + Pattern.quote(name)
                    + "\\s+[0-9.,]+\\s+[0-9.,-]+\\s+[0-9.]+%\\s+(-?[0-9.]+)\\s+\\[").matcher(demo.out());
            assertTrue(row.find(), "no console row for " + name + " in\n" + demo.out());
            assertEquals(roi, Double.parseDouble(row.group(1)), 0.0005 + 1e-12, name + " on the console");
            // report prose: "Each unit spent brought back about X"
            Matcher prose = Pattern.compile("(?m)^- " + Pattern.quote(name)
                    + ":.*brought back about (-?[0-9.,]+)").matcher(report);
            assertTrue(prose.find(), "no prose for " + name);
            assertEquals(roi, Double.parseDouble(prose.group(1).replace(",", "")), 0.005 + 1e-12, name + " in prose");
            // report table of models: the primary model's row
            Matcher table = Pattern.compile("(?m)^\\| " + Pattern.quote(name) + " \\| " + Pattern.quote(primary)
                    + " \\|[^|]*\\|[^|]*\\|[^|]*\\| (-?[0-9.,]+) \\|").matcher(report);
            assertTrue(table.find(), "no table row for " + name);
            assertEquals(roi, Double.parseDouble(table.group(1).replace(",", "")), 0.0005 + 1e-12, name + " in table");
            // the interval holds the point
            assertTrue(c.get("roi_lower").asDouble() <= roi && roi <= c.get("roi_upper").asDouble(), name);
        }
    }

    @Test
    void priorLedChannelsAreTheOnesWhoseBayesianRoiTheDataSetLeast() throws IOException {
        int best = results.get("best_round").asInt();
        JsonNode bayes = null;
        for (JsonNode r : results.get("rounds")) {
            for (JsonNode m : r.get("models")) {
                if (r.get("number").asInt() == best && m.get("model").asText().equals("bayes")) {
                    bayes = m;
                }
            }
        }
        assertTrue(bayes != null, "the demo fits the Bayesian model");
        String html = Files.readString(dir.resolve("demo/report.html"), StandardCharsets.UTF_8);
        boolean primaryBayes = results.get("primary_model").asText().equals("bayes");
        for (JsonNode c : bayes.get("channels")) {
            String name = c.get("name").asText();
            double w = c.get("roi_data_weight").asDouble();
            assertTrue(c.get("roi_data_weight").isNumber() && w >= 0 && w <= 1, c.toString());
            boolean noted = false;
            for (JsonNode cc : results.get("consensus")) {
                if (cc.get("channel").asText().equals(name)) {
                    for (JsonNode reason : cc.get("reasons")) {
                        noted |= reason.asText().startsWith("prior-led: ");
                    }
                }
            }
            assertEquals(w < io.github.mmm4j.models.SamplerDiagnostics.PRIOR_LED_WEIGHT, noted, name + " " + w);
            if (primaryBayes) {
                String caption = String.format(java.util.Locale.ROOT, "Here the data set about %.0f%% of the "
                        + "estimate", Math.floor(100 * w));
                assertTrue(html.contains(caption), name + ": " + caption);
            }
        }
    }

    @Test
    void predictFromTheSavedModelGivesTheSameDecomposition(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("demo.csv");
        MmmCsv.write(DemoData.generate(DemoData.DEFAULT_SEED), csv);
        CliTest.Run p = CliTest.run("predict", "--model", dir.resolve("demo/model.json").toString(), csv.toString(),
                "--out", tmp.resolve("p").toString());
        assertEquals(0, p.exit(), p.err());
        for (String f : List.of("decomposition.csv", "predictions.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("demo").resolve(f)), Files.readAllBytes(tmp.resolve("p")
                    .resolve(f)), f);
        }
    }

    @Test
    void theDemoWritesOneCompleteSet() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("demo"))) {
            List<String> names = s.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(List.of(OutputSet.MANIFEST, "decomposition.csv", "model.json", "plan.json",
                    "predictions.csv", "report.html", "report.md", "report.pptx", "report.xlsx", "results.json",
                    "simulator.html"), names);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().contains("staging")));
        }
    }
}
