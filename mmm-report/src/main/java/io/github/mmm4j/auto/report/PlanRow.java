package io.github.mmm4j.auto.report;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.Numbers;
import io.github.mmm4j.models.Interval;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel of a recommended budget, as the report shows it. Spends and contributions are totals over the plan's
 * horizon ({@link BudgetPlan#periods()} periods, every geo). Fill from {@code mmm-optimize}'s {@code Allocation}
 * with {@link OptimizerRows#plan}.
 *
 * @param channel the channel's name
 * @param currentSpend spend under the current (baseline) plan; finite, at least 0
 * @param optimalSpend the recommended spend; finite, at least 0
 * @param currentContribution the expected KPI contribution under the current plan; finite
 * @param expectedContribution the expected KPI contribution under the recommended plan; finite
 * @param contributionInterval the interval of {@code expectedContribution} over the model's draws, when it has
 *     draws
 */
public record PlanRow(String channel, double currentSpend, double optimalSpend, double currentContribution,
        double expectedContribution, Optional<Interval> contributionInterval) {

    /**
     * Validates.
     *
     * @throws NullPointerException if {@code channel} or {@code contributionInterval} is null
     * @throws IllegalArgumentException if a number is not finite or a spend is negative
     */
    public PlanRow {
        Objects.requireNonNull(channel, "channel");
        Checks.checkFinite("currentSpend", currentSpend);
        Checks.checkNonNegative("currentSpend", currentSpend);
        Checks.checkFinite("optimalSpend", optimalSpend);
        Checks.checkNonNegative("optimalSpend", optimalSpend);
        Checks.checkFinite("currentContribution", currentContribution);
        Checks.checkFinite("expectedContribution", expectedContribution);
        Objects.requireNonNull(contributionInterval, "contributionInterval");
    }

    /** @return {@code optimalSpend - currentSpend}, 0 when that is rounding ({@link Numbers#change}) */
    public double delta() {
        return Numbers.change(currentSpend, optimalSpend);
    }

    /** @return the change of spend as a fraction of the current spend, empty when the current spend is 0 */
    public Optional<Double> deltaFraction() {
        return currentSpend == 0 ? Optional.empty() : Optional.of(delta() / currentSpend);
    }
}
