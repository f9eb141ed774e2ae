package io.github.mmm4j.bench.transforms;

import io.github.mmm4j.transforms.Saturation;
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
 * One saturation family's kernel alone, {@link Saturation#apply} and {@link Saturation#backward} over 10,000
 * contiguous inputs (adstocked spend around the half-saturation point, a fifth of them zero), single-threaded, into a
 * reused output: the cost per element of the function itself, without the adstock. Divide ns/op by 10,000.
 *
 * <ul>
 *   <li>{@code hill-1.5}: Hill with a general slope (a logarithm and an exponential per element);</li>
 *   <li>{@code hill-2.0}: Hill with an integer slope (multiplications only);</li>
 *   <li>{@code logistic}, {@code tanh}: a hyperbolic tangent per element; {@code michaelis-menten}: one division.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SaturationBenchmark {

    private static final int N = 10_000;

    @Param({"hill-1.5", "hill-2.0", "logistic", "tanh", "michaelis-menten"})
    public String family;

    double[] in;
    double[] out;
    double[] upstream;
    double[] gIn;
    double[] gradient;
    Saturation saturation;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        in = new double[N];
        upstream = new double[N];
        for (int i = 0; i < N; i++) {
            in[i] = rnd.nextInt(5) == 0 ? 0.0 : rnd.nextDouble(0.0, 3.0);
            upstream[i] = rnd.nextDouble(-1.0, 1.0);
        }
        saturation = switch (family) {
            case "hill-1.5" -> Saturation.hill(1.0, 1.5);
            case "hill-2.0" -> Saturation.hill(1.0, 2.0);
            case "logistic" -> Saturation.logistic(1.2);
            case "tanh" -> Saturation.tanh(1.0, 0.8);
            case "michaelis-menten" -> Saturation.michaelisMenten(1.0, 1.0);
            default -> throw new IllegalArgumentException(family);
        };
        out = new double[N];
        gIn = new double[N];
        gradient = new double[saturation.parameterCount()];
    }

    /** The forward kernel. */
    @Benchmark
    public double[] apply() {
        saturation.apply(in, 0, 1, out, 0, 1, N);
        return out;
    }

    /** The reverse-mode kernel: the parameter gradient and the input adjoint. */
    @Benchmark
    public double[] backward() {
        java.util.Arrays.fill(gradient, 0.0);
        saturation.backward(in, 0, 1, upstream, 0, 1, N, gradient, 0, gIn, 0, 1);
        return gradient;
    }
}
