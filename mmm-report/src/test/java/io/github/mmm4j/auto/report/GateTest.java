package io.github.mmm4j.auto.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.auto.AnalysisResult;
import io.github.mmm4j.auto.Analyst;
import io.github.mmm4j.auto.AnalystReport;
import io.github.mmm4j.auto.AutoAnalysis;
import io.github.mmm4j.auto.Check;
import io.github.mmm4j.auto.Critic;
import io.github.mmm4j.auto.Critique;
import io.github.mmm4j.auto.HoldoutComparison;
import io.github.mmm4j.auto.Round;
import io.github.mmm4j.auto.Verdict;
import io.github.mmm4j.models.FittedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The gate and the best-round rule on rounds built from the demo analysis's fits: a round whose fits are the best
 * round's with their parameters changed so that they predict the holdout worse (or move an ROI far) must be caught.
 */
class GateTest {

    private static final AnalysisResult RESULT = Fixtures.demo();

    /** Each model of {@code round} as a point model whose point row is {@code change(row)}. */
    private static List<FittedModel> changed(Round round, UnaryOperator<double[]> change) {
        List<FittedModel> out = new ArrayList<>();
        for (FittedModel m : round.models()) {
            double[] row = change.apply(m.pointRow().orElseThrow());
            out.add(FittedModel.of(m.estimator(), m.spec(), m.data(), m.holdout(), m.frame(), row, null,
                    m.intervalLevel(), m.provenance(), null));
        }
        return out;
    }

    private static Round round(Round reference, List<FittedModel> models) {
        AnalystReport a = Analyst.analyse(models, RESULT.profile());
        Critique c = Critic.review(models, a, RESULT.profile(), Map.of(), Optional.of(reference));
        return new Round(reference.number() + 1, Optional.empty(), reference.config(), models, a, c);
    }

    private static double holdoutMae(FittedModel m) {
        return m.testMetrics().orElseThrow().mae();
    }

    @Test
    void aRoundWhoseHoldoutErrorGotWorseIsRejectedAndNotChosen() {
        Round best = RESULT.bestRound();
        double shift = 3 * holdoutMae(best.models().get(0));
        Round worse = round(best, changed(best, row -> {
            row[0] += shift;
            return row;
        }));
        assertTrue(worse.critique().failed("holdout_no_worse"), worse.critique().checks().toString());
        assertEquals(Verdict.REVISE, worse.critique().verdict());
        Check c = worse.critique().checks().stream().filter(k -> k.name().equals("holdout_no_worse")).findFirst()
                .orElseThrow();
        assertTrue(c.blocking() && c.evidence().contains("holdout MAE"), c.evidence());
        assertEquals(0, AutoAnalysis.best(List.of(best, worse)), "the worse round is never the best");
    }

    @Test
    void anUnchangedRoundIsWithinNoiseAndKeepsTheEarlierRound() {
        Round best = RESULT.bestRound();
        Round same = round(best, best.models());
        assertFalse(same.critique().failed("holdout_no_worse"), same.critique().checks().toString());
        assertFalse(same.critique().failed("roi_shift"));
        HoldoutComparison h = HoldoutComparison.of(same.models().get(0), best.models().get(0)).orElseThrow();
        assertEquals(0, h.meanDifference(), 0);
        assertFalse(h.worse() || h.better());
    }

    @Test
    void aChangeThatMovesRoiFarWithoutBetterPredictionsIsReported() {
        Round best = RESULT.bestRound();
        FittedModel m = best.models().get(0);
        String channel = m.channelNames().get(0);
        int k = 1 + m.columnNames().indexOf(channel);
        assertTrue(k > 0, m.columnNames().toString());
        Round moved = round(best, changed(best, row -> {
            row[k] *= 3;
            return row;
        }));
        assertTrue(moved.critique().failed("roi_shift"), moved.critique().checks().toString());
        Check c = moved.critique().failed().stream().filter(x -> x.name().equals("roi_shift")).findFirst()
                .orElseThrow();
        assertFalse(c.blocking());
        assertTrue(c.evidence().contains(channel + " ROI") && c.evidence().contains("holdout MAE"), c.evidence());
    }

    @Test
    void theDieboldMarianoComparisonSeparatesNoiseFromAWorseFit() {
        double[] ref = {10, 12, 9, 11, 10, 13, 8, 12, 10, 11, 9, 12, 10};
        double[] noisy = {11, 11, 10, 10, 11, 12, 9, 11, 11, 10, 10, 11, 11};
        double[] worse = new double[ref.length];
        for (int t = 0; t < ref.length; t++) {
            worse[t] = ref[t] * 1.3 + (t % 2);
        }
        HoldoutComparison n = HoldoutComparison.of(noisy, ref);
        assertFalse(n.worse() || n.better(), n.describe());
        HoldoutComparison w = HoldoutComparison.of(worse, ref);
        assertTrue(w.worse() && !w.better(), w.describe());
        assertTrue(HoldoutComparison.of(ref, worse).better());
    }
}
