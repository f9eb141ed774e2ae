package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.models.Interval;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One channel's predicted outcome under a spend plan over the horizon (expected values: the mean over the model's
 * draws, or the point model without draws; intervals are equal-tailed quantiles over the draws at the model's
 * {@code intervalLevel()}).
 *
 * @param name the channel
 * @param spend the channel's total spend over the horizon
 * @param contribution the channel's KPI contribution over the horizon, carryover of historical spend included
 * @param contributionInterval interval of {@code contribution}, present when the model has draws
 * @param incremental {@code contribution} minus the contribution with no horizon spend: the KPI the horizon spend
 *     causes within the horizon
 * @param incrementalInterval interval of {@code incremental}
 * @param roi {@code incremental / spend}, empty when {@code spend} is 0
 * @param marginalRoi the extra KPI per extra unit of spend when the channel's horizon series is scaled up slightly
 *     ({@code d contribution / d spend}); at zero spend, along the planning model's flighting
 */
public record ChannelOutcome(String name, double spend, double contribution, Optional<Interval> contributionInterval,
        double incremental, Optional<Interval> incrementalInterval, OptionalDouble roi, double marginalRoi) {

    /** Validates. */
    public ChannelOutcome {
        Objects.requireNonNull(name, "name");
        Checks.checkNonNegative("spend", spend);
        Checks.checkFinite("contribution", contribution);
        Objects.requireNonNull(contributionInterval, "contributionInterval");
        Checks.checkFinite("incremental", incremental);
        Objects.requireNonNull(incrementalInterval, "incrementalInterval");
        Objects.requireNonNull(roi, "roi");
        Checks.checkFinite("marginalRoi", marginalRoi);
    }
}
