package io.github.mmm4j.models.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.Design;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.linear.Sign;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The fast path of {@link SearchEvaluator} equals the reference: for random candidates, the solution equals
 * {@link Ridge#solve} on the {@link Design} of the decoded spec, and the objectives equal their definitions computed
 * from that reference solution (fitted values, column sums, the lift recomputed from a modified dataset). A failure
 * is a bug, not bad luck. Tolerances: {@link SearchTolerances}.
 */
class SearchEvaluatorProperties {

    private static final SearchTestData.Truth NATIONAL = SearchTestData.generate(11, 156, 5, 60);

    /** Every adstock and saturation family, a holdout, an organic channel and free signs. */
    private static final ModelSpec MIXED = new ModelSpec(List.of(
            new ChannelSpec("ch0", Adstock.geometric(0.5, 8, true), Saturation.hill(1, 1)),
            new ChannelSpec("ch1", Adstock.weibullCdf(1, 0.2, 10), Saturation.logistic(1)),
            new ChannelSpec("ch2", Adstock.weibullPdf(2, 0.2, 10), Saturation.michaelisMenten(1, 1)),
            new ChannelSpec("ch3", Adstock.geometricInfinite(0.3, false), Saturation.tanh(1, 1)),
            new ChannelSpec("ch4", Adstock.delayed(0.5, 1, 6, true), Saturation.sigmoid(1, 2))), true, 2);

    @Property(tries = 150)
    void nonNegativeFastPathEqualsRidgeSolve(@ForAll long seed) {
        SearchOptions o = SearchOptions.defaults();
        check(NATIONAL.data(), NATIONAL.spec(), o, seed);
    }

    @Property(tries = 150)
    void unconstrainedFastPathEqualsRidgeSolve(@ForAll long seed) {
        SearchOptions o = SearchOptions.defaults().withNonNegativeMedia(false);
        check(NATIONAL.data(), NATIONAL.spec(), o, seed);
    }

    @Property(tries = 100)
    void everyFamilyWithHoldoutOrganicAndControlSign(@ForAll long seed) {
        SearchOptions o = SearchOptions.defaults().withHoldout(12).withOrganicChannels(Set.of("ch3"))
                .withControlSigns(Map.of("price", Sign.NON_POSITIVE))
                .withNonNegativeMedia(seed % 2 == 0).withRssdZeroPenalty(seed % 3 != 0)
                .withLiftExperiments(List.of(
                        new LiftExperiment("ch1", SearchTestData.START.plusWeeks(40), SearchTestData.START.plusWeeks(43),
                                2000, 900),
                        new LiftExperiment("ch4", SearchTestData.START.plusWeeks(140), SearchTestData.START.plusWeeks(150),
                                -100, -300)));
        check(NATIONAL.data(), MIXED, o, seed);
    }

    /** A go-dark test: the cut equals the observed spend, so every test period's spend becomes exactly 0. */
    @Property(tries = 30)
    void goDarkExperiment(@ForAll long seed) {
        MmmDataset d = NATIONAL.data();
        int c = d.channels().indexOf("ch1");
        double observed = 0;
        for (int t = 40; t <= 43; t++) {
            observed += d.spend(t, c);
        }
        SearchOptions o = SearchOptions.defaults().withHoldout(12).withLiftExperiments(List.of(
                new LiftExperiment("ch1", SearchTestData.START.plusWeeks(40), SearchTestData.START.plusWeeks(43),
                        -observed, -800)));
        check(d, MIXED, o, seed);
    }

    @Property(tries = 60)
    void geoPanel(@ForAll long seed) {
        SearchOptions o = SearchOptions.defaults().withHoldout(8).withLiftExperiments(List.of(
                new LiftExperiment("ch2", SearchTestData.START.plusWeeks(20), SearchTestData.START.plusWeeks(25),
                        3000, 1000)));
        check(PANEL, NATIONAL.spec(), o, seed);
    }

    private static final MmmDataset PANEL = panel();

    /** Two geos: the national data, and a rescaled, noisier copy. */
    private static MmmDataset panel() {
        MmmDataset d = NATIONAL.data();
        int nt = d.nPeriods();
        Rng rng = new Rng(5);
        MmmDataset.Builder b = MmmDataset.builder(d.time()).geos(List.of("north", "south"));
        double[] kpi = new double[2 * nt];
        for (int t = 0; t < nt; t++) {
            kpi[t] = d.kpi(t);
            kpi[nt + t] = 0.5 * d.kpi(t) + 50 * rng.nextGaussian();
        }
        b.kpi("sales", kpi);
        for (int c = 0; c < d.nChannels(); c++) {
            double[] s = new double[2 * nt];
            for (int t = 0; t < nt; t++) {
                s[t] = d.spend(t, c);
                s[nt + t] = d.spend(t, c) * (0.3 + rng.nextDouble());
            }
            b.channel(d.channels().get(c), s);
        }
        double[] ctl = new double[2 * nt];
        for (int t = 0; t < nt; t++) {
            ctl[t] = d.control(t, 0);
            ctl[nt + t] = rng.nextGaussian();
        }
        b.control("price", ctl);
        return b.build();
    }

    static void check(MmmDataset data, ModelSpec spec, SearchOptions o, long seed) {
        SearchEvaluator ev = SearchEvaluator.of(data, spec, o);
        SearchEvaluator.Workspace ws = ev.newWorkspace();
        Rng rng = new Rng(seed);
        // Two evaluations per workspace: reuse must not change a result.
        for (int rep = 0; rep < 2; rep++) {
            double[] u = new double[ev.dimension()];
            for (int k = 0; k < u.length; k++) {
                double r = rng.nextDouble();
                u[k] = r < 0.05 ? 0 : r > 0.95 ? 1 : rng.nextDouble(); // box corners too
            }
            double[] obj = new double[ev.objectiveCount()];
            ev.evaluate(u, ws, obj);
            Reference ref = Reference.of(data, ev.space().spec(spec, u), ev.space().lambdaAt(u), o);
            double[] sol = ws.solution();
            assertEquals(ref.sol.length, sol.length);
            // The intercept is my - sum_j coef_j mean_j: its rounding scale includes the terms that cancel.
            double cancel = Math.abs(ref.my) + ref.sy;
            for (int j = 0; j < ref.p; j++) {
                cancel += Math.abs(ref.sol[1 + j] * ref.columnSums[j] / ref.n);
            }
            assertEquals(ref.sol[0], sol[0], SearchTolerances.COEFFICIENT * cancel, "intercept");
            for (int j = 0; j < ref.p; j++) {
                double scale = ref.sd[j] > 0 ? ref.sd[j] / ref.sy : 0;
                assertEquals(ref.sol[1 + j] * scale, sol[1 + j] * scale, SearchTolerances.COEFFICIENT,
                        "standardised coefficient " + j + " (" + ref.names.get(j) + ")");
                if (o.nonNegativeMedia() && j >= ref.firstMedia) {
                    assertTrue(sol[1 + j] >= 0, "media coefficient " + j + " = " + sol[1 + j]);
                }
            }
            assertEquals(ref.nrmse, obj[0], SearchTolerances.OBJECTIVE * ref.nrmse, "NRMSE");
            double rssd = ref.rssd(o, ev.spendShares(), data);
            if (Double.isInfinite(rssd)) {
                assertEquals(rssd, obj[1], "DECOMP.RSSD");
            } else {
                assertEquals(rssd, obj[1], SearchTolerances.OBJECTIVE * Math.max(rssd, 1e-3), "DECOMP.RSSD");
            }
            if (ev.objectiveCount() > 2) {
                double mape = ref.mapeLift(data, ev.space().spec(spec, u), o);
                assertEquals(mape, obj[2], SearchTolerances.OBJECTIVE * Math.max(mape, 1e-3), "MAPE.LIFT");
            }
        }
    }

    /** The reference fit: Design + Ridge.solve, objectives from fitted values and column sums. */
    static final class Reference {
        double[] sol;
        double[] sd;
        double my;
        double sy;
        double nrmse;
        int p;
        int firstMedia;
        int n;
        List<String> names;
        double[] columnSums;
        Design.Frame frame;
        int nTrain;

        static Reference of(MmmDataset data, ModelSpec spec, double lambda, SearchOptions o) {
            Reference r = new Reference();
            int nt = data.nPeriods();
            r.nTrain = nt - o.holdout();
            r.frame = Design.Frame.of(data.slice(0, r.nTrain));
            Design design = Design.of(data, spec, r.frame);
            int p = design.cols();
            int n = r.nTrain * data.nGeos();
            double[] x = new double[n * p];
            double[] y = new double[n];
            for (int g = 0, i = 0; g < data.nGeos(); g++) {
                for (int t = 0; t < r.nTrain; t++, i++) {
                    y[i] = data.kpi(g * nt + t);
                    for (int j = 0; j < p; j++) {
                        x[i * p + j] = design.get(g * nt + t, j);
                    }
                }
            }
            Sign[] signs = new Sign[p];
            for (int j = 0; j < p; j++) {
                signs[j] = j >= design.firstMediaColumn() ? (o.nonNegativeMedia() ? Sign.NON_NEGATIVE : Sign.FREE)
                        : o.controlSigns().getOrDefault(design.columnNames().get(j), Sign.FREE);
            }
            r.sol = Ridge.solve(x, n, p, y, lambda, signs);
            r.p = p;
            r.n = n;
            r.firstMedia = design.firstMediaColumn();
            r.names = design.columnNames();
            r.sd = new double[p];
            r.columnSums = new double[p];
            for (int j = 0; j < p; j++) {
                double m = 0;
                for (int i = 0; i < n; i++) {
                    m += x[i * p + j];
                }
                r.columnSums[j] = m;
                m /= n;
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (x[i * p + j] - m) * (x[i * p + j] - m);
                }
                r.sd[j] = Math.sqrt(s / n);
            }
            double m = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : y) {
                m += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            m /= n;
            double s = 0;
            double rss = 0;
            for (int i = 0; i < n; i++) {
                s += (y[i] - m) * (y[i] - m);
                double f = r.sol[0];
                for (int j = 0; j < p; j++) {
                    f += r.sol[1 + j] * x[i * p + j];
                }
                rss += (y[i] - f) * (y[i] - f);
            }
            r.my = m;
            r.sy = Math.sqrt(s / n);
            r.nrmse = Math.sqrt(rss / n) / (hi - lo);
            return r;
        }

        double rssd(SearchOptions o, double[] spendShares, MmmDataset data) {
            int nc = data.nChannels();
            double total = 0;
            double[] contrib = new double[nc];
            for (int c = 0; c < nc; c++) {
                contrib[c] = sol[1 + firstMedia + c] * columnSums[firstMedia + c];
                if (!o.organicChannels().contains(data.channels().get(c))) {
                    total += contrib[c];
                }
            }
            if (total == 0) {
                return Double.POSITIVE_INFINITY;
            }
            double ss = 0;
            int zeros = 0;
            int paid = 0;
            for (int c = 0; c < nc; c++) {
                if (!o.organicChannels().contains(data.channels().get(c))) {
                    double share = contrib[c] / total;
                    ss += (share - spendShares[c]) * (share - spendShares[c]);
                    zeros += Math.round(share * 1e4) == 0 ? 1 : 0;
                    paid++;
                }
            }
            return Math.sqrt(ss) * (o.rssdZeroPenalty() ? 1 + (double) zeros / paid : 1);
        }

        /** MAPE.LIFT by brute force: rebuild the design on a dataset whose spend was changed. */
        double mapeLift(MmmDataset data, ModelSpec spec, SearchOptions o) {
            int nt = data.nPeriods();
            int nc = data.nChannels();
            int ng = data.nGeos();
            Design base = Design.of(data, spec, frame);
            double sum = 0;
            for (LiftExperiment e : o.liftExperiments()) {
                int c = data.channels().indexOf(e.channel());
                TimeIndex time = data.time();
                List<Integer> test = new ArrayList<>();
                for (int t = 0; t < nt; t++) {
                    LocalDate d = time.date(t);
                    if (!d.isBefore(e.start()) && !d.isAfter(e.end())) {
                        test.add(t);
                    }
                }
                double[] spend = data.spend();
                double gs = 0;
                for (int g = 0; g < ng; g++) {
                    for (int t : test) {
                        gs += data.spend(g * nt + t, c);
                    }
                }
                // in proportion to each test period's observed spend, evenly when there is none
                for (int g = 0; g < ng; g++) {
                    for (int t : test) {
                        double share = gs > 0 ? data.spend(g * nt + t, c) / gs : 1.0 / (ng * test.size());
                        spend[(g * nt + t) * nc + c] += e.spendChange() * share;
                    }
                }
                Design changed = Design.of(data.withSpend(spend), spec, frame);
                int t0 = test.get(0);
                long window = spec.channels().get(c).adstock().maxLag() + 1L;
                int tEnd = (int) Math.min(nt - 1L, test.get(test.size() - 1) + window - 1);
                double diff = 0;
                int col = base.firstMediaColumn() + c;
                for (int g = 0; g < ng; g++) {
                    for (int t = t0; t <= tEnd; t++) {
                        diff += changed.get(g * nt + t, col) - base.get(g * nt + t, col);
                    }
                }
                double predicted = sol[1 + col] * diff;
                sum += Math.abs(predicted - e.lift()) / Math.abs(e.lift());
            }
            return sum / o.liftExperiments().size();
        }
    }
}
