package io.github.mmm4j.models.search;

import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.RidgeOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ground-truth recovery on data generated from the model class ({@link SearchTestData}: 156 weeks, 5 channels with
 * known geometric decay, Hill parameters and ROIs 1.2, 0.9, 1.3, 1.0, 0.8; noise standard deviation 30, about 1.2%
 * of the KPI) with Robyn's default budget (5 trials of 2000 evaluations).
 *
 * <p>Two findings are asserted. (1) The front contains the truth: its best-fitting member (lowest NRMSE) recovers
 * every channel's ROI within 20%. (2) The default choice (the knee of the normalised front) trades a little fit for a
 * much smaller DECOMP.RSSD and is therefore pulled towards "effect share = spend share" (that is what DECOMP.RSSD
 * rewards, by Robyn's design): its effect shares are closer to the spend shares than the truth's, and its ROIs are
 * within 30% (the high-ROI channels lose about 20%). Seeds are fixed, so the test is deterministic and has no failure
 * probability; over data seeds 1 to 5 (1 to 3 run here) the largest error of (1) was 17%; with noise 45 two of five
 * seeds exceed 20%.
 */
class RecoveryTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void frontContainsTheTruthAndTheKneeLeansTowardsSpendShares(long dataSeed) {
        SearchTestData.Truth truth = SearchTestData.generate(dataSeed, 156, 5, 30);
        SearchResult r = HyperparameterSearch.run(truth.data(), truth.spec(), SearchOptions.defaults().withSeed(7));
        assertEquals(SearchStatus.COMPLETED, r.status());
        assertEquals(10_000, r.evaluations());
        FittedModel best = r.front().get(0).fit(truth.data(), RidgeOptions.defaults().withBootstrap(0));
        FittedModel knee = r.selected().fit(truth.data(), RidgeOptions.defaults().withBootstrap(0));
        double[] spendShare = r.selected().spendShares();
        double truthTotal = 0;
        for (int c = 0; c < 5; c++) {
            truthTotal += truth.roi()[c] * truth.data().totalSpend(c);
        }
        double truthRssd = 0;
        for (int c = 0; c < 5; c++) {
            ChannelSummary s = best.channels().get(c);
            double rel = Math.abs(s.roi() - truth.roi()[c]) / truth.roi()[c];
            assertTrue(rel < SearchTolerances.ROI, String.format("data seed %d, best fit, %s: ROI %.3f, truth %.3f "
                    + "(%.0f%% off)", dataSeed, s.name(), s.roi(), truth.roi()[c], 100 * rel));
            ChannelSummary k = knee.channels().get(c);
            double relKnee = Math.abs(k.roi() - truth.roi()[c]) / truth.roi()[c];
            assertTrue(relKnee < 0.30, String.format("data seed %d, selected, %s: ROI %.3f, truth %.3f (%.0f%% off)",
                    dataSeed, k.name(), k.roi(), truth.roi()[c], 100 * relKnee));
            double d = truth.roi()[c] * truth.data().totalSpend(c) / truthTotal - spendShare[c];
            truthRssd += d * d;
        }
        assertTrue(r.selected().decompRssd() < Math.sqrt(truthRssd), "the knee's DECOMP.RSSD "
                + r.selected().decompRssd() + " is below the truth's " + Math.sqrt(truthRssd));
        assertTrue(r.selected().nrmse() >= r.front().get(0).nrmse());
    }
}
