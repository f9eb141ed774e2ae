package io.github.mmm4j.optimize;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;

/**
 * The generic path for any {@link FittedModel} additive in media: contributions through
 * {@link FittedModel#channelContribution} on the history followed by the horizon series, the non-media KPI through
 * {@link FittedModel#predict} on the extended dataset; draws through {@link FittedModel#draw}, the expectation being
 * the mean over the draws when there are any (the model itself otherwise). Derivatives of
 * responses are central differences with a relative step of {@code 1e-5}.
 */
final class GenericKernel implements Kernel {

    private final FittedModel model;
    private final FittedModel[] draws;
    private final MmmDataset history;
    private final MmmDataset zeroExtended;
    private final int horizon;
    private final double[][] flighting;
    private final double[] typical;
    private final double[] nonMedia;

    GenericKernel(FittedModel model, MmmDataset history, MmmDataset zeroExtended, int horizon,
            double[][] flighting, double[] typicalSpend) {
        this.model = model;
        this.history = history;
        this.zeroExtended = zeroExtended;
        this.horizon = horizon;
        this.flighting = flighting;
        this.typical = typicalSpend.clone();
        int nd = model.drawCount();
        this.draws = new FittedModel[nd];
        for (int d = 0; d < nd; d++) {
            draws[d] = model.draw(d);
        }
        this.nonMedia = new double[nd + 1];
        // d = -1 is the model's own point estimate (FittedModel defines it once: the point row or the draws' mean)
        for (int d = -1; d < nd; d++) {
            nonMedia[d + 1] = computeNonMedia(d);
        }
    }

    private FittedModel at(int d) {
        return d < 0 ? model : draws[d];
    }

    private double computeNonMedia(int d) {
        double[] p = at(d).predict(zeroExtended);
        int nt = history.nPeriods();
        int n2 = nt + horizon;
        double s = 0;
        for (int g = 0; g < history.nGeos(); g++) {
            for (int h = 0; h < horizon; h++) {
                s += p[g * n2 + nt + h];
            }
        }
        double[] zero = new double[history.nGeos() * horizon];
        for (int c = 0; c < history.nChannels(); c++) {
            s -= contribution(d, c, zero);
        }
        return s;
    }

    @Override
    public int drawCount() {
        return draws.length;
    }

    @Override
    public double nonMedia(int d) {
        return nonMedia[d + 1];
    }

    @Override
    public double contribution(int d, int c, double[] series) {
        int nt = history.nPeriods();
        double[] x = new double[nt + horizon];
        double s = 0;
        for (int g = 0; g < history.nGeos(); g++) {
            for (int t = 0; t < nt; t++) {
                x[t] = history.spend(g * nt + t, c);
            }
            System.arraycopy(series, g * horizon, x, nt, horizon);
            double[] y = at(d).channelContribution(c, g, x);
            for (int h = 0; h < horizon; h++) {
                s += y[nt + h];
            }
        }
        return s;
    }

    @Override
    public ChannelResponse response(int d, int c) {
        double[] f = flighting[c];
        double step0 = Math.max(typical[c], 1e-300);
        return new ChannelResponse() {
            private double[] series(double x) {
                double[] s = new double[f.length];
                for (int r = 0; r < s.length; r++) {
                    s[r] = x * f[r];
                }
                return s;
            }

            @Override
            public double value(double spend) {
                return contribution(d, c, series(spend));
            }

            @Override
            public double derivative(double spend) {
                double e = 1e-5 * (spend + step0);
                double lo = Math.max(0, spend - e);
                double hi = spend + e;
                return (value(hi) - value(lo)) / (hi - lo);
            }
        };
    }
}
