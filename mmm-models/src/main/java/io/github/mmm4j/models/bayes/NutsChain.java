package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.Checks;

import java.util.Objects;

/**
 * The post-warmup draws and sampler statistics of one chain, with its adapted step size and inverse metric.
 *
 * <p>Arrays are cloned in and out. With {@code n = completedDraws()} and {@code d} the dimension:
 * {@code draws[i * d + j]} is parameter {@code j} at draw {@code i}; each statistic array has length {@code n}
 * and its element {@code i} belongs to draw {@code i}. The statistics are Stan's: {@code accept_stat__}
 * (mean Metropolis acceptance probability over the trajectory's leapfrog steps), {@code stepsize__},
 * {@code treedepth__}, {@code n_leapfrog__}, {@code divergent__}, {@code energy__} (the Hamiltonian
 * {@code -log p(q) + p' M^-1 p / 2} at the draw) and {@code lp__} (the log density at the draw).
 *
 * @param chain the chain index
 * @param dimension the number of parameters {@code d}
 * @param draws {@code draws[i * d + j]}
 * @param acceptStat per-draw acceptance statistic in {@code [0, 1]}
 * @param stepSize per-draw step size
 * @param treeDepth per-draw tree depth
 * @param leapfrogSteps per-draw number of leapfrog steps
 * @param divergent per-draw divergence flag
 * @param energy per-draw Hamiltonian
 * @param logDensity per-draw log density ({@code lp__})
 * @param adaptedStepSize the step size after warmup
 * @param inverseMetric the diagonal inverse metric (the adapted posterior variances) after warmup, length d
 * @param warmupDivergences the number of divergent warmup transitions
 * @param gradientEvaluations the number of log density and gradient evaluations of this chain, warmup and
 *     initialisation included
 * @param message why the chain stopped early, or the empty string
 */
public record NutsChain(int chain, int dimension, double[] draws, double[] acceptStat, double[] stepSize,
        int[] treeDepth, int[] leapfrogSteps, boolean[] divergent, double[] energy, double[] logDensity,
        double adaptedStepSize, double[] inverseMetric, int warmupDivergences, long gradientEvaluations,
        String message) {

    /*
     * Validates the shapes and clones the arrays.
     *
     * @throws IllegalArgumentException if the lengths disagree
     */
    public NutsChain {
        Checks.checkPositive("dimension", dimension);
        Objects.requireNonNull(message, "message");
        int n = acceptStat.length;
        Checks.checkArgument(draws.length == n * dimension, "draws.length = %d; expected %d", draws.length,
                n * dimension);
        Checks.checkArgument(stepSize.length == n && treeDepth.length == n && leapfrogSteps.length == n
                && divergent.length == n && energy.length == n && logDensity.length == n,
                "statistic arrays must all have length %d", n);
        Checks.checkLength("inverseMetric", inverseMetric, dimension);
        draws = draws.clone();
        acceptStat = acceptStat.clone();
        stepSize = stepSize.clone();
        treeDepth = treeDepth.clone();
        leapfrogSteps = leapfrogSteps.clone();
        divergent = divergent.clone();
        energy = energy.clone();
        logDensity = logDensity.clone();
        inverseMetric = inverseMetric.clone();
    }

    /**
     * Returns the number of kept draws.
     *
     * @return {@code draws().length / dimension()}
     */
    public int completedDraws() {
        return acceptStat.length;
    }

    /**
     * Returns the number of divergent post-warmup transitions.
     *
     * @return the count
     */
    public int divergences() {
        int k = 0;
        for (boolean b : divergent) {
            k += b ? 1 : 0;
        }
        return k;
    }

    /**
     * Returns one parameter's draws.
     *
     * @param j the parameter index
     * @return a new array of length {@link #completedDraws()}
     */
    public double[] parameter(int j) {
        Checks.checkArgument(j >= 0 && j < dimension, "j = %d; must be in [0, %d)", j, dimension);
        double[] out = new double[completedDraws()];
        for (int i = 0; i < out.length; i++) {
            out[i] = draws[i * dimension + j];
        }
        return out;
    }

    /** @return a copy of {@code draws[i * d + j]} */
    @Override
    public double[] draws() {
        return draws.clone();
    }

    /** @return a copy of the per-draw acceptance statistics */
    @Override
    public double[] acceptStat() {
        return acceptStat.clone();
    }

    /** @return a copy of the per-draw step sizes */
    @Override
    public double[] stepSize() {
        return stepSize.clone();
    }

    /** @return a copy of the per-draw tree depths */
    @Override
    public int[] treeDepth() {
        return treeDepth.clone();
    }

    /** @return a copy of the per-draw leapfrog step counts */
    @Override
    public int[] leapfrogSteps() {
        return leapfrogSteps.clone();
    }

    /** @return a copy of the per-draw divergence flags */
    @Override
    public boolean[] divergent() {
        return divergent.clone();
    }

    /** @return a copy of the per-draw Hamiltonian values */
    @Override
    public double[] energy() {
        return energy.clone();
    }

    /** @return a copy of the per-draw log densities */
    @Override
    public double[] logDensity() {
        return logDensity.clone();
    }

    /** @return a copy of the adapted diagonal inverse metric */
    @Override
    public double[] inverseMetric() {
        return inverseMetric.clone();
    }

    double[] drawsRef() {
        return draws;
    }

    double[] energyRef() {
        return energy;
    }

    int[] treeDepthRef() {
        return treeDepth;
    }
}
