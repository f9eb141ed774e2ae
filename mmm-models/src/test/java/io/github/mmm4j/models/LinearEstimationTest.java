package io.github.mmm4j.models;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.models.linear.Sign;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearEstimationTest {

    /** KPI = 1000 + 0.5 ch0 + 0.2 ch1 - 0.4 ch2 (in transformed units times scale) - 30 price + noise. */
    static MmmDataset data(long seed, double noise, double ch2Effect) {
        MmmDataset d0 = RidgeTest.randomData(seed, 120, 3);
        ModelSpec spec = ModelSpec.defaults(d0);
        Design design = Design.of(d0, spec, Design.Frame.of(d0));
        Rng rng = new Rng(seed + 1);
        double[] y = new double[d0.nRows()];
        int m = design.firstMediaColumn();
        for (int t = 0; t < y.length; t++) {
            y[t] = 1000 + 50 * design.get(t, m) + 20 * design.get(t, m + 1) + ch2Effect * design.get(t, m + 2)
                    - 30 * d0.control(t, 0) + noise * rng.nextGaussian();
        }
        return RidgeTest.withKpi(d0, y);
    }

    @Test
    void bootstrapIsIdenticalForAnyThreadCount() {
        MmmDataset d = data(1, 5, 10);
        RidgeOptions o = RidgeOptions.defaults().withBootstrap(50).withSeed(99);
        FittedModel one = Ridge.fit(d, ModelSpec.defaults(d), o.withParallelism(1));
        FittedModel three = Ridge.fit(d, ModelSpec.defaults(d), o.withParallelism(3));
        assertArrayEquals(one.drawRows().orElseThrow(), three.drawRows().orElseThrow(), 0.0);
        assertEquals(one.channels(), three.channels());
        FittedModel otherSeed = Ridge.fit(d, ModelSpec.defaults(d), o.withSeed(100));
        assertTrue(!java.util.Arrays.equals(one.drawRows().orElseThrow(), otherSeed.drawRows().orElseThrow()));
    }

    /**
     * With the true transforms and no penalty, 90% bootstrap intervals of ROI should cover the truth in about
     * 90% of replicates. 60 replicates: P(fewer than 45 covered | true coverage 0.9) ~ 1e-5; the upper bound
     * 60 of 60 has probability 0.9^60 ~ 2e-3 and is allowed.
     */
    @Test
    void bootstrapIntervalsCoverTheTrueRoi() {
        int covered = 0;
        int reps = 60;
        for (int r = 0; r < reps; r++) {
            MmmDataset d = data(1000 + r, 25, 10);
            ModelSpec spec = ModelSpec.defaults(d);
            Design design = Design.of(d, spec, Design.Frame.of(d));
            double sum = 0;
            for (int t = 0; t < d.nRows(); t++) {
                sum += design.get(t, design.firstMediaColumn());
            }
            double trueRoi = 50 * sum / d.totalSpend(0);
            FittedModel m = Ridge.fit(d, spec, RidgeOptions.defaults().withLambda(0).withBootstrap(200).withSeed(r));
            if (m.channels().get(0).roiInterval().orElseThrow().contains(trueRoi)) {
                covered++;
            }
        }
        assertTrue(covered >= 45, "covered " + covered + " of " + reps);
    }

    @Test
    void nnlsKeepsEveryMediaCoefficientNonNegativeInEveryDraw() {
        MmmDataset d = data(7, 5, -40);
        FittedModel ols = Ridge.fit(d, ModelSpec.defaults(d), RidgeOptions.defaults().withLambda(0).withBootstrap(0));
        assertTrue(ols.channels().get(2).contribution() < 0, "OLS finds the negative effect");
        FittedModel nnls = NonNegativeLeastSquares.fit(d, ModelSpec.defaults(d),
                RidgeOptions.defaults().withBootstrap(30).withSeed(3));
        assertEquals("nnls", nnls.estimator());
        int first = nnls.columnNames().indexOf("ch0");
        double[] coef = nnls.coefficients();
        for (int c = 0; c < 3; c++) {
            assertTrue(coef[first + c] >= 0, "coefficient of ch" + c);
        }
        assertEquals(0.0, coef[first + 2], 0.0);
        double[] draws = nnls.drawRows().orElseThrow();
        int width = nnls.parameterNames().size();
        for (int k = 0; k < nnls.drawCount(); k++) {
            for (int c = 0; c < 3; c++) {
                assertTrue(draws[k * width + 1 + first + c] >= 0, "draw " + k + " channel " + c);
            }
        }
        for (ChannelSummary c : nnls.channels()) {
            assertTrue(c.roi() >= 0 && c.roiInterval().orElseThrow().lower() >= 0, c.toString());
        }
    }

    @Test
    void controlSignConstraintsHold() {
        MmmDataset d = data(11, 5, 10);
        // The true price effect is negative; forcing it non-negative must clamp it to 0.
        FittedModel m = Ridge.fit(d, ModelSpec.defaults(d), RidgeOptions.defaults().withBootstrap(0)
                .withControlSigns(Map.of("price", Sign.NON_NEGATIVE)));
        assertEquals(0.0, m.coefficients()[m.columnNames().indexOf("price")], 0.0);
        FittedModel free = Ridge.fit(d, ModelSpec.defaults(d), RidgeOptions.defaults().withBootstrap(0));
        assertTrue(free.coefficients()[free.columnNames().indexOf("price")] < -20);
    }

    @Test
    void crossValidationPrefersLittlePenaltyOnNoiselessData() {
        MmmDataset d = data(13, 0, 10);
        RidgeOptions fixed = RidgeOptions.defaults().withBootstrap(0).withFixedTransforms(true);
        FittedModel m = Ridge.fit(d, ModelSpec.defaults(d), fixed);
        assertEquals(Double.toString(RidgeOptions.LAMBDA_GRID[0]), m.provenance().options().get("lambda_used"));
        MmmDataset noisy = data(13, 400, 10);
        FittedModel n = Ridge.fit(noisy, ModelSpec.defaults(noisy), fixed);
        assertTrue(Double.parseDouble(n.provenance().options().get("lambda_used")) > RidgeOptions.LAMBDA_GRID[0]);
    }

    @Test
    void marginalRoiEqualsTheDerivativeOfContributionWithRespectToSpendScaling() {
        MmmDataset d = data(17, 5, 10);
        FittedModel m = Ridge.fit(d, ModelSpec.defaults(d), RidgeOptions.defaults().withBootstrap(0));
        for (int c = 0; c < d.nChannels(); c++) {
            double h = 1e-5;
            double up = m.decompose(d.withSpend(scaled(d, c, 1 + h))).total(d.channels().get(c));
            double down = m.decompose(d.withSpend(scaled(d, c, 1 - h))).total(d.channels().get(c));
            double fd = (up - down) / (2 * h * d.totalSpend(c));
            assertEquals(fd, m.channels().get(c).mroi(), 1e-6 * Math.max(1, Math.abs(fd)), "channel " + c);
        }
    }

    @Test
    void marginalRoiIsFiniteForHillSlopesBelowOneWithZeroSpendWeeks() {
        MmmDataset d = data(29, 5, 10);
        ModelSpec spec = ModelSpec.defaults(d).withChannel(new ChannelSpec("ch0",
                io.github.mmm4j.transforms.Adstock.geometric(0.3, 8, true),
                io.github.mmm4j.transforms.Saturation.hill(0.8, 0.6)));
        FittedModel m = Ridge.fit(d, spec, RidgeOptions.defaults().withBootstrap(20));
        for (ChannelSummary c : m.channels()) {
            assertTrue(Double.isFinite(c.mroi()), c.toString());
        }
        double h = 1e-6;
        double up = m.decompose(d.withSpend(scaled(d, 0, 1 + h))).total("ch0");
        double down = m.decompose(d.withSpend(scaled(d, 0, 1 - h))).total("ch0");
        double fd = (up - down) / (2 * h * d.totalSpend(0));
        assertEquals(fd, m.channels().get(0).mroi(), 1e-5 * Math.abs(fd));
    }

    private static double[] scaled(MmmDataset d, int channel, double factor) {
        double[] s = d.spend();
        for (int r = 0; r < d.nRows(); r++) {
            s[r * d.nChannels() + channel] *= factor;
        }
        return s;
    }

    @Test
    void responseIsTheSteadyStateOfConstantSpendAndMarginalResponseItsDerivative() {
        MmmDataset d = data(19, 5, 10);
        FittedModel m = Ridge.fit(d, ModelSpec.defaults(d), RidgeOptions.defaults().withBootstrap(0));
        for (int c = 0; c < d.nChannels(); c++) {
            double s = 1.3 * d.totalSpend(c) / d.nRows();
            double[] series = new double[60];
            java.util.Arrays.fill(series, s);
            double[] contrib = m.channelContribution(c, 0, series);
            assertEquals(contrib[59], m.response(c, s), 1e-9 * Math.abs(contrib[59]));
            double h = 1e-4 * s;
            double fd = (m.response(c, s + h) - m.response(c, s - h)) / (2 * h);
            assertEquals(fd, m.marginalResponse(c, s), 1e-6 * Math.abs(fd));
            assertEquals(0.0, m.response(c, 0), 0.0);
        }
        // channelContribution reproduces the decomposition of the data
        double[] ch0 = m.decompose(d).component("ch0");
        assertArrayEquals(ch0, m.channelContribution(0, 0, d.spendColumn(0)), 1e-9);
    }

    @Test
    void collinearityFlagsDuplicatedChannels() {
        MmmDataset d0 = data(23, 5, 10);
        MmmDataset.Builder b = MmmDataset.builder(d0.time()).kpi("y", d0.kpi());
        b.channel("a", d0.spendColumn(0)).channel("a_copy", d0.spendColumn(0)).channel("b", d0.spendColumn(1));
        MmmDataset d = b.control("price", d0.controlColumn(0)).event("promo", d0.eventColumn(0)).build();
        FittedModel m = Ridge.fit(d, ModelSpec.defaults(d), RidgeOptions.defaults().withBootstrap(0));
        assertTrue(m.collinearity().severeNames().containsAll(java.util.List.of("a", "a_copy")),
                m.collinearity().severeNames().toString());
        assertTrue(!m.collinearity().severeNames().contains("b"));
    }
}
