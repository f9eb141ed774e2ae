package io.github.mmm4j.models;

import io.github.mmm4j.core.DataException;
import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RidgeTest {

    /** A dataset with random spend, a control and an event, and a KPI set to zero (filled by tests). */
    static MmmDataset randomData(long seed, int n, int channels) {
        Rng rng = new Rng(seed);
        TimeIndex time = TimeIndex.regular(LocalDate.of(2021, 1, 4), Frequency.WEEKLY, n);
        MmmDataset.Builder b = MmmDataset.builder(time).kpi("y", new double[n]);
        for (int c = 0; c < channels; c++) {
            double[] s = new double[n];
            for (int t = 0; t < n; t++) {
                s[t] = rng.nextDouble() < 0.2 ? 0 : 100 * (c + 1) * rng.nextDouble();
            }
            b.channel("ch" + c, s);
        }
        double[] price = new double[n];
        double[] promo = new double[n];
        for (int t = 0; t < n; t++) {
            price[t] = 10 + rng.nextGaussian();
            promo[t] = t % 9 == 0 ? 1 : 0;
        }
        return b.control("price", price).event("promo", promo).build();
    }

    static MmmDataset withKpi(MmmDataset d, double[] kpi) {
        MmmDataset.Builder b = MmmDataset.builder(d.time()).kpi(d.kpiName(), kpi);
        for (int c = 0; c < d.nChannels(); c++) {
            b.channel(d.channels().get(c), d.spendColumn(c));
        }
        for (int k = 0; k < d.nControls(); k++) {
            b.control(d.controls().get(k), d.controlColumn(k));
        }
        for (int e = 0; e < d.nEvents(); e++) {
            b.event(d.events().get(e), d.eventColumn(e));
        }
        return b.build();
    }

    @Test
    void recoversCoefficientsOfNoiselessLinearData() {
        MmmDataset d0 = randomData(7, 120, 3);
        ModelSpec spec = ModelSpec.defaults(d0);
        Design design = Design.of(d0, spec, Design.Frame.of(d0));
        double[] truth = new double[design.cols()];
        Rng rng = new Rng(11);
        for (int j = 0; j < truth.length; j++) {
            truth[j] = 50 * rng.nextGaussian();
        }
        double intercept = 1234.5;
        double[] y = new double[d0.nRows()];
        for (int r = 0; r < y.length; r++) {
            y[r] = intercept;
            for (int j = 0; j < truth.length; j++) {
                y[r] += truth[j] * design.get(r, j);
            }
        }
        FittedModel m = Ridge.fit(withKpi(d0, y), spec, RidgeOptions.defaults().withLambda(0));
        assertEquals(intercept, m.intercept(), 1e-8 * Math.abs(intercept));
        double[] coef = m.coefficients();
        for (int j = 0; j < truth.length; j++) {
            assertEquals(truth[j], coef[j], 1e-8 * Math.max(1, Math.abs(truth[j])), "coefficient " + j);
        }
        assertEquals(1.0, m.trainMetrics().r2(), 1e-12);
    }

    @Property(tries = 50)
    void equalsTheClosedForm(@ForAll("seeds") long seed, @ForAll @DoubleRange(min = 1e-4, max = 10) @net.jqwik.api.constraints.Scale(6) double lambda,
            @ForAll @IntRange(min = 1, max = 6) int p) {
        int n = 40;
        Rng rng = new Rng(seed);
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i * p + j] = rng.nextGaussian() * (j + 1) + j;
            }
            y[i] = 3 + rng.nextGaussian();
            for (int j = 0; j < p; j++) {
                y[i] += (j - 1.5) * x[i * p + j];
            }
        }
        double[] sol = Ridge.solve(x, n, p, y, lambda);
        // Closed form on standardised data: b = (Z'Z + n lambda I)^-1 Z'y_s, then mapped back to raw units.
        double[] mx = new double[p];
        double[] sx = new double[p];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                mx[j] += x[i * p + j] / n;
            }
            for (int i = 0; i < n; i++) {
                sx[j] += (x[i * p + j] - mx[j]) * (x[i * p + j] - mx[j]) / n;
            }
            sx[j] = Math.sqrt(sx[j]);
        }
        double my = 0;
        for (double v : y) {
            my += v / n;
        }
        double sy = 0;
        for (double v : y) {
            sy += (v - my) * (v - my) / n;
        }
        sy = Math.sqrt(sy);
        DMatrixRMaj z = new DMatrixRMaj(n, p);
        DMatrixRMaj ys = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                z.set(i, j, (x[i * p + j] - mx[j]) / sx[j]);
            }
            ys.set(i, 0, (y[i] - my) / sy);
        }
        DMatrixRMaj ztz = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(z, z, ztz);
        for (int j = 0; j < p; j++) {
            ztz.add(j, j, n * lambda);
        }
        DMatrixRMaj zty = new DMatrixRMaj(p, 1);
        CommonOps_DDRM.multTransA(z, ys, zty);
        DMatrixRMaj b = new DMatrixRMaj(p, 1);
        assertTrue(CommonOps_DDRM.solve(ztz, zty, b));
        double intercept = my;
        for (int j = 0; j < p; j++) {
            double c = b.get(j, 0) * sy / sx[j];
            assertEquals(c, sol[1 + j], 1e-9 * Math.max(1, Math.abs(c)), "coef " + j);
            intercept -= c * mx[j];
        }
        assertEquals(intercept, sol[0], 1e-9 * Math.max(1, Math.abs(intercept)));
    }

    @Property(tries = 30)
    void smallLambdaApproachesOrdinaryLeastSquares(@ForAll("seeds") long seed) {
        int n = 30;
        int p = 4;
        Rng rng = new Rng(seed);
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i * p + j] = rng.nextGaussian();
            }
            y[i] = rng.nextGaussian() + x[i * p];
        }
        double[] ols = Ridge.solve(x, n, p, y, 0);
        double[] tiny = Ridge.solve(x, n, p, y, 1e-12);
        assertArrayEquals(ols, tiny, 1e-9);
        // OLS residuals are orthogonal to every column and sum to zero.
        for (int j = -1; j < p; j++) {
            double dot = 0;
            for (int i = 0; i < n; i++) {
                double fit = ols[0];
                for (int k = 0; k < p; k++) {
                    fit += ols[1 + k] * x[i * p + k];
                }
                dot += (y[i] - fit) * (j < 0 ? 1 : x[i * p + j]);
            }
            assertEquals(0, dot, 1e-9, "normal equation " + j);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs();
    }

    @Test
    void contributionsSumToPredictionsIncludingHoldout() {
        MmmDataset d0 = randomData(3, 104, 4);
        Rng rng = new Rng(5);
        double[] y = new double[d0.nRows()];
        for (int t = 0; t < y.length; t++) {
            y[t] = 1000 + 10 * rng.nextGaussian() + 0.5 * d0.spend(t, 0);
        }
        MmmDataset d = withKpi(d0, y);
        FittedModel m = Ridge.fit(d, ModelSpec.defaults(d), RidgeOptions.defaults().withHoldout(13));
        Decomposition dec = m.decompose(d);
        double[] pred = m.predict(d);
        assertArrayEquals(pred, dec.predicted());
        for (int r = 0; r < dec.rows(); r++) {
            double s = 0;
            for (int k = 0; k < dec.components().size(); k++) {
                s += dec.value(r, k);
            }
            assertEquals(pred[r], s, 0.0, "row " + r);
        }
        assertEquals(List.of("baseline", "trend", "seasonality", "price", "promo", "ch0", "ch1", "ch2", "ch3"),
                dec.components());
        double shares = 0;
        for (ChannelSummary c : m.channels()) {
            assertEquals(dec.total(c.name()), c.contribution(), 1e-9 * Math.abs(c.contribution()) + 1e-9);
            assertEquals(c.contribution() / c.spend(), c.roi(), 1e-12 * Math.abs(c.roi()));
            shares += c.share();
        }
        assertEquals(1.0, shares, 1e-12);
        assertTrue(m.testMetrics().isPresent());
        assertEquals(13, m.testMetrics().get().n());
        assertEquals(91, m.trainMetrics().n());
    }

    @Test
    void channelWithNoSpendHasZeroContribution() {
        MmmDataset d0 = randomData(9, 60, 2);
        Rng rng = new Rng(1);
        double[] y = new double[d0.nRows()];
        for (int t = 0; t < y.length; t++) {
            y[t] = 500 + rng.nextGaussian() + d0.spend(t, 1);
        }
        MmmDataset d = withKpi(d0, y);
        FittedModel m = Ridge.fit(d, ModelSpec.defaults(d), RidgeOptions.defaults());
        Decomposition dec = m.decompose(d);
        double[] ch0 = dec.component("ch0");
        for (int t = 0; t < d.nRows(); t++) {
            if (t >= ModelSpec.DEFAULT_MAX_LAG) {
                boolean noRecentSpend = true;
                for (int l = 0; l <= ModelSpec.DEFAULT_MAX_LAG; l++) {
                    noRecentSpend &= d.spend(t - l, 0) == 0;
                }
                if (noRecentSpend) {
                    assertEquals(0, ch0[t], 0.0);
                }
            }
        }
    }

    @Test
    void rejectsFewerRowsThanParameters() {
        MmmDataset d = randomData(1, 12, 6);
        ModelSpec spec = ModelSpec.defaults(d).withFourierHarmonics(4);
        DataException e = assertThrows(DataException.class, () -> Ridge.fit(d, spec, RidgeOptions.defaults()));
        assertTrue(e.getMessage().contains("12 training rows but the model has 18 parameters"), e.getMessage());
    }

    @Test
    void rejectsSpecOfOtherChannelsAndTooLongHoldout() {
        MmmDataset d = randomData(1, 40, 2);
        ModelSpec other = new ModelSpec(List.of(new ChannelSpec("tv", Adstock.geometric(0.5, 8, true),
                Saturation.hill(1, 1))), true, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ridge.fit(d, other, RidgeOptions.defaults()));
        assertTrue(e.getMessage().contains("[tv]") && e.getMessage().contains("[ch0, ch1]"), e.getMessage());
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
                () -> Ridge.fit(d, ModelSpec.defaults(d), RidgeOptions.defaults().withHoldout(39)));
        assertTrue(h.getMessage().contains("holdout = 39"), h.getMessage());
        IllegalArgumentException l = assertThrows(IllegalArgumentException.class,
                () -> RidgeOptions.defaults().withLambda(Double.NaN));
        assertTrue(l.getMessage().contains("lambda = NaN"), l.getMessage());
    }

    @Test
    void isDeterministic() {
        MmmDataset d0 = randomData(21, 80, 3);
        double[] y = new double[d0.nRows()];
        Rng rng = new Rng(2);
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + rng.nextGaussian();
        }
        MmmDataset d = withKpi(d0, y);
        FittedModel a = Ridge.fit(d, ModelSpec.defaults(d), RidgeOptions.defaults());
        FittedModel b = Ridge.fit(d, ModelSpec.defaults(d), RidgeOptions.defaults());
        assertArrayEquals(a.coefficients(), b.coefficients(), 0.0);
        assertEquals(a.intercept(), b.intercept(), 0.0);
    }
}
