package io.github.mmm4j.synthetic;

import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.util.Objects;

/**
 * A channel's true steady-state response curve: the contribution per row (one period of one geo) that a
 * constant spend {@code s} per period produces once the carryover has built up,
 * <pre>
 *   r(s) = effect * mediaEffect * sat(W * s / scale),   W = adstock.totalWeight()
 * </pre>
 * where {@code mediaEffect} is the mean of the geos' media multipliers (1 for national data). Units: spend
 * and {@code scale} in currency per period, {@code r} in KPI units per period.
 *
 * @param adstock the true adstock
 * @param saturation the true saturation
 * @param effect the true effect, KPI units per period at saturation 1
 * @param scale the channel's mean spend per row over the data window (the divisor of the true model)
 * @param mediaEffect the mean geo multiplier of the effect
 */
public record ResponseCurve(Adstock adstock, Saturation saturation, double effect, double scale, double mediaEffect) {

    /** Validates. */
    public ResponseCurve {
        Objects.requireNonNull(adstock, "adstock");
        Objects.requireNonNull(saturation, "saturation");
    }

    /**
     * @param spend spend per period, {@code >= 0}
     * @return {@code r(spend)}
     */
    public double value(double spend) {
        return effect * mediaEffect * saturation.value(adstock.totalWeight() * spend / scale);
    }

    /**
     * @param spend spend per period, {@code > 0}
     * @return {@code dr/ds} at {@code spend}: {@code effect * mediaEffect * sat'(W s / scale) * W / scale}
     */
    public double marginal(double spend) {
        double w = adstock.totalWeight();
        return effect * mediaEffect * saturation.derivative(w * spend / scale) * w / scale;
    }

    /**
     * The curve on an even grid {@code s_i = i * maxSpend / (points - 1)}.
     *
     * @param maxSpend the largest spend, {@code > 0}
     * @param points number of grid points, {@code >= 2}
     * @return {@code {spend[], response[]}}, each of length {@code points}
     */
    public double[][] sample(double maxSpend, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("points = " + points + "; must be >= 2");
        }
        double[] s = new double[points];
        double[] r = new double[points];
        for (int i = 0; i < points; i++) {
            s[i] = maxSpend * i / (points - 1);
            r[i] = value(s[i]);
        }
        return new double[][] {s, r};
    }
}
