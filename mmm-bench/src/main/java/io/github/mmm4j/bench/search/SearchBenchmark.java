package io.github.mmm4j.bench.search;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.search.HyperparameterSearch;
import io.github.mmm4j.models.search.SearchEvaluator;
import io.github.mmm4j.models.search.SearchOptions;
import io.github.mmm4j.models.search.SearchResult;
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
 * One search iteration: decode a candidate, transform every channel, solve the penalised ridge problem (non-negative
 * media by NNLS on the Gram matrix, or free signs by Cholesky) and compute NRMSE and DECOMP.RSSD, at 156 weeks with
 * 5 and 10 channels. The candidates cycle through 256 seeded random points of the unit box, as a search visits
 * different points. Anchors measured on the same machine for one iteration under Robyn's settings: glmnet 2,500 us,
 * scikit-learn Ridge 889 us, a hand-written numpy closed form 223 us.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SearchBenchmark {

    /** Number of channels. */
    @Param({"5", "10"})
    public int channels;

    /** Whether media coefficients are constrained to be non-negative (the default). */
    @Param({"true", "false"})
    public boolean nonNegative;

    private SearchEvaluator evaluator;
    private SearchEvaluator.Workspace workspace;
    private double[][] points;
    private double[] objectives;
    private int next;

    /** Prepares the evaluator and the candidate points. */
    @Setup
    public void setUp() {
        MmmDataset data = SearchData.data(156, channels);
        ModelSpec spec = SearchData.spec(data);
        evaluator = SearchEvaluator.of(data, spec, SearchOptions.defaults().withNonNegativeMedia(nonNegative));
        workspace = evaluator.newWorkspace();
        objectives = new double[evaluator.objectiveCount()];
        Rng rng = new Rng(7);
        points = new double[256][evaluator.dimension()];
        for (double[] p : points) {
            for (int k = 0; k < p.length; k++) {
                p[k] = rng.nextDouble();
            }
        }
    }

    /**
     * Evaluates the next candidate.
     *
     * @return its NRMSE plus DECOMP.RSSD (so the work cannot be eliminated)
     */
    @Benchmark
    public double oneIteration() {
        double[] u = points[next];
        next = (next + 1) & 255;
        evaluator.evaluate(u, workspace, objectives);
        return objectives[0] + objectives[1];
    }

    /**
     * Robyn's default budget (5 trials of 2,000 candidates, 10,000 ridge fits) at 156 weeks and 10 channels (31
     * searched parameters) on 2 threads, timed once per JMH iteration (the whole search including set-up).
     */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    @Fork(1)
    public static class FullSearch {

        /** Threads running trials. */
        @Param({"1", "2"})
        public int threads;

        private MmmDataset data;
        private ModelSpec spec;

        /** Builds the dataset. */
        @Setup
        public void setUp() {
            data = SearchData.data(156, 10);
            spec = SearchData.spec(data);
        }

        /**
         * Runs the search.
         *
         * @return the result
         */
        @Benchmark
        public SearchResult robynDefaultBudget() {
            return HyperparameterSearch.run(data, spec, SearchOptions.defaults().withParallelism(threads).withSeed(1));
        }
    }
}
