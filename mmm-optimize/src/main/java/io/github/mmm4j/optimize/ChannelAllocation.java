package io.github.mmm4j.optimize;

import io.github.mmm4j.models.Interval;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel in an {@link Allocation}.
 *
 * @param name the channel
 * @param currentSpend the channel's spend in the baseline plan over the horizon
 * @param optimalSpend the recommended spend over the horizon
 * @param delta {@code optimalSpend - currentSpend}
 * @param currentContribution the expected contribution over the horizon under the baseline plan
 * @param expectedContribution the expected contribution over the horizon under the recommended plan (carryover of
 *     historical spend included)
 * @param contributionInterval interval of {@code expectedContribution} over the model's draws, when it has draws
 * @param marginalRoi the marginal ROI at the recommended spend: the expected (mean over draws) derivative of the
 *     channel's horizon contribution with respect to its horizon spend, scaled along the plan's own spend pattern
 *     (KPI units per unit of spend); at zero spend the derivative along the flighting, which is infinite for a
 *     Hill slope below 1 with no carryover. At a fixed-budget KPI optimum the funded channels that are neither
 *     locked nor at a bound share one marginal ROI.
 * @param currentMarginalRoi the marginal ROI at the current (baseline) spend, same definition
 * @param locked whether the channel was locked
 */
public record ChannelAllocation(String name, double currentSpend, double optimalSpend, double delta,
        double currentContribution, double expectedContribution, Optional<Interval> contributionInterval,
        double marginalRoi, double currentMarginalRoi, boolean locked) {

    /** Validates. */
    public ChannelAllocation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contributionInterval, "contributionInterval");
    }
}
