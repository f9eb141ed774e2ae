package io.github.mmm4j.transforms;

import io.github.mmm4j.core.Checks;
import java.util.Arrays;
import java.util.Objects;

/**
 * Batched kernels: adstock then saturation for every channel of a row-major matrix at once, and the
 * reverse-mode gradient, allocation-free given a {@link TransformWorkspace}.
 *
 * <p><b>Layout.</b> Spend is {@code x[t * nChannels + c]} for period {@code t < nPeriods} and channel
 * {@code c < nChannels} (EJML {@code DMatrixRMaj} order), {@code nChannels = adstocks.length}. Channel
 * {@code c} is transformed by {@code adstocks[c]} then {@code saturations[c]}:
 * {@code out[t * nChannels + c] = saturations[c].value(sum_l w_c[l] x[(t - l) * nChannels + c])}, spend
 * before {@code t = 0} being zero.
 *
 * <p><b>Parameters</b> of the whole batch are laid out channel by channel, adstock parameters first:
 * {@code [adstocks[0].parameters(), saturations[0].parameters(), adstocks[1].parameters(), ...]}; see
 * {@link #parameterCount}, {@link #adstockParameterOffset} and {@link #saturationParameterOffset}.
 *
 * <p><b>Cost.</b> Finite windows are convolved directly (exact, no running-sum error) with the channel
 * loop innermost so that it vectorises; every channel is padded to the longest window among the finite
 * ones. The rows are processed in blocks that stay in L1 cache, the saturation of each block following
 * its adstock. {@link GeometricInfinite} channels use their O(n) recursion column by column.
 * {@link #backward} recomputes the adstock and then costs about two more convolutions plus one
 * saturation-gradient pass; with a workspace from {@link TransformWorkspace#forGradients()} after a
 * {@link #forward} on the same spend and transforms it takes the adstocked values (and Hill's logarithms) from
 * the forward pass instead, with the same bits for finite spend.
 */
public final class Transforms {

    /** Elements per block of rows in the backward pass (16 KiB of doubles per buffer). */
    private static final int BLOCK_ELEMENTS = 2048;

    /** Rows per block in the forward pass, where one channel's column is processed at a time. */
    private static final int COLUMN_BLOCK = 1024;

    private Transforms() {
    }

    /**
     * The number of parameters of the batch: {@code sum_c adstocks[c].parameterCount() +
     * saturations[c].parameterCount()}.
     *
     * @param adstocks per-channel adstocks, not null
     * @param saturations per-channel saturations, same length
     * @return the total parameter count
     * @throws IllegalArgumentException if the lengths differ
     */
    public static int parameterCount(Adstock[] adstocks, Saturation[] saturations) {
        checkChannels(adstocks, saturations);
        int p = 0;
        for (int c = 0; c < adstocks.length; c++) {
            p += adstocks[c].parameterCount() + saturations[c].parameterCount();
        }
        return p;
    }

    /**
     * Index of {@code adstocks[channel].parameters()[0]} in the batch parameter vector.
     *
     * @param adstocks per-channel adstocks
     * @param saturations per-channel saturations, same length
     * @param channel the channel
     * @return the offset
     * @throws IllegalArgumentException if the lengths differ or {@code channel} is out of range
     */
    public static int adstockParameterOffset(Adstock[] adstocks, Saturation[] saturations, int channel) {
        checkChannels(adstocks, saturations);
        check(channel >= 0 && channel < adstocks.length, "channel = %d; must be in [0, %d)",
                channel, adstocks.length);
        int p = 0;
        for (int c = 0; c < channel; c++) {
            p += adstocks[c].parameterCount() + saturations[c].parameterCount();
        }
        return p;
    }

    /**
     * Index of {@code saturations[channel].parameters()[0]} in the batch parameter vector.
     *
     * @param adstocks per-channel adstocks
     * @param saturations per-channel saturations, same length
     * @param channel the channel
     * @return the offset
     * @throws IllegalArgumentException if the lengths differ or {@code channel} is out of range
     */
    public static int saturationParameterOffset(Adstock[] adstocks, Saturation[] saturations, int channel) {
        return adstockParameterOffset(adstocks, saturations, channel) + adstocks[channel].parameterCount();
    }

    /**
     * Adstock only, all channels: {@code out[t * C + c] = sum_l w_c[l] x[(t - l) * C + c]}.
     *
     * @param adstocks per-channel adstocks, length {@code C >= 0}
     * @param x (input) spend, {@code x[t * C + c]}, at least {@code nPeriods * C} long; not modified
     * @param nPeriods number of periods
     * @param out (output) optional, at least {@code nPeriods * C} long, must not be {@code x}; allocated
     *     if null or too short
     * @param ws optional workspace; allocated if null
     * @return {@code out}, or the new array
     * @throws IllegalArgumentException if an array is too short or {@code out == x}
     */
    public static double[] adstock(Adstock[] adstocks, double[] x, int nPeriods, double[] out,
            TransformWorkspace ws) {
        return run(adstocks, null, x, nPeriods, out, ws);
    }

    /**
     * Adstock then saturation, all channels:
     * {@code out[t * C + c] = saturations[c].value(sum_l w_c[l] x[(t - l) * C + c])}. Does not allocate
     * when {@code out} and {@code ws} are given and large enough.
     *
     * @param adstocks per-channel adstocks, length {@code C >= 0}
     * @param saturations per-channel saturations, length {@code C}
     * @param x (input) spend, {@code x[t * C + c]}, at least {@code nPeriods * C} long; not modified
     * @param nPeriods number of periods
     * @param out (output) optional, at least {@code nPeriods * C} long, must not be {@code x}; allocated
     *     if null or too short
     * @param ws optional workspace; allocated if null
     * @return {@code out}, or the new array
     * @throws IllegalArgumentException if the channel counts differ, an array is too short or
     *     {@code out == x}
     */
    public static double[] forward(Adstock[] adstocks, Saturation[] saturations, double[] x, int nPeriods,
            double[] out, TransformWorkspace ws) {
        checkChannels(adstocks, saturations);
        return run(adstocks, saturations, x, nPeriods, out, ws);
    }

    private static double[] run(Adstock[] adstocks, Saturation[] saturations, double[] x, int nPeriods,
            double[] out, TransformWorkspace ws) {
        Objects.requireNonNull(adstocks, "adstocks");
        Objects.requireNonNull(x, "x");
        int nc = adstocks.length;
        int total = checkShape(x, nPeriods, nc);
        double[] result = Checks.orNew(out, total);
        check(result != x, "out must not be the same array as x");
        TransformWorkspace w = ws == null ? new TransformWorkspace() : ws;
        int len = prepareWeights(adstocks, nPeriods, w);
        boolean keep = w.keepsForward && saturations != null;
        if (keep) {
            startKeeping(adstocks, saturations, x, nPeriods, total, w);
        }
        if (len > 0) {
            int rows = COLUMN_BLOCK;
            int lag = len - 1;
            w.colX = TransformWorkspace.grow(w.colX, rows + lag);
            w.colY = TransformWorkspace.grow(w.colY, rows);
            double[] colX = w.colX;
            double[] colY = w.colY;
            double[] wC = w.weightsC;
            for (int t0 = 0; t0 < nPeriods; t0 += rows) {
                int t1 = Math.min(nPeriods, t0 + rows);
                int nb = t1 - t0;
                int hist = Math.min(lag, t0);
                for (int c = 0; c < nc; c++) {
                    if (!adstocks[c].isFinite()) {
                        continue;
                    }
                    // gather the column with its history, convolve contiguously (vectorisable), scatter
                    int src = (t0 - hist) * nc + c;
                    for (int i = 0; i < hist + nb; i++) {
                        colX[i] = x[src + i * nc];
                    }
                    convolveColumn(wC, c * len, len, colX, hist, colY, nb);
                    if (keep) {
                        int k0 = c * nPeriods + t0;
                        System.arraycopy(colY, 0, w.keptA, k0, nb);
                        if (saturations[c] instanceof Hill) {
                            w.keptLogged[c] = ((Hill) saturations[c]).applyLogged(colY, 0, result, t0 * nc + c,
                                    nc, nb, w.keptLog, k0);
                        } else {
                            saturations[c].apply(colY, 0, 1, result, t0 * nc + c, nc, nb);
                        }
                    } else if (saturations != null) {
                        saturations[c].apply(colY, 0, 1, result, t0 * nc + c, nc, nb);
                    } else {
                        int dst = t0 * nc + c;
                        for (int i = 0; i < nb; i++) {
                            result[dst + i * nc] = colY[i];
                        }
                    }
                }
            }
        }
        for (int c = 0; c < nc; c++) {
            if (!adstocks[c].isFinite()) {
                adstocks[c].apply(x, c, nc, result, c, nc, nPeriods);
                if (saturations != null) {
                    saturations[c].apply(result, c, nc, result, c, nc, nPeriods);
                }
            }
        }
        if (keep) {
            w.kept = true;
        }
        return result;
    }

    /** Copies the spend and the transforms of a forward pass into the workspace and sizes its kept arrays. */
    private static void startKeeping(Adstock[] adstocks, Saturation[] saturations, double[] x, int nPeriods,
            int total, TransformWorkspace w) {
        int nc = adstocks.length;
        w.kept = false;
        w.keptX = TransformWorkspace.grow(w.keptX, total);
        System.arraycopy(x, 0, w.keptX, 0, total);
        w.keptA = TransformWorkspace.grow(w.keptA, total);
        for (int c = 0; c < nc; c++) {
            // Hill's logarithms are kept only where the forward pass computes them (a finite window, a general slope)
            if (adstocks[c].isFinite() && saturations[c] instanceof Hill h && h.integerSlope() == 0) {
                w.keptLog = TransformWorkspace.grow(w.keptLog, total);
                break;
            }
        }
        if (w.keptAdstocks.length != nc) {
            w.keptAdstocks = new Adstock[nc];
            w.keptSaturations = new Saturation[nc];
            w.keptLogged = new boolean[nc];
        }
        System.arraycopy(adstocks, 0, w.keptAdstocks, 0, nc);
        System.arraycopy(saturations, 0, w.keptSaturations, 0, nc);
        Arrays.fill(w.keptLogged, false);
        w.keptPeriods = nPeriods;
    }

    /** Whether the workspace holds a complete forward pass of exactly this spend and these transforms. */
    private static boolean keptFor(Adstock[] adstocks, Saturation[] saturations, double[] x, int nPeriods,
            int total, TransformWorkspace w) {
        if (!w.kept || w.keptPeriods != nPeriods || w.keptAdstocks.length != adstocks.length
                || !Arrays.equals(w.keptX, 0, total, x, 0, total)) {
            return false;
        }
        for (int c = 0; c < adstocks.length; c++) {
            if (!adstocks[c].equals(w.keptAdstocks[c]) || !saturations[c].equals(w.keptSaturations[c])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reverse-mode gradient of {@link #forward}. Given the upstream adjoint
     * {@code gOut[t * C + c] = dL/dout[t * C + c]}, adds {@code dL/dtheta} into {@code gradParams} (batch
     * layout, see {@link #parameterCount}) and, if {@code gIn} is not null, {@code dL/dx[t * C + c]} into
     * {@code gIn}. Does not allocate when {@code ws} is given and large enough.
     *
     * @param adstocks per-channel adstocks, length {@code C}
     * @param saturations per-channel saturations, length {@code C}
     * @param x (input) spend as passed to {@link #forward}; not modified
     * @param nPeriods number of periods
     * @param gOut (input) upstream adjoint, at least {@code nPeriods * C} long; not modified
     * @param gradParams (output) at least {@link #parameterCount} long; incremented
     * @param gIn (output) optional input adjoint, at least {@code nPeriods * C} long; incremented; may be
     *     null
     * @param ws optional workspace; allocated if null
     * @throws IllegalArgumentException if the channel counts differ or an array is too short
     */
    public static void backward(Adstock[] adstocks, Saturation[] saturations, double[] x, int nPeriods,
            double[] gOut, double[] gradParams, double[] gIn, TransformWorkspace ws) {
        checkChannels(adstocks, saturations);
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(gOut, "gOut");
        Objects.requireNonNull(gradParams, "gradParams");
        int nc = adstocks.length;
        int total = checkShape(x, nPeriods, nc);
        check(gOut.length >= total, "gOut.length = %d; expected >= %d", gOut.length, total);
        if (gIn != null) {
            check(gIn.length >= total, "gIn.length = %d; expected >= %d", gIn.length, total);
            check(gIn != x, "gIn must not be the same array as x");
        }
        TransformWorkspace w = ws == null ? new TransformWorkspace() : ws;
        w.offsets = w.offsets.length >= nc ? w.offsets : new int[nc];
        int[] off = w.offsets;
        int p = 0;
        for (int c = 0; c < nc; c++) {
            off[c] = p;
            p += adstocks[c].parameterCount() + saturations[c].parameterCount();
        }
        check(gradParams.length >= p, "gradParams.length = %d; expected >= %d",
                gradParams.length, p);

        int len = prepareWeights(adstocks, nPeriods, w);
        if (len > 0) {
            w.corr = TransformWorkspace.grow(w.corr, len * nc);
            double[] corr = w.corr;
            Arrays.fill(corr, 0, len * nc, 0.0);
            int rows = Math.max(1, BLOCK_ELEMENTS / nc);
            w.block = TransformWorkspace.grow(w.block, rows * nc);
            w.gBlock = TransformWorkspace.grow(w.gBlock, rows * nc);
            double[] block = w.block;
            double[] gBlock = w.gBlock;
            double[] wT = w.weightsT;
            boolean kept = keptFor(adstocks, saturations, x, nPeriods, total, w);
            for (int t0 = 0; t0 < nPeriods; t0 += rows) {
                int t1 = Math.min(nPeriods, t0 + rows);
                int nb = t1 - t0;
                if (!kept) {
                    convolveRows(wT, len, nc, x, t0, t1, block, t0 * nc);
                }
                Arrays.fill(gBlock, 0, nb * nc, 0.0);
                for (int c = 0; c < nc; c++) {
                    if (!adstocks[c].isFinite()) {
                        continue;
                    }
                    int po = off[c] + adstocks[c].parameterCount();
                    if (!kept) {
                        saturations[c].backward(block, c, nc, gOut, t0 * nc + c, nc, nb, gradParams, po, gBlock, c,
                                nc);
                    } else if (w.keptLogged[c]) {
                        ((Hill) saturations[c]).backwardLogged(w.keptA, c * nPeriods + t0, w.keptLog,
                                c * nPeriods + t0, gOut, t0 * nc + c, nc, nb, gradParams, po, gBlock, c, nc);
                    } else {
                        saturations[c].backward(w.keptA, c * nPeriods + t0, 1, gOut, t0 * nc + c, nc, nb,
                                gradParams, po, gBlock, c, nc);
                    }
                }
                correlateRows(wT, len, nc, x, t0, t1, gBlock, corr, gIn);
            }
            for (int c = 0; c < nc; c++) {
                Adstock a = adstocks[c];
                if (!a.isFinite()) {
                    continue;
                }
                int np = a.parameterCount();
                w.scratch = TransformWorkspace.grow(w.scratch, len * np);
                double[] jac = w.scratch;
                a.weightJacobianInto(jac, 0, len);
                for (int k = 0; k < np; k++) {
                    double acc = 0;
                    for (int l = 0; l < len; l++) {
                        acc += jac[l * np + k] * corr[l * nc + c];
                    }
                    gradParams[off[c] + k] += acc;
                }
            }
        }
        for (int c = 0; c < nc; c++) {
            Adstock a = adstocks[c];
            if (a.isFinite()) {
                continue;
            }
            w.column = TransformWorkspace.grow(w.column, 2 * nPeriods);
            double[] col = w.column;
            a.apply(x, c, nc, col, 0, 1, nPeriods);
            Arrays.fill(col, nPeriods, 2 * nPeriods, 0.0);
            saturations[c].backward(col, 0, 1, gOut, c, nc, nPeriods, gradParams, off[c] + a.parameterCount(), col,
                    nPeriods, 1);
            a.backward(x, c, nc, col, nPeriods, 1, nPeriods, gradParams, off[c], gIn, c, nc);
        }
    }

    /**
     * The adstocked level reached under constant spend: {@code spend * adstock.totalWeight()}.
     *
     * @param adstock the adstock
     * @param spend spend per period
     * @return the steady-state adstocked level
     */
    public static double steadyStateLevel(Adstock adstock, double spend) {
        return spend * adstock.totalWeight();
    }

    /**
     * The steady-state response to constant spend {@code s}: {@code r(s) = sat(s * W)},
     * {@code W = adstock.totalWeight()}.
     *
     * @param adstock the adstock
     * @param saturation the saturation
     * @param spend spend per period
     * @return {@code r(spend)}
     */
    public static double steadyStateResponse(Adstock adstock, Saturation saturation, double spend) {
        return saturation.value(spend * adstock.totalWeight());
    }

    /**
     * The marginal steady-state response {@code dr/ds = sat'(s * W) * W}, {@code W =
     * adstock.totalWeight()}: what the budget optimiser equalises across channels.
     *
     * @param adstock the adstock
     * @param saturation the saturation
     * @param spend spend per period
     * @return {@code dr/ds} at {@code spend}
     */
    public static double marginalResponse(Adstock adstock, Saturation saturation, double spend) {
        double total = adstock.totalWeight();
        return saturation.derivative(spend * total) * total;
    }

    /** Like {@link Checks#checkArgument} but boxes nothing unless the check fails. */
    private static void check(boolean condition, String format) {
        if (!condition) {
            Checks.checkArgument(false, format);
        }
    }

    private static void check(boolean condition, String format, long a) {
        if (!condition) {
            Checks.checkArgument(false, format, a);
        }
    }

    private static void check(boolean condition, String format, long a, long b) {
        if (!condition) {
            Checks.checkArgument(false, format, a, b);
        }
    }

    private static void checkChannels(Adstock[] adstocks, Saturation[] saturations) {
        Objects.requireNonNull(adstocks, "adstocks");
        Objects.requireNonNull(saturations, "saturations");
        check(adstocks.length == saturations.length,
                "saturations.length = %d; expected adstocks.length = %d", saturations.length, adstocks.length);
        for (int c = 0; c < adstocks.length; c++) {
            if (adstocks[c] == null) {
                throw new NullPointerException("adstocks[" + c + "]");
            }
            if (saturations[c] == null) {
                throw new NullPointerException("saturations[" + c + "]");
            }
        }
    }

    private static int checkShape(double[] x, int nPeriods, int nc) {
        Checks.checkNonNegative("nPeriods", nPeriods);
        long total = (long) nPeriods * nc;
        check(total <= Integer.MAX_VALUE, "nPeriods * nChannels = %d; too large", total);
        check(x.length >= total, "x.length = %d; expected >= nPeriods * nChannels = %d",
                x.length, total);
        return (int) total;
    }

    /**
     * Fills the lag-major weights of the finite channels (zero for infinite ones) and returns the
     * padded window length (0 if no finite channel or no period).
     */
    private static int prepareWeights(Adstock[] adstocks, int nPeriods, TransformWorkspace w) {
        int nc = adstocks.length;
        int len = 0;
        for (Adstock a : adstocks) {
            if (a == null) {
                throw new NullPointerException("adstocks[]");
            }
            if (a.isFinite()) {
                len = Math.max(len, Kernels.window(a, nPeriods));
            }
        }
        if (len == 0) {
            return 0;
        }
        w.weightsT = TransformWorkspace.grow(w.weightsT, len * nc);
        w.weightsC = TransformWorkspace.grow(w.weightsC, len * nc);
        double[] wT = w.weightsT;
        double[] wC = w.weightsC;
        for (int c = 0; c < nc; c++) {
            if (adstocks[c].isFinite()) {
                adstocks[c].weightsInto(wC, c * len, len);
                for (int l = 0; l < len; l++) {
                    wT[l * nc + c] = wC[c * len + l];
                }
            } else {
                for (int l = 0; l < len; l++) {
                    wT[l * nc + c] = 0.0;
                }
            }
        }
        return len;
    }

    /**
     * {@code y[j] = sum_{l <= min(len - 1, hist + j)} w[wOff + l] * colX[hist + j - l]} for {@code j < nb}:
     * one contiguous column, lag-outer so that the inner loop is a vectorisable axpy.
     */
    private static void convolveColumn(double[] w, int wOff, int len, double[] colX, int hist, double[] y,
            int nb) {
        double w0 = w[wOff];
        for (int j = 0; j < nb; j++) {
            y[j] = w0 * colX[hist + j];
        }
        for (int l = 1; l < len; l++) {
            double wl = w[wOff + l];
            if (wl == 0.0) {
                continue;
            }
            int j0 = Math.max(0, l - hist);
            int base = hist - l;
            for (int j = j0; j < nb; j++) {
                y[j] += wl * colX[base + j];
            }
        }
    }

    /**
     * {@code dst[t * nc + c - shift] = sum_{l <= min(len - 1, t)} wT[l * nc + c] x[(t - l) * nc + c]} for
     * rows {@code t0 <= t < t1}; the channel loop is innermost and vectorisable.
     */
    private static void convolveRows(double[] wT, int len, int nc, double[] x, int t0, int t1, double[] dst,
            int shift) {
        for (int t = t0; t < t1; t++) {
            int row = t * nc;
            int d = row - shift;
            for (int c = 0; c < nc; c++) {
                dst[d + c] = wT[c] * x[row + c];
            }
            int lmax = Math.min(len - 1, t);
            for (int l = 1; l <= lmax; l++) {
                int xr = row - l * nc;
                int wr = l * nc;
                for (int c = 0; c < nc; c++) {
                    dst[d + c] += wT[wr + c] * x[xr + c];
                }
            }
        }
    }

    /**
     * For rows {@code t0 <= t < t1} with block adjoint {@code g[(t - t0) * nc + c]}: accumulates the
     * lagged cross-correlations {@code corr[l * nc + c] += g(t, c) x(t - l, c)} and, if {@code gIn} is not
     * null, scatters the input adjoint {@code gIn(t - l, c) += w_c[l] g(t, c)}.
     */
    private static void correlateRows(double[] wT, int len, int nc, double[] x, int t0, int t1, double[] g,
            double[] corr, double[] gIn) {
        for (int t = t0; t < t1; t++) {
            int row = t * nc;
            int gr = (t - t0) * nc;
            int lmax = Math.min(len - 1, t);
            for (int l = 0; l <= lmax; l++) {
                int xr = row - l * nc;
                int cr = l * nc;
                for (int c = 0; c < nc; c++) {
                    corr[cr + c] += g[gr + c] * x[xr + c];
                }
            }
            if (gIn != null) {
                for (int l = 0; l <= lmax; l++) {
                    int ir = row - l * nc;
                    int wr = l * nc;
                    for (int c = 0; c < nc; c++) {
                        gIn[ir + c] += wT[wr + c] * g[gr + c];
                    }
                }
            }
        }
    }
}
