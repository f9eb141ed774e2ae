package io.github.mmm4j.optimize.shapley;

import io.github.mmm4j.core.FitMetrics;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.Decomposition;
import io.github.mmm4j.models.Design;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.LinearModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Provenance;
import java.util.List;
import java.util.Optional;

/**
 * A non-additive test model: {@code kpi[t] = exp(eta0 + sum_c m_c[t])} with {@code m_c} the media terms of an inner
 * linear model ({@code beta_c sat(adstock(spend_c / scale_c))}); media multiply each other and the baseline.
 */
final class MultiplicativeModel implements FittedModel {

    final LinearModel inner;
    final double eta0;

    MultiplicativeModel(LinearModel inner, double eta0) {
        this.inner = inner;
        this.eta0 = eta0;
    }

    /** eta[g * nt + t] per row, media terms of channels in {@code mask} only. */
    double[] eta(MmmDataset data) {
        int nt = data.nPeriods();
        double[] eta = new double[data.nRows()];
        java.util.Arrays.fill(eta, eta0);
        for (int g = 0; g < data.nGeos(); g++) {
            for (int c = 0; c < data.nChannels(); c++) {
                double[] s = new double[nt];
                for (int t = 0; t < nt; t++) {
                    s[t] = data.spend(g * nt + t, c);
                }
                double[] m = inner.channelContribution(c, g, s);
                for (int t = 0; t < nt; t++) {
                    eta[g * nt + t] += m[t];
                }
            }
        }
        return eta;
    }

    @Override
    public double[] predict(MmmDataset data) {
        double[] e = eta(data);
        for (int r = 0; r < e.length; r++) {
            e[r] = Math.exp(e[r]);
        }
        return e;
    }

    @Override
    public Decomposition decompose(MmmDataset data) {
        double[] p = predict(data);
        return new Decomposition(data.time(), data.geos(), List.of("all"), p, p);
    }

    @Override
    public String estimator() {
        return "multiplicative-test";
    }

    @Override
    public ModelSpec spec() {
        return inner.spec();
    }

    @Override
    public MmmDataset data() {
        return inner.data();
    }

    @Override
    public int holdout() {
        return 0;
    }

    @Override
    public Design.Frame frame() {
        return inner.frame();
    }

    @Override
    public List<ChannelSummary> channels() {
        throw new UnsupportedOperationException();
    }

    @Override
    public FitMetrics trainMetrics() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<FitMetrics> testMetrics() {
        return Optional.empty();
    }

    @Override
    public Provenance provenance() {
        return inner.provenance();
    }

    @Override
    public double response(int channel, double spendPerPeriod) {
        throw new UnsupportedOperationException();
    }

    @Override
    public double marginalResponse(int channel, double spendPerPeriod) {
        throw new UnsupportedOperationException();
    }
}
