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

    /**
     * A channel the models disagree about is held at its current spend by the recommended plan, so that the plan
     * agrees with the advice not to move it before a test, and the advice says so.
     */
    @Test
    void aDisputedChannelIsHeldByThePlanAndTheAdviceSaysSo() {
        io.github.mmm4j.auto.Round best = RESULT.bestRound();
        List<io.github.mmm4j.auto.ChannelConsensus> marked = new ArrayList<>();
        for (io.github.mmm4j.auto.ChannelConsensus c : best.analysis().channels()) {
            marked.add(new io.github.mmm4j.auto.ChannelConsensus(c.channel(), c.estimates(), !c.channel().equals(
                    "tv") && c.intervalsOverlap(), c.ranksAgree(), c.channel().equals("tv") ? Optional.empty()
                    : c.consensusRoi(), c.channel().equals("tv") ? Optional.empty() : c.consensusInterval(),
                    c.channel().equals("tv") ? Agreement.DISAGREE : c.agreement(), c.reasons(), c.pooledDraws()));
        }
        io.github.mmm4j.auto.AnalystReport a = new io.github.mmm4j.auto.AnalystReport(marked,
                best.analysis().rankingByModel(), best.analysis().rankCorrelation(), best.analysis().mediaShareOfKpi());
        List<io.github.mmm4j.auto.Round> rounds = new ArrayList<>(RESULT.rounds());
        rounds.set(RESULT.best(), new io.github.mmm4j.auto.Round(best.number(), best.proposal(), best.config(),
                best.models(), a, best.critique(), best.search()));
        AnalysisResult result = new AnalysisResult(RESULT.data(), RESULT.profile(), rounds, RESULT.best(),
                RESULT.stopReason(), RESULT.primary(), RESULT.primaryReason(), RESULT.adaptations());
        io.github.mmm4j.optimize.PlanningModel pm = io.github.mmm4j.optimize.PlanningModel.of(result.primaryModel(),
                13);
        io.github.mmm4j.optimize.Allocation free = io.github.mmm4j.optimize.BudgetOptimizer.optimize(pm,
                io.github.mmm4j.optimize.BudgetConstraints.none(), io.github.mmm4j.optimize.Objective.maximizeKpi());
        io.github.mmm4j.optimize.Allocation held = io.github.mmm4j.optimize.BudgetOptimizer.optimize(pm,
                io.github.mmm4j.auto.AutoPipeline.planConstraints(result),
                io.github.mmm4j.optimize.Objective.maximizeKpi());
        double tvNow = pm.baseline().channelTotal("tv");
        assertTrue(Math.abs(free.channel("tv").optimalSpend() - tvNow) > 1e-3 * tvNow,
                "unconstrained, the plan would move tv");
        assertEquals(tvNow, held.channel("tv").optimalSpend(), 1e-9 * tvNow);
        assertEquals(pm.baseline().total(), held.optimal().total(), 1e-6 * pm.baseline().total());
        BudgetPlan plan = OptimizerRows.plan(held);
        Findings f = Findings.of(ReportInput.of(result, 1, "demo").withPlan(plan));
        Recommendation tv = f.recommendations().stream().filter(r -> r.channel().equals("tv")).findFirst()
                .orElseThrow();
        assertEquals(Action.TEST_FIRST, tv.action());
        assertEquals(tv.currentSpendPerPeriod(), tv.recommendedSpendPerPeriod(), 1e-9 * tv.currentSpendPerPeriod());
        String advice = StandardNarrator.INSTANCE.narrate(f).sections().stream()
                .filter(x -> x.heading().equals("What to do")).findFirst().orElseThrow().bullets().toString();
        assertTrue(advice.contains("Do not move tv on this evidence: the models disagree about its return, so the "
                + "recommended plan keeps it at its current spend."), advice);
    }

    /**
     * When the reported model contradicts an experiment (its predicted lift more than two standard errors from the
     * measured one), confidence is low and a warning says to trust the experiment; one that agrees raises neither.
     */
    @Test
    void aReportedModelThatContradictsAnExperimentIsFlagged() {
        io.github.mmm4j.auto.Round best = RESULT.bestRound();
        io.github.mmm4j.models.FittedModel primary = RESULT.primaryModel();
        java.time.LocalDate start = RESULT.data().time().date(20);
        java.time.LocalDate end = RESULT.data().time().date(27);
        double predicted = io.github.mmm4j.models.bayes.LiftTest.ofMultiplier("tv", start, end, 0, -1, 1)
                .predictedLift(primary);
        for (boolean agree : new boolean[] {true, false}) {
            io.github.mmm4j.models.bayes.LiftTest t = io.github.mmm4j.models.bayes.LiftTest.ofMultiplier("tv", start,
                    end, 0, agree ? predicted : 3 * predicted, Math.abs(predicted) / 20);
            List<io.github.mmm4j.models.Estimator> est = new ArrayList<>(best.config().estimators());
            est.add(io.github.mmm4j.models.bayes.BayesianMmm.defaults().withOptions(
                    io.github.mmm4j.models.bayes.BayesOptions.defaults().withLiftTests(List.of(t))));
            io.github.mmm4j.auto.RoundConfig config = new io.github.mmm4j.auto.RoundConfig(best.config().spec(),
                    best.config().holdout(), best.config().extraEvents(), est, best.config().search(),
                    best.config().ranges());
            List<io.github.mmm4j.auto.Round> rounds = new ArrayList<>(RESULT.rounds());
            rounds.set(RESULT.best(), new io.github.mmm4j.auto.Round(best.number(), best.proposal(), config,
                    best.models(), best.analysis(), best.critique(), best.search()));
            AnalysisResult result = new AnalysisResult(RESULT.data(), RESULT.profile(), rounds, RESULT.best(),
                    RESULT.stopReason(), RESULT.primary(), RESULT.primaryReason(), RESULT.adaptations());
            Findings f = Findings.of(ReportInput.of(result, 1, "demo"));
            boolean warned = f.warnings().stream().anyMatch(w -> w.startsWith("the reported " + primary.estimator()
                    + " model contradicts the experiment tv test " + start + " to " + end));
            assertEquals(!agree, warned, f.warnings().toString());
            if (!agree) {
                assertEquals(Confidence.LOW, f.confidence());
                assertTrue(f.confidenceReasons().stream().anyMatch(x -> x.contains("predicted lift is more than two "
                        + "standard errors from the measured lift of tv test")), f.confidenceReasons().toString());
            }
        }
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

    /** The documented confidence rule, recomputed from the findings' measured quantities. */
    static Confidence expectedConfidence(Findings f) {
        long disagree = f.channels().stream().filter(c -> c.agreement() == Agreement.DISAGREE).count();
        long confirmed = f.channels().stream().filter(c -> c.agreement() == Agreement.CONFIRMED).count();
        boolean movesUnconfirmed = f.recommendations().stream().anyMatch(r -> (r.action() == Action.INCREASE
                || r.action() == Action.DECREASE) && r.agreement() != Agreement.CONFIRMED);
        boolean loses = f.expectedUpliftPct().map(u -> u < 0).orElse(false);
        double w = f.intervalWidth();
        if (f.verdict() != Verdict.APPROVED || f.readiness() <= 2 || confirmed == 0 || w > Findings.LOW_WIDTH
                || f.holdoutMape().map(m -> m > Findings.LOW_MAPE).orElse(false) || loses) {
            return Confidence.LOW;
        }
        if (f.failedChecks().isEmpty() && f.readiness() >= 4 && disagree == 0 && 2 * confirmed >= f.channels().size()
                && !movesUnconfirmed && w <= Findings.HIGH_WIDTH
                && f.holdoutMape().map(m -> m <= Findings.HIGH_MAPE).orElse(false)
                && f.channels().stream().noneMatch(ChannelFinding::priorLed)) {
            return Confidence.HIGH;
        }
        return Confidence.MEDIUM;
    }

    @Test
    void confidenceFollowsTheStatedRules() {
        Findings f = Findings.of(ReportInput.of(RESULT, 1, "demo"));
        assertEquals(expectedConfidence(f), f.confidence());
        assertEquals(RESULT.failedChecks(), f.failedChecks());
        assertEquals(RESULT.profile().readiness(), f.readiness());
        assertFalse(f.confidenceReasons().isEmpty());
        List<Double> widths = f.channels().stream().map(ChannelFinding::relativeHalfWidth).sorted().toList();
        double median = widths.size() % 2 == 1 ? widths.get(widths.size() / 2)
                : 0.5 * (widths.get(widths.size() / 2 - 1) + widths.get(widths.size() / 2));
        assertEquals(median, f.intervalWidth(), 1e-12);
    }

    private static BudgetPlan plan(double[] current, double[] optimal, double kpiCurrent, double kpiOptimal,
            boolean improved) {
        List<ChannelSummary> cs = RESULT.bestRound().models().get(0).channels();
        List<PlanRow> rows = new ArrayList<>();
        for (int c = 0; c < cs.size(); c++) {
            rows.add(new PlanRow(cs.get(c).name(), 13 * current[c], 13 * optimal[c], 10, 12, Optional.empty()));
        }
        return new BudgetPlan(rows, 13, kpiCurrent, kpiOptimal, "CONVERGED", "ok", improved);
    }

    @Test
    void aGainWhoseIntervalIncludesALossIsWarnedAbout() {
        BudgetPlan p = plan(new double[] {100, 100, 100, 100}, new double[] {150, 50, 100, 100}, 1000, 1010, true);
        BudgetPlan uncertain = new BudgetPlan(p.rows(), 13, 1000, 1010, "CONVERGED", "ok", true,
                Optional.of(new io.github.mmm4j.models.Interval(-12, 25, 0.9)));
        BudgetPlan sure = new BudgetPlan(p.rows(), 13, 1000, 1010, "CONVERGED", "ok", true,
                Optional.of(new io.github.mmm4j.models.Interval(3, 25, 0.9)));
        assertTrue(uncertain.gainUncertain());
        assertTrue(!sure.gainUncertain());
        Findings f = Findings.of(ReportInput.of(RESULT, 1, "demo").withPlan(uncertain));
        assertTrue(f.warnings().stream().anyMatch(w -> w.contains("includes a loss")), f.warnings().toString());
        Findings g = Findings.of(ReportInput.of(RESULT, 1, "demo").withPlan(sure));
        assertTrue(g.warnings().stream().noneMatch(w -> w.contains("includes a loss")), g.warnings().toString());
    }

    @Test
    void alwaysOnChannelsWhoseRoiRestsOnTheAssumedCurveAreNamedInTheWarnings() {
        java.util.List<String> noted = RESULT.bestRound().analysis().channels().stream()
                .filter(c -> c.reasons().stream().anyMatch(x -> x.startsWith(
                        io.github.mmm4j.auto.Analyst.ALWAYS_ON_NOTE)))
                .map(c -> c.channel()).toList();
        assertFalse(noted.isEmpty(), "the demo's always-on channels are noted");
        Findings f = Findings.of(ReportInput.of(RESULT, 1, "demo"));
        java.util.List<String> w = f.warnings().stream().filter(x -> x.startsWith("the ROI of the always-on")).toList();
        assertEquals(1, w.size(), f.warnings().toString());
        for (String c : RESULT.bestRound().models().get(0).data().channels()) {
            assertEquals(noted.contains(c), w.get(0).contains("'" + c + "'"), c + ": " + w.get(0));
        }
    }

    @Test
    void priorLedChannelsAreNamedInTheWarnings() {
        // the fixture fits ridge and NNLS only, so no channel is prior-led; mark one as the analyst would
        Findings none = Findings.of(ReportInput.of(RESULT, 1, "demo"));
        assertTrue(none.warnings().stream().noneMatch(x -> x.startsWith("the Bayesian ROI of")), none.warnings()
                .toString());
        io.github.mmm4j.auto.Round best = RESULT.bestRound();
        java.util.List<io.github.mmm4j.auto.ChannelConsensus> marked = new java.util.ArrayList<>();
        for (io.github.mmm4j.auto.ChannelConsensus c : best.analysis().channels()) {
            java.util.List<String> reasons = new java.util.ArrayList<>(c.reasons());
            if (c.channel().equals("search")) {
                reasons.add(io.github.mmm4j.auto.Analyst.PRIOR_LED_NOTE + "the data set only about 30% ...");
            }
            marked.add(new io.github.mmm4j.auto.ChannelConsensus(c.channel(), c.estimates(), c.intervalsOverlap(),
                    c.ranksAgree(), c.consensusRoi(), c.consensusInterval(), c.agreement(), reasons,
                    c.pooledDraws()));
        }
        io.github.mmm4j.auto.AnalystReport a = new io.github.mmm4j.auto.AnalystReport(marked,
                best.analysis().rankingByModel(), best.analysis().rankCorrelation(), best.analysis().mediaShareOfKpi());
        java.util.List<io.github.mmm4j.auto.Round> rounds = new java.util.ArrayList<>(RESULT.rounds());
        rounds.set(RESULT.best(), new io.github.mmm4j.auto.Round(best.number(), best.proposal(), best.config(),
                best.models(), a, best.critique(), best.search()));
        AnalysisResult result = new AnalysisResult(RESULT.data(), RESULT.profile(), rounds, RESULT.best(),
                RESULT.stopReason(), RESULT.primary(), RESULT.primaryReason(), RESULT.adaptations());
        Findings f = Findings.of(ReportInput.of(result, 1, "demo"));
        for (ChannelFinding c : f.channels()) {
            assertEquals(c.channel().equals("search"), c.priorLed(), c.channel());
        }
        assertTrue(f.confidence() != Confidence.HIGH, "a prior-led channel rules out high confidence");
        assertEquals(expectedConfidence(f), f.confidence());
        assertTrue(f.confidenceReasons().stream().anyMatch(
                x -> x.contains("1 channel is set more by its starting assumption (the prior)")),
                f.confidenceReasons().toString());
        java.util.List<String> w = f.warnings().stream().filter(x -> x.startsWith("the Bayesian ROI of")).toList();
        assertEquals(1, w.size(), f.warnings().toString());
        for (String c : RESULT.data().channels()) {
            assertEquals(c.equals("search"), w.get(0).contains("'" + c + "'"), c + ": " + w.get(0));
        }
    }

    @Test
    void aPlanThatCannotImproveSaysKeepTheCurrentPlan() {
        double[] cur = {100, 200, 300, 400};
        Findings f = Findings.of(ReportInput.of(RESULT, 1, "demo").withPlan(plan(cur, cur, 1000, 1000, false)));
        assertFalse(f.planImproved());
        for (Recommendation r : f.recommendations()) {
            assertEquals(expected(r.agreement(), Action.KEEP), r.action(), r.channel());
        }
        String headline = Narrator.standard().narrate(f).headline();
        assertTrue(headline.contains("Keep the current plan"), headline);
        assertFalse(headline.contains("Move budget"), headline);
    }

    @Test
    void aPlanThatLowersTheKpiIsNeverHighConfidence() {
        Findings f = Findings.of(ReportInput.of(RESULT, 1, "demo").withPlan(
                plan(new double[] {100, 200, 300, 400}, new double[] {300, 100, 200, 400}, 1000, 961, true)));
        assertEquals(Confidence.LOW, f.confidence());
        String headline = Narrator.standard().narrate(f).headline();
        assertFalse(headline.contains("Confidence is high"), headline);
        assertTrue(headline.contains("Keep the current plan"), headline);
        assertFalse(headline.contains("lower"), headline);
    }

    @Test
    void smallAndLargeSpendsReadAsWhatTheyAre() {
        Findings base = Findings.of(ReportInput.of(RESULT, 1, "demo"));
        List<Integer> open = new ArrayList<>();
        for (int c = 0; c < base.channels().size(); c++) {
            if (base.channels().get(c).agreement() != Agreement.DISAGREE) {
                open.add(c);
            }
        }
        assertTrue(open.size() >= 2, "the demo fixture has at least two channels the models do not dispute");
        int i = open.get(0);
        int j = open.get(1);
        double[] cur = {1, 1, 1, 1};
        double[] opt = {1, 1, 1, 1};
        cur[i] = 0.42;
        opt[i] = 0.84;
        cur[j] = 0.0042;
        opt[j] = 0.0011;
        Findings small = Findings.of(ReportInput.of(RESULT, 1, "demo").withPlan(plan(cur, opt, 1000, 1010, true)));
        String text = String.join("\n", Narrator.standard().narrate(small).sections().get(0).bullets());
        String per = small.frequency().equals("daily") ? "day" : "week";
        assertTrue(text.contains("Increase " + small.channels().get(i).channel() + " from 0.42 to 0.84 per " + per),
                text);
        assertTrue(text.contains("Reduce " + small.channels().get(j).channel() + " from 0.0042 to 0.0011 per " + per),
                text);
        cur = new double[] {1, 1, 1, 1};
        opt = new double[] {1, 1, 1, 1};
        cur[i] = 4876827.13;
        opt[i] = 9753654.26;
        Findings large = Findings.of(ReportInput.of(RESULT, 1, "demo").withPlan(plan(cur, opt, 1000, 1010, true)));
        String big = String.join("\n", Narrator.standard().narrate(large).sections().get(0).bullets());
        assertTrue(big.contains("from 4,876,827 to 9,753,654 per " + per), big);
        assertFalse(big.contains("4876827"), big);
        assertEquals("0.0042", Fmt.money(0.0042));
        assertEquals("4,876,827", Fmt.money(4876827.13));
        assertEquals("765.3", Fmt.sig(765.34));
        assertEquals("0.42 to 1,235", Fmt.interval(Optional.of(new io.github.mmm4j.models.Interval(0.42, 1234.6,
                0.9))));
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
