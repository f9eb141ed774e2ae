package io.github.mmm4j.models;

import io.github.mmm4j.core.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model says about one media channel over the whole data window (training and holdout periods, every
 * geo). Point values are the estimator's point estimate (for a Bayesian model, the posterior mean); intervals
 * are present when the estimator gives them (ridge bootstrap, Bayesian posterior).
 *
 * @param name the channel's name
 * @param spend total spend in the window
 * @param contribution total KPI contribution of the channel in the window
 * @param share the channel's fraction of the total media contribution (shares of all channels sum to 1)
 * @param roi return on investment, {@code contribution / spend} (KPI units per unit of spend)
 * @param mroi marginal ROI at the observed spend: the extra KPI in the window per extra unit of spend when the
 *     channel's whole spend series is scaled up by a small fraction ({@code d contribution / d spend})
 * @param contributionInterval interval of {@code contribution}
 * @param shareInterval interval of {@code share}
 * @param roiInterval interval of {@code roi}
 * @param mroiInterval interval of {@code mroi}
 */
public record ChannelSummary(String name, double spend, double contribution, double share, double roi, double mroi,
        Optional<Interval> contributionInterval, Optional<Interval> shareInterval, Optional<Interval> roiInterval,
        Optional<Interval> mroiInterval) {

    /** Validates: every number must be finite (a NaN is a bug at its source, never passed on silently). */
    public ChannelSummary {
        Objects.requireNonNull(name, "name");
        Checks.checkFinite(name + ".spend", spend);
        Checks.checkFinite(name + ".contribution", contribution);
        Checks.checkFinite(name + ".share", share);
        Checks.checkFinite(name + ".roi", roi);
        Checks.checkFinite(name + ".mroi", mroi);
        Objects.requireNonNull(contributionInterval, "contributionInterval");
        Objects.requireNonNull(shareInterval, "shareInterval");
        Objects.requireNonNull(roiInterval, "roiInterval");
        Objects.requireNonNull(mroiInterval, "mroiInterval");
    }

    /**
     * A summary without intervals.
     *
     * @param name the channel's name
     * @param spend total spend
     * @param contribution total contribution
     * @param share share of media contribution
     * @param roi contribution / spend
     * @param mroi marginal ROI
     */
    public ChannelSummary(String name, double spend, double contribution, double share, double roi, double mroi) {
        this(name, spend, contribution, share, roi, mroi, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * One readable line, for example {@code tv: spend 1,200,000, contribution 2,510,000 (share 37.4% [30.1%, 44.0%]),
     * ROI 2.09 [1.80, 2.40], mROI 1.12 [0.90, 1.35]}.
     */
    @Override
    public String toString() {
        return name + ": spend " + num(spend) + ", contribution " + num(contribution) + iv(contributionInterval, false)
                + " (share " + pct(share) + iv(shareInterval, true) + "), ROI " + num(roi) + iv(roiInterval, false)
                + ", mROI " + num(mroi) + iv(mroiInterval, false);
    }

    private static String iv(Optional<Interval> i, boolean percent) {
        return i.map(v -> " [" + (percent ? pct(v.lower()) : num(v.lower())) + ", "
                + (percent ? pct(v.upper()) : num(v.upper())) + "]").orElse("");
    }

    private static String pct(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** Three significant digits for small numbers, whole numbers with separators from 1,000 on. */
    static String num(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        if (Math.abs(v) >= 1000) {
            return String.format(java.util.Locale.ROOT, "%,.0f", v);
        }
        java.math.BigDecimal b = new java.math.BigDecimal(v).round(new java.math.MathContext(3));
        return b.stripTrailingZeros().toPlainString();
    }
}
