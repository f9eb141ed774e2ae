package io.github.mmm4j.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.NonNegativeLeastSquares;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.models.bayes.LiftTest;
import io.github.mmm4j.synthetic.Generated;
import io.github.mmm4j.synthetic.Presets;
import io.github.mmm4j.synthetic.Synthetic;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Experiments in the consensus: on a channel with a lift test, a model whose predicted lift the test contradicts
 * (more than two standard errors away) does not vote on the channel's consensus, and a go-dark test replaces the
 * always-on note (the test measured the curve down to zero spend). Ridge and NNLS on the {@code realistic} preset,
 * with a go-dark test of {@code social} whose measured lift is ridge's own prediction, with a tiny standard error.
 */
class ExperimentVoteTest {

    private static final Generated G = Synthetic.generate(Presets.realistic(), 11);
    private static final List<FittedModel> MODELS = models();

    private static List<FittedModel> models() {
        RidgeOptions o = RidgeOptions.defaults().withFixedTransforms(true).withBootstrap(40).withSeed(3);
        return List.of(Ridge.fit(G.data(), ModelSpec.defaults(G.data()), o),
                NonNegativeLeastSquares.fit(G.data(), ModelSpec.defaults(G.data()), o));
    }

    private static LiftTest goDark(double lift, double se) {
        LocalDate start = G.data().time().date(40);
        return LiftTest.ofMultiplier("social", start, G.data().time().date(47), 0, lift, se);
    }

    private static ChannelConsensus channel(AnalystReport r, String name) {
        return r.channels().stream().filter(c -> c.channel().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aModelTheExperimentContradictsDoesNotVote() {
        double ridgeLift = goDark(-1, 1).predictedLift(MODELS.get(0));
        double nnlsLift = goDark(-1, 1).predictedLift(MODELS.get(1));
        double se = Math.abs(ridgeLift - nnlsLift) / 10;
        assertTrue(se > 0, "the two models predict different lifts");
        AnalystReport r = Analyst.analyse(MODELS, Explorer.explore(G.data()), List.of(goDark(ridgeLift, se)));
        ChannelConsensus social = channel(r, "social");
        assertTrue(social.reasons().get(0).startsWith("left out of the consensus because the experiment "
                + "contradicts it: nnls (social test "), social.reasons().toString());
        assertEquals(2, social.estimates().size(), "the tables keep every model");
        Interval ridge = social.estimates().get(0).roiInterval().orElseThrow();
        social.consensusInterval().ifPresent(iv -> assertTrue(iv.lower() >= ridge.lower() - 1e-12
                && iv.upper() <= ridge.upper() + 1e-12, "the consensus is ridge's alone: " + iv + " " + ridge));
        assertTrue(social.consensusInterval().isPresent(), social.reasons().toString());
        // the go-dark test replaces the always-on note; a channel without a test keeps it
        assertTrue(social.reasons().stream().anyMatch(x -> x.startsWith(Analyst.MEASURED_FROM_ZERO)),
                social.reasons().toString());
        assertFalse(social.reasons().stream().anyMatch(x -> x.startsWith(Analyst.ALWAYS_ON_NOTE)));
        ChannelConsensus search = channel(r, "search");
        assertTrue(search.reasons().stream().anyMatch(x -> x.startsWith(Analyst.ALWAYS_ON_NOTE)),
                search.reasons().toString());
        assertTrue(search.reasons().stream().noneMatch(x -> x.startsWith("left out")), search.reasons().toString());
        assertEquals(List.of("nnls"), social.leftOut());
        // one model left cannot confirm the channel on its own
        assertTrue(social.agreement() != Agreement.CONFIRMED, social.toString());
        assertTrue(social.reasons().stream().anyMatch(x -> x.startsWith("only ridge agrees with the experiment")),
                social.reasons().toString());
        // without the experiment both vote, as before
        AnalystReport plain = Analyst.analyse(MODELS, Explorer.explore(G.data()));
        assertTrue(channel(plain, "social").reasons().stream().noneMatch(x -> x.startsWith("left out")));
    }

    /** The gate's honesty check judges a confirmed channel by the models that voted on it. */
    @Test
    void theHonestyCheckIgnoresAModelLeftOut() {
        Optional<Interval> wide = Optional.of(new Interval(-0.5, 3, 0.9));
        Optional<Interval> firm = Optional.of(new Interval(1, 2, 0.9));
        List<ModelEstimate> est = List.of(new ModelEstimate("a", 1.5, firm, 1, 0.5, 1),
                new ModelEstimate("b", 1.4, firm, 1, 0.5, 1), new ModelEstimate("c", 1.2, wide, 1, 0.5, 1));
        for (boolean cLeftOut : new boolean[] {true, false}) {
            ChannelConsensus c = new ChannelConsensus("x", est, true, true, Optional.of(1.5), firm,
                    Agreement.CONFIRMED, List.of(), 400, cLeftOut ? List.of("c") : List.of());
            Check h = Critic.honesty(new AnalystReport(List.of(c), java.util.Map.of(), 1, java.util.Map.of()));
            assertEquals(cLeftOut, h.passed(), h.evidence());
        }
    }

    @Test
    void whenEveryModelIsOffNoneIsLeftOutAndTheReasonSaysSo() {
        double ridgeLift = goDark(-1, 1).predictedLift(MODELS.get(0));
        AnalystReport r = Analyst.analyse(MODELS, Explorer.explore(G.data()),
                List.of(goDark(10 * ridgeLift, Math.abs(ridgeLift) / 100)));
        ChannelConsensus social = channel(r, "social");
        assertTrue(social.reasons().get(0).startsWith("every model's predicted lift is more than two standard "
                + "errors from the experiment's measurement"), social.reasons().toString());
    }
}
