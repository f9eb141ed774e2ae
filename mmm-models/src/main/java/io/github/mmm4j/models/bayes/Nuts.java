package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.Checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The No-U-Turn sampler (Hoffman and Gelman 2014, "The No-U-Turn Sampler: Adaptively Setting Path Lengths in
 * Hamiltonian Monte Carlo", JMLR 15, 1593-1623) in the variant of Stan 2.21 with a diagonal metric:
 * <ul>
 *   <li>multinomial sampling of the trajectory, with biased progressive sampling when a new subtree is merged at
 *       the top level and uniform progressive sampling inside subtrees (Betancourt 2017, "A Conceptual
 *       Introduction to Hamiltonian Monte Carlo", arXiv:1701.02434, appendix A);</li>
 *   <li>the generalised no-U-turn criterion on the sharp momenta {@code M^-1 p}, checked over every merged tree
 *       and, as in Stan since 2.21, across the two halves of every merge (two extra checks that span the join);
 *       </li>
 *   <li>a leapfrog integrator; a transition whose energy error {@code H - H0} exceeds 1000, or whose log density
 *       or gradient is not finite, is divergent: its subtree is discarded, so non-finite points never become
 *       draws, and the transition is counted in {@link NutsChain#divergent()};</li>
 *   <li>warmup as Stan's: the step size search heuristic at the start and after each metric update, Nesterov
 *       dual averaging of {@code log eps} toward the target acceptance statistic ({@code gamma = 0.05},
 *       {@code t0 = 10}, {@code kappa = 0.75}, {@code mu = log(10 eps)}), and windowed estimation of the
 *       diagonal inverse metric (buffers 75 / 50, first window 25, doubling), regularised as
 *       {@code (n/(n+5)) var + 1e-3 (5/(n+5))}; after warmup the step size is {@code exp(x_bar)}. With
 *       {@link NutsOptions#denseMetric()} the off-diagonal covariances of the window are added, shrunk by
 *       {@code n / (n + d)} (see {@code NutsKernel}).</li>
 * </ul>
 *
 * <p><b>Threads and reproducibility.</b> Each chain has its own {@link LogDensity} instance from the supplier and
 * its own {@link SplittableRandom}: the generators are {@code new SplittableRandom(seed).split()} called
 * {@code chains} times, in chain order, before any chain starts. Chain {@code c} first draws its random initial
 * point (up to 100 tries uniform in {@code (-initRadius, initRadius)^d} until the log density and gradient are
 * finite) from its generator. The draws are therefore bit-identical for every {@link NutsControl#parallelism()}.
 *
 * <p><b>Failure.</b> Numerical trouble is reported in {@link NutsResult#status()} and
 * {@link NutsResult#warnings()}: failed initialisation or step size search stop all chains; cancellation through
 * {@link NutsControl#cancellation()} returns promptly with {@link NutsStatus#CANCELLED} and the draws completed so
 * far. Exceptions thrown by the model, the supplier or the progress listener stop all chains and are rethrown
 * (unwrapped) by {@code sample}.
 *
 * <p>Example: {@code NutsResult r = Nuts.sample(() -> new MyModel(data), NutsOptions.defaults().withSeed(42));}
 */
public final class Nuts {

    private static final int MAX_INIT_TRIES = 100;

    private Nuts() {
    }

    /**
     * Samples with the default {@link NutsControl}: automatic parallelism, random initial values, no progress.
     *
     * @param model supplies one independent {@link LogDensity} per chain; called {@code chains} times
     * @param options the sampler settings
     * @return the result; see {@link NutsResult}
     * @throws NullPointerException if an argument is null
     * @throws RuntimeException whatever the model or the supplier throws
     */
    public static NutsResult sample(Supplier<? extends LogDensity> model, NutsOptions options) {
        return sample(model, options, NutsControl.defaults());
    }

    /**
     * Samples {@code options.chains()} chains, each with {@code options.warmup()} warmup and
     * {@code options.draws()} kept iterations.
     *
     * @param model supplies one independent {@link LogDensity} per chain; called {@code chains} times, on the
     *     calling thread, before sampling starts; all instances must have the same dimension
     * @param options the sampler settings
     * @param control threads, progress, cancellation, initial points and parameter names
     * @return the result; see {@link NutsResult}
     * @throws NullPointerException if an argument is null or the supplier returns null
     * @throws IllegalArgumentException if dimensions, initial points or names do not match
     * @throws RuntimeException whatever the model, the supplier or the progress listener throws
     */
    public static NutsResult sample(Supplier<? extends LogDensity> model, NutsOptions options, NutsControl control) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        long start = System.nanoTime();
        int nChains = options.chains();
        LogDensity[] densities = new LogDensity[nChains];
        for (int c = 0; c < nChains; c++) {
            densities[c] = Objects.requireNonNull(model.get(), "model.get()");
        }
        int dim = densities[0].dimension();
        Checks.checkPositive("model dimension", dim);
        for (int c = 1; c < nChains; c++) {
            Checks.checkArgument(densities[c].dimension() == dim,
                    "model instance %d has dimension %d; instance 0 has %d", c, densities[c].dimension(), dim);
        }
        double[][] inits = control.initialPoints();
        if (inits != null) {
            Checks.checkArgument(inits.length == nChains, "initialPoints.length = %d; expected %d chains",
                    inits.length, nChains);
            for (int c = 0; c < nChains; c++) {
                Checks.checkLength("initialPoints[" + c + "]", inits[c], dim);
            }
        }
        List<String> names = control.parameterNames();
        if (names == null) {
            List<String> generated = new ArrayList<>(dim);
            for (int j = 0; j < dim; j++) {
                generated.add("theta[" + (j + 1) + "]");
            }
            names = generated;
        } else {
            Checks.checkArgument(names.size() == dim, "parameterNames.size() = %d; expected %d", names.size(), dim);
        }

        SplittableRandom root = new SplittableRandom(options.seed());
        SplittableRandom[] rngs = new SplittableRandom[nChains];
        for (int c = 0; c < nChains; c++) {
            rngs[c] = root.split();
        }

        AtomicBoolean abort = new AtomicBoolean();
        ChainRun[] runs = new ChainRun[nChains];
        for (int c = 0; c < nChains; c++) {
            runs[c] = new ChainRun(c, densities[c], rngs[c], options, inits == null ? null : inits[c], control,
                    abort);
        }
        int threads = control.parallelism() == 0
                ? Math.min(nChains, Runtime.getRuntime().availableProcessors())
                : Math.min(nChains, control.parallelism());
        if (threads <= 1) {
            for (ChainRun run : runs) {
                try {
                    run.run();
                } catch (RuntimeException | Error e) {
                    abort.set(true);
                    throw e;
                }
            }
        } else {
            runParallel(runs, threads, abort);
        }
        return assemble(runs, options, dim, names, System.nanoTime() - start);
    }

    private static void runParallel(ChainRun[] runs, int threads, AtomicBoolean abort) {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mmm4j-nuts-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(runs.length);
            for (ChainRun run : runs) {
                futures.add(pool.submit(() -> {
                    try {
                        run.run();
                    } catch (RuntimeException | Error e) {
                        abort.set(true);
                        throw e;
                    }
                }));
            }
            Throwable first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                    }
                } catch (InterruptedException e) {
                    abort.set(true);
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while sampling", e);
                }
            }
            if (first instanceof RuntimeException) {
                throw (RuntimeException) first;
            }
            if (first instanceof Error) {
                throw (Error) first;
            }
            if (first != null) {
                throw new IllegalStateException(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static NutsResult assemble(ChainRun[] runs, NutsOptions options, int dim, List<String> names,
            long wallNanos) {
        List<NutsChain> chains = new ArrayList<>(runs.length);
        List<String> warnings = new ArrayList<>();
        NutsStatus status = NutsStatus.OK;
        long grads = 0;
        for (ChainRun run : runs) {
            chains.add(run.toChain());
            grads += run.kernel.gradEvals;
            if (run.failure != null) {
                warnings.add("chain " + run.chain + ": " + run.message);
                status = worse(status, run.failure);
            } else if (!run.message.isEmpty()) {
                warnings.add("chain " + run.chain + ": " + run.message);
            }
        }
        List<ParameterSummary> summary = List.of();
        boolean complete = status == NutsStatus.OK;
        if (complete) {
            int draws = options.draws();
            int divergences = 0;
            int saturated = 0;
            for (NutsChain ch : chains) {
                divergences += ch.divergences();
                for (int depth : ch.treeDepthRef()) {
                    saturated += depth >= options.maxTreeDepth() ? 1 : 0;
                }
            }
            int total = draws * runs.length;
            if (divergences > 0) {
                warnings.add(String.format(Locale.ROOT,
                        "%d of %d post-warmup transitions were divergent; the posterior may be biased "
                                + "(reparameterise or raise targetAccept)", divergences, total));
            }
            if (saturated > 0) {
                warnings.add(String.format(Locale.ROOT,
                        "%d of %d post-warmup transitions hit the maximum tree depth %d", saturated, total,
                        options.maxTreeDepth()));
            }
            if (draws >= 2) {
                for (NutsChain ch : chains) {
                    double bfmi = Diagnostics.ebfmi(ch.energyRef());
                    if (bfmi < NutsResult.EBFMI_THRESHOLD) {
                        warnings.add(String.format(Locale.ROOT, "chain %d: E-BFMI = %.3f < %.1f", ch.chain(), bfmi,
                                NutsResult.EBFMI_THRESHOLD));
                    }
                }
            }
            if (draws >= 4) {
                double[][] chainDraws = new double[chains.size()][];
                for (int c = 0; c < chainDraws.length; c++) {
                    chainDraws[c] = chains.get(c).drawsRef();
                }
                summary = Diagnostics.summarize(chainDraws, dim, names);
                for (ParameterSummary s : summary) {
                    if (Double.isNaN(s.rhat())) {
                        warnings.add("R-hat of " + s.name() + " is undefined (constant draws)");
                    } else if (s.rhat() > NutsResult.RHAT_THRESHOLD) {
                        warnings.add(String.format(Locale.ROOT, "R-hat of %s = %.4f > %.2f", s.name(), s.rhat(),
                                NutsResult.RHAT_THRESHOLD));
                    }
                }
            } else {
                warnings.add("fewer than 4 draws per chain: no diagnostics computed");
            }
            if (!warnings.isEmpty()) {
                status = NutsStatus.WARNINGS;
            }
        }
        return new NutsResult(options, dim, names, chains, summary, status, warnings, wallNanos, grads,
                System.getProperty("java.version", "unknown"));
    }

    private static NutsStatus worse(NutsStatus a, NutsStatus b) {
        return rank(b) > rank(a) ? b : a;
    }

    /** Failures outrank cancellation, which outranks warnings. */
    private static int rank(NutsStatus s) {
        switch (s) {
            case INITIALIZATION_FAILED:
            case ADAPTATION_FAILED:
                return 3;
            case CANCELLED:
                return 2;
            case WARNINGS:
                return 1;
            default:
                return 0;
        }
    }

    /** One chain: initialisation, warmup with adaptation, sampling, and its recorded output. */
    private static final class ChainRun {
        final int chain;
        final NutsKernel kernel;
        final NutsOptions options;
        final double[] init;
        final NutsProgress progress;
        final CancellationToken cancellation;
        final AtomicBoolean abort;
        final int dim;
        final double[] draws;
        final double[] acceptStat;
        final double[] stepSize;
        final int[] treeDepth;
        final int[] leapfrog;
        final boolean[] divergent;
        final double[] energy;
        final double[] logDensity;
        int completed;
        int warmupDivergences;
        NutsStatus failure;
        String message = "";

        ChainRun(int chain, LogDensity model, SplittableRandom rng, NutsOptions options, double[] init,
                NutsControl control, AtomicBoolean abort) {
            this.chain = chain;
            this.kernel = new NutsKernel(model, rng, options.maxTreeDepth(), options.denseMetric());
            this.options = options;
            this.init = init;
            this.progress = control.progress();
            this.cancellation = control.cancellation();
            this.abort = abort;
            this.dim = model.dimension();
            int n = options.draws();
            draws = new double[n * dim];
            acceptStat = new double[n];
            stepSize = new double[n];
            treeDepth = new int[n];
            leapfrog = new int[n];
            divergent = new boolean[n];
            energy = new double[n];
            logDensity = new double[n];
        }

        void run() {
            if (!initialise()) {
                fail(NutsStatus.INITIALIZATION_FAILED, init != null
                        ? "the log density or its gradient is not finite at the initial point"
                        : "no initial point with a finite log density and gradient in " + MAX_INIT_TRIES
                                + " uniform tries in (-" + options.initRadius() + ", " + options.initRadius() + ")");
                return;
            }
            kernel.eps = options.initialStepSize();
            int warmup = options.warmup();
            if (warmup > 0) {
                kernel.startAdaptation(warmup, options.targetAccept());
            }
            if (!kernel.initStepSize()) {
                fail(NutsStatus.ADAPTATION_FAILED, stepSizeMessage());
                return;
            }
            for (int it = 0; it < warmup; it++) {
                if (stopRequested()) {
                    return;
                }
                kernel.transition();
                warmupDivergences += kernel.divergent ? 1 : 0;
                if (!kernel.adapt()) {
                    fail(NutsStatus.ADAPTATION_FAILED, stepSizeMessage());
                    return;
                }
                progress.onIteration(chain, it, NutsProgress.Phase.WARMUP);
            }
            if (warmup > 0) {
                kernel.finishAdaptation();
            }
            for (int it = 0; it < options.draws(); it++) {
                if (stopRequested()) {
                    return;
                }
                kernel.transition();
                System.arraycopy(kernel.sq, 0, draws, it * dim, dim);
                acceptStat[it] = kernel.acceptStat;
                stepSize[it] = kernel.eps;
                treeDepth[it] = kernel.depth;
                leapfrog[it] = kernel.nLeapfrog;
                divergent[it] = kernel.divergent;
                energy[it] = kernel.sEnergy;
                logDensity[it] = kernel.sLogp;
                completed = it + 1;
                progress.onIteration(chain, it, NutsProgress.Phase.SAMPLING);
            }
        }

        private String stepSizeMessage() {
            return "the step size search left (0, 1e7] (step size " + kernel.eps
                    + "): the posterior may be improper or not continuous";
        }

        private boolean stopRequested() {
            if (cancellation.isCancelled()) {
                if (failure == null) {
                    failure = NutsStatus.CANCELLED;
                    message = "cancelled";
                }
                return true;
            }
            if (abort.get()) {
                if (failure == null) {
                    message = "stopped because another chain failed";
                }
                return true;
            }
            return false;
        }

        private void fail(NutsStatus status, String why) {
            failure = status;
            message = why;
            abort.set(true);
        }

        private boolean initialise() {
            if (init != null) {
                return kernel.setState(init);
            }
            double[] q = new double[dim];
            for (int t = 0; t < MAX_INIT_TRIES; t++) {
                kernel.randomPoint(options.initRadius(), q);
                if (kernel.setState(q)) {
                    return true;
                }
            }
            return false;
        }

        NutsChain toChain() {
            int n = completed;
            double[] d = new double[n * dim];
            System.arraycopy(draws, 0, d, 0, n * dim);
            return new NutsChain(chain, dim, d, Arrays.copyOf(acceptStat, n),
                    Arrays.copyOf(stepSize, n), Arrays.copyOf(treeDepth, n),
                    Arrays.copyOf(leapfrog, n), Arrays.copyOf(divergent, n),
                    Arrays.copyOf(energy, n), Arrays.copyOf(logDensity, n), kernel.eps,
                    kernel.invMetric, warmupDivergences, kernel.gradEvals, message);
        }
    }
}
