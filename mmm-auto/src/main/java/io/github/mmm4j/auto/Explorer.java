package io.github.mmm4j.auto;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.Design;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.bayes.LiftTest;
import io.github.mmm4j.models.linear.Collinearity;
import io.github.mmm4j.models.linear.CollinearityReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The first stage of the automated analysis: profiles a dataset once, before any model is fitted, and scores
 * its readiness for a marketing mix model from 1 to 5 with the reasons.
 *
 * <p>Findings: periods and geos; parameters of the default model and rows per parameter; per channel the
 * share of zero-spend rows (sparse above {@link #SPARSE_THRESHOLD}), the correlation with the KPI and the spend
 * variation; KPI anomalies ({@link KpiAnomaly}) against a trend-plus-seasonality fit, with the channels that
 * spiked in the same period; pairwise spend correlations and variance inflation factors of the media
 * (collinearity); the strength of trend and yearly seasonality.
 *
 * <p>Readiness starts at 5 and loses one point for each of: fewer than 104 periods (two below 52); fewer than
 * 10 rows per parameter (two below 5); a sparse channel; a channel with almost no spend variation (coefficient
 * of variation below 0.1); severe media collinearity (a VIF above 10 or a spend correlation above 0.8);
 * unexplained KPI anomalies in more than 2% of periods. The score never drops below 1.
 */
public final class Explorer {

    /** Zero-spend share above which a channel is sparse. */
    public static final double SPARSE_THRESHOLD = 0.7;
    /** Modified z-score above which a period is anomalous (Iglewicz and Hoaglin 1993). */
    public static final double ANOMALY_Z = 3.5;
    /** Absolute spend correlation above which two channels are reported as collinear. */
    public static final double CORRELATION_THRESHOLD = 0.8;

    private Explorer() {
    }

    /**
     * Readiness per cell of a panel (geo, or brand x region cell): per channel, the cells where it never spends,
     * where it is sparse (no spend in more than {@link #SPARSE_THRESHOLD} of the cell's periods) and where its spend
     * barely varies (coefficient of variation below 0.1): there the cell's own effect rests on the pooling, not on
     * the cell's data. Lists at most five cell names per line.
     */
    static List<String> cellReasons(MmmDataset data) {
        List<String> out = new ArrayList<>();
        int nt = data.nPeriods();
        int ng = data.nGeos();
        double[] s = new double[nt];
        for (int c = 0; c < data.nChannels(); c++) {
            List<String> none = new ArrayList<>();
            List<String> sparse = new ArrayList<>();
            List<String> flat = new ArrayList<>();
            for (int g = 0; g < ng; g++) {
                int zeros = 0;
                for (int t = 0; t < nt; t++) {
                    s[t] = data.spend(g * nt + t, c);
                    zeros += s[t] == 0 ? 1 : 0;
                }
                String name = data.geos().get(g);
                if (zeros == nt) {
                    none.add(name);
                } else if ((double) zeros / nt > SPARSE_THRESHOLD) {
                    sparse.add(name);
                } else if (sd(s) / mean(s) < 0.1) {
                    flat.add(name);
                }
            }
            String ch = data.channels().get(c);
            cellLine(out, none, ng, "channel '%s' never spends in %d of %d cells (%s): no effect is estimated there",
                    ch);
            cellLine(out, sparse, ng, "channel '%s' is sparse in %d of %d cells (%s): their own effects rest on the "
                    + "other cells", ch);
            cellLine(out, flat, ng, "channel '%s' barely varies in %d of %d cells (%s): their own effects rest on the "
                    + "other cells", ch);
        }
        return out;
    }

    private static void cellLine(List<String> out, List<String> cells, int ng, String format, String channel) {
        if (cells.isEmpty()) {
            return;
        }
        String names = String.join(", ", cells.subList(0, Math.min(5, cells.size())))
                + (cells.size() > 5 ? ", ..." : "");
        out.add(String.format(Locale.ROOT, format, channel, cells.size(), ng, names));
    }

    /**
     * Profiles a dataset.
     *
     * @param data the dataset
     * @return the profile
     */
    public static DataProfile explore(MmmDataset data) {
        return explore(data, 0);
    }

    /**
     * Profiles a dataset whose reader zero-filled some missing spend cells.
     *
     * @param data the dataset
     * @param zeroFilledCells how many spend cells were missing and read as zero
     * @return the profile
     */
    public static DataProfile explore(MmmDataset data, int zeroFilledCells) {
        return explore(data, zeroFilledCells, List.of(), 0);
    }

    /**
     * Profiles a dataset and the experiments (lift tests) given with it: each experiment's window, observed spend
     * and spend change, and what weakens it as evidence ({@link ExperimentProfile}); a weakness is also a reason of
     * the readiness score.
     *
     * @param data the dataset
     * @param zeroFilledCells how many spend cells were missing and read as zero
     * @param experiments the lift tests; may be empty
     * @param holdout the final periods the models will hold out
     * @return the profile
     */
    public static DataProfile explore(MmmDataset data, int zeroFilledCells, List<LiftTest> experiments, int holdout) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(experiments, "experiments");
        Checks.checkNonNegative("zeroFilledCells", zeroFilledCells);
        MmmDataset nat = data.aggregate();
        int n = nat.nPeriods();
        int nc = data.nChannels();
        List<String> reasons = new ArrayList<>();
        int score = 5;

        ModelSpec spec = ModelSpec.defaults(data);
        int parameters = Design.of(data, spec, Design.Frame.of(data, spec)).cols() + 1;
        double perParam = (double) data.nRows() / parameters;

        if (n < 52) {
            score -= 2;
            reasons.add(String.format(Locale.ROOT, "only %d periods: less than a year of history cannot separate "
                    + "seasonality from media", n));
        } else if (n < 104) {
            score -= 1;
            reasons.add(String.format(Locale.ROOT, "%d periods: less than two years of history", n));
        } else {
            reasons.add(String.format(Locale.ROOT, "%d periods of history", n));
        }
        if (perParam < 5) {
            score -= 2;
            reasons.add(String.format(Locale.ROOT, "%.1f rows per model parameter (%d parameters): too few for stable "
                    + "estimates", perParam, parameters));
        } else if (perParam < 10) {
            score -= 1;
            reasons.add(String.format(Locale.ROOT, "%.1f rows per model parameter (%d parameters): estimates will be "
                    + "noisy", perParam, parameters));
        }

        double[] kpi = nat.kpi();
        List<ChannelProfile> channels = new ArrayList<>();
        boolean anySparse = false;
        boolean anyFlat = false;
        for (int c = 0; c < nc; c++) {
            double[] s = data.spendColumn(c);
            int zeros = 0;
            for (double v : s) {
                zeros += v == 0 ? 1 : 0;
            }
            double zeroShare = (double) zeros / s.length;
            boolean sparse = zeroShare > SPARSE_THRESHOLD;
            double cv = sd(s) / mean(s);
            double corr = correlation(nat.spendColumn(c), kpi);
            channels.add(new ChannelProfile(data.channels().get(c), data.totalSpend(c), zeroShare, sparse, corr, cv));
            if (sparse) {
                anySparse = true;
                reasons.add(String.format(Locale.ROOT, "channel '%s' has no spend in %.0f%% of rows: its effect will "
                        + "be hard to estimate", data.channels().get(c), 100 * zeroShare));
            }
            if (cv < 0.1) {
                anyFlat = true;
                reasons.add(String.format(Locale.ROOT, "channel '%s' barely varies (coefficient of variation %.2f): "
                        + "its effect cannot be told apart from the baseline", data.channels().get(c), cv));
            }
        }
        score -= anySparse ? 1 : 0;
        score -= anyFlat ? 1 : 0;
        if (data.nGeos() > 1) {
            reasons.addAll(cellReasons(data));
        }

        CollinearityReport col = Collinearity.diagnose(data.spend(), data.nRows(), nc, data.channels(),
                Collinearity.DEFAULT_VIF_THRESHOLD, Collinearity.DEFAULT_CONDITION_THRESHOLD);
        List<String> pairs = new ArrayList<>();
        for (int a = 0; a < nc; a++) {
            for (int b = a + 1; b < nc; b++) {
                double r = col.correlation(a, b);
                if (Math.abs(r) > CORRELATION_THRESHOLD) {
                    pairs.add(String.format(Locale.ROOT, "%s ~ %s (r = %.2f)", data.channels().get(a),
                            data.channels().get(b), r));
                }
            }
        }
        if (!pairs.isEmpty() || !col.severeNames().isEmpty()) {
            score -= 1;
            reasons.add("severe collinearity between media channels: "
                    + (pairs.isEmpty() ? "VIF above 10 for " + col.severeNames() : String.join(", ", pairs))
                    + "; the model cannot fully separate their effects");
        }

        // Trend and seasonality of the national KPI, and anomalies against them.
        double[] trendX = new double[n];
        for (int t = 0; t < n; t++) {
            trendX[t] = nat.time().years(t);
        }
        double[] trendFit = fitted(trendX, n, 1, kpi);
        double trendStrength = rSquared(kpi, trendFit);
        double[] detrended = new double[n];
        for (int t = 0; t < n; t++) {
            detrended[t] = kpi[t] - trendFit[t];
        }
        int k = Math.min(ModelSpec.DEFAULT_HARMONICS, Math.max(0, (n - 3) / 4));
        double[] fx = new double[n * 2 * k];
        for (int t = 0; t < n; t++) {
            for (int h = 1; h <= k; h++) {
                double a = 2 * Math.PI * h * nat.time().years(t);
                fx[t * 2 * k + 2 * (h - 1)] = Math.sin(a);
                fx[t * 2 * k + 2 * (h - 1) + 1] = Math.cos(a);
            }
        }
        double[] seasonFit = k == 0 ? new double[n] : fitted(fx, n, 2 * k, detrended);
        double seasonality = k == 0 ? 0 : Math.max(0, rSquared(detrended, seasonFit));
        double[] resid = new double[n];
        for (int t = 0; t < n; t++) {
            resid[t] = detrended[t] - seasonFit[t];
        }
        if (seasonality > 0.3) {
            reasons.add(String.format(Locale.ROOT, "strong yearly seasonality (%.0f%% of the detrended KPI's "
                    + "variance): modelled with Fourier terms", 100 * seasonality));
        }
        double[] z = modifiedZ(resid);
        double[][] spendZ = new double[nc][];
        for (int c = 0; c < nc; c++) {
            spendZ[c] = spikeScores(nat.spendColumn(c));
        }
        List<KpiAnomaly> anomalies = new ArrayList<>();
        int unexplained = 0;
        for (int t = 0; t < n; t++) {
            if (Math.abs(z[t]) > ANOMALY_Z) {
                List<String> spiking = new ArrayList<>();
                for (int c = 0; c < nc; c++) {
                    if (spendZ[c][t] > ANOMALY_Z) {
                        spiking.add(data.channels().get(c));
                    }
                }
                boolean event = false;
                for (int e = 0; e < nat.nEvents(); e++) {
                    event |= nat.event(t, e) == 1;
                }
                if (!event) {
                    unexplained++;
                }
                anomalies.add(new KpiAnomaly(t, nat.time().date(t), kpi[t], z[t], spiking));
            }
        }
        if (!anomalies.isEmpty()) {
            reasons.add(String.format(Locale.ROOT, "%d KPI anomal%s (%s)%s", anomalies.size(),
                    anomalies.size() == 1 ? "y" : "ies",
                    String.join(", ", anomalies.stream().map(a -> a.date().toString()).limit(5).toList())
                            + (anomalies.size() > 5 ? ", ..." : ""),
                    unexplained > 0 ? "; an event indicator may be missing" : "; covered by events"));
        }
        if (unexplained > Math.max(1, 0.02 * n)) {
            score -= 1;
        }
        if (zeroFilledCells > 0) {
            reasons.add(String.format(Locale.ROOT, "%d missing spend cells were read as zero", zeroFilledCells));
        }
        List<ExperimentProfile> tests = new ArrayList<>();
        for (LiftTest e : experiments) {
            ExperimentProfile ep = ExperimentProfile.of(e, data, holdout);
            tests.add(ep);
            for (String problem : ep.problems()) {
                reasons.add("experiment on " + e.channel() + " from " + e.start() + ": " + problem);
            }
        }
        if (!experiments.isEmpty() && tests.stream().allMatch(t -> t.problems().isEmpty())) {
            reasons.add(experiments.size() + " experiment" + (experiments.size() == 1 ? "" : "s")
                    + " given, each with a lift beyond two standard errors inside the training periods");
        }
        score = Math.max(1, Math.min(5, score));
        return new DataProfile(n, data.nGeos(), data.time().frequency().name().toLowerCase(Locale.ROOT),
                data.nRows(), parameters, perParam, zeroFilledCells, channels, anomalies, col, pairs, seasonality,
                Math.max(0, trendStrength), score, reasons, tests);
    }

    private static double[] fitted(double[] x, int n, int p, double[] y) {
        double[] sol = Ridge.solve(x, n, p, y, 0);
        double[] f = new double[n];
        for (int t = 0; t < n; t++) {
            double s = sol[0];
            for (int j = 0; j < p; j++) {
                s += sol[1 + j] * x[t * p + j];
            }
            f[t] = s;
        }
        return f;
    }

    private static double rSquared(double[] y, double[] f) {
        double m = mean(y);
        double ss = 0;
        double sr = 0;
        for (int i = 0; i < y.length; i++) {
            ss += (y[i] - m) * (y[i] - m);
            sr += (y[i] - f[i]) * (y[i] - f[i]);
        }
        return ss == 0 ? 0 : 1 - sr / ss;
    }

    /** Modified z-scores; a zero MAD falls back to the mean absolute deviation (scaled by 1.2533). */
    static double[] modifiedZ(double[] v) {
        double med = median(v);
        double[] dev = new double[v.length];
        double meanAbs = 0;
        for (int i = 0; i < v.length; i++) {
            dev[i] = Math.abs(v[i] - med);
            meanAbs += dev[i] / v.length;
        }
        double mad = median(dev);
        double[] z = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            if (mad > 0) {
                z[i] = 0.6745 * (v[i] - med) / mad;
            } else if (meanAbs > 0) {
                z[i] = (v[i] - med) / (1.253314 * meanAbs);
            }
        }
        return z;
    }

    /** Spike scores of a spend series: modified z-scores among the periods with spend, 0 where spend is 0. */
    private static double[] spikeScores(double[] s) {
        double[] active = Arrays.stream(s).filter(v -> v > 0).toArray();
        double[] out = new double[s.length];
        if (active.length < 3) {
            return out;
        }
        double med = median(active);
        double[] dev = new double[active.length];
        for (int i = 0; i < dev.length; i++) {
            dev[i] = Math.abs(active[i] - med);
        }
        double mad = median(dev);
        if (mad == 0) {
            return out;
        }
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] > 0 ? 0.6745 * (s[i] - med) / mad : 0;
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / Math.max(1, v.length - 1));
    }

    static double correlation(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
