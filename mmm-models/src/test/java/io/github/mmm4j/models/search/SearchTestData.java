package io.github.mmm4j.models.search;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built weekly datasets with a known truth, generated from the model class itself: for channel {@code c},
 * {@code kpi += beta_c * hill(geometric(spend_c / mean(spend_c)))} with a normalised geometric adstock (max lag 8),
 * {@code beta_c} set so that the channel's ROI over the whole window is a chosen value between 0.7 and 1.4 (so the
 * effect shares are near, but not equal to, the spend shares, the situation DECOMP.RSSD is designed for),
 * on top of an intercept, a linear trend, one yearly harmonic, one control and Gaussian noise. Spend is a positive
 * baseline level times a log-normal weekly factor ({@link #SPEND_SD} on the log scale), with on/off flights for
 * every other channel, so every channel has ample variation.
 */
final class SearchTestData {

    /** A dataset and the truth it was generated from. */
    record Truth(MmmDataset data, ModelSpec spec, double[] beta, double[] roi) {
    }

    static final LocalDate START = LocalDate.of(2021, 1, 4);

    /** Standard deviation of the log of weekly spend around its level. */
    static final double SPEND_SD = 1.0;

    private SearchTestData() {
    }

    /**
     * Generates {@code periods} weeks of {@code channels} channels (at most 10), national, with noise standard
     * deviation {@code noise} (the media effects are 40 to 300 per week each, the KPI about 2600).
     */
    static Truth generate(long seed, int periods, int channels, double noise) {
        double[] alpha = {0.3, 0.6, 0.1, 0.5, 0.2, 0.4, 0.7, 0.15, 0.35, 0.55};
        double[] ec = {0.8, 1.5, 0.6, 1.2, 2.0, 1.0, 0.9, 1.4, 0.7, 1.1};
        double[] slope = {1.5, 1.0, 2.0, 1.2, 2.5, 1.8, 1.1, 1.4, 2.2, 0.9};
        double[] targetRoi = {1.2, 0.9, 1.3, 1.0, 0.8, 1.1, 1.3, 0.7, 1.4, 1.0};
        double[] level = {100, 300, 50, 200, 80, 150, 120, 60, 90, 70};
        Rng rng = new Rng(seed);
        TimeIndex time = TimeIndex.regular(START, Frequency.WEEKLY, periods);
        MmmDataset.Builder b = MmmDataset.builder(time);
        double[] kpi = new double[periods];
        double[] control = new double[periods];
        for (int t = 0; t < periods; t++) {
            double years = t * 7 / 365.25;
            control[t] = rng.nextGaussian();
            kpi[t] = 2000 + 100 * years + 150 * Math.sin(2 * Math.PI * years) + 80 * control[t]
                    + noise * rng.nextGaussian();
        }
        List<ChannelSpec> truth = new ArrayList<>();
        List<ChannelSpec> searched = new ArrayList<>();
        double[] roi = new double[channels];
        double[] betas = new double[channels];
        for (int c = 0; c < channels; c++) {
            double[] spend = new double[periods];
            boolean flighted = c % 2 == 1;
            for (int t = 0; t < periods; t++) {
                boolean on = !flighted || (t / 6) % 3 != 2;
                spend[t] = on ? level[c] * Math.exp(SPEND_SD * rng.nextGaussian()) : 0;
            }
            double mean = 0;
            for (double s : spend) {
                mean += s;
            }
            mean /= periods;
            ChannelSpec cs = new ChannelSpec("ch" + c, Adstock.geometric(alpha[c], 8, true),
                    Saturation.hill(ec[c], slope[c]));
            truth.add(cs);
            searched.add(new ChannelSpec("ch" + c, Adstock.geometric(0.5, 8, true), Saturation.hill(1, 1)));
            double[] x = new double[periods];
            double[] a = new double[periods];
            for (int t = 0; t < periods; t++) {
                x[t] = spend[t] / mean;
            }
            cs.adstock().apply(x, periods, a);
            cs.saturation().apply(a, periods, x);
            double sumX = 0;
            double total = 0;
            for (int t = 0; t < periods; t++) {
                sumX += x[t];
                total += spend[t];
            }
            betas[c] = targetRoi[c] * total / sumX;
            for (int t = 0; t < periods; t++) {
                kpi[t] += betas[c] * x[t];
            }
            roi[c] = targetRoi[c];
            b.channel("ch" + c, spend);
        }
        b.kpi("sales", kpi);
        b.control("price", control);
        return new Truth(b.build(), new ModelSpec(searched, true, 1), betas, roi);
    }
}
