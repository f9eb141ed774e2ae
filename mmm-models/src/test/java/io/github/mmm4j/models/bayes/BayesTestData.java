package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.CsvSchema;
import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmCsv;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The Stan reference dataset, the production configuration that reproduces {@code mmm.stan}, small test data. */
final class BayesTestData {

    /** True effects (KPI units) of {@link #small}'s two channels. */
    static final double[] SMALL_EFFECT = {40, 25};

    private BayesTestData() {
    }

    static Path resource(String name) {
        try {
            return Path.of(BayesTestData.class.getResource("/bayes/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** mmm_N156_C5.csv: 156 weeks, KPI y, channels x1..x5, control control1. */
    static MmmDataset reference() {
        CsvSchema schema = CsvSchema.builder("y").date("date").channels("x1", "x2", "x3", "x4", "x5")
                .controls("control1").build();
        return MmmCsv.read(resource("mmm_N156_C5.csv"), schema);
    }

    /**
     * A small weekly dataset for fast fits: {@code weeks} periods per geo, channels {@code tv} (decay 0.5, Hill ec 1
     * slope 1.5) and {@code search} (decay 0.2, ec 0.8, slope 1), control {@code price}, event {@code promo}, KPI
     * {@code 500 + 30 g + 10 years + 8 sin + effects - 6 (price - 10) + 15 promo + N(0, 4^2)} in geo {@code g}.
     */
    static MmmDataset small(long seed, int weeks, int geos) {
        Rng rng = new Rng(seed);
        TimeIndex time = TimeIndex.regular(LocalDate.of(2022, 1, 3), Frequency.WEEKLY, weeks);
        int n = weeks * geos;
        double[] tv = new double[n];
        double[] search = new double[n];
        double[] price = new double[n];
        double[] promo = new double[n];
        double[] kpi = new double[n];
        List<String> geoNames = new ArrayList<>();
        for (int g = 0; g < geos; g++) {
            geoNames.add("g" + g);
            for (int t = 0; t < weeks; t++) {
                int r = g * weeks + t;
                tv[r] = rng.nextDouble() < 0.7 ? 1000 * (0.5 + rng.nextDouble()) : 0;
                search[r] = 400 * (0.6 + 0.8 * rng.nextDouble());
                price[r] = 10 + rng.nextGaussian();
                promo[r] = rng.nextDouble() < 0.1 ? 1 : 0;
            }
        }
        double meanTv = 0;
        double meanSearch = 0;
        for (int r = 0; r < n; r++) {
            meanTv += tv[r] / n;
            meanSearch += search[r] / n;
        }
        double[] a = new double[weeks];
        double[] b = new double[weeks];
        for (int g = 0; g < geos; g++) {
            double[] xt = new double[weeks];
            double[] xs = new double[weeks];
            for (int t = 0; t < weeks; t++) {
                xt[t] = tv[g * weeks + t] / meanTv;
                xs[t] = search[g * weeks + t] / meanSearch;
            }
            Adstock.geometric(0.5, 8, true).apply(xt, weeks, a);
            Saturation.hill(1.0, 1.5).apply(a, weeks, a);
            Adstock.geometric(0.2, 8, true).apply(xs, weeks, b);
            Saturation.hill(0.8, 1.0).apply(b, weeks, b);
            for (int t = 0; t < weeks; t++) {
                int r = g * weeks + t;
                double y = time.years(t);
                kpi[r] = 500 + 30 * g + 10 * y + 8 * Math.sin(2 * Math.PI * y) + SMALL_EFFECT[0] * a[t]
                        + SMALL_EFFECT[1] * b[t] - 6 * (price[r] - 10) + 15 * promo[r] + 4 * rng.nextGaussian();
            }
        }
        return MmmDataset.builder(time).geos(geoNames).kpi("sales", kpi).channel("tv", tv).channel("search", search)
                .control("price", price).event("promo", promo).build();
    }

    /** Geometric adstock (normalised, lags 0..8) then Hill for every channel; trend; 2 harmonics. */
    static ModelSpec referenceSpec(MmmDataset data) {
        List<ChannelSpec> cs = new ArrayList<>();
        for (String c : data.channels()) {
            cs.add(new ChannelSpec(c, Adstock.geometric(0.5, 8, true), Saturation.hill(1, 1)));
        }
        return new ModelSpec(cs, true, 2);
    }

    /** The priors of mmm.stan, set explicitly (effect priors on the channels, no media contribution prior). */
    static BayesPriors stanPriors() {
        ChannelPriors ch = ChannelPriors.defaults().withEffect(new Prior.HalfNormal(2))
                .withDecay(new Prior.Beta(2, 2)).withSaturation("ec", new Prior.LogNormal(0, 0.5))
                .withSaturation("slope", new Prior.Gamma(3, 2));
        return BayesPriors.defaults()
                .withBaseline(new Prior.Normal(0, 2), new Prior.Normal(0, 2), new Prior.Normal(0, 1),
                        new Prior.Normal(0, 1), new Prior.Normal(0, 1), new Prior.Normal(0, 1))
                .withSigma(new Prior.HalfNormal(1)).withChannelDefaults(ch).withoutMediaContribution();
    }

    /** The production options that reproduce mmm.stan: its priors, controls as given, no holdout. */
    static BayesOptions stanOptions() {
        return BayesOptions.defaults().withPriors(stanPriors()).withStandardizeControls(false);
    }

    /** Stan's parameter name for one of ours, or null for a derived quantity Stan does not have. */
    static String stanName(String ours, List<String> channels) {
        switch (ours) {
            case "intercept":
                return "intercept";
            case "trend":
                return "tau";
            case "sin1":
                return "fourier[1]";
            case "cos1":
                return "fourier[2]";
            case "sin2":
                return "fourier[3]";
            case "cos2":
                return "fourier[4]";
            case "control1":
                return "gamma_ctrl";
            case "sigma":
                return "sigma";
            default:
                break;
        }
        int open = ours.indexOf('[');
        String p = ours.substring(0, open);
        int c = channels.indexOf(ours.substring(open + 1, ours.length() - 1)) + 1;
        switch (p) {
            case "effect":
                return "beta[" + c + "]";
            case "alpha":
                return "alpha[" + c + "]";
            case "ec":
                return "K[" + c + "]";
            case "slope":
                return "k[" + c + "]";
            default:
                return null;
        }
    }
}
