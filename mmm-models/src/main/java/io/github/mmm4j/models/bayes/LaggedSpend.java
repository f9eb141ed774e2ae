package io.github.mmm4j.models.bayes;

import java.util.Arrays;

/**
 * One spend series (all geos, {@code x[g * nT + t]}) and its lagged copies {@code lag(l)[g * nT + t] =
 * x[g * nT + t - l]}, zero for {@code t < l} (no spend before the first period of each geo). With the copies the
 * adstock is a sum of {@code a[i] += w[l] lag(l)[i]} loops over equal indices, which the JIT compiler vectorises
 * (it does not vectorise {@code a[t] += w[l] x[t - l]}).
 */
final class LaggedSpend {

    /**
     * Largest number of lagged spend values kept in memory, 4 Mi doubles (32 MiB) over all channels
     * and lift tests; beyond it the lagged copies are rebuilt in a workspace at each evaluation (the same arithmetic,
     * so the same bits, only slower).
     */
    static final long BUDGET = 1L << 22;

    final double[] x;
    final int nGeo;
    final int nT;
    final int n;
    /** Number of lags used, {@code >= 1}: lag 0 is {@code x} itself. */
    final int len;
    /** {@code lags[l - 1]} = lag {@code l}, or null when not kept. */
    private final double[][] lags;

    LaggedSpend(double[] x, int nGeo, int nT, int len, boolean keep) {
        this.x = x;
        this.nGeo = nGeo;
        this.nT = nT;
        this.n = nGeo * nT;
        this.len = Math.max(1, len);
        if (keep) {
            lags = new double[this.len - 1][];
            for (int l = 1; l < this.len; l++) {
                lags[l - 1] = new double[n];
                fill(l, lags[l - 1]);
            }
        } else {
            lags = null;
        }
    }

    /** Returns lag {@code l} (read-only): the kept copy, {@code x} for 0, else written into {@code buf}. */
    double[] lag(int l, double[] buf) {
        if (l == 0) {
            return x;
        }
        if (lags != null) {
            return lags[l - 1];
        }
        fill(l, buf);
        return buf;
    }

    private void fill(int l, double[] dest) {
        for (int g = 0; g < nGeo; g++) {
            int off = g * nT;
            int head = Math.min(l, nT);
            Arrays.fill(dest, off, off + head, 0.0);
            if (l < nT) {
                System.arraycopy(x, off, dest, off + l, nT - l);
            }
        }
    }
}
