package io.github.mmm4j.models;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.TimeIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Panels with population: media is modelled per capita ({@link Design}'s class comment), in the design, in every
 * path of {@link FittedModel} that re-evaluates media from spend, and through model.json; and a correctly specified
 * per-capita process is recovered, which the model without population gets wrong.
 */
class PopulationTest {

    private static final double[] POPULATION = {0.2e6, 0.5e6, 1.0e6, 2.0e6, 4.0e6, 8.0e6};
    private static final double[] BETA = {9.0, 5.0};

    /**
     * A per-capita process: each geo's spend is its population times a common per-head pattern with noise, and its
     * KPI is its own level plus, per channel, {@code BETA_c * size_g * hill(adstock(spend / (scale_c * size_g)))}
     * (the model's defaults: geometric decay 0.5, Hill ec 1, slope 1) plus noise.
     */
    private static MmmDataset process(long seed, int weeks) {
        SplittableRandom rng = new SplittableRandom(seed);
        TimeIndex time = TimeIndex.regular(LocalDate.of(2022, 1, 3), Frequency.WEEKLY, weeks);
        int ng = POPULATION.length;
        double mean = 0;
        for (double p : POPULATION) {
            mean += p / ng;
        }
        List<String> geos = new ArrayList<>();
        double[][] spend = new double[2][ng * weeks];
        double[] kpi = new double[ng * weeks];
        for (int g = 0; g < ng; g++) {
            geos.add("g" + g);
            double size = POPULATION[g] / mean;
            for (int t = 0; t < weeks; t++) {
                double perHeadTv = t % 5 == 0 ? 0 : 100 * rng.nextDouble(0.2, 1.8);
                double perHeadSearch = 40 * rng.nextDouble(0.5, 1.5);
                spend[0][g * weeks + t] = size * perHeadTv;
                spend[1][g * weeks + t] = size * perHeadSearch;
            }
        }
        MmmDataset shape = MmmDataset.builder(time).geos(geos).kpi("sales", new double[ng * weeks])
                .channel("tv", spend[0]).channel("search", spend[1]).population(POPULATION).build();
        ModelSpec spec = ModelSpec.defaults(shape).withTrend(false).withFourierHarmonics(0);
        Design design = Design.of(shape, spec, Design.Frame.of(shape));
        int fm = design.firstMediaColumn();
        for (int g = 0; g < ng; g++) {
            double size = POPULATION[g] / mean;
            for (int t = 0; t < weeks; t++) {
                int r = g * weeks + t;
                kpi[r] = 50 * size + BETA[0] * design.get(r, fm) + BETA[1] * design.get(r, fm + 1)
                        + rng.nextGaussian() * 0.5 * Math.sqrt(size);
            }
        }
        return MmmDataset.builder(time).geos(geos).kpi("sales", kpi).channel("tv", spend[0])
                .channel("search", spend[1]).population(POPULATION).build();
    }

    @Test
    void mediaColumnIsPerCapitaTimesSize() {
        MmmDataset data = process(1, 40);
        Design.Frame frame = Design.Frame.of(data);
        assertTrue(frame.perCapita());
        assertEquals(1.0, java.util.Arrays.stream(frame.geoSize()).average().orElseThrow(), 1e-12);
        assertEquals(8.0 / 0.2, frame.geoSize(5) / frame.geoSize(0), 1e-12);
        ModelSpec spec = ModelSpec.defaults(data);
        Design d = Design.of(data, spec, frame);
        ChannelSpec tv = spec.channels().get(0);
        double unit = frame.mediaScale()[0] * frame.geoSize(3);
        double[] x = new double[40];
        for (int t = 0; t < 40; t++) {
            x[t] = data.spend(3 * 40 + t, 0) / unit;
        }
        double[] a = new double[40];
        double[] s = new double[40];
        tv.adstock().apply(x, 40, a);
        tv.saturation().apply(a, 40, s);
        for (int t = 0; t < 40; t++) {
            assertEquals(frame.geoSize(3) * s[t], d.get(3 * 40 + t, d.firstMediaColumn()), 1e-12);
        }
        // without population every size is 1 and the columns are those of a frame without it
        MmmDataset plain = MmmDataset.builder(data.time()).geos(data.geos()).kpi("sales", data.kpi())
                .channel("tv", data.spendColumn(0)).channel("search", data.spendColumn(1)).build();
        assertFalse(Design.Frame.of(plain).perCapita());
        assertThrows(IllegalArgumentException.class, () -> plain.withPopulation(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> plain.withPopulation(new double[] {1, 2, 3, 0, 5, 6}));
    }

    @Test
    void everyPathOfTheFittedModelAgreesWithTheDesignAndSurvivesModelJson() {
        MmmDataset data = process(2, 60);
        ModelSpec spec = ModelSpec.defaults(data).withTrend(false).withFourierHarmonics(0);
        FittedModel m = Ridge.fit(data, spec, RidgeOptions.defaults().withLambda(1e-6).withBootstrap(0).withFixedTransforms(true));
        // channelContribution (the optimizer's and Shapley's kernel) per geo, summed, is the decomposition's total
        for (int c = 0; c < 2; c++) {
            double viaKernel = 0;
            for (int g = 0; g < data.nGeos(); g++) {
                double[] sp = new double[60];
                for (int t = 0; t < 60; t++) {
                    sp[t] = data.spend(g * 60 + t, c);
                }
                for (double v : m.channelContribution(c, g, sp)) {
                    viaKernel += v;
                }
            }
            ChannelSummary cs = m.channels().get(c);
            assertEquals(cs.contribution(), viaKernel, 1e-9 * Math.abs(cs.contribution()));
            // per-geo contributions add up to the total
            double perGeo = 0;
            for (List<ChannelSummary> geo : m.geoChannels()) {
                perGeo += geo.get(c).contribution();
            }
            assertEquals(cs.contribution(), perGeo, 1e-9 * Math.abs(cs.contribution()));
        }
        FittedModel back = ModelJson.fromJson(ModelJson.toJson(m));
        assertEquals(m.frame(), back.frame());
        assertTrue(back.frame().perCapita());
        assertEquals(m.channels(), back.channels());
    }

    /**
     * Recovery: on the per-capita process (sizes 0.2 to 8 million, a 40x range) the model with population recovers
     * each channel's total ROI within 5%; without population the same estimator, forced to one saturation curve
     * in whole-geo spend, misses by more.
     */
    @Test
    void recoversAPerCapitaProcess() {
        MmmDataset data = process(3, 104);
        ModelSpec spec = ModelSpec.defaults(data).withTrend(false).withFourierHarmonics(0);
        FittedModel m = Ridge.fit(data, spec, RidgeOptions.defaults().withLambda(1e-6).withBootstrap(0).withFixedTransforms(true));
        Design truth = Design.of(data, spec, Design.Frame.of(data));
        MmmDataset plain = MmmDataset.builder(data.time()).geos(data.geos()).kpi("sales", data.kpi())
                .channel("tv", data.spendColumn(0)).channel("search", data.spendColumn(1)).build();
        FittedModel without = Ridge.fit(plain, spec, RidgeOptions.defaults().withLambda(1e-6).withBootstrap(0).withFixedTransforms(true));
        double worst = 0;
        double worstWithout = 0;
        for (int c = 0; c < 2; c++) {
            double contribution = 0;
            for (int r = 0; r < data.nRows(); r++) {
                contribution += BETA[c] * truth.get(r, truth.firstMediaColumn() + c);
            }
            double roi = contribution / data.totalSpend(c);
            worst = Math.max(worst, Math.abs(m.channels().get(c).roi() / roi - 1));
            worstWithout = Math.max(worstWithout, Math.abs(without.channels().get(c).roi() / roi - 1));
        }
        assertTrue(worst < 0.05, "worst relative ROI error with population " + worst);
        assertTrue(worstWithout > 2 * worst, "without population " + worstWithout + " vs " + worst);
    }
}
