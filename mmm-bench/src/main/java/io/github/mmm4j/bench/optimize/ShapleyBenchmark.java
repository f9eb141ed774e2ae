package io.github.mmm4j.bench.optimize;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.optimize.shapley.CoalitionValue;
import io.github.mmm4j.optimize.shapley.Link;
import io.github.mmm4j.optimize.shapley.Shapley;
import io.github.mmm4j.optimize.shapley.ShapleyResult;
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
 * Exact Shapley values over 156 weeks. {@code additiveFromModel} builds the separable game from a fitted linear
 * model (one prediction and one contribution series per channel) and enumerates every coalition;
 * {@code multiplicative} enumerates a log-linear game ({@code KPI = exp(base + sum of channel terms)}), where each
 * of the {@code 2^n} coalitions costs a pass of 156 exponentials (Gray-code order).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ShapleyBenchmark {

    /** Number of channels. */
    @Param({"8", "16"})
    public int channels;

    private MmmDataset data;
    private FittedModel model;
    private CoalitionValue multiplicative;

    /** Builds the data, the model and the multiplicative game. */
    @Setup
    public void setUp() {
        data = BenchModels.data(channels, 156, 7);
        model = BenchModels.model(data, 1.0);
        double[] base = new double[156];
        double[][] series = new double[channels][];
        java.util.Arrays.fill(base, Math.log(10000));
        for (int c = 0; c < channels; c++) {
            series[c] = model.channelContribution(c, 0, data.spendColumn(c));
            for (int t = 0; t < 156; t++) {
                series[c][t] *= 1e-4;
            }
        }
        multiplicative = CoalitionValue.separable(data.channels(), base, series, Link.exp());
    }

    /** Separable game from the model, then exact enumeration. */
    @Benchmark
    public ShapleyResult additiveFromModel() {
        return Shapley.exact(CoalitionValue.separable(model, data, 0, 156));
    }

    /** Exact enumeration of the multiplicative game. */
    @Benchmark
    public ShapleyResult multiplicative() {
        return Shapley.exact(multiplicative);
    }
}
