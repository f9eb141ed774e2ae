/**
 * JMH benchmarks of the hyperparameter search of {@code io.github.mmm4j.models.search}: the cost of one candidate
 * evaluation (transform, penalised constrained ridge fit, objectives) and of a whole search at Robyn's default
 * budget.
 */
package io.github.mmm4j.bench.search;
