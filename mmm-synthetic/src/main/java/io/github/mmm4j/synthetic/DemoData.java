package io.github.mmm4j.synthetic;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.time.LocalDate;

/**
 * The embedded default dataset of {@code ./mmm demo}: three years of weekly sales of a fictional retailer
 * with four media channels, a price control and a promotion event, generated from a seed so that nothing is
 * downloaded and every run sees the same bits.
 *
 * <p>Truth (for orientation; the general generator with full ground truth is {@code mmm-synthetic}'s
 * scenario API): baseline 500,000 a week with a gentle upward trend and yearly seasonality; each channel's
 * spend is divided by its mean spend, carried over by a normalised geometric adstock (max lag 8) with decay
 * tv 0.6, search 0.2, social 0.4, display 0.3, saturated by Hill (ec 1, slope 1) and multiplied by an effect
 * chosen so that the channels' true ROIs are roughly tv 1.6, search 2.6, social 1.1, display 0.5; price
 * lowers sales by 20,000 per unit; the promotion adds 40,000; Gaussian noise with sd 12,000.
 */
public final class DemoData {

    /** The seed {@code ./mmm demo} uses unless told otherwise. */
    public static final long DEFAULT_SEED = 42L;
    /** Number of weeks generated. */
    public static final int WEEKS = 156;

    private static final String[] CHANNELS = {"tv", "search", "social", "display"};
    private static final double[] MEAN_SPEND = {30_000, 20_000, 12_000, 8_000};
    private static final double[] DECAY = {0.6, 0.2, 0.4, 0.3};
    private static final double[] ROI = {1.6, 2.6, 1.1, 0.5};

    private DemoData() {
    }

    /**
     * Generates the demo dataset.
     *
     * @param seed the random seed
     * @return 156 weeks from Monday 2023-01-02: KPI {@code sales}; channels {@code tv}, {@code search},
     *     {@code social}, {@code display}; control {@code price}; event {@code promo}
     */
    public static MmmDataset generate(long seed) {
        Rng rng = new Rng(seed);
        int n = WEEKS;
        TimeIndex time = TimeIndex.regular(LocalDate.of(2023, 1, 2), Frequency.WEEKLY, n);
        double[][] spend = new double[CHANNELS.length][n];
        for (int t = 0; t < n; t++) {
            double season = Math.sin(2 * Math.PI * time.years(t));
            // tv: flighted, on in bursts of about six weeks
            boolean tvOn = ((t / 6) % 3) != 2;
            spend[0][t] = tvOn ? MEAN_SPEND[0] * 1.5 * (0.8 + 0.4 * rng.nextDouble()) : 0;
            // search: always on, follows demand
            spend[1][t] = MEAN_SPEND[1] * (1 + 0.3 * season) * (0.85 + 0.3 * rng.nextDouble());
            // social: always on with noise
            spend[2][t] = MEAN_SPEND[2] * (0.5 + rng.nextDouble());
            // display: on in about 60% of weeks
            spend[3][t] = rng.nextDouble() < 0.6 ? MEAN_SPEND[3] * (1.2 + 0.8 * rng.nextDouble()) : 0;
        }
        double[] price = new double[n];
        double p = 10;
        double[] promo = new double[n];
        for (int t = 0; t < n; t++) {
            p += 0.05 * rng.nextGaussian();
            price[t] = Math.round(p * 100) / 100.0;
            promo[t] = (t % 26 == 20 || t % 26 == 21) ? 1 : 0;
        }
        double[] sales = new double[n];
        double[] work = new double[n];
        double[] level = new double[n];
        for (int c = 0; c < CHANNELS.length; c++) {
            double mean = 0;
            for (int t = 0; t < n; t++) {
                mean += spend[c][t];
            }
            mean /= n;
            for (int t = 0; t < n; t++) {
                work[t] = spend[c][t] / mean;
            }
            Adstock.geometric(DECAY[c], 8, true).apply(work, n, level);
            Saturation.hill(1.0, 1.0).apply(level, n, work);
            double sat = 0;
            for (int t = 0; t < n; t++) {
                sat += work[t];
            }
            // effect size so that total contribution / total spend = ROI
            double beta = ROI[c] * mean * n / sat;
            for (int t = 0; t < n; t++) {
                sales[t] += beta * work[t];
            }
        }
        for (int t = 0; t < n; t++) {
            double y = time.years(t);
            sales[t] += 500_000 + 15_000 * y + 30_000 * Math.sin(2 * Math.PI * y) + 10_000 * Math.cos(2 * Math.PI * y)
                    - 20_000 * (price[t] - 10) + 40_000 * promo[t] + 12_000 * rng.nextGaussian();
            sales[t] = Math.round(sales[t] * 100) / 100.0;
        }
        MmmDataset.Builder b = MmmDataset.builder(time).kpi("sales", sales);
        for (int c = 0; c < CHANNELS.length; c++) {
            for (int t = 0; t < n; t++) {
                spend[c][t] = Math.round(spend[c][t] * 100) / 100.0;
            }
            b.channel(CHANNELS[c], spend[c]);
        }
        return b.control("price", price).event("promo", promo).build();
    }
}
