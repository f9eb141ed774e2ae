package io.github.mmm4j.auto;

import io.github.mmm4j.core.FitMetrics;
import io.github.mmm4j.core.Numbers;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.SamplerDiagnostics;
import io.github.mmm4j.models.bayes.LiftTest;
import io.github.mmm4j.models.linear.CollinearityReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The quality gate: named checks, each passed or failed with its evidence, and a verdict. The critic
 * re-derives what it judges from the models themselves rather than trusting the analyst's labels, so no stage
 * approves its own output.
 *
 * <ul>
 *   <li>{@code overfitting} (blocking): every model's holdout RMSE is at most {@link #OVERFIT_RATIO} times its
 *       training RMSE.</li>
 *   <li>{@code signs} (blocking): no model gives a channel a negative total contribution.</li>
 *   <li>{@code roi_plausibility} (blocking): every model's ROI lies in the user's expected range for the channel
 *       where one is given; otherwise generic bounds: media explain at most {@link #MAX_MEDIA_SHARE} of the KPI
 *       and no channel's ROI exceeds {@link #MAX_ROI_RATIO} times the median ROI of the channels.</li>
 *   <li>{@code agreement} (blocking): no channel's ROI intervals disagree between models.</li>
 *   <li>{@code honest_consensus} (blocking): no channel is called confirmed unless every model's interval overlaps
 *       every other's and excludes zero, and its consensus estimate lies inside its consensus interval.</li>
 *   <li>{@code collinearity} (advisory): no media column of the design has a VIF above 10.</li>
 *   <li>{@code experiments} (advisory, when lift tests are given): every model's predicted lift of every experiment,
 *       over the periods the lift covers, lies within two of the experiment's standard errors of the measured
 *       lift.</li>
 *   <li>{@code sample_size} (blocking): at least {@link #MIN_ROWS_PER_PARAMETER} rows per model parameter.</li>
 *   <li>{@code bayes_diagnostics} (blocking, when a sampled model is present): R-hat at most 1.01 and no
 *       divergences.</li>
 *   <li>{@code holdout_no_worse} (blocking): the primary model's out-of-sample error is not worse, beyond noise,
 *       than that of the same estimator's fit in the best earlier round ({@link HoldoutComparison#worse()}: a paired
 *       Diebold-Mariano test of absolute holdout errors). A change can thus never be approved for making the answer
 *       predict worse.</li>
 *   <li>{@code roi_shift} (advisory): no channel's ROI of the primary model moves outside the interval the same
 *       estimator gave it in the best earlier round unless the holdout error improved beyond noise
 *       ({@link HoldoutComparison#better()}); a far move without better predictions is reported with its
 *       figures, and keeps the confidence below high.</li>
 * </ul>
 */
public final class Critic {

    /** Largest allowed ratio of holdout RMSE to training RMSE. */
    public static final double OVERFIT_RATIO = 2.0;
    /** Largest plausible share of the KPI explained by media when no expected ranges are given. */
    public static final double MAX_MEDIA_SHARE = 0.8;
    /** Largest plausible ratio of a channel's ROI to the median ROI when no expected ranges are given. */
    public static final double MAX_ROI_RATIO = 10;
    /** Fewest rows per parameter. */
    public static final double MIN_ROWS_PER_PARAMETER = 5;

    private Critic() {
    }

    /**
     * Reviews a round.
     *
     * @param models the round's models
     * @param analysis the analyst's report on them
     * @param profile the explorer's profile
     * @param expectedRoi the user's plausible ROI range {@code {lo, hi}} per channel; may be empty
     * @return the critique
     */
    public static Critique review(List<FittedModel> models, AnalystReport analysis, DataProfile profile,
            Map<String, double[]> expectedRoi) {
        return review(models, analysis, profile, expectedRoi, Optional.empty());
    }

    /**
     * Reviews a round against the best earlier round.
     *
     * @param models the round's models
     * @param analysis the analyst's report on them
     * @param profile the explorer's profile
     * @param expectedRoi the user's plausible ROI range {@code {lo, hi}} per channel; may be empty
     * @param reference the best earlier round ({@link AutoAnalysis#best}), empty for the first round
     * @return the critique
     */
    public static Critique review(List<FittedModel> models, AnalystReport analysis, DataProfile profile,
            Map<String, double[]> expectedRoi, Optional<Round> reference) {
        return review(models, analysis, profile, expectedRoi, reference, List.of());
    }

    /**
     * Reviews a round against the best earlier round and the experiments (lift tests) the user gave.
     *
     * @param models the round's models
     * @param analysis the analyst's report on them
     * @param profile the explorer's profile
     * @param expectedRoi the user's plausible ROI range {@code {lo, hi}} per channel; may be empty
     * @param reference the best earlier round ({@link AutoAnalysis#best}), empty for the first round
     * @param experiments the lift tests; may be empty
     * @return the critique
     */
    public static Critique review(List<FittedModel> models, AnalystReport analysis, DataProfile profile,
            Map<String, double[]> expectedRoi, Optional<Round> reference, List<LiftTest> experiments) {
        Objects.requireNonNull(experiments, "experiments");
        Objects.requireNonNull(expectedRoi, "expectedRoi");
        Objects.requireNonNull(reference, "reference");
        List<Check> checks = new ArrayList<>();
        checks.add(overfitting(models));
        checks.add(signs(models));
        checks.add(plausibility(models, expectedRoi));
        checks.add(agreement(analysis));
        checks.add(honesty(analysis));
        checks.add(collinearity(models.get(0)));
        checks.add(sampleSize(models.get(0), profile));
        for (FittedModel m : models) {
            m.samplerDiagnostics().ifPresent(d -> checks.add(diagnostics(m.estimator(), d)));
        }
        FittedModel primary = models.get(AutoAnalysis.primary(models));
        Optional<FittedModel> before = reference.map(r -> counterpart(r, primary.estimator()));
        Optional<HoldoutComparison> cmp = before.flatMap(b -> HoldoutComparison.of(primary, b));
        checks.add(holdoutNoWorse(reference, cmp));
        checks.add(roiShift(primary, reference, before, cmp));
        if (!experiments.isEmpty()) {
            checks.add(experiments(models, experiments));
        }
        boolean ok = checks.stream().allMatch(c -> c.passed() || !c.blocking());
        return new Critique(checks, ok ? Verdict.APPROVED : Verdict.REVISE);
    }

    /**
     * {@code experiments} (advisory): every estimator's predicted lift of every experiment lies within two of the
     * experiment's standard errors of the measured lift, over the periods the lift covers ({@link
     * LiftTest#predictedLift}); the evidence lists each model's prediction against the measurement.
     */
    static Check experiments(List<FittedModel> models, List<LiftTest> experiments) {
        List<String> parts = new ArrayList<>();
        List<String> off = new ArrayList<>();
        for (ExperimentComparison x : ExperimentComparison.of(models, experiments, false)) {
            LiftTest e = x.test();
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s %s to %s%s (%s): measured %s +- %s;",
                    e.channel(), e.start(), e.end(), e.geo() == null ? "" : " in " + e.geo(),
                    e.byMultiplier() ? "spend x " + Numbers.significant(e.multiplier(), 3)
                            : "spend change " + Numbers.significant(e.spendChange(), 4),
                    Numbers.significant(e.lift(), 4), Numbers.significant(e.standardError(), 3)));
            for (ExperimentComparison.Prediction p : x.predictions()) {
                sb.append(' ').append(p.estimator()).append(' ').append(Numbers.significant(p.lift(), 4))
                        .append(p.consistent() ? "" : " (off)");
                if (!p.consistent()) {
                    off.add(p.estimator() + " on the " + x.describeTest());
                }
            }
            parts.add(sb.toString());
        }
        String evidence = (off.isEmpty() ? "every model predicts every experiment's lift within two standard errors: "
                : "predictions more than two standard errors from the measured lift: " + String.join(", ", off)
                        + ". ") + String.join(" ", parts);
        return new Check("experiments", off.isEmpty(), false, evidence);
    }

    private static Check overfitting(List<FittedModel> models) {
        List<String> bad = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (FittedModel m : models) {
            Optional<FitMetrics> test = m.testMetrics();
            if (test.isEmpty()) {
                all.add(m.estimator() + ": no holdout");
                continue;
            }
            double ratio = test.get().rmse() / m.trainMetrics().rmse();
            String s = String.format(Locale.ROOT, "%s: holdout RMSE %s vs train %s (x%.2f), holdout MAPE %.1f%%",
                    m.estimator(), sig(test.get().rmse()), sig(m.trainMetrics().rmse()), ratio,
                    100 * test.get().mape());
            all.add(s);
            if (!(ratio <= OVERFIT_RATIO)) {
                bad.add(s);
            }
        }
        return new Check("overfitting", bad.isEmpty(), true,
                bad.isEmpty() ? String.join("; ", all) : "holdout error far above training error: " + String.join("; ", bad));
    }

    private static Check signs(List<FittedModel> models) {
        List<String> bad = new ArrayList<>();
        for (FittedModel m : models) {
            for (ChannelSummary c : m.channels()) {
                if (c.contribution() < 0) {
                    bad.add(String.format(Locale.ROOT, "%s gives %s a negative contribution (%s)", m.estimator(),
                            c.name(), sig(c.contribution())));
                }
            }
        }
        return new Check("signs", bad.isEmpty(), true,
                bad.isEmpty() ? "every channel's contribution is non-negative in every model" : String.join("; ", bad));
    }

    private static Check plausibility(List<FittedModel> models, Map<String, double[]> expected) {
        List<String> bad = new ArrayList<>();
        for (FittedModel m : models) {
            List<ChannelSummary> cs = m.channels();
            if (!expected.isEmpty()) {
                for (ChannelSummary c : cs) {
                    double[] r = expected.get(c.name());
                    if (r != null && !(c.roi() >= r[0] && c.roi() <= r[1])) {
                        bad.add(String.format(Locale.ROOT, "%s: ROI of %s is %s, outside the expected %s to %s",
                                m.estimator(), c.name(), sig(c.roi()), sig(r[0]), sig(r[1])));
                    }
                }
                continue;
            }
            double media = cs.stream().mapToDouble(ChannelSummary::contribution).sum();
            double kpi = Arrays.stream(m.data().kpi()).sum();
            if (kpi > 0 && media / kpi > MAX_MEDIA_SHARE) {
                bad.add(String.format(Locale.ROOT, "%s: media explain %.0f%% of the KPI (more than %.0f%% is implausible)",
                        m.estimator(), 100 * media / kpi, 100 * MAX_MEDIA_SHARE));
            }
            double[] rois = cs.stream().mapToDouble(ChannelSummary::roi).filter(r -> r > 0).sorted().toArray();
            if (rois.length >= 3) {
                double median = Interval.quantileSorted(rois, 0.5);
                for (ChannelSummary c : cs) {
                    if (c.roi() > MAX_ROI_RATIO * median) {
                        bad.add(String.format(Locale.ROOT, "%s: ROI of %s (%s) is over %.0f times the median ROI (%s)",
                                m.estimator(), c.name(), sig(c.roi()), MAX_ROI_RATIO, sig(median)));
                    }
                }
            }
        }
        String basis = expected.isEmpty() ? "generic bounds" : "the expected ROI ranges";
        return new Check("roi_plausibility", bad.isEmpty(), true,
                bad.isEmpty() ? "every ROI is plausible by " + basis : String.join("; ", bad));
    }

    private static Check agreement(AnalystReport a) {
        List<String> dis = a.channelsWith(Agreement.DISAGREE);
        return new Check("agreement", dis.isEmpty(), true, dis.isEmpty()
                ? String.format(Locale.ROOT, "no channel's ROI intervals disagree; rank correlation between models %.2f",
                        a.rankCorrelation())
                : "the models disagree about " + dis + ": their ROI intervals do not overlap");
    }

    static Check honesty(AnalystReport a) {
        List<String> bad = new ArrayList<>();
        for (ChannelConsensus c : a.channels()) {
            if (c.agreement() != Agreement.CONFIRMED) {
                continue;
            }
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.POSITIVE_INFINITY;
            boolean excludesZero = true;
            for (ModelEstimate e : c.estimates()) {
                if (c.leftOut().contains(e.model())) {
                    continue; // an experiment contradicts it: it does not vote on this channel
                }
                if (e.roiInterval().isEmpty()) {
                    bad.add(c.channel() + " is confirmed but " + e.model() + " gives no interval");
                    continue;
                }
                lo = Math.max(lo, e.roiInterval().get().lower());
                hi = Math.min(hi, e.roiInterval().get().upper());
                excludesZero &= e.roiInterval().get().lower() > 0;
            }
            if (lo > hi) {
                bad.add(c.channel() + " is confirmed but its intervals do not overlap");
            }
            if (!excludesZero) {
                bad.add(c.channel() + " is confirmed but an interval includes zero");
            }
            if (c.consensusRoi().isEmpty() || c.consensusInterval().isEmpty()
                    || !c.consensusInterval().get().contains(c.consensusRoi().get())) {
                bad.add(c.channel() + " is confirmed but has no consensus estimate inside its interval");
            }
        }
        List<String> confirmed = a.channelsWith(Agreement.CONFIRMED);
        return new Check("honest_consensus", bad.isEmpty(), true, bad.isEmpty()
                ? "confirmed channels " + confirmed + " are backed by overlapping intervals that exclude zero and a "
                        + "pooled estimate inside its interval"
                : String.join("; ", bad));
    }

    /**
     * The reference round's fit by the same estimator as {@code estimator}, else the reference round's primary model.
     *
     * @param reference a round
     * @param estimator an estimator's name
     * @return the fit to compare with
     */
    static FittedModel counterpart(Round reference, String estimator) {
        return reference.model(estimator).orElse(reference.models().get(AutoAnalysis.primary(reference.models())));
    }

    private static Check holdoutNoWorse(Optional<Round> reference, Optional<HoldoutComparison> cmp) {
        if (reference.isEmpty()) {
            return new Check("holdout_no_worse", true, true, "the first round: the reference for later rounds");
        }
        String round = "round " + reference.get().number();
        if (cmp.isEmpty()) {
            return new Check("holdout_no_worse", true, true, "no holdout to compare with " + round);
        }
        HoldoutComparison c = cmp.get();
        if (c.worse()) {
            return new Check("holdout_no_worse", false, true, "the primary model's out-of-sample error is worse than "
                    + "the best earlier round's (" + round + ") beyond noise: " + c.describe());
        }
        return new Check("holdout_no_worse", true, true, (c.better() ? "better than " : "within noise of ") + round
                + ": " + c.describe());
    }

    private static Check roiShift(FittedModel primary, Optional<Round> reference, Optional<FittedModel> before,
            Optional<HoldoutComparison> cmp) {
        if (before.isEmpty()) {
            return new Check("roi_shift", true, false, "the first round: nothing to compare with");
        }
        List<String> moved = new ArrayList<>();
        for (ChannelSummary c : primary.channels()) {
            Optional<Interval> was = before.get().channels().get(primary.channelIndex(c.name())).roiInterval();
            if (was.isPresent() && !was.get().contains(c.roi())) {
                moved.add(String.format(Locale.ROOT, "%s ROI %s, outside round %d's interval %s to %s", c.name(),
                        Numbers.significant(c.roi(), 4), reference.get().number(),
                        Numbers.significant(was.get().lower(), 4), Numbers.significant(was.get().upper(), 4)));
            }
        }
        boolean improved = cmp.map(HoldoutComparison::better).orElse(false);
        String holdout = cmp.map(HoldoutComparison::describe).orElse("no holdout to compare");
        if (moved.isEmpty()) {
            return new Check("roi_shift", true, false, "every ROI of " + primary.estimator() + " stays inside round "
                    + reference.get().number() + "'s interval");
        }
        if (improved) {
            return new Check("roi_shift", true, false, "ROI moved (" + String.join("; ", moved)
                    + ") and the holdout error improved: " + holdout);
        }
        return new Check("roi_shift", false, false, "this round's change moved ROI far without improving the "
                + "out-of-sample error: " + String.join("; ", moved) + "; " + holdout);
    }

    /** Four significant digits with thousands separators, for evidence that people read. */
    private static String sig(double v) {
        return Numbers.significant(v, 4);
    }

    private static Check collinearity(FittedModel m) {
        CollinearityReport r = m.collinearity();
        List<String> media = new ArrayList<>();
        for (String s : r.severeNames()) {
            if (m.data().channels().contains(s)) {
                media.add(String.format(Locale.ROOT, "%s (VIF %.1f)", s, r.vif(s)));
            }
        }
        return new Check("collinearity", media.isEmpty(), false, media.isEmpty()
                ? String.format(Locale.ROOT, "no media column has a VIF above 10; condition number %.1f",
                        r.conditionNumber())
                : "media columns the data cannot separate: " + String.join(", ", media));
    }

    private static Check sampleSize(FittedModel m, DataProfile p) {
        int params = m.collinearity().names().size() + 1;
        int rows = (m.data().nPeriods() - m.holdout()) * m.data().nGeos();
        double per = (double) rows / params;
        return new Check("sample_size", per >= MIN_ROWS_PER_PARAMETER, true, String.format(Locale.ROOT,
                "%d training rows for %d parameters (%.1f per parameter; at least %.0f needed)", rows, params, per,
                MIN_ROWS_PER_PARAMETER));
    }

    private static Check diagnostics(String name, SamplerDiagnostics d) {
        return new Check("bayes_diagnostics", d.healthy(), true, String.format(Locale.ROOT,
                "%s: max R-hat %.4f (at most %.2f), %d divergences, min bulk ESS %.0f", name, d.maxRhat(),
                SamplerDiagnostics.RHAT_THRESHOLD, d.divergences(), d.minEssBulk()));
    }
}
