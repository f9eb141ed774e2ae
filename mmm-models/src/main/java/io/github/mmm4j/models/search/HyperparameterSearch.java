package io.github.mmm4j.models.search;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Provenance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937c;

/**
 * Robyn-style multi-objective hyperparameter search for ridge marketing mix models, exactly reproducible and fast.
 *
 * <p><b>What is searched.</b> Every channel's adstock and saturation parameters (the families come from the
 * {@link ModelSpec}) and the ridge penalty, within a {@link SearchSpace} (defaults after Robyn's recommended
 * ranges). Each candidate is a ridge fit ({@link io.github.mmm4j.models.Ridge}'s estimator, media coefficients
 * non-negative by default) scored by NRMSE and DECOMP.RSSD, and MAPE.LIFT when lift experiments are given, as Robyn
 * defines them (Runge et al., Meta's Robyn documentation; see {@link SearchEvaluator}). The answer is the Pareto
 * front of everything evaluated plus a default choice ({@link SearchResult}); each {@link Candidate} refits through
 * {@link Candidate#fit} into a {@link io.github.mmm4j.models.FittedModel} with bootstrap intervals.
 *
 * <p><b>Optimiser.</b> {@link SearchOptions#trials()} trials, each a CMA-ES run (Hansen 2016, "The CMA Evolution
 * Strategy: A Tutorial", arXiv:1604.00772; Hipparchus' {@link CMAESOptimizer}, active covariance update) on the
 * unit box {@code [0, 1]^d} mapped to the ranges, with initial step size {@code sigma = 0.3} (Hansen's advice of
 * about a third of the box), the default population {@code 4 + floor(3 ln d)}, and a uniformly random start. Each
 * trial minimises its own scalarisation of the objectives, an augmented weighted Chebyshev function (Steuer and Choo
 * 1983)
 * <pre>
 *   s(x) = max_k w_k g_k(x) + 0.05 sum_k w_k g_k(x),   g_k = min(f_k / r_k, 10)
 * </pre>
 * with reference scales {@code r = (NRMSE of the intercept-only model, 1, 1)} and weights spread over the simplex
 * across trials: for two objectives trial {@code k} of {@code T} uses {@code w = ((k + 1/2) / T, 1 - (k + 1/2) / T)};
 * for three, the point {@code u = (k + 1/2) / T}, {@code v = frac(1/2 + (k + 1/2) * 0.618...)} mapped to the
 * simplex by {@code (1 - sqrt(u), sqrt(u)(1 - v), sqrt(u) v)}. Different weights drive trials to different parts of
 * the front, and every candidate evaluated by any trial counts for the front. When a CMA-ES run stops by its own
 * criteria before the trial's budget is spent, a new run starts from a new random point (a restart strategy,
 * Auger and Hansen 2005, without population growth). A trial evaluates exactly
 * {@link SearchOptions#iterationsPerTrial()} candidates (Robyn's {@code iterations}) unless cancelled.
 *
 * <p><b>Reproducibility.</b> Trial {@code k}'s generator (Hipparchus' {@link Well19937c}) is seeded with the
 * {@code k}-th value split from {@code new Rng(seed)} before any trial runs; trials share nothing else, run on
 * {@link SearchOptions#parallelism()} threads, and their results are merged in trial order. Java floating point is
 * deterministic, so the same seed gives the same result bit for bit for any thread count and on every machine.
 *
 * <p><b>Speed.</b> Robyn refits glmnet on the full design for every candidate; here the baseline part of the Gram
 * matrix is computed once and each candidate only transforms the media and forms its cross-products (see
 * {@link SearchEvaluator}): about 20 microseconds per candidate at 156 weeks and 5 channels, 45 at 10 channels, on one
 * core of a 2.6 GHz Xeon (JMH, {@code mmm-bench} {@code SearchBenchmark}); Robyn's default budget of 10,000
 * candidates at 10 channels takes about a second on 2 cores.
 */
public final class HyperparameterSearch {

    /** Initial CMA-ES step size on the unit box. */
    static final double SIGMA = 0.3;
    /** Weight of the sum term of the augmented Chebyshev scalarisation. */
    static final double AUGMENTATION = 0.05;
    /** Cap of each normalised objective in the scalarisation (infinite DECOMP.RSSD, for one). */
    static final double CAP = 10;
    private static final double GOLDEN = 0.6180339887498949;

    private HyperparameterSearch() {
    }

    /**
     * Runs the search with {@link SearchOptions#defaults()}.
     *
     * @param data the data
     * @param spec the model structure whose transform families are searched
     * @return the result
     */
    public static SearchResult run(MmmDataset data, ModelSpec spec) {
        return run(data, spec, SearchOptions.defaults());
    }

    /**
     * Runs the search.
     *
     * @param data the data, with the spec's channels
     * @param spec the model structure whose transform families are searched (its parameter values are not used,
     *     except for parameters the space fixes)
     * @param options the options
     * @return the result; {@link SearchStatus#CANCELLED} with what was found so far if cancelled
     * @throws io.github.mmm4j.core.DataException if the training rows are fewer than the model's parameters
     * @throws IllegalArgumentException if the spec, options and data do not match
     * @throws RuntimeException whatever the progress listener throws
     */
    public static SearchResult run(MmmDataset data, ModelSpec spec, SearchOptions options) {
        Objects.requireNonNull(options, "options");
        long start = System.nanoTime();
        SearchEvaluator ev = SearchEvaluator.of(data, spec, options);
        int trials = options.trials();
        int budget = options.iterationsPerTrial();
        int m = ev.objectiveCount();
        Rng master = new Rng(options.seed());
        long[] seeds = new long[trials];
        for (int k = 0; k < trials; k++) {
            seeds[k] = master.split().nextLong();
        }
        double[] refs = new double[m];
        refs[0] = Math.max(ev.interceptOnlyNrmse(), 1e-12);
        for (int k = 1; k < m; k++) {
            refs[k] = 1;
        }
        Monitor monitor = new Monitor(options.progress(), (long) trials * budget);
        AtomicBoolean abort = new AtomicBoolean();
        Trial[] runs = new Trial[trials];
        for (int k = 0; k < trials; k++) {
            runs[k] = new Trial(ev, k, weights(k, trials, m), refs, seeds[k], budget, options.cancellation(), abort,
                    monitor);
        }
        int threads = options.parallelism() > 0 ? options.parallelism() : Runtime.getRuntime().availableProcessors();
        threads = Math.max(1, Math.min(threads, trials));
        execute(runs, threads, abort);
        return assemble(ev, spec, options, runs, m, System.nanoTime() - start);
    }

    /** The scalarisation weights of trial {@code k} of {@code t} for {@code m} objectives (see the class comment). */
    static double[] weights(int k, int t, int m) {
        double u = (k + 0.5) / t;
        if (m == 2) {
            return new double[] {u, 1 - u};
        }
        double v = 0.5 + (k + 0.5) * GOLDEN;
        v -= Math.floor(v);
        double r = Math.sqrt(u);
        return new double[] {1 - r, r * (1 - v), r * v};
    }

    private static void execute(Trial[] runs, int threads, AtomicBoolean abort) {
        if (threads == 1) {
            for (Trial r : runs) {
                r.run();
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "mmm4j-search");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Trial r : runs) {
                futures.add(pool.submit(r::run));
            }
            RuntimeException failure = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    abort.set(true);
                    Throwable c = e.getCause();
                    if (failure == null) {
                        failure = c instanceof RuntimeException re ? re : new IllegalStateException(c);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } catch (InterruptedException e) {
            abort.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static SearchResult assemble(SearchEvaluator ev, ModelSpec spec, SearchOptions options, Trial[] runs,
            int m, long elapsed) {
        int d = ev.dimension();
        int total = 0;
        for (Trial r : runs) {
            total += r.count;
        }
        double[] f = new double[total * m];
        int[] trialOf = new int[total];
        int[] evalOf = new int[total];
        int pos = 0;
        boolean cancelled = false;
        List<TrialSummary> summaries = new ArrayList<>();
        for (Trial r : runs) {
            System.arraycopy(r.objectives, 0, f, pos * m, r.count * m);
            for (int i = 0; i < r.count; i++) {
                trialOf[pos + i] = r.index;
                evalOf[pos + i] = i;
            }
            pos += r.count;
            cancelled |= r.cancelled;
            summaries.add(new TrialSummary(r.index, r.weights, r.count, r.restarts, r.cancelled));
        }
        int[] front = Pareto.front(f, total, m);
        // Drop repeated evaluations of the same point (keep the first in trial order).
        Arrays.sort(front);
        List<Integer> kept = new ArrayList<>();
        for (int i : front) {
            boolean dup = false;
            for (int j : kept) {
                if (Arrays.equals(runs[trialOf[i]].units, evalOf[i] * d, evalOf[i] * d + d,
                        runs[trialOf[j]].units, evalOf[j] * d, evalOf[j] * d + d)) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                kept.add(i);
            }
        }
        Integer[] order = kept.toArray(new Integer[0]);
        Arrays.sort(order, (a, b) -> {
            for (int k = 0; k < m; k++) {
                int c = Double.compare(f[a * m + k], f[b * m + k]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a, b);
        });
        int[] sorted = new int[order.length];
        List<Candidate> candidates = new ArrayList<>();
        SearchEvaluator.Workspace ws = ev.newWorkspace();
        double[] obj = new double[m];
        double[] spendShares = ev.spendShares();
        for (int s = 0; s < order.length; s++) {
            int i = order[s];
            sorted[s] = i;
            double[] unit = Arrays.copyOfRange(runs[trialOf[i]].units, evalOf[i] * d, evalOf[i] * d + d);
            ev.evaluate(unit, ws, obj);
            ModelSpec cs = ev.space().spec(spec, unit);
            candidates.add(new Candidate(cs, ws.lambda(), f[i * m], f[i * m + 1],
                    m > 2 ? OptionalDouble.of(f[i * m + 2]) : OptionalDouble.empty(), ws.rSquared(),
                    ws.effectShares(), spendShares, unit, trialOf[i], evalOf[i], options.holdout(),
                    options.nonNegativeMedia(), options.controlSigns()));
        }
        int selected = sorted.length == 0 ? 0 : Pareto.select(f, sorted, m);
        List<String> names = m > 2 ? List.of("nrmse", "decomp_rssd", "mape_lift") : List.of("nrmse", "decomp_rssd");
        Map<String, String> prov = new LinkedHashMap<>(options.asMap());
        prov.put("optimizer", "hipparchus CMAESOptimizer (active), sigma " + SIGMA + ", augmented Chebyshev");
        return new SearchResult(candidates, selected, cancelled ? SearchStatus.CANCELLED : SearchStatus.COMPLETED,
                total, (long) options.trials() * options.iterationsPerTrial(), summaries, f, names,
                Provenance.of("ridge-search", options.seed(), prov), elapsed);
    }

    /** Serialises progress reports and keeps the running totals. */
    private static final class Monitor {
        private final SearchProgress listener;
        private final long budget;
        private long evaluations;
        private double bestNrmse = Double.POSITIVE_INFINITY;
        private double bestRssd = Double.POSITIVE_INFINITY;
        private int finished;

        Monitor(SearchProgress listener, long budget) {
            this.listener = listener;
            this.budget = budget;
        }

        synchronized void report(int delta, double nrmse, double rssd, boolean done) {
            evaluations += delta;
            bestNrmse = Math.min(bestNrmse, nrmse);
            bestRssd = Math.min(bestRssd, rssd);
            if (done) {
                finished++;
            }
            if (listener != SearchProgress.NONE) {
                listener.onProgress(new SearchProgress.Report(evaluations, budget, bestNrmse, bestRssd, finished));
            }
        }
    }

    /** Thrown inside the objective function to end a trial (no stack trace). */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    /** One trial: CMA-ES runs with restarts until the budget is spent; records every evaluation. */
    private static final class Trial {
        final int index;
        final double[] weights;
        final double[] units;
        final double[] objectives;
        int count;
        int restarts;
        boolean cancelled;
        private final SearchEvaluator ev;
        private final double[] refs;
        private final long seed;
        private final int budget;
        private final SearchCancellation cancellation;
        private final AtomicBoolean abort;
        private final Monitor monitor;
        private final SearchEvaluator.Workspace ws;
        private final double[] obj;
        private int reported;
        private double bestNrmse = Double.POSITIVE_INFINITY;
        private double bestRssd = Double.POSITIVE_INFINITY;

        Trial(SearchEvaluator ev, int index, double[] weights, double[] refs, long seed, int budget,
                SearchCancellation cancellation, AtomicBoolean abort, Monitor monitor) {
            this.ev = ev;
            this.index = index;
            this.weights = weights;
            this.refs = refs;
            this.seed = seed;
            this.budget = budget;
            this.cancellation = cancellation;
            this.abort = abort;
            this.monitor = monitor;
            this.units = new double[budget * ev.dimension()];
            this.objectives = new double[budget * ev.objectiveCount()];
            this.ws = ev.newWorkspace();
            this.obj = new double[ev.objectiveCount()];
        }

        void run() {
            int d = ev.dimension();
            Well19937c random = new Well19937c(seed);
            try {
                if (d == 0) {
                    value(new double[0]);
                    return;
                }
                double[] lower = new double[d];
                double[] upper = new double[d];
                double[] sigma = new double[d];
                Arrays.fill(upper, 1.0);
                Arrays.fill(sigma, SIGMA);
                int population = 4 + (int) Math.floor(3 * Math.log(d));
                while (count < budget) {
                    double[] x0 = new double[d];
                    for (int i = 0; i < d; i++) {
                        x0[i] = random.nextDouble();
                    }
                    restarts++;
                    CMAESOptimizer cma = new CMAESOptimizer(Integer.MAX_VALUE, 0.0, true, 0, 0, random, false, null);
                    try {
                        cma.optimize(MaxEval.unlimited(), MaxIter.unlimited(), new ObjectiveFunction(this::value),
                                GoalType.MINIMIZE, new InitialGuess(x0), new SimpleBounds(lower, upper),
                                new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(population));
                    } catch (MathRuntimeException e) {
                        // a numerical failure inside CMA-ES (e.g. of its eigendecomposition): restart
                    }
                }
            } catch (Stop s) {
                // budget spent or cancelled
            } finally {
                monitor.report(count - reported, bestNrmse, bestRssd, true);
            }
        }

        private double value(double[] x) {
            if (count >= budget) {
                throw new Stop();
            }
            if (cancellation.isCancelled() || abort.get()) {
                cancelled = cancellation.isCancelled();
                throw new Stop();
            }
            int d = x.length;
            int m = obj.length;
            ev.evaluate(x, ws, obj);
            System.arraycopy(x, 0, units, count * d, d);
            System.arraycopy(obj, 0, objectives, count * m, m);
            count++;
            bestNrmse = Math.min(bestNrmse, obj[0]);
            bestRssd = Math.min(bestRssd, obj[1]);
            if (count - reported >= SearchProgress.INTERVAL) {
                monitor.report(count - reported, bestNrmse, bestRssd, false);
                reported = count;
            }
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int k = 0; k < m; k++) {
                double g = obj[k] / refs[k];
                g = g < CAP ? g : CAP; // also maps NaN and +Infinity to the cap
                double wg = weights[k] * g;
                max = Math.max(max, wg);
                sum += wg;
            }
            return max + AUGMENTATION * sum;
        }
    }
}
