package io.github.mmm4j.auto.report;

import io.github.mmm4j.auto.ChannelConsensus;
import io.github.mmm4j.auto.ChannelProfile;
import io.github.mmm4j.auto.Check;
import io.github.mmm4j.auto.DataProfile;
import io.github.mmm4j.auto.ExperimentComparison;
import io.github.mmm4j.auto.ExperimentProfile;
import io.github.mmm4j.auto.KpiAnomaly;
import io.github.mmm4j.auto.Round;
import io.github.mmm4j.auto.report.Doc.Block;
import io.github.mmm4j.auto.report.Doc.Bullets;
import io.github.mmm4j.auto.report.Doc.Heading;
import io.github.mmm4j.auto.report.Doc.Para;
import io.github.mmm4j.auto.report.Doc.Table;
import io.github.mmm4j.core.FitMetrics;
import io.github.mmm4j.core.Mmm4j;
import io.github.mmm4j.core.Numbers;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.bayes.LiftTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The report's text blocks: the narrative and the technical appendix, shared by the Markdown and HTML writers. */
final class Sections {

    private Sections() {
    }

    /** @return the title, headline, a one-line summary and the narrator's sections */
    static List<Block> narrative(ReportData r) {
        List<Block> out = new ArrayList<>();
        Narrative n = r.narrative;
        out.add(new Heading(1, n.title()));
        out.add(new Para(n.headline(), true));
        Findings f = r.findings;
        out.add(new Para(String.format(Locale.ROOT, "Data: %s, %d %s periods from %s to %s%s. Quality gate: %s (%d of "
                + "%d checks passed, round %d of %d). Confidence: %s. Data readiness: %d of 5.", f.source(),
                f.periods(), f.frequency(), f.start(), f.end(), f.geos() > 1 ? ", " + f.geos() + " geos" : "",
                f.verdict(), f.checksPassed(), f.checksTotal(), f.bestRound(), f.rounds(),
                f.confidence().name().toLowerCase(Locale.ROOT), f.readiness())));
        if (!r.result.adaptations().isEmpty()) {
            out.add(new Para("This data is large, so the analysis was scaled down to finish in minutes (details under "
                    + "\"Round-by-round history\"): " + String.join("; ", r.result.adaptations()) + "."));
        }
        for (Narrative.Section s : n.sections()) {
            out.add(new Heading(2, s.heading()));
            for (String p : s.paragraphs()) {
                out.add(new Para(p));
            }
            if (!s.bullets().isEmpty()) {
                out.add(new Bullets(s.bullets()));
            }
        }
        return out;
    }

    /** @return the technical appendix */
    static List<Block> appendix(ReportData r) {
        List<Block> out = new ArrayList<>();
        out.add(new Heading(2, "Technical appendix"));
        fit(r, out);
        shapley(r, out);
        roi(r, out);
        panel(r, out);
        consensus(r, out);
        experiments(r, out);
        curves(r, out);
        plan(r, out);
        failed(r, out);
        history(r, out);
        readiness(r, out);
        reproduction(r, out);
        return out;
    }

    private static void fit(ReportData r, List<Block> out) {
        out.add(new Heading(3, "Model fit (round " + r.best.number() + ")"));
        out.add(new Para("Each estimator is fitted to the same data and structure. The primary model, whose figures "
                + "the summary and results.json's top-level fields use, is " + r.primary.estimator() + ". The holdout "
                + "is the final " + r.holdout + " periods, which the models did not see."));
        List<List<String>> rows = new ArrayList<>();
        for (FittedModel m : r.best.models()) {
            FitMetrics tr = m.trainMetrics();
            Optional<FitMetrics> te = m.testMetrics();
            rows.add(List.of(m.estimator(), Fmt.num(tr.r2(), 3), Fmt.pct(tr.mape()), Fmt.num(tr.nrmse(), 3),
                    te.map(x -> Fmt.num(x.r2(), 3)).orElse(Fmt.NA), te.map(x -> Fmt.pct(x.mape())).orElse(Fmt.NA),
                    te.map(x -> Fmt.num(x.nrmse(), 3)).orElse(Fmt.NA), Integer.toString(m.drawCount())));
        }
        out.add(table(List.of("model", "train R²", "train MAPE", "train NRMSE", "holdout R²", "holdout MAPE",
                "holdout NRMSE", "draws"), rows, 1));
        if (r.data.nGeos() > 1) {
            List<String> parts = new ArrayList<>();
            for (FittedModel m : r.best.models()) {
                m.totalTrainMetrics().ifPresent(tr -> parts.add(m.estimator() + " train R² " + Fmt.num(tr.r2(), 3)
                        + ", MAPE " + Fmt.pct(tr.mape()) + m.totalTestMetrics().map(te -> "; holdout R² "
                                + Fmt.num(te.r2(), 3) + ", MAPE " + Fmt.pct(te.mape())).orElse("")));
            }
            out.add(new Para("The table measures each geo in each period. Summed over the " + r.data.nGeos()
                    + " geos per period, the level a national model is judged on (noise independent between geos "
                    + "averages out there): " + String.join("; ", parts) + "."));
        }
    }

    private static void shapley(ReportData r, List<Block> out) {
        out.add(new Heading(3, "Shapley contributions"));
        List<ShapleyRow> rows = r.input.shapley();
        if (rows.isEmpty()) {
            out.add(new Para("Shapley attribution was not computed for this report."));
            return;
        }
        out.add(new Para("Each channel's Shapley value: its average marginal contribution to " + r.data.kpiName()
                + " over every order in which the channels could be added, in " + r.data.kpiName()
                + " over the data window. The values add up to the total media effect."));
        double sum = rows.stream().mapToDouble(ShapleyRow::value).sum();
        List<List<String>> t = new ArrayList<>();
        for (ShapleyRow s : rows) {
            t.add(List.of(s.channel(), Fmt.money(s.value()), Fmt.sig(s.stdError()),
                    sum == 0 ? Fmt.NA : Fmt.pct(s.value() / sum)));
        }
        t.add(List.of("total", Fmt.money(sum), "", sum == 0 ? Fmt.NA : Fmt.pct(1)));
        out.add(table(List.of("channel", "Shapley value", "std. error", "share"), t, 1));
    }

    private static void roi(ReportData r, List<Block> out) {
        out.add(new Heading(3, "ROI and marginal ROI by model"));
        out.add(new Para(String.format(Locale.ROOT, "ROI is a channel's modelled contribution over the data window "
                + "divided by its spend; marginal ROI is the extra %s per extra unit of spend at the current level. "
                + "Intervals are %.0f%% intervals from each model's draws (bootstrap replicates or posterior draws); "
                + "n/a where a model gives none.", r.data.kpiName(), 100 * r.primary.intervalLevel())));
        List<List<String>> t = new ArrayList<>();
        for (int c = 0; c < r.data.nChannels(); c++) {
            for (FittedModel m : r.best.models()) {
                ChannelSummary s = m.channels().get(c);
                t.add(List.of(s.name(), m.estimator(), Fmt.money(s.spend()), Fmt.money(s.contribution()),
                        Fmt.pct(s.share()), Fmt.sig(s.roi()), Fmt.interval(s.roiInterval()),
                        Fmt.sig(s.mroi()), Fmt.interval(s.mroiInterval())));
            }
        }
        out.add(table(List.of("channel", "model", "spend", "contribution", "share", "ROI", "ROI interval",
                "marginal ROI", "marginal ROI interval"), t, 2));
    }

    /**
     * On a panel: the primary model's ROI per geo and channel with intervals (draw by draw), and with brand x region
     * cells per brand and per region (each group's cells added up draw by draw); with a price, its elasticities.
     */
    private static void panel(ReportData r, List<Block> out) {
        FittedModel m = r.primary;
        if (m.spec().price() != null) {
            out.add(new Heading(3, "Price elasticity"));
            out.add(new Para("The percentage change of the baseline " + r.data.kpiName() + " per 1% change of '"
                    + m.spec().price().control() + "', from the " + m.estimator() + " model, with "
                    + Fmt.pct(m.intervalLevel()) + " intervals from its draws."));
            List<List<String>> t = new ArrayList<>();
            for (io.github.mmm4j.models.PriceElasticity e : m.priceElasticities()) {
                t.add(List.of(e.brand(), Fmt.sig(e.estimate()), Fmt.interval(e.interval())));
            }
            out.add(table(List.of("brand", "elasticity", "interval"), t, 1));
            m.priceElasticities().stream().map(io.github.mmm4j.models.PriceElasticity::caveat)
                    .filter(c -> !c.isEmpty()).findFirst().ifPresent(c -> out.add(new Para(
                            c.substring(0, 1).toUpperCase(Locale.ROOT) + c.substring(1))));
        }
        if (r.data.nGeos() < 2) {
            return;
        }
        List<String> header = new ArrayList<>(List.of("geo"));
        header.addAll(r.data.channels());
        List<List<String>> rows = new ArrayList<>();
        List<List<ChannelSummary>> geos = m.geoChannels();
        for (int g = 0; g < geos.size(); g++) {
            rows.add(roiRow(r.data.geos().get(g), geos.get(g)));
        }
        out.add(new Heading(3, "ROI per geo"));
        out.add(new Para(m.hasGeoEffects() ? "The " + m.estimator() + " model's ROI of each channel in each geo with "
                + "its interval, computed draw by draw; each channel's effect differs by geo, partially pooled toward "
                + "the channel's." : "The " + m.estimator() + " model's ROI of each channel in each geo. It has one "
                + "effect per channel for all geos, so geos differ only through their spend; these are not estimates "
                + "of how each geo responds and have no interval, since one shared effect cannot tell how much geos "
                + "differ."));
        out.add(table(header, rows, 1));
        io.github.mmm4j.core.CsvSchema.cells(r.data.geos()).ifPresent(cells -> {
            for (int level = 0; level < 2; level++) {
                java.util.Map<String, List<String>> groups = new java.util.TreeMap<>();
                for (int g = 0; g < cells.size(); g++) {
                    groups.computeIfAbsent(cells.get(g)[level], k -> new ArrayList<>()).add(r.data.geos().get(g));
                }
                String what = level == 0 ? "brand" : "region";
                List<String> h = new ArrayList<>(List.of(what));
                h.addAll(r.data.channels());
                List<List<String>> gr = new ArrayList<>();
                groups.forEach((name, members) -> gr.add(roiRow(name, m.channelsOver(members))));
                out.add(new Heading(3, "ROI per " + what));
                out.add(new Para("Each " + what + "'s cells added up draw by draw."));
                out.add(table(h, gr, 1));
            }
        });
    }

    private static List<String> roiRow(String name, List<ChannelSummary> channels) {
        List<String> row = new ArrayList<>(List.of(name));
        for (ChannelSummary c : channels) {
            row.add(c.spend() > 0 ? Fmt.sig(c.roi()) + " " + Fmt.interval(c.roiInterval()) : "no spend");
        }
        return row;
    }

    private static void consensus(ReportData r, List<Block> out) {
        out.add(new Heading(3, "Agreement between models"));
        out.add(new Para(String.format(Locale.ROOT, "Mean rank correlation of the channels' ROI between models: %s. "
                + "Where every pair of the models' ROI intervals overlaps, the consensus pools the same number of "
                + "draws from each model: the consensus ROI is the pool's median and its interval the pool's "
                + "equal-tailed interval, so the estimate always lies inside it. Where two intervals do not overlap "
                + "the models disagree and there is no consensus number: each model's ROI and interval is shown.",
                Fmt.num(r.best.analysis().rankCorrelation(), 2))));
        List<List<String>> t = new ArrayList<>();
        for (ChannelConsensus c : r.best.analysis().channels()) {
            t.add(List.of(c.channel(), c.agreement().name(), c.consensusRoi().map(Fmt::sig).orElse(Fmt.NA),
                    Fmt.interval(c.consensusInterval()), c.ranges(), c.intervalsOverlap() ? "yes" : "no",
                    c.ranksAgree() ? "yes" : "no", String.join("; ", c.reasons())));
        }
        out.add(table(List.of("channel", "agreement", "consensus ROI", "consensus interval", "each model's ROI",
                "intervals overlap", "ranks agree", "reasons"), t, 99));
    }

    /** Each experiment against each model's prediction of it, when lift tests were given. */
    private static void experiments(ReportData r, List<Block> out) {
        if (r.experiments.isEmpty()) {
            return;
        }
        out.add(new Heading(3, "Estimates against experiments"));
        out.add(new Para(String.format(Locale.ROOT, "Each experiment's measured lift against what each model predicts "
                + "for the same periods (the test and the channel's carryover after it) and geos, with the same spend "
                + "change. The Bayesian model was calibrated with these experiments; ridge and NNLS were not, so "
                + "their predictions are an independent check. A prediction more than two standard errors from the "
                + "measurement is marked \"off\"; intervals are %.0f%% intervals over each model's draws.",
                100 * r.primary.intervalLevel())));
        List<List<String>> t = new ArrayList<>();
        for (ExperimentComparison x : r.experiments) {
            LiftTest e = x.test();
            String test = e.channel() + ", " + e.start() + " to " + e.end() + (e.geo() == null ? "" : ", " + e.geo());
            String change = (e.byMultiplier() ? "spend x " + Numbers.significant(e.multiplier(), 3) + ", " : "")
                    + Fmt.money(x.impliedSpendChange());
            String measured = Fmt.money(e.lift()) + " ± " + Fmt.money(e.standardError());
            for (ExperimentComparison.Prediction p : x.predictions()) {
                t.add(List.of(test, change, measured, p.estimator(), Fmt.money(p.lift()), Fmt.interval(p.interval()),
                        p.consistent() ? "within 2 s.e." : "off"));
            }
        }
        out.add(table(List.of("experiment", "spend change", "measured lift", "model", "predicted lift",
                "predicted interval", "agreement"), t, 99));
    }

    private static void curves(ReportData r, List<Block> out) {
        out.add(new Heading(3, "Response curves"));
        out.add(new Para("Steady-state response of " + r.data.kpiName() + " per period to a constant spend per "
                + "period, once carryover has built up (primary model), at multiples of the current spend"
                + (r.input.plan().isPresent() ? " and at the recommended spend" : "") + "."));
        List<List<String>> t = new ArrayList<>();
        for (int c = 0; c < r.curves.size(); c++) {
            ReportData.Curve cv = r.curves.get(c);
            List<double[]> points = new ArrayList<>();
            for (double k : new double[] {0, 0.5, 1, 1.5, 2}) {
                points.add(new double[] {k * cv.current(), k});
            }
            cv.recommended().ifPresent(x -> points.add(new double[] {x, -1}));
            for (double[] p : points) {
                String note = p[1] < 0 ? "recommended" : p[1] == 1 ? "current" : Fmt.num(p[1], 1) + " × current";
                t.add(List.of(cv.channel(), note, Fmt.money(p[0]), Fmt.money(r.primary.response(c, p[0])),
                        Fmt.sig(r.primary.marginalResponse(c, p[0]))));
            }
        }
        out.add(table(List.of("channel", "level", "spend per period", "response per period", "marginal response"), t,
                2));
    }

    private static void plan(ReportData r, List<Block> out) {
        out.add(new Heading(3, "Recommended budget"));
        if (r.input.plan().isEmpty()) {
            out.add(new Para("The budget optimizer was not run for this report."));
            return;
        }
        BudgetPlan p = r.input.plan().get();
        out.add(new Para(String.format(Locale.ROOT, "Spend and expected contribution over a horizon of %d periods. "
                + "Optimizer status: %s (%s). Expected %s: %s under the current plan, %s under the recommended plan%s.",
                p.periods(), p.status(), p.message(), r.data.kpiName(), Fmt.money(p.expectedKpiCurrent()),
                Fmt.money(p.expectedKpiOptimal()),
                p.upliftPct().map(u -> String.format(Locale.ROOT, " (%+.1f%%)", u)).orElse(""))));
        if (!p.improved()) {
            out.add(new Para("The optimizer found no plan better than the current one under the constraints: keep the "
                    + "current plan."));
        }
        List<List<String>> t = new ArrayList<>();
        for (PlanRow row : p.rows()) {
            t.add(List.of(row.channel(), Fmt.money(row.currentSpend()), Fmt.money(row.optimalSpend()),
                    Fmt.money(row.delta()), row.deltaFraction().map(Fmt::pct).orElse(Fmt.NA),
                    Fmt.money(row.currentContribution()), Fmt.money(row.expectedContribution()),
                    row.contributionInterval().map(i -> Fmt.money(i.lower()) + " to " + Fmt.money(i.upper()))
                            .orElse(Fmt.NA)));
        }
        double cur = p.totalCurrentSpend();
        double opt = p.totalOptimalSpend();
        t.add(List.of("total", Fmt.money(cur), Fmt.money(opt), Fmt.money(Numbers.change(cur, opt)),
                cur == 0 ? Fmt.NA : Fmt.pct(Numbers.change(cur, opt) / cur),
                Fmt.money(p.rows().stream().mapToDouble(PlanRow::currentContribution).sum()),
                Fmt.money(p.rows().stream().mapToDouble(PlanRow::expectedContribution).sum()), ""));
        out.add(table(List.of("channel", "current spend", "recommended spend", "change", "change %",
                "current contribution", "expected contribution", "interval"), t, 1));
    }

    private static void failed(ReportData r, List<Block> out) {
        List<Check> failed = r.result.failedChecks();
        out.add(new Heading(3, "Failed checks of the best round (round " + r.best.number() + ")"));
        if (failed.isEmpty()) {
            out.add(new Para("None: every check of the best round passed."));
            return;
        }
        out.add(new Para(r.result.verdict() == io.github.mmm4j.auto.Verdict.APPROVED
                ? "The quality gate approved the round; these advisory checks failed and are shown for honesty."
                : "The quality gate did not approve any round; this is the best one, and these are its failures."));
        List<List<String>> t = new ArrayList<>();
        for (Check c : failed) {
            t.add(List.of(c.name(), c.blocking() ? "blocking" : "advisory", c.evidence()));
        }
        out.add(table(List.of("check", "kind", "evidence"), t, 99));
    }

    private static void history(ReportData r, List<Block> out) {
        out.add(new Heading(3, "Round-by-round history"));
        out.add(new Para("Stopped: " + r.result.stopReason() + ". Best round: " + r.best.number() + "."));
        if (!r.result.adaptations().isEmpty()) {
            out.add(new Para("Scaled down to the data's size, so the analysis finishes in minutes (intervals then "
                    + "rest on fewer replicates or draws): " + String.join("; ", r.result.adaptations()) + "."));
        }
        List<List<String>> t = new ArrayList<>();
        for (Round round : r.result.rounds()) {
            t.add(List.of(Integer.toString(round.number()),
                    round.proposal().map(p -> p.change()).orElse("initial configuration"),
                    round.proposal().map(p -> p.reason()).orElse(""), round.critique().verdict().name(),
                    round.critique().passedCount() + " of " + round.critique().checks().size(),
                    String.join(", ", round.critique().failed().stream().map(Check::name).toList())));
        }
        out.add(table(List.of("round", "change", "reason", "verdict", "checks passed", "failed checks"), t, 99));

        List<String> header = new ArrayList<>(List.of("round", "model"));
        header.addAll(r.data.channels());
        List<List<String>> roi = new ArrayList<>();
        for (Round round : r.result.rounds()) {
            for (FittedModel m : round.models()) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(round.number()), m.estimator()));
                for (ChannelSummary s : m.channels()) {
                    row.add(Fmt.sig(s.roi()));
                }
                roi.add(row);
            }
        }
        out.add(new Para("ROI per channel in each round and model:"));
        out.add(table(header, roi, 2));

        List<List<String>> checks = new ArrayList<>();
        for (Round round : r.result.rounds()) {
            for (Check c : round.critique().checks()) {
                checks.add(List.of(Integer.toString(round.number()), c.name(), c.passed() ? "passed" : "FAILED",
                        c.blocking() ? "blocking" : "advisory", c.evidence()));
            }
        }
        out.add(new Para("Every check of every round:"));
        out.add(table(List.of("round", "check", "result", "kind", "evidence"), checks, 99));
    }

    private static void readiness(ReportData r, List<Block> out) {
        DataProfile p = r.result.profile();
        out.add(new Heading(3, "Data readiness: " + p.readiness() + " of 5"));
        out.add(new Bullets(p.reasons().isEmpty() ? List.of("No issue found.") : p.reasons()));
        out.add(new Para(String.format(Locale.ROOT, "%d rows for %d coefficients (%s rows per coefficient); yearly "
                + "seasonality explains %s and a linear trend %s of the KPI's variance; condition number of the "
                + "media spend %s.", p.rows(), p.parameters(), Fmt.num(p.rowsPerParameter(), 1),
                Fmt.pct(p.seasonalityStrength()), Fmt.pct(p.trendStrength()),
                Fmt.num(p.mediaCollinearity().conditionNumber(), 1))));
        List<List<String>> t = new ArrayList<>();
        for (ChannelProfile c : p.channels()) {
            t.add(List.of(c.name(), Fmt.money(c.totalSpend()), Fmt.pct(c.zeroShare()), c.sparse() ? "yes" : "no",
                    Fmt.num(c.kpiCorrelation(), 2), Fmt.num(c.spendVariation(), 2)));
        }
        out.add(table(List.of("channel", "total spend", "periods without spend", "sparse", "correlation with KPI",
                "spend variation"), t, 1));
        if (!p.severeCorrelations().isEmpty()) {
            out.add(new Para("Strongly correlated channel pairs:"));
            out.add(new Bullets(p.severeCorrelations()));
        }
        if (!p.anomalies().isEmpty()) {
            List<List<String>> a = new ArrayList<>();
            for (KpiAnomaly k : p.anomalies()) {
                a.add(List.of(k.date().toString(), Fmt.money(k.kpi()), Fmt.num(k.robustZ(), 1),
                        String.join(", ", k.spikingChannels())));
            }
            out.add(new Para("Periods with an unusual KPI (robust z-score above 3.5):"));
            out.add(table(List.of("date", "KPI", "robust z", "channels that spiked"), a, 1));
        }
        if (!p.experiments().isEmpty()) {
            List<List<String>> e = new ArrayList<>();
            for (ExperimentProfile x : p.experiments()) {
                LiftTest lt = x.test();
                e.add(List.of(lt.channel(), lt.start() + " to " + lt.end() + (lt.geo() == null ? "" : ", " + lt.geo()),
                        Integer.toString(x.periods()), Fmt.money(x.observedSpend()), Fmt.money(x.impliedSpendChange()),
                        Fmt.money(lt.lift()) + " ± " + Fmt.money(lt.standardError()),
                        x.problems().isEmpty() ? "none" : String.join("; ", x.problems())));
            }
            out.add(new Para("Experiments given with the data (lift tests):"));
            out.add(table(List.of("channel", "window", "periods", "observed spend", "spend change", "measured lift",
                    "problems"), e, 2));
        }
    }

    private static void reproduction(ReportData r, List<Block> out) {
        out.add(new Heading(3, "Reproduction"));
        out.add(new Bullets(List.of("mmm4j version: " + Mmm4j.version(), "seed: " + r.input.seed(),
                "source: " + r.input.source(), "estimators: " + String.join(", ",
                        r.best.models().stream().map(FittedModel::estimator).toList()),
                "holdout: " + r.holdout + " periods", "rounds: " + r.result.rounds().size())));
    }

    /** A table whose columns from {@code firstNumeric} on are numeric. */
    private static Table table(List<String> header, List<List<String>> rows, int firstNumeric) {
        List<Boolean> numeric = new ArrayList<>(Collections.nCopies(header.size(), false));
        for (int i = firstNumeric; i < header.size(); i++) {
            numeric.set(i, true);
        }
        return new Table(header, numeric, rows);
    }
}
