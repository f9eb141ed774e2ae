package io.github.mmm4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.DataException;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelJsonTest {

    static MmmDataset data() {
        MmmDataset d0 = RidgeTest.randomData(17, 90, 3);
        Rng rng = new Rng(3);
        double[] y = new double[d0.nRows()];
        for (int t = 0; t < y.length; t++) {
            y[t] = 1000 + 20 * rng.nextGaussian() + 0.8 * d0.spend(t, 0) + 0.3 * d0.spend(t, 2);
        }
        return RidgeTest.withKpi(d0, y);
    }

    static ModelSpec mixedSpec(MmmDataset d) {
        return ModelSpec.defaults(d)
                .withChannel(new ChannelSpec("ch1", Adstock.weibullPdf(1.5, 0.3, 8), Saturation.logistic(0.7)))
                .withChannel(new ChannelSpec("ch2", Adstock.betaGamma(-0.2, 0.5, 6), Saturation.hill(0.8, 2.2)));
    }

    @Test
    void ridgeWithBootstrapRoundTripsExactly(@TempDir Path dir) {
        MmmDataset d = data();
        LinearModel m = Ridge.fit(d, mixedSpec(d), RidgeOptions.defaults().withHoldout(10).withBootstrap(20).withSeed(5));
        Path f = dir.resolve("model.json");
        ModelJson.write(m, f);
        FittedModel back = ModelJson.read(f);
        assertTrue(back instanceof LinearModel);
        assertEquals("ridge", back.estimator());
        assertEquals(m.spec(), back.spec());
        assertArrayEquals(m.predict(d), back.predict(d), 0.0);
        assertArrayEquals(m.predict(d), back.predict(back.data()), 0.0);
        assertEquals(m.channels(), back.channels());
        assertEquals(m.trainMetrics(), back.trainMetrics());
        assertEquals(m.testMetrics(), back.testMetrics());
        assertEquals(m.provenance(), back.provenance());
        assertEquals(20, back.drawCount());
        assertEquals(m.response(1, 123.0), back.response(1, 123.0), 0.0);
    }

    @Test
    void sampledModelRoundTripsExactly(@TempDir Path dir) {
        MmmDataset d = data();
        List<LinearModel> draws = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ModelSpec s = ModelSpec.defaults(d).withChannel(
                    new ChannelSpec("ch0", Adstock.geometric(0.1 + 0.1 * i, 8, true), Saturation.hill(1, 1 + 0.2 * i)));
            draws.add(Ridge.fit(d, s, RidgeOptions.defaults().withBootstrap(0).withLambda(0.01)));
        }
        SampledModel m = new SampledModel("bayes", draws, draws.get(0).provenance(), 0.8);
        Path f = dir.resolve("model.json");
        ModelJson.write(m, f);
        FittedModel back = ModelJson.read(f);
        assertTrue(back instanceof SampledModel);
        assertArrayEquals(m.predict(d), back.predict(d), 0.0);
        assertEquals(m.channels(), back.channels());
        assertEquals(0.8, back.intervalLevel(), 0.0);
        assertEquals(m.spec(), back.spec());
    }

    @Test
    void badFilesAreReportedWithFileAndField(@TempDir Path dir) throws IOException {
        DataException missing = assertThrows(DataException.class, () -> ModelJson.read(dir.resolve("none.json")));
        assertTrue(missing.getMessage().contains("none.json: file not found"), missing.getMessage());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"format\": \"mmm4j-model\",\n  oops\n}");
        DataException syntax = assertThrows(DataException.class, () -> ModelJson.read(bad));
        assertEquals(3, syntax.line());
        assertTrue(syntax.getMessage().contains("not valid JSON"), syntax.getMessage());

        MmmDataset d = data();
        LinearModel m = Ridge.fit(d, ModelSpec.defaults(d), RidgeOptions.defaults().withBootstrap(0));
        String json = ModelJson.toJson(m).toPrettyString();
        Path noCoef = dir.resolve("nocoef.json");
        Files.writeString(noCoef, json.replace("\"coefficients\"", "\"coefs\""));
        DataException field = assertThrows(DataException.class, () -> ModelJson.read(noCoef));
        assertTrue(field.getMessage().contains("missing field 'coefficients'"), field.getMessage());

        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, json.replaceFirst("\"Geometric\"", "\"Spline\""));
        DataException type = assertThrows(DataException.class, () -> ModelJson.read(unknown));
        assertTrue(type.getMessage().contains("unknown adstock type 'Spline'"), type.getMessage());

        Path invalid = dir.resolve("invalid.json");
        Files.writeString(invalid, json.replaceFirst("\"alpha\" : 0.5", "\"alpha\" : 1.5"));
        DataException param = assertThrows(DataException.class, () -> ModelJson.read(invalid));
        assertTrue(param.getMessage().contains("alpha = 1.5"), param.getMessage());
    }
}
