package io.github.mmm4j.bench.search;

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
 * A seeded weekly dataset of marketing-mix shape for the search benchmarks: log-normal spend (every other channel
 * flighted), KPI from geometric adstock and Hill saturation of each channel plus trend, one yearly harmonic, one
 * control and noise. The model searched has a linear trend, two harmonics, the control, and per channel a
 * normalised geometric adstock (max lag 8) and Hill saturation (Robyn's default families): 3 parameters per channel
 * plus lambda, and {@code 1 + 4 + 1 = 6} baseline columns.
 */
final class SearchData {

    private SearchData() {
    }

    /** The dataset with {@code periods} weeks and {@code channels} channels. */
    static MmmDataset data(int periods, int channels) {
        Rng rng = new Rng(20240601L + channels);
        MmmDataset.Builder b = MmmDataset.builder(TimeIndex.regular(LocalDate.of(2021, 1, 4), Frequency.WEEKLY,
                periods));
        double[] kpi = new double[periods];
        double[] control = new double[periods];
        for (int t = 0; t < periods; t++) {
            double years = t * 7 / 365.25;
            control[t] = rng.nextGaussian();
            kpi[t] = 2000 + 100 * years + 150 * Math.sin(2 * Math.PI * years) + 80 * control[t]
                    + 40 * rng.nextGaussian();
        }
        for (int c = 0; c < channels; c++) {
            double[] spend = new double[periods];
            double level = 50 + 30 * c;
            for (int t = 0; t < periods; t++) {
                boolean on = c % 2 == 0 || (t / 6) % 3 != 2;
                spend[t] = on ? level * Math.exp(rng.nextGaussian()) : 0;
            }
            double mean = 0;
            for (double s : spend) {
                mean += s / periods;
            }
            double[] x = new double[periods];
            double[] a = new double[periods];
            for (int t = 0; t < periods; t++) {
                x[t] = spend[t] / mean;
            }
            Adstock.geometric(0.1 + 0.6 * rng.nextDouble(), 8, true).apply(x, periods, a);
            Saturation.hill(0.5 + rng.nextDouble(), 1 + rng.nextDouble()).apply(a, periods, x);
            for (int t = 0; t < periods; t++) {
                kpi[t] += level * x[t];
            }
            b.channel("ch" + c, spend);
        }
        return b.kpi("sales", kpi).control("price", control).build();
    }

    /** Robyn's default model families for every channel of {@code data}. */
    static ModelSpec spec(MmmDataset data) {
        List<ChannelSpec> cs = new ArrayList<>();
        for (String c : data.channels()) {
            cs.add(new ChannelSpec(c, Adstock.geometric(0.5, 8, true), Saturation.hill(1, 1)));
        }
        return new ModelSpec(cs, true, 2);
    }
}
