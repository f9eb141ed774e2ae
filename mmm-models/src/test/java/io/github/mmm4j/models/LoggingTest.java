package io.github.mmm4j.models;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesianMmm;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The estimators say through SLF4J when a fit starts and ends, what it chose, and when its answer is in doubt. */
class LoggingTest {

    @Test
    void fitsLogTheirStartTheirChoiceAndTheirEnd() {
        MmmDataset d = LinearEstimationTest.data(3, 5, 10);
        CapturingLogs.clear();
        Ridge.fit(d, ModelSpec.defaults(d), RidgeOptions.defaults().withBootstrap(10));
        BayesianMmm.fit(d, ModelSpec.defaults(d), BayesOptions.defaults().withChains(2).withWarmup(100).withDraws(50));
        List<String> ev = CapturingLogs.events();
        assertTrue(ev.stream().anyMatch(e -> e.startsWith("INFO io.github.mmm4j.models.LinearEstimation ridge fit: "
                + d.nRows() + " rows, 3 channels")), ev.toString());
        assertTrue(ev.stream().anyMatch(e -> e.contains("ridge fit: chosen transforms")), ev.toString());
        assertTrue(ev.stream().anyMatch(e -> e.matches("INFO .* ridge fit done in \\d+ ms")), ev.toString());
        assertTrue(ev.stream().anyMatch(e -> e.contains("bayes fit: " + d.nRows() + " rows, 3 channels")),
                ev.toString());
        // 2 chains of 50 draws: converged or not, the end is logged, as a warning when not converged
        assertTrue(ev.stream().anyMatch(e -> e.startsWith("INFO io.github.mmm4j.models.bayes.BayesianMmm bayes fit "
                + "done in") && e.contains("converged") || e.startsWith("WARN io.github.mmm4j.models.bayes.BayesianMmm "
                + "bayes fit done in") && e.contains("NOT CONVERGED")), ev.toString());
    }
}
