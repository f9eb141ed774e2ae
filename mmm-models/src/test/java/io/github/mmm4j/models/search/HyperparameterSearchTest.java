package io.github.mmm4j.models.search;

import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.RidgeOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search as a whole: reproducibility, budget, progress, cancellation, the front and the refit. */
class HyperparameterSearchTest {

    private static final SearchTestData.Truth DATA = SearchTestData.generate(3, 156, 5, 60);

    private static SearchOptions small() {
        return SearchOptions.defaults().withTrials(3).withIterationsPerTrial(400).withSeed(42);
    }

    @Test
    void sameSeedGivesTheSameBitsForOneAndTwoThreads() {
        SearchResult one = HyperparameterSearch.run(DATA.data(), DATA.spec(), small().withParallelism(1));
        SearchResult two = HyperparameterSearch.run(DATA.data(), DATA.spec(), small().withParallelism(2));
        assertEquals(one, two);
        assertArrayEquals(one.objectives(), two.objectives());
        assertEquals(one.selected(), two.selected());
        SearchResult other = HyperparameterSearch.run(DATA.data(), DATA.spec(), small().withSeed(43));
        assertFalse(Arrays.equals(one.objectives(), other.objectives()), "another seed explores other points");
    }

    @Test
    void spendsExactlyTheBudgetAndReturnsTheNonDominatedSet() {
        SearchResult r = HyperparameterSearch.run(DATA.data(), DATA.spec(), small());
        assertEquals(SearchStatus.COMPLETED, r.status());
        assertEquals(1200, r.evaluations());
        assertEquals(1200, r.budget());
        for (TrialSummary t : r.trials()) {
            assertEquals(400, t.evaluations());
            assertTrue(t.restarts() >= 1);
        }
        double[] f = r.objectives();
        assertEquals(1200 * 2, f.length);
        int m = 2;
        // Every front member is non-dominated by every evaluation, and every non-dominated value is on the front.
        for (Candidate c : r.front()) {
            for (int i = 0; i < r.evaluations(); i++) {
                boolean dominates = f[i * m] <= c.nrmse() && f[i * m + 1] <= c.decompRssd()
                        && (f[i * m] < c.nrmse() || f[i * m + 1] < c.decompRssd());
                assertFalse(dominates, "evaluation " + i + " dominates a front member");
            }
        }
        int[] nd = Pareto.front(f, (int) r.evaluations(), m);
        for (int i : nd) {
            boolean found = false;
            for (Candidate c : r.front()) {
                found |= c.nrmse() == f[i * m] && c.decompRssd() == f[i * m + 1];
            }
            assertTrue(found, "non-dominated evaluation " + i + " missing from the front");
        }
        for (int s = 1; s < r.front().size(); s++) {
            assertTrue(r.front().get(s - 1).nrmse() <= r.front().get(s).nrmse(), "front sorted by NRMSE");
            assertTrue(r.front().get(s - 1).decompRssd() >= r.front().get(s).decompRssd(), "2-D front is monotone");
        }
        // The selection rule over the front.
        double[] ff = new double[r.front().size() * m];
        int[] idx = new int[r.front().size()];
        for (int s = 0; s < idx.length; s++) {
            ff[s * m] = r.front().get(s).nrmse();
            ff[s * m + 1] = r.front().get(s).decompRssd();
            idx[s] = s;
        }
        assertEquals(Pareto.select(ff, idx, m), r.selectedIndex());
    }

    @Test
    void candidatesRefitThroughRidgeToTheSamePointEstimate() {
        SearchResult r = HyperparameterSearch.run(DATA.data(), DATA.spec(), small().withHoldout(10));
        SearchOptions o = small().withHoldout(10);
        SearchEvaluator ev = SearchEvaluator.of(DATA.data(), DATA.spec(), o);
        SearchEvaluator.Workspace ws = ev.newWorkspace();
        double[] obj = new double[2];
        for (Candidate c : List.of(r.front().get(0), r.selected(), r.front().get(r.front().size() - 1))) {
            ev.evaluate(c.unit(), ws, obj);
            assertEquals(c.nrmse(), obj[0]);
            assertEquals(c.decompRssd(), obj[1]);
            FittedModel fit = c.fit(DATA.data(), RidgeOptions.defaults().withBootstrap(0));
            double[] sol = ws.solution();
            assertEquals(sol[0], fit.intercept(), 1e-9 * Math.abs(sol[0]));
            double[] coef = fit.coefficients();
            double scale = Arrays.stream(coef).map(Math::abs).max().orElse(1);
            for (int j = 0; j < coef.length; j++) {
                assertEquals(sol[1 + j], coef[j], 1e-8 * scale, "coefficient " + j);
            }
            for (ChannelSummary s : fit.channels()) {
                assertTrue(s.contribution() >= 0, s.name() + " has a negative effect");
            }
            assertEquals(10, fit.holdout());
        }
        assertEquals(SearchStatus.COMPLETED, r.status());
    }

    @Test
    void progressIsMonotoneAndEndsAtTheBudget() {
        List<SearchProgress.Report> reports = new ArrayList<>();
        SearchResult r = HyperparameterSearch.run(DATA.data(), DATA.spec(), small().withParallelism(2)
                .withProgress(reports::add));
        assertFalse(reports.isEmpty());
        for (int i = 1; i < reports.size(); i++) {
            assertTrue(reports.get(i).evaluations() >= reports.get(i - 1).evaluations());
            assertTrue(reports.get(i).bestNrmse() <= reports.get(i - 1).bestNrmse());
            assertTrue(reports.get(i).bestDecompRssd() <= reports.get(i - 1).bestDecompRssd());
        }
        SearchProgress.Report last = reports.get(reports.size() - 1);
        assertEquals(r.budget(), last.evaluations());
        assertEquals(1.0, last.fraction());
        assertEquals(3, last.trialsFinished());
        double[] f = r.objectives();
        double minN = Double.POSITIVE_INFINITY;
        double minR = Double.POSITIVE_INFINITY;
        for (int i = 0; i < r.evaluations(); i++) {
            minN = Math.min(minN, f[2 * i]);
            minR = Math.min(minR, f[2 * i + 1]);
        }
        assertEquals(minN, last.bestNrmse());
        assertEquals(minR, last.bestDecompRssd());
        // 3 trials x 400 evaluations, a report every 100 and one at each trial's end
        assertEquals(3 * 4 + 3, reports.size());
    }

    @Test
    void cancellationReturnsWhatWasFoundSoFar() {
        SearchCancellation flag = new SearchCancellation();
        SearchResult r = HyperparameterSearch.run(DATA.data(), DATA.spec(), small().withParallelism(1)
                .withCancellation(flag).withProgress(p -> {
                    if (p.evaluations() >= 200) {
                        flag.cancel();
                    }
                }));
        assertEquals(SearchStatus.CANCELLED, r.status());
        assertEquals(200, r.evaluations(), "one thread: the first trial stops right after the report at 200");
        assertTrue(r.trials().get(0).cancelled());
        assertFalse(r.front().isEmpty());
        int[] nd = Pareto.front(r.objectives(), (int) r.evaluations(), 2);
        assertTrue(r.front().size() <= nd.length);
        assertTrue(r.selected().nrmse() > 0);
    }

    @Test
    void cancelledBeforeTheStartEvaluatesNothing() {
        SearchCancellation flag = new SearchCancellation();
        flag.cancel();
        SearchResult r = HyperparameterSearch.run(DATA.data(), DATA.spec(), small().withCancellation(flag));
        assertEquals(SearchStatus.CANCELLED, r.status());
        assertEquals(0, r.evaluations());
        assertTrue(r.front().isEmpty());
        assertEquals(-1, r.selectedIndex());
        assertThrows(IllegalStateException.class, r::selected);
    }

    @Test
    void liftExperimentsAddAThirdObjective() {
        // The truth's lift for a +20% spend test on ch1 over weeks 50..57.
        SearchOptions o = small().withLiftExperiments(List.of(new LiftExperiment("ch1",
                SearchTestData.START.plusWeeks(50), SearchTestData.START.plusWeeks(57), 600, 450)));
        SearchResult r = HyperparameterSearch.run(DATA.data(), DATA.spec(), o);
        assertEquals(List.of("nrmse", "decomp_rssd", "mape_lift"), r.objectiveNames());
        assertEquals(3 * r.evaluations(), r.objectives().length);
        for (Candidate c : r.front()) {
            assertTrue(c.mapeLift().isPresent());
            assertEquals(3, c.objectives().length);
        }
        assertEquals(3, r.trials().get(0).weights().length);
        assertEquals(1.0, Arrays.stream(r.trials().get(1).weights()).sum(), 1e-12);
    }

    @Test
    void freeSignsMayGiveNegativeEffectsButNonNegativeNeverDoes() {
        SearchResult free = HyperparameterSearch.run(DATA.data(), DATA.spec(), small().withNonNegativeMedia(false)
                .withOrganicChannels(Set.of("ch4")));
        for (Candidate c : free.front()) {
            assertEquals(0.0, c.effectShares()[4], "organic channels have no share in DECOMP.RSSD");
            assertEquals(0.0, c.spendShares()[4]);
            assertFalse(c.nonNegativeMedia());
        }
        SearchResult nonNeg = HyperparameterSearch.run(DATA.data(), DATA.spec(), small());
        for (Candidate c : nonNeg.front()) {
            for (double s : c.effectShares()) {
                assertTrue(s >= 0, "effect share " + s);
            }
        }
        assertNotEquals(free.front(), nonNeg.front());
    }

    @Test
    void rejectsMismatchedInputs() {
        assertThrows(IllegalArgumentException.class, () -> HyperparameterSearch.run(DATA.data(), DATA.spec(),
                small().withOrganicChannels(Set.of("nope"))));
        assertThrows(IllegalArgumentException.class, () -> HyperparameterSearch.run(DATA.data(), DATA.spec(),
                small().withHoldout(155)));
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.defaults(DATA.spec())
                .withAdstockRange("ch0", "alpha", ParameterRange.linear(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.defaults(DATA.spec())
                .withSaturationRange("ch0", "nope", ParameterRange.linear(1, 2)));
    }
}
