package io.github.mmm4j.auto;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Numbers;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the round's models channel by channel: ROI ranking per model, whether the models' ROI intervals
 * overlap and their ranks agree, the plausibility of contributions, and a consensus estimate where the models
 * agree (see {@link Agreement} for the rules). The consensus pools an equal number of draws from every model
 * ({@link #pool}): its estimate is the pooled median and its interval the pooled equal-tailed interval, so the
 * estimate always lies inside its interval; intervals are never intersected. The analyst only describes; the
 * {@link Critic} judges.
 */
public final class Analyst {

    private Analyst() {
    }

    /**
     * @param models the round's fitted models, on the same data
     * @param profile the explorer's profile (sparse channels and collinear pairs weaken a channel's evidence)
     * @return the report
     */
    public static AnalystReport analyse(List<FittedModel> models, DataProfile profile) {
        return analyse(models, profile, List.of());
    }

    /**
     * With experiments: on a channel with a lift test, a model whose predicted lift lies more than two of the test's
     * standard errors from the measured lift ({@link ExperimentComparison.Prediction#consistent()}) does not vote on
     * that channel's consensus (unless every model is off), and the channel's reasons say which and why. An
     * experiment measures the channel directly; a model that contradicts it cannot corroborate, or be averaged
     * into, the channel's ROI.
     *
     * @param models the round's fitted models, on the same data
     * @param profile the explorer's profile
     * @param experiments the lift tests the round calibrates with, possibly empty
     * @return the report
     */
    public static AnalystReport analyse(List<FittedModel> models, DataProfile profile,
            List<io.github.mmm4j.models.bayes.LiftTest> experiments) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no models to analyse");
        }
        List<String> channels = models.get(0).data().channels();
        Map<String, List<String>> ranking = new LinkedHashMap<>();
        Map<String, int[]> ranks = new LinkedHashMap<>();
        Map<String, Double> mediaShare = new LinkedHashMap<>();
        for (FittedModel m : models) {
            List<ChannelSummary> cs = new ArrayList<>(m.channels());
            cs.sort(Comparator.comparingDouble(ChannelSummary::roi).reversed());
            ranking.put(m.estimator(), cs.stream().map(ChannelSummary::name).toList());
            int[] r = new int[channels.size()];
            for (int i = 0; i < cs.size(); i++) {
                r[channels.indexOf(cs.get(i).name())] = i + 1;
            }
            ranks.put(m.estimator(), r);
            double media = m.channels().stream().mapToDouble(ChannelSummary::contribution).sum();
            double kpi = 0;
            for (double v : m.data().kpi()) {
                kpi += v;
            }
            mediaShare.put(m.estimator(), kpi == 0 ? 0 : media / kpi);
        }
        List<String> collinear = new ArrayList<>(profile.mediaCollinearity().severeNames());
        for (String pair : profile.severeCorrelations()) {
            for (String c : channels) {
                if (pair.startsWith(c + " ~ ") || pair.contains(" ~ " + c + " (")) {
                    collinear.add(c);
                }
            }
        }
        List<ChannelConsensus> out = new ArrayList<>();
        List<double[][]> draws = roiDraws(models);
        List<ExperimentComparison> compared = experiments.isEmpty() ? List.of()
                : ExperimentComparison.of(models, experiments, false);
        for (int c = 0; c < channels.size(); c++) {
            String name = channels.get(c);
            List<ModelEstimate> est = new ArrayList<>();
            for (FittedModel m : models) {
                ChannelSummary s = m.channels().get(c);
                est.add(new ModelEstimate(m.estimator(), s.roi(), s.roiInterval(), s.contribution(), s.share(),
                        ranks.get(m.estimator())[c]));
            }
            List<double[]> perModel = new ArrayList<>();
            for (double[][] d : draws) {
                perModel.add(d[c]);
            }
            boolean[] voting = new boolean[models.size()];
            java.util.Arrays.fill(voting, true);
            List<String> off = new ArrayList<>();
            for (ExperimentComparison x : compared) {
                if (!x.test().channel().equals(name)) {
                    continue;
                }
                for (int k = 0; k < models.size(); k++) {
                    if (!x.predictions().get(k).consistent() && voting[k]) {
                        voting[k] = false;
                        off.add(models.get(k).estimator() + " (" + x.describeTest() + ")");
                    }
                }
            }
            String leftOut = "";
            boolean anyVotes = false;
            for (boolean v : voting) {
                anyVotes |= v;
            }
            if (!anyVotes) {
                java.util.Arrays.fill(voting, true);
                leftOut = "every model's predicted lift is more than two standard errors from the experiment's "
                        + "measurement on this channel (" + String.join(", ", off) + "), so none is left out; "
                        + "trust the "
                        + "experiment over the models here";
            } else if (!off.isEmpty()) {
                leftOut = "left out of the consensus because the experiment contradicts "
                        + (off.size() == 1 ? "it" : "them") + ": " + String.join(", ", off)
                        + " (predicted lift more than two standard errors from the measured one)";
            }
            ChannelConsensus cc = consensus(name, est, perModel, profile.sparseChannels().contains(name),
                    collinear.contains(name), voting, leftOut);
            List<String> notes = new ArrayList<>();
            Optional<ExperimentComparison> dark = compared.stream()
                    .filter(x -> x.test().channel().equals(name) && goesDark(x, models.get(0).data())).findFirst();
            if (dark.isPresent()) {
                // the curve below the lowest regular spend is what a go-dark test measures: no extrapolation note
                notes.add(MEASURED_FROM_ZERO + "the go-dark " + dark.get().describeTest() + " measured the channel's "
                        + "response down to zero spend, and the Bayesian model is calibrated on it");
            } else {
                extrapolationNote(models, c).ifPresent(notes::add);
            }
            priorNote(models, c).ifPresent(notes::add);
            if (!notes.isEmpty()) {
                List<String> reasons = new ArrayList<>(cc.reasons());
                reasons.addAll(notes);
                cc = new ChannelConsensus(cc.channel(), cc.estimates(), cc.intervalsOverlap(), cc.ranksAgree(),
                        cc.consensusRoi(), cc.consensusInterval(), cc.agreement(), reasons, cc.pooledDraws(),
                        cc.leftOut());
            }
            out.add(cc);
        }
        return new AnalystReport(out, ranking, meanSpearman(new ArrayList<>(ranks.values())), mediaShare);
    }

    /**
     * The share of a channel's response at its average spend above which the analyst says that the channel's ROI
     * rests on the part of its response curve the data never show.
     */
    static final double EXTRAPOLATION_NOTE_SHARE = FittedModel.ALWAYS_ON_SHARE;

    /** How the analyst's note on a channel with a go-dark experiment begins (no always-on note then). */
    public static final String MEASURED_FROM_ZERO = "measured from zero: ";

    /** Whether an experiment switched its channel off in its window (multiplier 0, or a cut of all the spend). */
    static boolean goesDark(ExperimentComparison x, MmmDataset data) {
        return x.test().goesDark(data);
    }

    /** How the analyst's note on an always-on channel begins (see {@link #extrapolationNote}). */
    public static final String ALWAYS_ON_NOTE = "always on: ";

    /**
     * @param m a fitted model
     * @param c the channel index
     * @return {@link FittedModel#belowObservedShare(int)}
     */
    static double belowObservedShare(FittedModel m, int c) {
        return m.belowObservedShare(c);
    }

    /**
     * The analyst's note on a channel whose ROI leans on spend levels the data never show (see
     * {@link #belowObservedShare}): present when the median over the models of that share is at least
     * {@value #EXTRAPOLATION_NOTE_SHARE}. It informs and does not change the channel's {@link Agreement}.
     *
     * @param models the round's models
     * @param c the channel index
     * @return the note, or empty
     */
    static Optional<String> extrapolationNote(List<FittedModel> models, int c) {
        double[] shares = models.stream().mapToDouble(m -> belowObservedShare(m, c)).filter(Double::isFinite)
                .sorted().toArray();
        if (shares.length == 0) {
            return Optional.empty();
        }
        double share = shares.length % 2 == 1 ? shares[shares.length / 2]
                : 0.5 * (shares[shares.length / 2 - 1] + shares[shares.length / 2]);
        if (share < EXTRAPOLATION_NOTE_SHARE) {
            return Optional.empty();
        }
        return Optional.of(ALWAYS_ON_NOTE + String.format(Locale.ROOT, "%.0f%% of its estimated effect at average "
                + "spend comes from spend below its lowest regular level, which the data never show, so its ROI "
                + "rests on the assumed shape of the response curve there; its marginal ROI is better measured, and a "
                + "go-dark test would measure the ROI", 100 * share));
    }

    /** How the analyst's note on a channel whose Bayesian ROI is mostly its prior begins (see {@link #priorNote}). */
    public static final String PRIOR_LED_NOTE = "prior-led: ";

    /**
     * The analyst's note on a channel whose ROI in a Bayesian model comes more from the ROI prior than from the data:
     * present when the smallest {@link FittedModel#roiDataWeight} over the round's models is below
     * {@link io.github.mmm4j.models.SamplerDiagnostics#PRIOR_LED_WEIGHT} (the posterior of {@code log roi} keeps more than half the prior's variance). Such
     * an interval is honest (it covers at its rate on the project's recovery studies) but wide, and its centre
     * leans towards the prior's, which is common to all channels: a small channel whose true ROI is below the
     * media's average comes out high. It informs and does not change the channel's {@link Agreement}.
     *
     * @param models the round's models
     * @param c the channel index
     * @return the note, or empty (also when no model has a data weight: no Bayesian model, or effect priors)
     */
    static Optional<String> priorNote(List<FittedModel> models, int c) {
        String channel = models.get(0).data().channels().get(c);
        double w = Double.NaN;
        String model = null;
        for (FittedModel m : models) {
            java.util.OptionalDouble v = m.roiDataWeight(channel);
            if (v.isPresent() && !(v.getAsDouble() >= w)) {
                w = v.getAsDouble();
                model = m.estimator();
            }
        }
        if (!(w < io.github.mmm4j.models.SamplerDiagnostics.PRIOR_LED_WEIGHT)) {
            return Optional.empty();
        }
        return Optional.of(PRIOR_LED_NOTE + String.format(Locale.ROOT, "the data set only about %.0f%% of the %s "
                + "model's ROI estimate and its prior the rest (the posterior keeps %.0f%% of the prior's spread), so "
                + "that ROI and its interval say more about the prior than about the channel; an experiment would "
                + "measure it", Math.floor(100 * w), model, 100 * Math.sqrt(1 - w)));
    }

    /**
     * The cross-model view of one channel by the rule in {@link Agreement}: the models <em>agree</em> when every
     * model gives an ROI interval and every pair of intervals overlaps; then the consensus is the pooled sample
     * ({@link #pool}); otherwise there is no single number and a DISAGREE channel lists each model's range.
     *
     * @param name the channel
     * @param est one estimate per model, in model order
     * @param roiDraws per model, the channel's ROI in {@link #POOL_DRAWS_PER_MODEL}-or-fewer draws (the same number
     *     for every model), or an empty list when some model has no draws
     * @param sparse whether the explorer found the channel sparse
     * @param collinear whether the channel's spend is severely collinear with another's
     * @return the consensus
     */
    static ChannelConsensus consensus(String name, List<ModelEstimate> est, List<double[]> roiDraws, boolean sparse,
            boolean collinear) {
        boolean[] all = new boolean[est.size()];
        java.util.Arrays.fill(all, true);
        return consensus(name, est, roiDraws, sparse, collinear, all, "");
    }

    /**
     * {@link #consensus(String, List, List, boolean, boolean)} over the voting models only; the result keeps every
     * model's estimate for the tables.
     *
     * @param voting per model, whether it votes
     * @param leftOut a reason to give first, or empty
     */
    static ChannelConsensus consensus(String name, List<ModelEstimate> allEst, List<double[]> allDraws, boolean sparse,
            boolean collinear, boolean[] voting, String leftOut) {
        List<ModelEstimate> est = new ArrayList<>();
        List<double[]> roiDraws = new ArrayList<>();
        for (int k = 0; k < allEst.size(); k++) {
            if (voting[k]) {
                est.add(allEst.get(k));
                if (k < allDraws.size()) {
                    roiDraws.add(allDraws.get(k));
                }
            }
        }
        if (allDraws.size() < allEst.size()) {
            roiDraws = allDraws.isEmpty() ? List.of() : roiDraws;
        }
        boolean allIntervals = est.stream().allMatch(e -> e.roiInterval().isPresent());
        boolean overlap = true;
        for (int a = 0; a < est.size(); a++) {
            for (int b = a + 1; b < est.size(); b++) {
                Optional<Interval> x = est.get(a).roiInterval();
                Optional<Interval> y = est.get(b).roiInterval();
                if (x.isPresent() && y.isPresent()
                        && (x.get().upper() < y.get().lower() || y.get().upper() < x.get().lower())) {
                    overlap = false;
                }
            }
        }
        boolean allExcludeZero = allIntervals && est.stream().allMatch(e -> e.roiInterval().get().lower() > 0);
        int minRank = est.stream().mapToInt(ModelEstimate::rank).min().orElse(0);
        int maxRank = est.stream().mapToInt(ModelEstimate::rank).max().orElse(0);
        boolean ranksAgree = maxRank - minRank <= 1;
        boolean pooled = overlap && allIntervals && !est.isEmpty() && roiDraws.size() == est.size();
        Optional<Double> roi = Optional.empty();
        Optional<Interval> iv = Optional.empty();
        int pooledDraws = 0;
        if (pooled) {
            double level = est.get(0).roiInterval().get().level();
            double[] sample = pool(roiDraws);
            Interval i = Interval.of(sample, level);
            // The mixture's interval contains the intersection of the models' intervals and lies within their hull
            // (see pool); a model's interval comes from all its draws and the pool from up to 200 of them, so where
            // that subsample's noise crosses either bound the bound holds it.
            double maxLower = Double.NEGATIVE_INFINITY;
            double minUpper = Double.POSITIVE_INFINITY;
            double hullLower = Double.POSITIVE_INFINITY;
            double hullUpper = Double.NEGATIVE_INFINITY;
            for (ModelEstimate e : est) {
                Interval x = e.roiInterval().get();
                maxLower = Math.max(maxLower, x.lower());
                minUpper = Math.min(minUpper, x.upper());
                hullLower = Math.min(hullLower, x.lower());
                hullUpper = Math.max(hullUpper, x.upper());
            }
            double lo = Math.min(Math.max(i.lower(), hullLower), maxLower);
            double hi = Math.max(Math.min(i.upper(), hullUpper), minUpper);
            roi = Optional.of(Math.min(Math.max(median(sample), lo), hi));
            iv = Optional.of(new Interval(lo, hi, level));
            pooledDraws = sample.length;
        }
        List<String> reasons = new ArrayList<>();
        if (!leftOut.isEmpty()) {
            reasons.add(leftOut);
        }
        Agreement a;
        if (!overlap) {
            a = Agreement.DISAGREE;
            reasons.add("the models' ROI intervals do not overlap: " + describe(est));
        } else {
            boolean weak = false;
            if (!allIntervals) {
                weak = true;
                reasons.add("not every model gives an interval, so agreement cannot be tested");
            } else if (!pooled) {
                weak = true;
                reasons.add("not every model gives draws to pool");
            }
            if (est.size() < 2 && allEst.size() >= 2) {
                weak = true;
                reasons.add("only " + est.get(0).model() + " agrees with the experiment, so no independent model "
                        + "confirms this channel: its ROI rests on that model, calibrated on the experiment");
            }
            if (allIntervals && !allExcludeZero) {
                weak = true;
                reasons.add("an ROI interval includes zero: the effect may be nil");
            }
            if (!ranksAgree) {
                weak = true;
                reasons.add(String.format(Locale.ROOT, "the channel ranks between %d and %d depending on the model",
                        minRank, maxRank));
            }
            if (sparse) {
                weak = true;
                reasons.add("the channel is sparse: few periods with spend");
            }
            if (collinear) {
                weak = true;
                reasons.add("the channel's spend is collinear with another channel's");
            }
            a = weak ? Agreement.UNCERTAIN : Agreement.CONFIRMED;
            if (!weak) {
                reasons.add("every pair of the models' intervals overlaps, the ranks agree and every interval "
                        + "excludes zero");
            }
            if (pooled) {
                reasons.add(String.format(Locale.ROOT, "consensus from %d pooled draws (%d per model)", pooledDraws,
                        pooledDraws / est.size()));
            }
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < allEst.size(); k++) {
            if (!voting[k]) {
                out.add(allEst.get(k).model());
            }
        }
        return new ChannelConsensus(name, allEst, overlap, ranksAgree, roi, iv, a, reasons, pooledDraws, out);
    }

    /**
     * Most draws taken from each model for the pooled consensus: enough for the 5% and 95% quantiles of the pool
     * (at least 3 models x 200 draws) while the analyst stays cheap (each draw's ROI is one pass over the data).
     */
    public static final int POOL_DRAWS_PER_MODEL = 200;

    /**
     * The equal-weight mixture of the models' draws: each model contributes the same number of draws, so each model
     * weighs {@code 1/K} whatever its draw count; this is Bayesian model averaging with equal model weights (Hoeting,
     * Madigan, Raftery and Volinsky 1999, "Bayesian model averaging: a tutorial", Statistical Science 14(4)). Its
     * equal-tailed interval {@code [q_lo, q_hi]} has two properties the tests check: it contains the intersection of
     * the models' own intervals (at {@code x = max_k lower_k} every model's CDF is at least {@code (1 - level)/2},
     * so the mixture's is too, hence {@code q_lo <= max_k lower_k}; likewise for the upper end), so it covers the
     * truth whenever every model's interval does; and it lies within their hull {@code [min_k lower_k, max_k upper_k]},
     * so it is never wider than the models' own evidence. Its median lies inside it by construction.
     *
     * @param roiDraws (input) not modified; per model the same number of draws
     * @return a new array with every model's draws
     */
    static double[] pool(List<double[]> roiDraws) {
        int n = roiDraws.get(0).length;
        double[] out = new double[n * roiDraws.size()];
        for (int k = 0; k < roiDraws.size(); k++) {
            if (roiDraws.get(k).length != n) {
                throw new IllegalArgumentException("roiDraws[" + k + "] has " + roiDraws.get(k).length
                        + " draws; every model must give " + n);
            }
            System.arraycopy(roiDraws.get(k), 0, out, k * n, n);
        }
        return out;
    }

    private static double median(double[] sample) {
        double[] s = sample.clone();
        java.util.Arrays.sort(s);
        return Interval.quantileSorted(s, 0.5);
    }

    /**
     * Per model and channel, the channel's ROI in {@code m = min(min_k drawCount_k, POOL_DRAWS_PER_MODEL)} draws of
     * each model, taken at evenly spaced indices {@code floor(i * n_k / m)} (so every chain of a sampled model is
     * represented): {@code out.get(k)[c][i]}. Empty when some model has no draws.
     */
    static List<double[][]> roiDraws(List<FittedModel> models) {
        int m = POOL_DRAWS_PER_MODEL;
        for (FittedModel f : models) {
            m = Math.min(m, f.drawCount());
        }
        if (m == 0) {
            return List.of();
        }
        List<double[][]> out = new ArrayList<>();
        for (FittedModel f : models) {
            int nc = f.data().nChannels();
            double[][] r = new double[nc][m];
            long n = f.drawCount();
            for (int i = 0; i < m; i++) {
                List<ChannelSummary> cs = f.draw((int) (i * n / m)).channels();
                for (int c = 0; c < nc; c++) {
                    r[c][i] = cs.get(c).roi();
                }
            }
            if (f.hasPoint()) {
                for (int c = 0; c < nc; c++) {
                    recentre(r[c], f.channels().get(c).roi());
                }
            }
            out.add(r);
        }
        return out;
    }

    /**
     * Moves a bootstrap model's ROI draws as its own interval moves them ({@link Interval#around}): shifted so that
     * their median falls on the point estimate, and kept at or above 0 (at or below) when every draw and the point
     * are. Without this the pool would mix the raw replicates, whose centre is not the model's estimate, and the
     * consensus could fall outside every model's interval.
     *
     * @param draws (input/output) one channel's ROI draws of one model; modified
     * @param point the model's ROI estimate
     */
    static void recentre(double[] draws, double point) {
        double[] s = draws.clone();
        java.util.Arrays.sort(s);
        double shift = point - Interval.quantileSorted(s, 0.5);
        boolean nonNegative = s[0] >= 0 && point >= 0;
        boolean nonPositive = s[s.length - 1] <= 0 && point <= 0;
        for (int i = 0; i < draws.length; i++) {
            double v = draws[i] + shift;
            draws[i] = nonNegative ? Math.max(v, 0.0) : nonPositive ? Math.min(v, 0.0) : v;
        }
    }

    private static String describe(List<ModelEstimate> est) {
        StringBuilder sb = new StringBuilder();
        for (ModelEstimate e : est) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(e.model()).append(' ').append(Numbers.significant(e.roi(), 4));
            e.roiInterval().ifPresent(i -> sb.append(" [").append(Numbers.significant(i.lower(), 4)).append(" to ")
                    .append(Numbers.significant(i.upper(), 4)).append(']'));
        }
        return sb.toString();
    }

    /** Mean Spearman correlation over pairs of rank vectors (no ties: ranks are a permutation). */
    static double meanSpearman(List<int[]> ranks) {
        if (ranks.size() < 2) {
            return 1;
        }
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < ranks.size(); a++) {
            for (int b = a + 1; b < ranks.size(); b++) {
                int[] x = ranks.get(a);
                int[] y = ranks.get(b);
                int n = x.length;
                if (n < 2) {
                    sum += 1;
                } else {
                    double d2 = 0;
                    for (int i = 0; i < n; i++) {
                        d2 += (double) (x[i] - y[i]) * (x[i] - y[i]);
                    }
                    sum += 1 - 6 * d2 / ((double) n * ((double) n * n - 1));
                }
                pairs++;
            }
        }
        return sum / pairs;
    }
}
