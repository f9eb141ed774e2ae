package io.github.mmm4j.optimize.shapley;

import io.github.mmm4j.core.FitMetrics;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.Decomposition;
import io.github.mmm4j.models.Design;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Provenance;
import java.util.List;
import java.util.Optional;

/**
 * A non-additive test model: {@code kpi[t] = exp(eta0 + sum_c m_c[t])} with {@code m_c} the media terms of an inner
 * linear model ({@code beta_c sat(adstock(spend_c / scale_c))}); media multiply each other and the baseline.
 */
final class MultiplicativeModel {

    final FittedModel inner;
    final double eta0;

    MultiplicativeModel(FittedModel inner, double eta0) {
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

    /** @return the KPI per row */
    double[] predict(MmmDataset data) {
        double[] e = eta(data);
        for (int r = 0; r < e.length; r++) {
            e[r] = Math.exp(e[r]);
        }
        return e;
    }
}
