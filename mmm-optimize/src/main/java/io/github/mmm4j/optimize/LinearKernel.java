package io.github.mmm4j.optimize;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.Design;
import io.github.mmm4j.models.LinearModel;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Hill;
import io.github.mmm4j.transforms.Logistic;
import io.github.mmm4j.transforms.MichaelisMenten;
import io.github.mmm4j.transforms.Saturation;
import io.github.mmm4j.transforms.Tanh;
import java.util.List;

/**
 * The exact fast path for models made of {@link LinearModel}s (ridge and NNLS with bootstrap draws sharing one set
 * of transforms; a sampled or Bayesian model whose draws are linear models, each with its own transforms). Adstock is linear, so each channel's
 * adstocked, scaled level in horizon row {@code r} is {@code hist[r] + adstock_H(series / scale)[r]}, where
 * {@code hist} (the carryover of historical spend) is computed once; a response to a horizon total {@code x}
 * spread by the flighting is {@code beta * sum_r sat(hist[r] + x * w[r])} with {@code w} the adstocked flighting,
 * also computed once. One evaluation costs {@code G * H} saturation calls.
 */
final class LinearKernel implements Kernel {

    /** One set of transforms (per channel): the spec, scales, carryover and adstocked flighting. */
    private static final class Transforms {
        final ChannelSpec[] channels;
        final double[] scale;
        /** hist[c][g * H + h]. */
        final double[][] hist;
        /** w[c][g * H + h]: adstocked flighting weights over the scale. */
        final double[][] w;
        final boolean[] concaveShape;

        Transforms(LinearModel m, MmmDataset history, int horizon, double[][] flighting) {
            int nc = history.nChannels();
            int ng = history.nGeos();
            int nt = history.nPeriods();
            channels = m.spec().channels().toArray(new ChannelSpec[0]);
            scale = m.frame().mediaScale();
            hist = new double[nc][ng * horizon];
            w = new double[nc][ng * horizon];
            concaveShape = new boolean[nc];
            double[] x = new double[nt + horizon];
            double[] out = new double[nt + horizon];
            double[] xf = new double[horizon];
            double[] of = new double[horizon];
            for (int c = 0; c < nc; c++) {
                Adstock ad = channels[c].adstock();
                boolean nonNegative = true;
                for (int g = 0; g < ng; g++) {
                    java.util.Arrays.fill(x, 0);
                    for (int t = 0; t < nt; t++) {
                        x[t] = history.spend(g * nt + t, c) / scale[c];
                    }
                    ad.apply(x, nt + horizon, out);
                    for (int h = 0; h < horizon; h++) {
                        xf[h] = flighting[c][g * horizon + h] / scale[c];
                    }
                    ad.apply(xf, horizon, of);
                    for (int h = 0; h < horizon; h++) {
                        hist[c][g * horizon + h] = out[nt + h];
                        w[c][g * horizon + h] = of[h];
                        nonNegative &= out[nt + h] >= 0 && of[h] >= 0;
                    }
                }
                concaveShape[c] = nonNegative && concave(channels[c].saturation());
            }
        }

        private static boolean concave(Saturation s) {
            return s instanceof Hill hill ? hill.slope() <= 1
                    : s instanceof Logistic || s instanceof MichaelisMenten || s instanceof Tanh;
        }

        double sum(int c, double x) {
            Saturation sat = channels[c].saturation();
            double[] a = hist[c];
            double[] b = w[c];
            double s = 0;
            for (int r = 0; r < a.length; r++) {
                s += sat.value(a[r] + x * b[r]);
            }
            return s;
        }

        double derivativeSum(int c, double x) {
            Saturation sat = channels[c].saturation();
            double[] a = hist[c];
            double[] b = w[c];
            double s = 0;
            for (int r = 0; r < a.length; r++) {
                if (b[r] != 0) {
                    s += sat.derivative(a[r] + x * b[r]) * b[r];
                }
            }
            return s;
        }

        double seriesSum(int c, double[] series, int ng, int horizon, double[] xs, double[] lv) {
            Saturation sat = channels[c].saturation();
            Adstock ad = channels[c].adstock();
            double s = 0;
            for (int g = 0; g < ng; g++) {
                for (int h = 0; h < horizon; h++) {
                    xs[h] = series[g * horizon + h] / scale[c];
                }
                ad.apply(xs, horizon, lv);
                for (int h = 0; h < horizon; h++) {
                    s += sat.value(hist[c][g * horizon + h] + lv[h]);
                }
            }
            return s;
        }
    }

    private final int nc;
    private final int ng;
    private final int horizon;
    private final Transforms[] sets;
    /** setOf[d]: the transform set of draw d. */
    private final int[] setOf;
    /** beta[d][c]. */
    private final double[][] beta;
    private final double[] nonMedia;
    /** Expectation: weight[k][c] = sum over draws d with set k of beta[d][c] / D (or the point beta). */
    private final double[][] expectedWeight;
    private final double expectedNonMedia;
    private final int draws;

    private LinearKernel(int nc, int ng, int horizon, Transforms[] sets, int[] setOf, double[][] beta,
            double[] nonMedia, double[][] expectedWeight, double expectedNonMedia, int draws) {
        this.nc = nc;
        this.ng = ng;
        this.horizon = horizon;
        this.sets = sets;
        this.setOf = setOf;
        this.beta = beta;
        this.nonMedia = nonMedia;
        this.expectedWeight = expectedWeight;
        this.expectedNonMedia = expectedNonMedia;
        this.draws = draws;
    }

    /** Sums over the horizon rows of each design column of the extended data. */
    private static double[] horizonColumnSums(LinearModel m, MmmDataset extended, int nt, int horizon) {
        Design design = Design.of(extended, m.spec(), m.frame());
        int n2 = nt + horizon;
        double[] sums = new double[design.cols()];
        for (int g = 0; g < extended.nGeos(); g++) {
            for (int h = 0; h < horizon; h++) {
                int r = g * n2 + nt + h;
                for (int j = 0; j < sums.length; j++) {
                    sums[j] += design.get(r, j);
                }
            }
        }
        return sums;
    }

    private static double nonMedia(double intercept, double[] coef, int offset, double[] colSums, int firstMedia,
            int rows) {
        double s = intercept * rows;
        for (int j = 0; j < firstMedia; j++) {
            s += coef[offset + j] * colSums[j];
        }
        return s;
    }

    static LinearKernel of(LinearModel m, MmmDataset history, MmmDataset extended, int horizon,
            double[][] flighting) {
        int nc = history.nChannels();
        int ng = history.nGeos();
        int nt = history.nPeriods();
        Transforms t = new Transforms(m, history, horizon, flighting);
        double[] colSums = horizonColumnSums(m, extended, nt, horizon);
        int p = colSums.length;
        int firstMedia = p - nc;
        int rows = ng * horizon;
        double[] draws = m.drawsArray();
        int nd = draws == null ? 0 : draws.length / (1 + p);
        double[][] beta = new double[nd][nc];
        double[] nonMedia = new double[nd];
        double[][] ew = new double[1][nc];
        double enm;
        if (nd == 0) {
            double[] coef = m.coefficients();
            System.arraycopy(coef, firstMedia, ew[0], 0, nc);
            enm = nonMedia(m.intercept(), coef, 0, colSums, firstMedia, rows);
        } else {
            double sum = 0;
            for (int d = 0; d < nd; d++) {
                int off = d * (1 + p);
                for (int c = 0; c < nc; c++) {
                    beta[d][c] = draws[off + 1 + firstMedia + c];
                    ew[0][c] += beta[d][c] / nd;
                }
                nonMedia[d] = nonMedia(draws[off], draws, off + 1, colSums, firstMedia, rows);
                sum += nonMedia[d];
            }
            enm = sum / nd;
        }
        return new LinearKernel(nc, ng, horizon, new Transforms[] {t}, new int[nd], beta, nonMedia, ew, enm, nd);
    }

    static LinearKernel of(List<LinearModel> list, MmmDataset history, MmmDataset extended, int horizon,
            double[][] flighting) {
        int nd = list.size();
        int nc = history.nChannels();
        int ng = history.nGeos();
        int nt = history.nPeriods();
        Transforms[] sets = new Transforms[nd];
        int[] setOf = new int[nd];
        double[][] beta = new double[nd][nc];
        double[] nonMedia = new double[nd];
        double[][] ew = new double[nd][nc];
        double sum = 0;
        double[] colSums = null;
        LinearModel designOwner = null;
        for (int d = 0; d < nd; d++) {
            LinearModel m = list.get(d);
            sets[d] = new Transforms(m, history, horizon, flighting);
            setOf[d] = d;
            double[] coef = m.coefficients();
            int firstMedia = coef.length - nc;
            // Non-media columns depend only on trend and harmonics: reuse the design when they agree.
            if (colSums == null || designOwner.spec().trend() != m.spec().trend()
                    || designOwner.spec().fourierHarmonics() != m.spec().fourierHarmonics()) {
                colSums = horizonColumnSums(m, extended, nt, horizon);
                designOwner = m;
            }
            for (int c = 0; c < nc; c++) {
                beta[d][c] = coef[firstMedia + c];
                ew[d][c] = beta[d][c] / nd;
            }
            nonMedia[d] = nonMedia(m.intercept(), coef, 0, colSums, firstMedia, ng * horizon);
            sum += nonMedia[d];
        }
        return new LinearKernel(nc, ng, horizon, sets, setOf, beta, nonMedia, ew, sum / nd, nd);
    }

    @Override
    public int drawCount() {
        return draws;
    }

    @Override
    public double nonMedia(int d) {
        return d < 0 ? expectedNonMedia : nonMedia[d];
    }

    @Override
    public double contribution(int d, int c, double[] series) {
        double[] xs = new double[horizon];
        double[] lv = new double[horizon];
        if (d >= 0) {
            return beta[d][c] * sets[setOf[d]].seriesSum(c, series, ng, horizon, xs, lv);
        }
        double s = 0;
        for (int k = 0; k < sets.length; k++) {
            if (expectedWeight[k][c] != 0) {
                s += expectedWeight[k][c] * sets[k].seriesSum(c, series, ng, horizon, xs, lv);
            }
        }
        return s;
    }

    @Override
    public ChannelResponse response(int d, int c) {
        if (d >= 0) {
            Transforms t = sets[setOf[d]];
            double b = beta[d][c];
            boolean concave = b >= 0 && t.concaveShape[c];
            return new ChannelResponse() {
                @Override
                public double value(double spend) {
                    return b * t.sum(c, spend);
                }

                @Override
                public double derivative(double spend) {
                    return b * t.derivativeSum(c, spend);
                }

                @Override
                public boolean knownConcave() {
                    return concave;
                }
            };
        }
        boolean concave = true;
        int used = 0;
        for (int k = 0; k < sets.length; k++) {
            concave &= expectedWeight[k][c] >= 0 && sets[k].concaveShape[c];
            used += expectedWeight[k][c] != 0 ? 1 : 0;
        }
        int[] ks = new int[used];
        double[] ws = new double[used];
        for (int k = 0, i = 0; k < sets.length; k++) {
            if (expectedWeight[k][c] != 0) {
                ks[i] = k;
                ws[i++] = expectedWeight[k][c];
            }
        }
        boolean known = concave;
        return new ChannelResponse() {
            @Override
            public double value(double spend) {
                double s = 0;
                for (int i = 0; i < ks.length; i++) {
                    s += ws[i] * sets[ks[i]].sum(c, spend);
                }
                return s;
            }

            @Override
            public double derivative(double spend) {
                double s = 0;
                for (int i = 0; i < ks.length; i++) {
                    s += ws[i] * sets[ks[i]].derivativeSum(c, spend);
                }
                return s;
            }

            @Override
            public boolean knownConcave() {
                return known;
            }
        };
    }

    int channels() {
        return nc;
    }
}
