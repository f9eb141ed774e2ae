package io.github.mmm4j.bench.linear;

import io.github.mmm4j.models.linear.Nnls;
import io.github.mmm4j.models.linear.NnlsOptions;
import io.github.mmm4j.models.linear.NnlsResult;
import io.github.mmm4j.models.linear.NnlsWorkspace;
import io.github.mmm4j.models.linear.Sign;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Cost of {@link Nnls} on Gaussian problems of marketing-mix shapes, for comparison with
 * {@code scipy.optimize.nnls} on the same shapes (scipy 1.17: 65 us at 156x12, 5,064 us at 1000x50).
 * {@code solve} includes forming {@code A'A} (the dominant cost at 1000x50); {@code solveGram} reuses a
 * precomputed Gram matrix, as a ridge-path or hyperparameter search does.
 *
 * <p>With {@code -p design=FILE} the problem is read from a CSV file instead (a header line, then one row per
 * observation: the response first, then the columns of {@code A}), so that the side-by-side harness
 * ({@code mmm-bench/side-by-side/run.sh}) times the very problem {@code scipy.optimize.nnls} solves in the peer kit
 * (its true-feature design with a column of ones, every column non-negative); {@code size} is then ignored.
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

    /** A CSV file with the problem (response first, then the columns), or empty for the seeded Gaussian problem. */
    @Param({""})
    public String design;

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
        if (!design.isEmpty()) {
            read(Path.of(design));
            return;
        }
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
        finishSetUp();
    }

    private void finishSetUp() {
        signs = Sign.uniform(cols, Sign.NON_NEGATIVE);
        ata = new double[cols * cols];
        atb = new double[cols];
        btb = Nnls.gram(a, rows, cols, b, ata, atb);
        workspace = new NnlsWorkspace(rows, cols);
    }

    /** Reads the response and design of a CSV file (header, then {@code y, a_1, ..., a_p} per row). */
    private void read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows = lines.size() - 1;
        cols = lines.get(0).split(",").length - 1;
        a = new double[rows * cols];
        b = new double[rows];
        for (int i = 0; i < rows; i++) {
            String[] f = lines.get(i + 1).split(",");
            if (f.length != cols + 1) {
                throw new IllegalArgumentException(file + " line " + (i + 2) + ": " + f.length + " fields, expected "
                        + (cols + 1));
            }
            b[i] = Double.parseDouble(f[0]);
            for (int j = 0; j < cols; j++) {
                a[i * cols + j] = Double.parseDouble(f[j + 1]);
            }
        }
        finishSetUp();
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
