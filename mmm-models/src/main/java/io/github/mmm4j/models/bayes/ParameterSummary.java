package io.github.mmm4j.models.bayes;

import java.util.Objects;

/**
 * Posterior summary of one parameter, as in Stan's and {@code posterior}'s summary tables; see
 * {@link Diagnostics} for the exact definitions.
 *
 * @param name the parameter's name
 * @param mean the mean of the pooled draws
 * @param sd the standard deviation of the pooled draws ({@code n - 1} denominator)
 * @param mcseMean the Monte Carlo standard error of the mean, {@code sd / sqrt(essMean)}
 * @param q5 the 5% quantile (type 7)
 * @param q50 the median (type 7)
 * @param q95 the 95% quantile (type 7)
 * @param essBulk the rank-normalised bulk ESS (NaN for a constant parameter)
 * @param essTail the tail ESS (NaN for a constant parameter)
 * @param rhat the rank-normalised split R-hat (NaN for a constant parameter)
 */
public record ParameterSummary(String name, double mean, double sd, double mcseMean, double q5, double q50,
        double q95, double essBulk, double essTail, double rhat) {

    /*
     * Validates the summary.
     *
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code mean}, {@code sd} or a quantile is not finite, or the quantiles
     *     are not ordered
     */
    public ParameterSummary {
        Objects.requireNonNull(name, "name");
        io.github.mmm4j.core.Checks.checkFinite("mean", mean);
        io.github.mmm4j.core.Checks.checkNonNegative("sd", sd);
        io.github.mmm4j.core.Checks.checkArgument(q5 <= q50 && q50 <= q95,
                "quantiles q5 = %s, q50 = %s, q95 = %s must be finite and ordered", q5, q50, q95);
    }
}
