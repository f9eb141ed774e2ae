package io.github.mmm4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.models.search.SearchSpace;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Panels with geo fixed effects ({@link Ridge#solveWithin}, the tuner's within-geo cross-products, designs built for
 * some geos only) against direct references: the penalised normal equations with one unpenalised level per geo, the
 * fold-by-fold fits, and the whole design.
 */
class PanelWithinTest {

    /** A panel of {@code ng} geos of different sizes, two channels, a price control and a one-week event. */
    static MmmDataset panel(long seed, int ng, int weeks) {
        TimeIndex time = TimeIndex.regular(LocalDate.of(2022, 1, 3), Frequency.WEEKLY, weeks);
        Rng rng = new Rng(seed);
        int n = ng * weeks;
        double[] tv = new double[n];
        double[] search = new double[n];
        double[] price = new double[n];
        double[] event = new double[n];
        double[] kpi = new double[n];
        List<String> geos = new ArrayList<>();
        for (int g = 0; g < ng; g++) {
            geos.add("g" + (char) ('a' + g));
            double size = 0.5 + g;
            for (int t = 0; t < weeks; t++) {
                int i = g * weeks + t;
                tv[i] = size * 1000 * (1 + 0.5 * Math.sin(t / 5.0 + g)) * (rng.nextDouble() < 0.2 ? 0 : 1);
                search[i] = size * 400 * (1 + rng.nextDouble());
                price[i] = 10 + rng.nextGaussian();
                event[i] = t == weeks / 3 ? 1 : 0;
                kpi[i] = size * 5000 + 0.8 * tv[i] + 0.5 * search[i] - 60 * price[i] + 900 * event[i]
                        + 50 * rng.nextGaussian();
            }
        }
        return MmmDataset.builder(time).geos(geos).kpi("sales", kpi).channel("tv", tv).channel("search", search)
                .control("price", price).event("launch", event).build();
    }

    /**
     * The reference: the normal equations of {@code min ||y - D alpha - X beta||^2 / s_y^2 + n lambda sum_j
     * (beta_j s_j / s_y)^2}, {@code s} the within-geo standard deviations, solved directly.
     */
    static double[] normalEquations(double[] x, int n, int p, double[] y, double lambda, int ng) {
        int m = n / ng;
        double[] sx = new double[p];
        for (int g = 0; g < ng; g++) {
            double my = 0;
            double[] mx = new double[p];
            for (int i = g * m; i < (g + 1) * m; i++) {
                my += y[i] / m;
                for (int j = 0; j < p; j++) {
                    mx[j] += x[i * p + j] / m;
                }
            }
            for (int i = g * m; i < (g + 1) * m; i++) {
                for (int j = 0; j < p; j++) {
                    sx[j] += (x[i * p + j] - mx[j]) * (x[i * p + j] - mx[j]) / n;
                }
            }
        }
        int k = ng + p;
        DMatrixRMaj a = new DMatrixRMaj(k, k);
        DMatrixRMaj b = new DMatrixRMaj(k, 1);
        for (int i = 0; i < n; i++) {
            double[] z = new double[k];
            z[i / m] = 1;
            for (int j = 0; j < p; j++) {
                z[ng + j] = x[i * p + j];
            }
            for (int r = 0; r < k; r++) {
                b.add(r, 0, z[r] * y[i]);
                for (int c = 0; c < k; c++) {
                    a.add(r, c, z[r] * z[c]);
                }
            }
        }
        for (int j = 0; j < p; j++) {
            // the standardised penalty n lambda (beta_j s_j / s_y)^2 on a loss divided by s_y^2
            a.add(ng + j, ng + j, n * lambda * sx[j]);
        }
        DMatrixRMaj sol = new DMatrixRMaj(k, 1);
        assertTrue(CommonOps_DDRM.solve(a, b, sol));
        double[] out = new double[k];
        out[0] = sol.get(0);
        for (int g = 1; g < ng; g++) {
            out[g] = sol.get(g) - sol.get(0);
        }
        for (int j = 0; j < p; j++) {
            out[ng + j] = sol.get(ng + j);
        }
        return out;
    }

    @Test
    void withinSolveEqualsThePenalisedNormalEquationsWithFreeGeoLevels() {
        Rng rng = new Rng(11);
        int ng = 4;
        int m = 40;
        int p = 3;
        int n = ng * m;
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int g = i / m;
            for (int j = 0; j < p; j++) {
                x[i * p + j] = 10 * g + (j + 1) * rng.nextGaussian();
            }
            y[i] = 100 * g * g + 2 * x[i * p] - x[i * p + 1] + 0.5 * x[i * p + 2] + rng.nextGaussian();
        }
        for (double lambda : new double[] {0, 1e-3, 0.1, 1}) {
            double[] got = Ridge.solveWithin(x, n, p, y, lambda, null, ng);
            double[] want = normalEquations(x, n, p, y, lambda, ng);
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 1e-8 * (1 + Math.abs(want[i])), "lambda " + lambda + ", entry " + i);
            }
        }
        // one geo: the national problem exactly
        double[] one = Ridge.solveWithin(java.util.Arrays.copyOf(x, m * p), m, p, java.util.Arrays.copyOf(y, m), 0.1,
                null, 1);
        double[] national = Ridge.solve(java.util.Arrays.copyOf(x, m * p), m, p, java.util.Arrays.copyOf(y, m), 0.1);
        assertArrayEquals(national, one, 1e-9 * (1 + Math.abs(national[0])));
    }

    @Test
    void geoLevelsDoNotDependOnWhichGeoComesFirst() {
        Rng rng = new Rng(5);
        int ng = 3;
        int m = 30;
        int p = 2;
        int n = ng * m;
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i * p] = rng.nextGaussian() + i / m;
            x[i * p + 1] = rng.nextGaussian();
            y[i] = 50 * (i / m) + 3 * x[i * p] + x[i * p + 1] + rng.nextGaussian();
        }
        // geos in the order 2, 0, 1
        int[] order = {2, 0, 1};
        double[] x2 = new double[n * p];
        double[] y2 = new double[n];
        for (int k = 0; k < ng; k++) {
            System.arraycopy(x, order[k] * m * p, x2, k * m * p, m * p);
            System.arraycopy(y, order[k] * m, y2, k * m, m);
        }
        double[] a = Ridge.solveWithin(x, n, p, y, 0.05, null, ng);
        double[] b = Ridge.solveWithin(x2, n, p, y2, 0.05, null, ng);
        double[] levelA = {a[0], a[0] + a[1], a[0] + a[2]};
        double[] levelB = new double[ng];
        levelB[order[0]] = b[0];
        levelB[order[1]] = b[0] + b[1];
        levelB[order[2]] = b[0] + b[2];
        assertArrayEquals(levelA, levelB, 1e-8);
        assertArrayEquals(new double[] {a[3], a[4]}, new double[] {b[3], b[4]}, 1e-10);
    }

    @Test
    void tunersWithinGeoCriterionEqualsFoldByFoldFitsAndItsPartialUpdatesKeepTheBits() {
        for (long seed = 1; seed <= 3; seed++) {
            MmmDataset d = panel(seed, 3, 60);
            ModelSpec spec = ModelSpec.defaults(d);
            RidgeOptions o = RidgeOptions.defaults();
            LinearEstimation.Training t = LinearEstimation.prepare(d, spec, o, false);
            assertEquals(2, t.offsets());
            SearchSpace space = SearchSpace.defaults(spec).withLambda(LinearEstimation.TUNED_LAMBDA);
            TransformTuner tuner = new TransformTuner(d, t, spec, space, o.cvFolds());
            TransformTuner.Workspace w = tuner.newWorkspace();
            w.response(t.y());
            for (double lambda : new double[] {1e-4, 1e-2, 0.5}) {
                double[] unit = tuner.unitOf(spec, lambda);
                double fast = tuner.criterion(unit, w);
                double reference = TransformTunerTest.referenceCriterion(t, lambda, o.cvFolds());
                assertEquals(reference, fast, 1e-6 * reference, "seed " + seed + ", lambda " + lambda);
                // the full-data solution is the within solve of the same columns
                double[] full = tuner.fullSolution(w);
                double[] direct = t.solve(t.y(), lambda);
                for (int i = 0; i < direct.length; i++) {
                    assertEquals(direct[i], full[i], 1e-6 * (1 + Math.abs(direct[i])), "entry " + i);
                }
            }
            // a compass-like walk (one coordinate at a time, partial updates) ends on the bits of a fresh workspace
            double[] u = tuner.unitOf(spec, 0.01);
            Rng rng = new Rng(seed);
            for (int step = 0; step < 12; step++) {
                u[(int) (rng.nextDouble() * u.length)] = rng.nextDouble();
                tuner.criterion(u, w);
            }
            TransformTuner.Workspace fresh = tuner.newWorkspace();
            fresh.response(t.y());
            assertEquals(tuner.criterion(u, fresh), tuner.criterion(u, w));
            assertArrayEquals(tuner.fullSolution(fresh), tuner.fullSolution(w));
        }
    }

    @Test
    void aDesignOfSomeGeosHasTheWholeDesignsRows() {
        MmmDataset d = panel(2, 4, 30);
        ModelSpec spec = ModelSpec.defaults(d);
        Design.Frame frame = Design.Frame.of(d);
        Design all = Design.of(d, spec, frame);
        Design some = Design.of(d, spec, frame, 1, 3);
        assertEquals(2 * 30, some.rows());
        assertEquals(3, all.geoOffsetColumns());
        for (int r = 0; r < some.rows(); r++) {
            for (int j = 0; j < all.cols(); j++) {
                assertEquals(all.get(30 + r, j), some.get(r, j), "row " + r + ", column " + j);
            }
        }
    }

    @Test
    void bandsOfAPanelEqualThoseOfEachGeoDecomposedWhole() {
        MmmDataset d = panel(3, 3, 52);
        FittedModel m = Ridge.fit(d, ModelSpec.defaults(d), RidgeOptions.defaults().withBootstrap(20)
                .withFixedTransforms(true));
        Decomposition.Bands b = m.decompositionBands(d);
        Decomposition point = m.decompose(d);
        int nk = point.components().size();
        double[] pred = point.predicted();
        for (int r = 0; r < d.nRows(); r++) {
            for (int k = 0; k < nk; k++) {
                assertEquals(point.value(r, k), b.point().value(r, k));
            }
            assertTrue(b.predictedLower()[r] <= pred[r] && pred[r] <= b.predictedUpper()[r], "row " + r);
        }
        // each draw's decomposition, row by row, against the band's bounds
        for (int r = 0; r < d.nRows(); r += 17) {
            double[] sample = new double[m.drawCount()];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = m.draw(i).decompose(d).predicted()[r];
            }
            Interval iv = Interval.around(sample, m.intervalLevel(), pred[r]);
            assertEquals(iv.lower(), b.predictedLower()[r]);
            assertEquals(iv.upper(), b.predictedUpper()[r]);
        }
    }
}
