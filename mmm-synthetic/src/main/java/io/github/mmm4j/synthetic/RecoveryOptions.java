package io.github.mmm4j.synthetic;

import io.github.mmm4j.core.Checks;

/**
 * Options of a {@link RecoveryBenchmark} run.
 *
 * @param replicates number of seeded datasets, {@code >= 1}
 * @param seed master seed; replicate {@code i}'s data and fit seeds are derived from it in replicate order
 * @param threads number of worker threads, {@code >= 1}; the results do not depend on it
 */
public record RecoveryOptions(int replicates, long seed, int threads) {

    /** Default number of replicates. */
    public static final int DEFAULT_REPLICATES = 50;
    /** Default master seed. */
    public static final long DEFAULT_SEED = 42L;

    /** Validates. */
    public RecoveryOptions {
        Checks.checkPositive("replicates", replicates);
        Checks.checkPositive("threads", threads);
    }

    /** @return 50 replicates, seed 42, one thread */
    public static RecoveryOptions defaults() {
        return new RecoveryOptions(DEFAULT_REPLICATES, DEFAULT_SEED, 1);
    }

    /**
     * @param n number of replicates
     * @return a copy with that number
     */
    public RecoveryOptions withReplicates(int n) {
        return new RecoveryOptions(n, seed, threads);
    }

    /**
     * @param s the master seed
     * @return a copy with that seed
     */
    public RecoveryOptions withSeed(long s) {
        return new RecoveryOptions(replicates, s, threads);
    }

    /**
     * @param n number of threads
     * @return a copy with that number
     */
    public RecoveryOptions withThreads(int n) {
        return new RecoveryOptions(replicates, seed, n);
    }
}
