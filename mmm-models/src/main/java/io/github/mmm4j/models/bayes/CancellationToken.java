package io.github.mmm4j.models.bayes;

/**
 * A thread-safe flag that asks a running {@link Nuts} fit to stop. Chains check it before every iteration, so a
 * cancelled fit returns within one iteration per chain (at most {@code 2^maxTreeDepth - 1} gradient evaluations)
 * with status {@link NutsStatus#CANCELLED}; no exception is thrown.
 */
public final class CancellationToken {

    private volatile boolean cancelled;

    /** Creates a token that is not cancelled. */
    public CancellationToken() {
    }

    /** Requests cancellation; idempotent, callable from any thread. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Returns whether {@link #cancel()} was called.
     *
     * @return true once cancelled
     */
    public boolean isCancelled() {
        return cancelled;
    }
}
