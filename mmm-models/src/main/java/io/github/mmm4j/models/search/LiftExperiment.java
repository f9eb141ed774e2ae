package io.github.mmm4j.models.search;

import io.github.mmm4j.core.Checks;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A lift-test (geo or conversion-lift experiment) result that a {@link HyperparameterSearch} uses as a third
 * objective, MAPE.LIFT: the channel's spend was changed by {@code spendChange} in total over the periods whose
 * dates lie in {@code [start, end]}, and the experiment measured a total KPI change of {@code lift}.
 *
 * <p><b>Predicted lift</b> (the same definition as the Bayesian estimator's lift tests,
 * {@link io.github.mmm4j.models.bayes.LiftTest#changedSpend}): with the change applied in proportion to the
 * channel's observed spend in each test period and geo (so a cut of all the spend is a go-dark test; spread evenly
 * over the periods and geos only when the channel spent nothing there), a candidate model predicts
 * <pre>
 *   predicted = coef_c * sum_g sum_{t = first test period}^{last test period + window - 1} (S1_gt - S0_gt)
 * </pre>
 * where {@code S0} and {@code S1} are the channel's transformed media {@code sat(adstock(spend / scale))} without and
 * with the change, {@code window} the adstock window ({@code maxLag + 1}; to the end of the data for an infinite
 * window), clipped at the end of the data, so that the carryover after the test counts, and {@code coef_c} the
 * channel's coefficient in KPI units. MAPE.LIFT is the mean over experiments of
 * {@code |predicted - lift| / |lift|} (Robyn's {@code mape_lift}, Meta's Robyn documentation "Calibration";
 * Robyn compares with the channel's whole contribution in the test window instead, which is the special case of a
 * go-dark test).
 *
 * @param channel the channel's name, as in the dataset
 * @param start the first date of the test, inclusive
 * @param end the last date of the test, inclusive, not before {@code start}
 * @param spendChange the total change of spend over the test (currency), finite and non-zero
 * @param lift the measured total KPI change (KPI units), finite and non-zero
 */
public record LiftExperiment(String channel, LocalDate start, LocalDate end, double spendChange, double lift) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if {@code end} is before {@code start}, or {@code spendChange} or
     *     {@code lift} is zero or not finite
     */
    public LiftExperiment {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Checks.checkArgument(!end.isBefore(start), "end = %s is before start = %s", end, start);
        Checks.checkFinite("spendChange", spendChange);
        Checks.checkArgument(spendChange != 0, "spendChange = 0; a lift test must change spend");
        Checks.checkFinite("lift", lift);
        Checks.checkArgument(lift != 0, "lift = 0; MAPE.LIFT divides by the measured lift");
    }
}
