package io.github.mmm4j.cli;

import io.github.mmm4j.models.SamplerDiagnostics;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sampler's line under {@code fit}'s table ({@link Results#sampler(SamplerDiagnostics)}): an R-hat just above the
 * 1.01 limit must not print as 1.010 beside "NOT CONVERGED", which read as a contradiction.
 */
class SamplerLineTest {

    @Test
    void anRhatJustAboveTheLimitShowsWhyItFailed() {
        String failed = Results.sampler(SamplerDiagnostics.of(1.0104, 819, 0));
        assertTrue(failed.startsWith("sampler: NOT CONVERGED (max R-hat 1.0104, min bulk ESS 819, 0 divergent"),
                failed);
        String passed = Results.sampler(SamplerDiagnostics.of(1.0096, 819, 0));
        assertTrue(passed.equals("sampler: converged (max R-hat 1.0096, min bulk ESS 819, 0 divergent transitions)"),
                passed);
        String divergent = Results.sampler(SamplerDiagnostics.of(1.002, 900, 3));
        assertTrue(divergent.startsWith("sampler: NOT CONVERGED") && divergent.endsWith("(--target-accept 0.95)"),
                divergent);
    }
}
