package io.github.mmm4j.models.bayes;

import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.PriceElasticity;
import io.github.mmm4j.synthetic.BrandRegionProcess;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ground-truth recovery of the hierarchical Bayesian model on brand x region panels with population and price
 * ({@link BrandRegionProcess}: 3 brands x 4 regions x 156 weeks, per-cell log-normal effects around per-brand
 * effects, media per capita, a multiplicative price effect with one elasticity per brand), the aims on three
 * fixed seeds with 2 chains x 500 + 500 (a fast CI variant of the 24-cell study in {@code mmm-bench/README.md}):
 * pooled over the seeds, the per-cell 90% ROI intervals hold the true per-cell ROI 80% to 97% of the time, every
 * point lies inside its interval, the total ROIs are within 15% of the truth on average, and the brands' 90%
 * elasticity intervals hold the truth at least 7 times of 9. The noise sd per cell (the default on panels) follows the
 * process's, which grows with the cell's size and brand level: each cell's posterior mean log sd, centred over the
 * cells, lies within 0.25 of the true one's. At most two transitions diverge over the three fits: with the
 * half-normal prior on the between-cell and between-brand sds used until 2026-12-07 they had 3, 2 and 4 divergent
 * transitions, with the boundary-avoiding {@link BayesPriors#geoSdPrior(double)} none (the fits are the same bits on
 * every machine; a little room is left since divergences are rare events that other model changes may move).
 */
class BrandRegionRecoveryTest {

    private static final long[] SEEDS = {7, 8, 9};

    @Test
    void cellsTotalsAndElasticitiesAreRecovered() {
        List<String> channels = BrandRegionProcess.CHANNELS;
        int inside = 0;
        int total = 0;
        double absError = 0;
        int elasticityInside = 0;
        long divergences = 0;
        StringBuilder report = new StringBuilder();
        for (long seed : SEEDS) {
            BrandRegionProcess.Draw d = BrandRegionProcess.draw(3, 4, 156, seed);
            ModelSpec spec = ModelSpec.defaults(d.data()).withPrice(new ModelSpec.Price("price", true));
            BayesianMmm.Run run = BayesianMmm.run(d.data(), spec, BayesOptions.defaults().withSeed(seed)
                    .withChains(2).withWarmup(500).withDraws(500));
            FittedModel m = run.model();
            divergences += run.sampler().divergences();
            report.append(String.format(Locale.ROOT, " seed %d: %d divergent;", seed, run.sampler().divergences()));
            checkNoise(d, run.sampler(), report);
            assertTrue(m.hasGeoEffects());
            List<List<ChannelSummary>> cells = m.geoChannels();
            assertEquals(12, cells.size());
            for (int g = 0; g < cells.size(); g++) {
                for (int c = 0; c < channels.size(); c++) {
                    ChannelSummary cs = cells.get(g).get(c);
                    assertEquals(channels.get(c), cs.name());
                    Interval iv = cs.roiInterval().orElseThrow();
                    assertTrue(iv.contains(cs.roi()), "point outside its interval: " + cs);
                    inside += iv.contains(d.roi(new int[] {g}, c)) ? 1 : 0;
                    total++;
                }
            }
            report.append(String.format(Locale.ROOT, " seed %d totals:", seed));
            for (int c = 0; c < channels.size(); c++) {
                ChannelSummary cs = m.channels().get(c);
                Interval iv = cs.roiInterval().orElseThrow();
                assertTrue(iv.contains(cs.roi()), "point outside its interval: " + cs);
                double truth = d.totalRoi(c);
                absError += Math.abs(cs.roi() / truth - 1) / (channels.size() * SEEDS.length);
                report.append(String.format(Locale.ROOT, " %s %.4g vs %.4g", cs.name(), cs.roi(), truth));
            }
            List<PriceElasticity> el = m.priceElasticities();
            assertEquals(3, el.size());
            for (int b = 0; b < 3; b++) {
                PriceElasticity e = el.get(b);
                assertEquals(d.brands().get(b), e.brand());
                Interval iv = e.interval().orElseThrow();
                assertTrue(iv.contains(e.estimate()), "point outside its interval: " + e);
                elasticityInside += iv.contains(d.elasticity()[b]) ? 1 : 0;
                report.append(String.format(Locale.ROOT, "; %s elasticity %.3f [%.3f, %.3f] vs %.2f", e.brand(),
                        e.estimate(), iv.lower(), iv.upper(), d.elasticity()[b]));
            }
        }
        double coverage = (double) inside / total;
        String msg = String.format(Locale.ROOT, "cell coverage %.3f, mean absolute total ROI error %.3f, "
                + "elasticities inside %d of %d;%s", coverage, absError, elasticityInside, 3 * SEEDS.length, report);
        assertTrue(coverage >= 0.80 && coverage <= 0.97, msg);
        assertTrue(absError <= 0.15, msg);
        assertTrue(elasticityInside >= 7, msg);
        assertTrue(divergences <= 2, msg);
    }

    /**
     * The process's noise in cell {@code g} is {@code base_b size_r (0.02 N)} (the baseline's) plus
     * {@code 2 sqrt(size_r) base_b / 100 N}, so its sd is about {@code 0.02 base_b sqrt(size^2 + size)} (season and
     * price move the first part by a few percent).
     */
    private static void checkNoise(BrandRegionProcess.Draw d, NutsResult r, StringBuilder report) {
        double[] pop = d.data().populations().orElseThrow();
        int nr = d.regions().size();
        double meanPop = 0;
        for (int k = 0; k < nr; k++) {
            meanPop += pop[k] / nr;
        }
        double[] base = {100, 70, 50};
        int ng = d.data().nGeos();
        double[] est = new double[ng];
        double[] truth = new double[ng];
        double estMean = 0;
        double truthMean = 0;
        for (int g = 0; g < ng; g++) {
            String name = "log_sigma[" + d.data().geos().get(g) + "]";
            est[g] = r.summary().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow().mean();
            double size = pop[g] / meanPop;
            truth[g] = Math.log(0.02 * base[g / nr] * Math.sqrt(size * size + size));
            estMean += est[g] / ng;
            truthMean += truth[g] / ng;
        }
        for (int g = 0; g < ng; g++) {
            assertEquals(truth[g] - truthMean, est[g] - estMean, 0.25, "log noise sd of " + d.data().geos().get(g)
                    + ", centred over cells");
        }
        report.append(String.format(Locale.ROOT, " noise spread %.2f", truth[0] - truth[ng - 1]));
    }
}
