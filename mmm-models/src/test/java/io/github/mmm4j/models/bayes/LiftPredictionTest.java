package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lift test's changed spend and a model's predicted lift compare like with like. */
class LiftPredictionTest {

    private static final MmmDataset DATA = BayesTestData.small(5, 104, 1);

    @Test
    void changedSpendFollowsTheTestAsItWasRun() {
        LocalDate a = DATA.time().date(20);
        LocalDate b = DATA.time().date(27);
        double[] dark = LiftTest.ofMultiplier("tv", a, b, 0, -10, 1).changedSpend(DATA);
        double[] observed = DATA.spendColumn(0);
        double window = 0;
        for (int t = 0; t < DATA.nPeriods(); t++) {
            boolean in = t >= 20 && t <= 27;
            assertEquals(in ? 0 : observed[t], dark[t], 0.0, "period " + t);
            window += in ? observed[t] : 0;
        }
        // a total cut of all the window's spend is the same go-dark test
        assertArrayEquals(dark, new LiftTest("tv", a, b, -window, -10, 1).changedSpend(DATA), 1e-9);
        double tooMuch = -2 * window;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LiftTest("tv", a, b, tooMuch, -10, 1).changedSpend(DATA));
        assertTrue(e.getMessage().contains("cuts more than"), e.getMessage());
    }

    @Test
    void predictedLiftIsTheChannelsContributionChangeOverTheTestAndItsCarryover() {
        FittedModel m = Ridge.fit(DATA, ModelSpec.defaults(DATA), RidgeOptions.defaults().withFixedTransforms(true)
                .withBootstrap(0));
        LiftTest test = LiftTest.ofMultiplier("tv", DATA.time().date(30), DATA.time().date(37), 1.5, 0, 1);
        double[] base = m.channelContribution(0, 0, DATA.spendColumn(0));
        double[] plan = m.channelContribution(0, 0, test.changedSpend(DATA));
        int last = Math.min(DATA.nPeriods() - 1, 37 + m.spec().channels().get(0).adstock().maxLag());
        double expected = 0;
        for (int t = 30; t <= last; t++) {
            expected += plan[t] - base[t];
        }
        assertEquals(expected, test.predictedLift(m), 1e-9 * Math.abs(expected));
        assertTrue(expected > 0);
    }
}
