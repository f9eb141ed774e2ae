package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@link BayesianMmm#fit}, validated on construction. Start from {@link #defaults()} and change
 * settings with the {@code with...} methods, each of which returns a new instance.
 *
 * <p>The draws depend on everything here except {@link #parallelism()}, {@link #progress()} and
 * {@link #cancellation()}: a fit with the same data, spec and options gives bit-identical draws for any number of
 * threads.
 *
 * @param chains number of NUTS chains, {@code >= 1} (default 4)
 * @param warmup warmup iterations per chain, {@code >= 0} (default 1000)
 * @param draws kept draws per chain, {@code >= 1} (default 1000)
 * @param seed the seed of all randomness (chains' generators are split from it; default 0)
 * @param holdout number of final periods held out of estimation, {@code >= 0} (default 0)
 * @param likelihood the observation model (default {@link Likelihood#normal()})
 * @param priors the priors (default {@link BayesPriors#defaults()})
 * @param liftTests lift-test results to calibrate against (default none); copied
 * @param level the nominal coverage of credible intervals, in {@code (0, 1)} (default 0.9)
 * @param parallelism threads running chains; 0 for {@code min(chains, availableProcessors)} (default 0)
 * @param standardizeControls whether control columns are centred and divided by their standard deviation over
 *     the training rows before they enter the model (default true, so that the control prior is in sd(KPI) per
 *     sd(control)); false enters them as given (the Stan reference model's choice)
 * @param targetAccept NUTS step size adaptation target, in {@code (0, 1)} (default 0.9, above Stan's 0.8: Hill
 *     saturation with slope below 1 is steep near zero exposure, and the smaller step size buys fewer divergent
 *     transitions on posteriors harder than the reference problem; there 0.8 and 0.9 both give none, 0.8 with about
 *     30% more effective draws per second)
 * @param maxTreeDepth NUTS maximum tree depth, {@code [1, 30]} (default 10)
 * @param centredGeoEffects on a panel with per-geo effects, whether each channel's log cell effects are themselves the
 *     sampler's coordinates (the centred form) instead of their standardised deviations
 *     {@code z_cg = (u_cg - v_cb) / tau_c} (the non-centred form, default false; see {@link MmmLogDensity}); both
 *     give the same posterior and differ only in how fast the sampler explores it
 * @param noisePerGeo on a panel, whether each geo (cell) has its own noise sd {@code sigma_g}, each with the noise
 *     prior (default true), instead of one {@code sigma} for all: geos differ in size and so in the noise of their
 *     KPI, and one sd for all makes the largest geos' intervals too narrow and the smallest ones' too wide
 * @param progress per-iteration progress listener (default {@link NutsProgress#NONE})
 * @param cancellation token to cancel the fit from another thread (default a fresh token)
 */
public record BayesOptions(int chains, int warmup, int draws, long seed, int holdout, Likelihood likelihood,
        BayesPriors priors, List<LiftTest> liftTests, double level, int parallelism, boolean standardizeControls,
        double targetAccept, int maxTreeDepth, boolean centredGeoEffects, boolean noisePerGeo, NutsProgress progress,
        CancellationToken cancellation) {

    /*
     * Validates and copies.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     * @throws NullPointerException if a reference component is null
     */
    public BayesOptions {
        Checks.checkPositive("chains", chains);
        Checks.checkNonNegative("warmup", warmup);
        Checks.checkPositive("draws", draws);
        Checks.checkNonNegative("holdout", holdout);
        Objects.requireNonNull(likelihood, "likelihood");
        Objects.requireNonNull(priors, "priors");
        liftTests = List.copyOf(liftTests);
        Checks.checkArgument(level > 0 && level < 1, "level = %s; must be in (0, 1)", level);
        Checks.checkNonNegative("parallelism", parallelism);
        Checks.checkArgument(targetAccept > 0 && targetAccept < 1, "targetAccept = %s; must be in (0, 1)",
                targetAccept);
        Checks.checkArgument(maxTreeDepth >= 1 && maxTreeDepth <= 30, "maxTreeDepth = %d; must be in [1, 30]",
                maxTreeDepth);
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancellation, "cancellation");
    }

    /**
     * Returns the defaults listed in the class comment.
     *
     * @return the default options
     */
    public static BayesOptions defaults() {
        return new BayesOptions(4, 1000, 1000, 0L, 0, Likelihood.normal(), BayesPriors.defaults(), List.of(), 0.9,
                0, true, 0.9, 10, false, true, NutsProgress.NONE, new CancellationToken());
    }

    /**
     * Returns a copy with another number of chains.
     *
     * @param value {@code >= 1}
     * @return the new options
     */
    public BayesOptions withChains(int value) {
        return new BayesOptions(value, warmup, draws, seed, holdout, likelihood, priors, liftTests, level,
                parallelism, standardizeControls, targetAccept, maxTreeDepth, centredGeoEffects, noisePerGeo, progress,
                cancellation);
    }

    /**
     * Returns a copy with another number of warmup iterations per chain.
     *
     * @param value {@code >= 0}
     * @return the new options
     */
    public BayesOptions withWarmup(int value) {
        return new BayesOptions(chains, value, draws, seed, holdout, likelihood, priors, liftTests, level,
                parallelism, standardizeControls, targetAccept, maxTreeDepth, centredGeoEffects, noisePerGeo, progress,
                cancellation);
    }

    /**
     * Returns a copy with another number of kept draws per chain.
     *
     * @param value {@code >= 1}
     * @return the new options
     */
    public BayesOptions withDraws(int value) {
        return new BayesOptions(chains, warmup, value, seed, holdout, likelihood, priors, liftTests, level,
                parallelism, standardizeControls, targetAccept, maxTreeDepth, centredGeoEffects, noisePerGeo, progress,
                cancellation);
    }

    /**
     * Returns a copy with another seed.
     *
     * @param value any value
     * @return the new options
     */
    public BayesOptions withSeed(long value) {
        return new BayesOptions(chains, warmup, draws, value, holdout, likelihood, priors, liftTests, level,
                parallelism, standardizeControls, targetAccept, maxTreeDepth, centredGeoEffects, noisePerGeo, progress,
                cancellation);
    }

    /**
     * Returns a copy with another holdout.
     *
     * @param value final periods held out, {@code >= 0}
     * @return the new options
     */
    public BayesOptions withHoldout(int value) {
        return new BayesOptions(chains, warmup, draws, seed, value, likelihood, priors, liftTests, level,
                parallelism, standardizeControls, targetAccept, maxTreeDepth, centredGeoEffects, noisePerGeo, progress,
                cancellation);
    }

    /**
     * Returns a copy with another likelihood.
     *
     * @param value the likelihood
     * @return the new options
     */
    public BayesOptions withLikelihood(Likelihood value) {
        return new BayesOptions(chains, warmup, draws, seed, holdout, value, priors, liftTests, level,
                parallelism, standardizeControls, targetAccept, maxTreeDepth, centredGeoEffects, noisePerGeo, progress,
                cancellation);
    }

    /**
     * Returns a copy with other priors.
     *
     * @param value the priors
     * @return the new options
     */
    public BayesOptions withPriors(BayesPriors value) {
        return new BayesOptions(chains, warmup, draws, seed, holdout, likelihood, value, liftTests, level,
                parallelism, standardizeControls, targetAccept, maxTreeDepth, centredGeoEffects, noisePerGeo, progress,
                cancellation);
    }

    /**
     * Returns a copy with other lift tests.
     *
     * @param value the tests, for example from {@link LiftTest#readCsv(java.nio.file.Path)}
     * @return the new options
     */
    public BayesOptions withLiftTests(List<LiftTest> value) {
        return new BayesOptions(chains, warmup, draws, seed, holdout, likelihood, priors, value, level,
                parallelism, standardizeControls, targetAccept, maxTreeDepth, centredGeoEffects, noisePerGeo, progress,
                cancellation);
    }

    /**
     * Returns a copy with another interval level.
     *
     * @param value in {@code (0, 1)}
     * @return the new options
     */
    public BayesOptions withLevel(double value) {
        return new BayesOptions(chains, warmup, draws, seed, holdout, likelihood, priors, liftTests, value,
                parallelism, standardizeControls, targetAccept, maxTreeDepth, centredGeoEffects, noisePerGeo, progress,
                cancellation);
    }

    /**
     * Returns a copy with another parallelism.
     *
     * @param value {@code >= 0}; 0 for automatic
     * @return the new options
     */
    public BayesOptions withParallelism(int value) {
        return new BayesOptions(chains, warmup, draws, seed, holdout, likelihood, priors, liftTests, level,
                value, standardizeControls, targetAccept, maxTreeDepth, centredGeoEffects, noisePerGeo, progress,
                cancellation);
    }

    /**
     * Returns a copy with or without control standardisation.
     *
     * @param value whether to standardise controls
     * @return the new options
     */
    public BayesOptions withStandardizeControls(boolean value) {
        return new BayesOptions(chains, warmup, draws, seed, holdout, likelihood, priors, liftTests, level,
                parallelism, value, targetAccept, maxTreeDepth, centredGeoEffects, noisePerGeo, progress,
                cancellation);
    }

    /**
     * Returns a copy with another NUTS target acceptance statistic.
     *
     * @param value in {@code (0, 1)}
     * @return the new options
     */
    public BayesOptions withTargetAccept(double value) {
        return new BayesOptions(chains, warmup, draws, seed, holdout, likelihood, priors, liftTests, level,
                parallelism, standardizeControls, value, maxTreeDepth, centredGeoEffects, noisePerGeo, progress,
                cancellation);
    }

    /**
     * Returns a copy with another maximum tree depth.
     *
     * @param value in {@code [1, 30]}
     * @return the new options
     */
    public BayesOptions withMaxTreeDepth(int value) {
        return new BayesOptions(chains, warmup, draws, seed, holdout, likelihood, priors, liftTests, level,
                parallelism, standardizeControls, targetAccept, value, centredGeoEffects, noisePerGeo, progress,
                cancellation);
    }

    /**
     * Returns a copy with the centred or the non-centred form of the per-geo effects.
     *
     * @param value true for the centred form, false for the non-centred one (the default)
     * @return the new options
     */
    public BayesOptions withCentredGeoEffects(boolean value) {
        return new BayesOptions(chains, warmup, draws, seed, holdout, likelihood, priors, liftTests, level,
                parallelism, standardizeControls, targetAccept, maxTreeDepth, value, noisePerGeo, progress,
                cancellation);
    }

    /**
     * Returns a copy with one noise sd per geo, or one for all geos.
     *
     * @param value true for one noise sd per geo on a panel (the default), false for one shared sd
     * @return the new options
     */
    public BayesOptions withNoisePerGeo(boolean value) {
        return new BayesOptions(chains, warmup, draws, seed, holdout, likelihood, priors, liftTests, level,
                parallelism, standardizeControls, targetAccept, maxTreeDepth, centredGeoEffects, value, progress,
                cancellation);
    }

    /**
     * Returns a copy with a progress listener.
     *
     * @param value the listener
     * @return the new options
     */
    public BayesOptions withProgress(NutsProgress value) {
        return new BayesOptions(chains, warmup, draws, seed, holdout, likelihood, priors, liftTests, level,
                parallelism, standardizeControls, targetAccept, maxTreeDepth, centredGeoEffects, noisePerGeo, value,
                cancellation);
    }

    /**
     * Returns a copy with a cancellation token.
     *
     * @param value the token
     * @return the new options
     */
    public BayesOptions withCancellation(CancellationToken value) {
        return new BayesOptions(chains, warmup, draws, seed, holdout, likelihood, priors, liftTests, level,
                parallelism, standardizeControls, targetAccept, maxTreeDepth, centredGeoEffects, noisePerGeo,
                progress, value);
    }

    /**
     * Returns the sampler settings these options imply.
     *
     * @return NUTS options with this chains, warmup, draws, seed, target and tree depth
     */
    public NutsOptions nutsOptions() {
        return NutsOptions.defaults().withChains(chains).withWarmup(warmup).withDraws(draws).withSeed(seed)
                .withTargetAccept(targetAccept).withMaxTreeDepth(maxTreeDepth);
    }

    /**
     * Returns the settings that determine the draws, as strings, for {@link io.github.mmm4j.models.Provenance}.
     *
     * @return an ordered map
     */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("chains", Integer.toString(chains));
        m.put("warmup", Integer.toString(warmup));
        m.put("draws", Integer.toString(draws));
        m.put("seed", Long.toString(seed));
        m.put("holdout", Integer.toString(holdout));
        m.put("likelihood", likelihood.toString());
        m.put("priors", priors.toString());
        m.put("liftTests", liftTests.toString());
        m.put("level", Double.toString(level));
        m.put("standardizeControls", Boolean.toString(standardizeControls));
        m.put("targetAccept", Double.toString(targetAccept));
        m.put("maxTreeDepth", Integer.toString(maxTreeDepth));
        m.put("centredGeoEffects", Boolean.toString(centredGeoEffects));
        m.put("noisePerGeo", Boolean.toString(noisePerGeo));
        return m;
    }
}
