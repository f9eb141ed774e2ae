package io.github.mmm4j.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.synthetic.DemoData;
import io.github.mmm4j.synthetic.Generated;
import io.github.mmm4j.synthetic.Presets;
import io.github.mmm4j.synthetic.Synthetic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoAnalysisTest {

    @Test
    void anInjectedSpikeLeadsTheTunerToProposeAnEventIndicator() {
        MmmDataset d = ExplorerTest.withSpike(DemoData.generate(DemoData.DEFAULT_SEED), 60);
        AnalysisResult r = AutoAnalysis.run(d, AutoOptions.defaults().withMaxRounds(2));
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
        AnalysisResult a = AutoAnalysis.run(d, AutoOptions.defaults().withMaxRounds(2).withSeed(9));
        AnalysisResult b = AutoAnalysis.run(d, AutoOptions.defaults().withMaxRounds(2).withSeed(9));
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
        AnalysisResult r = AutoAnalysis.run(g.data(), AutoOptions.defaults().withMaxRounds(2));
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
        AnalysisResult r = AutoAnalysis.run(d, AutoOptions.defaults().withMaxRounds(3));
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
