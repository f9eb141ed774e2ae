package io.github.mmm4j.auto;

import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Geometric;
import io.github.mmm4j.transforms.Hill;
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
 *   <li>Bayesian diagnostics failed: double the sampler's warmup and draws (up to 4,000 each).</li>
 *   <li>The explorer found a KPI anomaly outside any event and no indicator covers it yet: add an event
 *       indicator for the anomaly with the largest |z|, so it is not attributed to media.</li>
 *   <li>Signs, ROI plausibility or agreement failed for a channel: if a sampled model learnt the channel's
 *       transforms, adopt its posterior-mean adstock and saturation for the fixed-transform estimators;
 *       otherwise move the channel's geometric decay (to 0.2 from 0.5 or more, else to 0.7), and if that was
 *       tried, its Hill saturation (slope 1, or half the half-saturation point when the slope is already 1).</li>
 *   <li>Overfitting or sample size failed: drop one yearly harmonic (down to 1), else drop the trend: fewer
 *       parameters to fit (a longer holdout would only measure the overfitting better, not cure it).</li>
 *   <li>Otherwise no change.</li>
 * </ol>
 * A change already made in an earlier round is not proposed again.
 */
public final class Tuner {

    /** Largest warmup and draws per chain the tuner asks for. */
    public static final int MAX_BAYES_ITERATIONS = 4000;

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

        if (crit.failed("bayes_diagnostics") && cfg.bayesDraws() < MAX_BAYES_ITERATIONS) {
            int w = Math.min(MAX_BAYES_ITERATIONS, 2 * cfg.bayesWarmup());
            int d = Math.min(MAX_BAYES_ITERATIONS, 2 * cfg.bayesDraws());
            return new TunerProposal(String.format(Locale.ROOT, "more draws: warmup %d and draws %d per chain", w, d),
                    "the Bayesian sampler has not converged: " + evidence(crit, "bayes_diagnostics"),
                    cfg.withBayesBudget(w, d));
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
        for (FittedModel m : r.models()) {
            if (m.drawCount() > 0 && m.samplerDiagnostics().isPresent()) {
                ChannelSpec learnt = m.spec().channel(channel);
                String change = "adopt the Bayesian posterior's transforms for " + channel;
                if (!tried.contains(change) && !learnt.equals(cur)) {
                    return new TunerProposal(change, why + "; the Bayesian model learns the carryover and saturation "
                            + "of " + channel + " from the data, the other estimators assume them",
                            cfg.withSpec(cfg.spec().withChannel(learnt)));
                }
            }
        }
        if (cur.adstock() instanceof Geometric g
                && tried.stream().noneMatch(t -> t.startsWith("adstock decay of " + channel))) {
            double decay = g.alpha() >= 0.5 ? 0.2 : 0.7;
            String change = String.format(Locale.ROOT, "adstock decay of %s: %.1f instead of %.2f", channel, decay,
                    g.alpha());
            return new TunerProposal(change, why + "; the assumed carryover may be wrong",
                    cfg.withSpec(cfg.spec().withChannel(
                            cur.withAdstock(Adstock.geometric(decay, g.maxLag(), g.normalized())))));
        }
        if (cur.saturation() instanceof Hill h
                && tried.stream().noneMatch(t -> t.startsWith("saturation of " + channel))) {
            Hill next = h.slope() != 1 ? new Hill(h.ec(), 1) : new Hill(h.ec() / 2, 1);
            String change = String.format(Locale.ROOT, "saturation of %s: Hill half-saturation %.2f and slope %.1f "
                    + "instead of %.2f and %.1f", channel, next.ec(), next.slope(), h.ec(), h.slope());
            return new TunerProposal(change, why + "; the assumed diminishing returns may be wrong",
                    cfg.withSpec(cfg.spec().withChannel(cur.withSaturation(next))));
        }
        return null;
    }
}
