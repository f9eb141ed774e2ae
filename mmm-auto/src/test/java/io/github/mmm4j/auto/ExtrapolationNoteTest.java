package io.github.mmm4j.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.NonNegativeLeastSquares;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.synthetic.Generated;
import io.github.mmm4j.synthetic.Presets;
import io.github.mmm4j.synthetic.Synthetic;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analyst's note on always-on channels ({@link Analyst#belowObservedShare}, {@link Analyst#extrapolationNote}) on
 * the {@code realistic} preset: {@code tv} and {@code display} are flighted (off in many weeks), {@code social} and
 * {@code search} always on (social: log-normal spend with coefficient of variation 0.4; search: seasonally paced).
 */
class ExtrapolationNoteTest {

    private static final Generated G = Synthetic.generate(Presets.realistic(), 11);

    private static List<FittedModel> models() {
        RidgeOptions o = RidgeOptions.defaults().withFixedTransforms(true).withBootstrap(0);
        return List.of(Ridge.fit(G.data(), ModelSpec.defaults(G.data()), o),
                NonNegativeLeastSquares.fit(G.data(), ModelSpec.defaults(G.data()), o));
    }

    @Test
    void theShareIsTheResponseAtTheLowSpendOverTheResponseAtTheMean() {
        FittedModel m = models().get(0);
        int social = G.data().channelIndex("social");
        double[] spend = G.data().spendColumn(social);
        double mean = Arrays.stream(spend).average().orElseThrow();
        double[] sorted = spend.clone();
        Arrays.sort(sorted);
        double low = sorted[(int) Math.floor(0.05 * (sorted.length - 1))];
        assertTrue(low > 0.2 * mean && low < mean, "5% quantile " + low + " against mean " + mean);
        double expected = m.response(social, low) / m.response(social, mean);
        assertEquals(expected, Analyst.belowObservedShare(m, social), 1e-12);
        // a concave curve through the origin gives at least the spend ratio
        assertTrue(expected >= low / mean - 1e-12 && expected < 1, "share " + expected);
    }

    @Test
    void alwaysOnChannelsGetTheNoteAndFlightedOnesDoNot() {
        List<FittedModel> models = models();
        AnalystReport r = Analyst.analyse(models, Explorer.explore(G.data()));
        for (String name : List.of("social", "search")) {
            int c = G.data().channelIndex(name);
            assertTrue(Analyst.extrapolationNote(models, c).isPresent(), name + ": share "
                    + Analyst.belowObservedShare(models.get(0), c));
            ChannelConsensus cc = r.channels().stream().filter(x -> x.channel().equals(name)).findFirst()
                    .orElseThrow();
            assertTrue(cc.reasons().stream().anyMatch(s -> s.startsWith(Analyst.ALWAYS_ON_NOTE)),
                    cc.reasons().toString());
        }
        for (String name : List.of("tv", "display")) {
            int c = G.data().channelIndex(name);
            assertEquals(0.0, Analyst.belowObservedShare(models.get(0), c), name);
            assertFalse(Analyst.extrapolationNote(models, c).isPresent(), name);
        }
    }

    @Test
    void theNoteInformsWithoutChangingTheAgreement() {
        List<FittedModel> models = models();
        AnalystReport r = Analyst.analyse(models, Explorer.explore(G.data()));
        int noted = 0;
        for (ChannelConsensus cc : r.channels()) {
            List<String> others = cc.reasons().stream().filter(s -> !s.startsWith(Analyst.ALWAYS_ON_NOTE)).toList();
            noted += others.size() < cc.reasons().size() ? 1 : 0;
            boolean strong = others.stream().anyMatch(s -> s.startsWith("every pair of the models' intervals"));
            assertEquals(strong, cc.agreement() == Agreement.CONFIRMED, cc.channel() + ": " + cc.reasons());
        }
        assertTrue(noted >= 2, "noted " + noted);
    }
}
