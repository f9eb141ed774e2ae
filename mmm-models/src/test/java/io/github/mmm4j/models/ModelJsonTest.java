package io.github.mmm4j.models;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mmm4j.core.DataException;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code model.json} is validated field by field on read: every wrong type, null, length, date, frequency, holdout
 * or transform parameter is a {@link DataException} naming the file and the field's JSON path, never a silent 0.
 * The round trip of every estimator is in {@link FittedModelContractTest}.
 */
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

    private static final MmmDataset DATA = data();
    private static final FittedModel MODEL = Ridge.fit(DATA, mixedSpec(DATA),
            RidgeOptions.defaults().withHoldout(10).withBootstrap(5).withSeed(5));

    /** Writes the model with one mutation of its JSON tree and returns the error of reading it back. */
    private static DataException readMutated(Path dir, Consumer<ObjectNode> mutation) throws IOException {
        ObjectNode root = ModelJson.toJson(MODEL);
        mutation.accept(root);
        Path f = dir.resolve("model.json");
        Files.writeString(f, root.toPrettyString());
        return assertThrows(DataException.class, () -> ModelJson.read(f));
    }

    private static void assertMessage(DataException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + p + "' not in: " + e.getMessage());
        }
        assertTrue(e.getMessage().contains("model.json: $"), e.getMessage());
    }

    @Test
    void aTruncatedFileSaysWhereWithoutJacksonsSourceNote(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("model.json");
        Files.writeString(f, "{\"format\": \"mmm4j-model\", \"draws\": [[1.0, 2.0], [3.0");
        DataException e = assertThrows(DataException.class, () -> ModelJson.read(f));
        assertTrue(e.getMessage().contains("not valid JSON") && e.getMessage().contains("line 1"), e.getMessage());
        assertTrue(!e.getMessage().contains("REDACTED") && !e.getMessage().contains("Source:"), e.getMessage());
        assertEquals("x (start marker at [line: 1, column: 5])", ModelJson.jsonMessage(
                "x (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); "
                        + "line: 1, column: 5])"));
    }

    @Test
    void textWhereANumberBelongsIsAnErrorNotZero(@TempDir Path dir) throws IOException {
        assertMessage(readMutated(dir, r -> ((ArrayNode) r.get("point")).set(0, "abc")),
                "$.point[0]: expected a number, found \"abc\"");
        assertMessage(readMutated(dir, r -> ((ArrayNode) r.get("point")).setNull(3)),
                "$.point[3]: expected a number, found null");
        assertMessage(readMutated(dir, r -> ((ArrayNode) r.get("draws").get(2)).set(1, "1.5")),
                "$.draws[2][1]: expected a number, found \"1.5\"");
        assertMessage(readMutated(dir, r -> ((ArrayNode) r.with("data").get("kpi_values")).set(7, true)),
                "$.data.kpi_values[7]: expected a number, found true");
        assertMessage(readMutated(dir, r -> r.put("level", "0.9")), "$.level: expected a number");
        assertMessage(readMutated(dir, r -> r.put("holdout", 2.5)), "$.holdout: expected a whole number, found 2.5");
    }

    @Test
    void lengthsAreCheckedAgainstTheData(@TempDir Path dir) throws IOException {
        int w = MODEL.parameterNames().size();
        assertMessage(readMutated(dir, r -> ((ArrayNode) r.get("point")).remove(0)),
                "$.point: expected " + w + " numbers, found " + (w - 1));
        assertMessage(readMutated(dir, r -> ((ArrayNode) r.get("draws").get(4)).add(1.0)),
                "$.draws[4]: expected " + w + " numbers, found " + (w + 1));
        assertMessage(readMutated(dir, r -> ((ArrayNode) r.with("data").get("spend")).remove(5)),
                "$.data.spend: expected " + 3 * DATA.nRows() + " numbers");
        assertMessage(readMutated(dir, r -> ((ArrayNode) r.with("frame").get("media_scale")).add(2.0)),
                "$.frame.media_scale: expected 3 numbers, found 4");
        assertMessage(readMutated(dir, r -> {
            r.remove("point");
            r.remove("draws");
        }), "$: a model needs \"point\" or \"draws\"");
        assertMessage(readMutated(dir, r -> r.remove("parameters")), "$.parameters: missing");
    }

    @Test
    void datesFrequencyAndHoldoutAreChecked(@TempDir Path dir) throws IOException {
        assertMessage(readMutated(dir, r -> r.with("data").put("start", "yesterday")),
                "$.data.start: \"yesterday\" is not a date");
        assertMessage(readMutated(dir, r -> r.with("frame").put("origin", "2021-02-30")),
                "$.frame.origin: \"2021-02-30\" is not a date");
        assertMessage(readMutated(dir, r -> r.with("data").put("frequency", "HOURLY")),
                "$.data.frequency: unknown frequency \"HOURLY\"; expected one of [DAILY, WEEKLY]");
        assertMessage(readMutated(dir, r -> r.put("holdout", 1000)), "$.holdout: holdout 1000 leaves",
                "of the data's 90");
        assertMessage(readMutated(dir, r -> r.put("holdout", -1)), "$.holdout: -1 is out of range");
        assertMessage(readMutated(dir, r -> r.put("format_version", 1)),
                "$.format_version: version 1 is not supported");
        assertMessage(readMutated(dir, r -> r.put("format", "other")), "$.format: expected \"mmm4j-model\"");
        assertMessage(readMutated(dir, r -> r.with("data").put("start", "2021-01-05")),
                "$.frame.origin: origin 2021-01-04 is not the data's first date 2021-01-05");
        assertMessage(readMutated(dir, r -> r.with("spec").put("trend", 1)), "$.spec.trend: expected true or false");
    }

    @Test
    void transformsAndLayoutAreChecked(@TempDir Path dir) throws IOException {
        assertMessage(readMutated(dir, r -> ((ObjectNode) r.with("spec").get("channels").get(0).get("adstock"))
                .put("type", "Spline")), "$.spec.channels[0].adstock.type: unknown adstock type \"Spline\"",
                "Geometric");
        int alpha = MODEL.parameterNames().indexOf("ch0.adstock.alpha");
        assertMessage(readMutated(dir, r -> ((ArrayNode) r.get("point")).set(alpha, 1.5)),
                "$.point[" + alpha + "]: ch0.adstock.alpha:");
        assertMessage(readMutated(dir, r -> ((ArrayNode) r.get("draws").get(1)).set(alpha, -0.5)),
                "$.draws[1][" + alpha + "]: ch0.adstock.alpha:");
        assertMessage(readMutated(dir, r -> ((ArrayNode) r.get("parameters")).set(0, "icpt")),
                "$.parameters: the parameter names");
        assertMessage(readMutated(dir, r -> ((ArrayNode) r.with("data").get("spend")).set(0, -3.0)),
                "$.data.spend[0]: spend -3.0 must be >= 0");
        assertMessage(readMutated(dir, r -> ((ObjectNode) r.with("spec").get("channels").get(1)).put("name", "x")),
                "$.spec.channels: the spec's channels [ch0, x, ch2] are not the data's channels [ch0, ch1, ch2]");
    }

    @Test
    void badFilesAreReportedWithFileAndPosition(@TempDir Path dir) throws IOException {
        DataException missing = assertThrows(DataException.class, () -> ModelJson.read(dir.resolve("none.json")));
        assertTrue(missing.getMessage().contains("none.json: file not found"), missing.getMessage());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"format\": \"mmm4j-model\",\n  oops\n}");
        DataException syntax = assertThrows(DataException.class, () -> ModelJson.read(bad));
        assertEquals(3, syntax.line());
        assertTrue(syntax.getMessage().contains("not valid JSON"), syntax.getMessage());

        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "");
        assertThrows(DataException.class, () -> ModelJson.read(empty));
        Path twice = dir.resolve("twice.json");
        Files.writeString(twice, ModelJson.toString(MODEL).replaceFirst("\"holdout\" : 10,",
                "\"holdout\" : 10, \"holdout\" : 11,"));
        DataException dup = assertThrows(DataException.class, () -> ModelJson.read(twice));
        assertTrue(dup.getMessage().contains("holdout"), dup.getMessage());
        Path array = dir.resolve("array.json");
        Files.writeString(array, "[1, 2]");
        DataException notObject = assertThrows(DataException.class, () -> ModelJson.read(array));
        assertTrue(notObject.getMessage().contains("$: expected an object, found an array"), notObject.getMessage());
    }
}
