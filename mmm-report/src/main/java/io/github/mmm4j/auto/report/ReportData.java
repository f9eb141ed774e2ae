package io.github.mmm4j.auto.report;

import io.github.mmm4j.auto.AnalysisResult;
import io.github.mmm4j.auto.AutoAnalysis;
import io.github.mmm4j.auto.ExperimentComparison;
import io.github.mmm4j.auto.Round;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.Decomposition;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the writers need, computed once from the input: the primary model's decomposition summed over geos
 * per period, the waterfall totals, the response curves, the findings and the narrative. Arrays are internal and
 * never handed out of the package.
 */
final class ReportData {

    /** Points per response curve. */
    static final int CURVE_POINTS = 41;

    /**
     * A channel's steady-state response curve (see {@link FittedModel#response(int, double)}).
     *
     * @param channel the channel's name
     * @param spend spend per period (summed over geos), ascending from 0
     * @param response KPI contribution per period at each spend
     * @param current the current spend per period: the plan's, when there is a plan, else the historical mean
     * @param recommended the recommended spend per period, when there is a plan
     * @param lower the lower end of the response's interval at each spend (over the model's draws, at its level;
     *     centred on the point for bootstrap models), or null for a model without draws
     * @param upper the upper end, or null
     */
    record Curve(String channel, double[] spend, double[] response, double current, Optional<Double> recommended,
            double[] lower, double[] upper) {
    }

    final ReportInput input;
    final AnalysisResult result;
    final Round best;
    final FittedModel primary;
    final MmmDataset data;
    final Findings findings;
    /** The experiments (lift tests) against every model of the best round, with intervals; empty without tests. */
    final List<ExperimentComparison> experiments;
    final Narrative narrative;
    final List<LocalDate> dates;
    final int holdout;
    /** Per period, summed over geos. */
    final double[] actual;
    /** Per period, summed over geos. */
    final double[] predicted;
    /** Stacked-chart groups: the structural components, "controls", "events", then each channel. */
    final List<String> groups = new ArrayList<>();
    /** {@code groupSeries.get(k)[t]}: group k in period t, summed over geos. */
    final List<double[]> groupSeries = new ArrayList<>();
    /** Sum over every row of every component that is not media. */
    final double baseTotal;
    /** Per channel (data order), its total contribution over every row. */
    final double[] channelTotals;
    /** Sum of the prediction over every row. */
    final double predictedTotal;
    final List<Curve> curves = new ArrayList<>();

    ReportData(ReportInput input, Narrator narrator) {
        this.input = input;
        this.result = input.result();
        this.best = result.bestRound();
        this.primary = result.primaryModel();
        this.data = primary.data();
        this.findings = Findings.of(input);
        this.experiments = ExperimentComparison.of(best.models(), AutoAnalysis.experiments(best.config()), true);
        this.narrative = Objects.requireNonNull(narrator.narrate(findings), "the narrator returned null");
        this.dates = data.time().dates();
        this.holdout = primary.holdout();
        int nt = data.nPeriods();
        int ng = data.nGeos();
        int nc = data.nChannels();
        Decomposition d = primary.decompose(data);
        double[] pred = d.predicted();
        actual = new double[nt];
        predicted = new double[nt];
        for (int g = 0; g < ng; g++) {
            for (int t = 0; t < nt; t++) {
                actual[t] += data.kpi(g * nt + t);
                predicted[t] += pred[g * nt + t];
            }
        }
        List<String> comps = d.components();
        int nk = comps.size();
        int firstMedia = nk - nc;
        int firstEvent = firstMedia - data.nEvents();
        int firstControl = firstEvent - data.nControls();
        double[] controls = new double[nt];
        double[] events = new double[nt];
        channelTotals = new double[nc];
        double base = 0;
        double total = 0;
        List<double[]> structural = new ArrayList<>();
        for (int k = 0; k < firstControl; k++) {
            structural.add(new double[nt]);
        }
        List<double[]> media = new ArrayList<>();
        for (int c = 0; c < nc; c++) {
            media.add(new double[nt]);
        }
        for (int g = 0; g < ng; g++) {
            for (int t = 0; t < nt; t++) {
                int row = g * nt + t;
                total += pred[row];
                for (int k = 0; k < nk; k++) {
                    double v = d.value(row, k);
                    if (k >= firstMedia) {
                        media.get(k - firstMedia)[t] += v;
                        channelTotals[k - firstMedia] += v;
                    } else {
                        base += v;
                        if (k >= firstEvent) {
                            events[t] += v;
                        } else if (k >= firstControl) {
                            controls[t] += v;
                        } else {
                            structural.get(k)[t] += v;
                        }
                    }
                }
            }
        }
        baseTotal = base;
        predictedTotal = total;
        for (int k = 0; k < firstControl; k++) {
            groups.add(comps.get(k));
            groupSeries.add(structural.get(k));
        }
        if (data.nControls() > 0) {
            groups.add("controls");
            groupSeries.add(controls);
        }
        if (data.nEvents() > 0) {
            groups.add("events");
            groupSeries.add(events);
        }
        for (int c = 0; c < nc; c++) {
            groups.add(data.channels().get(c));
            groupSeries.add(media.get(c));
        }
        for (int c = 0; c < nc; c++) {
            String name = data.channels().get(c);
            Optional<PlanRow> row = input.plan().flatMap(p -> p.row(name));
            int horizon = input.plan().map(BudgetPlan::periods).orElse(1);
            double current = row.map(x -> x.currentSpend() / horizon).orElse(data.totalSpend(c) / nt);
            Optional<Double> rec = row.map(x -> x.optimalSpend() / horizon);
            double max = Math.max(2 * current, 1.25 * rec.orElse(0.0));
            if (!(max > 0)) {
                max = 1;
            }
            double[] x = new double[CURVE_POINTS];
            double[] y = new double[CURVE_POINTS];
            for (int i = 0; i < CURVE_POINTS; i++) {
                x[i] = max * i / (CURVE_POINTS - 1);
                y[i] = primary.response(c, x[i]);
            }
            double[] lo = null;
            double[] hi = null;
            int nd = primary.drawCount();
            if (nd > 1) {
                lo = new double[CURVE_POINTS];
                hi = new double[CURVE_POINTS];
                double[][] perDraw = new double[CURVE_POINTS][nd];
                for (int k = 0; k < nd; k++) {
                    FittedModel m = primary.draw(k);
                    for (int i = 0; i < CURVE_POINTS; i++) {
                        perDraw[i][k] = m.response(c, x[i]);
                    }
                }
                for (int i = 0; i < CURVE_POINTS; i++) {
                    Interval iv = primary.hasPoint() ? Interval.around(perDraw[i], primary.intervalLevel(), y[i])
                            : Interval.of(perDraw[i], primary.intervalLevel());
                    lo[i] = iv.lower();
                    hi[i] = iv.upper();
                }
            }
            curves.add(new Curve(name, x, y, current, rec, lo, hi));
        }
    }

    /** @return the index of the first holdout period ({@code nPeriods} without a holdout) */
    int holdoutStart() {
        return dates.size() - holdout;
    }
}
