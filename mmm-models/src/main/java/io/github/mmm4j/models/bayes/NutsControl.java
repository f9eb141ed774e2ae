package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.Checks;

import java.util.List;
import java.util.Objects;

/**
 * Run-time settings of a {@link Nuts} fit that do not change its draws: threads, progress reporting,
 * cancellation, and optional initial points and parameter names. Start from {@link #defaults()} and change
 * settings with the {@code with...} methods.
 *
 * <p>The draws depend only on the model, {@link NutsOptions} and {@link #initialPoints()}: the same inputs give
 * bit-identical draws for every {@link #parallelism()}.
 *
 * @param parallelism the number of threads running chains; {@code 0} means
 *     {@code min(chains, availableProcessors)}; {@code 1} runs the chains one after another on the calling thread
 * @param progress receives per-iteration progress; {@link NutsProgress#NONE} to ignore
 * @param cancellation a token to cancel the fit from another thread
 * @param initialPoints optional initial points, {@code initialPoints[c]} for chain {@code c} (length
 *     {@code dimension}); either null (random initial values) or one per chain; cloned in and out
 * @param parameterNames optional parameter names, one per dimension, or null for {@code theta[1]..theta[d]}
 */
public record NutsControl(int parallelism, NutsProgress progress, CancellationToken cancellation,
        double[][] initialPoints, List<String> parameterNames) {

    /*
     * Validates and copies the settings.
     *
     * @throws IllegalArgumentException if {@code parallelism < 0} or an initial point is not finite
     * @throws NullPointerException if {@code progress} or {@code cancellation} is null
     */
    public NutsControl {
        Checks.checkNonNegative("parallelism", parallelism);
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancellation, "cancellation");
        if (initialPoints != null) {
            double[][] copy = new double[initialPoints.length][];
            for (int c = 0; c < initialPoints.length; c++) {
                Objects.requireNonNull(initialPoints[c], "initialPoints[" + c + "]");
                Checks.checkAllFinite("initialPoints[" + c + "]", initialPoints[c]);
                copy[c] = initialPoints[c].clone();
            }
            initialPoints = copy;
        }
        if (parameterNames != null) {
            parameterNames = List.copyOf(parameterNames);
        }
    }

    /**
     * Returns automatic parallelism, no progress reporting, a fresh token, random initial values and default
     * parameter names.
     *
     * @return the default control
     */
    public static NutsControl defaults() {
        return new NutsControl(0, NutsProgress.NONE, new CancellationToken(), null, null);
    }

    /**
     * Returns a copy of the initial points, or null if none were given.
     *
     * @return {@code initialPoints[c][j]}, or null
     */
    @Override
    public double[][] initialPoints() {
        if (initialPoints == null) {
            return null;
        }
        double[][] copy = new double[initialPoints.length][];
        for (int c = 0; c < copy.length; c++) {
            copy[c] = initialPoints[c].clone();
        }
        return copy;
    }

    /**
     * Returns a copy with another parallelism.
     *
     * @param value {@code >= 0}; 0 for automatic
     * @return the new control
     */
    public NutsControl withParallelism(int value) {
        return new NutsControl(value, progress, cancellation, initialPoints, parameterNames);
    }

    /**
     * Returns a copy with another progress listener.
     *
     * @param value not null
     * @return the new control
     */
    public NutsControl withProgress(NutsProgress value) {
        return new NutsControl(parallelism, value, cancellation, initialPoints, parameterNames);
    }

    /**
     * Returns a copy with another cancellation token.
     *
     * @param value not null
     * @return the new control
     */
    public NutsControl withCancellation(CancellationToken value) {
        return new NutsControl(parallelism, progress, value, initialPoints, parameterNames);
    }

    /**
     * Returns a copy with user-supplied initial points.
     *
     * @param value one finite point per chain, or null for random initial values; cloned
     * @return the new control
     */
    public NutsControl withInitialPoints(double[][] value) {
        return new NutsControl(parallelism, progress, cancellation, value, parameterNames);
    }

    /**
     * Returns a copy with parameter names.
     *
     * @param value one name per dimension, or null
     * @return the new control
     */
    public NutsControl withParameterNames(List<String> value) {
        return new NutsControl(parallelism, progress, cancellation, initialPoints, value);
    }
}
