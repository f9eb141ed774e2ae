package io.github.mmm4j.models.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelJson;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.SamplerDiagnostics;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SamplerDiagnostics#roiDataWeight}: the share of a channel's ROI estimate that the data set rather than its
 * prior ({@code 1 - Var_post(log roi) / Var_prior(log roi)}), and {@link Prior#logScaleSd} under it.
 */
class RoiDataWeightTest {

    @Test
    void theLogScaleSdOfEachPositivePriorMatchesNumericalIntegration() {
        for (Prior p : List.of(new Prior.LogNormal(0.3, 0.7), new Prior.Gamma(2.5, 1.3), new Prior.Gamma(0.8, 2.0),
                new Prior.Gamma(40, 3), new Prior.HalfNormal(1.7), new Prior.HalfNormal(0.05))) {
            // integrate over u = log x, where the density is p(e^u) e^u; the log density is exact up to a constant,
            // so normalise numerically
            double lo = -40;
            double hi = 15;
            int n = 400_000;
            double h = (hi - lo) / n;
            double peak = Double.NEGATIVE_INFINITY;
            for (int i = 0; i <= n; i++) {
                double u = lo + i * h;
                peak = Math.max(peak, p.logDensity(Math.exp(u)) + u);
            }
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            for (int i = 0; i <= n; i++) {
                double u = lo + i * h;
                double w = Math.exp(p.logDensity(Math.exp(u)) + u - peak) * (i == 0 || i == n ? 0.5 : 1.0);
                s0 += w;
                s1 += w * u;
                s2 += w * u * u;
            }
            double mean = s1 / s0;
            double sd = Math.sqrt(s2 / s0 - mean * mean);
            assertEquals(sd, Prior.logScaleSd(p), 1e-6 * sd, p.toString());
        }
        assertTrue(Double.isNaN(Prior.logScaleSd(new Prior.Normal(0, 1))));
        assertTrue(Double.isNaN(Prior.logScaleSd(new Prior.Beta(2, 2))));
    }

    @Test
    void theWeightIsOneMinusTheVarianceRatioOnTheLogScale() {
        // 400 draws whose logs are evenly spaced quantiles of N(0.2, 0.4^2); prior log sd 0.8
        int n = 400;
        double[] draws = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double z = org.hipparchus.special.Erf.erfInv(2 * (i + 0.5) / n - 1) * Math.sqrt(2);
            draws[i] = Math.exp(0.2 + 0.4 * z);
            mean += Math.log(draws[i]) / n;
        }
        double var = 0;
        for (double d : draws) {
            var += (Math.log(d) - mean) * (Math.log(d) - mean) / (n - 1);
        }
        SamplerDiagnostics s = diagnostics(draws, Map.of("tv", 0.8));
        assertEquals(1 - var / 0.64, s.roiDataWeight("tv").getAsDouble(), 1e-12);
        assertEquals(0.75, s.roiDataWeight("tv").getAsDouble(), 0.01, "about 1 - 0.16 / 0.64");
        // a posterior wider than its prior is clamped to 0; no prior, no weight
        assertEquals(0.0, diagnostics(draws, Map.of("tv", 0.1)).roiDataWeight("tv").getAsDouble());
        assertFalse(diagnostics(draws, Map.of()).roiDataWeight("tv").isPresent());
        assertFalse(s.roiDataWeight("radio").isPresent());
        assertThrows(IllegalArgumentException.class, () -> diagnostics(draws, Map.of("tv", 0.0)));
    }

    /**
     * A real fit: {@code tv} is flighted with a large effect (the data measure its ROI); {@code steady} is always on
     * at a level that moves by 1% and has no effect, so its ROI is confounded with the intercept and only its
     * prior (and the intercept's prior, which bounds how much of the level it can take) can say anything. The
     * weights are far apart, and they survive {@code model.json}.
     */
    @Test
    void aFlightedChannelIsDataLedAndAnUnmovingOneIsPriorLed(@TempDir Path dir) {
        MmmDataset data = unmoving(104, 5);
        FittedModel m = BayesianMmm.fit(data, ModelSpec.defaults(data), BayesOptions.defaults().withSeed(3)
                .withChains(2).withWarmup(300).withDraws(300));
        double tv = m.roiDataWeight("tv").getAsDouble();
        double steady = m.roiDataWeight("steady").getAsDouble();
        assertTrue(tv > 0.9, "tv " + tv);
        // not 0: the intercept's prior bounds how much of the level a constant channel can take
        assertTrue(steady < SamplerDiagnostics.PRIOR_LED_WEIGHT, "steady " + steady);
        Path f = dir.resolve("model.json");
        ModelJson.write(m, f);
        assertTrue(Files.exists(f));
        FittedModel back = ModelJson.read(f);
        assertEquals(tv, back.roiDataWeight("tv").getAsDouble());
        assertEquals(steady, back.roiDataWeight("steady").getAsDouble());
        assertEquals(m.samplerDiagnostics().orElseThrow().roiPriorLogSd(),
                back.samplerDiagnostics().orElseThrow().roiPriorLogSd());
        // the effect parameterisation has no ROI prior, so no weight
        FittedModel effect = BayesianMmm.fit(data, ModelSpec.defaults(data), BayesOptions.defaults().withSeed(3)
                .withChains(2).withWarmup(100).withDraws(100)
                .withPriors(BayesPriors.defaults().withoutMediaContribution()));
        assertFalse(effect.roiDataWeight("tv").isPresent());
        assertThrows(IllegalArgumentException.class, () -> m.roiDataWeight("radio"));
    }

    /** See {@link #aFlightedChannelIsDataLedAndAnUnmovingOneIsPriorLed}. */
    static MmmDataset unmoving(int weeks, long seed) {
        Rng rng = new Rng(seed);
        TimeIndex time = TimeIndex.regular(LocalDate.of(2022, 1, 3), Frequency.WEEKLY, weeks);
        double[] tv = new double[weeks];
        double[] steady = new double[weeks];
        double[] kpi = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            tv[t] = (t / 4) % 2 == 0 ? 1000 * (0.6 + 0.8 * rng.nextDouble()) : 0;
            steady[t] = 500 * (1 + 0.01 * rng.nextGaussian());
        }
        double[] x = new double[weeks];
        double meanTv = java.util.Arrays.stream(tv).average().orElseThrow();
        for (int t = 0; t < weeks; t++) {
            x[t] = tv[t] / meanTv;
        }
        double[] a = new double[weeks];
        Adstock.geometric(0.4, 8, true).apply(x, weeks, a);
        Saturation.hill(1.0, 1.0).apply(a, weeks, a);
        for (int t = 0; t < weeks; t++) {
            kpi[t] = 2000 + 60 * Math.sin(2 * Math.PI * time.years(t)) + 400 * a[t] + 20 * rng.nextGaussian();
        }
        return MmmDataset.builder(time).kpi("sales", kpi).channel("tv", tv).channel("steady", steady).build();
    }

    private static SamplerDiagnostics diagnostics(double[] roiDraws, Map<String, Double> priorLogSd) {
        return new SamplerDiagnostics(NutsStatus.OK, 1, roiDraws.length, 1.0, 400, 0, List.of(), List.of(),
                List.of("roi[tv]"), roiDraws, List.of("log_roi[tv]"), null, priorLogSd);
    }
}
