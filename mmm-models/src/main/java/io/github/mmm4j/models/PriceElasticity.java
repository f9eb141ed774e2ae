package io.github.mmm4j.models;

import java.util.Objects;
import java.util.Optional;

/**
 * One price elasticity of the baseline ({@link ModelSpec.Price}): the percentage change of the baseline KPI per
 * percentage change of price, for one brand or (pooled) for the whole panel.
 *
 * @param brand the brand, or {@code all} when one elasticity covers every geo
 * @param estimate the point estimate (the point fit's, or the mean over draws); NaN when the fitted baseline of the
 *     brand is not positive, where an elasticity of it is undefined
 * @param interval its interval over the draws, when the model has draws
 */
public record PriceElasticity(String brand, double estimate, Optional<Interval> interval) {

    /** Validates. */
    public PriceElasticity {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(interval, "interval");
    }
}
