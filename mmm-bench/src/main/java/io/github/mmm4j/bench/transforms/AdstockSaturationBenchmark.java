package io.github.mmm4j.bench.transforms;

import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import io.github.mmm4j.transforms.TransformWorkspace;
import io.github.mmm4j.transforms.Transforms;
import java.util.Arrays;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Adstock then Hill saturation over all channels of a row-major {@code nPeriods x nChannels} matrix with
 * {@link Transforms#forward} and {@link Transforms#backward}, single-threaded, with a reused output and
 * {@link TransformWorkspace} (the steady state of a sampler or optimiser loop). Divide the reported
 * ns/op by {@code nPeriods * nChannels} for ns per element.
 *
 * <ul>
 *   <li>{@code adstock = geometric}: normalised geometric, {@code alpha = 0.6}, lags 0..8;</li>
 *   <li>{@code adstock = weibull}: Robyn's Weibull PDF, {@code shape = 2}, {@code scale = 0.3}, lags 0..12;</li>
 *   <li>{@code slope = 2.0} takes Hill's integer fast path, {@code slope = 1.5} the exp/log path.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AdstockSaturationBenchmark {

    /** {@code nPeriods x nChannels}. */
    @Param({"156x5", "10000x20", "1000000x20"})
    public String shape;

    @Param({"geometric", "weibull"})
    public String adstock;

    @Param({"2.0", "1.5"})
    public double slope;

    int nPeriods;
    double[] spend;
    double[] out;
    double[] upstream;
    double[] gradient;
    Adstock[] adstocks;
    Saturation[] saturations;
    TransformWorkspace workspace;
    TransformWorkspace keepingWorkspace;

    @Setup
    public void setUp() {
        String[] dims = shape.split("x");
        nPeriods = Integer.parseInt(dims[0]);
        int nChannels = Integer.parseInt(dims[1]);
        SplittableRandom rnd = new SplittableRandom(42);
        spend = new double[nPeriods * nChannels];
        upstream = new double[spend.length];
        for (int i = 0; i < spend.length; i++) {
            spend[i] = rnd.nextInt(5) == 0 ? 0.0 : rnd.nextDouble(0.0, 100.0);
            upstream[i] = rnd.nextDouble(-1.0, 1.0);
        }
        adstocks = new Adstock[nChannels];
        saturations = new Saturation[nChannels];
        for (int c = 0; c < nChannels; c++) {
            adstocks[c] = adstock.equals("geometric")
                    ? Adstock.geometric(0.6, 8, true)
                    : Adstock.weibullPdf(2.0, 0.3, 12);
            saturations[c] = Saturation.hill(20.0 + c, slope);
        }
        out = new double[spend.length];
        gradient = new double[Transforms.parameterCount(adstocks, saturations)];
        workspace = new TransformWorkspace();
        keepingWorkspace = TransformWorkspace.forGradients();
    }

    /** Adstock only, all channels (compare with one scipy {@code lfilter} call per channel). */
    @Benchmark
    public double[] adstockOnly() {
        return Transforms.adstock(adstocks, spend, nPeriods, out, workspace);
    }

    /** Adstock then saturation, all channels. */
    @Benchmark
    public double[] forward() {
        return Transforms.forward(adstocks, saturations, spend, nPeriods, out, workspace);
    }

    /**
     * Forward, then the reverse-mode gradient with respect to every adstock and saturation parameter
     * (what a NUTS leapfrog step needs; no input adjoint).
     */
    @Benchmark
    public void forwardAndGradient(Blackhole bh) {
        forwardAndGradient(bh, workspace);
    }

    /**
     * {@link #forwardAndGradient} with a workspace that keeps the forward pass
     * ({@link TransformWorkspace#forGradients()}): the backward pass takes the adstocked values and Hill's logarithms
     * from it instead of recomputing them (the same bits).
     */
    @Benchmark
    public void forwardAndGradientKept(Blackhole bh) {
        forwardAndGradient(bh, keepingWorkspace);
    }

    private void forwardAndGradient(Blackhole bh, TransformWorkspace ws) {
        bh.consume(Transforms.forward(adstocks, saturations, spend, nPeriods, out, ws));
        Arrays.fill(gradient, 0.0);
        Transforms.backward(adstocks, saturations, spend, nPeriods, upstream, gradient, null, ws);
        bh.consume(gradient);
    }
}
