package io.github.mmm4j.auto.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mmm4j.auto.AnalysisResult;
import io.github.mmm4j.auto.AutoAnalysis;
import io.github.mmm4j.auto.AutoOptions;
import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.models.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The automated analysis of a brand x region panel with population and price: the report's appendix has the ROI per
 * geo, per brand and per region and the price elasticities, and results.json the same figures as the model.
 */
class PanelReportTest {

    /** Two brands x two regions, 80 weeks, two channels, price with elasticity -1.5, populations 1 and 3 million. */
    static MmmDataset panel() {
        SplittableRandom rng = new SplittableRandom(8);
        int weeks = 80;
        TimeIndex time = TimeIndex.regular(LocalDate.of(2022, 1, 3), Frequency.WEEKLY, weeks);
        List<String> cells = List.of("acme / east", "acme / west", "zenith / east", "zenith / west");
        double[] pop = {1e6, 3e6, 1e6, 3e6};
        int n = weeks * cells.size();
        double[] kpi = new double[n];
        double[] tv = new double[n];
        double[] search = new double[n];
        double[] price = new double[n];
        for (int g = 0; g < cells.size(); g++) {
            double size = pop[g] / 2e6;
            for (int t = 0; t < weeks; t++) {
                int r = g * weeks + t;
                tv[r] = size * (rng.nextDouble() < 0.8 ? rng.nextDouble(50, 150) : 0);
                search[r] = size * rng.nextDouble(20, 60);
                price[r] = 5 * Math.exp(0.06 * rng.nextGaussian());
                double base = 200 * size * (1 + 0.1 * Math.sin(2 * Math.PI * t / 52.18));
                kpi[r] = base * Math.pow(price[r] / 5, -1.5) + size * (30 * tv[r] / (tv[r] + 100 * size)
                        + 20 * search[r] / (search[r] + 40 * size)) + rng.nextGaussian() * 3;
            }
        }
        return MmmDataset.builder(time).geos(cells).kpi("sales", kpi).channel("tv", tv).channel("search", search)
                .control("price", price).population(pop).build();
    }

    @Test
    void appendixHasRoiPerGeoBrandAndRegionAndTheElasticities(@TempDir Path dir) throws IOException {
        AnalysisResult r = AutoAnalysis.run(panel(), AutoOptions.defaults()
                .withEstimators(AutoOptions.defaultEstimators().subList(0, 2)).withSearchIterations(300)
                .withMaxRounds(1).withPrice(new ModelSpec.Price("price", true)));
        Reporter.write(ReportInput.of(r, 42, "panel"), dir);
        String md = Files.readString(dir.resolve("report.md"));
        for (String heading : List.of("### ROI per geo", "### ROI per brand", "### ROI per region",
                "### Price elasticity")) {
            assertTrue(md.contains(heading), heading);
        }
        assertTrue(md.contains("| acme / west |") && md.contains("| zenith |") && md.contains("| west |"), md);
        // small multiples: per channel, ROI by region with one series per brand
        String html = Files.readString(dir.resolve("report.html"));
        for (int c = 0; c < 2; c++) {
            assertTrue(html.contains("id=\"fig-roi-region-" + c + "\""), "small multiple of channel " + c);
        }
        assertTrue(html.contains("ROI of tv in each region, one colour per brand"), "caption");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        JsonNode el = json.get("price_elasticity");
        assertEquals(2, el.size());
        List<String> brands = new ArrayList<>();
        for (JsonNode e : el) {
            brands.add(e.get("brand").asText());
            assertTrue(e.get("lower").asDouble() <= e.get("mean").asDouble()
                    && e.get("mean").asDouble() <= e.get("upper").asDouble(), e.toString());
            // the elasticity of the baseline is near the process's -1.5
            assertEquals(-1.5, e.get("mean").asDouble(), 0.3, e.toString());
        }
        assertEquals(List.of("acme", "zenith"), brands);
        assertEquals(4, json.get("cells").size());
        assertTrue(json.get("metrics").has("total_train"));

        // the workbook's ROI by geo: 4 cells, 2 brands and 2 regions, one row per unit and channel, with the model's
        // figures (cells and their sums drawn by draw)
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(dir.resolve("report.xlsx")))) {
            org.apache.poi.ss.usermodel.Sheet sh = wb.getSheet("ROI by geo");
            assertTrue(sh != null, "sheet ROI by geo");
            assertEquals((4 + 2 + 2) * 2, sh.getLastRowNum());
            io.github.mmm4j.models.FittedModel primary = r.primaryModel();
            List<String> levels = new ArrayList<>();
            for (int i = 1; i <= sh.getLastRowNum(); i++) {
                org.apache.poi.ss.usermodel.Row row = sh.getRow(i);
                levels.add(row.getCell(0).getStringCellValue());
                String name = row.getCell(1).getStringCellValue();
                int c = List.of("tv", "search").indexOf(row.getCell(4).getStringCellValue());
                io.github.mmm4j.models.ChannelSummary want = switch (row.getCell(0).getStringCellValue()) {
                    case "cell" -> primary.geoChannels().get(List.of("acme / east", "acme / west", "zenith / east",
                            "zenith / west").indexOf(name)).get(c);
                    case "brand" -> primary.channelsOver(List.of(name + " / east", name + " / west")).get(c);
                    default -> primary.channelsOver(List.of("acme / " + name, "zenith / " + name)).get(c);
                };
                assertEquals(want.roi(), row.getCell(10).getNumericCellValue(), 1e-12 * Math.abs(want.roi()), name);
                if (primary.hasGeoEffects()) {
                    double lower = row.getCell(11).getNumericCellValue();
                    double upper = row.getCell(12).getNumericCellValue();
                    assertTrue(lower <= want.roi() && want.roi() <= upper, name + " " + c);
                } else {
                    // a pooled model's per-geo figures have no interval (one effect cannot say how geos differ)
                    assertTrue(row.getCell(11) == null && row.getCell(12) == null, name + " " + c);
                }
                assertEquals(want.spend(), row.getCell(6).getNumericCellValue(), 1e-9 * want.spend(), name);
            }
            assertEquals(List.of("cell", "brand", "region"), levels.stream().distinct().toList());
        }
        // the deck: one slide of ROI by region and brand, with the two channels' small multiples as pictures
        try (org.apache.poi.xslf.usermodel.XMLSlideShow deck = new org.apache.poi.xslf.usermodel.XMLSlideShow(
                Files.newInputStream(dir.resolve("report.pptx")))) {
            int found = 0;
            for (org.apache.poi.xslf.usermodel.XSLFSlide slide : deck.getSlides()) {
                boolean title = slide.getShapes().stream().anyMatch(sh -> sh instanceof
                        org.apache.poi.xslf.usermodel.XSLFTextShape t
                        && t.getText().equals("Return on investment by region and brand"));
                if (title) {
                    found++;
                    assertEquals(2, slide.getShapes().stream()
                            .filter(sh -> sh instanceof org.apache.poi.xslf.usermodel.XSLFPictureShape).count());
                }
            }
            assertEquals(1, found, "one slide of ROI by region and brand");
        }
    }
    /**
     * Where the brands' media effects differ (the brand x region process: effects grow with the brand's level), the
     * pooled models' per-brand elasticities come without an interval, and report.md and results.json say why.
     */
    @Test
    void aPooledPrimaryModelSaysWhyItsBrandElasticitiesHaveNoInterval(@TempDir Path dir) throws IOException {
        MmmDataset data = io.github.mmm4j.synthetic.BrandRegionProcess.draw(2, 3, 104, 3).data();
        AnalysisResult r = AutoAnalysis.run(data, AutoOptions.defaults()
                .withEstimators(AutoOptions.defaultEstimators().subList(0, 2)).withSearchIterations(300)
                .withMaxRounds(1).withPrice(new ModelSpec.Price("price", true)));
        assertTrue(!r.primaryModel().hasGeoEffects(), r.primaryModel().estimator());
        Reporter.write(ReportInput.of(r, 42, "brand-region"), dir);
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("No interval: the brands' media effects differ (F test p"), md);
        JsonNode el = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("price_elasticity");
        assertEquals(2, el.size());
        for (JsonNode e : el) {
            assertTrue(e.get("lower").isNull() && e.get("mean").isNumber(), e.toString());
            assertTrue(e.get("caveat").asText().startsWith("no interval: the brands' media effects differ"),
                    e.toString());
        }
    }
}
