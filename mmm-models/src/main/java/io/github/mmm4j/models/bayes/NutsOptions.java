package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.Checks;

/**
 * Settings of a {@link Nuts} run, validated on construction. Start from {@link #defaults()} and change settings
 * with the {@code with...} methods, each of which returns a new instance.
 *
 * <p>Defaults follow Stan 2.21's {@code sample} method: 4 chains, 1000 warmup and 1000 sampling iterations per
 * chain, maximum tree depth 10, target acceptance statistic 0.8, initial step size 1, initial values uniform in
 * {@code (-2, 2)} on the unconstrained scale. There is no thinning: every post-warmup iteration is kept. The
 * adaptation constants that Stan also fixes by default are not options: dual averaging with
 * {@code gamma = 0.05, t0 = 10, kappa = 0.75} (Hoffman and Gelman 2014, section 3.2), windowed diagonal metric
 * adaptation with an initial buffer of 75, a terminal buffer of 50 and a first window of 25 iterations (scaled to
 * 15% / 10% / 75% of warmup when warmup is shorter than 150, none below 20), and divergence when the energy error
 * exceeds 1000.
 *
 * @param chains the number of independent chains, {@code >= 1}
 * @param warmup the number of warmup (adaptation) iterations per chain, {@code >= 0}; warmup draws are not kept
 * @param draws the number of post-warmup iterations kept per chain, {@code >= 0}
 * @param maxTreeDepth the maximum tree depth, {@code 1..30}; a trajectory has at most {@code 2^maxTreeDepth - 1}
 *     leapfrog steps
 * @param targetAccept the step size adaptation target for the mean acceptance statistic, in {@code (0, 1)}
 * @param seed the seed of all randomness of the run; chain {@code c} uses the {@code c}-th
 *     {@link java.util.SplittableRandom#split()} of {@code new SplittableRandom(seed)}
 * @param initRadius random initial values are uniform in {@code (-initRadius, initRadius)} per coordinate;
 *     {@code >= 0} and finite ({@code 0} starts every chain at the origin)
 * @param initialStepSize the step size before the first step size search, finite and {@code > 0}
 * @param denseMetric adapt a dense metric (the full covariance of the warmup draws, Stan's {@code dense_e}) instead
 *     of a diagonal one: each leapfrog step then costs two matrix-vector products of the dimension, and correlated
 *     posteriors (a panel's geo intercepts, a channel's effect and half-saturation) need far shorter trajectories
 */
public record NutsOptions(int chains, int warmup, int draws, int maxTreeDepth, double targetAccept, long seed,
        double initRadius, double initialStepSize, boolean denseMetric) {

    /*
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public NutsOptions {
        Checks.checkPositive("chains", chains);
        Checks.checkNonNegative("warmup", warmup);
        Checks.checkNonNegative("draws", draws);
        Checks.checkArgument(maxTreeDepth >= 1 && maxTreeDepth <= 30, "maxTreeDepth = %d; must be in [1, 30]",
                maxTreeDepth);
        Checks.checkArgument(targetAccept > 0 && targetAccept < 1, "targetAccept = %s; must be in (0, 1)",
                targetAccept);
        Checks.checkNonNegative("initRadius", initRadius);
        Checks.checkPositive("initialStepSize", initialStepSize);
    }

    /**
     * Settings with a diagonal metric.
     *
     * @param chains the number of chains
     * @param warmup warmup iterations per chain
     * @param draws kept iterations per chain
     * @param maxTreeDepth the maximum tree depth
     * @param targetAccept the target acceptance statistic
     * @param seed the seed
     * @param initRadius the radius of random initial values
     * @param initialStepSize the initial step size
     */
    public NutsOptions(int chains, int warmup, int draws, int maxTreeDepth, double targetAccept, long seed,
            double initRadius, double initialStepSize) {
        this(chains, warmup, draws, maxTreeDepth, targetAccept, seed, initRadius, initialStepSize, false);
    }

    /**
     * @param dense whether to adapt a dense metric
     * @return a copy with that choice
     */
    public NutsOptions withDenseMetric(boolean dense) {
        return new NutsOptions(chains, warmup, draws, maxTreeDepth, targetAccept, seed, initRadius, initialStepSize,
                dense);
    }

    /**
     * Returns Stan's defaults with seed 0.
     *
     * @return {@code NutsOptions(4, 1000, 1000, 10, 0.8, 0, 2.0, 1.0)}
     */
    public static NutsOptions defaults() {
        return new NutsOptions(4, 1000, 1000, 10, 0.8, 0L, 2.0, 1.0, false);
    }

    /**
     * Returns a copy with another number of chains.
     *
     * @param value {@code >= 1}
     * @return the new options
     */
    public NutsOptions withChains(int value) {
        return new NutsOptions(value, warmup, draws, maxTreeDepth, targetAccept, seed, initRadius, initialStepSize,
                denseMetric);
    }

    /**
     * Returns a copy with another number of warmup iterations.
     *
     * @param value {@code >= 0}
     * @return the new options
     */
    public NutsOptions withWarmup(int value) {
        return new NutsOptions(chains, value, draws, maxTreeDepth, targetAccept, seed, initRadius, initialStepSize,
                denseMetric);
    }

    /**
     * Returns a copy with another number of kept draws per chain.
     *
     * @param value {@code >= 0}
     * @return the new options
     */
    public NutsOptions withDraws(int value) {
        return new NutsOptions(chains, warmup, value, maxTreeDepth, targetAccept, seed, initRadius, initialStepSize,
                denseMetric);
    }

    /**
     * Returns a copy with another maximum tree depth.
     *
     * @param value in {@code [1, 30]}
     * @return the new options
     */
    public NutsOptions withMaxTreeDepth(int value) {
        return new NutsOptions(chains, warmup, draws, value, targetAccept, seed, initRadius, initialStepSize,
                denseMetric);
    }

    /**
     * Returns a copy with another target acceptance statistic.
     *
     * @param value in {@code (0, 1)}
     * @return the new options
     */
    public NutsOptions withTargetAccept(double value) {
        return new NutsOptions(chains, warmup, draws, maxTreeDepth, value, seed, initRadius, initialStepSize,
                denseMetric);
    }

    /**
     * Returns a copy with another seed.
     *
     * @param value any value
     * @return the new options
     */
    public NutsOptions withSeed(long value) {
        return new NutsOptions(chains, warmup, draws, maxTreeDepth, targetAccept, value, initRadius, initialStepSize,
                denseMetric);
    }

    /**
     * Returns a copy with another radius for random initial values.
     *
     * @param value finite, {@code >= 0}
     * @return the new options
     */
    public NutsOptions withInitRadius(double value) {
        return new NutsOptions(chains, warmup, draws, maxTreeDepth, targetAccept, seed, value, initialStepSize,
                denseMetric);
    }

    /**
     * Returns a copy with another initial step size.
     *
     * @param value finite, {@code > 0}
     * @return the new options
     */
    public NutsOptions withInitialStepSize(double value) {
        return new NutsOptions(chains, warmup, draws, maxTreeDepth, targetAccept, seed, initRadius, value, denseMetric);
    }
}
