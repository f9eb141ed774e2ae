package io.github.mmm4j.auto.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mmm4j.auto.AnalysisResult;
import io.github.mmm4j.auto.Check;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.optimize.Allocation;
import io.github.mmm4j.optimize.BudgetConstraints;
import io.github.mmm4j.optimize.BudgetOptimizer;
import io.github.mmm4j.optimize.Objective;
import io.github.mmm4j.optimize.PlanningModel;
import io.github.mmm4j.optimize.shapley.Shapley;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AnalysisResult result;
    static ReportInput full;
    static Path dir;
    static List<Path> files;

    @BeforeAll
    static void writeTheDemoReport(@TempDir Path tmp) {
        result = Fixtures.demo();
        FittedModel primary = result.bestRound().models().get(0);
        Allocation allocation = BudgetOptimizer.optimize(PlanningModel.of(primary, 13), BudgetConstraints.none(),
                Objective.maximizeKpi());
        full = ReportInput.of(result, 42, "demo data")
                .withShapley(OptimizerRows.shapley(Shapley.of(primary, 1)))
                .withPlan(OptimizerRows.plan(allocation));
        dir = tmp.resolve("out");
        files = Reporter.write(full, dir);
    }

    @Test
    void writesTheFiveFilesAndNoTemporaryFile() throws IOException {
        assertEquals(List.of(dir.resolve("report.md"), dir.resolve("report.html"), dir.resolve("results.json"),
                dir.resolve("report.xlsx"), dir.resolve("report.pptx")), files);
        for (Path p : files) {
            assertTrue(Files.size(p) > 0, p.toString());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(5, s.count(), "no temporary file is left behind");
        }
    }

    @Test
    void resultsJsonKeepsTheFitFieldsAndAddsTheAnalysis() throws IOException {
        JsonNode j = JSON.readTree(dir.resolve("results.json").toFile());
        FittedModel primary = result.bestRound().models().get(0);
        assertEquals(primary.estimator(), j.get("model").asText());
        assertEquals("sales", j.get("kpi").asText());
        assertEquals(42, j.get("seed").asLong());
        assertTrue(j.get("version").isTextual());
        for (String split : List.of("train", "test")) {
            for (String f : List.of("r2", "mape", "nrmse")) {
                assertTrue(j.get("metrics").get(split).get(f).isNumber(), split + "." + f);
            }
        }
        JsonNode channels = j.get("channels");
        assertEquals(primary.channels().size(), channels.size());
        for (int c = 0; c < channels.size(); c++) {
            JsonNode ch = channels.get(c);
            assertEquals(primary.channels().get(c).name(), ch.get("name").asText());
            for (String f : List.of("spend", "contribution", "share", "roi", "roi_lower", "roi_upper", "mroi")) {
                assertTrue(ch.get(f).isNumber(), f);
            }
            assertEquals(primary.channels().get(c).roi(), ch.get("roi").asDouble());
        }
        assertEquals(result.verdict().name(), j.get("verdict").asText());
        assertEquals(result.profile().readiness(), j.get("readiness").get("score").asInt());
        assertEquals(result.profile().reasons().size(), j.get("readiness").get("reasons").size());

        JsonNode rounds = j.get("rounds");
        assertEquals(result.rounds().size(), rounds.size());
        for (int i = 0; i < rounds.size(); i++) {
            JsonNode r = rounds.get(i);
            assertEquals(i + 1, r.get("number").asInt());
            assertTrue(r.has("change") && r.has("reason"));
            assertEquals(result.rounds().get(i).critique().verdict().name(), r.get("verdict").asText());
            JsonNode checks = r.get("checks");
            assertEquals(result.rounds().get(i).critique().checks().size(), checks.size());
            for (JsonNode c : checks) {
                assertTrue(c.get("name").isTextual() && c.get("passed").isBoolean() && c.get("blocking").isBoolean()
                        && c.get("evidence").isTextual());
            }
            JsonNode models = r.get("models");
            assertEquals(result.rounds().get(i).models().size(), models.size());
            assertTrue(models.get(0).get("channels").get(0).get("roi").isNumber());
        }
        assertTrue(rounds.get(0).get("change").isNull(), "round 1 has no change");

        assertEquals(primary.channels().size(), j.get("consensus").size());
        assertTrue(j.get("consensus").get(0).get("agreement").isTextual());
        List<Check> failed = result.failedChecks();
        assertEquals(failed.size(), j.get("failed_checks").size());
        for (int i = 0; i < failed.size(); i++) {
            assertEquals(failed.get(i).name(), j.get("failed_checks").get(i).get("name").asText());
        }
        assertEquals(primary.channels().size(), j.get("shapley").size());
        assertTrue(j.get("shapley").get(0).get("value").isNumber());
        JsonNode plan = j.get("plan");
        assertEquals(13, plan.get("periods").asInt());
        assertEquals(primary.channels().size(), plan.get("channels").size());
        for (String f : List.of("current_spend", "optimal_spend", "expected_contribution", "lower", "upper")) {
            assertTrue(plan.get("channels").get(0).has(f), f);
        }
        assertEquals(156, j.get("series").get("dates").size());
        assertEquals(primary.channels().size(), j.get("response_curves").size());
    }

    @Test
    void sameInputGivesByteIdenticalResultsAndMarkdown(@TempDir Path other) throws IOException {
        Reporter.write(full, other);
        for (String f : List.of("results.json", "report.md")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(other.resolve(f)), f);
        }
    }

    @Test
    void markdownLeadsWithAPlainHeadlineAndShowsTheAppendixAndEveryFailedCheck() throws IOException {
        String md = Files.readString(dir.resolve("report.md"));
        String[] lines = md.split("\n");
        assertEquals("# Marketing mix report: sales", lines[0]);
        String headline = lines[2];
        assertTrue(headline.startsWith("**") && headline.contains("Confidence is"), headline);
        for (FittedModel m : result.bestRound().models()) {
            assertFalse(headline.toLowerCase().contains(m.estimator()), "no model name in the headline: " + headline);
        }
        for (String h : List.of("## What to do", "## How confident", "## Why", "## Warnings",
                "## Technical appendix", "### Shapley contributions", "### ROI and marginal ROI by model",
                "### Response curves", "### Recommended budget", "### Round-by-round history",
                "### Data readiness: " + result.profile().readiness() + " of 5")) {
            assertTrue(md.contains("\n" + h + "\n"), h);
        }
        for (Check c : result.failedChecks()) {
            assertTrue(md.contains("| " + Markdown.escape(c.name()) + " | " + (c.blocking() ? "blocking" : "advisory")
                    + " | " + Markdown.escape(c.evidence()) + " |"), c.name());
        }
        for (String reason : result.profile().reasons()) {
            assertTrue(md.contains(Markdown.escape(reason)), reason);
        }
    }

    @Test
    void htmlIsSelfContainedWithInlinePngCharts() throws IOException {
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("http://") || html.contains("https://"), "no network address");
        assertFalse(html.toLowerCase().contains("<script"), "no script");
        assertFalse(html.toLowerCase().contains("<link"), "no linked resource");
        assertFalse(html.toLowerCase().contains("url("), "no CSS resource");
        Matcher m = Pattern.compile("<img src=\"([^\"]*)\"").matcher(html);
        List<String> srcs = new ArrayList<>();
        while (m.find()) {
            srcs.add(m.group(1));
        }
        int channels = result.bestRound().models().get(0).channels().size();
        assertEquals(9 + channels, srcs.size(), "nine charts plus a response curve per channel");
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        for (String src : srcs) {
            assertTrue(src.startsWith("data:image/png;base64,"), src.substring(0, Math.min(40, src.length())));
            byte[] png = Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()));
            assertArrayEquals(magic, java.util.Arrays.copyOf(png, 8));
        }
        assertTrue(html.contains("Content-Security-Policy"));
    }

    @Test
    void aCustomNarratorsTextIsWhatTheReportsSay(@TempDir Path out) throws IOException {
        Narrator custom = f -> new Narrative("Custom title for " + f.kpi(), "Custom headline: confidence "
                + f.confidence(), List.of(new Narrative.Section("From the plug-in",
                        List.of("Written by a custom narrator about " + f.channels().size() + " channels."),
                        List.of())));
        Reporter.write(ReportInput.of(result, 42, "demo data"), out, custom);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.startsWith("# Custom title for sales\n"), md.substring(0, 60));
        assertTrue(md.contains("Custom headline: confidence"));
        assertTrue(md.contains("## From the plug-in\n\nWritten by a custom narrator about 4 channels."));
        assertFalse(md.contains("## What to do"), "the standard narrator's text is replaced");
        assertTrue(md.contains("## Technical appendix"), "the appendix stays");
        assertTrue(md.contains("The budget optimizer was not run for this report."));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<title>Custom title for sales</title>"));
        JsonNode j = JSON.readTree(out.resolve("results.json").toFile());
        assertTrue(j.get("headline").asText().startsWith("Custom headline"));
        assertTrue(j.get("shapley").isNull() && j.get("plan").isNull());
    }
}
