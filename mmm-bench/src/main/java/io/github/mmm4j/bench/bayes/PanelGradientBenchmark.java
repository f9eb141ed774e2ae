package io.github.mmm4j.bench.bayes;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesPriors;
import io.github.mmm4j.models.bayes.BayesianMmm;
import io.github.mmm4j.models.bayes.MmmLogDensity;
import io.github.mmm4j.synthetic.BrandRegionProcess;
import io.github.mmm4j.synthetic.Presets;
import io.github.mmm4j.synthetic.ScenarioSpec;
import io.github.mmm4j.synthetic.Synthetic;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One evaluation of the panel model's log posterior and gradient, the default model structure, with per-geo media
 * effects ({@code hierarchical}, the default on panels) or one effect per channel ({@code pooled}), on
 * <ul>
 *   <li>{@code panel = geo20}: the {@code geo} preset (20 geos, 4 channels, price control) over 156 weeks; divide by 20
 *       for the cost per cell;</li>
 *   <li>{@code panel = cells200}: {@link BrandRegionProcess} with 4 brands x 50 regions (200 cells x 156 weeks x 4
 *       channels, population, price by brand); divide by 200.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PanelGradientBenchmark {

    /** {@code hierarchical} or {@code pooled}. */
    @Param({"hierarchical", "pooled"})
    public String model;

    /** {@code geo20} or {@code cells200}. */
    @Param({"geo20"})
    public String panel;

    MmmLogDensity density;
    double[] theta;
    double[] gradient;

    @Setup
    public void setUp() {
        MmmDataset data;
        ModelSpec structure;
        if (panel.equals("cells200")) {
            data = BrandRegionProcess.draw(4, 50, 156, 11).data();
            structure = ModelSpec.defaults(data).withPrice(new ModelSpec.Price("price", true));
        } else {
            ScenarioSpec spec = Presets.geo().toBuilder().periods(156).build();
            data = Synthetic.generate(spec, 1).data();
            structure = ModelSpec.defaults(data);
        }
        double scale = model.equals("pooled") ? 0 : BayesPriors.DEFAULT_GEO_EFFECT_SCALE;
        density = BayesianMmm.logDensity(data, structure, BayesOptions.defaults()
                .withPriors(BayesPriors.defaults().withGeoEffectScale(scale)));
        SplittableRandom r = new SplittableRandom(7);
        theta = new double[density.dimension()];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = r.nextDouble(-1, 1);
        }
        gradient = new double[theta.length];
    }

    @Benchmark
    public double gradient() {
        return density.logDensityGradient(theta, gradient);
    }
}
