package io.github.mmm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mmm batch}: one model per group, deterministic whatever the threads and row order, failures isolated. */
class BatchCommandTest {

    @TempDir
    static Path dir;
    static String header;
    /** Data rows of three markets, each with its market's value first. */
    static List<String> rows = new ArrayList<>();

    @BeforeAll
    static void makeAPanel() throws IOException {
        List<String> lines = panel(dir);
        header = lines.get(0);
        rows.addAll(lines.subList(1, lines.size()));
    }

    /**
     * Three markets of the {@code easy} preset (seeds 1 to 3) in one long CSV text: a header with a {@code market}
     * column first, then each market's rows.
     *
     * @param dir where the synthetic files are written
     * @return the lines
     */
    static List<String> panel(Path dir) throws IOException {
        String[] markets = {"DE", "FR", "IT"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < markets.length; i++) {
            Path o = dir.resolve("s" + i);
            CliTest.Run r = CliTest.run("synth", "--preset", "easy", "--seed", Integer.toString(i + 1), "--out",
                    o.toString());
            assertEquals(0, r.exit(), r.err());
            List<String> lines = Files.readAllLines(o.resolve("data.csv"));
            if (out.isEmpty()) {
                out.add("market," + lines.get(0));
            }
            for (String l : lines.subList(1, lines.size())) {
                out.add(markets[i] + "," + l);
            }
        }
        return out;
    }

    static Path write(String name, List<String> lines) throws IOException {
        Path p = dir.resolve(name);
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(lines);
        Files.write(p, all);
        return p;
    }

    @Test
    void theRunsOwnMistakesAreFoundOnceBeforeAnyFitAndNothingIsWritten(@TempDir Path tmp) throws IOException {
        Path data = write("mistakes.csv", rows);
        String[][] cases = {
            {"--kpi", "revenue", "--kpi 'revenue': "},
            {"--channels", "tv,search,radio", "--channels 'radio': "},
            {"--channels", "tv,search,social,tv", "--channels names 'tv' twice"},
            {"--holdout", "300", "--holdout 300 leaves fewer than 2 training periods in every group"},
        };
        for (String[] c : cases) {
            List<String> a = new ArrayList<>(List.of("batch", data.toString(), "--by", "market", "--kpi", "sales",
                    "--channels", "tv,search,social", "--bootstrap", "30", "--out", tmp.resolve(c[0]).toString()));
            int i = a.indexOf(c[0]);
            if (i < 0) {
                a.addAll(List.of(c[0], c[1]));
            } else {
                a.set(i + 1, c[1]);
            }
            CliTest.Run r = CliTest.run(a.toArray(new String[0]));
            assertEquals(2, r.exit(), String.join(" ", a) + "\n" + r.err());
            assertTrue(r.err().contains(c[2]), r.err());
            assertEquals(1, r.err().lines().count(), "said once: " + r.err());
            assertFalse(Files.exists(tmp.resolve(c[0])), "nothing written for " + c[0]);
        }
    }

    @Test
    void aBayesianGroupWhoseSamplerDidNotConvergeSaysSo(@TempDir Path tmp) throws IOException {
        List<String> one = rows.stream().filter(r -> r.startsWith("DE,")).toList();
        CliTest.Run r = batch(write("bayes.csv", one), tmp.resolve("o"), "--model", "bayes", "--draws", "10");
        assertEquals(0, r.exit(), r.err());
        String csv = Files.readString(tmp.resolve("o/batch.csv"));
        // 2 chains of 10 warmup iterations and 10 draws cannot reach R-hat 1.01
        assertTrue(csv.contains(",OK,\"sampler not converged (max R-hat "), csv);
        assertTrue(csv.contains("intervals unreliable; give more --draws"), csv);
        // each channel's data weight, and a prior-led channel's message says so
        try (org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVParser.parse(csv,
                org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            int n = 0;
            List<String> led = new ArrayList<>();
            for (org.apache.commons.csv.CSVRecord rec : p) {
                double w = Double.parseDouble(rec.get("roi_data_weight"));
                assertTrue(w >= 0 && w <= 1, rec.toString());
                boolean priorLed = w < io.github.mmm4j.models.SamplerDiagnostics.PRIOR_LED_WEIGHT;
                assertEquals(priorLed, rec.get("message").contains("prior-led: the data set about"), rec.toString());
                if (priorLed) {
                    led.add("market=DE: " + rec.get("channel"));
                }
                n++;
            }
            assertEquals(3, n);
            // the console sums the caveats up, naming the groups and channels, and batch.json counts them
            assertTrue(r.out().contains("  not converged: 1 group (R-hat above 1.01 or divergent transitions), whose "
                    + "intervals are unreliable; give more --draws: market=DE\n"), r.out());
            assertEquals(!led.isEmpty(), r.out().contains("  prior-led: " + led.size() + " channel ROI"), r.out());
            if (!led.isEmpty()) {
                assertTrue(r.out().contains(String.join("; ", led) + "\n"), r.out());
            }
            String json = Files.readString(tmp.resolve("o/batch.json"));
            assertTrue(json.contains("\"not_converged\" : 1") && json.contains("\"prior_led_rois\" : " + led.size()),
                    json);
        }
    }

    static CliTest.Run batch(Path data, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("batch", data.toString(), "--by", "market", "--kpi", "sales",
                "--channels", "tv,search,social", "--bootstrap", "30", "--out", out.toString()));
        a.addAll(List.of(extra));
        return CliTest.run(a.toArray(new String[0]));
    }

    @Test
    void sameBitsForAnyThreadCountRowOrderAndCompanyOfOtherGroups(@TempDir Path tmp) throws IOException {
        CliTest.Run one = batch(write("panel.csv", rows), tmp.resolve("one"), "--threads", "1");
        assertEquals(0, one.exit(), one.err());
        List<String> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(7));
        CliTest.Run two = batch(write("shuffled.csv", shuffled), tmp.resolve("two"), "--threads", "2");
        assertEquals(0, two.exit(), two.err());
        String a = Files.readString(tmp.resolve("one/batch.csv"));
        assertEquals(a, Files.readString(tmp.resolve("two/batch.csv")));
        List<String> lines = a.lines().toList();
        assertEquals("market,channel,spend,contribution,share,roi,roi_lower,roi_upper,mroi,roi_data_weight,status,"
                + "message",
                lines.get(0));
        assertEquals(1 + 3 * 3, lines.size(), "one row per market and channel");
        assertTrue(lines.get(1).startsWith("DE,tv,") && lines.get(1).endsWith(",OK,"), lines.get(1));
        // a group's result does not depend on which other groups ran
        List<String> frOnly = rows.stream().filter(r -> r.startsWith("FR,")).toList();
        CliTest.Run alone = batch(write("fr.csv", frOnly), tmp.resolve("alone"));
        assertEquals(0, alone.exit(), alone.err());
        List<String> fr = lines.stream().filter(l -> l.startsWith("FR,")).toList();
        assertEquals(fr, Files.readString(tmp.resolve("alone/batch.csv")).lines().skip(1).toList());
        // another seed changes the intervals
        CliTest.Run other = batch(write("panel2.csv", rows), tmp.resolve("seed"), "--seed", "7");
        assertEquals(0, other.exit(), other.err());
        assertNotEquals(a, Files.readString(tmp.resolve("seed/batch.csv")));
    }

    @Test
    void aBadGroupFailsAloneAndTheOthersFinish(@TempDir Path tmp) throws IOException {
        List<String> withBad = new ArrayList<>(rows);
        for (String r : rows) {
            if (r.startsWith("DE,")) {
                String[] f = r.split(",", -1);
                f[0] = "XX";
                f[2] = "1000";
                withBad.add(String.join(",", f));
            }
        }
        CliTest.Run r = batch(write("bad.csv", withBad), tmp.resolve("o"), "--per-group");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("4 groups by market, 3 fitted, 1 failed"), r.out());
        assertTrue(r.out().contains("FAILED market=XX: the KPI is constant"), r.out());
        String csv = Files.readString(tmp.resolve("o/batch.csv"));
        assertTrue(csv.contains("XX,,,,,,,,,,FAILED,the KPI is constant"), csv);
        assertEquals(9, csv.lines().filter(l -> l.endsWith(",OK,")).count());
        assertTrue(Files.exists(tmp.resolve("o/groups/DE/model.json")));
        assertFalse(Files.exists(tmp.resolve("o/groups/XX")));
        assertTrue(Files.readString(tmp.resolve("o/batch.json")).contains("\"failed\" : 1"));
    }

    @Test
    void anUnknownByColumnIsBadInputAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("o");
        CliTest.Run r = CliTest.run("batch", write("p.csv", rows).toString(), "--by", "markt", "--kpi", "sales",
                "--channels", "tv,search,social", "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--by 'markt'") && r.err().contains("did you mean 'market'"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void groupSeedsDependOnlyOnTheRunSeedAndTheKey() {
        long a = BatchCommand.groupSeed(42, List.of("DE", "beer"));
        assertEquals(a, BatchCommand.groupSeed(42, List.of("DE", "beer")));
        assertNotEquals(a, BatchCommand.groupSeed(43, List.of("DE", "beer")));
        assertNotEquals(a, BatchCommand.groupSeed(42, List.of("DEb", "eer")), "key values are delimited");
        assertEquals("a%2Fb~c", BatchCommand.folder(List.of("a/b", "c")));
        assertEquals("%2E%2E", BatchCommand.folder(List.of("..")));
        assertNotEquals(BatchCommand.folder(List.of("a_b", "c")), BatchCommand.folder(List.of("a", "b_c")));
        assertNotEquals(BatchCommand.folder(List.of("a~b")), BatchCommand.folder(List.of("a", "b")));
    }

    @Test
    void aFailedGroupsMessageGivesTheFilesLine(@TempDir Path tmp) throws IOException {
        List<String> lines = new ArrayList<>(rows);
        // the 5th FR row (file line = its index + 2) gets a text spend value
        int target = -1;
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FR,") && ++seen == 5) {
                target = i;
            }
        }
        String[] f = lines.get(target).split(",", -1);
        f[3] = "12k";
        lines.set(target, String.join(",", f));
        CliTest.Run r = batch(write("text.csv", lines), tmp.resolve("o"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("FAILED market=FR") && r.out().contains("line " + (target + 2) + ","), r.out());
    }

    @Test
    void unusableFilesAndGroupingsAreBadInput(@TempDir Path tmp) throws IOException {
        Path empty = tmp.resolve("empty.csv");
        Files.writeString(empty, "");
        String[][] cases = {{tmp.resolve("missing.csv").toString(), "market", "file not found"},
            {empty.toString(), "market", "is empty"}, {write("p.csv", rows).toString(), "sales", "a column the model reads"},
            {dir.resolve("p.csv").toString(), "market,market", "names 'market' twice"}};
        for (String[] c : cases) {
            Path out = tmp.resolve("o");
            CliTest.Run r = CliTest.run("batch", c[0], "--by", c[1], "--kpi", "sales", "--channels", "tv,search,social",
                    "--out", out.toString());
            assertEquals(2, r.exit(), c[0] + ": " + r.err());
            assertTrue(r.err().contains(c[2]), r.err());
            assertFalse(Files.exists(out));
        }
    }
}
