package io.github.mmm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static Path shared(String relative) {
        String root = System.getProperty("mmm4j.root", ".");
        return Path.of(root).resolve("../shared").resolve(relative).normalize();
    }

    @Test
    void demoWritesResultsWithTheDocumentedFields(@TempDir Path dir) throws IOException {
        Run r = run("demo", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("channel") && r.out().contains("ROI"), r.out());
        JsonNode json = JSON.readTree(dir.resolve("results.json").toFile());
        assertEquals(json.get("primary_model").asText(), json.get("model").asText());
        assertEquals("bayes", json.get("model").asText(), json.get("primary_reason").asText());
        assertEquals("sales", json.get("kpi").asText());
        assertEquals(42, json.get("seed").asLong());
        assertFalse(json.get("version").asText().isEmpty());
        for (String part : List.of("train", "test")) {
            JsonNode m = json.get("metrics").get(part);
            for (String f : List.of("r2", "mape", "nrmse")) {
                assertTrue(m.get(f).isNumber(), part + "." + f);
            }
        }
        JsonNode channels = json.get("channels");
        assertEquals(4, channels.size());
        double shares = 0;
        for (JsonNode c : channels) {
            for (String f : List.of("spend", "contribution", "share", "roi")) {
                assertTrue(c.get(f).isNumber(), c + " " + f);
            }
            assertEquals(c.get("contribution").asDouble() / c.get("spend").asDouble(), c.get("roi").asDouble(),
                    1e-9 * Math.abs(c.get("roi").asDouble()));
            shares += c.get("share").asDouble();
        }
        assertEquals(1.0, shares, 1e-9);
        String report = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(report.startsWith("# Marketing mix report: sales"), report);
        for (String f : List.of("report.html", "report.xlsx", "report.pptx", "simulator.html", "model.json", "plan.json")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        // the demo's primary model is Bayesian: its report shows each channel's ROI trace and prior against posterior
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        for (int c = 0; c < channels.size(); c++) {
            assertTrue(html.contains("<figure id=\"fig-trace-" + c + "\">"), "trace " + c);
            assertTrue(html.contains("<figure id=\"fig-prior-" + c + "\">"), "prior against posterior " + c);
        }
        assertNoTempFiles(dir);
    }

    @Test
    void demoIsReproducible(@TempDir Path a, @TempDir Path b) throws IOException {
        assertEquals(0, run("demo", "--out", a.toString()).exit());
        assertEquals(0, run("demo", "--out", b.toString()).exit());
        assertEquals(Files.readString(a.resolve("results.json")), Files.readString(b.resolve("results.json")));
    }

    @Test
    void badCellExitsTwoWithOneLineNamingLineAndColumn(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "date,y,x1\n2020-01-06,1,2\n2020-01-13,abc,3\n2020-01-20,2,2\n");
        Run r = run("fit", csv.toString(), "--kpi", "y", "--channels", "x1", "--out", dir.resolve("o").toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("bad.csv, line 3, column 2 ('y'): value 'abc' is not a number"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
        assertFalse(Files.exists(dir.resolve("o")), "nothing written on bad input");
    }

    @Test
    void verbosePrintsTheStackTrace(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "date,y,x1\n2020-01-06,1,-2\n2020-01-13,1,3\n");
        Run r = run("fit", csv.toString(), "--kpi", "y", "--channels", "x1", "--verbose");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("\tat "), r.err());
        assertTrue(r.err().contains("line 2, column 3 ('x1'): value '-2' is negative"), r.err());
    }

    @Test
    void missingFileAndMissingColumnAndUnknownModelAreBadInput(@TempDir Path dir) throws IOException {
        Run r = run("fit", dir.resolve("nope.csv").toString(), "--kpi", "y");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("nope.csv: file not found"), r.err());

        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "date,y,tv_spend\n2020-01-06,1,2\n2020-01-13,1,3\n");
        Run m = run("fit", csv.toString(), "--kpi", "sales");
        assertEquals(2, m.exit());
        assertTrue(m.err().contains("missing required KPI column 'sales'; columns found: [date, y, tv_spend]"),
                m.err());
        Run u = run("fit", csv.toString(), "--kpi", "y", "--model", "magic");
        assertEquals(2, u.exit());
        assertTrue(u.err().contains("--model magic is not available"), u.err());
    }

    @Test
    void fitsThePymcExampleWithPositiveRoiForBothChannels(@TempDir Path dir) throws IOException {
        Path csv = shared("data/pymc_mmm_example/mmm_example.csv");
        assumeTrue(Files.exists(csv), "skipped: " + csv + " not found (../shared data absent)");
        Run r = run("fit", csv.toString(), "--kpi", "y", "--date", "date_week", "--channels", "x1,x2",
                "--events", "event_1,event_2", "--holdout", "12", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode json = JSON.readTree(dir.resolve("results.json").toFile());
        assertEquals(2, json.get("channels").size());
        for (JsonNode c : json.get("channels")) {
            assertTrue(c.get("roi").asDouble() > 0, c.toString());
        }
        assertTrue(json.get("metrics").get("test").get("mape").asDouble() < 0.5, json.get("metrics").toString());
    }

    @Test
    void fitsRobynsDemoDataWithItsMediaOrganicAndCategoricalEventColumns(@TempDir Path dir) throws IOException {
        Path csv = shared("data/robyn_simulated_weekly/dt_simulated_weekly.csv");
        assumeTrue(Files.exists(csv), "skipped: " + csv + " not found (../shared data absent)");
        for (String model : List.of("ridge", "nnls")) {
            Path out = dir.resolve(model);
            Run r = run("fit", csv.toString(), "--kpi", "revenue", "--date", "DATE",
                    "--channels", "tv_S,ooh_S,print_S,facebook_S,search_S",
                    "--exposure", "facebook_S=facebook_I,search_S=search_clicks_P",
                    "--controls", "competitor_sales_B", "--organic", "newsletter", "--events", "events",
                    "--holdout", "12", "--model", model, "--out", out.toString());
            assertEquals(0, r.exit(), r.err());
            JsonNode json = JSON.readTree(out.resolve("results.json").toFile());
            assertEquals(model, json.get("model").asText());
            assertEquals(208, json.get("data").get("periods").asInt());
            assertEquals(5, json.get("channels").size());
            assertTrue(json.get("metrics").get("test").get("r2").isNumber());
            assertTrue(json.get("collinearity").get("vif").has("newsletter"));
            assertTrue(json.get("collinearity").get("vif").has("events_event1"));
            for (JsonNode c : json.get("channels")) {
                assertTrue(c.get("roi_lower").asDouble() <= c.get("roi_upper").asDouble(), c.toString());
            }
            assertTrue(Files.exists(out.resolve("model.json")));
        }
    }

    @Test
    void searchTunesTheTransformsAndRecordsTheParetoFront(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("demo.csv");
        io.github.mmm4j.core.MmmCsv.write(io.github.mmm4j.synthetic.DemoData.generate(42), csv);
        Run r = run("fit", csv.toString(), "--kpi", "sales", "--channels", "tv,search,social,display",
                "--controls", "price", "--events", "promo", "--holdout", "13", "--search", "--trials", "2",
                "--iterations", "300", "--out", dir.resolve("s").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err(), "no progress bar without a terminal or --progress");
        JsonNode json = JSON.readTree(dir.resolve("s/results.json").toFile());
        JsonNode search = json.get("search");
        assertEquals(600, search.get("evaluations").asLong());
        assertTrue(search.get("front_size").asInt() >= search.get("front").size());
        assertTrue(search.get("front").size() <= Results.MAX_FRONT);
        assertTrue(search.get("selected").get("nrmse").isNumber());
        for (JsonNode c : json.get("channels")) {
            assertTrue(c.get("roi").asDouble() >= 0, "media are non-negative after a search: " + c);
        }
        Run again = run("fit", csv.toString(), "--kpi", "sales", "--channels", "tv,search,social,display",
                "--controls", "price", "--events", "promo", "--holdout", "13", "--search", "--trials", "2",
                "--iterations", "300", "--out", dir.resolve("s2").toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(Files.readString(dir.resolve("s/results.json")), Files.readString(dir.resolve("s2/results.json")),
                "same seed, same search, same bytes");
    }

    @Test
    void bayesFitWritesDiagnosticsAndCredibleIntervalsAndTakesLiftTests(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("demo.csv");
        io.github.mmm4j.core.MmmCsv.write(io.github.mmm4j.synthetic.DemoData.generate(42), csv);
        Path lift = dir.resolve("lift.csv");
        Files.writeString(lift, "channel,start,end,spend_change,lift,lift_se\n"
                + "tv,2024-03-04,2024-03-25,50000,80000,20000\n");
        Run r = run("fit", csv.toString(), "--kpi", "sales", "--channels", "tv,search,social,display",
                "--controls", "price", "--events", "promo", "--model", "bayes", "--chains", "2", "--warmup", "150",
                "--draws", "150", "--lift-tests", lift.toString(), "--max-tree-depth", "8", "--target-accept", "0.95",
                "--out", dir.resolve("b").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode options = JSON.readTree(dir.resolve("b/model.json").toFile()).get("provenance").get("options");
        assertEquals("8", options.get("maxTreeDepth").asText(), options.toString());
        assertEquals("0.95", options.get("targetAccept").asText(), options.toString());
        JsonNode json = JSON.readTree(dir.resolve("b/results.json").toFile());
        assertEquals("bayes", json.get("model").asText());
        JsonNode d = json.get("diagnostics");
        assertTrue(d.get("rhat_max").isNumber() && d.get("ess_bulk_min").isNumber() && d.get("divergences").isInt(),
                d.toString());
        for (JsonNode c : json.get("channels")) {
            assertTrue(c.get("roi_lower").asDouble() <= c.get("roi").asDouble()
                    && c.get("roi").asDouble() <= c.get("roi_upper").asDouble() + 1e-9, c.toString());
            // how much of the ROI the data set; the console names the prior-led channels with their weight
            double w = c.get("roi_data_weight").asDouble();
            assertTrue(c.get("roi_data_weight").isNumber() && w >= 0 && w <= 1, c.toString());
            String named = c.get("name").asText()
                    + String.format(java.util.Locale.ROOT, " (data %.0f%%)", Math.floor(100 * w));
            assertEquals(w < io.github.mmm4j.models.SamplerDiagnostics.PRIOR_LED_WEIGHT, r.out().contains(named),
                    named + " in " + r.out());
        }
        assertTrue(Files.size(dir.resolve("b/model.json")) > 0);
        // the experiment against the model's prediction, on the console and in results.json
        JsonNode x = json.get("experiments").get(0);
        assertEquals("tv", x.get("channel").asText());
        assertEquals(80000, x.get("lift").asDouble());
        double predicted = x.get("predicted").asDouble();
        assertTrue(x.get("predicted_lower").asDouble() <= predicted && predicted <= x.get("predicted_upper").asDouble(),
                x.toString());
        assertEquals(Math.abs(predicted - 80000) <= 2 * 20000, x.get("consistent").asBoolean(), x.toString());
        assertTrue(r.out().contains("Experiments: the measured lift against the model's prediction")
                && r.out().contains("  tv test 2024-03-04 to 2024-03-25: measured 80,000 (se 20,000), predicted "),
                r.out());
        assertTrue(options.get("liftTests").asText().startsWith("[tv 2024-03-04 to 2024-03-25: spend change 50000, "
                + "lift 80000 (se 20000)"), options.toString());

        Run notBayes = run("fit", csv.toString(), "--kpi", "sales", "--channels", "tv,search,social,display",
                "--lift-tests", lift.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, notBayes.exit());
        assertTrue(notBayes.err().contains("--lift-tests needs --model bayes"), notBayes.err());

        Files.writeString(lift, "channel,start,end,spend_change,lift,lift_se\ntv,2024-03-04,2024-03-25,x,1,1\n");
        Run badLift = run("fit", csv.toString(), "--kpi", "sales", "--channels", "tv,search,social,display",
                "--model", "bayes", "--lift-tests", lift.toString(), "--out", dir.resolve("y").toString());
        assertEquals(2, badLift.exit());
        assertTrue(badLift.err().contains("lift.csv, line 2"), badLift.err());
    }

    private static void assertNoTempFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}
