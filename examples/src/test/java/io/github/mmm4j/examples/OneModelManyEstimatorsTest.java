package io.github.mmm4j.examples;

import io.github.mmm4j.models.FittedModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneModelManyEstimatorsTest {

    @Test
    void everyEstimatorGivesTheSameTypeAndTheSavedModelGivesTheSameAnswers(@TempDir Path dir) {
        OneModelManyEstimators.Result r = OneModelManyEstimators.run(42, dir.resolve("model.json"));
        assertEquals(List.of("ridge", "nnls", "bayes"), r.models().stream().map(FittedModel::estimator).toList());
        FittedModel bayes = r.models().get(2);
        assertEquals(bayes.channels(), r.reloaded().channels());
        assertArrayEquals(bayes.predict(bayes.data()), r.reloaded().predict(bayes.data()), 0.0);
        assertTrue(r.plan().expectedKpiOptimal() >= r.plan().expectedKpiCurrent() * (1 - 1e-9), r.plan().message());
        assertTrue(r.auto().files().isEmpty(), "the analysis in memory writes nothing");
        assertEquals(r.auto().analysis().primaryModel(), r.auto().primary());
    }
}
