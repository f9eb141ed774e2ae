package io.github.mmm4j.synthetic;

import io.github.mmm4j.core.MmmDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The brand x region process: its layout, its reproducibility and the consistency of its truth. */
class BrandRegionProcessTest {

    @Test
    void cellsAreBrandsTimesRegionsWithOnePopulationPerRegion() {
        BrandRegionProcess.Draw d = BrandRegionProcess.draw(3, 4, 20, 1);
        MmmDataset data = d.data();
        assertEquals(12, data.nGeos());
        assertEquals(20, data.nPeriods());
        assertEquals("alpha / r00", data.geos().get(0));
        assertEquals("gamma / r03", data.geos().get(11));
        assertEquals(BrandRegionProcess.CHANNELS, data.channels());
        assertEquals(java.util.List.of("price", "macro"), data.controls());
        double[] pop = data.populations().orElseThrow();
        for (int r = 0; r < 4; r++) {
            assertEquals(pop[r], pop[4 + r]);
            assertEquals(pop[r], pop[8 + r]);
            assertTrue(pop[r] >= 2e5 && pop[r] <= 5e6, "population " + pop[r]);
        }
        assertArrayEquals(new double[] {-1.2, -1.8, -0.8}, d.elasticity());
    }

    @Test
    void sameSeedSameBitsOtherSeedOtherData() {
        BrandRegionProcess.Draw a = BrandRegionProcess.draw(2, 3, 30, 5);
        BrandRegionProcess.Draw b = BrandRegionProcess.draw(2, 3, 30, 5);
        assertArrayEquals(a.data().kpi(), b.data().kpi());
        assertArrayEquals(a.data().spendColumn(0), b.data().spendColumn(0));
        assertFalse(java.util.Arrays.equals(a.data().kpi(), BrandRegionProcess.draw(2, 3, 30, 6).data().kpi()));
    }

    @Test
    void truthAddsUpOverCells() {
        BrandRegionProcess.Draw d = BrandRegionProcess.draw(2, 3, 52, 3);
        for (int c = 0; c < 4; c++) {
            double spend = 0;
            double contribution = 0;
            double[] column = d.data().spendColumn(c);
            for (int g = 0; g < 6; g++) {
                double s = 0;
                for (int t = 0; t < 52; t++) {
                    s += column[g * 52 + t];
                }
                assertEquals(s, d.cellSpend()[g][c], 1e-9 * s);
                assertTrue(d.cellContribution()[g][c] > 0);
                spend += s;
                contribution += d.cellContribution()[g][c];
            }
            assertEquals(contribution / spend, d.totalRoi(c), 1e-12 * d.totalRoi(c));
            double brand0 = d.roi(new int[] {0, 1, 2}, c);
            double brand1 = d.roi(new int[] {3, 4, 5}, c);
            assertTrue(d.totalRoi(c) >= Math.min(brand0, brand1) && d.totalRoi(c) <= Math.max(brand0, brand1));
        }
    }

    @Test
    void theDefaultConfigIsTheDocumentedProcessAndNoiseMovesOnlyTheKpi() {
        BrandRegionProcess.Draw a = BrandRegionProcess.draw(2, 3, 40, 11);
        BrandRegionProcess.Draw b = BrandRegionProcess.draw(BrandRegionProcess.Config.of(2, 3, 40), 11);
        assertArrayEquals(a.data().kpi(), b.data().kpi());
        BrandRegionProcess.Draw quiet = BrandRegionProcess.draw(new BrandRegionProcess.Config(2, 3, 40, 0.15, 0.25,
                0.15, 0.0), 11);
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(a.data().spendColumn(c), quiet.data().spendColumn(c));
            assertEquals(a.totalRoi(c), quiet.totalRoi(c));
        }
        assertFalse(java.util.Arrays.equals(a.data().kpi(), quiet.data().kpi()));
    }

    @Test
    void darkShareSetsTheWeeksWithoutSpend() {
        for (double dark : new double[] {0.0, 0.5}) {
            BrandRegionProcess.Draw d = BrandRegionProcess.draw(new BrandRegionProcess.Config(1, 4, 200, 0.15, 0.25,
                    dark, 1.0), 3);
            int zeros = 0;
            int n = 0;
            for (int c = 0; c < 4; c++) {
                for (double v : d.data().spendColumn(c)) {
                    zeros += v == 0 ? 1 : 0;
                    n++;
                }
            }
            assertEquals(dark, (double) zeros / n, 0.04, "dark share " + dark);
        }
    }

    @Test
    void cellEffectsSpreadAsConfigured() {
        // per-capita ROI varies across cells of one brand only through the cell effects and the spend draws
        double[] spread = new double[2];
        double[] sds = {0.0, 0.5};
        for (int k = 0; k < 2; k++) {
            BrandRegionProcess.Draw d = BrandRegionProcess.draw(new BrandRegionProcess.Config(1, 40, 156, 0.15,
                    sds[k], 0.15, 1.0), 5);
            double s = 0;
            double ss = 0;
            for (int g = 0; g < 40; g++) {
                double l = Math.log(d.roi(new int[] {g}, 0));
                s += l;
                ss += l * l;
            }
            spread[k] = Math.sqrt(ss / 40 - (s / 40) * (s / 40));
        }
        assertTrue(spread[0] < 0.1 && spread[1] > 0.3, java.util.Arrays.toString(spread));
    }

    @Test
    void csvReadsBackAsThePanelAndTruthJsonHasEveryLevel(@TempDir java.nio.file.Path dir) throws Exception {
        BrandRegionProcess.Draw d = BrandRegionProcess.draw(2, 3, 30, 4);
        d.write(dir);
        io.github.mmm4j.core.CsvSchema schema = io.github.mmm4j.core.CsvSchema.builder("sales").date("date")
                .brand("brand").geo("region").population("population").channels(BrandRegionProcess.CHANNELS)
                .controls("price", "macro").build();
        MmmDataset back = io.github.mmm4j.core.MmmCsv.read(dir.resolve("data.csv"), schema);
        assertEquals(d.data().geos(), back.geos());
        assertArrayEquals(d.data().kpi(), back.kpi());
        assertArrayEquals(d.data().populations().orElseThrow(), back.populations().orElseThrow());
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(d.data().spendColumn(c), back.spendColumn(c));
        }
        assertArrayEquals(d.data().controlColumn(0), back.controlColumn(0));
        com.fasterxml.jackson.databind.JsonNode t = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("truth.json").toFile());
        assertEquals(4, t.get("seed").asLong());
        assertEquals(4, t.get("channels").size());
        assertEquals(d.totalRoi(1), t.get("channels").get(1).get("roi").asDouble(), 0);
        assertEquals(2, t.get("brandTruth").size());
        assertEquals(3, t.get("regionTruth").size());
        assertEquals(6, t.get("cells").size());
        assertEquals("beta", t.get("cells").get(5).get("brand").asText());
        assertEquals("r02", t.get("cells").get(5).get("region").asText());
        assertEquals(d.roi(new int[] {5}, 2), t.get("cells").get(5).get("channels").get(2).get("roi").asDouble(), 0);
        assertEquals(d.roi(d.regionCells(1), 0), t.get("regionTruth").get(1).get("channels").get(0).get("roi")
                .asDouble(), 0);
        assertEquals(-1.8, t.get("priceElasticity").get(1).get("elasticity").asDouble(), 0);
    }

    @Test
    void badSizesNameTheArgument() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BrandRegionProcess.draw(5, 3, 52, 1))
                .getMessage().contains("nBrands = 5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BrandRegionProcess.draw(2, 0, 52, 1))
                .getMessage().contains("nRegions = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BrandRegionProcess.draw(2, 3, 4, 1))
                .getMessage().contains("weeks = 4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BrandRegionProcess.Config(2, 3, 52, 0.1,
                1.5, 0.1, 1)).getMessage().contains("cellSd = 1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BrandRegionProcess.Config(2, 3, 52, 0.1,
                0.2, 0.95, 1)).getMessage().contains("darkShare = 0.95"));
    }
}
