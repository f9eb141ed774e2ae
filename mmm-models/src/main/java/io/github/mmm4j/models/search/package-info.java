/**
 * Robyn-style multi-objective hyperparameter search for ridge marketing mix models:
 * {@link io.github.mmm4j.models.search.HyperparameterSearch#run} searches every channel's adstock and saturation
 * parameters and the ridge penalty with CMA-ES trials (Hansen 2016), scores candidates by NRMSE, DECOMP.RSSD and
 * optionally MAPE.LIFT (as Meta's Robyn defines them), and returns the Pareto front with a default choice
 * ({@link io.github.mmm4j.models.search.SearchResult}), each member refittable into a
 * {@link io.github.mmm4j.models.FittedModel}. The easy tier is {@code HyperparameterSearch},
 * {@link io.github.mmm4j.models.search.SearchOptions} and {@link io.github.mmm4j.models.search.SearchSpace}; the
 * allocation-free kernel tier is {@link io.github.mmm4j.models.search.SearchEvaluator} and
 * {@link io.github.mmm4j.models.search.Pareto}.
 */
package io.github.mmm4j.models.search;
