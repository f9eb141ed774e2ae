package io.github.mmm4j.models;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesianMmm;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every estimator's {@link FittedModel} keeps, run over ridge, NNLS and the Bayesian model through the
 * one {@link Estimator} interface: the {@code model.json} round trip is bit-identical for every output, the point
 * estimate is defined once, channels are reachable by name, and {@code toString} describes the model.
 */
class FittedModelContractTest {

    private static final MmmDataset DATA = ModelJsonTest.data();

    static Stream<Estimator> estimators() {
        return Stream.of(new Ridge(RidgeOptions.defaults().withBootstrap(30)),
                new NonNegativeLeastSquares(RidgeOptions.defaults().withBootstrap(30)),
                new BayesianMmm(BayesOptions.defaults().withChains(2).withWarmup(150).withDraws(60)));
    }

    private static FittedModel fit(Estimator e) {
        return e.withHoldout(10).withSeed(11).fit(DATA, ModelJsonTest.mixedSpec(DATA));
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void estimatorInterfaceSetsHoldoutSeedAndName(Estimator e) {
        FittedModel m = fit(e);
        assertEquals(e.name(), m.estimator());
        assertEquals(10, m.holdout());
        assertEquals(11, m.provenance().seed());
        assertEquals(10, e.withHoldout(10).holdout());
        assertEquals(11, e.withSeed(11).seed());
        assertTrue(m.testMetrics().isPresent());
        assertEquals(e.name().equals("bayes"), m.samplerDiagnostics().isPresent());
        // the Bayesian model samples its transforms; ridge and NNLS tune theirs unless told to keep them fixed
        assertTrue(e.learnsTransforms());
        if (e instanceof LinearEstimator l) {
            assertFalse(l.withOptions(l.options().withFixedTransforms(true)).learnsTransforms());
        }
        double[] progress = {0};
        e.withProgress(f -> progress[0] = Math.max(progress[0], f)).withSeed(3).fit(DATA, ModelJsonTest.mixedSpec(DATA));
        assertEquals(1.0, progress[0], 0.0);
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void roundTripIsBitIdentical(Estimator e, @TempDir Path dir) {
        FittedModel m = fit(e);
        Path f = dir.resolve("model.json");
        ModelJson.write(m, f);
        FittedModel back = ModelJson.read(f);
        assertEquals(ModelJson.toString(m), ModelJson.toString(back));
        assertEquals(m.estimator(), back.estimator());
        assertEquals(m.spec(), back.spec());
        assertEquals(m.provenance(), back.provenance());
        assertEquals(m.drawCount(), back.drawCount());
        assertEquals(m.samplerDiagnostics(), back.samplerDiagnostics());
        assertArrayEquals(m.predict(DATA), back.predict(back.data()), 0.0);
        assertArrayEquals(m.decompose(DATA).values(), back.decompose(DATA).values(), 0.0);
        assertEquals(m.channels(), back.channels());
        assertEquals(m.trainMetrics(), back.trainMetrics());
        assertEquals(m.testMetrics(), back.testMetrics());
        assertEquals(m.transformParameters(), back.transformParameters());
        assertArrayEquals(m.coefficients(), back.coefficients(), 0.0);
        double[] spend = new double[20];
        java.util.Arrays.fill(spend, 3, 9, 250.0);
        for (int c = 0; c < DATA.nChannels(); c++) {
            assertEquals(m.response(c, 123.0), back.response(c, 123.0), 0.0);
            assertEquals(m.marginalResponse(c, 77.0), back.marginalResponse(c, 77.0), 0.0);
            assertArrayEquals(m.channelContribution(c, 0, spend), back.channelContribution(c, 0, spend), 0.0);
        }
        for (int i : new int[] {0, m.drawCount() - 1}) {
            assertArrayEquals(m.draw(i).predict(DATA), back.draw(i).predict(DATA), 0.0);
        }
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void pointEstimateIsDefinedOnce(Estimator e) {
        FittedModel m = fit(e);
        Decomposition d = m.decompose(DATA);
        for (ChannelSummary c : m.channels()) {
            // the channel summary and the decomposition give the same point contribution
            assertEquals(c.contribution(), d.total(c.name()), 1e-9 * Math.abs(c.contribution()) + 1e-9, c.name());
            assertTrue(c.roiInterval().isPresent());
        }
        if (!m.hasPoint()) {
            // without a point row, every estimate is the mean over all draws
            double[] mean = new double[DATA.nRows()];
            for (int i = 0; i < m.drawCount(); i++) {
                double[] p = m.draw(i).predict(DATA);
                for (int r = 0; r < mean.length; r++) {
                    mean[r] += p[r] / m.drawCount();
                }
            }
            assertArrayEquals(mean, m.predict(DATA), 1e-6);
            double roi = 0;
            for (int i = 0; i < m.drawCount(); i++) {
                roi += m.draw(i).channels().get(1).roi() / m.drawCount();
            }
            assertEquals(roi, m.channels().get(1).roi(), 1e-9 * Math.abs(roi));
        } else {
            assertArrayEquals(m.pointRow().orElseThrow(), FittedModel.row(m.spec(), m.intercept(), m.coefficients()),
                    0.0);
        }
        for (FittedModel.TransformParameter p : m.transformParameters()) {
            assertTrue(p.interval().isPresent(), p.toString());
            assertTrue(p.interval().get().contains(p.estimate()), p.toString());
        }
        // every point estimate lies inside its own interval: channels and every cell of the decomposition
        for (ChannelSummary c : m.channels()) {
            assertTrue(c.roiInterval().get().contains(c.roi()), c.toString());
            assertTrue(c.contributionInterval().get().contains(c.contribution()), c.toString());
            assertTrue(c.mroiInterval().get().contains(c.mroi()), c.toString());
            assertTrue(c.shareInterval().get().contains(c.share()), c.toString());
        }
        Decomposition.Bands b = m.decompositionBands(DATA);
        double[] v = b.point().values();
        double[] lo = b.lower();
        double[] hi = b.upper();
        for (int i = 0; i < v.length; i++) {
            double slack = 1e-9 * Math.max(1, Math.abs(v[i]));
            assertTrue(lo[i] - slack <= v[i] && v[i] <= hi[i] + slack, "cell " + i + ": " + v[i] + " not in [" + lo[i]
                    + ", " + hi[i] + "]");
        }
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void channelsByNameAndToString(Estimator e) {
        FittedModel m = fit(e);
        assertEquals(m.channels().get(2), m.channel("ch2"));
        assertEquals(m.response(1, 50.0), m.response("ch1", 50.0), 0.0);
        assertEquals(m.marginalResponse(1, 50.0), m.marginalResponse("ch1", 50.0), 0.0);
        double[] s = {100, 0, 0, 50};
        assertArrayEquals(m.channelContribution(0, 0, s), m.channelContribution("ch0", DATA.geos().get(0), s), 0.0);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> m.channel("tv"));
        assertTrue(unknown.getMessage().contains("[ch0, ch1, ch2]"), unknown.getMessage());
        String text = m.toString();
        for (String part : List.of(e.name(), "ch0", "ch1", "ch2", "train R2")) {
            assertTrue(text.contains(part), text);
        }
        assertFalse(m.channels().get(0).toString().contains("Optional"), m.channels().get(0).toString());
        assertFalse(m.decompose(DATA).toString().isBlank());
    }
}
