package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.Design;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.transforms.Hill;
import io.github.mmm4j.transforms.Logistic;
import io.github.mmm4j.transforms.MichaelisMenten;
import io.github.mmm4j.transforms.Saturation;
import io.github.mmm4j.transforms.Sigmoid;
import io.github.mmm4j.transforms.Tanh;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The what-if computation of a {@link PlanningModel} in a form small enough to export: the exact response of every
 * channel to its horizon spend, per draw, as a list of saturation terms. The interactive simulator page evaluates
 * scenarios in the browser from exactly these numbers ({@link #terms}, {@link #beta}, ...), and {@code mmm whatif}
 * evaluates them here with {@link #evaluate(double[])}: the page and the library run one algorithm on one set of
 * numbers. Immutable and thread-safe.
 *
 * <p><b>The computation.</b> Adstock is linear, so channel {@code c}'s adstocked, scaled level in horizon row
 * {@code r} (geo and period) under a horizon total {@code x} spread by the channel's flighting is
 * {@code a[r] + x * b[r]}, where {@code a} is the carryover of historical spend and {@code b} the adstocked flighting
 * (both computed once per transform set, see {@link PlanningModel}). Draw {@code d}'s contribution is
 * {@code beta[d][c] * sum_r m[r] * sat(a[r] + x * b[r])}, with {@code m} the geo's effect multiplier (population
 * size times per-geo effect; 1 for a national model); the KPI adds the draw's non-media KPI over the horizon. Rows
 * where a channel has neither carryover nor flighting add exactly 0 and are left out. On a panel, spend can also be
 * given per channel and geo ({@link #evaluateByGeo}): a row of geo {@code g} then reads
 * {@code a[r] + x_g / s_g * b[r]}, where {@code x_g} is the channel's horizon total in the geo and {@code s_g} the
 * geo's share of the channel's flighting ({@link #geoShares}), so the channel keeps its shape over the geo's periods;
 * with {@code x_g = x * s_g} this is the channel-level computation.
 *
 * <p><b>Scenario.</b> A scenario gives each channel's spend per period; its horizon total is that times the horizon,
 * spread over periods and geos by the channel's flighting (the shape of its current plan). It is evaluated against
 * the current plan, exactly as {@link PlanningModel#evaluate(SpendPlan)} does: the expected KPI and contributions
 * (the point estimate, or the mean over the draws for a model without one), intervals over the draws at the model's
 * level (centred on the point for a model with one, {@link Interval#around}), each channel's incremental
 * contribution (over no horizon spend, carryover of history included in the contribution), ROI and marginal ROI
 * (the central difference over {@code +-1e-4} of the channel's total; at zero spend the secant over the first
 * {@code 1e-6} of its typical horizon spend).
 *
 * <p><b>Draws.</b> Every draw is kept while the terms stay within a budget ({@link #DEFAULT_MAX_TERMS}), so that the
 * page stays a few megabytes; a model with more is thinned to evenly spaced draws (at least {@value #MIN_DRAWS}, or
 * all if fewer). A model with a point estimate (ridge, NNLS) keeps it as its expectation; a posterior's expectation
 * is then the mean over the kept draws. {@link #modelDrawCount()} and {@link #drawCount()} say whether that
 * happened. Draws that share one set of transforms cost their coefficients only.
 */
public final class Simulator {

    /** The budget of saturation terms (transform sets times rows, summed over channels) kept before thinning. */
    public static final int DEFAULT_MAX_TERMS = 100_000;
    /** The fewest draws thinning keeps. */
    public static final int MIN_DRAWS = 200;

    private final PlanningModel pm;
    private final int nc;
    /** sat[k][c]. */
    private final Saturation[][] sat;
    /** terms[k][c] = {a, b, m}. */
    private final double[][][][] terms;
    /** geoOf[k][c][r]: the geo of term row r. */
    private final int[][][] geoOf;
    /** share[c][g]: the share of channel c's horizon spend in geo g (its flighting summed over the geo's periods). */
    private final double[][] share;
    private final int ng;
    /** The price's terms, or null for a model without price. */
    private final PriceTerms price;
    private final int[] setOf;
    private final double[][] beta;
    private final double[] nonMedia;
    /** weight[k][c]: the expectation's coefficient of set k. */
    private final double[][] weight;
    private final double expectedNonMedia;
    private final boolean centred;
    private final int modelDraws;
    private final double[] current;
    private final double[] typical;
    /** Cached: zero[d + 1][c], reference[d + 1][c] contributions. */
    private final double[][] zero;
    private final double[][] reference;

    private Simulator(PlanningModel pm, int maxTerms) {
        this.pm = pm;
        this.nc = pm.nChannels();
        if (!(pm.kernel() instanceof LinearKernel k)) {
            throw new IllegalArgumentException("the simulator needs the planning model's exact fast path; "
                    + "this one was built with genericPath(true)");
        }
        int nd = k.drawCount();
        modelDraws = nd;
        centred = pm.model().hasPoint();
        // terms of one set: every draw of a posterior has its own set, of about this size
        long perSet = 0;
        for (int c = 0; c < nc; c++) {
            perSet += k.terms(0, c)[0].length;
        }
        int keep = nd;
        if (k.setCount() > 1 && nd > 0 && perSet * nd > maxTerms) {
            keep = (int) Math.min(nd, Math.max(MIN_DRAWS, maxTerms / Math.max(1, perSet)));
        }
        int[] kept = new int[keep];
        for (int i = 0; i < keep; i++) {
            kept[i] = (int) ((long) i * nd / keep);
        }
        // the sets used: those of the kept draws, and the point's
        Map<Integer, Integer> remap = new LinkedHashMap<>();
        setOf = new int[keep];
        beta = new double[keep][nc];
        nonMedia = new double[keep];
        for (int i = 0; i < keep; i++) {
            int d = kept[i];
            setOf[i] = remap.computeIfAbsent(k.setOf(d), x -> remap.size());
            for (int c = 0; c < nc; c++) {
                beta[i][c] = k.beta(d, c);
            }
            nonMedia[i] = k.nonMedia(d);
        }
        // the expectation: the model's own (its point, or the mean over all draws) unless a posterior was thinned,
        // whose expectation is then the mean over the kept draws
        boolean meanOfKept = keep < nd && !centred;
        List<double[]> pointWeights = new ArrayList<>();
        List<Integer> pointSets = new ArrayList<>();
        if (!meanOfKept) {
            for (int s = 0; s < k.setCount(); s++) {
                double[] w = new double[nc];
                boolean any = false;
                for (int c = 0; c < nc; c++) {
                    w[c] = k.expectedWeight(s, c);
                    any |= w[c] != 0;
                }
                if (any) {
                    int ks = s;
                    pointSets.add(remap.computeIfAbsent(ks, x -> remap.size()));
                    pointWeights.add(w);
                }
            }
            expectedNonMedia = k.nonMedia(-1);
        } else {
            double s = 0;
            for (int i = 0; i < keep; i++) {
                s += nonMedia[i];
            }
            expectedNonMedia = s / keep;
        }
        int nsets = remap.size();
        weight = new double[nsets][nc];
        if (!meanOfKept) {
            for (int i = 0; i < pointSets.size(); i++) {
                weight[pointSets.get(i)] = pointWeights.get(i);
            }
        } else {
            for (int i = 0; i < keep; i++) {
                for (int c = 0; c < nc; c++) {
                    weight[setOf[i]][c] += beta[i][c] / keep;
                }
            }
        }
        sat = new Saturation[nsets][nc];
        terms = new double[nsets][nc][][];
        geoOf = new int[nsets][nc][];
        for (Map.Entry<Integer, Integer> e : remap.entrySet()) {
            for (int c = 0; c < nc; c++) {
                sat[e.getValue()][c] = k.saturation(e.getKey(), c);
                double[][] t = k.terms(e.getKey(), c);
                terms[e.getValue()][c] = new double[][] {t[0], t[1], t[2]};
                int[] geo = new int[t[3].length];
                for (int r = 0; r < geo.length; r++) {
                    geo[r] = (int) t[3][r];
                }
                geoOf[e.getValue()][c] = geo;
            }
        }
        ng = pm.model().data().nGeos();
        share = new double[nc][ng];
        for (int c = 0; c < nc; c++) {
            double[] f = pm.flighting(c);
            for (int g = 0; g < ng; g++) {
                for (int h = 0; h < pm.horizon(); h++) {
                    share[c][g] += f[g * pm.horizon() + h];
                }
            }
        }
        current = new double[nc];
        typical = new double[nc];
        for (int c = 0; c < nc; c++) {
            current[c] = pm.baseline().channelTotal(c) / pm.horizon();
            typical[c] = pm.typicalSpend(c);
        }
        price = pm.model().spec().price() == null ? null : new PriceTerms(pm, kept, centred || nd == 0);
        zero = contributions(cells(new double[nc]));
        reference = contributions(cells(current));
    }

    /**
     * The price in the horizon's KPI, for a price held at a multiple of the plan's future price (its last observed
     * value unless given). The model's price column of geo {@code g} is {@code level_g * f_k(ln(price / reference_g))}
     * with {@code f_k(x) = (e^(k x) - 1) / k} ({@code x} at {@code k = 0}; {@code k} the price group's curvature, see
     * {@code ModelSpec.Price}), so a multiple {@code m} of the price adds {@code ln m} to each log ratio and changes
     * the horizon's KPI by {@code sum_groups coef_group * (S_group(m) - S_group(1))}, {@code S} the group's column sum
     * over the horizon's rows.
     */
    private static final class PriceTerms {
        final String control;
        final int groups;
        final int[] groupOf;
        final double[] level;
        /** lr[g * H + h]: ln(price / reference_g) in horizon row h of geo g at the plan's price. */
        final double[] lr;
        final double[] curvature;
        /** coef[d][group] of the kept draws. */
        final double[][] coef;
        final double[] expectedCoef;
        final double meanPrice;

        PriceTerms(PlanningModel pm, int[] kept, boolean point) {
            FittedModel m = pm.model();
            ModelSpec.Price spec = m.spec().price();
            control = spec.control();
            MmmDataset ext = pm.extended();
            int g0 = ext.nGeos();
            int h = pm.horizon();
            int nt = ext.nPeriods() - h;
            int q = ext.controls().indexOf(control);
            groupOf = new int[g0];
            List<String> names = Design.priceGroups(ext.geos(), spec, groupOf);
            groups = names.size();
            int[] col = new int[groups];
            for (int b = 0; b < groups; b++) {
                col[b] = m.columnNames().indexOf(groups == 1 ? control : control + ":" + names.get(b));
                Checks.checkArgument(col[b] >= 0, "no price column for group '%s'", names.get(b));
            }
            level = m.frame().geoLevel();
            double[] ref = m.frame().priceReference();
            lr = new double[g0 * h];
            double sum = 0;
            for (int g = 0; g < g0; g++) {
                for (int p = 0; p < h; p++) {
                    double v = ext.control(g * (nt + h) + nt + p, q);
                    lr[g * h + p] = Math.log(v) - ref[g];
                    sum += v;
                }
            }
            meanPrice = sum / (g0 * h);
            curvature = new double[groups];
            for (int b = 0; b < groups; b++) {
                curvature[b] = spec.curvature(b);
            }
            coef = new double[kept.length][groups];
            expectedCoef = new double[groups];
            for (int i = 0; i < kept.length; i++) {
                double[] c = m.draw(kept[i]).coefficients();
                for (int b = 0; b < groups; b++) {
                    coef[i][b] = c[col[b]];
                    expectedCoef[b] += c[col[b]] / kept.length;
                }
            }
            if (point) {
                double[] c = m.coefficients();
                for (int b = 0; b < groups; b++) {
                    expectedCoef[b] = c[col[b]];
                }
            }
        }

        /** S_group(multiple) for every group. */
        double[] sums(double multiple) {
            double shift = Math.log(multiple);
            int h = lr.length / level.length;
            double[] out = new double[groups];
            for (int g = 0; g < level.length; g++) {
                double k = curvature[groupOf[g]];
                double s = 0;
                for (int p = 0; p < h; p++) {
                    double x = shift + lr[g * h + p];
                    s += k == 0 ? x : Math.expm1(k * x) / k;
                }
                out[groupOf[g]] += level[g] * s;
            }
            return out;
        }
    }

    /** @return whether the model has a price (and scenarios can move it) */
    public boolean hasPrice() {
        return price != null;
    }

    /**
     * The change in the horizon's KPI from holding the price at a multiple of the plan's price.
     *
     * @param d a kept draw, or -1 for the expectation
     * @param multiple the price multiple, finite and positive (1: the plan's price)
     * @return the change; 0 for a model without price at multiple 1
     */
    public double priceEffect(int d, double multiple) {
        Checks.checkArgument(Double.isFinite(multiple) && multiple > 0, "price multiple %s must be finite and > 0",
                multiple);
        if (price == null) {
            Checks.checkArgument(multiple == 1.0, "the model has no price; the price multiple must be 1");
            return 0;
        }
        return priceEffect(d, priceDelta(multiple));
    }

    /** S_group(multiple) - S_group(1) per group: the change in each price column's sum, shared by every draw. */
    private double[] priceDelta(double multiple) {
        double[] now = price.sums(1.0);
        double[] then = price.sums(multiple);
        for (int b = 0; b < price.groups; b++) {
            then[b] -= now[b];
        }
        return then;
    }

    private double priceEffect(int d, double[] delta) {
        double[] c = d < 0 ? price.expectedCoef : price.coef[d];
        double s = 0;
        for (int b = 0; b < price.groups; b++) {
            s += c[b] * delta[b];
        }
        return s;
    }

    /**
     * The interval of {@link #priceEffect} over the draws.
     *
     * @param multiple the price multiple, finite and positive
     * @return the interval, empty for a model without draws
     */
    public Optional<Interval> priceEffectInterval(double multiple) {
        double point = priceEffect(-1, multiple);
        if (beta.length == 0) {
            return Optional.empty();
        }
        if (price == null) {
            return Optional.of(new Interval(0, 0, level()));
        }
        double[] delta = priceDelta(multiple);
        double[] v = new double[beta.length];
        for (int d = 0; d < v.length; d++) {
            v[d] = priceEffect(d, delta);
        }
        return Optional.of(interval(v, point));
    }

    /**
     * @return per channel, the most the data spent on it in one period (summed over geos): a scenario beyond it reads
     *     the model outside its data
     */
    public double[] historyMaxSpend() {
        MmmDataset data = pm.model().data();
        int nt = data.nPeriods();
        double[] most = new double[nc];
        for (int c = 0; c < nc; c++) {
            for (int t = 0; t < nt; t++) {
                double v = 0;
                for (int g = 0; g < data.nGeos(); g++) {
                    v += data.spend(g * nt + t, c);
                }
                most[c] = Math.max(most[c], v);
            }
        }
        return most;
    }

    /** @return {@code {lowest, highest}} price in the data, or null without price */
    public double[] observedPriceRange() {
        if (price == null) {
            return null;
        }
        MmmDataset data = pm.model().data();
        int q = data.controls().indexOf(price.control);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < data.nRows(); r++) {
            lo = Math.min(lo, data.control(r, q));
            hi = Math.max(hi, data.control(r, q));
        }
        return new double[] {lo, hi};
    }

    /** @return the price control's name, or null without price */
    public String priceControl() {
        return price == null ? null : price.control;
    }

    /** @return the plan's mean price over the horizon's rows (for display), NaN without price */
    public double meanPrice() {
        return price == null ? Double.NaN : price.meanPrice;
    }

    /**
     * The price's terms for the page: per geo its group and level, per horizon row its log ratio, per group its
     * curvature, per kept draw and group its coefficient, and the expectation's coefficients.
     *
     * @return {@code {groupOf, level, lr, curvature, coef (flattened [d * groups + b]), expectedCoef}}, or null
     *     without price
     */
    public double[][] priceTerms() {
        if (price == null) {
            return null;
        }
        double[] groupOf = new double[price.groupOf.length];
        for (int g = 0; g < groupOf.length; g++) {
            groupOf[g] = price.groupOf[g];
        }
        double[] coef = new double[price.coef.length * price.groups];
        for (int d = 0; d < price.coef.length; d++) {
            System.arraycopy(price.coef[d], 0, coef, d * price.groups, price.groups);
        }
        return new double[][] {groupOf, price.level.clone(), price.lr.clone(), price.curvature.clone(), coef,
            price.expectedCoef.clone()};
    }

    /**
     * The simulator of a planning model with the default term budget.
     *
     * @param pm the planning model (built on its default fast path)
     * @return the simulator
     * @throws IllegalArgumentException if {@code pm} was built with {@code genericPath(true)}
     */
    public static Simulator of(PlanningModel pm) {
        return of(pm, DEFAULT_MAX_TERMS);
    }

    /**
     * @param pm the planning model (built on its default fast path)
     * @param maxTerms the budget of saturation terms before a posterior is thinned, at least 1
     * @return the simulator
     * @throws IllegalArgumentException if {@code pm} was built with {@code genericPath(true)}
     */
    public static Simulator of(PlanningModel pm, int maxTerms) {
        Objects.requireNonNull(pm, "pm");
        Checks.checkPositive("maxTerms", maxTerms);
        return new Simulator(pm, maxTerms);
    }

    /** @return the planning model */
    public PlanningModel planningModel() {
        return pm;
    }

    /** @return the channel names */
    public List<String> channels() {
        return pm.channels();
    }

    /** @return the horizon in periods */
    public int horizon() {
        return pm.horizon();
    }

    /** @return the draws kept (0 for a point model) */
    public int drawCount() {
        return beta.length;
    }

    /** @return the model's draws; more than {@link #drawCount()} when the posterior was thinned */
    public int modelDrawCount() {
        return modelDraws;
    }

    /** @return whether intervals are centred on the point estimate ({@link Interval#around}: ridge, NNLS) */
    public boolean centred() {
        return centred;
    }

    /** @return the nominal level of intervals */
    public double level() {
        return pm.intervalLevel();
    }

    /** @return the number of transform sets */
    public int setCount() {
        return sat.length;
    }

    /**
     * @param k a transform set
     * @param c a channel
     * @return the saturation of the channel in that set
     */
    public Saturation saturation(int k, int c) {
        return sat[k][c];
    }

    /**
     * @param k a transform set
     * @param c a channel
     * @return a copy of its terms {@code {a, b, m}}: carryover, adstocked flighting and multiplier per row
     */
    public double[][] terms(int k, int c) {
        double[][] t = terms[k][c];
        return new double[][] {t[0].clone(), t[1].clone(), t[2].clone()};
    }

    /**
     * @param k a transform set
     * @param c a channel
     * @return a copy of the geo index of each of its term rows
     */
    public int[] termGeos(int k, int c) {
        return geoOf[k][c].clone();
    }

    /** @return the geos, in the model's order */
    public List<String> geos() {
        return pm.model().data().geos();
    }

    /**
     * @param c a channel
     * @return a copy of the channel's share of its horizon spend in each geo (the current plan's split; sums to 1)
     */
    public double[] geoShares(int c) {
        return share[c].clone();
    }

    /**
     * @param d a kept draw
     * @return its transform set
     */
    public int setOf(int d) {
        return setOf[d];
    }

    /**
     * @param d a kept draw
     * @param c a channel
     * @return its coefficient
     */
    public double beta(int d, int c) {
        return beta[d][c];
    }

    /**
     * @param d a kept draw, or -1 for the expectation
     * @return the non-media KPI over the horizon
     */
    public double nonMedia(int d) {
        return d < 0 ? expectedNonMedia : nonMedia[d];
    }

    /**
     * @param k a transform set
     * @param c a channel
     * @return the expectation's coefficient of that set for that channel
     */
    public double expectedWeight(int k, int c) {
        return weight[k][c];
    }

    /** @return each channel's current spend per period (the baseline plan's total over the horizon) */
    public double[] currentSpend() {
        return current.clone();
    }

    /** @return each channel's typical horizon spend (historical mean per period times the horizon) */
    public double[] typicalSpend() {
        return typical.clone();
    }

    /**
     * A short name of a saturation family for the page.
     *
     * @param s a saturation
     * @return {@code hill}, {@code logistic}, {@code mm} (Michaelis-Menten), {@code sigmoid} or {@code tanh}
     */
    public static String family(Saturation s) {
        if (s instanceof Hill) {
            return "hill";
        } else if (s instanceof Logistic) {
            return "logistic";
        } else if (s instanceof MichaelisMenten) {
            return "mm";
        } else if (s instanceof Sigmoid) {
            return "sigmoid";
        }
        return "tanh";
    }

    /**
     * The parameters of a saturation in the order the page reads them.
     *
     * @param s a saturation
     * @return Hill {@code {ec, slope}}; logistic {@code {lambda}}; Michaelis-Menten {@code {alpha, lambda}}; sigmoid
     *     {@code {inflection, steepness}}; tanh {@code {b, c}}
     */
    public static double[] parameters(Saturation s) {
        if (s instanceof Hill h) {
            return new double[] {h.ec(), h.slope()};
        } else if (s instanceof Logistic l) {
            return new double[] {l.lambda()};
        } else if (s instanceof MichaelisMenten m) {
            return new double[] {m.alpha(), m.lambda()};
        } else if (s instanceof Sigmoid g) {
            return new double[] {g.inflection(), g.steepness()};
        }
        Tanh t = (Tanh) s;
        return new double[] {t.b(), t.c()};
    }

    /** sum_r m[r] sat(a[r] + x_g b[r] / share_g) over the rows of set k and channel c; x: horizon total by geo. */
    private double sum(int k, int c, double[] x) {
        double[][] t = terms[k][c];
        double[] a = t[0];
        double[] b = t[1];
        double[] m = t[2];
        int[] geo = geoOf[k][c];
        double[] sh = share[c];
        Saturation s = sat[k][c];
        double out = 0;
        for (int r = 0; r < a.length; r++) {
            int g = geo[r];
            double level = sh[g] > 0 ? a[r] + x[g] / sh[g] * b[r] : a[r];
            out += m[r] * s.value(level);
        }
        return out;
    }

    /**
     * @param d a kept draw, or -1 for the expectation
     * @param c a channel
     * @param total the channel's horizon total, split over geos as in the current plan
     * @return the channel's contribution over the horizon
     */
    public double contribution(int d, int c, double total) {
        double[] x = new double[ng];
        for (int g = 0; g < ng; g++) {
            x[g] = total * share[c][g];
        }
        return contributionByGeo(d, c, x);
    }

    /**
     * @param d a kept draw, or -1 for the expectation
     * @param c a channel
     * @param byGeo (input) not modified; the channel's horizon total in each geo
     * @return the channel's contribution over the horizon
     */
    private double contributionByGeo(int d, int c, double[] byGeo) {
        if (d >= 0) {
            return beta[d][c] * sum(setOf[d], c, byGeo);
        }
        double s = 0;
        for (int k = 0; k < weight.length; k++) {
            if (weight[k][c] != 0) {
                s += weight[k][c] * sum(k, c, byGeo);
            }
        }
        return s;
    }

    /** Spend per period by channel, split over geos as in the current plan: [c][g]. */
    private double[][] cells(double[] perPeriod) {
        double[][] out = new double[nc][ng];
        for (int c = 0; c < nc; c++) {
            for (int g = 0; g < ng; g++) {
                out[c][g] = perPeriod[c] * share[c][g];
            }
        }
        return out;
    }

    /** contrib[d + 1][c] at spend per period {@code perPeriod[c][g]}. */
    private double[][] contributions(double[][] perPeriod) {
        int nd = beta.length;
        double[][] totals = new double[nc][ng];
        for (int c = 0; c < nc; c++) {
            for (int g = 0; g < ng; g++) {
                totals[c][g] = perPeriod[c][g] * pm.horizon();
            }
        }
        double[][] out = new double[nd + 1][nc];
        for (int d = -1; d < nd; d++) {
            for (int c = 0; c < nc; c++) {
                out[d + 1][c] = contributionByGeo(d, c, totals[c]);
            }
        }
        return out;
    }

    /**
     * d contribution / d spend of draw {@code d} (-1: the expectation) along the channel's own split over geos (the
     * current plan's at zero spend); see the class comment.
     */
    private double marginal(int d, int c, double[] byGeo) {
        double total = 0;
        for (double v : byGeo) {
            total += v;
        }
        double[] up = new double[ng];
        if (total <= 0) {
            double step = 1e-6 * Math.max(typical[c], Double.MIN_NORMAL);
            for (int g = 0; g < ng; g++) {
                up[g] = step * share[c][g];
            }
            return (contributionByGeo(d, c, up) - contributionByGeo(d, c, new double[ng])) / step;
        }
        double e = 1e-4;
        double[] down = new double[ng];
        for (int g = 0; g < ng; g++) {
            up[g] = byGeo[g] * (1 + e);
            down[g] = byGeo[g] * (1 - e);
        }
        return (contributionByGeo(d, c, up) - contributionByGeo(d, c, down)) / (2 * e * total);
    }

    /**
     * The interval of a channel's marginal ROI over the draws at a spend per period (the same difference quotient
     * per draw as the expectation's).
     *
     * @param c a channel
     * @param perPeriod the channel's spend per period, finite and {@code >= 0}, split as in the current plan
     * @return the interval, empty for a model without draws
     */
    public Optional<Interval> marginalRoiInterval(int c, double perPeriod) {
        Checks.checkArgument(Double.isFinite(perPeriod) && perPeriod >= 0, "perPeriod = %s; must be finite and >= 0",
                perPeriod);
        double[] byGeo = new double[ng];
        for (int g = 0; g < ng; g++) {
            byGeo[g] = perPeriod * share[c][g];
        }
        return marginalRoiIntervalByGeo(c, byGeo);
    }

    /**
     * @param c a channel
     * @param perPeriodByGeo (input) not modified; the channel's spend per period in each geo
     * @return the interval of its marginal ROI over the draws, empty for a model without draws
     */
    public Optional<Interval> marginalRoiIntervalByGeo(int c, double[] perPeriodByGeo) {
        Checks.checkLength("perPeriodByGeo", perPeriodByGeo, ng);
        int nd = beta.length;
        if (nd == 0) {
            return Optional.empty();
        }
        double[] x = new double[ng];
        for (int g = 0; g < ng; g++) {
            x[g] = perPeriodByGeo[g] * pm.horizon();
        }
        double[] m = new double[nd];
        for (int d = 0; d < nd; d++) {
            m[d] = marginal(d, c, x);
        }
        return Optional.of(interval(m, marginal(-1, c, x)));
    }

    private Interval interval(double[] sample, double point) {
        return ScenarioResult.interval(sample, level(), point, centred);
    }

    /**
     * Evaluates a scenario against the current plan, each channel split over geos as in the current plan.
     *
     * @param perPeriod (input) not modified; each channel's spend per period, finite and {@code >= 0}
     * @return the scenario (its plan spreads each total by the channel's flighting)
     */
    public ScenarioResult evaluate(double[] perPeriod) {
        Checks.checkLength("perPeriod", perPeriod, nc);
        for (int c = 0; c < nc; c++) {
            Checks.checkArgument(Double.isFinite(perPeriod[c]) && perPeriod[c] >= 0,
                    "perPeriod[%d] = %s; must be finite and >= 0", c, perPeriod[c]);
        }
        return evaluateByGeo(cells(perPeriod));
    }

    /**
     * Evaluates a scenario given per channel and geo against the current plan. Within a geo, a channel's spend keeps
     * the shape of its current plan over the periods.
     *
     * @param perPeriod (input) not modified; {@code perPeriod[c][g]}: channel {@code c}'s spend per period in geo
     *     {@code g}, finite and {@code >= 0}; positive only where the current plan spends on the channel in that geo
     *     ({@link #geoShares(int)} positive), since elsewhere its shape over the periods is unknown
     * @return the scenario
     */
    public ScenarioResult evaluateByGeo(double[][] perPeriod) {
        return evaluateByGeo(perPeriod, 1.0);
    }

    /**
     * Evaluates a scenario given per channel and geo, with the price held at a multiple of the plan's price, against
     * the current plan (at the plan's price): the KPI and its change include the price's effect
     * ({@link #priceEffect}).
     *
     * @param perPeriod (input) not modified; as {@link #evaluateByGeo(double[][])}
     * @param priceMultiple the price over the horizon as a multiple of the plan's price, finite and positive; 1
     *     for a model without price
     * @return the scenario
     */
    public ScenarioResult evaluateByGeo(double[][] perPeriod, double priceMultiple) {
        Checks.checkArgument(perPeriod.length == nc, "perPeriod has %d channels; the model has %d", perPeriod.length,
                nc);
        priceEffect(-1, priceMultiple);
        double[] delta = price == null || priceMultiple == 1.0 ? null : priceDelta(priceMultiple);
        int h = pm.horizon();
        double[][] x = new double[nc][ng];
        for (int c = 0; c < nc; c++) {
            Checks.checkLength("perPeriod[" + c + "]", perPeriod[c], ng);
            for (int g = 0; g < ng; g++) {
                double v = perPeriod[c][g];
                Checks.checkArgument(Double.isFinite(v) && v >= 0, "perPeriod[%d][%d] = %s; must be finite and >= 0",
                        c, g, v);
                Checks.checkArgument(v == 0 || share[c][g] > 0, "'%s' has no spend in '%s' in the current plan, so "
                        + "the shape of its spend there is unknown; give it 0 there", channels().get(c),
                        geos().get(g));
                x[c][g] = v * h;
            }
        }
        int nd = beta.length;
        double[][] contrib = contributions(perPeriod);
        double[] kpi = new double[nd + 1];
        double[] refKpi = new double[nd + 1];
        double[] price = new double[nd + 1];
        for (int d = -1; d < nd; d++) {
            double k = nonMedia(d);
            double rk = k;
            for (int c = 0; c < nc; c++) {
                k += contrib[d + 1][c];
                rk += reference[d + 1][c];
            }
            price[d + 1] = delta == null ? 0.0 : priceEffect(d, delta);
            kpi[d + 1] = k + price[d + 1];
            refKpi[d + 1] = rk;
        }
        double[] mroi = new double[nc];
        for (int c = 0; c < nc; c++) {
            mroi[c] = marginal(-1, c, x[c]);
        }
        return ScenarioResult.assemble(plan(x), pm.baseline(), contrib, kpi, refKpi, zero, mroi, level(), centred,
                price);
    }

    /** The plan of horizon totals x[c][g]: each spread over the geo's periods as the channel's flighting there. */
    private SpendPlan plan(double[][] x) {
        int h = pm.horizon();
        double[] s = new double[ng * h * nc];
        for (int c = 0; c < nc; c++) {
            double[] f = pm.flighting(c);
            for (int g = 0; g < ng; g++) {
                if (share[c][g] <= 0) {
                    continue;
                }
                for (int p = 0; p < h; p++) {
                    s[(g * h + p) * nc + c] = x[c][g] * f[g * h + p] / share[c][g];
                }
            }
        }
        return new SpendPlan(pm.channels(), geos(), h, s);
    }
}
