package io.github.mmm4j.auto.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.auto.Agreement;
import io.github.mmm4j.auto.AnalysisResult;
import io.github.mmm4j.auto.Verdict;
import io.github.mmm4j.auto.report.Findings.Action;
import io.github.mmm4j.auto.report.Findings.ChannelFinding;
import io.github.mmm4j.auto.report.Findings.Confidence;
import io.github.mmm4j.auto.report.Findings.Recommendation;
import io.github.mmm4j.models.ChannelSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingsTest {

    static final AnalysisResult RESULT = Fixtures.demo();

    static Action expected(Agreement a, Action byChange) {
        return a == Agreement.DISAGREE ? Action.TEST_FIRST : byChange;
    }

    @Test
    void withAPlanEachChannelsActionFollowsItsChangeOfSpend() {
        List<ChannelSummary> cs = RESULT.bestRound().models().get(0).channels();
        double[] factor = {1.5, 0.5, 1.02, 0};
        List<PlanRow> rows = new ArrayList<>();
        for (int c = 0; c < cs.size(); c++) {
            double cur = c == 3 ? 0 : 1300;
            rows.add(new PlanRow(cs.get(c).name(), cur, cur * factor[c], 10, 12, Optional.empty()));
        }
        BudgetPlan plan = new BudgetPlan(rows, 13, 1000, 1010, "CONVERGED", "ok");
        Findings f = Findings.of(ReportInput.of(RESULT, 1, "demo").withPlan(plan));
        assertTrue(f.planComputed());
        assertEquals(Optional.of(1.0), f.expectedUpliftPct());
        Action[] byChange = {Action.INCREASE, Action.DECREASE, Action.KEEP, Action.KEEP};
        for (int c = 0; c < cs.size(); c++) {
            String name = cs.get(c).name();
            Recommendation r = f.recommendations().stream().filter(x -> x.channel().equals(name)).findFirst()
                    .orElseThrow();
            assertEquals(expected(f.channel(name).agreement(), byChange[c]), r.action(), name);
            assertEquals(rows.get(c).currentSpend() / 13, r.currentSpendPerPeriod(), 1e-12);
            assertEquals(rows.get(c).optimalSpend() / 13, r.recommendedSpendPerPeriod(), 1e-12);
        }
        List<Recommendation> sorted = new ArrayList<>(f.recommendations());
        sorted.sort(Comparator.comparingDouble(
                (Recommendation x) -> -Math.abs(x.recommendedSpendPerPeriod() - x.currentSpendPerPeriod())));
        assertEquals(sorted, f.recommendations(), "largest changes first");
    }

    @Test
    void withoutAPlanTheHighestAndLowestMarginalRoiChannelsAreNamed() {
        Findings f = Findings.of(ReportInput.of(RESULT, 1, "demo"));
        assertFalse(f.planComputed());
        List<ChannelFinding> open = f.channels().stream().filter(c -> c.agreement() != Agreement.DISAGREE).toList();
        ChannelFinding hi = open.stream().max(Comparator.comparingDouble(ChannelFinding::marginalRoi)).orElseThrow();
        ChannelFinding lo = open.stream().min(Comparator.comparingDouble(ChannelFinding::marginalRoi)).orElseThrow();
        boolean shift = hi.marginalRoi() >= Findings.MROI_GAP * Math.max(lo.marginalRoi(), 0);
        for (Recommendation r : f.recommendations()) {
            Action want = f.channel(r.channel()).agreement() == Agreement.DISAGREE ? Action.TEST_FIRST
                    : shift && r.channel().equals(hi.channel()) ? Action.INCREASE
                            : shift && r.channel().equals(lo.channel()) ? Action.DECREASE : Action.KEEP;
            assertEquals(want, r.action(), r.channel());
            assertEquals(r.currentSpendPerPeriod(), r.recommendedSpendPerPeriod(), "no amounts without a plan");
        }
        String headline = Narrator.standard().narrate(f).headline();
        if (shift) {
            assertTrue(headline.contains(hi.channel()) && headline.contains(lo.channel()), headline);
        }
    }

    @Test
    void confidenceFollowsTheStatedRules() {
        Findings f = Findings.of(ReportInput.of(RESULT, 1, "demo"));
        long disagree = f.channels().stream().filter(c -> c.agreement() == Agreement.DISAGREE).count();
        long confirmed = f.channels().stream().filter(c -> c.agreement() == Agreement.CONFIRMED).count();
        Confidence want = f.verdict() != Verdict.APPROVED || f.readiness() <= 2 || confirmed == 0 ? Confidence.LOW
                : f.failedChecks().isEmpty() && f.readiness() >= 4 && disagree == 0 ? Confidence.HIGH
                        : Confidence.MEDIUM;
        assertEquals(want, f.confidence());
        assertEquals(RESULT.failedChecks(), f.failedChecks());
        assertEquals(RESULT.profile().readiness(), f.readiness());
        assertFalse(f.confidenceReasons().isEmpty());
    }

    @Test
    void theStandardNarratorIsDeterministicAndKeepsModelNamesOutOfTheHeadline() {
        Findings f = Findings.of(ReportInput.of(RESULT, 1, "demo"));
        Narrative a = Narrator.standard().narrate(f);
        assertEquals(a, Narrator.standard().narrate(Findings.of(ReportInput.of(RESULT, 1, "demo"))));
        for (String model : List.of("ridge", "nnls", "bayes")) {
            assertFalse(a.headline().toLowerCase().contains(model), a.headline());
        }
        assertEquals(List.of("What to do", "How confident", "Why", "Is the data ready", "Warnings"),
                a.sections().stream().map(Narrative.Section::heading).toList());
    }
}
