/**
 * Marketing mix models: the shared {@link io.github.mmm4j.models.ModelSpec}, the
 * {@link io.github.mmm4j.models.Design} it induces on a dataset, the estimators
 * ({@link io.github.mmm4j.models.Ridge}, NNLS, Bayesian) and the one
 * {@link io.github.mmm4j.models.FittedModel} interface through which every result is used.
 */
package io.github.mmm4j.models;
