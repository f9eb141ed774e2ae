package io.github.mmm4j.optimize.shapley;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import java.util.List;
import java.util.Objects;

/**
 * The separable game: {@code v(S) = sum_r link(base[r] + sum_{c in S} series[c][r])}. All {@code 2^n} values are
 * enumerated in Gray-code order, so consecutive coalitions differ by one channel and each costs one pass over the
 * rows (with the identity link, one addition); the running sums are recomputed from scratch every 4096 steps to
 * bound rounding drift.
 */
final class SeparableCoalitionValue implements CoalitionValue {

    private final List<String> names;
    private final double[] base;
    private final double[][] series;
    private final Link link;
    private final double baseTotal;
    private final double[] totals;
    private final double[] eta;

    SeparableCoalitionValue(List<String> names, double[] base, double[][] series, Link link) {
        this.names = List.copyOf(names);
        this.link = Objects.requireNonNull(link, "link");
        Checks.checkArgument(series.length == this.names.size(), "series has %d rows; %d names", series.length,
                this.names.size());
        Checks.checkArgument(!this.names.isEmpty() && this.names.size() <= 62, "%d players; must be in [1, 62]",
                this.names.size());
        this.base = base.clone();
        Checks.checkAllFinite("base", this.base);
        this.series = new double[series.length][];
        this.totals = new double[series.length];
        for (int c = 0; c < series.length; c++) {
            Checks.checkLength("series[" + c + "]", series[c], base.length);
            Checks.checkAllFinite("series[" + c + "]", series[c]);
            this.series[c] = series[c].clone();
            for (double v : series[c]) {
                totals[c] += v;
            }
        }
        double b = 0;
        for (double v : this.base) {
            b += v;
        }
        this.baseTotal = b;
        this.eta = new double[base.length];
    }

    static SeparableCoalitionValue of(FittedModel model, MmmDataset data, int from, int to) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        Checks.checkArgument(from >= 0 && from < to && to <= data.nPeriods(),
                "window [%d, %d) is not within the data's %d periods", from, to, data.nPeriods());
        int nc = data.nChannels();
        int nt = data.nPeriods();
        int ng = data.nGeos();
        int w = to - from;
        double[] p = model.predict(data.withSpend(new double[data.nRows() * nc]));
        double[] base = new double[ng * w];
        double[][] series = new double[nc][ng * w];
        double[] zero = new double[nt];
        for (int g = 0; g < ng; g++) {
            System.arraycopy(p, g * nt + from, base, g * w, w);
            for (int c = 0; c < nc; c++) {
                double[] s = new double[nt];
                for (int t = 0; t < nt; t++) {
                    s[t] = data.spend(g * nt + t, c);
                }
                double[] y = model.channelContribution(c, g, s);
                double[] y0 = model.channelContribution(c, g, zero);
                for (int t = 0; t < w; t++) {
                    series[c][g * w + t] = y[from + t] - y0[from + t];
                }
            }
        }
        return new SeparableCoalitionValue(data.channels(), base, series, Link.identity());
    }

    @Override
    public int players() {
        return names.size();
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public double value(long coalition) {
        if (link.isIdentity()) {
            double s = baseTotal;
            for (int c = 0; c < totals.length; c++) {
                if ((coalition & (1L << c)) != 0) {
                    s += totals[c];
                }
            }
            return s;
        }
        System.arraycopy(base, 0, eta, 0, base.length);
        for (int c = 0; c < series.length; c++) {
            if ((coalition & (1L << c)) != 0) {
                double[] s = series[c];
                for (int r = 0; r < eta.length; r++) {
                    eta[r] += s[r];
                }
            }
        }
        return sumLink();
    }

    private double sumLink() {
        double v = 0;
        for (double e : eta) {
            v += link.apply(e);
        }
        return v;
    }

    @Override
    public void allValues(double[] out) {
        int n = players();
        int size = 1 << n;
        if (link.isIdentity()) {
            // Subset sums: v(S) = v(S minus its lowest player) + total of that player; exact order of additions.
            out[0] = baseTotal;
            for (int m = 1; m < size; m++) {
                int low = Integer.numberOfTrailingZeros(m);
                out[m] = out[m & (m - 1)] + totals[low];
            }
            return;
        }
        System.arraycopy(base, 0, eta, 0, base.length);
        out[0] = sumLink();
        int gray = 0;
        for (int k = 1; k < size; k++) {
            int next = k ^ (k >>> 1);
            int flip = Integer.numberOfTrailingZeros(gray ^ next);
            gray = next;
            if ((k & 4095) == 0) {
                value(gray); // recompute eta from scratch
            } else {
                double[] s = series[flip];
                if ((gray & (1 << flip)) != 0) {
                    for (int r = 0; r < eta.length; r++) {
                        eta[r] += s[r];
                    }
                } else {
                    for (int r = 0; r < eta.length; r++) {
                        eta[r] -= s[r];
                    }
                }
            }
            out[gray] = sumLink();
        }
    }

    @Override
    public void marginals(int[] order, double[] out) {
        if (link.isIdentity()) {
            for (int p : order) {
                out[p] = totals[p];
            }
            return;
        }
        System.arraycopy(base, 0, eta, 0, base.length);
        double prev = sumLink();
        for (int p : order) {
            double[] s = series[p];
            for (int r = 0; r < eta.length; r++) {
                eta[r] += s[r];
            }
            double v = sumLink();
            out[p] = v - prev;
            prev = v;
        }
    }
}
