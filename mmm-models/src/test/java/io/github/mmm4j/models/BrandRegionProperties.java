package io.github.mmm4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.synthetic.BrandRegionProcess;
import io.github.mmm4j.synthetic.Scenarios;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * On any brand x region panel the arbitraries draw ({@link Scenarios#brandRegion()}), the per-cell, per-brand and
 * per-region summaries of a fitted model add up: contributions and spend over a brand's cells sum to the brand's, the
 * brands' sum to the total, a group's ROI lies between its cells' ROIs (it is their spend-weighted mean), and every
 * point lies inside its interval. Ridge with a small bootstrap keeps it fast; the summaries are computed the same way
 * for every estimator. The jqwik seed is fixed so the build is deterministic.
 */
class BrandRegionProperties {

    @Property(tries = 4, seed = "20261207")
    void summariesAddUpOverCellsBrandsAndRegions(@ForAll("panels") BrandRegionProcess.Draw d) {
        FittedModel m = Ridge.fit(d.data(), ModelSpec.defaults(d.data()).withPrice(new ModelSpec.Price("price", true)),
                RidgeOptions.defaults().withBootstrap(20).withFixedTransforms(true).withSeed(1));
        List<String> geos = d.data().geos();
        List<List<ChannelSummary>> cells = m.geoChannels();
        assertEquals(geos.size(), cells.size());
        List<ChannelSummary> total = m.channelsOver(geos);
        for (int c = 0; c < d.data().nChannels(); c++) {
            ChannelSummary all = m.channels().get(c);
            assertEquals(all.contribution(), total.get(c).contribution(), 1e-9 * Math.abs(all.contribution()));
            assertEquals(all.roi(), total.get(c).roi(), 1e-9 * Math.abs(all.roi()));
            double brandSum = 0;
            for (int b = 0; b < d.brands().size(); b++) {
                brandSum += group(m, d, d.brandCells(b), cells, c);
            }
            assertEquals(all.contribution(), brandSum, 1e-9 * Math.abs(all.contribution()));
            double regionSum = 0;
            for (int r = 0; r < d.regions().size(); r++) {
                regionSum += group(m, d, d.regionCells(r), cells, c);
            }
            assertEquals(all.contribution(), regionSum, 1e-9 * Math.abs(all.contribution()));
        }
        for (List<ChannelSummary> cell : cells) {
            for (ChannelSummary cs : cell) {
                cs.roiInterval().ifPresent(iv -> assertTrue(iv.contains(cs.roi()), "point outside: " + cs));
            }
        }
        assertEquals(d.brands().size(), m.priceElasticities().size());
        for (PriceElasticity e : m.priceElasticities()) {
            e.interval().ifPresent(iv -> assertTrue(iv.contains(e.estimate()), "point outside: " + e));
        }
    }

    /** Checks one group of cells against its cells and returns its contribution. */
    private static double group(FittedModel m, BrandRegionProcess.Draw d, int[] idx, List<List<ChannelSummary>> cells,
            int c) {
        List<String> names = new ArrayList<>();
        double contribution = 0;
        double spend = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int g : idx) {
            names.add(d.data().geos().get(g));
            ChannelSummary cell = cells.get(g).get(c);
            contribution += cell.contribution();
            spend += cell.spend();
            if (cell.spend() > 0) {
                lo = Math.min(lo, cell.roi());
                hi = Math.max(hi, cell.roi());
            }
        }
        ChannelSummary g = m.channelsOver(names).get(c);
        assertEquals(contribution, g.contribution(), 1e-9 * Math.abs(contribution));
        assertEquals(spend, g.spend(), 1e-9 * spend);
        double tol = 1e-9 * Math.max(Math.abs(lo), Math.abs(hi));
        assertTrue(g.roi() >= lo - tol && g.roi() <= hi + tol, "group ROI " + g.roi() + " outside [" + lo + ", " + hi
                + "]");
        g.roiInterval().ifPresent(iv -> assertTrue(iv.contains(g.roi()), "point outside: " + g));
        return g.contribution();
    }

    @Provide
    Arbitrary<BrandRegionProcess.Draw> panels() {
        return Scenarios.brandRegion();
    }
}
