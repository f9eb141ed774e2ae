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
 * @param interval its interval over the draws, when the model has draws and the interval can be trusted (see
 *     {@code caveat})
 * @param caveat empty, or why the model gives no interval although it has draws, in a sentence a report can print:
 *     a model with one media effect per channel for every geo on data whose brands' media effects differ (see
 *     {@link FittedModel#priceElasticities()})
 */
public record PriceElasticity(String brand, double estimate, Optional<Interval> interval, String caveat) {

    /** Validates. */
    public PriceElasticity {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(caveat, "caveat");
    }

    /**
     * An elasticity without a caveat.
     *
     * @param brand the brand, or {@code all}
     * @param estimate the point estimate
     * @param interval its interval, when the model has draws
     */
    public PriceElasticity(String brand, double estimate, Optional<Interval> interval) {
        this(brand, estimate, interval, "");
    }
}
