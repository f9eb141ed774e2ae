package io.github.mmm4j.models.bayes;

/**
 * Receives progress from a running {@link Nuts} fit. It is called after every iteration of every chain, from the
 * chain's own thread, so implementations must be thread-safe and fast (for example update an
 * {@link java.util.concurrent.atomic.AtomicIntegerArray} or log every hundredth call). An exception thrown here
 * aborts the fit and is rethrown by {@link Nuts#sample}.
 */
@FunctionalInterface
public interface NutsProgress {

    /** Phase of an iteration. */
    enum Phase {
        /** Adaptation iterations, whose draws are discarded. */
        WARMUP,
        /** Post-warmup iterations, whose draws are kept. */
        SAMPLING
    }

    /** A listener that ignores all progress. */
    NutsProgress NONE = (chain, iteration, phase) -> { };

    /**
     * Reports that an iteration finished.
     *
     * @param chain the chain index, {@code 0..chains-1}
     * @param iteration the 0-based iteration index within its phase
     * @param phase the phase of that iteration
     */
    void onIteration(int chain, int iteration, Phase phase);
}
