package io.github.mmm4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.optimize.OptimizerStatus;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void theQuickStartRunsAndItsAttributionAddsUp() {
        QuickStart.Result r = QuickStart.run(42);
        assertEquals(4, r.model().channels().size());
        assertTrue(r.model().channels().stream().allMatch(c -> c.roiInterval().isPresent()));
        double media = r.model().channels().stream().mapToDouble(c -> c.contribution()).sum();
        double shapley = 0;
        for (double v : r.shapley().values()) {
            shapley += v;
        }
        assertEquals(media, shapley, 1e-6 * Math.abs(media), "Shapley values sum to the media effect");
        assertEquals(OptimizerStatus.CONVERGED, r.plan().status());
    }
}
