package io.github.mmm4j.auto.report;

import io.github.mmm4j.auto.Agreement;
import io.github.mmm4j.auto.Check;
import io.github.mmm4j.auto.report.Findings.Action;
import io.github.mmm4j.auto.report.Findings.ChannelFinding;
import io.github.mmm4j.auto.report.Findings.Confidence;
import io.github.mmm4j.auto.report.Findings.Recommendation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The default {@link Narrator}: fixed English templates filled from the findings; deterministic. */
final class StandardNarrator implements Narrator {

    static final StandardNarrator INSTANCE = new StandardNarrator();

    private StandardNarrator() {
    }

    @Override
    public Narrative narrate(Findings f) {
        String per = f.frequency().equals("daily") ? "day" : "week";
        List<Narrative.Section> sections = new ArrayList<>();
        sections.add(whatToDo(f, per));
        List<String> conf = new ArrayList<>();
        conf.add("Confidence: " + word(f.confidence()) + ".");
        sections.add(new Narrative.Section("How confident", conf, capitalise(f.confidenceReasons())));
        sections.add(why(f));
        sections.add(new Narrative.Section("Is the data ready",
                List.of(String.format(Locale.ROOT, "Data readiness: %d of 5.", f.readiness())),
                capitalise(f.readinessReasons())));
        List<String> warn = new ArrayList<>();
        for (Check c : f.failedChecks()) {
            warn.add(String.format(Locale.ROOT, "Failed check %s (%s): %s", c.name(),
                    c.blocking() ? "blocking" : "advisory", c.evidence()));
        }
        warn.addAll(capitalise(f.warnings()));
        sections.add(new Narrative.Section("Warnings",
                warn.isEmpty() ? List.of(f.confidence() == Confidence.LOW
                        ? "No check failed, but confidence is low for the reasons under How confident."
                        : "No check failed and nothing else needs attention.") : List.of(), warn));
        return new Narrative("Marketing mix report: " + f.kpi(), headline(f), sections);
    }

    private static String headline(Findings f) {
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        for (Recommendation r : f.recommendations()) {
            if (r.action() == Action.INCREASE) {
                up.add(r.channel());
            } else if (r.action() == Action.DECREASE) {
                down.add(r.channel());
            }
        }
        StringBuilder sb = new StringBuilder();
        if (f.confidence() == Confidence.LOW) {
            sb.append("Provisional: ");
        }
        boolean keepPlan = f.planComputed() && !f.planImproved();
        if (keepPlan) {
            sb.append("Keep the current plan: no reallocation within the constraints is expected to raise ")
                    .append(f.kpi()).append('.');
        } else if (up.isEmpty() && down.isEmpty()) {
            sb.append("No channel stands out enough to justify moving budget now.");
        } else if (f.planComputed()) {
            sb.append("Move budget");
            if (!up.isEmpty()) {
                sb.append(" towards ").append(join(up));
            }
            if (!down.isEmpty()) {
                sb.append(up.isEmpty() ? " away from " : " and away from ").append(join(down));
            }
            f.expectedUpliftPct().ifPresentOrElse(
                    u -> sb.append(String.format(Locale.ROOT, ": the recommended plan is expected to raise %s by %.1f%%.",
                            f.kpi(), u)),
                    () -> sb.append('.'));
        } else {
            sb.append(String.format(Locale.ROOT, "%s returns the most %s for the next unit of spend and %s the least: "
                    + "consider shifting some budget from %s to %s.", join(up), f.kpi(), join(down), join(down),
                    join(up)));
        }
        sb.append(" Confidence is ").append(word(f.confidence()));
        sb.append(f.confidence() == Confidence.LOW ? ": read how confident and the warnings before acting." : ".");
        return sb.toString();
    }

    private static Narrative.Section whatToDo(Findings f, String per) {
        List<String> bullets = new ArrayList<>();
        for (Recommendation r : f.recommendations()) {
            String ch = r.channel();
            String s = switch (r.action()) {
                case INCREASE -> f.planComputed()
                        ? String.format(Locale.ROOT, "Increase %s from %s to %s per %s%s.", ch,
                                money(r.currentSpendPerPeriod()), money(r.recommendedSpendPerPeriod()), per, pct(r))
                        : String.format(Locale.ROOT, "Increase %s: it has the highest return on the next unit of "
                                + "spend (about %s %s per unit).", ch, sig(f.channel(ch).marginalRoi()), f.kpi());
                case DECREASE -> f.planComputed()
                        ? String.format(Locale.ROOT, "Reduce %s from %s to %s per %s%s.", ch,
                                money(r.currentSpendPerPeriod()), money(r.recommendedSpendPerPeriod()), per, pct(r))
                        : String.format(Locale.ROOT, "Reduce %s: it has the lowest return on the next unit of "
                                + "spend (about %s %s per unit).", ch, sig(f.channel(ch).marginalRoi()), f.kpi());
                case KEEP -> String.format(Locale.ROOT, "Keep %s at about %s per %s.", ch,
                        money(f.planComputed() ? r.recommendedSpendPerPeriod() : r.currentSpendPerPeriod()), per);
                case TEST_FIRST -> String.format(Locale.ROOT, "Do not move %s on this evidence: the models disagree "
                        + "about its return%s. Test it first, for example with a regional experiment.", ch,
                        f.planComputed() ? ", so the recommended plan keeps it at its current spend" : "");
            };
            if (r.agreement() == Agreement.UNCERTAIN && (r.action() == Action.INCREASE
                    || r.action() == Action.DECREASE)) {
                s += " The evidence for this channel is not conclusive: change it gradually and measure.";
            }
            bullets.add(s);
        }
        List<String> paras = new ArrayList<>();
        if (!f.planComputed()) {
            paras.add("No budget optimisation was run, so these are directions, not amounts.");
        }
        return new Narrative.Section("What to do", paras, bullets);
    }

    private static Narrative.Section why(Findings f) {
        List<String> bullets = new ArrayList<>();
        for (ChannelFinding c : f.channels()) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%s: %.0f%% of media spend and %.0f%% of the media effect. ",
                    c.channel(), 100 * c.spendShare(), 100 * c.contributionShare()));
            if (c.agreement() == Agreement.DISAGREE) {
                // No single number where the models disagree: each model's range.
                sb.append("The models disagree about its return per unit spent: ").append(c.modelRanges())
                        .append('.');
            } else {
                sb.append(String.format(Locale.ROOT, "Each unit spent brought back about %s %s", sig(c.roi()),
                        f.kpi()));
                c.roiInterval().ifPresent(i -> sb.append(String.format(Locale.ROOT, " (plausibly %s to %s)",
                        sig(i.lower()), sig(i.upper()))));
                sb.append(String.format(Locale.ROOT, "; the next unit brings about %s. ", sig(c.marginalRoi())));
                sb.append(c.agreement() == Agreement.CONFIRMED ? "The models agree." : "The evidence is not conclusive.");
            }
            bullets.add(sb.toString());
        }
        return new Narrative.Section("Why",
                List.of(String.format(Locale.ROOT, "From %d %s periods of %s (%s to %s)%s.", f.periods(), f.frequency(),
                        f.source(), f.start(), f.end(), f.geos() > 1 ? " in " + f.geos() + " regions" : "")),
                bullets);
    }

    private static String pct(Recommendation r) {
        return r.changeFraction().map(x -> String.format(Locale.ROOT, " (%+.0f%%)", 100 * x)).orElse("");
    }

    private static String money(double v) {
        return Fmt.money(v);
    }

    private static String sig(double v) {
        return Fmt.sig(v);
    }

    private static String word(Confidence c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    private static String join(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static List<String> capitalise(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String s : lines) {
            out.add(s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1));
        }
        return out;
    }
}
