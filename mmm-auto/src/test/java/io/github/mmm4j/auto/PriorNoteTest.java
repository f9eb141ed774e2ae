package io.github.mmm4j.auto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.models.SamplerDiagnostics;
import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesianMmm;
import io.github.mmm4j.synthetic.Generated;
import io.github.mmm4j.synthetic.ScenarioSpec;
import io.github.mmm4j.synthetic.SpendPattern;
import io.github.mmm4j.synthetic.Synthetic;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analyst's note on a channel whose Bayesian ROI is set more by its prior than by the data
 * ({@link Analyst#priorNote}): {@code tv} is flighted with a large effect, {@code steady} always on at a level that
 * moves by 1% with no effect, so the data cannot tell its effect from the intercept.
 */
class PriorNoteTest {

    private static final Generated G = Synthetic.generate(ScenarioSpec.builder().name("prior-led").periods(104)
            .start(LocalDate.of(2023, 1, 2))
            .channels(List.of(
                    new ScenarioSpec.Channel("tv", new SpendPattern.Flighted(1_000, 4, 4, 0.2),
                            Adstock.geometric(0.4, 8, true), Saturation.hill(1.0, 1.0), 400),
                    new ScenarioSpec.Channel("steady", new SpendPattern.AlwaysOn(500, 0.01),
                            Adstock.geometric(0.3, 8, true), Saturation.hill(1.0, 1.0), 0)))
            .baseline(new ScenarioSpec.Baseline(2_000, ScenarioSpec.Trend.NONE, 0,
                    List.of(new ScenarioSpec.Harmonic(60, 0))))
            .noise(ScenarioSpec.Noise.gaussian(20)).build(), 5);

    private static List<FittedModel> models() {
        return List.of(Ridge.fit(G.data(), ModelSpec.defaults(G.data()),
                        RidgeOptions.defaults().withFixedTransforms(true).withBootstrap(0)),
                BayesianMmm.fit(G.data(), ModelSpec.defaults(G.data()), BayesOptions.defaults().withSeed(9)
                        .withChains(2).withWarmup(300).withDraws(300)));
    }

    @Test
    void aPriorLedChannelIsNotedAndADataLedOneIsNot() {
        List<FittedModel> models = models();
        FittedModel bayes = models.get(1);
        double steady = bayes.roiDataWeight("steady").getAsDouble();
        double tv = bayes.roiDataWeight("tv").getAsDouble();
        assertTrue(steady < SamplerDiagnostics.PRIOR_LED_WEIGHT && tv > 0.9, "steady " + steady + ", tv " + tv);
        String note = Analyst.priorNote(models, G.data().channelIndex("steady")).orElseThrow();
        assertTrue(note.startsWith(Analyst.PRIOR_LED_NOTE) && note.contains("bayes"), note);
        assertTrue(note.contains(String.format(java.util.Locale.ROOT, "about %.0f%%", Math.floor(100 * steady))), note);
        assertFalse(Analyst.priorNote(models, G.data().channelIndex("tv")).isPresent());
        AnalystReport r = Analyst.analyse(models, Explorer.explore(G.data()));
        for (ChannelConsensus cc : r.channels()) {
            boolean noted = cc.reasons().stream().anyMatch(s -> s.startsWith(Analyst.PRIOR_LED_NOTE));
            assertTrue(noted == cc.channel().equals("steady"), cc.channel() + ": " + cc.reasons());
        }
    }

    @Test
    void modelsWithoutRoiPriorsGiveNoNote() {
        List<FittedModel> ridgeOnly = List.of(models().get(0));
        for (int c = 0; c < G.data().nChannels(); c++) {
            assertFalse(Analyst.priorNote(ridgeOnly, c).isPresent());
        }
    }
}
