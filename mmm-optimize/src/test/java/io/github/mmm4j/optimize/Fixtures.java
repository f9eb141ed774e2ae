package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.Design;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Provenance;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test data and models with known structure. */
final class Fixtures {

    private Fixtures() {
    }

    /** Weekly data: {@code channels} channels with seasonal random spend, one control, one event, KPI from a model. */
    static MmmDataset data(long seed, int n, int channels, int geos) {
        Rng rng = new Rng(seed);
        TimeIndex time = TimeIndex.regular(LocalDate.of(2021, 1, 4), Frequency.WEEKLY, n);
        int rows = n * geos;
        MmmDataset.Builder b = MmmDataset.builder(time);
        if (geos > 1) {
            List<String> g = new ArrayList<>();
            for (int i = 0; i < geos; i++) {
                g.add("geo" + i);
            }
            b.geos(g);
        }
        double[] kpi = new double[rows];
        for (int r = 0; r < rows; r++) {
            kpi[r] = 1000 + 50 * rng.nextGaussian();
        }
        b.kpi("sales", kpi);
        for (int c = 0; c < channels; c++) {
            double[] s = new double[rows];
            double level = 1000 * (c + 1);
            for (int r = 0; r < rows; r++) {
                int t = r % n;
                s[r] = level * (1 + 0.5 * Math.sin(2 * Math.PI * t / 52.0 + c)) * (0.5 + rng.nextDouble());
            }
            b.channel(name(c), s);
        }
        double[] price = new double[rows];
        double[] promo = new double[rows];
        for (int r = 0; r < rows; r++) {
            price[r] = 10 + rng.nextGaussian();
            promo[r] = r % 11 == 0 ? 1 : 0;
        }
        return b.control("price", price).event("promo", promo).build();
    }

    static String name(int c) {
        String[] names = {"tv", "search", "social", "radio", "print", "ooh"};
        return c < names.length ? names[c] : "ch" + c;
    }

    /** A spec with geometric adstock (decay 0.5, max lag 6) and Hill saturation with the given slopes. */
    static ModelSpec spec(MmmDataset data, double[] ec, double[] slope) {
        List<ChannelSpec> cs = new ArrayList<>();
        for (int c = 0; c < data.nChannels(); c++) {
            cs.add(new ChannelSpec(data.channels().get(c), Adstock.geometric(0.5, 6, true),
                    Saturation.hill(ec[c], slope[c])));
        }
        return new ModelSpec(cs, true, 1);
    }

    /** A linear model with the given media coefficients (non-media coefficients small and fixed). */
    static FittedModel linear(MmmDataset data, ModelSpec spec, double[] betas, double[] drawScales) {
        Design.Frame frame = Design.Frame.of(data);
        Design d = Design.of(data, spec, frame);
        int p = d.cols();
        int first = d.firstMediaColumn();
        double[] coef = new double[p];
        for (int j = 0; j < first; j++) {
            coef[j] = 3.0 * (j + 1);
        }
        System.arraycopy(betas, 0, coef, first, betas.length);
        Provenance prov = Provenance.of("test", 0, Map.of());
        if (drawScales == null) {
            return FittedModel.point("test", spec, data, 0, frame, 500, coef, prov);
        }
        int nd = drawScales.length;
        double[] point = FittedModel.row(spec, 500, coef);
        int w = point.length;
        double[] draws = new double[nd * w];
        double[] dc = new double[p];
        for (int k = 0; k < nd; k++) {
            for (int j = 0; j < p; j++) {
                dc[j] = coef[j] * (j >= first ? drawScales[k] : 1);
            }
            System.arraycopy(FittedModel.row(spec, 500 + 10 * (drawScales[k] - 1), dc), 0, draws, k * w, w);
        }
        return FittedModel.of("test", spec, data, 0, frame, point, draws, 0.9, prov, null);
    }

    /** A ridge fit with a few bootstrap draws. */
    static FittedModel ridge(MmmDataset data, int bootstrap) {
        return Ridge.fit(data, ModelSpec.defaults(data), RidgeOptions.defaults().withLambda(0.1)
                .withBootstrap(bootstrap).withSeed(3).withParallelism(1));
    }

    /** A draws-only model (as a posterior) made of point models over the same data, frame and structure. */
    static FittedModel sampled(List<FittedModel> draws, double level) {
        int w = draws.get(0).parameterNames().size();
        double[] rows = new double[draws.size() * w];
        for (int k = 0; k < draws.size(); k++) {
            FittedModel d = draws.get(k);
            System.arraycopy(FittedModel.row(d.spec(), d.intercept(), d.coefficients()), 0, rows, k * w, w);
        }
        FittedModel first = draws.get(0);
        return FittedModel.of("sampled", first.spec(), first.data(), first.holdout(), first.frame(), null, rows, level,
                Provenance.of("test", 0, Map.of()), null);
    }
}
