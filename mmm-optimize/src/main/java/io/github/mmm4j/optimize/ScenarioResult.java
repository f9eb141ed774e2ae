package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.models.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The predicted outcome of a spend plan over the horizon, against a reference plan (by default the planning
 * model's baseline). Expected values are the mean over the model's draws (the point model without draws);
 * intervals, present when the model has draws, are equal-tailed quantiles over the draws at the model's
 * {@code intervalLevel()} of the same quantity computed per draw.
 *
 * <pre>
 *   incrementalKpi = kpi - referenceKpi
 *   incrementalRoi = incrementalKpi / (spend - referenceSpend)     (empty when the spends are equal)
 *   marginalRoi    = sum_c marginalRoi_c * spend_c / spend          (d kpi / d spend when every channel scales up)
 * </pre>
 *
 * @param plan the plan evaluated
 * @param reference the plan compared against
 * @param kpi the predicted KPI summed over the horizon's rows
 * @param kpiInterval interval of {@code kpi}
 * @param referenceKpi the predicted KPI of {@code reference}
 * @param referenceKpiInterval interval of {@code referenceKpi}
 * @param incrementalKpi {@code kpi - referenceKpi}
 * @param incrementalKpiInterval interval of the per-draw difference
 * @param spend the plan's total spend
 * @param referenceSpend the reference plan's total spend
 * @param incrementalRoi incremental KPI per unit of incremental spend; empty when the spends are equal
 * @param incrementalRoiInterval interval of the per-draw incremental ROI; empty without draws or without a spend
 *     difference
 * @param marginalRoi the plan's marginal ROI (formula above); 0 when the plan spends nothing
 * @param channels one outcome per channel, in channel order
 */
public record ScenarioResult(SpendPlan plan, SpendPlan reference, double kpi, Optional<Interval> kpiInterval,
        double referenceKpi, Optional<Interval> referenceKpiInterval, double incrementalKpi,
        Optional<Interval> incrementalKpiInterval, double spend, double referenceSpend, OptionalDouble incrementalRoi,
        Optional<Interval> incrementalRoiInterval, double marginalRoi, List<ChannelOutcome> channels) {

    /** Validates and copies. */
    public ScenarioResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(reference, "reference");
        Checks.checkFinite("kpi", kpi);
        Objects.requireNonNull(kpiInterval, "kpiInterval");
        Checks.checkFinite("referenceKpi", referenceKpi);
        Objects.requireNonNull(referenceKpiInterval, "referenceKpiInterval");
        Checks.checkFinite("incrementalKpi", incrementalKpi);
        Objects.requireNonNull(incrementalKpiInterval, "incrementalKpiInterval");
        Checks.checkNonNegative("spend", spend);
        Checks.checkNonNegative("referenceSpend", referenceSpend);
        Objects.requireNonNull(incrementalRoi, "incrementalRoi");
        Objects.requireNonNull(incrementalRoiInterval, "incrementalRoiInterval");
        Checks.checkFinite("marginalRoi", marginalRoi);
        channels = List.copyOf(channels);
    }

    /**
     * @param name a channel name
     * @return its outcome
     * @throws IllegalArgumentException if there is no such channel
     */
    public ChannelOutcome channel(String name) {
        for (ChannelOutcome c : channels) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no channel '" + name + "' in the scenario");
    }

    /** Spends closer than this (relative) are the same spend: the scenario has no ROI of a change. */
    static final double SAME_SPEND = 1e-10;

    /**
     * A scenario from per-draw figures, as {@link PlanningModel} and {@link Simulator} both compute it: expected values
     * from row 0 of each array, intervals at {@code level} over rows {@code 1..D} (centred on the expectation when
     * {@code centred}, {@link Interval#around}, else equal-tailed).
     *
     * @param plan the plan evaluated
     * @param reference the plan it is compared with
     * @param contrib {@code contrib[d + 1][c]}: channel contributions under the plan
     * @param kpi {@code kpi[d + 1]}: the KPI under the plan
     * @param refKpi {@code refKpi[d + 1]}: the KPI under the reference
     * @param zero {@code zero[d + 1][c]}: contributions without horizon spend (carryover of history only)
     * @param mroi each channel's marginal ROI at the plan
     * @param level the intervals' level
     * @param centred whether intervals are centred on the expectation
     * @return the scenario
     */
    static ScenarioResult assemble(SpendPlan plan, SpendPlan reference, double[][] contrib, double[] kpi,
            double[] refKpi, double[][] zero, double[] mroi, double level, boolean centred) {
        return assemble(plan, reference, contrib, kpi, refKpi, zero, mroi, level, centred, null);
    }

    /**
     * As {@link #assemble(SpendPlan, SpendPlan, double[][], double[], double[], double[][], double[], double,
     * boolean)}, with a part of the KPI's change that spend did not cause (a price change): it stays in the KPI and
     * its change, and is left out of the return on the change in spend.
     *
     * @param notSpend {@code notSpend[d + 1]}: that part, or null for none
     */
    static ScenarioResult assemble(SpendPlan plan, SpendPlan reference, double[][] contrib, double[] kpi,
            double[] refKpi, double[][] zero, double[] mroi, double level, boolean centred, double[] notSpend) {
        int nc = plan.channels().size();
        int nd = kpi.length - 1;
        double spend = plan.total();
        double refSpend = reference.total();
        double dSpend = spend - refSpend;
        if (Math.abs(dSpend) <= SAME_SPEND * Math.max(1, refSpend)) {
            // the same spend, up to rounding in spreading it over periods and geos: no ROI of a change
            dSpend = 0;
        }
        List<ChannelOutcome> outs = new ArrayList<>(nc);
        double mSum = 0;
        for (int c = 0; c < nc; c++) {
            double total = plan.channelTotal(c);
            mSum += mroi[c] * total;
            double inc = contrib[0][c] - zero[0][c];
            Optional<Interval> ci = Optional.empty();
            Optional<Interval> ii = Optional.empty();
            if (nd > 0) {
                double[] a = new double[nd];
                double[] b = new double[nd];
                for (int d = 0; d < nd; d++) {
                    a[d] = contrib[d + 1][c];
                    b[d] = contrib[d + 1][c] - zero[d + 1][c];
                }
                ci = Optional.of(interval(a, level, contrib[0][c], centred));
                ii = Optional.of(interval(b, level, inc, centred));
            }
            outs.add(new ChannelOutcome(plan.channels().get(c), total, contrib[0][c], ci, inc, ii,
                    total > 0 ? OptionalDouble.of(inc / total) : OptionalDouble.empty(), mroi[c]));
        }
        double incKpi = kpi[0] - refKpi[0];
        double spendInc = incKpi - (notSpend == null ? 0 : notSpend[0]);
        Optional<Interval> ki = Optional.empty();
        Optional<Interval> rki = Optional.empty();
        Optional<Interval> ini = Optional.empty();
        Optional<Interval> roii = Optional.empty();
        if (nd > 0) {
            double[] k = Arrays.copyOfRange(kpi, 1, nd + 1);
            double[] rk = Arrays.copyOfRange(refKpi, 1, nd + 1);
            double[] inc = new double[nd];
            double[] roi = new double[nd];
            for (int d = 0; d < nd; d++) {
                inc[d] = k[d] - rk[d];
                roi[d] = (inc[d] - (notSpend == null ? 0 : notSpend[d + 1])) / dSpend;
            }
            ki = Optional.of(interval(k, level, kpi[0], centred));
            rki = Optional.of(interval(rk, level, refKpi[0], centred));
            ini = Optional.of(interval(inc, level, incKpi, centred));
            if (dSpend != 0) {
                roii = Optional.of(interval(roi, level, spendInc / dSpend, centred));
            }
        }
        return new ScenarioResult(plan, reference, kpi[0], ki, refKpi[0], rki, incKpi, ini, spend, refSpend,
                dSpend != 0 ? OptionalDouble.of(spendInc / dSpend) : OptionalDouble.empty(), roii,
                spend > 0 ? mSum / spend : 0, outs);
    }

    /**
     * The interval of a quantity over the draws, as {@code FittedModel} gives its own: for a model with a point
     * estimate (ridge and NNLS with bootstrap draws) the bootstrap quantiles centred on the point
     * ({@link Interval#around}), so the point lies inside; otherwise the equal-tailed posterior interval.
     */
    static Interval interval(double[] sample, double level, double point, boolean centred) {
        return centred ? Interval.around(sample, level, point) : Interval.of(sample, level);
    }
}
