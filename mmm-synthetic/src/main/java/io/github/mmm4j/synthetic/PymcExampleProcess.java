package io.github.mmm4j.synthetic;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.core.TimeIndex;
import java.time.LocalDate;

/**
 * Re-draws of the documented data-generating process of PyMC-Marketing's {@code data/mmm_example.csv}
 * ({@code docs/source/notebooks/mmm/mmm_example.ipynb}, "Generate Data"; Apache-2.0), written here from its
 * description with mmm4j's own generator in place of numpy's, so the draws differ but the process is the same:
 * 179 Mondays from 2018-04-02; {@code x1 = u} if {@code u > 0.9} else {@code u / 2}, {@code x2 = u} if
 * {@code u > 0.8} else 0 ({@code u} uniform on [0, 1)); normalised geometric adstock over 8 weeks with decay 0.4
 * and 0.2; logistic saturation {@code (1 - e^(-lam x)) / (1 + e^(-lam x))} with {@code lam} 4 and 3 on the raw
 * adstocked spend; trend {@code (linspace(0, 50) + 10)^(1/4) - 1}; seasonality
 * {@code 0.5 (-sin(4 pi d / 365.5) + cos(2 pi d / 365.5))} for day of year {@code d}; events of 1.5 on 2019-05-13
 * and 2.5 on 2020-09-14; intercept 2; betas 3 and 2; Gaussian noise sd 0.25; all times 1000 (the scale of the
 * published CSV). The true in-window ROI of a channel is {@code 1000 beta sum(saturated) / sum(spend)}, the
 * notebook's {@code roas}: about 4,968 and 2,275 on the published draw.
 *
 * <p>Modelled as the notebook does, the data carry the controls {@code t} (the week index) and the events
 * {@code event_1} and {@code event_2}.
 */
public final class PymcExampleProcess {

    private static final int N = 179;
    private static final double[] ALPHA = {0.4, 0.2};
    private static final double[] LAM = {4.0, 3.0};
    private static final double[] BETA = {3.0, 2.0};
    private static final double AMPLITUDE = 1000;

    /**
     * A draw and its true ROI per channel.
     *
     * @param data the data: KPI {@code y}, channels {@code x1} and {@code x2}, control {@code t}, events
     * @param trueRoi the true in-window ROI of {@code x1} and {@code x2}
     */
    public record Draw(MmmDataset data, double[] trueRoi) {
    }

    private PymcExampleProcess() {
    }

    /**
     * @param seed the generator's seed
     * @return the draw
     */
    public static Draw draw(long seed) {
        Rng rng = new Rng(seed);
        LocalDate start = LocalDate.of(2018, 4, 2);
        double[][] x = new double[2][N];
        for (int t = 0; t < N; t++) {
            double u = rng.nextDouble();
            x[0][t] = u > 0.9 ? u : u / 2;
        }
        for (int t = 0; t < N; t++) {
            double u = rng.nextDouble();
            x[1][t] = u > 0.8 ? u : 0;
        }
        double[][] sat = new double[2][N];
        double[] roi = new double[2];
        for (int c = 0; c < 2; c++) {
            double norm = 0;
            for (int l = 0; l < 8; l++) {
                norm += Math.pow(ALPHA[c], l);
            }
            double sumSat = 0;
            double sumSpend = 0;
            for (int t = 0; t < N; t++) {
                double ad = 0;
                for (int l = 0; l < 8 && l <= t; l++) {
                    ad += Math.pow(ALPHA[c], l) / norm * x[c][t - l];
                }
                double e = Math.exp(-LAM[c] * ad);
                sat[c][t] = (1 - e) / (1 + e);
                sumSat += sat[c][t];
                sumSpend += x[c][t];
            }
            roi[c] = AMPLITUDE * BETA[c] * sumSat / sumSpend;
        }
        double[] y = new double[N];
        double[] e1 = new double[N];
        double[] e2 = new double[N];
        double[] trendIndex = new double[N];
        for (int t = 0; t < N; t++) {
            LocalDate d = start.plusWeeks(t);
            int doy = d.getDayOfYear();
            e1[t] = d.equals(LocalDate.of(2019, 5, 13)) ? 1 : 0;
            e2[t] = d.equals(LocalDate.of(2020, 9, 14)) ? 1 : 0;
            trendIndex[t] = t;
            double trend = Math.pow(50.0 * t / (N - 1) + 10, 0.25) - 1;
            double season = 0.5 * (-Math.sin(2 * 2 * Math.PI * doy / 365.5) + Math.cos(2 * Math.PI * doy / 365.5));
            y[t] = AMPLITUDE * (2.0 + trend + season + 1.5 * e1[t] + 2.5 * e2[t] + BETA[0] * sat[0][t]
                    + BETA[1] * sat[1][t] + 0.25 * rng.nextGaussian());
        }
        MmmDataset data = MmmDataset.builder(TimeIndex.regular(start, Frequency.WEEKLY, N)).kpi("y", y)
                .channel("x1", x[0]).channel("x2", x[1]).control("t", trendIndex)
                .event("event_1", e1).event("event_2", e2).build();
        return new Draw(data, roi);
    }
}
