package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted model set up for planning a future horizon of {@code H} periods after its data: the baseline plan, each
 * channel's flighting, and the evaluation of any {@link SpendPlan} (what-if scenarios). Immutable and thread-safe.
 *
 * <p><b>Carryover.</b> Plans are evaluated on {@code model.data().extend(H, plan, controls, events)}: adstock
 * carries historical spend into the horizon. The KPI of a plan is summed over the horizon's rows (every geo).
 *
 * <p><b>Defaults.</b> The baseline plan repeats each channel's spend of the last {@code H} observed periods (per
 * geo); with fewer observed periods than {@code H}, each channel spends its historical mean per period, flat. A
 * channel's flighting (how a horizon total is spread over periods and geos; weights sum to 1) is its baseline shape,
 * or, if the baseline spends nothing on it, flat over periods with the channel's historical geo shares. Future
 * controls stay at their last observed value; no future events.
 *
 * <p><b>Expectation and uncertainty.</b> Expected values are the model's point estimate as {@link FittedModel}
 * defines it (the point row, or the mean over the draws for a model without one); intervals repeat the computation
 * per draw, and for a model with a point row are centred on it as {@link Interval#around} does, so the expected
 * value lies inside its interval.
 *
 * <p><b>Evaluation.</b> Every {@link FittedModel} is evaluated on the exact fast path, which runs the transforms of
 * each draw directly (see {@link ChannelResponse}); {@link Builder#genericPath(boolean)} forces the slower path through
 * {@link FittedModel#channelContribution} and {@link FittedModel#predict}, which gives the same numbers (a check).
 */
public final class PlanningModel {

    private final FittedModel model;
    private final MmmDataset history;
    private final int horizon;
    private final double[][] flighting;
    private final SpendPlan baseline;
    private final Kernel kernel;
    /** The history extended by the horizon with no spend (future controls and events as built). */
    private final MmmDataset extended;
    private final ChannelResponse[] expected;
    /** zero[d + 1][c]: contribution with no horizon spend. */
    private final double[][] zero;

    private PlanningModel(Builder b) {
        this.model = b.model;
        this.history = model.data();
        this.horizon = b.horizon;
        int nc = history.nChannels();
        int ng = history.nGeos();
        this.baseline = b.baseline != null ? checkPlan(b.baseline) : defaultBaseline();
        this.flighting = new double[nc][];
        for (int c = 0; c < nc; c++) {
            String name = history.channels().get(c);
            flighting[c] = b.flighting.containsKey(name) ? normalise(name, b.flighting.get(name), c)
                    : defaultFlighting(c);
        }
        for (String name : b.flighting.keySet()) {
            history.channelIndex(name);
        }
        double[] futureSpend = new double[ng * horizon * nc];
        if (b.futureControls != null) {
            Checks.checkLength("futureControls", b.futureControls, ng * horizon * history.nControls());
        }
        MmmDataset zeroExtended = history.extend(horizon, futureSpend, b.futureControls, b.futureEvents);
        this.extended = zeroExtended;
        if (!b.generic) {
            kernel = LinearKernel.of(model, history, zeroExtended, horizon, flighting);
        } else {
            double[] typical = new double[nc];
            for (int c = 0; c < nc; c++) {
                typical[c] = history.totalSpend(c) / history.nPeriods() * horizon;
            }
            kernel = new GenericKernel(model, history, zeroExtended, horizon, flighting, typical);
        }
        expected = new ChannelResponse[nc];
        for (int c = 0; c < nc; c++) {
            expected[c] = kernel.response(-1, c);
        }
        int nd = kernel.drawCount();
        zero = new double[nd + 1][nc];
        double[] none = new double[ng * horizon];
        for (int d = -1; d < nd; d++) {
            for (int c = 0; c < nc; c++) {
                zero[d + 1][c] = kernel.contribution(d, c, none);
            }
        }
    }

    /**
     * A planning model with every default (see the class comment).
     *
     * @param model the fitted model
     * @param horizon the number of future periods, at least 1
     * @return the planning model
     */
    public static PlanningModel of(FittedModel model, int horizon) {
        return builder(model, horizon).build();
    }

    /**
     * @param model the fitted model
     * @param horizon the number of future periods, at least 1
     * @return a builder with every default
     */
    public static Builder builder(FittedModel model, int horizon) {
        return new Builder(model, horizon);
    }

    private SpendPlan checkPlan(SpendPlan p) {
        Checks.checkArgument(p.channels().equals(history.channels()), "the plan's channels %s are not the model's %s",
                p.channels(), history.channels());
        Checks.checkArgument(p.geos().equals(history.geos()), "the plan's geos %s are not the model's %s", p.geos(),
                history.geos());
        Checks.checkArgument(p.periods() == horizon, "the plan has %d periods; the horizon is %d", p.periods(),
                horizon);
        return p;
    }

    private SpendPlan defaultBaseline() {
        int nc = history.nChannels();
        int ng = history.nGeos();
        int nt = history.nObservedPeriods();
        int stride = history.nPeriods();
        double[] s = new double[ng * horizon * nc];
        for (int g = 0; g < ng; g++) {
            for (int c = 0; c < nc; c++) {
                double mean = 0;
                for (int t = 0; t < nt; t++) {
                    mean += history.spend(g * stride + t, c) / nt;
                }
                for (int h = 0; h < horizon; h++) {
                    s[(g * horizon + h) * nc + c] = horizon <= nt ? history.spend(g * stride + nt - horizon + h, c)
                            : mean;
                }
            }
        }
        return new SpendPlan(history.channels(), history.geos(), horizon, s);
    }

    private double[] defaultFlighting(int c) {
        double[] s = baseline.channelSeries(c);
        double total = baseline.channelTotal(c);
        if (total > 0) {
            for (int r = 0; r < s.length; r++) {
                s[r] /= total;
            }
            return s;
        }
        int ng = history.nGeos();
        int nt = history.nPeriods();
        double all = history.totalSpend(c);
        for (int g = 0; g < ng; g++) {
            double geo = 0;
            for (int t = 0; t < nt; t++) {
                geo += history.spend(g * nt + t, c);
            }
            double share = all > 0 ? geo / all : 1.0 / ng;
            for (int h = 0; h < horizon; h++) {
                s[g * horizon + h] = share / horizon;
            }
        }
        return s;
    }

    private double[] normalise(String name, double[] pattern, int c) {
        int ng = history.nGeos();
        double[] p;
        if (pattern.length == ng * horizon) {
            p = pattern.clone();
        } else {
            Checks.checkArgument(pattern.length == horizon,
                    "flighting of '%s' has length %d; expected %d (periods) or %d (geos x periods)", name,
                    pattern.length, horizon, ng * horizon);
            p = new double[ng * horizon];
            double[] shares = geoShares(c);
            for (int g = 0; g < ng; g++) {
                for (int h = 0; h < horizon; h++) {
                    p[g * horizon + h] = pattern[h] * shares[g];
                }
            }
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            Checks.checkArgument(Double.isFinite(p[i]) && p[i] >= 0, "flighting of '%s'[%d] = %s; must be finite and >= 0",
                    name, i, p[i]);
            sum += p[i];
        }
        Checks.checkArgument(sum > 0, "flighting of '%s' is all zero", name);
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private double[] geoShares(int c) {
        int ng = history.nGeos();
        int nt = history.nPeriods();
        double[] s = new double[ng];
        double all = history.totalSpend(c);
        for (int g = 0; g < ng; g++) {
            for (int t = 0; t < nt; t++) {
                s[g] += history.spend(g * nt + t, c);
            }
            s[g] = all > 0 ? s[g] / all : 1.0 / ng;
        }
        return s;
    }

    /** @return the history extended by the horizon, with no spend in it (package use: {@link Simulator}) */
    MmmDataset extended() {
        return extended;
    }

    /** @return the evaluation kernel (package use: {@link Simulator}) */
    Kernel kernel() {
        return kernel;
    }

    /**
     * @param c a channel index
     * @return the channel's typical horizon spend: its historical mean per period times the horizon
     */
    double typicalSpend(int c) {
        return history.totalSpend(c) / history.nPeriods() * horizon;
    }

    /** @return the fitted model */
    public FittedModel model() {
        return model;
    }

    /** @return the number of horizon periods */
    public int horizon() {
        return horizon;
    }

    /** @return the channel names, in the model's order */
    public List<String> channels() {
        return history.channels();
    }

    /** @return the number of channels */
    public int nChannels() {
        return history.nChannels();
    }

    /** @return the baseline plan */
    public SpendPlan baseline() {
        return baseline;
    }

    /** @return the number of draws behind intervals, 0 for a point model */
    public int drawCount() {
        return kernel.drawCount();
    }

    /** @return the nominal coverage of intervals: the model's {@code intervalLevel()} */
    public double intervalLevel() {
        return model.intervalLevel();
    }

    /**
     * @param c a channel index
     * @return a copy of the channel's flighting, {@code w[g * H + h]}, summing to 1
     */
    public double[] flighting(int c) {
        return flighting[c].clone();
    }

    /**
     * The expected response of a channel to its horizon total, spread by its flighting.
     *
     * @param c a channel index
     * @return the response
     */
    public ChannelResponse response(int c) {
        return expected[Objects.checkIndex(c, expected.length)];
    }

    /**
     * @param channel a channel's name
     * @return {@link #response(int)} of that channel
     * @throws IllegalArgumentException naming the channels if there is no such channel
     */
    public ChannelResponse response(String channel) {
        return response(history.channelIndex(channel));
    }

    /**
     * @param channel a channel's name
     * @return {@link #flighting(int)} of that channel
     * @throws IllegalArgumentException naming the channels if there is no such channel
     */
    public double[] flighting(String channel) {
        return flighting(history.channelIndex(channel));
    }

    /**
     * The response of a channel under one draw.
     *
     * @param draw a draw in {@code [0, drawCount())}
     * @param c a channel index
     * @return the response
     */
    public ChannelResponse response(int draw, int c) {
        Objects.checkIndex(draw, kernel.drawCount());
        Objects.checkIndex(c, expected.length);
        return kernel.response(draw, c);
    }

    /**
     * The plan that spends {@code totals[c]} on each channel, spread by the flighting.
     *
     * @param totals (input) not modified; horizon total per channel, finite and non-negative
     * @return the plan
     */
    public SpendPlan plan(double[] totals) {
        int nc = nChannels();
        Checks.checkLength("totals", totals, nc);
        int rows = history.nGeos() * horizon;
        double[] s = new double[rows * nc];
        for (int c = 0; c < nc; c++) {
            Checks.checkArgument(Double.isFinite(totals[c]) && totals[c] >= 0, "totals[%d] = %s; must be finite and >= 0",
                    c, totals[c]);
            for (int r = 0; r < rows; r++) {
                s[r * nc + c] = totals[c] * flighting[c][r];
            }
        }
        return new SpendPlan(history.channels(), history.geos(), horizon, s);
    }

    /**
     * The expected KPI over the horizon of a plan: the non-media prediction plus each channel's contribution.
     *
     * @param plan a plan over this horizon
     * @return the expected KPI
     */
    public double expectedKpi(SpendPlan plan) {
        return kpi(-1, checkPlan(plan));
    }

    /**
     * The expected KPI over the horizon without media effects (neither horizon spend nor historical carryover).
     *
     * @return the non-media KPI
     */
    public double nonMediaKpi() {
        return kernel.nonMedia(-1);
    }

    /**
     * @param draw -1 for the expectation, else a draw index
     * @param c a channel
     * @return the channel's contribution over the horizon with no horizon spend (carryover of history only)
     */
    double zeroContribution(int draw, int c) {
        return zero[draw + 1][c];
    }

    /**
     * @param c a channel
     * @param series (input) not modified; the channel's horizon spend {@code series[g * H + h]}
     * @return the expected contribution over the horizon
     */
    double expectedContribution(int c, double[] series) {
        return kernel.contribution(-1, c, series);
    }

    private double kpi(int d, SpendPlan plan) {
        double s = kernel.nonMedia(d);
        for (int c = 0; c < nChannels(); c++) {
            s += kernel.contribution(d, c, plan.channelSeries(c));
        }
        return s;
    }

    /**
     * Applies edits to the baseline plan and evaluates the result against the baseline.
     *
     * @param changes the edits, applied in order
     * @return the scenario
     */
    public ScenarioResult whatIf(SpendChange... changes) {
        SpendPlan p = baseline;
        for (SpendChange ch : changes) {
            p = Objects.requireNonNull(ch, "change").apply(p, this);
        }
        return evaluate(p, baseline);
    }

    /**
     * Evaluates a plan against the baseline.
     *
     * @param plan a plan over this horizon
     * @return the scenario
     */
    public ScenarioResult evaluate(SpendPlan plan) {
        return evaluate(plan, baseline);
    }

    /**
     * Evaluates a plan against a reference plan: expected KPI, incremental KPI, incremental and marginal ROI and
     * per-channel outcomes, each with an interval over the draws when the model has draws.
     *
     * @param plan a plan over this horizon
     * @param reference the plan to compare against
     * @return the scenario
     */
    public ScenarioResult evaluate(SpendPlan plan, SpendPlan reference) {
        checkPlan(Objects.requireNonNull(plan, "plan"));
        checkPlan(Objects.requireNonNull(reference, "reference"));
        int nc = nChannels();
        int nd = kernel.drawCount();
        double level = model.intervalLevel();
        double[][] series = new double[nc][];
        double[][] refSeries = new double[nc][];
        for (int c = 0; c < nc; c++) {
            series[c] = plan.channelSeries(c);
            refSeries[c] = reference.channelSeries(c);
        }
        // contrib[d + 1][c]
        double[][] contrib = new double[nd + 1][nc];
        double[] kpi = new double[nd + 1];
        double[] refKpi = new double[nd + 1];
        for (int d = -1; d < nd; d++) {
            double k = kernel.nonMedia(d);
            double rk = k;
            for (int c = 0; c < nc; c++) {
                contrib[d + 1][c] = kernel.contribution(d, c, series[c]);
                k += contrib[d + 1][c];
                rk += kernel.contribution(d, c, refSeries[c]);
            }
            kpi[d + 1] = k;
            refKpi[d + 1] = rk;
        }
        double[] mroi = new double[nc];
        for (int c = 0; c < nc; c++) {
            mroi[c] = marginal(c, series[c], plan.channelTotal(c));
        }
        return ScenarioResult.assemble(plan, reference, contrib, kpi, refKpi, zero, mroi, level, model.hasPoint());
    }

    /**
     * d contribution / d spend along the series' own shape (the flighting at zero spend). At zero spend it is the slope
     * of the secant over the first {@code 1e-6} of the channel's typical horizon spend (historical mean per period times
     * the horizon): the derivative itself is unbounded for a Hill slope below 1 wherever no carryover reaches, and the
     * secant stays finite.
     */
    private double marginal(int c, double[] series, double total) {
        if (total <= 0) {
            // the secant of the exact contribution (the expected response is tabulated for a large posterior, and
            // its derivative at 0 is then an interpolant's); Simulator computes the same
            double step = 1e-6 * Math.max(typicalSpend(c), Double.MIN_NORMAL);
            double[] up = new double[series.length];
            for (int r = 0; r < up.length; r++) {
                up[r] = step * flighting[c][r];
            }
            return (kernel.contribution(-1, c, up) - kernel.contribution(-1, c, new double[series.length])) / step;
        }
        double e = 1e-4;
        double[] up = new double[series.length];
        double[] down = new double[series.length];
        for (int r = 0; r < series.length; r++) {
            up[r] = series[r] * (1 + e);
            down[r] = series[r] * (1 - e);
        }
        return (kernel.contribution(-1, c, up) - kernel.contribution(-1, c, down)) / (2 * e * total);
    }

    /** Builds a {@link PlanningModel}. */
    public static final class Builder {
        private final FittedModel model;
        private final int horizon;
        private final Map<String, double[]> flighting = new LinkedHashMap<>();
        private SpendPlan baseline;
        private double[] futureControls;
        private double[] futureEvents;
        private boolean generic;

        private Builder(FittedModel model, int horizon) {
            this.model = Objects.requireNonNull(model, "model");
            this.horizon = Checks.checkPositive("horizon", horizon);
        }

        /**
         * Sets the shape of a channel's horizon spend.
         *
         * @param channel the channel
         * @param pattern (input) copied; non-negative weights per period (length {@code H}, split across geos by the
         *     channel's historical geo shares) or per geo and period ({@code G * H}); normalised to sum 1
         * @return this builder
         */
        public Builder flighting(String channel, double[] pattern) {
            flighting.put(Objects.requireNonNull(channel, "channel"), pattern.clone());
            return this;
        }

        /**
         * @param plan the baseline plan (the reference of scenarios and the "current" allocation of the optimizer)
         * @return this builder
         */
        public Builder baseline(SpendPlan plan) {
            this.baseline = Objects.requireNonNull(plan, "plan");
            return this;
        }

        /**
         * @param values (input) copied; {@code values[(g * H + h) * nControls + k]}, or null to hold controls at their
         *     last observed value
         * @return this builder
         */
        public Builder futureControls(double[] values) {
            this.futureControls = values == null ? null : values.clone();
            return this;
        }

        /**
         * @param values (input) copied; {@code values[(g * H + h) * nEvents + e]} (0 or 1), or null for none
         * @return this builder
         */
        public Builder futureEvents(double[] values) {
            this.futureEvents = values == null ? null : values.clone();
            return this;
        }

        /**
         * Forces the generic evaluation path ({@code channelContribution} and {@code predict}) even for linear
         * models; for validation, slower.
         *
         * @param generic whether to force the generic path
         * @return this builder
         */
        public Builder genericPath(boolean generic) {
            this.generic = generic;
            return this;
        }

        /** @return the planning model */
        public PlanningModel build() {
            return new PlanningModel(this);
        }
    }
}
