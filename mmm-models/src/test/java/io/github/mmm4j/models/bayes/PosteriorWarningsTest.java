package io.github.mmm4j.models.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The R-hat warnings of a fit: worst first, at most ten named, the rest counted. */
class PosteriorWarningsTest {

    private static ParameterSummary withRhat(String name, double rhat) {
        return new ParameterSummary(name, 0, 1, 0.01, -1.6, 0, 1.6, 400, 400, rhat);
    }

    @Test
    void aFewBadParametersAreNamedWorstFirst() {
        List<ParameterSummary> s = List.of(withRhat("a", 1.001), withRhat("b", 1.05), withRhat("c", 1.3),
                withRhat("d", 1.0));
        assertEquals(List.of("R-hat of c = 1.3000 > 1.01", "R-hat of b = 1.0500 > 1.01"), Posterior.rhatWarnings(s));
        assertEquals(List.of(), Posterior.rhatWarnings(List.of(withRhat("a", 1.0))));
    }

    @Test
    void manyBadParametersAreCountedNotListed() {
        List<ParameterSummary> s = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            s.add(withRhat("p" + i, 1.02 + i * 1e-3));
        }
        s.add(withRhat("fine", 1.0));
        List<String> w = Posterior.rhatWarnings(s);
        assertEquals(Posterior.MAX_RHAT_WARNINGS + 1, w.size());
        assertEquals("R-hat of p999 = 2.0190 > 1.01", w.get(0));
        assertEquals("R-hat of p990 = 2.0100 > 1.01", w.get(9));
        assertEquals("R-hat > 1.01 for 1000 of 1001 quantities; the 10 worst are listed above", w.get(10));
    }
}
