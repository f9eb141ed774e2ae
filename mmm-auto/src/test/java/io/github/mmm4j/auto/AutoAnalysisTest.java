package io.github.mmm4j.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.synthetic.DemoData;
import io.github.mmm4j.synthetic.Generated;
import io.github.mmm4j.synthetic.Presets;
import io.github.mmm4j.synthetic.ScenarioSpec;
import io.github.mmm4j.synthetic.SpendPattern;
import io.github.mmm4j.synthetic.Synthetic;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoAnalysisTest {

    /** Ridge and NNLS with a small search: the pipeline's logic without the sampler's cost. */
    static AutoOptions linearOnly() {
        return AutoOptions.defaults().withEstimators(AutoOptions.defaultEstimators().subList(0, 2))
                .withSearchIterations(300);
    }

    /**
     * Three flighted channels (on and off in different rhythms, so each effect is identified) with clearly
     * different ROIs, low noise: the data an expert would call well identified.
     */
    static ScenarioSpec identified() {
        return ScenarioSpec.builder().name("identified").periods(156).start(LocalDate.of(2023, 1, 2))
                .channels(List.of(
                        new ScenarioSpec.Channel("tv", new SpendPattern.Flighted(40_000, 5, 5, 0.2),
                                Adstock.geometric(0.5, 8, true), Saturation.hill(1.0, 1.0), 200_000),
                        new ScenarioSpec.Channel("search", new SpendPattern.Flighted(20_000, 3, 4, 0.2),
                                Adstock.geometric(0.2, 8, true), Saturation.hill(1.0, 1.0), 40_000),
                        new ScenarioSpec.Channel("social", new SpendPattern.Flighted(15_000, 4, 3, 0.2),
                                Adstock.geometric(0.3, 8, true), Saturation.hill(1.0, 1.0), 60_000)))
                .baseline(new ScenarioSpec.Baseline(500_000, ScenarioSpec.Trend.LINEAR, 10_000,
                        List.of(new ScenarioSpec.Harmonic(20_000, 5_000))))
                .noise(ScenarioSpec.Noise.gaussian(3_000)).build();
    }

    /**
     * The full pipeline (search, ridge, NNLS, Bayesian NUTS; up to 3 rounds) on well-identified synthetic data ends
     * APPROVED and ranks the confirmed channels by consensus ROI exactly as the truth ranks them. Seeded: the
     * result is deterministic; on this seed the gate approves in round 3 after the tuner narrows search's Hill
     * slope range.
     */
    @Test
    void endsApprovedWithTheTrueRankingOnWellIdentifiedData() {
        Generated g = Synthetic.generate(identified(), 1);
        AnalysisResult r = AutoAnalysis.run(g.data(), AutoOptions.defaults().withMaxRounds(3));
        assertEquals(Verdict.APPROVED, r.verdict(), r.failedChecks().toString());
        List<ChannelConsensus> confirmed = new ArrayList<>(r.bestRound().analysis().channels().stream()
                .filter(c -> c.agreement() == Agreement.CONFIRMED).toList());
        assertTrue(confirmed.size() >= 2, "at least two confirmed channels: " + r.bestRound().analysis().channels());
        List<String> byConsensus = confirmed.stream()
                .sorted(java.util.Comparator.comparingDouble((ChannelConsensus c) -> c.consensusRoi().orElseThrow())
                        .reversed())
                .map(ChannelConsensus::channel).toList();
        List<String> byTruth = confirmed.stream().map(ChannelConsensus::channel)
                .sorted(java.util.Comparator.comparingDouble((String c) -> g.truth().channel(c).roi()).reversed())
                .toList();
        assertEquals(byTruth, byConsensus);
        assertEquals(3, r.bestRound().models().size());
        assertTrue(r.bestRound().models().stream().anyMatch(m -> m.samplerDiagnostics().isPresent()));
    }

    @Test
    void anInjectedSpikeLeadsTheTunerToProposeAnEventIndicator() {
        MmmDataset d = ExplorerTest.withSpike(DemoData.generate(DemoData.DEFAULT_SEED), 60);
        AnalysisResult r = AutoAnalysis.run(d, linearOnly().withMaxRounds(2));
        assertTrue(r.profile().anomalies().stream().anyMatch(a -> a.period() == 60));
        assertTrue(r.rounds().size() >= 1);
        if (r.rounds().get(0).critique().verdict() == Verdict.REVISE) {
            TunerProposal p = r.rounds().get(1).proposal().orElseThrow();
            assertEquals("add an event indicator for " + d.time().date(60), p.change());
            assertTrue(p.reason().contains("tv spend spiked"), p.reason());
            assertTrue(r.rounds().get(1).models().get(0).data().events().contains("event_" + d.time().date(60)));
        } else {
            // Approved at once: the tuner is still asked directly and must propose the indicator.
            TunerProposal p = Tuner.propose(r.rounds().get(0), r.profile(), r.rounds());
            assertEquals("add an event indicator for " + d.time().date(60), p.change());
        }
    }

    @Test
    void sameSeedGivesIdenticalResults() {
        MmmDataset d = DemoData.generate(5);
        AnalysisResult a = AutoAnalysis.run(d, linearOnly().withMaxRounds(2).withSeed(9));
        AnalysisResult b = AutoAnalysis.run(d, linearOnly().withMaxRounds(2).withSeed(9));
        assertEquals(a.rounds().size(), b.rounds().size());
        for (int i = 0; i < a.rounds().size(); i++) {
            for (int m = 0; m < a.rounds().get(i).models().size(); m++) {
                assertEquals(a.rounds().get(i).models().get(m).channels(), b.rounds().get(i).models().get(m).channels());
            }
            assertEquals(a.rounds().get(i).critique(), b.rounds().get(i).critique());
        }
    }

    @Test
    void theHardPresetFlagsItsCollinearPairAndSparseChannelAndNeverConfirmsThem() {
        Generated g = Synthetic.generate(Presets.hard(), 3);
        AnalysisResult r = AutoAnalysis.run(g.data(), linearOnly().withMaxRounds(2));
        assertTrue(r.profile().sparseChannels().contains(Presets.HARD_SPARSE_CHANNEL), r.profile().reasons().toString());
        String pair = Presets.HARD_COLLINEAR_PAIR.get(0) + " ~ " + Presets.HARD_COLLINEAR_PAIR.get(1);
        assertTrue(r.profile().severeCorrelations().stream().anyMatch(s -> s.startsWith(pair)),
                r.profile().severeCorrelations().toString());
        for (Round round : r.rounds()) {
            List<String> confirmed = round.analysis().channelsWith(Agreement.CONFIRMED);
            assertFalse(confirmed.contains(Presets.HARD_SPARSE_CHANNEL), confirmed.toString());
            for (String c : Presets.HARD_COLLINEAR_PAIR) {
                assertFalse(confirmed.contains(c), confirmed.toString());
            }
            assertTrue(round.critique().checks().stream().anyMatch(c -> c.name().equals("collinearity")));
        }
        assertFalse(r.failedChecks().isEmpty() && r.verdict() == Verdict.REVISE, "a REVISE verdict names its failures");
    }

    @Test
    void everyRoundRecordsItsChecksAndTheBestRoundIsChosenByTheRules() {
        MmmDataset d = DemoData.generate(11);
        AnalysisResult r = AutoAnalysis.run(d, linearOnly().withMaxRounds(3));
        List<String> names = new ArrayList<>();
        r.rounds().get(0).critique().checks().forEach(c -> names.add(c.name()));
        assertTrue(names.containsAll(List.of("overfitting", "signs", "roi_plausibility", "agreement",
                "honest_consensus", "collinearity", "sample_size")), names.toString());
        Round best = r.bestRound();
        for (Round other : r.rounds()) {
            if (other.critique().verdict() == Verdict.APPROVED) {
                assertEquals(Verdict.APPROVED, best.critique().verdict());
            }
        }
        for (ChannelSummary c : best.models().get(0).channels()) {
            assertTrue(Double.isFinite(c.roi()));
        }
        assertFalse(r.stopReason().isEmpty());
    }
}
