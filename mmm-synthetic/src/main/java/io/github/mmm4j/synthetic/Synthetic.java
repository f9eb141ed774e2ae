package io.github.mmm4j.synthetic;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The synthetic data generator: {@link #generate(ScenarioSpec, long)} turns a scenario and a seed into an
 * {@link MmmDataset} and its {@link GroundTruth}.
 *
 * <h2>Reproducibility</h2>
 * All randomness comes from one {@link Rng} seeded with {@code seed} and split, in a fixed order, into
 * independent streams: spend (then one stream per channel, then per geo), controls (per control, per geo) and
 * noise. The generator is single-threaded, draws only from {@code Rng} and evaluates its own elementary
 * functions with {@link StrictMath}, in a fixed order, so the same spec and seed give the same bits on every run
 * and for any thread count. (Bit-identity across CPU architectures also relies on {@code Rng.nextGaussian} and
 * the transforms, which use {@link Math}.) Changing one channel's
 * pattern does not change the draws of the other channels.
 *
 * <h2>The model</h2>
 * See {@link ScenarioSpec} for the formula. The generated dataset has the KPI column {@code spec.kpi()}, one
 * spend column per channel (no exposure columns), one control column per control and one 0/1 column per event,
 * over {@code TimeIndex.regular(spec.start(), spec.frequency(), spec.periods())} and the spec's geos.
 */
public final class Synthetic {

    /** Points of the response curve written to {@code truth.json}. */
    static final int CURVE_POINTS = 31;
    /** The response curve in {@code truth.json} spans spend from 0 to this multiple of the mean spend. */
    static final double CURVE_MAX_MULTIPLE = 3.0;

    private Synthetic() {
    }

    /**
     * Generates a dataset and its ground truth.
     *
     * @param spec the scenario (validated on construction)
     * @param seed the random seed; equal seeds give identical bits
     * @return the dataset and the truth
     * @throws NullPointerException if {@code spec} is null
     */
    public static Generated generate(ScenarioSpec spec, long seed) {
        Objects.requireNonNull(spec, "spec");
        Rng master = new Rng(seed);
        Rng spendRng = master.split();
        Rng controlRng = master.split();
        Rng noiseRng = master.split();

        int nt = spec.periods();
        int ng = spec.nGeos();
        int rows = nt * ng;
        int nc = spec.channels().size();
        int nk = spec.controls().size();
        int ne = spec.events().size();
        TimeIndex time = TimeIndex.regular(spec.start(), spec.frequency(), nt);

        // 1. spend
        double[][] spend = new double[nc][rows];
        double[] buf = new double[nt];
        for (int c = 0; c < nc; c++) {
            Rng rc = spendRng.split();
            SpendPattern pattern = spec.channels().get(c).spend();
            for (int g = 0; g < ng; g++) {
                Rng rg = rc.split();
                pattern.generate(time, rg, buf);
                double s = spec.geos().get(g).scale();
                for (int t = 0; t < nt; t++) {
                    spend[c][g * nt + t] = s * buf[t];
                }
            }
        }
        for (ScenarioSpec.Collinearity co : spec.collinearity()) {
            double[] target = spend[spec.channelIndex(co.channel())];
            double[] follows = spend[spec.channelIndex(co.follows())];
            double ratio = mean(target) / mean(follows);
            double w = co.weight();
            for (int r = 0; r < rows; r++) {
                target[r] = (1 - w) * target[r] + w * follows[r] * ratio;
            }
        }
        double[] scale = new double[nc];
        for (int c = 0; c < nc; c++) {
            scale[c] = mean(spend[c]);
        }

        // 2. components
        List<String> names = new ArrayList<>(ScenarioSpec.BASELINE_COMPONENTS);
        for (ControlSpec k : spec.controls()) {
            names.add(k.name());
        }
        for (ScenarioSpec.Event e : spec.events()) {
            names.add(e.name());
        }
        names.addAll(spec.channelNames());
        int nComp = names.size();
        double[] contrib = new double[rows * nComp];

        ScenarioSpec.Baseline base = spec.baseline();
        for (int t = 0; t < nt; t++) {
            double y = years(time, t);
            double trend = base.trend().value(base.trendPerYear(), y);
            double season = 0;
            for (int k = 0; k < base.seasonality().size(); k++) {
                ScenarioSpec.Harmonic h = base.seasonality().get(k);
                double arg = 2 * Math.PI * (k + 1) * y;
                season += h.sin() * StrictMath.sin(arg) + h.cos() * StrictMath.cos(arg);
            }
            for (int g = 0; g < ng; g++) {
                double s = spec.geos().get(g).scale();
                int o = (g * nt + t) * nComp;
                contrib[o] = s * base.intercept();
                contrib[o + 1] = s * trend;
                contrib[o + 2] = s * season;
            }
        }

        double[][] controls = new double[nk][];
        Map<String, Double> coefficients = new LinkedHashMap<>();
        for (int k = 0; k < nk; k++) {
            ControlSpec ctl = spec.controls().get(k);
            controls[k] = controlSeries(ctl, spec, spend, time, controlRng.split());
            double coef = ctl.coefficient(base);
            coefficients.put(ctl.name(), coef);
            double ref = ctl.reference();
            for (int r = 0; r < rows; r++) {
                contrib[r * nComp + 3 + k] = coef * (controls[k][r] - ref);
            }
        }

        double[][] events = new double[ne][];
        for (int e = 0; e < ne; e++) {
            ScenarioSpec.Event ev = spec.events().get(e);
            double[] ind = eventIndicator(ev, time);
            events[e] = new double[rows];
            for (int g = 0; g < ng; g++) {
                for (int t = 0; t < nt; t++) {
                    int r = g * nt + t;
                    events[e][r] = ind[t];
                    contrib[r * nComp + 3 + nk + e] = ev.effect() * ind[t];
                }
            }
        }

        int firstMedia = 3 + nk + ne;
        double[] mroiSum = new double[nc];
        double[] x = new double[nt];
        double[] a = new double[nt];
        double[] sat = new double[nt];
        for (int c = 0; c < nc; c++) {
            ScenarioSpec.Channel ch = spec.channels().get(c);
            for (int g = 0; g < ng; g++) {
                double beta = ch.effect() * spec.geos().get(g).effect(ch.name());
                for (int t = 0; t < nt; t++) {
                    x[t] = spend[c][g * nt + t] / scale[c];
                }
                ch.adstock().apply(x, nt, a);
                ch.saturation().apply(a, nt, sat);
                for (int t = 0; t < nt; t++) {
                    contrib[(g * nt + t) * nComp + firstMedia + c] = beta * sat[t];
                    if (a[t] != 0) {
                        mroiSum[c] += beta * a[t] * ch.saturation().derivative(a[t]);
                    }
                }
            }
        }

        // 3. noise
        double[] signal = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int j = 0; j < nComp; j++) {
                s += contrib[r * nComp + j];
            }
            signal[r] = s;
        }
        ScenarioSpec.Noise nz = spec.noise();
        double sd = nz.snr() > 0 ? withinGeoSd(signal, nt, ng) / nz.snr() : nz.sd();
        double[] noise = new double[rows];
        double tScale = nz.studentDf() > 0 ? Math.sqrt((nz.studentDf() - 2) / nz.studentDf()) : 1.0;
        for (int r = 0; r < rows; r++) {
            double z = nz.studentDf() > 0 ? studentT(noiseRng, nz.studentDf()) * tScale : noiseRng.nextGaussian();
            noise[r] = sd * z;
        }
        int nOut = (int) Math.round(nz.outlierFraction() * rows);
        int[] idx = new int[rows];
        for (int r = 0; r < rows; r++) {
            idx[r] = r;
        }
        for (int i = 0; i < nOut; i++) {
            int j = i + noiseRng.nextInt(rows - i);
            int tmp = idx[i];
            idx[i] = idx[j];
            idx[j] = tmp;
            double sign = noiseRng.nextDouble() < 0.5 ? -1.0 : 1.0;
            noise[idx[i]] += sign * nz.outlierScale() * sd;
        }
        int[] outliers = Arrays.copyOf(idx, nOut);
        Arrays.sort(outliers);
        double[] kpi = new double[rows];
        for (int r = 0; r < rows; r++) {
            kpi[r] = signal[r] + noise[r];
        }

        // 4. dataset
        List<String> geoNames = new ArrayList<>();
        double meanMediaEffect = 0;
        for (ScenarioSpec.Geo g : spec.geos()) {
            geoNames.add(g.name());
            meanMediaEffect += g.mediaEffect() / ng;
        }
        MmmDataset.Builder b = MmmDataset.builder(time).geos(geoNames).kpi(spec.kpi(), kpi);
        for (int c = 0; c < nc; c++) {
            b.channel(spec.channels().get(c).name(), spend[c]);
        }
        for (int k = 0; k < nk; k++) {
            b.control(spec.controls().get(k).name(), controls[k]);
        }
        for (int e = 0; e < ne; e++) {
            b.event(spec.events().get(e).name(), events[e]);
        }
        MmmDataset data = b.build();

        // 5. truth per channel
        double[] total = new double[nc];
        double mediaTotal = 0;
        for (int c = 0; c < nc; c++) {
            for (int r = 0; r < rows; r++) {
                total[c] += contrib[r * nComp + firstMedia + c];
            }
            mediaTotal += total[c];
        }
        List<ChannelTruth> truths = new ArrayList<>();
        for (int c = 0; c < nc; c++) {
            ScenarioSpec.Channel ch = spec.channels().get(c);
            double totalSpend = data.totalSpend(c);
            truths.add(new ChannelTruth(ch.name(), ch.adstock(), ch.saturation(), ch.effect(), scale[c], totalSpend,
                    total[c], total[c] / mediaTotal, total[c] / totalSpend, mroiSum[c] / totalSpend,
                    new ResponseCurve(ch.adstock(), ch.saturation(), ch.effect(), scale[c], meanMediaEffect)));
        }
        GroundTruth truth = new GroundTruth(spec, seed, names, contrib, noise, sd, outliers, truths, coefficients,
                data.spend());
        return new Generated(data, truth);
    }

    /**
     * Time in years of period {@code t} since the first period, {@code days / 365.25}: the same clock as the
     * models' trend and seasonality.
     *
     * @param time the index
     * @param t a period
     * @return years since {@code time.start()}
     */
    static double years(TimeIndex time, int t) {
        return ChronoUnit.DAYS.between(time.start(), time.date(t)) / Frequency.DAYS_PER_YEAR;
    }

    /** {@code sum_t beta * sat(adstock(x))[t]}; {@code a} is a workspace of length {@code n}. */
    static double mediaSum(Adstock adstock, Saturation saturation, double beta, double[] x, double[] a, int n) {
        adstock.apply(x, n, a);
        saturation.apply(a, n, a);
        double s = 0;
        for (int t = 0; t < n; t++) {
            s += beta * a[t];
        }
        return s;
    }

    private static double[] controlSeries(ControlSpec ctl, ScenarioSpec spec, double[][] spend, TimeIndex time,
            Rng rng) {
        int nt = spec.periods();
        int ng = spec.nGeos();
        double[] v = new double[nt * ng];
        if (ctl instanceof ControlSpec.Confounder cf) {
            double[] s = spend[spec.channelIndex(cf.channel())];
            double m = mean(s);
            double var = 0;
            for (double value : s) {
                var += (value - m) * (value - m);
            }
            double sdS = Math.sqrt(var / s.length);
            double rho = cf.correlation();
            double rest = Math.sqrt(Math.max(0, 1 - rho * rho));
            for (int r = 0; r < v.length; r++) {
                double z = rng.nextGaussian();
                double std = sdS > 0 ? (s[r] - m) / sdS : 0.0;
                v[r] = cf.level() + cf.sd() * (rho * std + rest * z);
            }
            return v;
        }
        for (int g = 0; g < ng; g++) {
            Rng rg = rng.split();
            double state = 0;
            for (int t = 0; t < nt; t++) {
                double z = rg.nextGaussian();
                double value;
                if (ctl instanceof ControlSpec.Price p) {
                    state = 0.9 * state + p.volatility() * z;
                    value = p.level() * StrictMath.exp(state);
                } else if (ctl instanceof ControlSpec.Macro mc) {
                    state = mc.persistence() * state + mc.volatility() * z;
                    value = mc.level() + state;
                } else {
                    ControlSpec.Competitor co = (ControlSpec.Competitor) ctl;
                    double s2 = StrictMath.log1p(co.cv() * co.cv());
                    value = co.mean() * StrictMath.exp(Math.sqrt(s2) * z - 0.5 * s2);
                }
                v[g * nt + t] = value;
            }
        }
        return v;
    }

    private static double[] eventIndicator(ScenarioSpec.Event ev, TimeIndex time) {
        int nt = time.size();
        int days = time.frequency().days();
        double[] ind = new double[nt];
        LocalDate first = time.start();
        for (LocalDate d : ev.dates()) {
            List<LocalDate> occurrences = new ArrayList<>();
            if (ev.yearly()) {
                MonthDay md = MonthDay.from(d);
                for (int y = first.getYear() - 1; y <= time.end().getYear() + 1; y++) {
                    occurrences.add(md.atYear(y));
                }
            } else {
                occurrences.add(d);
            }
            for (LocalDate o : occurrences) {
                long offset = ChronoUnit.DAYS.between(first, o);
                if (offset >= 0) {
                    long t = offset / days;
                    if (t < nt) {
                        ind[(int) t] = 1.0;
                    }
                }
            }
        }
        return ind;
    }

    private static double withinGeoSd(double[] signal, int nt, int ng) {
        double ss = 0;
        for (int g = 0; g < ng; g++) {
            double m = 0;
            for (int t = 0; t < nt; t++) {
                m += signal[g * nt + t];
            }
            m /= nt;
            for (int t = 0; t < nt; t++) {
                double d = signal[g * nt + t] - m;
                ss += d * d;
            }
        }
        return Math.sqrt(ss / signal.length);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** A Student-t deviate: {@code z / sqrt(chi2_df / df)}, {@code chi2_df = 2 Gamma(df / 2)}. */
    private static double studentT(Rng rng, double df) {
        double z = rng.nextGaussian();
        double chi2 = 2 * gamma(rng, df / 2);
        return z / Math.sqrt(chi2 / df);
    }

    /**
     * A Gamma(shape, 1) deviate by Marsaglia and Tsang (2000), "A simple method for generating gamma
     * variables", ACM TOMS 26(3); for {@code shape < 1} boosted by {@code U^(1/shape)}.
     */
    private static double gamma(Rng rng, double shape) {
        if (shape < 1) {
            double u = 1.0 - rng.nextDouble();
            return gamma(rng, shape + 1) * StrictMath.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = rng.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - rng.nextDouble();
            if (StrictMath.log(u) < 0.5 * z * z + d - d * v + d * StrictMath.log(v)) {
                return d * v;
            }
        }
    }
}
