/**
 * The automated analysis: an {@link io.github.mmm4j.auto.Explorer} profiles the data once; then, round after
 * round, a tuner proposes one change, three estimators fit the same specification, an analyst compares them
 * and a critic applies a quality gate, under a supervisor that keeps the best round and reports honestly what
 * did not pass.
 */
package io.github.mmm4j.auto;
