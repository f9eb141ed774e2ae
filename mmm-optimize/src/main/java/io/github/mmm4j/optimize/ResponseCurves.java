package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.models.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tables of response curves and of the budget efficiency frontier over a planning horizon.
 */
public final class ResponseCurves {

    private ResponseCurves() {
    }

    /**
     * Each channel's response curve over the horizon: for spend {@code x} from 0 to {@code maxMultiple} times the
     * channel's baseline spend (its historical mean over the horizon if the baseline spends nothing), in
     * {@code points} equal steps, the columns {@code channel, spend, contribution, incremental, roi, mroi} (with
     * {@code incremental = f(x) - f(0)}, {@code roi = incremental / x} (0 at {@code x = 0}), {@code mroi = f'(x)}, or where {@code f'(x)} is unbounded (at zero
     * spend for a Hill slope below 1 and no carryover) the slope of the secant to the next point) and,
     * when the model has draws, {@code incremental_lower, incremental_upper}.
     *
     * @param model the planning model
     * @param points the number of steps, at least 1 (each channel gets {@code points + 1} rows)
     * @param maxMultiple the largest spend as a multiple of the baseline spend, positive
     * @return the table
     */
    public static Table curves(PlanningModel model, int points, double maxMultiple) {
        Objects.requireNonNull(model, "model");
        Checks.checkPositive("points", points);
        Checks.checkPositive("maxMultiple", maxMultiple);
        int nd = model.drawCount();
        List<String> header = new ArrayList<>(List.of("channel", "spend", "contribution", "incremental", "roi", "mroi"));
        if (nd > 0) {
            header.add("incremental_lower");
            header.add("incremental_upper");
        }
        List<List<Object>> rows = new ArrayList<>();
        var history = model.model().data();
        for (int c = 0; c < model.nChannels(); c++) {
            double ref = model.baseline().channelTotal(c);
            if (ref <= 0) {
                ref = history.totalSpend(c) / history.nPeriods() * model.horizon();
            }
            ChannelResponse f = model.response(c);
            double f0 = f.value(0);
            ChannelResponse[] draws = new ChannelResponse[nd];
            double[] d0 = new double[nd];
            for (int d = 0; d < nd; d++) {
                draws[d] = model.response(d, c);
                d0[d] = draws[d].value(0);
            }
            for (int i = 0; i <= points; i++) {
                double x = maxMultiple * ref * i / points;
                double v = f.value(x);
                double mroi = f.derivative(x);
                if (!Double.isFinite(mroi)) {
                    double next = maxMultiple * ref * (i + 1) / points;
                    mroi = next > x ? (f.value(next) - v) / (next - x) : 0.0;
                }
                List<Object> row = new ArrayList<>(List.of(model.channels().get(c), x, v, v - f0,
                        x > 0 ? (v - f0) / x : 0.0, mroi));
                if (nd > 0) {
                    double[] s = new double[nd];
                    for (int d = 0; d < nd; d++) {
                        s[d] = draws[d].value(x) - d0[d];
                    }
                    Interval iv = Interval.of(s, model.intervalLevel());
                    row.add(iv.lower());
                    row.add(iv.upper());
                }
                rows.add(row);
            }
        }
        return new Table(header, rows);
    }

    /**
     * The efficiency frontier as a table with columns {@code budget, expected_kpi, incremental_kpi, roi, mroi,
     * status}.
     *
     * @param points the frontier points
     * @return the table
     */
    public static Table frontierTable(List<FrontierPoint> points) {
        List<List<Object>> rows = new ArrayList<>();
        for (FrontierPoint p : points) {
            rows.add(List.of(p.budget(), p.expectedKpi(), p.incrementalKpi(), p.roi(), p.marginalRoi(),
                    p.status().name()));
        }
        return new Table(List.of("budget", "expected_kpi", "incremental_kpi", "roi", "mroi", "status"), rows);
    }

    /**
     * The efficiency frontier from {@code fromMultiple} to {@code toMultiple} times the current total spend, in
     * {@code points} equal steps, other constraints as given.
     *
     * @param model the planning model
     * @param constraints the constraints (their budget is ignored)
     * @param fromMultiple the smallest budget as a multiple of current spend, at least 0
     * @param toMultiple the largest, above {@code fromMultiple}
     * @param points the number of steps, at least 1
     * @return the frontier points of the feasible budgets
     */
    public static List<FrontierPoint> frontier(PlanningModel model, BudgetConstraints constraints, double fromMultiple,
            double toMultiple, int points) {
        return frontier(model, constraints, fromMultiple, toMultiple, points, f -> { });
    }

    /**
     * {@link #frontier(PlanningModel, BudgetConstraints, double, double, int)}, reporting progress.
     *
     * @param model the planning model
     * @param constraints the constraints (their budget is ignored)
     * @param fromMultiple the smallest budget as a multiple of current spend, at least 0
     * @param toMultiple the largest, above {@code fromMultiple}
     * @param points the number of steps, at least 1
     * @param progress called after each budget with the fraction done
     * @return the frontier points of the feasible budgets
     */
    public static List<FrontierPoint> frontier(PlanningModel model, BudgetConstraints constraints, double fromMultiple,
            double toMultiple, int points, java.util.function.DoubleConsumer progress) {
        Checks.checkNonNegative("fromMultiple", fromMultiple);
        Checks.checkArgument(toMultiple > fromMultiple, "toMultiple = %s; must be > fromMultiple = %s", toMultiple,
                fromMultiple);
        Checks.checkPositive("points", points);
        double total = model.baseline().total();
        double[] b = new double[points + 1];
        for (int i = 0; i <= points; i++) {
            b[i] = total * (fromMultiple + (toMultiple - fromMultiple) * i / points);
        }
        return BudgetOptimizer.frontier(model, constraints, b, OptimizerOptions.defaults(), progress);
    }
}
