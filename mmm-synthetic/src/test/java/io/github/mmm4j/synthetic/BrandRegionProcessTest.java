package io.github.mmm4j.synthetic;

import io.github.mmm4j.core.MmmDataset;
import org.junit.jupiter.api.Test;
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
    void badSizesNameTheArgument() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BrandRegionProcess.draw(5, 3, 52, 1))
                .getMessage().contains("nBrands = 5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BrandRegionProcess.draw(2, 0, 52, 1))
                .getMessage().contains("nRegions = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BrandRegionProcess.draw(2, 3, 4, 1))
                .getMessage().contains("weeks = 4"));
    }
}
