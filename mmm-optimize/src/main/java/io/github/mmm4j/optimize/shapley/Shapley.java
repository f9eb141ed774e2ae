package io.github.mmm4j.optimize.shapley;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.models.FittedModel;
import java.util.Objects;

/**
 * Computes Shapley values of a {@link CoalitionValue} game (see the package comment for the definition).
 *
 * <p><b>Exact.</b> All {@code 2^n} coalition values are enumerated once, then
 * {@code phi_i = sum_{S not containing i} w(|S|) (v(S + i) - v(S))} with {@code w(s) = 1 / (n * C(n - 1, s))},
 * {@code n 2^(n-1)} additions. Up to {@link #MAX_EXACT} players.
 *
 * <p><b>Permutation sampling</b> (Castro, Gomez and Tejada 2009, "Polynomial calculation of the Shapley value based
 * on sampling"), with antithetic pairs: each sample is the average of the marginal contributions along a uniformly
 * random order and along its reverse, which is unbiased and negatively correlated within the pair (Mitchell et al.
 * 2022, "Sampling permutations for Shapley value estimation"). Every sample's contributions sum exactly to
 * {@code v(N) - v(empty)}, so the estimates are efficient too. The standard error of each value is the sample
 * standard deviation over pairs divided by the square root of the number of pairs. Randomness comes only from the
 * seed: the same seed gives the same bits on every run.
 */
public final class Shapley {

    /** The largest number of players {@link #exact} accepts (2^20 values, 8 MB). */
    public static final int MAX_EXACT = 20;

    /** Up to this many players {@link #compute} enumerates exactly. */
    public static final int EXACT_THRESHOLD = 16;

    /** Antithetic pairs {@link #compute} samples beyond {@link #EXACT_THRESHOLD} players. */
    public static final int DEFAULT_PAIRS = 2000;

    private Shapley() {
    }

    /**
     * Exact when the game has at most {@link #EXACT_THRESHOLD} players, else {@link #DEFAULT_PAIRS} antithetic pairs.
     *
     * @param game the game
     * @param seed the seed of the sampling (unused when exact)
     * @return the Shapley values
     */
    public static ShapleyResult compute(CoalitionValue game, long seed) {
        return game.players() <= EXACT_THRESHOLD ? exact(game) : sample(game, DEFAULT_PAIRS, seed);
    }

    /**
     * Shapley values of a fitted model over its whole data window, with the separable fast path (mmm4j's models are
     * additive in media, so these equal each channel's contribution in the decomposition).
     *
     * @param model the model
     * @param seed the seed of the sampling beyond {@link #EXACT_THRESHOLD} channels
     * @return the Shapley values
     */
    public static ShapleyResult of(FittedModel model, long seed) {
        Objects.requireNonNull(model, "model");
        return compute(CoalitionValue.separable(model, model.data(), 0, model.data().nPeriods()), seed);
    }

    /**
     * Exact Shapley values by enumeration.
     *
     * @param game the game, at most {@link #MAX_EXACT} players
     * @return the values, standard errors 0
     * @throws IllegalArgumentException if the game has more than {@link #MAX_EXACT} players
     */
    public static ShapleyResult exact(CoalitionValue game) {
        Objects.requireNonNull(game, "game");
        int n = game.players();
        Checks.checkArgument(n >= 1 && n <= MAX_EXACT, "players = %d; exact Shapley values need 1 to %d", n, MAX_EXACT);
        int size = 1 << n;
        double[] v = new double[size];
        game.allValues(v);
        for (int m = 0; m < size; m++) {
            Checks.checkArgument(Double.isFinite(v[m]), "v(coalition %s) = %s; must be finite",
                    Integer.toBinaryString(m), v[m]);
        }
        // w[s] = s! (n - s - 1)! / n! = 1 / (n * C(n - 1, s))
        double[] w = new double[n];
        double binom = 1;
        for (int s = 0; s < n; s++) {
            w[s] = 1.0 / (n * binom);
            binom = binom * (n - 1 - s) / (s + 1);
        }
        double[] phi = new double[n];
        for (int m = 0; m < size; m++) {
            double ws = w[Math.min(Integer.bitCount(m), n - 1)];
            double vm = v[m];
            for (int i = 0; i < n; i++) {
                int bit = 1 << i;
                if ((m & bit) == 0) {
                    phi[i] += ws * (v[m | bit] - vm);
                }
            }
        }
        return new ShapleyResult(game.names(), phi, new double[n], v[0], v[size - 1], ShapleyResult.Method.EXACT, 0);
    }

    /**
     * Shapley values by antithetic permutation sampling.
     *
     * @param game the game
     * @param pairs the number of antithetic pairs (2 permutations each), at least 2
     * @param seed the seed
     * @return the estimates with their standard errors
     */
    public static ShapleyResult sample(CoalitionValue game, int pairs, long seed) {
        Objects.requireNonNull(game, "game");
        Checks.checkArgument(pairs >= 2, "pairs = %d; must be >= 2", pairs);
        int n = game.players();
        Rng rng = new Rng(seed);
        int[] order = new int[n];
        int[] reverse = new int[n];
        double[] a = new double[n];
        double[] b = new double[n];
        double[] mean = new double[n];
        double[] m2 = new double[n];
        for (int p = 0; p < pairs; p++) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int i = 0; i < n; i++) {
                reverse[i] = order[n - 1 - i];
            }
            game.marginals(order, a);
            game.marginals(reverse, b);
            for (int i = 0; i < n; i++) {
                double x = 0.5 * (a[i] + b[i]);
                double d = x - mean[i];
                mean[i] += d / (p + 1);
                m2[i] += d * (x - mean[i]);
            }
        }
        double[] se = new double[n];
        for (int i = 0; i < n; i++) {
            se[i] = Math.sqrt(m2[i] / (pairs - 1) / pairs);
        }
        double empty = game.value(0);
        double full = game.value(n == 64 ? -1L : (1L << n) - 1);
        return new ShapleyResult(game.names(), mean, se, empty, full, ShapleyResult.Method.PERMUTATION, pairs);
    }
}
