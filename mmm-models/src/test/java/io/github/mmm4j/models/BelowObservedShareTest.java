package io.github.mmm4j.models;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.TimeIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FittedModel#belowObservedShare(int)} on a panel takes each geo on its own spend: a channel that goes dark
 * in each geo at other times is measured from zero although its total over geos never is, and an always-on channel's
 * share is each geo's response at its lowest regular spend over its response at its mean, added up over geos.
 */
class BelowObservedShareTest {

    private static final int GEOS = 4;
    private static final int WEEKS = 104;

    /** Two channels over four geos of different sizes: {@code staggered} dark one week in four, never in all geos. */
    private static MmmDataset panel() {
        SplittableRandom rng = new SplittableRandom(5);
        TimeIndex time = TimeIndex.regular(LocalDate.of(2022, 1, 3), Frequency.WEEKLY, WEEKS);
        int n = GEOS * WEEKS;
        double[] kpi = new double[n];
        double[] staggered = new double[n];
        double[] always = new double[n];
        List<String> geos = new ArrayList<>();
        for (int g = 0; g < GEOS; g++) {
            geos.add("g" + g);
            double size = 1 + g;
            for (int t = 0; t < WEEKS; t++) {
                int r = g * WEEKS + t;
                staggered[r] = t % GEOS == g ? 0 : size * rng.nextDouble(50, 150);
                always[r] = size * rng.nextDouble(60, 140);
                kpi[r] = 500 * size + 2 * size * Math.sqrt(staggered[r]) + 3 * size * Math.sqrt(always[r])
                        + 5 * rng.nextGaussian();
            }
        }
        return MmmDataset.builder(time).geos(geos).kpi("sales", kpi).channel("staggered", staggered)
                .channel("always", always).build();
    }

    @Test
    void eachGeoIsTakenOnItsOwnSpend() {
        MmmDataset data = panel();
        check(data, Ridge.fit(data, ModelSpec.defaults(data).withFourierHarmonics(0), RidgeOptions.defaults()
                .withBootstrap(0)));
    }

    /**
     * A model with draws only (hierarchical Bayesian): each draw's response carries its own coefficient and geo
     * effects, so the share is the ratio of the responses averaged over draws, as {@code byGeo().response} gives.
     */
    @Test
    void aSampledModelWeighsEachDrawsResponse() {
        MmmDataset data = panel();
        FittedModel m = io.github.mmm4j.models.bayes.BayesianMmm.run(data,
                ModelSpec.defaults(data).withFourierHarmonics(0), io.github.mmm4j.models.bayes.BayesOptions
                        .defaults().withSeed(3).withChains(1).withWarmup(150).withDraws(100)).model();
        assertTrue(m.drawCount() > 0 && m.hasGeoEffects());
        check(data, m);
    }

    private static void check(MmmDataset data, FittedModel m) {
        double[] total = data.aggregate().spendColumn(0);
        assertTrue(Arrays.stream(total).min().orElseThrow() > 0, "the total never goes dark");
        assertEquals(0.0, m.belowObservedShare(0));

        // the always-on channel: sum over geos of the geo's response at its 5% quantile over that at its mean, each
        // geo's response read from the model over channel x geo
        FittedModel byGeo = m.byGeo();
        double below = 0;
        double atMean = 0;
        for (int g = 0; g < GEOS; g++) {
            double[] spend = new double[WEEKS];
            double mean = 0;
            for (int t = 0; t < WEEKS; t++) {
                spend[t] = data.spend(g * WEEKS + t, 1);
                mean += spend[t] / WEEKS;
            }
            Arrays.sort(spend);
            String cell = "always" + FittedModel.CELL_CHANNEL_SEPARATOR + "g" + g;
            below += byGeo.response(cell, spend[(int) Math.floor(0.05 * (WEEKS - 1))]);
            atMean += byGeo.response(cell, mean);
        }
        double share = m.belowObservedShare(1);
        assertEquals(below / atMean, share, 1e-12);
        assertTrue(share > FittedModel.ALWAYS_ON_SHARE && share < 1, "share " + share);
    }
}
