package io.github.mmm4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.MmmDataset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The tuned fit (the default) and its re-tuned bootstrap: determinism, per-draw transforms, point inside. */
class TunedBootstrapTest {

    private static final RidgeOptions SMALL = RidgeOptions.defaults().withBootstrap(40).withSeed(5)
            .withTuning(TuningOptions.defaults().withEvaluations(400, 40));

    @Test
    void drawsAreIdenticalForAnyThreadCount() {
        MmmDataset d = LinearEstimationTest.data(21, 25, 10);
        for (boolean nnls : new boolean[] {false, true}) {
            FittedModel one = fit(nnls, d, SMALL.withParallelism(1));
            FittedModel two = fit(nnls, d, SMALL.withParallelism(2));
            FittedModel four = fit(nnls, d, SMALL.withParallelism(4));
            assertArrayEquals(one.drawRows().orElseThrow(), two.drawRows().orElseThrow(), 0.0);
            assertArrayEquals(one.drawRows().orElseThrow(), four.drawRows().orElseThrow(), 0.0);
            assertArrayEquals(one.pointRow().orElseThrow(), four.pointRow().orElseThrow(), 0.0);
        }
    }

    @Test
    void eachDrawCarriesItsOwnTransformParameters() {
        MmmDataset d = LinearEstimationTest.data(22, 25, 10);
        FittedModel m = Ridge.fit(d, ModelSpec.defaults(d), SMALL);
        int w = m.parameterNames().size();
        int first = m.parameterNames().indexOf("ch0.adstock.alpha");
        double[] rows = m.drawRows().orElseThrow();
        double[] alphas = new double[m.drawCount()];
        for (int b = 0; b < alphas.length; b++) {
            alphas[b] = rows[b * w + first];
        }
        assertTrue(Arrays.stream(alphas).distinct().count() > 1, "re-tuned draws differ in alpha");
        assertEquals("tuned (blocked cross-validation)", m.provenance().options().get("transforms"));

        FittedModel fixed = Ridge.fit(d, ModelSpec.defaults(d), SMALL.withFixedTransforms(true));
        double[] fr = fixed.drawRows().orElseThrow();
        for (int b = 0; b < fixed.drawCount(); b++) {
            assertEquals(ModelSpec.DEFAULT_DECAY, fr[b * w + first], 0.0);
        }
        assertEquals("fixed", fixed.provenance().options().get("transforms"));
    }

    @Test
    void tuningMovesTheTransformsFromAWrongStart() {
        MmmDataset d = LinearEstimationTest.data(23, 5, 10); // generated with decay 0.5
        ModelSpec wrong = ModelSpec.defaults(d);
        for (ChannelSpec c : wrong.channels()) {
            wrong = wrong.withChannel(c.withAdstock(io.github.mmm4j.transforms.Adstock.geometric(0.05,
                    ModelSpec.DEFAULT_MAX_LAG, true)));
        }
        FittedModel m = Ridge.fit(d, wrong, SMALL.withBootstrap(0));
        double alpha = m.spec().channels().get(0).adstock().parameters()[0];
        assertEquals(0.5, alpha, 0.15, "tuned decay of ch0");
    }

    /** The point estimate (the full-data fit) lies inside its own 90% interval, for every channel and both fits. */
    @Test
    void pointLiesInsideItsInterval() {
        for (long seed = 30; seed < 36; seed++) {
            MmmDataset d = LinearEstimationTest.data(seed, 40, 10);
            for (boolean nnls : new boolean[] {false, true}) {
                FittedModel m = fit(nnls, d, SMALL.withBootstrap(100).withSeed(seed));
                for (ChannelSummary c : m.channels()) {
                    Interval i = c.roiInterval().orElseThrow();
                    assertTrue(i.contains(c.roi()), (nnls ? "nnls " : "ridge ") + c.name() + " seed " + seed
                            + ": ROI " + c.roi() + " outside " + i);
                }
            }
        }
    }

    @Test
    void fixedAndTunedAgreeOnOptionsRecord() {
        assertTrue(RidgeOptions.defaults().tunesTransforms());
        assertFalse(RidgeOptions.defaults().withFixedTransforms(true).tunesTransforms());
        assertEquals(RidgeOptions.defaults(), RidgeOptions.defaults().withFixedTransforms(true)
                .withFixedTransforms(false));
    }

    private static FittedModel fit(boolean nnls, MmmDataset d, RidgeOptions o) {
        return nnls ? NonNegativeLeastSquares.fit(d, ModelSpec.defaults(d), o) : Ridge.fit(d, ModelSpec.defaults(d), o);
    }
}
