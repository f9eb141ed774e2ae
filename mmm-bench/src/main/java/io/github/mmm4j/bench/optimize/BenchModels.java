package io.github.mmm4j.bench.optimize;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.Design;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Provenance;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded weekly data and linear models with known media coefficients for the benchmarks. */
final class BenchModels {

    private BenchModels() {
    }

    static MmmDataset data(int channels, int weeks, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TimeIndex time = TimeIndex.regular(LocalDate.of(2021, 1, 4), Frequency.WEEKLY, weeks);
        MmmDataset.Builder b = MmmDataset.builder(time);
        double[] kpi = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            kpi[t] = 10000 + 100 * rng.nextGaussian();
        }
        b.kpi("sales", kpi);
        for (int c = 0; c < channels; c++) {
            double[] s = new double[weeks];
            for (int t = 0; t < weeks; t++) {
                s[t] = 1000 * (1 + c % 5) * (1 + 0.5 * Math.sin(2 * Math.PI * t / 52.0 + c)) * (0.5 + rng.nextDouble());
            }
            b.channel("ch" + c, s);
        }
        return b.build();
    }

    /** Geometric adstock, Hill saturation of the given slope (ec varied per channel), positive coefficients. */
    static FittedModel model(MmmDataset data, double slope) {
        List<ChannelSpec> cs = new ArrayList<>();
        int nc = data.nChannels();
        for (int c = 0; c < nc; c++) {
            cs.add(new ChannelSpec(data.channels().get(c), Adstock.geometric(0.5, 8, true),
                    Saturation.hill(slope > 1 ? 1.5 + 0.02 * c : 0.6 + 0.03 * c, slope)));
        }
        ModelSpec spec = new ModelSpec(cs, true, 2);
        Design.Frame frame = Design.Frame.of(data);
        Design d = Design.of(data, spec, frame);
        double[] coef = new double[d.cols()];
        for (int c = 0; c < nc; c++) {
            coef[d.firstMediaColumn() + c] = 500 + 37 * c;
        }
        return FittedModel.point("bench", spec, data, 0, frame, 10000, coef, Provenance.of("bench", 0, Map.of()));
    }
}
