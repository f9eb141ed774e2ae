package io.github.mmm4j.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.models.NonNegativeLeastSquares;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.bayes.BayesianMmm;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The automated analysis's work scaled to the data's size: by the documented rule, and said. */
class SizeAdaptationTest {

    static MmmDataset data(int periods, int channels) {
        TimeIndex time = TimeIndex.regular(LocalDate.of(2000, 1, 3), Frequency.DAILY, periods);
        double[] kpi = new double[periods];
        for (int t = 0; t < periods; t++) {
            kpi[t] = 100 + t % 7;
        }
        MmmDataset.Builder b = MmmDataset.builder(time).kpi("sales", kpi);
        for (int c = 0; c < channels; c++) {
            double[] s = new double[periods];
            java.util.Arrays.fill(s, c + 1);
            b.channel("ch" + c, s);
        }
        return b.build();
    }

    @Test
    void smallDataKeepsEveryDefault() {
        AutoOptions o = AutoOptions.defaults();
        // three years of daily data with 40 channels: 43,800 row-channels
        SizeAdaptation a = SizeAdaptation.of(data(1095, 40), o, 26);
        assertTrue(a.notes().isEmpty(), a.notes().toString());
        assertSame(o.estimators().get(0), a.options().estimators().get(0));
        assertSame(o.estimators().get(2), a.options().estimators().get(2));
        assertEquals(4, a.options().maxRounds());
    }

    @Test
    void twentyThousandRowsOfFiftyChannelsGetFewerReplicatesAndRoundsAndNoBayesianModel() {
        SizeAdaptation a = SizeAdaptation.of(data(20_026, 50), AutoOptions.defaults(), 26);
        // 20,000 x 50 = 1e6 row-channels: ridge and NNLS 200 -> max(50, 200 * 2e5 / 1e6) = 50 replicates
        assertEquals(2, a.options().estimators().size());
        assertEquals(50, ((Ridge) a.options().estimators().get(0)).options().bootstrap());
        assertEquals(50, ((NonNegativeLeastSquares) a.options().estimators().get(1)).options().bootstrap());
        assertEquals(2, a.options().maxRounds());
        assertEquals(List.of("ridge: 50 bootstrap replicates instead of 200 (20,000 training rows x 50 channels)",
                "nnls: 50 bootstrap replicates instead of 200 (20,000 training rows x 50 channels)",
                "bayes: not fitted; even 100 + 100 iterations per chain would take tens of minutes (20,000 training "
                        + "rows x 50 channels); fit it alone with fit --model bayes, or on weekly data",
                "at most 2 rounds instead of 4 (20,000 training rows x 50 channels)"), a.notes());
        // alone, it is scaled to its floor rather than dropped
        SizeAdaptation alone = SizeAdaptation.of(data(20_026, 50), AutoOptions.defaults()
                .withEstimators(List.of(AutoOptions.defaultEstimators().get(2))), 26);
        BayesianMmm b = (BayesianMmm) alone.options().estimators().get(0);
        assertEquals(100, b.options().warmup());
        assertEquals(100, b.options().draws());
    }

    @Test
    void halfAMillionRowChannelsGetFewerDrawsPerChain() {
        // 10,000 x 50 = 5e5: 200 * 2e5 / 5e5 = 80 replicates; 1.5e8 / (5e5 x 800) = 0.375: 150 + 150 iterations
        SizeAdaptation a = SizeAdaptation.of(data(10_026, 50), AutoOptions.defaults(), 26);
        assertEquals(80, ((Ridge) a.options().estimators().get(0)).options().bootstrap());
        BayesianMmm b = (BayesianMmm) a.options().estimators().get(2);
        assertEquals(150, b.options().warmup());
        assertEquals(150, b.options().draws());
        assertEquals(4, b.options().chains());
        assertTrue(a.notes().contains("bayes: 150 warmup iterations and 150 draws per chain instead of 400 and 400 "
                + "(10,000 training rows x 50 channels)"), a.notes().toString());
    }

    @Test
    void theScaleIsContinuousAndHasFloors() {
        // 4,000 x 40 = 160,000 row-channels: every replicate kept; the Bayesian model's 1.6e5 x 800 = 1.28e8 <= 1.5e8
        SizeAdaptation keep = SizeAdaptation.of(data(4_026, 40), AutoOptions.defaults(), 26);
        assertEquals(200, ((Ridge) keep.options().estimators().get(0)).options().bootstrap());
        assertEquals(400, ((BayesianMmm) keep.options().estimators().get(2)).options().draws());
        assertEquals(4, keep.options().maxRounds());
        // 5,000 x 50 = 250,000: 200 * 2e5 / 2.5e5 = 160 replicates; 1.5e8 / 2e8 = 0.75: 300 + 300 iterations
        SizeAdaptation mid = SizeAdaptation.of(data(5_026, 50), AutoOptions.defaults(), 26);
        assertEquals(160, ((Ridge) mid.options().estimators().get(0)).options().bootstrap());
        assertEquals(300, ((BayesianMmm) mid.options().estimators().get(2)).options().draws());
        // 100,000 x 100 = 1e7: the floor of 50 replicates
        SizeAdaptation huge = SizeAdaptation.of(data(100_026, 100), AutoOptions.defaults(), 26);
        assertEquals(50, ((Ridge) huge.options().estimators().get(0)).options().bootstrap());
    }
}
