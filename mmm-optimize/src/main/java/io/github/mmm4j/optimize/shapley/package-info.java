/**
 * Shapley attribution of a KPI to media channels (Shapley 1953, "A value for n-person games"; for attribution
 * Lundberg and Lee 2017, "A unified approach to interpreting model predictions").
 *
 * <p>The game: the players are the channels; the value of a coalition {@code S} is the predicted KPI summed over a
 * window of periods (every geo) when only the channels in {@code S} keep their spend (the others spend nothing in
 * every period, so carryover is attributed to the channel that caused it), minus the value of the empty coalition.
 * Channel {@code i}'s Shapley value is its average marginal contribution over all orders in which channels can be
 * switched on:
 *
 * <pre>
 *   phi_i = sum_{S subset of N \ {i}} |S|! (n - |S| - 1)! / n! * (v(S + i) - v(S))
 * </pre>
 *
 * Shapley values sum to {@code v(N) - v(empty)} (efficiency), treat interchangeable channels alike (symmetry), give 0
 * to a channel that changes nothing (null player), and for a model additive in media equal each channel's
 * contribution in the decomposition. They differ from the one-at-a-time decomposition when the model is not additive
 * (a log or multiplicative model, interactions).
 *
 * <p>{@link io.github.mmm4j.optimize.shapley.CoalitionValue} is the game; its generic form evaluates any
 * {@code FittedModel} on datasets with zeroed spend, its separable form precomputes each channel's contribution
 * series once and combines them through a link function. {@link io.github.mmm4j.optimize.shapley.Shapley} computes the
 * values exactly (up to 20 channels; by default up to 16) or by antithetic permutation sampling with standard
 * errors.
 */
package io.github.mmm4j.optimize.shapley;
