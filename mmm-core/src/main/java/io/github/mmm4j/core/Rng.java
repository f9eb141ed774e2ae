package io.github.mmm4j.core;

/**
 * A small, fast, seeded pseudo-random generator whose output is defined by this class alone, so that the same
 * seed gives the same numbers on every JVM, version and machine (unlike {@code Random.nextGaussian}, whose
 * algorithm may change between JDK releases).
 *
 * <p>The generator is SplitMix64 (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number
 * generators", OOPSLA): a 64-bit counter advanced by the golden-ratio increment and passed through a
 * variant of MurmurHash3's finaliser. {@link #split()} derives an independent stream for a parallel task, so
 * work can be split into tasks whose random streams are fixed before any thread runs. Not thread-safe: one
 * instance per thread. Not for cryptography.
 */
public final class Rng {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    /**
     * @param seed any value; equal seeds give equal streams
     */
    public Rng(long seed) {
        this.state = mix64(seed);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** @return the next 64 uniformly distributed bits */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** @return a uniform double in [0, 1) with 53 random bits */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * @param bound exclusive upper bound, positive
     * @return a uniform int in [0, bound)
     */
    public int nextInt(int bound) {
        Checks.checkPositive("bound", bound);
        // Rejection on 63-bit values: u - r + (bound - 1) overflows exactly when u lies in the final,
        // incomplete block of size bound, which would bias the result.
        long u = nextLong() >>> 1;
        long r = u % bound;
        while (u - r + (bound - 1) < 0) {
            u = nextLong() >>> 1;
            r = u % bound;
        }
        return (int) r;
    }

    /**
     * A standard normal deviate by the Box-Muller transform (one of the pair, the other discarded, so that
     * the stream has no hidden state), computed with {@link StrictMath} so that every platform gives the same bits.
     *
     * @return a draw from N(0, 1)
     */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // in (0, 1]: log is finite
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /**
     * A new generator for an independent task, seeded from this one's next output.
     *
     * @return a new generator
     */
    public Rng split() {
        return new Rng(nextLong() ^ 0x5851f42d4c957f2dL);
    }
}
