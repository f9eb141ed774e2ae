package io.github.mmm4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.MmmDataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ridge and NNLS report their progress as they go, from every bootstrap thread, without changing a bit. */
class LinearProgressTest {

    @Test
    void progressRisesToOneAsTheTuningAndEachReplicateFinish() {
        MmmDataset d0 = RidgeTest.randomData(3, 104, 2);
        io.github.mmm4j.core.Rng rng = new io.github.mmm4j.core.Rng(4);
        double[] y = new double[104];
        for (int t = 0; t < y.length; t++) {
            y[t] = 1000 + 2 * d0.spend(t, 0) + d0.spend(t, 1) - 20 * d0.control(t, 0) + 30 * rng.nextGaussian();
        }
        MmmDataset d = RidgeTest.withKpi(d0, y);
        RidgeOptions o = RidgeOptions.defaults().withBootstrap(12).withParallelism(2)
                .withTuning(TuningOptions.defaults().withEvaluations(60, 20));
        List<Double> seen = Collections.synchronizedList(new ArrayList<>());
        FittedModel quiet = new Ridge(o).fit(d, ModelSpec.defaults(d));
        FittedModel reported = new Ridge(o).withProgress(seen::add).fit(d, ModelSpec.defaults(d));
        // the tuning (60 of 60 + 12 x 20 = 300 evaluations), then each of 12 replicates, then the end
        assertEquals(14, seen.size(), seen.toString());
        assertEquals(60.0 / 300, seen.get(0), 1e-12);
        List<Double> sorted = new ArrayList<>(seen);
        Collections.sort(sorted);
        for (int k = 1; k <= 12; k++) {
            assertEquals((60.0 + 20 * k) / 300, sorted.get(k), 1e-12);
        }
        assertEquals(1.0, seen.get(seen.size() - 1));
        assertTrue(seen.stream().allMatch(f -> f > 0 && f <= 1));
        assertArrayEquals(quiet.coefficients(), reported.coefficients());
        assertEquals(quiet.channels().toString(), reported.channels().toString());
    }
}
