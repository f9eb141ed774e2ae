package io.github.mmm4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./mmm predict} reproduces a fit's own files and predicts new periods with carryover from history. */
class PredictCommandTest {

    static Path small(Path dir) throws IOException {
        Path f = dir.resolve("small.csv");
        try (InputStream in = PredictCommandTest.class.getResourceAsStream("small.csv")) {
            Files.copy(in, f);
        }
        return f;
    }

    static String[] fitArgs(String model, Path data, Path out) {
        List<String> a = new ArrayList<>(List.of("fit", data.toString(), "--kpi", "sales", "--channels",
                "tv_spend,search_spend", "--controls", "price", "--events", "promo", "--model", model, "--holdout",
                "4", "--out", out.toString()));
        if (model.equals("bayes")) {
            a.addAll(List.of("--chains", "2", "--warmup", "150", "--draws", "100"));
        }
        return a.toArray(new String[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ridge", "nnls", "bayes"})
    void predictOnTheFitsDataGivesTheFitsFiles(String model, @TempDir Path tmp) throws IOException {
        Path data = small(tmp);
        CliTest.Run fit = CliTest.run(fitArgs(model, data, tmp.resolve("fit")));
        assertEquals(0, fit.exit(), fit.err());
        // the sampler's convergence is said on the console and in report.md, for the Bayesian model only
        assertEquals(model.equals("bayes"), fit.out().contains("sampler: "), fit.out());
        assertEquals(model.equals("bayes"), Files.readString(tmp.resolve("fit/report.md")).contains("sampler: "));
        CliTest.Run p = CliTest.run("predict", "--model", tmp.resolve("fit/model.json").toString(), data.toString(),
                "--out", tmp.resolve("p").toString());
        assertEquals(0, p.exit(), p.err());
        for (String f : List.of("decomposition.csv", "predictions.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("fit").resolve(f)), Files.readAllBytes(tmp.resolve("p")
                    .resolve(f)), model + " " + f);
        }
        List<String> dec = Files.readAllLines(tmp.resolve("p/decomposition.csv"), StandardCharsets.UTF_8);
        assertTrue(dec.get(0).startsWith("date,baseline,baseline_lower,baseline_upper,"), dec.get(0));
        assertTrue(dec.get(0).endsWith(",predicted,predicted_lower,predicted_upper"), dec.get(0));
        assertTrue(dec.stream().noneMatch(l -> l.contains("E") || l.contains("Infinity") || l.contains("NaN")));
    }

    @Test
    void newPeriodsWithoutTheKpiGetCarryoverFromHistory(@TempDir Path tmp) throws IOException {
        Path data = small(tmp);
        assertEquals(0, CliTest.run(fitArgs("ridge", data, tmp.resolve("fit"))).exit());
        List<String> lines = Files.readAllLines(data, StandardCharsets.UTF_8);
        // four weeks after the history, no KPI column, no media spend
        String last = lines.get(lines.size() - 1).split(",")[0];
        java.time.LocalDate d = java.time.LocalDate.parse(last);
        List<String> next = new ArrayList<>(List.of("date,tv_spend,search_spend,price,promo"));
        for (int i = 1; i <= 4; i++) {
            next.add(d.plusWeeks(i) + ",0,0,10,0");
        }
        Path future = Files.write(tmp.resolve("future.csv"), next, StandardCharsets.UTF_8);
        CliTest.Run p = CliTest.run("predict", "--model", tmp.resolve("fit/model.json").toString(), future.toString(),
                "--out", tmp.resolve("p").toString());
        assertEquals(0, p.exit(), p.err());
        assertTrue(p.out().contains("carryover from"), p.out());
        List<String> pred = Files.readAllLines(tmp.resolve("p/predictions.csv"), StandardCharsets.UTF_8);
        assertEquals(5, pred.size());
        assertTrue(pred.get(1).startsWith(d.plusWeeks(1) + ",,"), pred.get(1));
        List<String> dec = Files.readAllLines(tmp.resolve("p/decomposition.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(dec.get(0).split(","));
        int tv = header.indexOf("tv_spend");
        double first = Double.parseDouble(dec.get(1).split(",")[tv]);
        double fourth = Double.parseDouble(dec.get(4).split(",")[tv]);
        assertTrue(first > 0 && fourth < first, "carryover decays: " + first + " then " + fourth);
    }

    @Test
    void theModelsFolderIsNotOverwritten(@TempDir Path tmp) throws IOException {
        Path data = small(tmp);
        assertEquals(0, CliTest.run(fitArgs("ridge", data, tmp.resolve("fit"))).exit());
        List<String> before = List.of(tmp.resolve("fit").toFile().list());
        for (String command : List.of("predict", "optimize")) {
            List<String> args = new ArrayList<>(List.of(command, "--model", tmp.resolve("fit/model.json").toString()));
            if (command.equals("predict")) {
                args.add(data.toString());
            }
            args.addAll(List.of("--out", tmp.resolve("fit").toString()));
            CliTest.Run r = CliTest.run(args.toArray(new String[0]));
            assertEquals(2, r.exit(), command);
            assertTrue(r.err().contains("is the folder of --model"), r.err());
            assertEquals(before, List.of(tmp.resolve("fit").toFile().list()), command);
        }
    }

    @Test
    void anEventTheAnalysisAddedForAnAnomalyIsRebuiltFromItsDate() {
        io.github.mmm4j.core.MmmDataset d = io.github.mmm4j.synthetic.DemoData.generate(42);
        String date = d.time().date(17).toString();
        double[] e = PredictCommand.generatedEvent("event_" + date, d);
        for (int t = 0; t < d.nPeriods(); t++) {
            assertEquals(t == 17 ? 1.0 : 0.0, e[t], 0.0, "period " + t);
        }
        assertEquals(0.0, java.util.Arrays.stream(PredictCommand.generatedEvent("promo", d)).sum(), 0.0);
    }

    @Test
    void badDataIsExitTwoWithNothingWritten(@TempDir Path tmp) throws IOException {
        Path data = small(tmp);
        assertEquals(0, CliTest.run(fitArgs("ridge", data, tmp.resolve("fit"))).exit());
        Path wrong = Files.writeString(tmp.resolve("wrong.csv"), "date,tv_spend,price,promo\n2022-01-03,1,2,0\n");
        CliTest.Run p = CliTest.run("predict", "--model", tmp.resolve("fit/model.json").toString(), wrong.toString(),
                "--out", tmp.resolve("p").toString());
        assertEquals(2, p.exit());
        assertTrue(p.err().contains("search_spend"), p.err());
        assertTrue(!Files.exists(tmp.resolve("p")));
    }

    @Test
    void goDarkExperimentsAreAcceptedByFitAndAuto(@TempDir Path tmp) throws IOException {
        Path data = small(tmp);
        Path lift = Files.writeString(tmp.resolve("lift.csv"), "channel,start,end,multiplier,spend_change,lift,lift_se\n"
                + "tv_spend,2022-03-07,2022-03-28,0,,-9000,1500\n"
                + "search_spend,2022-05-02,2022-05-23,,300,500,200\n");
        List<String> args = new ArrayList<>(List.of(fitArgs("bayes", data, tmp.resolve("fit"))));
        args.addAll(List.of("--lift-tests", lift.toString()));
        CliTest.Run fit = CliTest.run(args.toArray(new String[0]));
        assertEquals(0, fit.exit(), fit.err());
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "channel,start,end,multiplier,lift,lift_se\n"
                + "radio,2022-03-07,2022-03-28,0,-9000,1500\n");
        CliTest.Run auto = CliTest.run("auto", data.toString(), "--kpi", "sales", "--channels", "tv_spend,search_spend",
                "--lift-tests", bad.toString(), "--out", tmp.resolve("auto").toString());
        assertEquals(2, auto.exit());
        assertTrue(auto.err().contains("bad.csv") && auto.err().contains("radio"), auto.err());
        assertTrue(!Files.exists(tmp.resolve("auto")));
    }

    /**
     * {@code fit} says which channels' ROI rests on the response curve below their lowest regular spend: in
     * {@code small.csv} search is always on (lowest weekly spend 144 against a mean of 517) and tv is off in some
     * weeks. A go-dark test of search, which measures it from zero, takes the note away.
     */
    @Test
    void fitNamesAlwaysOnChannelsUnlessAGoDarkTestMeasuredThem(@TempDir Path tmp) throws IOException {
        Path data = small(tmp);
        CliTest.Run ridge = CliTest.run(fitArgs("ridge", data, tmp.resolve("ridge")));
        assertEquals(0, ridge.exit(), ridge.err());
        String line = ridge.out().lines().filter(l -> l.startsWith("always on: ")).findFirst().orElseThrow();
        assertTrue(line.startsWith("always on: search_spend (") && !line.contains("tv_spend"), line);
        assertTrue(Files.readString(tmp.resolve("ridge/report.md")).contains(line));
        com.fasterxml.jackson.databind.JsonNode channels = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(tmp.resolve("ridge/results.json").toFile()).get("channels");
        assertTrue(channels.get(0).get("below_observed_share").isNumber(), channels.toString());
        assertEquals(0.0, channels.get(0).get("below_observed_share").asDouble());
        double search = channels.get(1).get("below_observed_share").asDouble();
        assertTrue(search >= 0.25 && search <= 1, channels.toString());
        assertTrue(line.contains(String.format(java.util.Locale.ROOT, "(%.0f%%)", 100 * search)), line);

        Path lift = Files.writeString(tmp.resolve("lift.csv"), "channel,start,end,multiplier,lift,lift_se\n"
                + "search_spend,2022-05-02,2022-05-23,0,-1500,400\n");
        List<String> args = new ArrayList<>(List.of(fitArgs("bayes", data, tmp.resolve("bayes"))));
        args.addAll(List.of("--lift-tests", lift.toString()));
        CliTest.Run bayes = CliTest.run(args.toArray(new String[0]));
        assertEquals(0, bayes.exit(), bayes.err());
        assertTrue(bayes.out().lines().noneMatch(l -> l.startsWith("always on: ")), bayes.out());
        // search is still always on in this model: only the go-dark test took the line away
        double bayesSearch = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(tmp.resolve("bayes/results.json").toFile()).get("channels").get(1)
                .get("below_observed_share").asDouble();
        assertTrue(bayesSearch >= 0.25, "search's share in the Bayesian model " + bayesSearch);
    }

    @Test
    void optimizeOnABayesianModelOfTheMmmExampleWritesAllItsFiles(@TempDir Path tmp) {
        Path data = CliTest.shared("data/pymc_mmm_example/mmm_example.csv");
        Assumptions.assumeTrue(Files.exists(data), "../shared/data is absent: " + data);
        CliTest.Run fit = CliTest.run("fit", data.toString(), "--kpi", "y", "--date", "date_week", "--channels",
                "x1,x2", "--controls", "event_1,event_2", "--model", "bayes", "--chains", "2", "--warmup", "300",
                "--draws", "200", "--out", tmp.resolve("fit").toString());
        assertEquals(0, fit.exit(), fit.err());
        CliTest.Run opt = CliTest.run("optimize", "--model", tmp.resolve("fit/model.json").toString(), "--out",
                tmp.resolve("opt").toString());
        assertEquals(0, opt.exit(), opt.err());
        for (String f : List.of("plan.json", "response_curves.csv", "frontier.csv")) {
            assertTrue(Files.isRegularFile(tmp.resolve("opt").resolve(f)), f);
        }
    }
}
