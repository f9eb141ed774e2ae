package io.github.mmm4j.auto;

import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.Estimator;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.SamplerDiagnostics;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Hill;
import io.github.mmm4j.transforms.WeibullPdf;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * From round 2 on, reads the previous round's metrics and critique and proposes exactly one change, with its
 * reason, or no change. The first rule that applies wins:
 *
 * <ol>
 *   <li>A sampler's diagnostics failed: the estimator's own {@link Estimator#remedy} (for the Bayesian model:
 *       with divergences smaller sampler steps, target acceptance 0.95 then 0.99; with R-hat above 1.01 twice the
 *       warmup and draws, up to 2,000 each).</li>
 *   <li>The explorer found a KPI anomaly outside any event and no indicator covers it yet: add an event
 *       indicator for the anomaly with the largest |z|, so it is not attributed to media.</li>
 *   <li>Signs, ROI plausibility or agreement failed for a channel: change an assumption every estimator then
 *       re-learns on its own: first restrict the channel's Hill slope range in the search to [0.5, 1] (a concave
 *       response), then change its adstock family to a Weibull PDF (a delayed peak). The tuner never copies one
 *       estimator's answer into another, so agreement between them stays evidence.</li>
 *   <li>Overfitting or sample size failed: drop one yearly harmonic (down to 1), else drop the trend: fewer
 *       parameters to fit (a longer holdout would only measure the overfitting better, not cure it).</li>
 *   <li>Otherwise no change.</li>
 * </ol>
 * A change already made in an earlier round is not proposed again.
 */
public final class Tuner {

    private Tuner() {
    }

    /**
     * @param previous the previous round
     * @param profile the explorer's profile
     * @param history every round so far, oldest first
     * @return the proposal
     */
    public static TunerProposal propose(Round previous, DataProfile profile, List<Round> history) {
        RoundConfig cfg = previous.config();
        Critique crit = previous.critique();
        List<String> tried = new ArrayList<>();
        for (Round r : history) {
            r.proposal().ifPresent(p -> tried.add(p.change()));
        }

        if (crit.failed("bayes_diagnostics")) {
            // The estimator whose own diagnostics failed knows what to change in its settings.
            String why = evidence(crit, "bayes_diagnostics");
            for (int k = 0; k < cfg.estimators().size(); k++) {
                FittedModel fit = previous.models().get(k);
                if (fit.samplerDiagnostics().map(d -> d.healthy()).orElse(true)) {
                    continue;
                }
                Optional<Estimator.Remedy> remedy = cfg.estimators().get(k).remedy(fit);
                if (remedy.isPresent() && !tried.contains(remedy.get().change())) {
                    return new TunerProposal(remedy.get().change(), "the " + fit.estimator()
                            + " sampler's diagnostics failed (" + why + "); " + remedy.get().change(),
                            cfg.withEstimator(remedy.get().estimator()));
                }
            }
        }

        Optional<KpiAnomaly> anomaly = profile.anomalies().stream()
                .filter(a -> !cfg.extraEvents().contains(a.date()))
                .filter(a -> !coveredByEvent(previous, a))
                .max(Comparator.comparingDouble(a -> Math.abs(a.robustZ())));
        if (anomaly.isPresent()) {
            KpiAnomaly a = anomaly.get();
            LocalDate d = a.date();
            return new TunerProposal("add an event indicator for " + d, String.format(Locale.ROOT,
                    "the KPI on %s is an anomaly (robust z = %.1f)%s; without an indicator the model would attribute "
                            + "it to media or noise",
                    d, a.robustZ(), a.spikingChannels().isEmpty() ? ""
                            : " and " + String.join(", ", a.spikingChannels()) + " spend spiked the same period"),
                    cfg.withExtraEvent(d));
        }

        for (String check : List.of("signs", "roi_plausibility", "agreement")) {
            if (!crit.failed(check)) {
                continue;
            }
            for (String channel : suspectChannels(previous, check)) {
                TunerProposal p = transformChange(previous, channel, check, tried);
                if (p != null) {
                    return p;
                }
            }
        }

        if (crit.failed("overfitting") || crit.failed("sample_size")) {
            String why = crit.failed("overfitting") ? evidence(crit, "overfitting") : evidence(crit, "sample_size");
            ModelSpec s = cfg.spec();
            if (s.fourierHarmonics() > 1) {
                return new TunerProposal(String.format(Locale.ROOT, "fewer yearly harmonics: %d instead of %d",
                        s.fourierHarmonics() - 1, s.fourierHarmonics()), "fewer parameters to fit: " + why,
                        cfg.withSpec(s.withFourierHarmonics(s.fourierHarmonics() - 1)));
            }
            if (s.trend()) {
                return new TunerProposal("drop the trend", "fewer parameters to fit: " + why,
                        cfg.withSpec(s.withTrend(false)));
            }
        }
        List<String> failed = crit.failed().stream().filter(Check::blocking).map(Check::name).toList();
        return TunerProposal.none(failed.isEmpty() ? "every blocking check passed"
                : "no further change addresses the failed checks " + failed);
    }

    private static boolean coveredByEvent(Round r, KpiAnomaly a) {
        var data = r.models().get(0).data();
        int t = data.time().indexOf(a.date());
        if (t < 0) {
            return false;
        }
        for (int e = 0; e < data.nEvents(); e++) {
            for (int g = 0; g < data.nGeos(); g++) {
                if (data.event(g * data.nPeriods() + t, e) == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String evidence(Critique c, String name) {
        return c.checks().stream().filter(k -> k.name().equals(name)).map(Check::evidence).findFirst().orElse("");
    }

    /** Channels named in a failed check's evidence, in channel order. */
    private static List<String> suspectChannels(Round r, String check) {
        String ev = evidence(r.critique(), check);
        List<String> out = new ArrayList<>();
        for (String c : r.config().spec().names()) {
            if (ev.contains(" " + c + " ") || ev.contains("[" + c) || ev.contains(" " + c + ",")
                    || ev.contains(", " + c + "]") || ev.contains("of " + c + " ")) {
                out.add(c);
            }
        }
        return out;
    }

    private static TunerProposal transformChange(Round r, String channel, String check, List<String> tried) {
        RoundConfig cfg = r.config();
        ChannelSpec cur = cfg.spec().channel(channel);
        String why = check + " failed: " + evidence(r.critique(), check);
        if (cur.saturation() instanceof Hill && cfg.search()) {
            String change = "saturation slope range of " + channel + ": Hill slope in [0.5, 1] (concave response)";
            if (!tried.contains(change)) {
                return new TunerProposal(change, why + "; an S-shaped curve lets a channel's effect trade off "
                        + "against the baseline, while diminishing returns from the first unit are the common case",
                        cfg.withRange(new RangeOverride(channel, true, "slope", 0.5, 1.0)));
            }
        }
        if (!(cur.adstock() instanceof WeibullPdf)) {
            String change = "adstock family of " + channel + ": Weibull PDF (delayed peak) instead of "
                    + cur.adstock().name();
            if (!tried.contains(change)) {
                int maxLag = cur.adstock().isFinite() ? Math.max(cur.adstock().maxLag(), 8) : 12;
                return new TunerProposal(change, why + "; a carryover that peaks after the spend (as for TV and "
                        + "video) is not a geometric decay", cfg.withSpec(cfg.spec().withChannel(
                                cur.withAdstock(Adstock.weibullPdf(2.0, 0.3, maxLag)))));
            }
        }
        return null;
    }

    /**
     * A spec's structure: each channel's adstock family and window and saturation family, without parameters.
     *
     * @param spec a model structure
     * @return one entry per channel
     */
    static List<String> structure(ModelSpec spec) {
        List<String> out = new ArrayList<>();
        for (ChannelSpec c : spec.channels()) {
            out.add(c.name() + ":" + c.adstock().name() + "/" + (c.adstock().isFinite() ? c.adstock().maxLag() : -1)
                    + ":" + c.saturation().name());
        }
        return out;
    }
}
