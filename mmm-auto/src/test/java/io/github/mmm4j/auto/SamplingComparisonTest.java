package io.github.mmm4j.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
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
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The tie-break of {@link AutoAnalysis#best} on sampling: when two rounds fail the same checks and predict the holdout
 * alike, the round whose Bayesian model sampled better is kept (a 12-cell brand x region panel kept its first round,
 * R-hat 1.0141 with 2 divergent transitions, over the rounds the tuner's sampler remedies had run).
 */
class SamplingComparisonTest {

    private static List<SamplerDiagnostics> one(double rhat, int divergences) {
        return List.of(SamplerDiagnostics.of(rhat, 500, divergences));
    }

    /** Diagnostics of {@code chains x draws} draws. */
    private static List<SamplerDiagnostics> sized(double rhat, int divergences, int chains, int draws) {
        return sized(rhat, divergences, chains, draws, 500);
    }

    private static List<SamplerDiagnostics> sized(double rhat, int divergences, int chains, int draws, double ess) {
        SamplerDiagnostics d = SamplerDiagnostics.of(rhat, ess, divergences);
        return List.of(new SamplerDiagnostics(d.status(), chains, draws, rhat, ess, divergences, List.of(),
                List.of(), List.of(), new double[0], List.of(), null, java.util.Map.of()));
    }

    /**
     * The rounds of a 12-cell brand x region panel (`auto`, seed 5): round 2 (target acceptance 0.99) R-hat 1.0124, no
     * divergences, ESS 557 from 4 x 400 draws; round 3 (800 + 800) R-hat 1.0045, one divergence, ESS 998. Each fails
     * one criterion; the longer, better-mixed run is kept.
     */
    @Test
    void failingInDifferentWaysTheRunWithMoreEffectiveDrawsWins() {
        List<SamplerDiagnostics> round2 = sized(1.0124, 0, 4, 400, 557);
        List<SamplerDiagnostics> round3 = sized(1.0045, 1, 4, 800, 998);
        assertTrue(compare(round3, round2) < 0);
        assertTrue(compare(round2, round3) > 0);
        // one failed criterion beats two, whatever the effective draws
        assertTrue(compare(sized(1.0124, 0, 4, 400, 300), sized(1.0125, 1, 4, 400, 2000)) < 0);
    }

    private static int compare(List<SamplerDiagnostics> a, List<SamplerDiagnostics> b) {
        return AutoAnalysis.samplingComparison(a, b);
    }

    @Test
    void aHealthySamplerBeatsAnUnhealthyOne() {
        assertTrue(compare(one(1.004, 0), one(1.0141, 2)) < 0);
        assertTrue(compare(one(1.0141, 2), one(1.004, 0)) > 0);
        assertTrue(compare(one(1.009, 0), one(1.002, 1)) < 0, "one divergence makes a sampler unhealthy");
    }

    @Test
    void amongUnhealthySamplersFewerDivergencesThenALowerRhatWin() {
        assertTrue(compare(one(1.013, 0), one(1.0141, 2)) < 0, "fewer divergences");
        assertTrue(compare(one(1.03, 1), one(1.011, 2)) < 0, "divergences before R-hat");
        assertTrue(compare(one(1.012, 0), one(1.02, 0)) < 0, "lower R-hat");
        assertTrue(compare(one(Double.NaN, 0), one(1.5, 0)) > 0, "no R-hat is worse than any");
    }

    @Test
    void divergencesCountAsAShareOfTheDraws() {
        // the tuner's "more draws" remedy doubles the draws: 2 divergences in 3,200 draws are as many as 1 in 1,600,
        // so the lower R-hat decides
        assertTrue(compare(sized(1.012, 2, 4, 800), sized(1.02, 1, 4, 400)) < 0);
        assertTrue(compare(sized(1.02, 2, 4, 800), sized(1.012, 1, 4, 400)) > 0);
        assertTrue(compare(sized(1.02, 1, 4, 800), sized(1.012, 1, 4, 400)) < 0, "half the share of divergences");
        // two sampled models in a round are pooled
        List<SamplerDiagnostics> two = new java.util.ArrayList<>(sized(1.012, 1, 4, 400));
        two.addAll(sized(Double.NaN, 0, 4, 400));
        assertTrue(compare(two, sized(1.05, 0, 4, 400)) > 0, "two unhealthy samplers against one");
    }

    @Test
    void twoHealthySamplersOrRoundsWithoutOneAreLeftToTheHoldout() {
        assertEquals(0, compare(one(1.003, 0), one(1.008, 0)));
        assertEquals(0, compare(List.of(), one(1.05, 3)));
        assertEquals(0, compare(one(1.05, 3), List.of()));
    }

    /**
     * The wiring into {@link AutoAnalysis#best}: two rounds that fail the same checks and have no holdout to tell them
     * apart (a stand-in for two rounds whose samplers both failed; here one sampler is healthy, so the order is clear):
     * it keeps the one whose Bayesian model sampled well, in either order (before, ties kept the earlier round).
     */
    @Test
    void theBestRoundIsTheOneSampledBestWhenAllElseTies() {
        Generated g = Synthetic.generate(ScenarioSpec.builder().name("sampling").periods(104)
                .start(LocalDate.of(2023, 1, 2))
                .channels(List.of(new ScenarioSpec.Channel("tv", new SpendPattern.Flighted(1_000, 4, 4, 0.2),
                        Adstock.geometric(0.4, 8, true), Saturation.hill(1.0, 1.0), 400)))
                .baseline(new ScenarioSpec.Baseline(2_000, ScenarioSpec.Trend.NONE, 0,
                        List.of(new ScenarioSpec.Harmonic(60, 0))))
                .noise(ScenarioSpec.Noise.gaussian(20)).build(), 3);
        ModelSpec spec = ModelSpec.defaults(g.data());
        FittedModel rough = BayesianMmm.fit(g.data(), spec, BayesOptions.defaults().withSeed(4).withChains(2)
                .withWarmup(10).withDraws(20));
        FittedModel careful = BayesianMmm.fit(g.data(), spec, BayesOptions.defaults().withSeed(4).withChains(4)
                .withWarmup(500).withDraws(500));
        SamplerDiagnostics r = rough.samplerDiagnostics().orElseThrow();
        SamplerDiagnostics c = careful.samplerDiagnostics().orElseThrow();
        assertTrue(!r.healthy() && c.healthy(), "rough " + r.maxRhat() + ", " + r.divergences() + "; careful "
                + c.maxRhat() + ", " + c.divergences());
        Round first = round(1, rough, g, spec);
        Round second = round(2, careful, g, spec);
        assertEquals(1, AutoAnalysis.best(List.of(first, second)), "the careful later round");
        assertEquals(0, AutoAnalysis.best(List.of(second, first)), "the careful earlier round");
    }

    private static Round round(int number, FittedModel model, Generated g, ModelSpec spec) {
        Critique critique = new Critique(List.of(new Check("bayes_diagnostics", false, true, "failed"),
                new Check("signs", true, true, "passed")), Verdict.REVISE);
        RoundConfig config = new RoundConfig(spec, 0, List.of(), List.of(new BayesianMmm(BayesOptions.defaults())),
                false, List.of());
        return new Round(number, Optional.empty(), config, List.of(model),
                Analyst.analyse(List.of(model), Explorer.explore(g.data())), critique);
    }

    @Property(tries = 500)
    void isAntisymmetricAndTransitive(@ForAll @DoubleRange(min = 1.0, max = 1.05) double r1,
            @ForAll @IntRange(max = 3) int d1, @ForAll @IntRange(min = 1, max = 3) int e1,
            @ForAll @DoubleRange(min = 1.0, max = 1.05) double r2, @ForAll @IntRange(max = 3) int d2,
            @ForAll @IntRange(min = 1, max = 3) int e2, @ForAll @DoubleRange(min = 1.0, max = 1.05) double r3,
            @ForAll @IntRange(max = 3) int d3, @ForAll @IntRange(min = 1, max = 3) int e3) {
        // few distinct effective draws and draw counts, so that ties on them happen and later criteria decide
        List<SamplerDiagnostics> a = sized(r1, d1, 4, 400 * e1, 300 * e1);
        List<SamplerDiagnostics> b = sized(r2, d2, 4, 400 * e2, 300 * e2);
        List<SamplerDiagnostics> c = sized(r3, d3, 4, 400 * e3, 300 * e3);
        assertEquals(Integer.signum(compare(a, b)), -Integer.signum(compare(b, a)), "antisymmetric");
        if (compare(a, b) < 0 && compare(b, c) < 0) {
            assertTrue(compare(a, c) < 0, "transitive");
        }
    }
}
