package io.github.mmm4j.bench.linear;

import io.github.mmm4j.models.linear.Nnls;
import io.github.mmm4j.models.linear.NnlsOptions;
import io.github.mmm4j.models.linear.NnlsResult;
import io.github.mmm4j.models.linear.NnlsWorkspace;
import io.github.mmm4j.models.linear.Sign;
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
 * Cost of {@link Nnls} on Gaussian problems of marketing-mix shapes, for comparison with
 * {@code scipy.optimize.nnls} on the same shapes (scipy 1.17: 65 us at 156x12, 5,064 us at 1000x50).
 * {@code solve} includes forming {@code A'A} (the dominant cost at 1000x50); {@code solveGram} reuses a
 * precomputed Gram matrix, as a ridge-path or hyperparameter search does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class NnlsBenchmark {

    /** Problem size, rows x columns. */
    @Param({"156x12", "1000x50"})
    public String size;

    private double[] a;
    private double[] b;
    private int rows;
    private int cols;
    private Sign[] signs;
    private double[] ata;
    private double[] atb;
    private double btb;
    private NnlsWorkspace workspace;

    /** Builds a seeded problem whose true coefficients are half zero, half positive, plus noise. */
    @Setup
    public void setUp() {
        String[] parts = size.split("x");
        rows = Integer.parseInt(parts[0]);
        cols = Integer.parseInt(parts[1]);
        SplittableRandom rng = new SplittableRandom(42);
        a = new double[rows * cols];
        for (int k = 0; k < a.length; k++) {
            a[k] = rng.nextGaussian();
        }
        b = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = rng.nextGaussian();
            for (int j = 0; j < cols; j++) {
                s += (j % 2 == 0 ? 1.0 : -1.0) * a[i * cols + j];
            }
            b[i] = s;
        }
        signs = Sign.uniform(cols, Sign.NON_NEGATIVE);
        ata = new double[cols * cols];
        atb = new double[cols];
        btb = Nnls.gram(a, rows, cols, b, ata, atb);
        workspace = new NnlsWorkspace(rows, cols);
    }

    /** NNLS from the design, reusing a workspace. */
    @Benchmark
    public NnlsResult solve() {
        return Nnls.solve(a, rows, cols, b, signs, NnlsOptions.DEFAULTS, workspace);
    }

    /** NNLS from the design without a workspace (allocates scratch each call). */
    @Benchmark
    public NnlsResult solveNoWorkspace() {
        return Nnls.solve(a, rows, cols, b, signs, NnlsOptions.DEFAULTS, null);
    }

    /** NNLS from a precomputed Gram matrix. */
    @Benchmark
    public NnlsResult solveGram() {
        return Nnls.solveGram(ata, atb, btb, cols, signs, NnlsOptions.DEFAULTS, workspace);
    }
}
