package io.github.mmm4j.models;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.models.linear.Sign;
import io.github.mmm4j.models.search.ParameterRange;
import io.github.mmm4j.models.search.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The estimation steps shared by {@link Ridge} and {@link NonNegativeLeastSquares}: tuning (see
 * {@link TransformTuner}), the full-data fit and the (re-tuned) moving-block bootstrap; described in {@link Ridge}.
 */
final class LinearEstimation {

    private static final Logger LOG = LoggerFactory.getLogger(LinearEstimation.class);

    private LinearEstimation() {
    }

    /**
     * The training rows of a design, geo-major ({@code i = g * nTrain + t}). {@code x} holds the design's columns
     * after its {@link Design#geoOffsetColumns() geo offsets} ({@link #width()} of them), which are not materialised:
     * a panel's geo levels are fixed effects solved by {@link Ridge#solveWithin}. {@code p} counts every design
     * column, the offsets included, and solutions have the full design layout {@code {intercept, coef_0, ...,
     * coef_(p-1)}}.
     */
    record Training(Design design, Design.Frame frame, double[] x, double[] y, int n, int p, int nTrain, int nGeos,
            Sign[] signs) {

        /** @return the number of geo offset columns, not stored in {@link #x()} */
        int offsets() {
            return design.geoOffsetColumns();
        }

        /** @return the number of columns stored in {@link #x()} */
        int width() {
            return p - offsets();
        }

        /** The training sub-problem of periods {@code [from, to)} in every geo. */
        Training periods(int from, int to) {
            int m = to - from;
            int w = width();
            double[] xs = new double[m * nGeos * w];
            double[] ys = new double[m * nGeos];
            for (int g = 0; g < nGeos; g++) {
                System.arraycopy(x, (g * nTrain + from) * w, xs, g * m * w, m * w);
                System.arraycopy(y, g * nTrain + from, ys, g * m, m);
            }
            return new Training(design, frame, xs, ys, m * nGeos, p, m, nGeos, signs);
        }

        /** The training sub-problem of every period but {@code [from, to)}, in every geo. */
        Training without(int from, int to) {
            int m = nTrain - (to - from);
            int w = width();
            double[] xs = new double[m * nGeos * w];
            double[] ys = new double[m * nGeos];
            for (int g = 0; g < nGeos; g++) {
                int src = g * nTrain;
                int dst = g * m;
                System.arraycopy(x, src * w, xs, dst * w, from * w);
                System.arraycopy(y, src, ys, dst, from);
                System.arraycopy(x, (src + to) * w, xs, (dst + from) * w, (nTrain - to) * w);
                System.arraycopy(y, src + to, ys, dst + from, nTrain - to);
            }
            return new Training(design, frame, xs, ys, m * nGeos, p, m, nGeos, signs);
        }

        double[] solve(double[] response, double lambda) {
            int nd = offsets();
            if (nd == 0) {
                return Ridge.solve(x, n, p, response, lambda, signs);
            }
            double[] s = Ridge.solveWithin(x, n, width(), response, lambda,
                    Arrays.copyOfRange(signs, nd, p), nGeos);
            double[] out = new double[1 + p];
            System.arraycopy(s, 0, out, 0, s.length);
            return out;
        }

        double[] fitted(double[] sol) {
            int nd = offsets();
            int w = width();
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                int g = i / nTrain;
                double s = sol[0] + (g > 0 ? sol[g] : 0.0);
                for (int j = 0; j < w; j++) {
                    s += sol[1 + nd + j] * x[i * w + j];
                }
                f[i] = s;
            }
            return f;
        }
    }

    static FittedModel fit(String estimator, MmmDataset data, ModelSpec spec, RidgeOptions options) {
        return fit(estimator, data, spec, options, f -> { });
    }

    /**
     * The fit, reporting progress: the share of the work's candidate evaluations done (the full-data tuning's, then
     * each bootstrap replicate's as it completes), from any thread.
     */
    static FittedModel fit(String estimator, MmmDataset data, ModelSpec spec, RidgeOptions options,
            java.util.function.DoubleConsumer progress) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(options, "options");
        long started = System.nanoTime();
        LOG.info("{} fit: {} rows, {} channels, holdout {}, transforms {}, {} bootstrap replicates", estimator,
                data.nRows(), data.nChannels(), options.holdout(), options.tunesTransforms() ? "tuned" : "fixed",
                options.bootstrap());
        boolean nnls = estimator.equals(NonNegativeLeastSquares.NAME);
        // a price without curvature gets it from ridge fits tuned as this one (PriceCurvature)
        spec = PriceCurvature.calibrate(data, spec, nnls ? RidgeOptions.defaults().withHoldout(options.holdout())
                : options);
        Training t = prepare(data, spec, options, nnls);
        Map<String, String> prov = new java.util.LinkedHashMap<>(options.asMap());
        double lambda;
        ModelSpec chosen = spec;
        Tuned tuned = null;
        if (options.tunesTransforms()) {
            tuned = tune(data, t, spec, options, nnls);
            progress.accept(work(options, 0));
            chosen = tuned.tuner.specAt(tuned.unit);
            lambda = tuned.tuner.lambdaAt(tuned.unit);
            t = prepare(data, chosen, options, nnls);
            prov.put("tuning_criterion", "blocked cross-validation squared error, " + options.cvFolds() + " folds");
            prov.put("tuning_space", tuned.tuner.space().toString());
        } else {
            lambda = options.lambda().isPresent() ? options.lambda().getAsDouble()
                    : nnls ? 0 : crossValidate(t, RidgeOptions.LAMBDA_GRID, options.cvFolds());
        }
        double[] sol = t.solve(t.y(), lambda);
        double[] coef = new double[t.p()];
        System.arraycopy(sol, 1, coef, 0, t.p());
        prov.put("lambda_used", Double.toString(lambda));
        double[] point = FittedModel.row(chosen, sol[0], coef);
        double[] rows = null;
        if (options.bootstrap() > 0) {
            if (t.nGeos() >= WILD_CLUSTER_MIN_GEOS) {
                prov.put("bootstrap_method", "wild cluster bootstrap (each geo's residual series times a random sign)");
            } else {
                prov.put("block_length_used", Integer.toString(blockLength(options, t.nTrain())));
            }
            rows = bootstrap(t, chosen, sol, lambda, tuned, options, progress);
        }
        FittedModel model = FittedModel.of(estimator, spec, data, options.holdout(), t.frame(), point, rows,
                options.level(), Provenance.of(estimator, options.seed(), prov), null);
        if (tuned != null) {
            LOG.info("{} fit: chosen transforms {}, lambda {}", estimator, chosen.channels(), lambda);
            for (String edge : tuned.tuner.atBounds(tuned.unit)) {
                LOG.warn("{} fit: {} sits at the edge of its search range; the data may want a value beyond it",
                        estimator, edge);
            }
        }
        LOG.info("{} fit done in {} ms", estimator, (System.nanoTime() - started) / 1_000_000);
        return model;
    }


    /** The tuner of a fit and its full-data choice on the unit box. */
    record Tuned(TransformTuner tuner, double[] unit) {
    }

    /** The penalty range of a tuned ridge fit (on standardised columns). */
    static final ParameterRange TUNED_LAMBDA = ParameterRange.log(1e-4, 1);

    /** The seed of the full-data tuning's CMA-ES generator: a stream apart from the bootstrap's splits. */
    static long tuningSeed(long seed) {
        return new Rng(~seed).nextLong();
    }

    /**
     * Tunes the transform parameters (and ridge's penalty unless it is fixed; NNLS's is 0) by blocked cross-validation error,
     * starting from the spec's values and lambda 0.01.
     */
    static Tuned tune(MmmDataset data, Training t, ModelSpec spec, RidgeOptions options, boolean nnls) {
        SearchSpace space;
        try {
            space = SearchSpace.defaults(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage()
                    + "; or keep the spec's transform parameters with RidgeOptions.withFixedTransforms(true)", e);
        }
        double start = 0.01;
        // A penalty near the top of the search's range shrinks every effect toward zero; the penalty of a tuned fit
        // stays within the range cross-validation chooses from in practice.
        space = space.withLambda(TUNED_LAMBDA);
        if (options.lambda().isPresent()) {
            start = options.lambda().getAsDouble();
            space = space.withLambda(ParameterRange.fixed(start));
        } else if (nnls) {
            start = 0;
            space = space.withLambda(ParameterRange.fixed(0));
        }
        TransformTuner tuner = new TransformTuner(data, t, spec, space, options.cvFolds());
        TransformTuner.Workspace w = tuner.newWorkspace();
        w.response(t.y());
        double[] unit = tuner.tune(tuner.unitOf(spec, start), options.tuning().pointEvaluations(),
                tuningSeed(options.seed()), w);
        return new Tuned(tuner, unit);
    }

    static Training prepare(MmmDataset data, ModelSpec spec, RidgeOptions options, boolean nonNegativeMedia) {
        spec.checkMatches(data);
        int nt = data.nPeriods();
        int nTrain = nt - options.holdout();
        Checks.checkArgument(nTrain >= 2, "holdout = %d leaves %d training periods of %d", options.holdout(), nTrain,
                nt);
        for (String c : options.controlSigns().keySet()) {
            Checks.checkArgument(data.controls().contains(c), "control sign given for '%s', which is not a control %s",
                    c, data.controls());
        }
        Design.Frame frame = Design.Frame.of(data.slice(0, nTrain), spec);
        Design design = Design.of(data, spec, frame);
        int p = design.cols();
        int n = nTrain * data.nGeos();
        Ridge.checkSampleSize(n, p, design);
        int nd = design.geoOffsetColumns();
        int w = p - nd;
        double[] x = new double[n * w];
        double[] y = new double[n];
        int i = 0;
        for (int g = 0; g < data.nGeos(); g++) {
            for (int t = 0; t < nTrain; t++) {
                int r = g * nt + t;
                y[i] = data.kpi(r);
                for (int j = 0; j < w; j++) {
                    x[i * w + j] = design.get(r, nd + j);
                }
                i++;
            }
        }
        Sign[] signs = new Sign[p];
        for (int j = 0; j < p; j++) {
            String name = design.columnNames().get(j);
            boolean media = j >= design.firstMediaColumn();
            signs[j] = media ? (nonNegativeMedia || options.nonNegativeMedia() ? Sign.NON_NEGATIVE : Sign.FREE)
                    : options.controlSigns().getOrDefault(name, Sign.FREE);
        }
        return new Training(design, frame, x, y, n, p, nTrain, data.nGeos(), signs);
    }

    /**
     * Blocked K-fold cross-validation (the folds of {@code TransformTuner}): returns the grid value with the smallest
     * summed squared validation error, or 0.01 when no fold has enough training rows for the model's parameters.
     */
    static double crossValidate(Training t, double[] grid, int folds) {
        int n = t.nTrain();
        double[] sse = new double[grid.length];
        int used = 0;
        for (int k = 0; k < folds; k++) {
            int from = (int) ((long) k * n / folds);
            int to = (int) ((long) (k + 1) * n / folds);
            if ((n - (to - from)) * t.nGeos() < t.p() + 2 || to == from) {
                continue;
            }
            Training train = t.without(from, to);
            Training valid = t.periods(from, to);
            for (int i = 0; i < grid.length; i++) {
                double[] sol = train.solve(train.y(), grid[i]);
                double[] f = valid.fitted(sol);
                for (int r = 0; r < valid.n(); r++) {
                    double e = valid.y()[r] - f[r];
                    sse[i] += e * e;
                }
            }
            used++;
        }
        if (used == 0) {
            return 0.01;
        }
        int best = 0;
        for (int i = 1; i < grid.length; i++) {
            if (sse[i] < sse[best]) {
                best = i;
            }
        }
        return grid[best];
    }

    /**
     * The share of a fit's candidate evaluations done once the tuning and {@code replicates} bootstrap replicates
     * have finished: the tuning counts its point evaluations (none with fixed transforms), each replicate its
     * replicate evaluations (1 with fixed transforms).
     */
    static double work(RidgeOptions o, int replicates) {
        double point = o.tunesTransforms() ? o.tuning().pointEvaluations() : 0;
        double rep = o.tunesTransforms() ? o.tuning().replicateEvaluations() : 1;
        double total = point + o.bootstrap() * rep;
        return total == 0 ? 1 : (point + replicates * rep) / total;
    }

    static int blockLength(RidgeOptions o, int nTrain) {
        int b = o.blockLength() > 0 ? o.blockLength() : (int) Math.max(2, Math.round(Math.cbrt(nTrain)));
        return Math.min(b, nTrain);
    }

    /**
     * Moving-block residual bootstrap (Künsch 1989) around the point fit's fitted values; with tuning, each replicate
     * re-chooses the transform parameters and penalty from the full-data choice before refitting. Returns the draw
     * rows ({@link FittedModel#row} layout), row-major.
     */
    static double[] bootstrap(Training t, ModelSpec chosen, double[] sol, double lambda, Tuned tuned,
            RidgeOptions o, java.util.function.DoubleConsumer progress) {
        java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
        int reps = o.bootstrap();
        double[] fitted = t.fitted(sol);
        double[] resid = new double[t.n()];
        // Residuals of a fit with df parameters are smaller than the errors by about sqrt((n - df) / n); the
        // replicates get them scaled back up (Davison and Hinkley 1997, "Bootstrap Methods and their Application",
        // section 6.2.3, modified residuals, with one overall factor). df counts the coefficients, the intercept and
        // the tuned transform parameters and penalty, at most half the rows.
        int df = 1 + t.p() + (tuned == null ? 0 : tuned.tuner().dimension());
        double inflate = Math.sqrt((double) t.n() / (t.n() - Math.min(df, t.n() / 2)));
        for (int i = 0; i < t.n(); i++) {
            resid[i] = inflate * (t.y()[i] - fitted[i]);
        }
        int block = blockLength(o, t.nTrain());
        Rng master = new Rng(o.seed());
        Rng[] rngs = new Rng[reps];
        for (int b = 0; b < reps; b++) {
            rngs[b] = master.split();
        }
        double[][] rows = new double[reps][];
        int threads = o.parallelism() > 0 ? o.parallelism() : Runtime.getRuntime().availableProcessors();
        threads = Math.max(1, Math.min(threads, reps));
        java.util.function.IntConsumer task = b -> {
            double[] y = resample(t, fitted, resid, block, rngs[b]);
            if (tuned == null) {
                double[] s = t.solve(y, lambda);
                rows[b] = FittedModel.row(chosen, s[0], Arrays.copyOfRange(s, 1, s.length));
            } else {
                TransformTuner tuner = tuned.tuner();
                TransformTuner.Workspace w = tuner.newWorkspace();
                w.response(y);
                double[] u = tuner.compass(tuned.unit(), Double.NaN, o.tuning().replicateEvaluations(),
                        REPLICATE_STEP, w);
                tuner.prepare(u, w);
                double[] s = tuner.fullSolution(w);
                rows[b] = FittedModel.row(tuner.specAt(u), s[0], Arrays.copyOfRange(s, 1, s.length));
            }
            progress.accept(work(o, finished.incrementAndGet()));
        };
        if (threads == 1) {
            for (int b = 0; b < reps; b++) {
                task.accept(b);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread th = new Thread(r, "mmm4j-bootstrap");
                th.setDaemon(true);
                return th;
            });
            try {
                List<Future<?>> futures = new ArrayList<>(reps);
                for (int b = 0; b < reps; b++) {
                    int bb = b;
                    futures.add(pool.submit(() -> task.accept(bb)));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("bootstrap interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(c);
            } finally {
                pool.shutdownNow();
            }
        }
        int width = rows[0].length;
        double[] out = new double[reps * width];
        for (int b = 0; b < reps; b++) {
            System.arraycopy(rows[b], 0, out, b * width, width);
        }
        return out;
    }

    /** Initial compass step of a replicate's re-tuning, on the unit box. */
    static final double REPLICATE_STEP = 0.1;

    /**
     * The fewest geos from which a panel's bootstrap is the wild cluster bootstrap (Cameron, Gelbach and Miller 2008,
     * "Bootstrap-based improvements for inference with clustered errors", Review of Economics and Statistics 90(3)):
     * each replicate adds to the fitted values every geo's residual series, whole and in time order, times a
     * Rademacher weight (+1 or -1) drawn per geo. A pooled model's residuals carry each geo's own deviation from the
     * pooled effects, correlated with that geo's media; resampling blocks within a geo breaks that correlation and
     * leaves the intervals far too narrow when effects differ by geo. Measured on the {@code geo} preset (20 geos,
     * per-geo effects; seeds 1 to 8, ridge): 90% ROI intervals covered tv, search and display 23 times of 24
     * against 17 with blocks (social, biased by +54% there, is covered by neither). With fewer geos the weights
     * take too few distinct values (2^geos), and the moving-block bootstrap within each geo is kept.
     */
    static final int WILD_CLUSTER_MIN_GEOS = 10;

    /**
     * One bootstrap response: on a panel of at least {@link #WILD_CLUSTER_MIN_GEOS} geos the wild cluster bootstrap,
     * else a moving-block resample of the residuals within each geo, added to the fitted values.
     */
    private static double[] resample(Training t, double[] fitted, double[] resid, int block, Rng rng) {
        int nt = t.nTrain();
        double[] y = new double[t.n()];
        if (t.nGeos() >= WILD_CLUSTER_MIN_GEOS) {
            // each geo's whole residual series, kept in time order, times a Rademacher weight (see the constant)
            for (int g = 0; g < t.nGeos(); g++) {
                double w = rng.nextDouble() < 0.5 ? -1.0 : 1.0;
                for (int i = g * nt; i < (g + 1) * nt; i++) {
                    y[i] = fitted[i] + w * resid[i];
                }
            }
            return y;
        }
        for (int g = 0; g < t.nGeos(); g++) {
            int base = g * nt;
            int filled = 0;
            while (filled < nt) {
                int start = rng.nextInt(nt - block + 1);
                for (int l = 0; l < block && filled < nt; l++, filled++) {
                    y[base + filled] = fitted[base + filled] + resid[base + start + l];
                }
            }
        }
        return y;
    }
}
