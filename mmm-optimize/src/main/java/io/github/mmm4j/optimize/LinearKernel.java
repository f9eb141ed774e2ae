package io.github.mmm4j.optimize;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.Design;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact fast path for every {@link FittedModel} (ridge and NNLS with bootstrap draws sharing one set of
 * transforms; a Bayesian model whose draws each have their own transforms). Adstock is linear, so each channel's
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
        /** Per geo, the population size (spend per capita in, effect per capita times size out); 1 without. */
        final double[] size;
        /** hist[c][g * H + h]. */
        final double[][] hist;
        /** w[c][g * H + h]: adstocked flighting weights over the scale. */
        final double[][] w;
        final boolean[] concaveShape;
        /**
         * idle[c][g]: channel c has neither carryover nor flighting in geo g and its saturation is 0 at 0, so the geo
         * adds exactly 0 to {@link #sum} and {@link #derivativeSum}; skipped. A model split by geo
         * ({@code FittedModel.byGeo}) has one active geo per channel.
         */
        final boolean[][] idle;
        /** mult[c][g]: the model's per-geo effect multiplier (1 without per-geo effects). */
        final double[][] mult;
        final int horizon;

        Transforms(FittedModel m, MmmDataset history, int horizon, double[][] flighting) {
            int nc = history.nChannels();
            int ng = history.nGeos();
            int nt = history.nPeriods();
            this.horizon = horizon;
            mult = multipliers(m, nc, ng);
            channels = m.spec().channels().toArray(new ChannelSpec[0]);
            scale = m.frame().mediaScale();
            size = m.frame().geoSize();
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
                        x[t] = history.spend(g * nt + t, c) / (scale[c] * size[g]);
                    }
                    ad.apply(x, nt + horizon, out);
                    for (int h = 0; h < horizon; h++) {
                        xf[h] = flighting[c][g * horizon + h] / (scale[c] * size[g]);
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
            idle = new boolean[nc][ng];
            for (int c = 0; c < nc; c++) {
                boolean zeroAtZero = channels[c].saturation().value(0.0) == 0.0;
                for (int g = 0; g < ng; g++) {
                    boolean none = zeroAtZero;
                    for (int h = 0; h < horizon && none; h++) {
                        none = hist[c][g * horizon + h] == 0.0 && w[c][g * horizon + h] == 0.0;
                    }
                    idle[c][g] = none;
                }
            }
        }

        private static boolean concave(Saturation s) {
            return s.isConcave();
        }

        double sum(int c, double x) {
            Saturation sat = channels[c].saturation();
            double[] a = hist[c];
            double[] b = w[c];
            double[] mc = mult[c];
            boolean[] skip = idle[c];
            double s = 0;
            for (int g = 0, r = 0; g < mc.length; g++, r += horizon) {
                if (skip[g]) {
                    continue;
                }
                double m = mc[g];
                for (int i = r, e = r + horizon; i < e; i++) {
                    s += m * sat.value(a[i] + x * b[i]);
                }
            }
            return s;
        }

        double derivativeSum(int c, double x) {
            Saturation sat = channels[c].saturation();
            double[] a = hist[c];
            double[] b = w[c];
            double[] mc = mult[c];
            boolean[] skip = idle[c];
            double s = 0;
            for (int g = 0, r = 0; g < mc.length; g++, r += horizon) {
                if (skip[g]) {
                    continue;
                }
                double m = mc[g];
                for (int i = r, e = r + horizon; i < e; i++) {
                    if (b[i] != 0) {
                        s += m * (sat.derivative(a[i] + x * b[i]) * b[i]);
                    }
                }
            }
            return s;
        }

        double seriesSum(int c, double[] series, int ng, int horizon, double[] xs, double[] lv) {
            Saturation sat = channels[c].saturation();
            Adstock ad = channels[c].adstock();
            double s = 0;
            for (int g = 0; g < ng; g++) {
                boolean none = idle[c][g];
                for (int h = 0; h < horizon && none; h++) {
                    none = series[g * horizon + h] == 0.0;
                }
                if (none) {
                    // no carryover, no spend: sat(0) = 0 in every period, an exact 0
                    continue;
                }
                for (int h = 0; h < horizon; h++) {
                    xs[h] = series[g * horizon + h] / (scale[c] * size[g]);
                }
                ad.apply(xs, horizon, lv);
                double m = mult[c][g];
                for (int h = 0; h < horizon; h++) {
                    s += m * sat.value(hist[c][g * horizon + h] + lv[h]);
                }
            }
            return s;
        }
    }

    /** The model's per-geo effect multipliers, [c][g]. */
    private static double[][] multipliers(FittedModel m, int nc, int ng) {
        double[][] out = new double[nc][ng];
        for (int c = 0; c < nc; c++) {
            for (int g = 0; g < ng; g++) {
                // the effect multiplier times the population size (both 1 when absent)
                out[c][g] = m.geoEffect(c, g) * m.frame().geoSize(g);
            }
        }
        return out;
    }

    /** The key of a draw's transform set: its channel specs and, for a hierarchical model, its multipliers. */
    private static List<Object> key(FittedModel m, int nc, int ng) {
        List<Object> k = new ArrayList<>(m.spec().channels());
        if (m.hasGeoEffects()) {
            for (double[] row : multipliers(m, nc, ng)) {
                for (double v : row) {
                    k.add(v);
                }
            }
        }
        return k;
    }

    /** Expectations over more transform sets than this are tabulated ({@link TabulatedResponse}). */
    static final int TABULATE_ABOVE = 16;

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
    private static double[] horizonColumnSums(FittedModel m, MmmDataset extended, int nt, int horizon) {
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

    /**
     * The non-media KPI of a model over the horizon: {@link #nonMedia(double, double[], int, double[], int, int)},
     * except that a model with per-geo baseline amplitudes scales each geo's trend and seasonality sums by its own.
     */
    private static double nonMedia(FittedModel m, double[] colSums, double[][] geoColSums, int firstMedia, int rows) {
        double[] coef = m.coefficients();
        if (!m.hasGeoEffects()) {
            return nonMedia(m.intercept(), coef, 0, colSums, firstMedia, rows);
        }
        double s = m.intercept() * rows;
        for (int j = 0; j < firstMedia; j++) {
            if (m.isShapeColumn(j)) {
                double sj = 0;
                for (int g = 0; g < geoColSums.length; g++) {
                    sj += m.geoBaselineScale(g) * geoColSums[g][j];
                }
                s += coef[j] * sj;
            } else {
                s += coef[j] * colSums[j];
            }
        }
        return s;
    }

    /** Sums over each geo's horizon rows of each design column of the extended data: [g][j]. */
    private static double[][] horizonGeoColumnSums(FittedModel m, MmmDataset extended, int nt, int horizon) {
        Design design = Design.of(extended, m.spec(), m.frame());
        int n2 = nt + horizon;
        double[][] sums = new double[extended.nGeos()][design.cols()];
        for (int g = 0; g < extended.nGeos(); g++) {
            for (int h = 0; h < horizon; h++) {
                int r = g * n2 + nt + h;
                for (int j = 0; j < design.cols(); j++) {
                    sums[g][j] += design.get(r, j);
                }
            }
        }
        return sums;
    }

    /**
     * The kernel of a fitted model: its draws (each with its own transforms; draws with equal transforms share one
     * set) and its point estimate as the expectation (the point row, or the mean over the draws when the model has
     * none), as {@link FittedModel} defines it.
     */
    static LinearKernel of(FittedModel m, MmmDataset history, MmmDataset extended, int horizon,
            double[][] flighting) {
        int nc = history.nChannels();
        int ng = history.nGeos();
        int nt = history.nPeriods();
        int nd = m.drawCount();
        double[] colSums = horizonColumnSums(m, extended, nt, horizon);
        double[][] geoColSums = m.hasGeoEffects() ? horizonGeoColumnSums(m, extended, nt, horizon) : null;
        int firstMedia = colSums.length - nc;
        int rows = ng * horizon;
        List<Transforms> sets = new ArrayList<>();
        Map<List<Object>, Integer> index = new HashMap<>();
        int[] setOf = new int[nd];
        double[][] beta = new double[nd][nc];
        double[] nonMedia = new double[nd];
        double sum = 0;
        for (int d = 0; d < nd; d++) {
            FittedModel dm = m.draw(d);
            setOf[d] = index.computeIfAbsent(key(dm, nc, ng), k -> {
                sets.add(new Transforms(dm, history, horizon, flighting));
                return sets.size() - 1;
            });
            double[] coef = dm.coefficients();
            System.arraycopy(coef, firstMedia, beta[d], 0, nc);
            nonMedia[d] = nonMedia(dm, colSums, geoColSums, firstMedia, rows);
            sum += nonMedia[d];
        }
        double enm;
        double[] pointBeta = null;
        int pointSet = -1;
        if (m.hasPoint() || nd == 0) {
            pointSet = index.computeIfAbsent(key(m, nc, ng), k -> {
                sets.add(new Transforms(m, history, horizon, flighting));
                return sets.size() - 1;
            });
            double[] coef = m.coefficients();
            pointBeta = java.util.Arrays.copyOfRange(coef, firstMedia, firstMedia + nc);
            enm = nonMedia(m, colSums, geoColSums, firstMedia, rows);
        } else {
            enm = sum / nd;
        }
        double[][] ew = new double[sets.size()][nc];
        if (pointBeta != null) {
            ew[pointSet] = pointBeta;
        } else {
            for (int d = 0; d < nd; d++) {
                for (int c = 0; c < nc; c++) {
                    ew[setOf[d]][c] += beta[d][c] / nd;
                }
            }
        }
        return new LinearKernel(nc, ng, horizon, sets.toArray(new Transforms[0]), setOf, beta, nonMedia, ew, enm, nd);
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
        ChannelResponse exact = new ChannelResponse() {
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
        // The expectation over many draws with their own transforms costs one saturation sum per draw: tabulate it
        // once (exact at the nodes, C1 Hermite in between) so that the optimizer's many evaluations stay cheap.
        return ks.length > TABULATE_ABOVE ? new TabulatedResponse(exact, 2 * sets[ks[0]].scale[c] * ng * horizon)
                : exact;
    }

    int channels() {
        return nc;
    }

    /**
     * The terms of one transform set and channel for {@link Simulator}: the rows that are not idle, as
     * {@code {hist, w, mult, geo}} (the geo's multiplier repeated over its rows, and the geo's index).
     */
    double[][] terms(int k, int c) {
        Transforms t = sets[k];
        int n = 0;
        for (int g = 0; g < ng; g++) {
            n += t.idle[c][g] ? 0 : horizon;
        }
        double[][] out = new double[4][n];
        int i = 0;
        for (int g = 0; g < ng; g++) {
            if (t.idle[c][g]) {
                continue;
            }
            for (int h = 0; h < horizon; h++, i++) {
                out[0][i] = t.hist[c][g * horizon + h];
                out[1][i] = t.w[c][g * horizon + h];
                out[2][i] = t.mult[c][g];
                out[3][i] = g;
            }
        }
        return out;
    }

    /** @return the saturation of channel {@code c} in transform set {@code k} */
    Saturation saturation(int k, int c) {
        return sets[k].channels[c].saturation();
    }

    /** @return the number of transform sets */
    int setCount() {
        return sets.length;
    }

    /** @return the transform set of draw {@code d} */
    int setOf(int d) {
        return setOf[d];
    }

    /** @return draw {@code d}'s coefficient of channel {@code c} */
    double beta(int d, int c) {
        return beta[d][c];
    }

    /** @return the expectation's weight of set {@code k} for channel {@code c} */
    double expectedWeight(int k, int c) {
        return expectedWeight[k][c];
    }
}
