package io.github.mmm4j.models;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.models.search.SearchSpace;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tuner's fast criterion (blocked cross-validation from per-block cross-products) against a direct reference:
 * the same folds fitted one by one with {@link Ridge#solve} (two-pass means and variances) on the rows outside the
 * block, scored on the block.
 */
class TransformTunerTest {

    /**
     * KPI with media, a price control and two one-week events, each inside a single fold, so the fold that
     * validates on an event trains on a column that is constant (zero) on its rows.
     */
    static MmmDataset dataWithOneWeekEvents(long seed) {
        MmmDataset d0 = RidgeTest.randomData(seed, 150, 2);
        double[] e1 = new double[150];
        double[] e2 = new double[150];
        e1[40] = 1;
        e2[128] = 1;
        MmmDataset.Builder b = MmmDataset.builder(d0.time()).kpi("y", new double[150]);
        for (int c = 0; c < d0.nChannels(); c++) {
            b.channel(d0.channels().get(c), d0.spendColumn(c));
        }
        b.control("price", d0.controlColumn(0)).event("launch", e1).event("outage", e2);
        MmmDataset d1 = b.build();
        Design design = Design.of(d1, ModelSpec.defaults(d1), Design.Frame.of(d1));
        Rng rng = new Rng(seed + 1);
        int m = design.firstMediaColumn();
        double[] y = new double[150];
        for (int t = 0; t < y.length; t++) {
            y[t] = 5000 + 800 * design.get(t, m) + 300 * design.get(t, m + 1) - 40 * d1.control(t, 0)
                    + 1500 * e1[t] - 2500 * e2[t] + 60 * rng.nextGaussian();
        }
        return RidgeTest.withKpi(d1, y);
    }

    /** The summed squared validation error of blocked folds, each fitted by {@link Ridge#solve} (the reference). */
    static double referenceCriterion(LinearEstimation.Training t, double lambda, int folds) {
        double sse = 0;
        int n = t.nTrain();
        for (int k = 0; k < folds; k++) {
            int from = (int) ((long) k * n / folds);
            int to = (int) ((long) (k + 1) * n / folds);
            LinearEstimation.Training train = t.without(from, to);
            LinearEstimation.Training valid = t.periods(from, to);
            double[] sol = train.solve(train.y(), lambda);
            double[] f = valid.fitted(sol);
            for (int r = 0; r < valid.n(); r++) {
                double e = valid.y()[r] - f[r];
                sse += e * e;
            }
        }
        return sse;
    }

    @Test
    void criterionEqualsFoldByFoldRidgeFitsWhenAnEventFallsInsideOneFold() {
        for (long seed = 1; seed <= 5; seed++) {
            MmmDataset d = dataWithOneWeekEvents(seed);
            ModelSpec spec = ModelSpec.defaults(d);
            RidgeOptions o = RidgeOptions.defaults();
            LinearEstimation.Training t = LinearEstimation.prepare(d, spec, o, false);
            SearchSpace space = SearchSpace.defaults(spec).withLambda(LinearEstimation.TUNED_LAMBDA);
            TransformTuner tuner = new TransformTuner(d, t, spec, space, o.cvFolds());
            TransformTuner.Workspace w = tuner.newWorkspace();
            w.response(t.y());
            for (double lambda : new double[] {1e-4, 1e-2, 0.5}) {
                double[] unit = tuner.unitOf(spec, lambda);
                // the spec's values sit at the anchor, so the parsimony factor is 1
                double fast = tuner.criterion(unit, w);
                double reference = referenceCriterion(t, lambda, o.cvFolds());
                assertEquals(reference, fast, 1e-6 * reference, "seed " + seed + ", lambda " + lambda);
            }
        }
    }

    @Test
    void foldWithoutItsEventKeepsTheValidationErrorOfTheOneWeekOnly() {
        // Had the constant event column been fitted (the one-pass variance is not exactly 0), its coefficient would be
        // unbounded and the fold's error many times the event's own size; here it is at most the event's effect squared
        // plus the noise of the other periods.
        MmmDataset d = dataWithOneWeekEvents(3);
        ModelSpec spec = ModelSpec.defaults(d);
        RidgeOptions o = RidgeOptions.defaults();
        LinearEstimation.Training t = LinearEstimation.prepare(d, spec, o, false);
        TransformTuner tuner = new TransformTuner(d, t, spec,
                SearchSpace.defaults(spec).withLambda(LinearEstimation.TUNED_LAMBDA), o.cvFolds());
        TransformTuner.Workspace w = tuner.newWorkspace();
        w.response(t.y());
        double sse = tuner.criterion(tuner.unitOf(spec, 1e-4), w);
        double bound = 1500.0 * 1500 + 2500.0 * 2500 + 150 * 4 * 60.0 * 60;
        assertTrue(sse < bound, "criterion " + sse + " exceeds " + bound);
    }
}
