package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.Design;
import io.github.mmm4j.models.Estimator;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.SamplerDiagnostics;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Hill;
import io.github.mmm4j.transforms.ParameterSpec;
import io.github.mmm4j.transforms.Saturation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bayesian marketing mix model: the shared {@link ModelSpec} with priors, sampled by {@link Nuts}.
 *
 * <p><b>Model.</b> On the training rows (all but the final {@link BayesOptions#holdout()} periods of every geo):
 * <pre>
 *   y_i  = (kpi_i - mean(kpi)) / sd(kpi)                                   (sd with n - 1)
 *   y_i ~ Normal(mu_i, sigma)   (or Student-t, {@link Likelihood}; on a panel sigma_g per geo, see
 *                                {@link BayesOptions#noisePerGeo()})
 *   mu_i = intercept + geo offsets + tau trend_i + sum_h (a_h sin_hi + b_h cos_hi)
 *          + sum_k gamma_k control_ki + sum_e delta_e event_ei + sum_c effect_c sat_c(adstock_c(spend_c / scale_c))_i
 * </pre>
 * where {@code trend_i} is the {@link Design}'s trend column (years since the first training date) divided by the
 * training span in years, so it runs from 0 to 1 over the training periods; the Fourier columns are the
 * {@code Design}'s (period 365.25 days); controls are standardised over the training rows unless
 * {@link BayesOptions#standardizeControls()} is false; events are 0/1; {@code scale_c} is the channel's mean
 * training spend ({@link Design.Frame}). Adstock (geometric by default; delayed, Weibull CDF/PDF, beta-gamma and
 * infinite geometric supported) and saturation (Hill by default; logistic and Michaelis-Menten supported) are
 * the spec's, with their continuous parameters sampled (Jin, Wang, Sun, Chan and Koehler 2017, "Bayesian Methods
 * for Media Mix Modeling with Carryover and Shape Effects", Google). Priors: {@link BayesPriors}; a channel may use
 * Meridian's ROI parameterisation ({@link ChannelPriors#withRoi}); lift tests add likelihood terms
 * ({@link LiftTest}).
 *
 * <p>With no holdout, controls not standardised and the priors of {@link BayesPriors#defaults()}, this is exactly
 * the project's Stan reference model {@code mmm.stan} (whose data preparation is {@code X = spend / mean},
 * {@code y} standardised, {@code trend = (n-1)/(N-1)}, Fourier at {@code 365.25/7} weeks on {@code n - 1}).
 *
 * <p><b>Sampling.</b> NUTS (Hoffman and Gelman 2014) on the unconstrained parameters of {@link MmmLogDensity},
 * {@link BayesOptions#chains()} chains in parallel, seeds split from {@link BayesOptions#seed()}. Convergence
 * diagnostics (rank-normalised R-hat and bulk/tail ESS, Vehtari, Gelman, Simpson, Carpenter and Bürkner 2021) are in
 * {@link SamplerDiagnostics#parameters()}, with warnings when an R-hat exceeds 1.01 or a transition diverged.
 *
 * <p>Example:
 * <pre>{@code
 * FittedModel m = BayesianMmm.fit(data, ModelSpec.defaults(data), BayesOptions.defaults().withSeed(42));
 * for (ChannelSummary c : m.channels()) {
 *     double roi = c.roi();                              // posterior mean
 *     Interval credible = c.roiInterval().orElseThrow(); // 90% equal-tailed credible interval
 * }
 * boolean converged = m.samplerDiagnostics().orElseThrow().healthy();
 * }</pre>
 */
public final class BayesianMmm implements Estimator {

    private static final Logger LOG = LoggerFactory.getLogger(BayesianMmm.class);

    /** The estimator's name in results and provenance. */
    public static final String NAME = "bayes";

    /** Largest warmup and draws per chain that {@link #remedy} asks for. */
    public static final int MAX_REMEDY_ITERATIONS = 2000;
    /** Largest target acceptance that {@link #remedy} asks for. */
    public static final double MAX_TARGET_ACCEPT = 0.99;

    private final BayesOptions options;

    /**
     * @param options sampler settings, priors, lift tests
     */
    public BayesianMmm(BayesOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return the Bayesian model with {@link BayesOptions#defaults()} */
    public static BayesianMmm defaults() {
        return new BayesianMmm(BayesOptions.defaults());
    }

    /** @return the options */
    public BayesOptions options() {
        return options;
    }

    /**
     * @param newOptions the options
     * @return a copy with those options
     */
    public BayesianMmm withOptions(BayesOptions newOptions) {
        return new BayesianMmm(newOptions);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * {@inheritDoc}
     *
     * <p>See {@link #fit(MmmDataset, ModelSpec, BayesOptions)}.
     */
    @Override
    public FittedModel fit(MmmDataset data, ModelSpec spec) {
        return fit(data, spec, options);
    }

    @Override
    public int holdout() {
        return options.holdout();
    }

    @Override
    public long seed() {
        return options.seed();
    }

    @Override
    public BayesianMmm withHoldout(int periods) {
        return new BayesianMmm(options.withHoldout(periods));
    }

    @Override
    public BayesianMmm withSeed(long seed) {
        return new BayesianMmm(options.withSeed(seed));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The fraction is the share of sampler iterations done over all chains, reported at every whole percent
     * (and at least every 200 iterations), so a long fit on large data shows its pace.
     */
    @Override
    public BayesianMmm withProgress(DoubleConsumer progress) {
        Objects.requireNonNull(progress, "progress");
        long total = (long) options.chains() * (options.warmup() + options.draws());
        long step = Math.max(1, Math.min(200, total / 100));
        AtomicLong done = new AtomicLong();
        return new BayesianMmm(options.withProgress((chain, iteration, phase) -> {
            long d = done.incrementAndGet();
            if (d % step == 0 || d == total) {
                progress.accept((double) d / total);
            }
        }));
    }

    @Override
    public Map<String, String> settings() {
        return options.asMap();
    }

    /** The Bayesian model samples the transform parameters: only the families and windows in the spec matter. */
    @Override
    public boolean learnsTransforms() {
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * <p>With divergences: smaller sampler steps (target acceptance 0.95, then 0.99), which follow the posterior's
     * curvature (Betancourt 2017, "A conceptual introduction to Hamiltonian Monte Carlo"). With R-hat above 1.01 or
     * no diagnostics: twice the warmup and draws per chain, up to {@value #MAX_REMEDY_ITERATIONS} each.
     */
    @Override
    public Optional<Remedy> remedy(FittedModel fit) {
        Optional<SamplerDiagnostics> diag = fit.samplerDiagnostics();
        double ta = options.targetAccept();
        if (diag.isPresent() && diag.get().divergences() > 0 && ta < MAX_TARGET_ACCEPT) {
            double next = ta < 0.95 ? 0.95 : MAX_TARGET_ACCEPT;
            return Optional.of(new Remedy(withOptions(options.withTargetAccept(next)), String.format(Locale.ROOT,
                    "smaller sampler steps: target acceptance %.2f instead of %.2f", next, ta)));
        }
        if (options.draws() < MAX_REMEDY_ITERATIONS
                && (diag.isEmpty() || !(diag.get().maxRhat() <= SamplerDiagnostics.RHAT_THRESHOLD))) {
            int w = Math.min(MAX_REMEDY_ITERATIONS, 2 * options.warmup());
            int d = Math.min(MAX_REMEDY_ITERATIONS, 2 * options.draws());
            return Optional.of(new Remedy(withOptions(options.withWarmup(w).withDraws(d)), String.format(Locale.ROOT,
                    "more draws: warmup %d and draws %d per chain", w, d)));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "BayesianMmm" + options.asMap();
    }

    /**
     * Fits the model by NUTS.
     *
     * @param data the data, with the spec's channels; all but the final {@code options.holdout()} periods train
     * @param spec the model structure; each channel's transform types and structure ({@code maxLag},
     *     {@code normalized}) are used, their parameter values are not (they are sampled)
     * @param options sampler settings, priors, lift tests
     * @return the fitted model; check {@link FittedModel#samplerDiagnostics()}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the spec does not match the data, fewer than 2 training periods remain,
     *     the KPI is constant, a channel uses an unsupported transform (sigmoid or tanh saturation), a prior is on
     *     the wrong support or names an unknown parameter or channel, or a lift test names an unknown channel, lies
     *     outside the data or makes spend negative
     * @throws java.util.concurrent.CancellationException if the fit was cancelled before any draw was kept
     * @throws IllegalStateException if the sampler failed to initialise or adapt (see the message)
     */
    public static FittedModel fit(MmmDataset data, ModelSpec spec, BayesOptions options) {
        return run(data, spec, options).model();
    }

    /** Largest dimension sampled with a dense metric (three d x d arrays per chain: 8.6 MB at 600). */
    public static final int DENSE_METRIC_MAX_DIMENSION = 600;

    /**
     * Whether a fit adapts a dense metric: on panels, whose geo intercepts share one reference geo and whose
     * per-geo effects trade off against their channel's, so the posterior is strongly correlated and a diagonal
     * metric needs trajectories of hundreds of leapfrog steps; up to {@link #DENSE_METRIC_MAX_DIMENSION}. National
     * models keep the diagonal metric of the Stan reference runs.
     *
     * @param data the data
     * @param dimension the posterior's dimension
     * @return true for a dense metric
     */
    static boolean denseMetric(MmmDataset data, int dimension) {
        return data.nGeos() > 1 && dimension <= DENSE_METRIC_MAX_DIMENSION;
    }

    /**
     * A fit together with the sampler's raw result (unconstrained draws, step sizes, gradient counts, wall time), for
     * benchmarks and sampler studies; {@link #fit(MmmDataset, ModelSpec, BayesOptions)} keeps only the model.
     *
     * @param model the fitted model
     * @param sampler the NUTS result on the unconstrained coordinates of {@link MmmLogDensity}
     */
    public record Run(FittedModel model, NutsResult sampler) {
    }

    /**
     * Fits as {@link #fit(MmmDataset, ModelSpec, BayesOptions)} and also returns the sampler's raw result.
     *
     * @param data the data
     * @param spec the model structure
     * @param options sampler settings, priors, lift tests
     * @return the model and the sampler's result
     */
    public static Run run(MmmDataset data, ModelSpec spec, BayesOptions options) {
        Objects.requireNonNull(options, "options");
        // a price without curvature gets it from quick ridge fits, so the column is the power law (PriceCurvature)
        spec = io.github.mmm4j.models.PriceCurvature.calibrate(data, Objects.requireNonNull(spec, "spec"),
                options.holdout());
        long started = System.nanoTime();
        LOG.info("bayes fit: {} rows, {} channels, holdout {}, {} chains x ({} warmup + {} draws), {} lift tests",
                data.nRows(), data.nChannels(), options.holdout(), options.chains(), options.warmup(),
                options.draws(), options.liftTests().size());
        Prepared p = prepare(data, spec, options);
        MmmLogDensity first = new MmmLogDensity(p.structure);
        NutsControl control = NutsControl.defaults().withParallelism(options.parallelism())
                .withProgress(options.progress()).withCancellation(options.cancellation())
                .withParameterNames(first.parameterNames());
        MmmLogDensity[] handed = {first};
        NutsResult result = Nuts.sample(() -> {
            MmmLogDensity d = handed[0] != null ? handed[0] : first.copy();
            handed[0] = null;
            return d;
        }, options.nutsOptions().withDenseMetric(denseMetric(data, first.dimension())), control);
        Run run = new Run(Posterior.model(data, spec, options, p, first.copy(), result), result);
        SamplerDiagnostics d = run.model().samplerDiagnostics().orElseThrow();
        if (d.healthy()) {
            LOG.info("bayes fit done in {} ms: converged (max R-hat {}, min bulk ESS {}, no divergent transition)",
                    (System.nanoTime() - started) / 1_000_000, d.maxRhat(), d.minEssBulk());
        } else {
            LOG.warn("bayes fit done in {} ms: NOT CONVERGED (max R-hat {}, min bulk ESS {}, {} divergent "
                    + "transitions); do not trust its intervals", (System.nanoTime() - started) / 1_000_000,
                    d.maxRhat(), d.minEssBulk(), d.divergences());
        }
        return run;
    }


    /**
     * Returns the model's log posterior on the unconstrained space, for gradient checks, benchmarks or other
     * samplers.
     *
     * @param data the data
     * @param spec the model structure
     * @param options the options (priors, likelihood, holdout, lift tests, control scaling are used)
     * @return a new density with its own workspaces
     * @throws IllegalArgumentException as {@link #fit(MmmDataset, ModelSpec, BayesOptions)}
     */
    public static MmmLogDensity logDensity(MmmDataset data, ModelSpec spec, BayesOptions options) {
        return new MmmLogDensity(prepare(data, spec, options).structure);
    }

    /** The posterior's structure plus what is needed to map draws back to KPI units. */
    static final class Prepared {
        final DensityParts.Structure structure;
        final Design.Frame frame;
        final Design design;
        final int nTrain;
        final double[] baseCenter;
        final double[] baseScale;

        Prepared(DensityParts.Structure structure, Design.Frame frame, Design design, int nTrain,
                double[] baseCenter, double[] baseScale) {
            this.structure = structure;
            this.frame = frame;
            this.design = design;
            this.nTrain = nTrain;
            this.baseCenter = baseCenter;
            this.baseScale = baseScale;
        }
    }

    static Prepared prepare(MmmDataset data, ModelSpec spec, BayesOptions o) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(o, "options");
        spec.checkMatches(data);
        int nt = data.nPeriods();
        int nTrain = nt - o.holdout();
        Checks.checkArgument(nTrain >= 2, "holdout = %d leaves %d training periods of %d; need at least 2",
                o.holdout(), nTrain, nt);
        Design.Frame frame = Design.Frame.of(data.slice(0, nTrain), spec);
        Design design = Design.of(data, spec, frame);
        int nGeo = data.nGeos();
        int n = nGeo * nTrain;
        double[] y = new double[n];
        double meanY = 0;
        for (int g = 0; g < nGeo; g++) {
            for (int t = 0; t < nTrain; t++) {
                y[g * nTrain + t] = data.kpi(g * nt + t);
                meanY += y[g * nTrain + t];
            }
        }
        meanY /= n;
        double ss = 0;
        for (double v : y) {
            ss += (v - meanY) * (v - meanY);
        }
        double sdY = Math.sqrt(ss / (n - 1));
        Checks.checkArgument(sdY > 0, "the KPI '%s' is constant over the %d training rows", data.kpiName(), n);
        for (int i = 0; i < n; i++) {
            y[i] = (y[i] - meanY) / sdY;
        }

        BayesPriors priors = o.priors();
        int pb = design.firstMediaColumn();
        double[] center = new double[pb];
        double[] scale = new double[pb];
        Prior.Normal[] basePriors = new Prior.Normal[pb];
        List<String> comps = design.components();
        for (int j = 0; j < pb; j++) {
            String comp = comps.get(design.componentOf(j));
            scale[j] = 1;
            if (comp.equals("baseline")) {
                basePriors[j] = priors.geo();
            } else if (comp.equals("trend") && design.columnNames().get(j).equals("trend")) {
                basePriors[j] = priors.trend();
                // geo 0's last training period, in years (its trend column carries its level on a panel)
                double span = design.get(nTrain - 1, j) / frame.geoLevel()[0];
                Checks.checkArgument(span > 0, "the training span is %s years; must be > 0", span);
                scale[j] = span;
            } else if (comp.equals("seasonality")) {
                basePriors[j] = priors.seasonality();
            } else if (data.controls().contains(comp)) {
                basePriors[j] = priors.control();
                if (o.standardizeControls()) {
                    double m = 0;
                    for (int g = 0; g < nGeo; g++) {
                        for (int t = 0; t < nTrain; t++) {
                            m += design.get(g * nt + t, j);
                        }
                    }
                    m /= n;
                    double v = 0;
                    for (int g = 0; g < nGeo; g++) {
                        for (int t = 0; t < nTrain; t++) {
                            double d = design.get(g * nt + t, j) - m;
                            v += d * d;
                        }
                    }
                    double sd = Math.sqrt(v / (n - 1));
                    if (sd > 0) {
                        center[j] = m;
                        scale[j] = sd;
                    }
                }
            } else {
                basePriors[j] = priors.event();
            }
        }
        double[] base = new double[n * pb];
        for (int g = 0; g < nGeo; g++) {
            for (int t = 0; t < nTrain; t++) {
                int i = g * nTrain + t;
                for (int j = 0; j < pb; j++) {
                    base[i * pb + j] = (design.get(g * nt + t, j) - center[j]) / scale[j];
                }
            }
        }
        List<String> baseNames = design.columnNames().subList(0, pb);

        int nc = data.nChannels();
        double[] mediaScale = frame.mediaScale();
        double[][] xs = new double[nc][n];
        DensityParts.Channel[] channels = new DensityParts.Channel[nc];
        for (String name : priors.channels().keySet()) {
            Checks.checkArgument(spec.names().contains(name), "priors name channel '%s', which is not in the spec %s",
                    name, spec.names());
        }
        Prior.LogNormal mediaRoi = mediaRoiPrior(priors, data, nTrain, meanY * n);
        for (int c = 0; c < nc; c++) {
            double spendTrain = 0;
            for (int g = 0; g < nGeo; g++) {
                for (int t = 0; t < nTrain; t++) {
                    double sp = data.spend(g * nt + t, c);
                    xs[c][g * nTrain + t] = sp / (mediaScale[c] * frame.geoSize(g));
                    spendTrain += sp;
                }
            }
            ChannelSpec cs = spec.channels().get(c);
            ChannelPriors cp = priors.forChannel(cs.name());
            if (mediaRoi != null && !priors.channels().containsKey(cs.name())) {
                cp = cp.withRoi(mediaRoi);
            }
            DensityParts.Param[] ap = adstockParams(cs.name(), cs.adstock(), cp);
            DensityParts.Param[] sp = saturationParams(cs.name(), cs.saturation(), cp);
            int len = (int) Math.min((long) cs.adstock().maxLag() + 1L, nt);
            channels[c] = new DensityParts.Channel(cs.name(), cs.adstock(), cs.saturation(), ap, sp, len,
                    cp.usesRoi(), cp.usesRoi() ? cp.roi() : cp.effect(), spendTrain, sdY);
            channels[c].nonCentred = !o.centredGeoEffects();
        }
        DensityParts.Lift[] lifts = new DensityParts.Lift[o.liftTests().size()];
        for (int k = 0; k < lifts.length; k++) {
            lifts[k] = lift(k, o.liftTests().get(k), data, channels, frame);
        }
        DensityParts.Structure st = new DensityParts.Structure(nGeo, nTrain, y, meanY, sdY, base, pb,
                priors.intercept(), basePriors, priors.sigma(), baseNames, xs, channels, lifts, o.likelihood(),
                data.geos(), priors.geoEffectScale(), shapeColumns(design, pb), frame.geoSize(), o.noisePerGeo());
        return new Prepared(st, frame, design, nTrain, center, scale);
    }

    /** The trend and seasonality columns among the first {@code pb} design columns. */
    static boolean[] shapeColumns(Design design, int pb) {
        boolean[] shape = new boolean[pb];
        List<String> comps = design.components();
        for (int j = 0; j < pb; j++) {
            String comp = comps.get(design.componentOf(j));
            shape[j] = comp.equals("trend") || comp.equals("seasonality");
        }
        return shape;
    }

    private static DensityParts.Lift lift(int k, LiftTest test, MmmDataset data, DensityParts.Channel[] channels,
            Design.Frame frame) {
        double[] mediaScale = frame.mediaScale();
        String where = "liftTests[" + k + "]";
        int c = data.channels().indexOf(test.channel());
        Checks.checkArgument(c >= 0, "%s: channel '%s' is not in the data %s", where, test.channel(), data.channels());
        int nt = data.nPeriods();
        int[] w;
        double[] changed;
        try {
            w = test.periods(data);
            changed = test.changedSpend(data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        int ts = w[0];
        int te = w[1];
        int len = channels[c].len;
        int t0 = Math.max(0, ts - (len - 1));
        int t1 = Math.min(nt - 1, te + (len - 1));
        int m = t1 - t0 + 1;
        int nGeo = data.nGeos();
        double[] xb = new double[nGeo * m];
        double[] xp = new double[nGeo * m];
        for (int g = 0; g < nGeo; g++) {
            for (int t = t0; t <= t1; t++) {
                double unit = mediaScale[c] * frame.geoSize(g);
                xb[g * m + t - t0] = data.spend(g * nt + t, c) / unit;
                xp[g * m + t - t0] = changed[g * nt + t] / unit;
            }
        }
        return new DensityParts.Lift(c, m, ts - t0, xb, xp, test.lift(), test.standardError());
    }

    private static DensityParts.Param interval(String name, double lo, double hi, Prior prior, String where) {
        Checks.checkArgument(prior instanceof Prior.Beta,
                "%s: parameter '%s' lives on (%s, %s) and needs a Beta prior; got %s", where, name, lo, hi, prior);
        return new DensityParts.Param(name, DensityParts.Kind.INTERVAL, lo, hi, prior, Double.NaN);
    }

    private static DensityParts.Param positive(String name, Prior prior, String where) {
        Checks.checkArgument(prior.support() == Prior.Support.POSITIVE,
                "%s: parameter '%s' is positive and needs a prior on (0, inf) (HalfNormal, LogNormal, Gamma); got %s",
                where, name, prior);
        return new DensityParts.Param(name, DensityParts.Kind.POSITIVE, 0, Double.POSITIVE_INFINITY, prior,
                Double.NaN);
    }

    private static DensityParts.Param fixed(String name, double value) {
        return new DensityParts.Param(name, DensityParts.Kind.FIXED, value, value, null, value);
    }

    private static void checkKeys(Map<String, Prior> given, List<String> allowed, String where, String what) {
        for (String key : given.keySet()) {
            Checks.checkArgument(allowed.contains(key), "%s: no sampled %s parameter '%s'; sampled parameters are %s",
                    where, what, key, allowed);
        }
    }

    static DensityParts.Param[] adstockParams(String channel, Adstock a, ChannelPriors cp) {
        String where = "channel '" + channel + "' (" + a.name() + " adstock)";
        DensityParts.Param[] out = params(a.parameterSpecs(), cp.adstock(), where, "adstock");
        checkKeys(cp.adstock(), sampledNames(out), where, "adstock");
        return out;
    }

    static DensityParts.Param[] saturationParams(String channel, Saturation s, ChannelPriors cp) {
        String where = "channel '" + channel + "' (" + s.name() + " saturation)";
        DensityParts.Param[] out = params(s.parameterSpecs(), cp.saturation(), where, "saturation");
        checkKeys(cp.saturation(), sampledNames(out), where, "saturation");
        return out;
    }

    /**
     * The sampled parameters of a transform from what its type says about them ({@link ParameterSpec}): a fixed
     * parameter stays at its value; an interval is sampled through a logistic map, a positive parameter through a log
     * map, each with the user's prior or else the family's default prior.
     */
    private static DensityParts.Param[] params(List<ParameterSpec> specs, Map<String, Prior> given, String where,
            String what) {
        DensityParts.Param[] out = new DensityParts.Param[specs.size()];
        for (int i = 0; i < out.length; i++) {
            ParameterSpec p = specs.get(i);
            if (p.support() instanceof ParameterSpec.Support.Fixed f) {
                out[i] = fixed(p.name(), f.value());
                continue;
            }
            Prior prior = given.get(p.name());
            if (prior == null) {
                if (p.prior() == null) {
                    throw new IllegalArgumentException(where + ": unsupported by the Bayesian model (the " + what
                            + " family has no default prior); use hill, logistic or michaelis-menten saturation, or "
                            + "give a prior for '" + p.name() + "'");
                }
                prior = prior(p.prior());
            }
            if (p.support() instanceof ParameterSpec.Support.Interval iv) {
                out[i] = interval(p.name(), iv.lower(), iv.upper(), prior, where);
            } else {
                out[i] = positive(p.name(), prior, where);
            }
        }
        return out;
    }

    /**
     * The common ROI prior of the channels without an override from {@link BayesPriors#mediaContribution()}, or null
     * when there is none or the training KPI does not sum to a positive amount (a KPI such as profit can; then those
     * channels keep {@link BayesPriors#channelDefaults()}).
     */
    static Prior.LogNormal mediaRoiPrior(BayesPriors priors, MmmDataset data, int nTrain, double kpiSum) {
        if (priors.mediaContribution() == null || !(kpiSum > 0)) {
            return null;
        }
        int nc = data.nChannels();
        int nt = data.nPeriods();
        double[] cost = new double[nc];
        double total = 0;
        for (int c = 0; c < nc; c++) {
            for (int g = 0; g < data.nGeos(); g++) {
                for (int t = 0; t < nTrain; t++) {
                    cost[c] += data.spend(g * nt + t, c);
                }
            }
            total += cost[c];
        }
        return total > 0 ? priors.mediaContribution().roiPrior(kpiSum, cost) : null;
    }

    /**
     * The prior on a channel's ROI that a fit with these priors used on a model's training data: the channel's own
     * ROI prior when the priors set one, else the common ROI prior of {@link BayesPriors#mediaContribution()} for the
     * training rows (see {@link #mediaRoiPrior}), else empty (the channel's prior is on its effect, not its ROI).
     *
     * @param priors the priors of the fit
     * @param model the fitted model (its data and holdout give the training rows)
     * @param channel a channel of the model
     * @return the ROI prior, or empty
     */
    public static java.util.Optional<Prior> roiPrior(BayesPriors priors, io.github.mmm4j.models.FittedModel model,
            String channel) {
        Objects.requireNonNull(priors, "priors");
        MmmDataset data = model.data();
        data.channelIndex(channel);
        if (priors.channels().containsKey(channel)) {
            return java.util.Optional.ofNullable(priors.forChannel(channel).roi());
        }
        int nt = data.nPeriods();
        int nTrain = nt - model.holdout();
        double kpiSum = 0;
        for (int g = 0; g < data.nGeos(); g++) {
            for (int t = 0; t < nTrain; t++) {
                kpiSum += data.kpi(g * nt + t);
            }
        }
        Prior common = mediaRoiPrior(priors, data, nTrain, kpiSum);
        return java.util.Optional.ofNullable(common != null ? common : priors.forChannel(channel).roi());
    }

    private static Prior prior(ParameterSpec.DefaultPrior p) {
        if (p instanceof ParameterSpec.DefaultPrior.Beta b) {
            return new Prior.Beta(b.a(), b.b());
        }
        if (p instanceof ParameterSpec.DefaultPrior.LogNormal l) {
            return new Prior.LogNormal(l.mu(), l.sigma());
        }
        ParameterSpec.DefaultPrior.Gamma g = (ParameterSpec.DefaultPrior.Gamma) p;
        return new Prior.Gamma(g.shape(), g.rate());
    }

    private static List<String> sampledNames(DensityParts.Param[] ps) {
        List<String> names = new ArrayList<>();
        for (DensityParts.Param p : ps) {
            if (p.kind != DensityParts.Kind.FIXED) {
                names.add(p.name);
            }
        }
        return names;
    }
}
