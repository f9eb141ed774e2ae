package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.synthetic.Presets;
import io.github.mmm4j.synthetic.ScenarioSpec;
import io.github.mmm4j.synthetic.Synthetic;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-geo centring of the media terms ({@code MmmLogDensity}, "Per-geo centring") is a change of the sampler's
 * coordinates only: the fitted model reports the design's own intercept and geo offsets, so its predictions sit on
 * every geo's level. Were the offsets reported as the sampler's coordinates (each geo's level net of media), every
 * geo's predictions would be off by the difference of its media mean from the first geo's, which on the {@code geo}
 * preset (geos of different sizes) is many times the noise.
 */
class GeoCentringTest {

    @Test
    void predictionsSitOnEveryGeosLevel() {
        ScenarioSpec full = Presets.geo();
        ScenarioSpec spec = full.toBuilder().geos(full.geos().subList(0, 4)).build();
        MmmDataset data = Synthetic.generate(spec, 3).data();
        for (double geoEffectScale : new double[] {BayesPriors.DEFAULT_GEO_EFFECT_SCALE, 0}) {
            FittedModel m = BayesianMmm.fit(data, ModelSpec.defaults(data), BayesOptions.defaults().withSeed(2)
                    .withChains(2).withWarmup(200).withDraws(200)
                    .withPriors(BayesPriors.defaults().withGeoEffectScale(geoEffectScale)));
            double[] pred = m.predict(data);
            int nt = data.nPeriods();
            for (int g = 0; g < data.nGeos(); g++) {
                double mean = 0;
                double sq = 0;
                for (int t = 0; t < nt; t++) {
                    double r = data.kpi(g * nt + t) - pred[g * nt + t];
                    mean += r / nt;
                    sq += r * r / nt;
                }
                double sd = Math.sqrt(sq - mean * mean);
                assertTrue(Math.abs(mean) < 0.2 * sd, String.format(Locale.ROOT, "geo %s (geo effect sd %s): mean "
                        + "residual %.1f against a residual sd of %.1f", data.geos().get(g), geoEffectScale, mean, sd));
            }
        }
    }
}
