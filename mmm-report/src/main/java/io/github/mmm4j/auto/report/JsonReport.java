package io.github.mmm4j.auto.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mmm4j.auto.ChannelConsensus;
import io.github.mmm4j.auto.ChannelProfile;
import io.github.mmm4j.auto.Check;
import io.github.mmm4j.auto.DataProfile;
import io.github.mmm4j.auto.ExperimentComparison;
import io.github.mmm4j.auto.ExperimentProfile;
import io.github.mmm4j.auto.KpiAnomaly;
import io.github.mmm4j.auto.ModelEstimate;
import io.github.mmm4j.auto.Round;
import io.github.mmm4j.auto.TunerProposal;
import io.github.mmm4j.core.Mmm4j;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.bayes.LiftTest;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes {@code results.json}. Deterministic: fields in a fixed order, lists in model, channel and round order,
 * no timestamps, {@code \n} line ends; non-finite numbers as {@code null}. Absent optional sections
 * ({@code shapley}, {@code plan}) are {@code null}.
 */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReport() {
    }

    /** @return the JSON text, ending with a newline */
    static String render(ReportData r) {
        DefaultIndenter nl = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(nl).withArrayIndenter(nl);
        try {
            return JSON.writer(pp).writeValueAsString(tree(r)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write results.json: " + e.getMessage(), e);
        }
    }

    static ObjectNode tree(ReportData r) {
        FittedModel m = r.primary;
        ObjectNode root = ModelResults.of(m, r.result.primaryReason(), r.input.source(), r.input.seed());
        root.put("version", Mmm4j.version());

        root.put("verdict", r.result.verdict().name());
        Findings f = r.findings;
        root.put("confidence", f.confidence().name());
        root.put("headline", r.narrative.headline());
        root.set("readiness", readiness(r.result.profile()));
        root.put("stop_reason", r.result.stopReason());
        ArrayNode adapted = root.putArray("adapted_to_size");
        r.result.adaptations().forEach(adapted::add);
        root.put("best_round", r.best.number());
        ArrayNode rounds = root.putArray("rounds");
        for (Round round : r.result.rounds()) {
            rounds.add(round(round, r));
        }
        ArrayNode consensus = root.putArray("consensus");
        for (ChannelConsensus c : r.best.analysis().channels()) {
            consensus.add(consensus(c));
        }
        JsonFields.number(root, "rank_correlation", r.best.analysis().rankCorrelation());
        ArrayNode experiments = root.putArray("experiments");
        for (ExperimentComparison x : r.experiments) {
            experiments.add(experiment(x));
        }
        root.set("failed_checks", checks(r.result.failedChecks()));
        if (r.input.shapley().isEmpty()) {
            root.putNull("shapley");
        } else {
            ArrayNode sh = root.putArray("shapley");
            for (ShapleyRow s : r.input.shapley()) {
                ObjectNode o = sh.addObject();
                o.put("channel", s.channel());
                JsonFields.number(o, "value", s.value());
                JsonFields.number(o, "std_error", s.stdError());
            }
        }
        if (r.input.plan().isEmpty()) {
            root.putNull("plan");
        } else {
            root.set("plan", plan(r.input.plan().get()));
        }
        root.set("findings", findings(f));
        root.set("narrative", narrative(r.narrative));
        root.set("response_curves", curves(r));
        ObjectNode w = root.putObject("waterfall");
        JsonFields.number(w, "base", r.baseTotal);
        ArrayNode wc = w.putArray("channels");
        for (int c = 0; c < r.channelTotals.length; c++) {
            ObjectNode o = wc.addObject();
            o.put("name", r.data.channels().get(c));
            JsonFields.number(o, "contribution", r.channelTotals[c]);
        }
        JsonFields.number(w, "total", r.predictedTotal);
        root.set("series", series(r));
        return root;
    }

    /** The short per-channel estimates of a comparison model in a round. */
    private static ArrayNode channels(FittedModel m) {
        ArrayNode channels = JSON.createArrayNode();
        for (ChannelSummary c : m.channels()) {
            ObjectNode o = channels.addObject();
            o.put("name", c.name());
            JsonFields.number(o, "roi", c.roi());
            interval(o, "roi", c.roiInterval());
            JsonFields.number(o, "mroi", c.mroi());
            interval(o, "mroi", c.mroiInterval());
            JsonFields.number(o, "contribution", c.contribution());
            JsonFields.number(o, "share", c.share());
            ModelResults.dataWeight(o, m, c.name());
        }
        return channels;
    }

    private static ObjectNode round(Round round, ReportData r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("number", round.number());
        Optional<TunerProposal> p = round.proposal();
        if (p.isPresent()) {
            o.put("change", p.get().change());
            o.put("reason", p.get().reason());
        } else {
            o.putNull("change");
            o.putNull("reason");
        }
        o.put("verdict", round.critique().verdict().name());
        o.put("checks_passed", round.critique().passedCount());
        o.put("holdout", round.config().holdout());
        ArrayNode ev = o.putArray("extra_events");
        for (LocalDate date : round.config().extraEvents()) {
            ev.add(date.toString());
        }
        o.set("checks", checks(round.critique().checks()));
        ArrayNode models = o.putArray("models");
        for (FittedModel m : round.models()) {
            ObjectNode mo = models.addObject();
            mo.put("model", m.estimator());
            mo.set("metrics", ModelResults.metrics(m));
            mo.put("primary", round == r.best && m == r.primary);
            mo.set("channels", channels(m));
        }
        return o;
    }

    private static ArrayNode checks(List<Check> checks) {
        ArrayNode a = JSON.createArrayNode();
        for (Check c : checks) {
            ObjectNode o = a.addObject();
            o.put("name", c.name());
            o.put("passed", c.passed());
            o.put("blocking", c.blocking());
            o.put("evidence", c.evidence());
        }
        return a;
    }

    private static ObjectNode consensus(ChannelConsensus c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("channel", c.channel());
        o.put("agreement", c.agreement().name());
        if (c.consensusRoi().isPresent()) {
            JsonFields.number(o, "consensus_roi", c.consensusRoi().get());
        } else {
            o.putNull("consensus_roi");
        }
        if (c.consensusInterval().isPresent()) {
            JsonFields.number(o, "consensus_lower", c.consensusInterval().get().lower());
            JsonFields.number(o, "consensus_upper", c.consensusInterval().get().upper());
        } else {
            o.putNull("consensus_lower");
            o.putNull("consensus_upper");
        }
        o.put("intervals_overlap", c.intervalsOverlap());
        o.put("ranks_agree", c.ranksAgree());
        o.put("pooled_draws", c.pooledDraws());
        o.put("model_ranges", c.ranges());
        ArrayNode reasons = o.putArray("reasons");
        c.reasons().forEach(reasons::add);
        ArrayNode est = o.putArray("estimates");
        for (ModelEstimate e : c.estimates()) {
            ObjectNode eo = est.addObject();
            eo.put("model", e.model());
            JsonFields.number(eo, "roi", e.roi());
            interval(eo, "roi", e.roiInterval());
            JsonFields.number(eo, "contribution", e.contribution());
            JsonFields.number(eo, "share", e.share());
            eo.put("rank", e.rank());
        }
        return o;
    }

    private static ObjectNode readiness(DataProfile p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("score", p.readiness());
        ArrayNode reasons = o.putArray("reasons");
        p.reasons().forEach(reasons::add);
        o.put("periods", p.periods());
        o.put("geos", p.geos());
        o.put("frequency", p.frequency());
        o.put("rows", p.rows());
        o.put("parameters", p.parameters());
        JsonFields.number(o, "rows_per_parameter", p.rowsPerParameter());
        o.put("zero_filled_cells", p.zeroFilledCells());
        JsonFields.number(o, "seasonality_strength", p.seasonalityStrength());
        JsonFields.number(o, "trend_strength", p.trendStrength());
        JsonFields.number(o, "media_condition_number", p.mediaCollinearity().conditionNumber());
        ArrayNode sev = o.putArray("severe_correlations");
        p.severeCorrelations().forEach(sev::add);
        ArrayNode ch = o.putArray("channels");
        for (ChannelProfile c : p.channels()) {
            ObjectNode co = ch.addObject();
            co.put("name", c.name());
            JsonFields.number(co, "total_spend", c.totalSpend());
            JsonFields.number(co, "zero_share", c.zeroShare());
            co.put("sparse", c.sparse());
            JsonFields.number(co, "kpi_correlation", c.kpiCorrelation());
            JsonFields.number(co, "spend_variation", c.spendVariation());
        }
        ArrayNode an = o.putArray("anomalies");
        for (KpiAnomaly a : p.anomalies()) {
            ObjectNode ao = an.addObject();
            ao.put("period", a.period());
            ao.put("date", a.date().toString());
            JsonFields.number(ao, "kpi", a.kpi());
            JsonFields.number(ao, "robust_z", a.robustZ());
            ArrayNode sp = ao.putArray("spiking_channels");
            a.spikingChannels().forEach(sp::add);
        }
        ArrayNode ex = o.putArray("experiments");
        for (ExperimentProfile e : p.experiments()) {
            ObjectNode eo = ex.addObject();
            eo.put("channel", e.test().channel());
            eo.put("start", e.test().start().toString());
            eo.put("end", e.test().end().toString());
            eo.put("periods", e.periods());
            JsonFields.number(eo, "observed_spend", e.observedSpend());
            JsonFields.number(eo, "spend_change", e.impliedSpendChange());
            JsonFields.number(eo, "lift", e.test().lift());
            JsonFields.number(eo, "lift_se", e.test().standardError());
            eo.put("in_holdout", e.inHoldout());
            ArrayNode pr = eo.putArray("problems");
            e.problems().forEach(pr::add);
        }
        return o;
    }

    private static ObjectNode plan(BudgetPlan p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("periods", p.periods());
        o.put("status", p.status());
        o.put("message", p.message());
        o.put("improved", p.improved());
        JsonFields.number(o, "expected_kpi_current", p.expectedKpiCurrent());
        JsonFields.number(o, "expected_kpi_optimal", p.expectedKpiOptimal());
        if (p.upliftPct().isPresent()) {
            JsonFields.number(o, "uplift_pct", p.upliftPct().get());
        } else {
            o.putNull("uplift_pct");
        }
        JsonFields.number(o, "total_current_spend", p.totalCurrentSpend());
        JsonFields.number(o, "total_optimal_spend", p.totalOptimalSpend());
        ArrayNode ch = o.putArray("channels");
        for (PlanRow row : p.rows()) {
            ObjectNode ro = ch.addObject();
            ro.put("name", row.channel());
            JsonFields.number(ro, "current_spend", row.currentSpend());
            JsonFields.number(ro, "optimal_spend", row.optimalSpend());
            JsonFields.number(ro, "delta", row.delta());
            JsonFields.number(ro, "current_contribution", row.currentContribution());
            JsonFields.number(ro, "expected_contribution", row.expectedContribution());
            if (row.contributionInterval().isPresent()) {
                JsonFields.number(ro, "lower", row.contributionInterval().get().lower());
                JsonFields.number(ro, "upper", row.contributionInterval().get().upper());
            } else {
                ro.putNull("lower");
                ro.putNull("upper");
            }
        }
        return o;
    }

    private static ObjectNode findings(Findings f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("confidence", f.confidence().name());
        ArrayNode why = o.putArray("confidence_reasons");
        f.confidenceReasons().forEach(why::add);
        ArrayNode recs = o.putArray("recommendations");
        for (Findings.Recommendation r : f.recommendations()) {
            ObjectNode ro = recs.addObject();
            ro.put("channel", r.channel());
            ro.put("action", r.action().name());
            JsonFields.number(ro, "current_spend_per_period", r.currentSpendPerPeriod());
            JsonFields.number(ro, "recommended_spend_per_period", r.recommendedSpendPerPeriod());
            ro.put("agreement", r.agreement().name());
        }
        o.put("plan_computed", f.planComputed());
        if (f.holdoutMape().isPresent()) {
            JsonFields.number(o, "holdout_mape", f.holdoutMape().get());
        } else {
            o.putNull("holdout_mape");
        }
        JsonFields.number(o, "interval_width", f.intervalWidth());
        ArrayNode warn = o.putArray("warnings");
        f.warnings().forEach(warn::add);
        return o;
    }

    private static ObjectNode narrative(Narrative n) {
        ObjectNode o = JSON.createObjectNode();
        o.put("title", n.title());
        o.put("headline", n.headline());
        ArrayNode sections = o.putArray("sections");
        for (Narrative.Section s : n.sections()) {
            ObjectNode so = sections.addObject();
            so.put("heading", s.heading());
            ArrayNode ps = so.putArray("paragraphs");
            s.paragraphs().forEach(ps::add);
            ArrayNode bs = so.putArray("bullets");
            s.bullets().forEach(bs::add);
        }
        return o;
    }

    private static ArrayNode curves(ReportData r) {
        ArrayNode a = JSON.createArrayNode();
        for (ReportData.Curve c : r.curves) {
            ObjectNode o = a.addObject();
            o.put("channel", c.channel());
            JsonFields.number(o, "current_spend_per_period", c.current());
            if (c.recommended().isPresent()) {
                JsonFields.number(o, "recommended_spend_per_period", c.recommended().get());
            } else {
                o.putNull("recommended_spend_per_period");
            }
            ArrayNode spend = o.putArray("spend");
            ArrayNode resp = o.putArray("response");
            for (int i = 0; i < c.spend().length; i++) {
                add(spend, c.spend()[i]);
                add(resp, c.response()[i]);
            }
        }
        return a;
    }

    private static ObjectNode series(ReportData r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("holdout_start", r.holdoutStart());
        ArrayNode dates = o.putArray("dates");
        r.dates.forEach(x -> dates.add(x.toString()));
        ArrayNode actual = o.putArray("actual");
        ArrayNode predicted = o.putArray("predicted");
        for (int t = 0; t < r.actual.length; t++) {
            add(actual, r.actual[t]);
            add(predicted, r.predicted[t]);
        }
        ArrayNode comps = o.putArray("components");
        for (int k = 0; k < r.groups.size(); k++) {
            ObjectNode co = comps.addObject();
            co.put("name", r.groups.get(k));
            ArrayNode v = co.putArray("values");
            for (double x : r.groupSeries.get(k)) {
                add(v, x);
            }
        }
        return o;
    }

    /** One experiment against each model's prediction; {@code predictions[].lower/upper} null without draws. */
    private static ObjectNode experiment(ExperimentComparison x) {
        ObjectNode o = JSON.createObjectNode();
        LiftTest e = x.test();
        o.put("channel", e.channel());
        o.put("start", e.start().toString());
        o.put("end", e.end().toString());
        if (e.geo() == null) {
            o.putNull("geo");
        } else {
            o.put("geo", e.geo());
        }
        if (e.byMultiplier()) {
            JsonFields.number(o, "multiplier", e.multiplier());
        } else {
            o.putNull("multiplier");
        }
        JsonFields.number(o, "spend_change", x.impliedSpendChange());
        JsonFields.number(o, "lift", e.lift());
        JsonFields.number(o, "lift_se", e.standardError());
        o.put("all_consistent", x.allConsistent());
        ArrayNode ps = o.putArray("predictions");
        for (ExperimentComparison.Prediction p : x.predictions()) {
            ObjectNode po = ps.addObject();
            po.put("model", p.estimator());
            JsonFields.number(po, "lift", p.lift());
            interval(po, "lift", p.interval());
            po.put("within_two_se", p.consistent());
        }
        return o;
    }

    private static void interval(ObjectNode o, String name, Optional<Interval> iv) {
        ModelResults.interval(o, name, iv);
    }


    private static void add(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }
}
