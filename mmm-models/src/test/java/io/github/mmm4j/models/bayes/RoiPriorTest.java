package io.github.mmm4j.models.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import org.junit.jupiter.api.Test;

/** {@link BayesianMmm#roiPrior}: the ROI prior a fit used, for the report's prior-against-posterior chart. */
class RoiPriorTest {

    private static final MmmDataset DATA = BayesTestData.small(3, 104, 1);
    private static final FittedModel MODEL = Ridge.fit(DATA, ModelSpec.defaults(DATA),
            RidgeOptions.defaults().withLambda(0.1).withHoldout(8));

    @Test
    void theCommonPriorComesFromTheTrainingRowsOnly() {
        String ch = DATA.channels().get(0);
        Prior p = BayesianMmm.roiPrior(BayesPriors.defaults(), MODEL, ch).orElseThrow();
        // the media contribution prior: (share of the training KPI) / (training spend), the same for every channel
        int nt = DATA.nPeriods();
        double kpi = 0;
        double[] cost = new double[DATA.nChannels()];
        for (int t = 0; t < nt - 8; t++) {
            kpi += DATA.kpi(t);
            for (int c = 0; c < cost.length; c++) {
                cost[c] += DATA.spend(t, c);
            }
        }
        assertEquals(BayesPriors.defaults().mediaContribution().roiPrior(kpi, cost), p);
        assertEquals(p, BayesianMmm.roiPrior(BayesPriors.defaults(), MODEL, DATA.channels().get(1)).orElseThrow());
    }

    @Test
    void aChannelsOwnPriorWinsAndAnEffectPriorHasNone() {
        String ch = DATA.channels().get(0);
        Prior own = new Prior.LogNormal(0.5, 0.3);
        BayesPriors priors = BayesPriors.defaults().withChannel(ch, ChannelPriors.defaults().withRoi(own));
        assertEquals(own, BayesianMmm.roiPrior(priors, MODEL, ch).orElseThrow());
        assertTrue(BayesianMmm.roiPrior(BayesPriors.defaults().withoutMediaContribution(), MODEL, ch).isEmpty(),
                "without a media contribution prior the channel's prior is on its effect");
    }
}
