package io.github.mmm4j.auto.report;

import io.github.mmm4j.auto.Agreement;
import io.github.mmm4j.auto.Analyst;
import io.github.mmm4j.auto.AnalysisResult;
import io.github.mmm4j.auto.ChannelConsensus;
import io.github.mmm4j.auto.Check;
import io.github.mmm4j.auto.DataProfile;
import io.github.mmm4j.auto.KpiAnomaly;
import io.github.mmm4j.auto.Round;
import io.github.mmm4j.auto.Verdict;
import io.github.mmm4j.core.FitMetrics;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The structured findings of an analysis, from which a {@link Narrator} writes the plain-language text: the
 * headline facts, what to do per channel, how confident the analysis is and why, and the warnings. Everything here
 * is a fact or a rule's outcome; there is no prose except the explorer's reasons and the critic's evidence, which
 * are quoted.
 *
 * <p>Rules (applied by {@link #of(ReportInput)}):
 * <ul>
 *   <li>Per channel, the ROI, its interval, the marginal ROI and the shares are the primary model's (one answer); the
 *       agreement is the analyst's ({@link Agreement}), and a channel on which the models disagree also carries
 *       each model's range ({@link ChannelFinding#modelRanges()}), which the narrative shows instead of a number.</li>
 *   <li>With a budget plan, a channel's action is {@link Action#INCREASE} or {@link Action#DECREASE} when the
 *       recommended spend differs from the current one by more than {@value #KEEP_BAND_PCT}% (any change from 0),
 *       else {@link Action#KEEP}; every channel is {@code KEEP} when the optimizer found no better plan
 *       ({@link BudgetPlan#improved()} false, or an expected KPI below the current plan's); without a plan, the
 *       non-disputed channels with the highest and the lowest marginal ROI get {@code INCREASE} and {@code DECREASE}
 *       when the highest is at least {@value #MROI_GAP} times the lowest. Either way a channel on which the models
 *       {@link Agreement#DISAGREE} gets {@link Action#TEST_FIRST}.</li>
 *   <li>Confidence is defined from measured quantities (the thresholds are the constants of this class):
 *     <ul>
 *       <li>{@link Confidence#LOW} when any of: the quality gate did not approve the best round (this covers the
 *           sampler's diagnostics, overfitting, agreement and a holdout error worse than an earlier round's); the
 *           data readiness is at most 2; the models confirm no channel; the median over channels of the primary
 *           model's relative ROI interval half-width {@code (upper - lower) / (2 |ROI|)} exceeds
 *           {@value #LOW_WIDTH} (the typical interval is wider than the estimate itself); the primary model's holdout
 *           MAPE exceeds {@value #LOW_MAPE}; or the recommended plan is expected to lower the KPI.</li>
 *       <li>{@link Confidence#HIGH} when none of those holds and all of: no check failed, advisory ones included
 *           (so an ROI that moved far without better predictions keeps it below high); readiness at least 4; the
 *           models disagree on no channel, confirm at least half of them and confirm every channel the
 *           recommendation moves; the median relative half-width is at most {@value #HIGH_WIDTH}; and a holdout
 *           MAPE was measured and is at most {@value #HIGH_MAPE}.</li>
 *       <li>{@link Confidence#MEDIUM} otherwise.</li>
 *     </ul>
 *     Each quantity and its outcome is one of the {@code confidenceReasons}.</li>
 * </ul>
 *
 * @param kpi the KPI's name
 * @param source where the data came from
 * @param periods the number of periods
 * @param frequency {@code daily} or {@code weekly}
 * @param start the first period's date
 * @param end the last period's date
 * @param geos the number of geos
 * @param verdict the quality gate's verdict on the best round
 * @param checksPassed the number of the best round's checks that passed
 * @param checksTotal the number of the best round's checks
 * @param confidence how far the recommendations can be trusted
 * @param confidenceReasons why, one fact per entry
 * @param readiness the explorer's data readiness score, 1 (not ready) to 5 (ready)
 * @param readinessReasons the explorer's reasons
 * @param holdoutMape the primary model's mean absolute percentage error on the holdout periods (a fraction), empty
 *     without a holdout or when undefined
 * @param intervalWidth the median over channels of the primary model's relative ROI interval half-width,
 *     {@code (upper - lower) / (2 |ROI|)}; {@code +Infinity} when a channel has no interval or a zero ROI
 * @param channels one finding per channel, in the data's channel order
 * @param recommendations one recommendation per channel: with a plan, the largest changes first (by the absolute
 *     change of spend per period); without, in {@link Action} order; ties in channel order
 * @param planComputed whether the recommendations come from the budget optimizer
 * @param planImproved whether the optimizer found a plan expected to beat the current one
 *     ({@link BudgetPlan#improved()} and a non-negative uplift); false without a plan. When a plan was computed but
 *     not improved, the recommendation is to keep the current plan
 * @param expectedUpliftPct the optimizer's expected KPI uplift of the recommended plan over the current one, in
 *     percent; empty without a plan
 * @param failedChecks every check the best round failed, blocking or not
 * @param warnings what the reader must know besides the failed checks (sparse channels, collinear pairs, KPI
 *     anomalies, an optimizer that did not converge), one per entry
 * @param rounds the number of rounds run
 * @param bestRound the best round's number
 * @param stopReason why the analysis stopped
 */
public record Findings(String kpi, String source, int periods, String frequency, LocalDate start, LocalDate end,
        int geos, Verdict verdict, int checksPassed, int checksTotal, Confidence confidence,
        List<String> confidenceReasons, int readiness, List<String> readinessReasons, Optional<Double> holdoutMape,
        double intervalWidth, List<ChannelFinding> channels, List<Recommendation> recommendations, boolean planComputed,
        boolean planImproved, Optional<Double> expectedUpliftPct, List<Check> failedChecks, List<String> warnings, int rounds,
        int bestRound, String stopReason) {

    /** Changes of spend within this many percent of the current spend are {@link Action#KEEP}. */
    public static final double KEEP_BAND_PCT = 5;

    /** Without a plan, the highest marginal ROI must be at least this multiple of the lowest to suggest a shift. */
    public static final double MROI_GAP = 1.25;

    /**
     * Largest median relative ROI interval half-width for {@link Confidence#HIGH}: a 90% interval within about 50%
     * of the estimate either way, so the sign and the rough size of every typical channel's return are known.
     */
    public static final double HIGH_WIDTH = 0.5;

    /** Median relative ROI interval half-width above which confidence is {@link Confidence#LOW}. */
    public static final double LOW_WIDTH = 1.0;

    /** Largest holdout MAPE (a fraction) for {@link Confidence#HIGH}. */
    public static final double HIGH_MAPE = 0.15;

    /** Holdout MAPE (a fraction) above which confidence is {@link Confidence#LOW}. */
    public static final double LOW_MAPE = 0.30;

    /**
     * The share of media spend in always-on channels ({@link Analyst#ALWAYS_ON_NOTE}) from which confidence is not
     * high: their ROIs rest on the response curve below the spend the data show, so most of the spend's return is
     * an extrapolation (their marginal ROIs, which the plan uses, are measured).
     */
    public static final double ALWAYS_ON_SPEND_SHARE = 0.5;

    /** How far the recommendations can be trusted. */
    public enum Confidence {
        /**
         * The quality gate approved with nothing failed, the data are ready, the models agree, the intervals are
         * narrow and the model predicts unseen periods well (thresholds in the class comment).
         */
        HIGH,
        /** Usable with care: see the reasons. */
        MEDIUM,
        /** Not to be acted on without further evidence: see the reasons. */
        LOW
    }

    /** What to do with a channel's spend. */
    public enum Action {
        /** Spend more. */
        INCREASE,
        /** Spend less. */
        DECREASE,
        /** Keep spend about where it is. */
        KEEP,
        /** The models disagree: test (for example with a geo experiment) before moving money. */
        TEST_FIRST
    }

    /**
     * What the analysis says about one channel.
     *
     * @param channel the channel's name
     * @param spendShare the channel's fraction of total media spend, in [0, 1]
     * @param contributionShare the channel's fraction of the media contribution (primary model)
     * @param roi KPI per unit of spend over the data window (consensus where the models agree, else the primary
     *     model's)
     * @param roiInterval the interval of {@code roi}, when there is one
     * @param marginalRoi extra KPI per extra unit of spend at the current level (primary model)
     * @param agreement how far the models agree about the channel
     * @param shapleyShare the channel's Shapley value as a fraction of the sum of the Shapley values, when
     *     attribution was computed and that sum is not 0
     * @param modelRanges each model's ROI and interval in words ({@link ChannelConsensus#ranges()}), empty when the
     *     analysis has no comparison for the channel
     * @param priorLed whether a Bayesian model of the round sets the channel's ROI more by its prior than by the data
     *     (the analyst's {@link Analyst#PRIOR_LED_NOTE} note; see {@code FittedModel.roiDataWeight})
     */
    public record ChannelFinding(String channel, double spendShare, double contributionShare, double roi,
            Optional<Interval> roiInterval, double marginalRoi, Agreement agreement, Optional<Double> shapleyShare,
            String modelRanges, boolean priorLed) {

        /** Validates. */
        public ChannelFinding {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(roiInterval, "roiInterval");
            Objects.requireNonNull(agreement, "agreement");
            Objects.requireNonNull(shapleyShare, "shapleyShare");
            Objects.requireNonNull(modelRanges, "modelRanges");
        }

        /**
         * A finding without model ranges, not prior-led.
         *
         * @param channel the channel's name
         * @param spendShare the fraction of media spend
         * @param contributionShare the fraction of the media contribution
         * @param roi the ROI
         * @param roiInterval its interval
         * @param marginalRoi the marginal ROI
         * @param agreement the models' agreement
         * @param shapleyShare the Shapley share
         */
        public ChannelFinding(String channel, double spendShare, double contributionShare, double roi,
                Optional<Interval> roiInterval, double marginalRoi, Agreement agreement,
                Optional<Double> shapleyShare) {
            this(channel, spendShare, contributionShare, roi, roiInterval, marginalRoi, agreement, shapleyShare, "",
                    false);
        }

        /**
         * @return {@code (upper - lower) / (2 |roi|)}: the interval's half-width relative to the estimate;
         *     {@code +Infinity} without an interval or with a zero ROI
         */
        public double relativeHalfWidth() {
            if (roiInterval.isEmpty() || roi == 0) {
                return Double.POSITIVE_INFINITY;
            }
            return (roiInterval.get().upper() - roiInterval.get().lower()) / (2 * Math.abs(roi));
        }
    }

    /**
     * What to do with one channel.
     *
     * @param channel the channel's name
     * @param action the action
     * @param currentSpendPerPeriod the current spend per period (the plan's, else the historical mean over the data
     *     window), summed over geos
     * @param recommendedSpendPerPeriod the recommended spend per period; equal to the current spend without a plan
     * @param agreement how far the models agree about the channel
     */
    public record Recommendation(String channel, Action action, double currentSpendPerPeriod,
            double recommendedSpendPerPeriod, Agreement agreement) {

        /** Validates. */
        public Recommendation {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(agreement, "agreement");
        }

        /** @return the change of spend per period, as a fraction of the current spend; empty when that is 0 */
        public Optional<Double> changeFraction() {
            return currentSpendPerPeriod == 0 ? Optional.empty()
                    : Optional.of((recommendedSpendPerPeriod - currentSpendPerPeriod) / currentSpendPerPeriod);
        }
    }

    /** Validates and copies. */
    public Findings {
        Objects.requireNonNull(kpi, "kpi");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(confidence, "confidence");
        confidenceReasons = List.copyOf(confidenceReasons);
        readinessReasons = List.copyOf(readinessReasons);
        Objects.requireNonNull(holdoutMape, "holdoutMape");
        channels = List.copyOf(channels);
        recommendations = List.copyOf(recommendations);
        Objects.requireNonNull(expectedUpliftPct, "expectedUpliftPct");
        failedChecks = List.copyOf(failedChecks);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(stopReason, "stopReason");
    }

    /**
     * @param channel a channel's name
     * @return its finding
     * @throws IllegalArgumentException if there is no such channel
     */
    public ChannelFinding channel(String channel) {
        return channels.stream().filter(c -> c.channel().equals(channel)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no channel '" + channel + "'"));
    }

    /**
     * Derives the findings from a report input by the rules in the class comment. Deterministic: the same input gives
     * equal findings.
     *
     * @param input the report input
     * @return the findings
     */
    public static Findings of(ReportInput input) {
        Objects.requireNonNull(input, "input");
        AnalysisResult r = input.result();
        Round best = r.bestRound();
        FittedModel primary = r.primaryModel();
        MmmDataset data = primary.data();
        DataProfile profile = r.profile();
        List<ChannelSummary> summaries = primary.channels();
        double totalSpend = summaries.stream().mapToDouble(ChannelSummary::spend).sum();
        double shapleySum = input.shapley().stream().mapToDouble(ShapleyRow::value).sum();

        List<ChannelFinding> channels = new ArrayList<>();
        for (ChannelSummary s : summaries) {
            Optional<ChannelConsensus> cc = consensus(best, s.name());
            // One answer: the primary model's ROI and interval; the other estimators only label agreement.
            double roi = s.roi();
            Optional<Interval> iv = s.roiInterval();
            Agreement agreement = cc.map(ChannelConsensus::agreement).orElse(Agreement.UNCERTAIN);
            Optional<Double> sh = shapleySum == 0 ? Optional.empty()
                    : input.shapley().stream().filter(x -> x.channel().equals(s.name())).findFirst()
                            .map(x -> x.value() / shapleySum);
            boolean priorLed = cc.map(c -> c.reasons().stream().anyMatch(x -> x.startsWith(Analyst.PRIOR_LED_NOTE)))
                    .orElse(false);
            channels.add(new ChannelFinding(s.name(), totalSpend == 0 ? 0 : s.spend() / totalSpend, s.share(), roi, iv,
                    s.mroi(), agreement, sh, cc.map(ChannelConsensus::ranges).orElse(""), priorLed));
        }

        List<Recommendation> recs = recommendations(input, channels, summaries, data.nPeriods());
        int disagree = (int) channels.stream().filter(c -> c.agreement() == Agreement.DISAGREE).count();
        int confirmed = (int) channels.stream().filter(c -> c.agreement() == Agreement.CONFIRMED).count();
        Verdict verdict = best.critique().verdict();
        List<Check> failed = best.critique().failed();
        Optional<Double> mape = primary.testMetrics().map(FitMetrics::mape).filter(Double::isFinite);

        double width = medianWidth(channels);
        boolean planLoses = input.plan().flatMap(BudgetPlan::upliftPct).map(u -> u < 0).orElse(false);
        boolean movesUnconfirmed = recs.stream().anyMatch(x -> (x.action() == Action.INCREASE
                || x.action() == Action.DECREASE) && x.agreement() != Agreement.CONFIRMED);
        List<String> why = new ArrayList<>();
        why.add(String.format(Locale.ROOT, "%d of %d quality checks passed%s", best.critique().passedCount(),
                best.critique().checks().size(), verdict == Verdict.APPROVED ? "; the quality gate approved the result"
                        : "; the quality gate did not approve the result"));
        primary.samplerDiagnostics().ifPresent(d -> why.add(String.format(Locale.ROOT,
                "the %s model's sampler %s (max R-hat %.4f, %d divergent transitions)", primary.estimator(),
                d.healthy() ? "converged" : "did not converge", d.maxRhat(), d.divergences())));
        why.add(String.format(Locale.ROOT, "data readiness %d of 5", profile.readiness()));
        why.add(String.format(Locale.ROOT, "the independent models confirm %d of %d channels and disagree on %d",
                confirmed, channels.size(), disagree));
        why.add(Double.isFinite(width) ? String.format(Locale.ROOT, "the typical ROI interval reaches %.0f%% of the "
                + "estimate either side (high confidence needs at most %.0f%%, above %.0f%% is low)", 100 * width,
                100 * HIGH_WIDTH, 100 * LOW_WIDTH) : "some channel's ROI has no interval or a zero estimate");
        mape.ifPresentOrElse(m -> why.add(String.format(Locale.ROOT,
                "on the %d most recent periods, which the models did not see, predictions were off by %.1f%% on "
                        + "average (high confidence needs at most %.0f%%, above %.0f%% is low)", primary.holdout(),
                100 * m, 100 * HIGH_MAPE, 100 * LOW_MAPE)),
                () -> why.add("no out-of-sample error was measured"));
        if (planLoses) {
            why.add("the recommended plan is expected to lower " + data.kpiName());
        }
        long priorLedCount = channels.stream().filter(ChannelFinding::priorLed).count();
        if (priorLedCount > 0) {
            why.add(String.format(Locale.ROOT, "the Bayesian model's ROI of %d channel%s is set more by its starting "
                    + "assumption (the prior) than by the data (high confidence needs none)", priorLedCount,
                    priorLedCount == 1 ? "" : "s"));
        }
        // the reported model against the experiments: one that contradicts a direct measurement cannot be trusted
        List<String> contradicted = new ArrayList<>();
        for (io.github.mmm4j.auto.ExperimentComparison x : io.github.mmm4j.auto.ExperimentComparison.of(
                List.of(primary), io.github.mmm4j.auto.AutoAnalysis.experiments(best.config()), false)) {
            if (!x.predictions().get(0).consistent()) {
                contradicted.add(x.describeTest());
            }
        }
        if (!contradicted.isEmpty()) {
            why.add(String.format(Locale.ROOT, "the reported %s model's predicted lift is more than two standard "
                    + "errors from the measured lift of %s", primary.estimator(), String.join(", ", contradicted)));
        }
        List<String> alwaysOnNames = noted(best, Analyst.ALWAYS_ON_NOTE);
        double alwaysOnSpend = channels.stream().filter(c -> alwaysOnNames.contains("'" + c.channel() + "'"))
                .mapToDouble(ChannelFinding::spendShare).sum();
        boolean mostlyExtrapolated = alwaysOnSpend >= ALWAYS_ON_SPEND_SHARE;
        if (mostlyExtrapolated) {
            why.add(String.format(Locale.ROOT, "the ROI of the always-on channels, %.0f%% of media spend, rests on "
                    + "the assumed response curve below the lowest spend they ever had (high confidence needs under "
                    + "%.0f%%)", 100 * alwaysOnSpend, 100 * ALWAYS_ON_SPEND_SHARE));
        }
        Confidence confidence;
        if (verdict != Verdict.APPROVED || profile.readiness() <= 2 || (confirmed == 0 && !channels.isEmpty())
                || width > LOW_WIDTH || mape.map(m -> m > LOW_MAPE).orElse(false) || planLoses
                || !contradicted.isEmpty()) {
            confidence = Confidence.LOW;
        } else if (failed.isEmpty() && profile.readiness() >= 4 && disagree == 0 && 2 * confirmed >= channels.size()
                && !movesUnconfirmed && width <= HIGH_WIDTH && mape.map(m -> m <= HIGH_MAPE).orElse(false)
                && priorLedCount == 0 && !mostlyExtrapolated) {
            confidence = Confidence.HIGH;
        } else {
            confidence = Confidence.MEDIUM;
        }

        List<String> warnings = new ArrayList<>();
        for (String sparse : profile.sparseChannels()) {
            warnings.add("channel '" + sparse + "' has spend in too few periods to measure its effect well");
        }
        for (String pair : profile.severeCorrelations()) {
            warnings.add("channels " + pair + " move together; the data cannot fully separate their effects");
        }
        List<String> alwaysOn = noted(best, Analyst.ALWAYS_ON_NOTE);
        if (!alwaysOn.isEmpty()) {
            boolean one = alwaysOn.size() == 1;
            warnings.add("the ROI of the always-on channel" + (one ? " " : "s ") + String.join(", ", alwaysOn)
                    + " rests on the assumed response curve below the lowest spend " + (one ? "it" : "they")
                    + " ever had, which the data never show; " + (one ? "its" : "their") + " marginal ROI is better "
                    + "measured, and a go-dark test would measure the ROI");
        }
        if (!contradicted.isEmpty()) {
            warnings.add("the reported " + primary.estimator() + " model contradicts the experiment"
                    + (contradicted.size() == 1 ? " " : "s ") + String.join(", ", contradicted)
                    + " (its predicted lift "
                    + "is more than two standard errors from the measured one)"
                    + (primary.samplerDiagnostics().isPresent()
                    || best.models().stream().noneMatch(m -> m.samplerDiagnostics().isPresent()) ? ""
                    : ", because the Bayesian model, which is calibrated on the experiments, did not converge and "
                    + "so is not the one reported")
                    + "; trust the experiment over this model for " + (contradicted.size() == 1 ? "that channel"
                    : "those channels") + ", and rerun with more draws (or a higher --target-accept)");
        }
        List<String> priorLed = noted(best, Analyst.PRIOR_LED_NOTE);
        if (!priorLed.isEmpty()) {
            boolean one = priorLed.size() == 1;
            warnings.add("the Bayesian ROI of " + (one ? "channel " : "channels ") + String.join(", ", priorLed)
                    + (one ? " is" : " are") + " set more by the model's starting assumption (the prior, what media "
                    + "usually return) than by this data, so the data cannot measure "
                    + (one ? "it" : "them") + " well; read " + (one ? "its interval" : "their intervals")
                    + " as the range of what is plausible, and measure " + (one ? "it" : "them")
                    + " with an experiment before moving budget on " + (one ? "it" : "them"));
        }
        List<KpiAnomaly> anomalies = profile.anomalies();
        if (!anomalies.isEmpty()) {
            warnings.add(String.format(Locale.ROOT, "%d period(s) with an unusual %s: %s", anomalies.size(),
                    data.kpiName(), anomalies.stream().map(a -> a.date().toString()).toList()));
        }
        input.plan().filter(p -> !p.status().equals("CONVERGED")).ifPresent(p -> warnings.add(
                "the budget optimizer ended with status " + p.status() + ": " + p.message()));
        input.plan().filter(p -> p.improved() && p.gainUncertain()).ifPresent(p -> {
            Interval iv = p.gainInterval().orElseThrow();
            warnings.add(String.format(Locale.ROOT, "the recommended plan's expected gain of %s %s has a %.0f%% "
                    + "interval of %s to %s, which includes a loss: the gain is not certain, so move budget gradually "
                    + "and measure", Fmt.sig(p.expectedKpiOptimal() - p.expectedKpiCurrent()), data.kpiName(),
                    100 * iv.level(), Fmt.sig(iv.lower()), Fmt.sig(iv.upper())));
        });

        return new Findings(data.kpiName(), input.source(), data.nPeriods(),
                data.time().frequency().name().toLowerCase(Locale.ROOT), data.time().start(), data.time().end(),
                data.nGeos(), verdict, best.critique().passedCount(), best.critique().checks().size(), confidence, why,
                profile.readiness(), profile.reasons(), mape, width, channels, recs, input.plan().isPresent(),
                input.plan().map(p -> p.improved() && p.expectedKpiOptimal() >= p.expectedKpiCurrent()).orElse(false),
                input.plan().flatMap(BudgetPlan::upliftPct), failed, warnings, r.rounds().size(), best.number(),
                r.stopReason());
    }

    /** The median over channels of {@link ChannelFinding#relativeHalfWidth()}; +Infinity without channels. */
    static double medianWidth(List<ChannelFinding> channels) {
        double[] w = channels.stream().mapToDouble(ChannelFinding::relativeHalfWidth).sorted().toArray();
        if (w.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return w.length % 2 == 1 ? w[w.length / 2] : 0.5 * (w[w.length / 2 - 1] + w[w.length / 2]);
    }

    private static Optional<ChannelConsensus> consensus(Round round, String channel) {
        return round.analysis().channels().stream().filter(c -> c.channel().equals(channel)).findFirst();
    }

    private static List<Recommendation> recommendations(ReportInput input, List<ChannelFinding> channels,
            List<ChannelSummary> summaries, int periods) {
        List<Recommendation> recs = new ArrayList<>();
        if (input.plan().isPresent()) {
            BudgetPlan plan = input.plan().get();
            boolean keepAll = !plan.improved() || plan.expectedKpiOptimal() < plan.expectedKpiCurrent();
            for (ChannelFinding c : channels) {
                Optional<PlanRow> row = plan.row(c.channel());
                double cur = row.map(PlanRow::currentSpend).orElse(0.0) / plan.periods();
                double opt = row.map(PlanRow::optimalSpend).orElse(0.0) / plan.periods();
                Action a;
                if (c.agreement() == Agreement.DISAGREE) {
                    a = Action.TEST_FIRST;
                } else if (keepAll) {
                    a = Action.KEEP;
                    opt = cur;
                } else if (cur == 0) {
                    a = opt > 0 ? Action.INCREASE : Action.KEEP;
                } else if (100 * (opt - cur) / cur > KEEP_BAND_PCT) {
                    a = Action.INCREASE;
                } else if (100 * (opt - cur) / cur < -KEEP_BAND_PCT) {
                    a = Action.DECREASE;
                } else {
                    a = Action.KEEP;
                }
                recs.add(new Recommendation(c.channel(), a, cur, opt, c.agreement()));
            }
        } else {
            int hi = -1;
            int lo = -1;
            for (int i = 0; i < channels.size(); i++) {
                ChannelFinding c = channels.get(i);
                if (c.agreement() == Agreement.DISAGREE || !Double.isFinite(c.marginalRoi())) {
                    continue;
                }
                if (hi < 0 || c.marginalRoi() > channels.get(hi).marginalRoi()) {
                    hi = i;
                }
                if (lo < 0 || c.marginalRoi() < channels.get(lo).marginalRoi()) {
                    lo = i;
                }
            }
            boolean shift = hi >= 0 && lo >= 0 && hi != lo && channels.get(hi).marginalRoi() > 0
                    && channels.get(hi).marginalRoi() >= MROI_GAP * Math.max(channels.get(lo).marginalRoi(), 0);
            for (int i = 0; i < channels.size(); i++) {
                ChannelFinding c = channels.get(i);
                double cur = summaries.get(i).spend() / periods;
                Action a = c.agreement() == Agreement.DISAGREE ? Action.TEST_FIRST
                        : shift && i == hi ? Action.INCREASE : shift && i == lo ? Action.DECREASE : Action.KEEP;
                recs.add(new Recommendation(c.channel(), a, cur, cur, c.agreement()));
            }
        }
        List<Recommendation> sorted = new ArrayList<>(recs);
        sorted.sort(Comparator.comparingDouble(
                (Recommendation x) -> -Math.abs(x.recommendedSpendPerPeriod() - x.currentSpendPerPeriod())));
        if (input.plan().isEmpty()) {
            sorted.sort(Comparator.comparingInt((Recommendation x) -> x.action().ordinal()));
        }
        return sorted;
    }

    /** The quoted names of the round's channels with a reason that starts with {@code prefix}. */
    private static List<String> noted(Round round, String prefix) {
        return round.analysis().channels().stream()
                .filter(c -> c.reasons().stream().anyMatch(x -> x.startsWith(prefix)))
                .map(c -> "'" + c.channel() + "'").toList();
    }
}
