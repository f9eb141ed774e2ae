package io.github.mmm4j.bench.bayes;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.bayes.BayesianMmm;
import io.github.mmm4j.models.bayes.MmmLogDensity;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * One evaluation of the Bayesian MMM's log posterior and its gradient ({@link MmmLogDensity#logDensityGradient}),
 * the unit of work of NUTS: the reference model shape (normalised geometric adstock over lags 0..8 then Hill, trend,
 * two yearly harmonics, one control, Normal likelihood) on simulated weekly data of {@code weeks x channels}, at a
 * fixed random point of the unconstrained space, single-threaded, workspaces reused. Stan 2.21 needs 157-180
 * microseconds per gradient for the 156 x 5 reference model on this project's machines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BayesGradientBenchmark {

    /** {@code weeks x channels}. */
    @Param({"156x5", "156x20", "520x5"})
    public String shape;

    MmmLogDensity density;
    double[] theta;
    double[] gradient;

    @Setup
    public void setUp() {
        String[] dims = shape.split("x");
        int weeks = Integer.parseInt(dims[0]);
        int channels = Integer.parseInt(dims[1]);
        MmmDataset data = simulate(weeks, channels, 42L);
        List<ChannelSpec> cs = new ArrayList<>();
        for (String c : data.channels()) {
            cs.add(new ChannelSpec(c, Adstock.geometric(0.5, 8, true), Saturation.hill(1, 1)));
        }
        density = BayesianMmm.logDensity(data, new ModelSpec(cs, true, 2),
                BenchPriors.options());
        SplittableRandom r = new SplittableRandom(7);
        theta = new double[density.dimension()];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = r.nextDouble(-1, 1);
        }
        gradient = new double[theta.length];
    }

    /** Flighted log-normal spend, geometric + Hill media effects, trend, seasonality, one control, noise. */
    static MmmDataset simulate(int weeks, int channels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        TimeIndex time = TimeIndex.regular(LocalDate.of(2021, 1, 4), Frequency.WEEKLY, weeks);
        double[] kpi = new double[weeks];
        double[] control = new double[weeks];
        double[][] spend = new double[channels][weeks];
        double[] level = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            double a = 2 * Math.PI * t / (365.25 / 7);
            control[t] = (t > 0 ? 0.7 * control[t - 1] : 0) + 0.7 * r.nextGaussian();
            kpi[t] = 10 + 2.0 * t / (weeks - 1) + Math.sin(a) + 0.5 * Math.cos(a) + 0.5 * control[t]
                    + 0.3 * r.nextGaussian();
        }
        for (int c = 0; c < channels; c++) {
            for (int t = 0; t < weeks; t++) {
                spend[c][t] = r.nextDouble() < 0.8 ? 100 * Math.exp(0.5 * r.nextGaussian() - 0.125) : 0;
            }
            double mean = 0;
            for (double v : spend[c]) {
                mean += v / weeks;
            }
            double[] x = new double[weeks];
            for (int t = 0; t < weeks; t++) {
                x[t] = spend[c][t] / mean;
            }
            Adstock.geometric(0.2 + 0.6 * r.nextDouble(), 8, true).apply(x, weeks, level);
            Saturation.hill(0.6 + 0.6 * r.nextDouble(), 1 + 1.5 * r.nextDouble()).apply(level, weeks, level);
            double beta = 1 + 2 * r.nextDouble();
            for (int t = 0; t < weeks; t++) {
                kpi[t] += beta * level[t];
            }
        }
        MmmDataset.Builder b = MmmDataset.builder(time).kpi("y", kpi);
        for (int c = 0; c < channels; c++) {
            b.channel("x" + (c + 1), spend[c]);
        }
        return b.control("control1", control).build();
    }

    @Benchmark
    public double gradient() {
        return density.logDensityGradient(theta, gradient);
    }
}
