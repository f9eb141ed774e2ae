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
        List<CurveGroup> groups = new ArrayList<>();
        for (String c : model.channels()) {
            groups.add(new CurveGroup(List.of(c), List.of(c)));
        }
        return curves(model, List.of("channel"), groups, points, maxMultiple, true);
    }

    /**
     * Channels of a planning model whose spend moves together, in the proportions of the baseline plan: on a
     * model split by geo ({@code FittedModel.byGeo()}) one channel's cells in one brand, one region or all geos.
     *
     * @param labels the group's values of the table's label columns
     * @param members the planning model's channels in the group, at least one, each once
     */
    public record CurveGroup(List<String> labels, List<String> members) {

        /** Copies the lists and checks them. */
        public CurveGroup {
            labels = List.copyOf(labels);
            members = List.copyOf(members);
            Checks.checkArgument(!members.isEmpty(), "a curve group needs at least one member");
            Checks.checkArgument(new java.util.HashSet<>(members).size() == members.size(),
                    "curve group %s names a member twice: %s", labels, members);
        }
    }

    /**
     * The response curve of each group of channels over the horizon: the group's total spend {@code x} is shared
     * among its members in their baseline proportions {@code w_c} (each member's share of the group's baseline
     * spend, or of its historical mean spend over the horizon when the group's baseline spends nothing), so that
     * {@code f(x) = sum_c f_c(w_c x)} and {@code f'(x) = sum_c w_c f_c'(w_c x)}; on a model split by geo the curve of
     * one channel over all geos is the unsplit model's curve of that channel, which moves the channel's total at
     * its current geo split. {@code x} runs from 0 to {@code maxMultiple} times the group's reference spend in
     * {@code points} equal steps; the columns are the label columns, then {@code spend, contribution, incremental,
     * roi, mroi} and, with draws, {@code incremental_lower, incremental_upper}, as in {@link #curves}; the interval is
     * taken over the draws of the group's sum, never by adding its members' intervals. A group whose members never
     * spent is left out.
     *
     * @param model the planning model
     * @param labelColumns the names of the label columns, one per value of each group's labels
     * @param groups the groups, in the order of the table
     * @param points the number of steps, at least 1 (each group gets {@code points + 1} rows)
     * @param maxMultiple the largest spend as a multiple of the group's reference spend, positive
     * @return the table
     * @throws IllegalArgumentException for a group whose labels do not match the columns or that names a channel the
     *         model does not have
     */
    public static Table groupCurves(PlanningModel model, List<String> labelColumns, List<CurveGroup> groups,
            int points, double maxMultiple) {
        return curves(model, labelColumns, groups, points, maxMultiple, false);
    }

    private static Table curves(PlanningModel model, List<String> labelColumns, List<CurveGroup> groups, int points,
            double maxMultiple, boolean keepSilent) {
        Objects.requireNonNull(model, "model");
        Checks.checkPositive("points", points);
        Checks.checkPositive("maxMultiple", maxMultiple);
        int nd = model.drawCount();
        List<String> header = new ArrayList<>(labelColumns);
        header.addAll(List.of("spend", "contribution", "incremental", "roi", "mroi"));
        if (nd > 0) {
            header.add("incremental_lower");
            header.add("incremental_upper");
        }
        List<List<Object>> rows = new ArrayList<>();
        var history = model.model().data();
        for (CurveGroup g : groups) {
            Checks.checkArgument(g.labels().size() == labelColumns.size(), "curve group %s has %s labels; the columns "
                    + "are %s", g.labels(), g.labels().size(), labelColumns);
            int k = g.members().size();
            int[] idx = new int[k];
            double[] w = new double[k];
            double ref = 0;
            for (int m = 0; m < k; m++) {
                idx[m] = model.channels().indexOf(g.members().get(m));
                Checks.checkArgument(idx[m] >= 0, "curve group %s names '%s', which is not a channel of the model",
                        g.labels(), g.members().get(m));
                w[m] = model.baseline().channelTotal(idx[m]);
                ref += w[m];
            }
            if (ref <= 0) {
                ref = 0;
                for (int m = 0; m < k; m++) {
                    w[m] = history.totalSpend(idx[m]) / history.nPeriods() * model.horizon();
                    ref += w[m];
                }
            }
            if (!(ref > 0)) {
                if (!keepSilent) {
                    continue;
                }
                java.util.Arrays.fill(w, 1.0 / k);
            } else {
                for (int m = 0; m < k; m++) {
                    w[m] /= ref;
                }
            }
            ChannelResponse[] f = new ChannelResponse[k];
            ChannelResponse[][] draws = new ChannelResponse[nd][k];
            double f0 = 0;
            double[] d0 = new double[nd];
            for (int m = 0; m < k; m++) {
                f[m] = model.response(idx[m]);
                f0 += f[m].value(0);
                for (int d = 0; d < nd; d++) {
                    draws[d][m] = model.response(d, idx[m]);
                    d0[d] += draws[d][m].value(0);
                }
            }
            for (int i = 0; i <= points; i++) {
                double x = maxMultiple * ref * i / points;
                double v = sum(f, w, x);
                double mroi = 0;
                for (int m = 0; m < k; m++) {
                    mroi += w[m] == 0 ? 0 : w[m] * f[m].derivative(w[m] * x);
                }
                if (!Double.isFinite(mroi)) {
                    double next = maxMultiple * ref * (i + 1) / points;
                    mroi = next > x ? (sum(f, w, next) - v) / (next - x) : 0.0;
                }
                List<Object> row = new ArrayList<>(g.labels());
                row.addAll(List.of(x, v, v - f0, x > 0 ? (v - f0) / x : 0.0, mroi));
                if (nd > 0) {
                    double[] s = new double[nd];
                    for (int d = 0; d < nd; d++) {
                        s[d] = sum(draws[d], w, x) - d0[d];
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

    /** {@code sum_m f_m(w_m x)}. */
    private static double sum(ChannelResponse[] f, double[] w, double x) {
        double v = 0;
        for (int m = 0; m < f.length; m++) {
            v += f[m].value(w[m] * x);
        }
        return v;
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
