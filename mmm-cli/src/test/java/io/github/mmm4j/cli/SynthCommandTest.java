package io.github.mmm4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mmm4j.core.MmmCsv;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.synthetic.Presets;
import io.github.mmm4j.synthetic.ScenarioFiles;
import io.github.mmm4j.synthetic.Synthetic;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesDataAndTruthWithTheDocumentedFields(@TempDir Path dir) throws IOException {
        Run r = run("synth", "--preset", "hard", "--seed", "3", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("podcast") && r.out().contains("mROI"), r.out());
        MmmDataset expected = Synthetic.generate(Presets.hard(), 3).data();
        MmmDataset back = MmmCsv.read(dir.resolve("data.csv"), MmmCsv.schemaOf(expected));
        assertArrayEquals(expected.kpi(), back.kpi());
        assertArrayEquals(expected.spend(), back.spend());
        JsonNode truth = JSON.readTree(dir.resolve("truth.json").toFile());
        assertEquals("hard", truth.get("scenario").asText());
        assertEquals(3, truth.get("seed").asLong());
        JsonNode channels = truth.get("channels");
        assertEquals(5, channels.size());
        double shares = 0;
        for (JsonNode c : channels) {
            assertTrue(c.get("name").isTextual());
            for (String f : List.of("spend", "contribution", "share", "roi", "mroi")) {
                assertTrue(c.get(f).isNumber(), c.get("name") + "." + f);
            }
            assertTrue(c.get("adstock").get("type").isTextual() && c.get("saturation").get("type").isTextual());
            shares += c.get("share").asDouble();
        }
        assertEquals(1.0, shares, 1e-9);
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    /**
     * A panel end to end: the {@code geo} preset's truth.json has per-geo truth ({@code regions}, whose
     * contributions add up to each channel's total), and {@code fit --geo} writes {@code regions} to results.json
     * with one entry per geo and channel, each point inside its interval and the geo contributions adding up to the
     * channel's total.
     */
    @Test
    void panelTruthAndFitHaveRegions(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("geo");
        assertEquals(0, run("synth", "--preset", "geo", "--seed", "4", "--out", d.toString()).exit());
        JsonNode truth = JSON.readTree(d.resolve("truth.json").toFile());
        assertEquals(20, truth.get("regions").size());
        for (JsonNode c : truth.get("channels")) {
            double sum = 0;
            for (JsonNode reg : truth.get("regions")) {
                for (JsonNode rc : reg.get("channels")) {
                    if (rc.get("name").asText().equals(c.get("name").asText())) {
                        sum += rc.get("contribution").asDouble();
                        assertEquals(rc.get("contribution").asDouble() / rc.get("spend").asDouble(),
                                rc.get("roi").asDouble(), 1e-12);
                    }
                }
            }
            assertEquals(c.get("contribution").asDouble(), sum, 1e-6 * sum);
        }
        Run r = run("fit", d.resolve("data.csv").toString(), "--geo", "geo", "--kpi", "sales", "--channels",
                "tv,search,social,display", "--controls", "price", "--out", dir.resolve("fit").toString());
        assertEquals(0, r.exit(), r.err());
        String md = Files.readString(dir.resolve("fit/report.md"));
        assertTrue(md.contains("## ROI per geo") && md.contains("| geo20 |") && md.contains("have no interval"), md);
        JsonNode res = JSON.readTree(dir.resolve("fit/results.json").toFile());
        JsonNode regions = res.get("regions");
        assertEquals(20, regions.size());
        for (int c = 0; c < 4; c++) {
            double sum = 0;
            for (JsonNode reg : regions) {
                assertFalse(reg.get("geo_effects").asBoolean(), "ridge pools effects over geos");
                JsonNode rc = reg.get("channels").get(c);
                assertEquals(1.0, rc.get("geo_effect").asDouble());
                // one effect for all geos cannot say how much geos differ, so no per-geo interval
                assertTrue(rc.get("roi_lower").isNull() && rc.get("roi_upper").isNull()
                        && rc.get("contribution_lower").isNull(), rc.toString());
                sum += rc.get("contribution").asDouble();
            }
            double total = res.get("channels").get(c).get("contribution").asDouble();
            assertEquals(total, sum, 1e-9 * Math.abs(total));
        }
        // the same rows in another order (geos last to first, dates shuffled within) give the same numbers
        List<String> lines = Files.readAllLines(d.resolve("data.csv"));
        List<String> body = new java.util.ArrayList<>(lines.subList(1, lines.size()));
        java.util.Collections.reverse(body);
        java.util.Collections.swap(body, 3, 40);
        body.add(0, lines.get(0));
        Path reversed = dir.resolve("reversed.csv");
        Files.write(reversed, body);
        Run r2 = run("fit", reversed.toString(), "--geo", "geo", "--kpi", "sales", "--channels",
                "tv,search,social,display", "--controls", "price", "--out", dir.resolve("fit2").toString());
        assertEquals(0, r2.exit(), r2.err());
        JsonNode res2 = JSON.readTree(dir.resolve("fit2/results.json").toFile());
        assertEquals(res.get("channels"), res2.get("channels"));
        assertEquals(res.get("regions"), res2.get("regions"));
        // the geo effect prior is the Bayesian model's; a panel read without --geo names the fix
        Run sd = run("fit", d.resolve("data.csv").toString(), "--geo", "geo", "--kpi", "sales", "--channels", "tv",
                "--geo-effect-sd", "0.3", "--out", dir.resolve("sd").toString());
        assertEquals(2, sd.exit());
        assertTrue(sd.err().contains("--geo-effect-sd is for --model bayes"), sd.err());
        Run negative = run("fit", d.resolve("data.csv").toString(), "--geo", "geo", "--kpi", "sales", "--channels",
                "tv", "--model", "bayes", "--geo-effect-sd", "-0.3", "--out", dir.resolve("neg").toString());
        assertEquals(2, negative.exit());
        assertEquals("mmm: --geo-effect-sd -0.3 must be finite and >= 0", negative.err().strip());
        assertFalse(Files.exists(dir.resolve("neg")));
        Run noGeo = run("fit", d.resolve("data.csv").toString(), "--kpi", "sales", "--channels", "tv", "--out",
                dir.resolve("nogeo").toString());
        assertEquals(2, noGeo.exit());
        assertTrue(noGeo.err().contains("duplicate date") && noGeo.err().contains("geo column"), noGeo.err());
        // a column cannot be both the geo and the KPI
        Run clash = run("fit", d.resolve("data.csv").toString(), "--geo", "sales", "--kpi", "sales", "--channels",
                "tv", "--out", dir.resolve("clash").toString());
        assertEquals(2, clash.exit());
        assertTrue(clash.err().contains("column 'sales' is both the geo column and a KPI column"), clash.err());
        // a geo where a channel never spent: its ROI there is undefined, written as null
        StringBuilder noSocial = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[1].equals("geo03")) {
                f[5] = "0";
            }
            noSocial.append(String.join(",", f)).append('\n');
        }
        Files.writeString(dir.resolve("nosocial.csv"), noSocial);
        Run r3 = run("fit", dir.resolve("nosocial.csv").toString(), "--geo", "geo", "--kpi", "sales", "--channels",
                "tv,search,social,display", "--controls", "price", "--out", dir.resolve("fit3").toString());
        assertEquals(0, r3.exit(), r3.err());
        JsonNode geo03 = JSON.readTree(dir.resolve("fit3/results.json").toFile()).get("regions").get(2);
        assertEquals("geo03", geo03.get("geo").asText());
        JsonNode social = geo03.get("channels").get(2);
        assertEquals("social", social.get("name").asText());
        assertEquals(0.0, social.get("spend").asDouble());
        assertTrue(social.get("roi").isNull() && social.get("roi_lower").isNull() && social.get("mroi").isNull(),
                social.toString());
        assertTrue(Files.readString(dir.resolve("fit3/report.md")).contains("no spend"));
    }

    /**
     * Brand x region cells: the geo preset's 20 geos relabelled as 2 brands x 10 regions (columns brand, region).
     * results.json has 20 cells, 2 brands and 10 regions, each aggregate the sum of its cells; reserved or clashing
     * names are exit 2 with the line and column.
     */
    @Test
    void brandByRegionCellsAggregateToBrandsAndRegions(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("geo");
        assertEquals(0, run("synth", "--preset", "geo", "--seed", "6", "--out", d.toString()).exit());
        List<String> lines = Files.readAllLines(d.resolve("data.csv"));
        StringBuilder csv = new StringBuilder(lines.get(0).replace("geo,", "brand,region,")).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            int g = Integer.parseInt(f[1].substring(3));
            csv.append(f[0]).append(',').append(g <= 10 ? "acme" : "zenith").append(",r")
                    .append(String.format(java.util.Locale.ROOT, "%02d", (g - 1) % 10 + 1));
            if (g == 20) {
                f[6] = "0"; // display never spent in zenith / r10
            }
            for (int k = 2; k < f.length; k++) {
                csv.append(',').append(f[k]);
            }
            csv.append('\n');
        }
        Path cells = dir.resolve("cells.csv");
        Files.writeString(cells, csv);
        Run r = run("fit", cells.toString(), "--brand", "brand", "--geo", "region", "--kpi", "sales", "--channels",
                "tv,search,social,display", "--controls", "price", "--out", dir.resolve("fit").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode res = JSON.readTree(dir.resolve("fit/results.json").toFile());
        assertEquals(20, res.get("cells").size());
        assertEquals("acme", res.get("cells").get(0).get("brand").asText());
        assertEquals("r01", res.get("cells").get(0).get("geo").asText());
        assertEquals(2, res.get("brands").size());
        assertEquals(10, res.get("regions").size());
        String md = Files.readString(dir.resolve("fit/report.md"));
        assertTrue(md.contains("## ROI per brand") && md.contains("| zenith |") && md.contains("## ROI per region")
                && md.contains("| r10 |"), md);
        List<String> dec = Files.readAllLines(dir.resolve("fit/decomposition.csv"));
        assertTrue(dec.get(0).startsWith("date,brand,geo,"), dec.get(0));
        assertTrue(dec.get(1).startsWith("2023-01-02,acme,r01,"), dec.get(1));
        assertTrue(Files.readAllLines(dir.resolve("fit/predictions.csv")).get(0).startsWith("date,brand,geo,actual"));
        for (int c = 0; c < 4; c++) {
            double total = res.get("channels").get(c).get("contribution").asDouble();
            for (String group : List.of("brands", "regions", "cells")) {
                double sum = 0;
                for (JsonNode b : res.get(group)) {
                    JsonNode ch = b.get("channels").get(c);
                    sum += ch.get("contribution").asDouble();
                    assertTrue(ch.get("roi_lower").isNull() && ch.get("contribution_lower").isNull(), group + " " + ch);
                }
                assertEquals(total, sum, 1e-9 * Math.abs(total), group);
            }
        }
        // a plan over channel x cell with one region (both brands' cells) held at its current spend
        Run plan = run("optimize", "--model", dir.resolve("fit/model.json").toString(), "--by-geo", "--geo-bounds",
                "r03=1x:1x", "--out", dir.resolve("plan").toString());
        assertEquals(0, plan.exit(), plan.err());
        JsonNode pj = JSON.readTree(dir.resolve("plan/plan.json").toFile());
        assertEquals(2, pj.get("brands").size());
        assertEquals(10, pj.get("regions").size());
        assertEquals(80, pj.get("cells").size());
        JsonNode r03 = pj.get("regions").get(2);
        assertEquals("r03", r03.get("name").asText());
        assertEquals(r03.get("current_spend").asDouble(), r03.get("optimal_spend").asDouble(),
                1e-6 * r03.get("current_spend").asDouble());
        double brandSum = pj.get("brands").get(0).get("optimal_spend").asDouble()
                + pj.get("brands").get(1).get("optimal_spend").asDouble();
        assertEquals(pj.get("budget").asDouble(), brandSum, 1e-6 * brandSum);
        // response curves per channel for the total, each brand, each region and each cell; the total's is the curve
        // of the plan without --by-geo, which moves each channel at its current split
        List<String> byGeo = Files.readAllLines(dir.resolve("plan/response_curves_by_geo.csv"));
        assertEquals("level,brand,region,channel,spend,contribution,incremental,roi,mroi,incremental_lower,"
                + "incremental_upper", byGeo.get(0));
        java.util.Map<String, Long> levels = byGeo.subList(1, byGeo.size()).stream().collect(
                java.util.stream.Collectors.groupingBy(l -> l.split(",", -1)[0],
                        java.util.stream.Collectors.counting()));
        // the cell that never spent has no curve: the data show nothing of it
        assertEquals(java.util.Map.of("total", 4L * 41, "brand", 2L * 4 * 41, "region", 10L * 4 * 41, "cell",
                (20L * 4 - 1) * 41), levels);
        assertTrue(byGeo.stream().anyMatch(l -> l.startsWith("cell,zenith,r09,display,")));
        assertTrue(byGeo.stream().noneMatch(l -> l.startsWith("cell,zenith,r10,display,")));
        // and the plan holds it at zero, and says so
        assertEquals("[\"display @ zenith / r10\"]", pj.get("never_spent").toString());
        for (JsonNode cell : pj.get("cells")) {
            if (cell.get("channel").asText().equals("display") && cell.get("geo").asText().equals("r10")
                    && cell.get("brand").asText().equals("zenith")) {
                assertEquals(0.0, cell.get("optimal_spend").asDouble());
            }
        }
        assertTrue(plan.out().contains("Held at zero: this cell's channel never spent in its geo"), plan.out());
        assertEquals(0, run("optimize", "--model", dir.resolve("fit/model.json").toString(), "--out",
                dir.resolve("plan0").toString()).exit());
        List<String> national = Files.readAllLines(dir.resolve("plan0/response_curves.csv"));
        for (int i = 1; i <= 41; i++) {
            String[] n = national.get(i).split(",", -1);
            String[] t = byGeo.get(i).split(",", -1);
            assertEquals("tv", n[0]);
            assertEquals("total,,,tv", String.join(",", t[0], t[1], t[2], t[3]));
            for (int k = 1; k < n.length; k++) {
                double want = Double.parseDouble(n[k]);
                assertEquals(want, Double.parseDouble(t[k + 3]), 1e-9 * (1 + Math.abs(want)), "row " + i + " col " + k);
            }
        }
        Files.writeString(dir.resolve("bad.csv"), csv.toString().replace(",r03,", ",r / 3,"));
        Run bad = run("fit", dir.resolve("bad.csv").toString(), "--brand", "brand", "--geo", "region", "--kpi",
                "sales", "--channels", "tv,search,social,display", "--out", dir.resolve("bad").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("line") && bad.err().contains("' / '"), bad.err());
        Run same = run("fit", cells.toString(), "--brand", "region", "--geo", "region", "--kpi", "sales",
                "--channels", "tv", "--out", dir.resolve("same").toString());
        assertEquals(2, same.exit());
        assertTrue(same.err().contains("--brand and --geo"), same.err());
        assertFalse(Files.exists(dir.resolve("bad")) || Files.exists(dir.resolve("same")));
    }

    /**
     * A population column: the panel is modelled per capita (model.json's frame carries each geo's size), totals
     * are still the sums of the regions, the fit of the total over geos is reported; a population that changes within
     * a geo, or one without a panel, is exit 2 naming the line, column and value.
     */
    @Test
    void populationColumnModelsMediaPerCapita(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("geo");
        assertEquals(0, run("synth", "--preset", "geo", "--seed", "7", "--out", d.toString()).exit());
        List<String> lines = Files.readAllLines(d.resolve("data.csv"));
        StringBuilder csv = new StringBuilder(lines.get(0)).append(",population\n");
        for (String line : lines.subList(1, lines.size())) {
            int g = Integer.parseInt(line.split(",", -1)[1].substring(3));
            csv.append(line).append(',').append(100000 * g).append('\n');
        }
        Path data = dir.resolve("pop.csv");
        Files.writeString(data, csv);
        Run r = run("fit", data.toString(), "--geo", "geo", "--population", "population", "--kpi", "sales",
                "--channels", "tv,search,social,display", "--controls", "price", "--out", dir.resolve("fit").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("fit of the total over 20 geos"), r.out());
        JsonNode model = JSON.readTree(dir.resolve("fit/model.json").toFile());
        JsonNode size = model.get("frame").get("geo_size");
        assertEquals(20, size.size());
        assertEquals(20.0, size.get(19).asDouble() / size.get(0).asDouble(), 1e-9);
        JsonNode res = JSON.readTree(dir.resolve("fit/results.json").toFile());
        assertTrue(res.get("metrics").get("total_train").get("mape").asDouble() > 0);
        for (int c = 0; c < 4; c++) {
            double sum = 0;
            for (JsonNode reg : res.get("regions")) {
                sum += reg.get("channels").get(c).get("contribution").asDouble();
            }
            double total = res.get("channels").get(c).get("contribution").asDouble();
            assertEquals(total, sum, 1e-9 * Math.abs(total));
        }
        // a plan over channel x geo on the per-capita model: cells add up to channels and to geos, a geo held at its
        // current spend stays there, and channels and geos can be bounded at once
        Path modelFile = dir.resolve("fit/model.json");
        Run plan = run("optimize", "--model", modelFile.toString(), "--by-geo", "--geo-bounds", "geo03=1x:1x", "--out",
                dir.resolve("plan").toString());
        assertEquals(0, plan.exit(), plan.err());
        JsonNode pj = JSON.readTree(dir.resolve("plan/plan.json").toFile());
        assertTrue(pj.get("by_geo").asBoolean());
        assertEquals(80, pj.get("cells").size());
        double cellSum = 0;
        double geo03Current = 0;
        double geo03Optimal = 0;
        for (JsonNode cell : pj.get("cells")) {
            cellSum += cell.get("optimal_spend").asDouble();
            if (cell.get("geo").asText().equals("geo03")) {
                geo03Current += cell.get("current_spend").asDouble();
                geo03Optimal += cell.get("optimal_spend").asDouble();
            }
        }
        double channelSum = 0;
        for (JsonNode ch : pj.get("channels")) {
            channelSum += ch.get("optimal_spend").asDouble();
        }
        assertEquals(pj.get("budget").asDouble(), cellSum, 1e-6 * cellSum);
        assertEquals(cellSum, channelSum, 1e-6 * cellSum);
        assertEquals(geo03Current, geo03Optimal, 1e-6 * geo03Current);
        assertTrue(pj.get("expected_kpi_optimal").asDouble() >= pj.get("expected_kpi_current").asDouble());
        // channel and geo bounds together: each cell is in two groups, and the plan keeps both
        Run both = run("optimize", "--model", modelFile.toString(), "--by-geo", "--geo-bounds", "geo03=1x:1x",
                "--bounds", "tv=1.2x:2x", "--out", dir.resolve("both").toString());
        assertEquals(0, both.exit(), both.err());
        JsonNode bj = JSON.readTree(dir.resolve("both/plan.json").toFile());
        double tvCurrent = 0;
        double tvOptimal = 0;
        double g03Current = 0;
        double g03Optimal = 0;
        for (JsonNode cell : bj.get("cells")) {
            if (cell.get("channel").asText().equals("tv")) {
                tvCurrent += cell.get("current_spend").asDouble();
                tvOptimal += cell.get("optimal_spend").asDouble();
            }
            if (cell.get("geo").asText().equals("geo03")) {
                g03Current += cell.get("current_spend").asDouble();
                g03Optimal += cell.get("optimal_spend").asDouble();
            }
        }
        assertEquals(g03Current, g03Optimal, 1e-6 * g03Current);
        // the tuned tv curves are S-shaped: the plan says how close to the best plan it is
        assertTrue(bj.get("method").asText().matches("group-prices\\+envelope \\(within .*% of the best plan\\)"),
                bj.get("method").asText());
        assertTrue(both.out().contains("Method: group-prices+envelope (within "), both.out());
        assertTrue(tvOptimal >= 1.2 * tvCurrent * (1 - 1e-6) && tvOptimal <= 2 * tvCurrent * (1 + 1e-6),
                tvOptimal + " against current " + tvCurrent);
        // geo03 must keep its spend, but only display may spend, at a tenth of its own
        Run conflict = run("optimize", "--model", modelFile.toString(), "--by-geo", "--geo-bounds", "geo03=1x:1x",
                "--bounds", "tv=0:0,search=0:0,social=0:0,display=0:0.1x", "--out",
                dir.resolve("conflict").toString());
        assertEquals(2, conflict.exit());
        assertTrue(conflict.err().contains("cannot all be met together"), conflict.err());
        assertFalse(Files.exists(dir.resolve("conflict")));
        // under a budget cap the clash is a geo's minimum against the channel caps, and the message names just those
        Run clash = run("optimize", "--model", modelFile.toString(), "--by-geo", "--objective", "profit", "--margin",
                "1", "--geo-bounds", "geo03=1x:1x,geo05=0.5x:2x", "--bounds",
                "tv=0:0,search=0:0,social=0:0,display=0:0.1x", "--out", dir.resolve("clash").toString());
        assertEquals(2, clash.exit());
        String named = clash.err().substring(clash.err().lastIndexOf(": ") + 2).strip();
        assertTrue(clash.err().contains("relax at least one of them"), clash.err());
        assertTrue(named.matches("group geo05 >= [0-9,]+, group tv <= 0, group search <= 0, group social <= 0, "
                + "group display <= [0-9,]+"), clash.err());
        assertFalse(Files.exists(dir.resolve("clash")));
        Run noGeo = run("optimize", "--model", modelFile.toString(), "--geo-bounds", "geo03=1x:1x", "--out",
                dir.resolve("nobygeo").toString());
        assertEquals(2, noGeo.exit());
        Run unknown = run("optimize", "--model", modelFile.toString(), "--by-geo", "--geo-bounds", "geo99=1x:1x",
                "--out", dir.resolve("unknown").toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("'geo99' is not a geo of the model"), unknown.err());
        assertTrue(res.get("data").get("per_capita").asBoolean());
        // predict refuses populations other than the model's (its media curves are per head of those)
        Files.writeString(dir.resolve("newpop.csv"), csv.toString().replace(",300000\n", ",600000\n"));
        Run pred = run("predict", "--model", modelFile.toString(), dir.resolve("newpop.csv").toString(), "--out",
                dir.resolve("pred").toString());
        assertEquals(2, pred.exit());
        assertTrue(pred.err().contains("population of geo 'geo01'") && pred.err().contains("refit"),
                pred.err());
        // a price that is not positive is named with its column, date and geo
        List<String> rows = new java.util.ArrayList<>(List.of(csv.toString().split("\n")));
        int priceCol = List.of(rows.get(0).split(",")).indexOf("price");
        String[] f = rows.get(5).split(",", -1);
        f[priceCol] = "0";
        rows.set(5, String.join(",", f));
        Files.writeString(dir.resolve("zeroprice.csv"), String.join("\n", rows) + "\n");
        Run zero = run("fit", dir.resolve("zeroprice.csv").toString(), "--geo", "geo", "--price", "price", "--kpi",
                "sales", "--channels", "tv", "--out", dir.resolve("zero").toString());
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("'price'") && zero.err().contains("is not positive"), zero.err());
        // one row of geo03 with another population
        String changed = csv.toString().replaceFirst("(\\n[^\\n]*,geo03,[^\\n]*,)300000\\n", "$1300001\n");
        assertNotEquals(csv.toString(), changed);
        Files.writeString(dir.resolve("bad.csv"), changed);
        Run bad = run("fit", dir.resolve("bad.csv").toString(), "--geo", "geo", "--population", "population",
                "--kpi", "sales", "--channels", "tv", "--out", dir.resolve("bad").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("300001") && bad.err().contains("population") && bad.err().contains("line"),
                bad.err());
        Run national = run("fit", data.toString(), "--population", "population", "--kpi", "sales", "--channels", "tv",
                "--out", dir.resolve("nogeo").toString());
        assertEquals(2, national.exit());
        assertTrue(national.err().contains("--population population needs --geo"), national.err());
        assertFalse(Files.exists(dir.resolve("bad")) || Files.exists(dir.resolve("nogeo"))
                || Files.exists(dir.resolve("pred")) || Files.exists(dir.resolve("zero")));
    }

    @Test
    void sameSeedSameBytesAndConfigFilesWork(@TempDir Path dir) throws IOException {
        assertEquals(0, run("synth", "--preset", "easy", "--out", dir.resolve("a").toString()).exit());
        assertEquals(0, run("synth", "--preset", "easy", "--out", dir.resolve("b").toString()).exit());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/data.csv")), Files.readAllBytes(dir.resolve("b/data.csv")));
        Path yaml = dir.resolve("easy.yaml");
        ScenarioFiles.write(Presets.easy(), yaml);
        assertEquals(0, run("synth", "--config", yaml.toString(), "--out", dir.resolve("c").toString()).exit());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/data.csv")), Files.readAllBytes(dir.resolve("c/data.csv")));
    }

    @Test
    void badPresetExitsTwoWithOneLineAndWritesNothing(@TempDir Path dir) {
        Run r = run("synth", "--preset", "nope", "--out", dir.resolve("o").toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("mmm: --preset nope is not a preset; presets are [easy, realistic, hard, geo] and brand-region",
                r.err().strip());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void brandRegionPresetWritesAPanelThatFitReadsWithThePrintedOptions(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("p");
        Run r = run("synth", "--preset", "brand-region", "--brands", "2", "--regions", "2", "--weeks", "60", "--seed",
                "3", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("2 brands x 2 regions x 60 weeks") && r.out().contains("alpha -1.20"), r.out());
        JsonNode truth = new ObjectMapper().readTree(out.resolve("truth.json").toFile());
        assertEquals(4, truth.get("cells").size());
        assertEquals(241, Files.readAllLines(out.resolve("data.csv")).size());
        String command = r.out().lines().filter(l -> l.strip().startsWith("./mmm fit")).findFirst().orElseThrow()
                .strip();
        List<String> args = new java.util.ArrayList<>(List.of(command.substring("./mmm ".length()).split(" ")));
        args.removeAll(List.of("--model", "bayes"));
        args.addAll(List.of("--out", dir.resolve("fit").toString()));
        Run fit = run(args.toArray(String[]::new));
        assertEquals(0, fit.exit(), fit.err());
        JsonNode results = new ObjectMapper()
                .readTree(dir.resolve("fit/results.json").toFile());
        assertEquals(4, results.get("cells").size());
        assertEquals(2, results.get("price_elasticity").size());
        // ridge has one media effect per channel for both brands, whose effects differ by their levels (100 and 70):
        // no interval for a brand's elasticity, and the reason, in results.json and on the console
        for (JsonNode e : results.get("price_elasticity")) {
            assertTrue(e.get("lower").isNull() && e.get("upper").isNull() && e.get("mean").isNumber(), e.toString());
            assertTrue(e.get("caveat").asText().startsWith("no interval: the brands' media effects differ"),
                    e.toString());
        }
        assertTrue(fit.out().contains("; beta -") && fit.out().contains(". No interval: the brands' media effects "
                + "differ") && fit.out().contains("model (--model bayes), with an effect per cell"), fit.out());
        Run bad = run("synth", "--preset", "brand-region", "--brands", "5", "--out", dir.resolve("b").toString());
        assertEquals(2, bad.exit());
        assertEquals("mmm: --brands 5 is out of range; give 1 to 4", bad.err().strip());
        assertFalse(Files.exists(dir.resolve("b")));
        Run ignored = run("synth", "--preset", "easy", "--weeks", "60", "--out", dir.resolve("e").toString());
        assertEquals(2, ignored.exit());
        assertEquals("mmm: --weeks 60 applies only to --preset brand-region; the preset 'easy' sets its own sizes",
                ignored.err().strip());
        assertFalse(Files.exists(dir.resolve("e")));
        Run noPreset = run("synth", "--regions", "3", "--out", dir.resolve("n").toString());
        assertEquals(2, noPreset.exit());
        assertTrue(noPreset.err().startsWith("mmm: --regions 3 applies only to --preset brand-region"),
                noPreset.err());
        assertFalse(Files.exists(dir.resolve("n")));
    }

    @Test
    void brandRegionSpreadsAreOptionsOfThatPresetOnly(@TempDir Path dir) throws IOException {
        Run shared = run("synth", "--preset", "brand-region", "--brands", "2", "--regions", "2", "--weeks", "20",
                "--brand-sd", "0", "--cell-sd", "0", "--out", dir.resolve("s").toString());
        assertEquals(0, shared.exit(), shared.err());
        Run spread = run("synth", "--preset", "brand-region", "--brands", "2", "--regions", "2", "--weeks", "20",
                "--out", dir.resolve("d").toString());
        assertEquals(0, spread.exit(), spread.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode s = json.readTree(dir.resolve("s/truth.json").toFile());
        JsonNode d = json.readTree(dir.resolve("d/truth.json").toFile());
        assertEquals(0.0, s.get("brandSd").asDouble());
        assertEquals(0.0, s.get("cellSd").asDouble());
        assertEquals(0.15, d.get("brandSd").asDouble());
        assertEquals(0.25, d.get("cellSd").asDouble());
        // the same seed draws the same spend; only the media effects differ, so the KPI does
        assertNotEquals(Files.readString(dir.resolve("s/data.csv")), Files.readString(dir.resolve("d/data.csv")));

        Run out = run("synth", "--preset", "brand-region", "--cell-sd", "1.5", "--out", dir.resolve("b").toString());
        assertEquals(2, out.exit());
        assertEquals("mmm: --cell-sd 1.5 is out of range; give 0 to 1", out.err().strip());
        assertFalse(Files.exists(dir.resolve("b")));
        Run nan = run("synth", "--preset", "brand-region", "--brand-sd", "NaN", "--out", dir.resolve("n").toString());
        assertEquals(2, nan.exit());
        assertEquals("mmm: --brand-sd NaN is not a finite number (see 'mmm synth --help')", nan.err().strip());
        assertFalse(Files.exists(dir.resolve("n")));
        Run other = run("synth", "--preset", "geo", "--brand-sd", "0.1", "--out", dir.resolve("g").toString());
        assertEquals(2, other.exit());
        assertEquals("mmm: --brand-sd 0.1 applies only to --preset brand-region; the preset 'geo' sets its own effects",
                other.err().strip());
        assertFalse(Files.exists(dir.resolve("g")));
    }

    @Test
    void invalidConfigAndConflictingOptionsAreBadInput(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "channels:\n  - name: tv\n    effect: -1.0\n    spend: {type: always_on, mean: 100}\n"
                + "    adstock: {type: geometric, alpha: 0.5}\n    saturation: {type: hill, ec: 1, slope: 1}\n");
        Run r = run("synth", "--config", f.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("channels[0].effect = -1.0; must be >= 0"), r.err());
        Run both = run("synth", "--config", f.toString(), "--preset", "easy", "--out", dir.toString());
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("give --preset or --config, not both"), both.err());
        assertEquals(2, run("synth", "--preset", "easy").exit(), "--out is required");
    }
}
