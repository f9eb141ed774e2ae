/**
 * Many independent models: the fit of one group of a batch ({@link io.github.mmm4j.models.batch.GroupFit}), shared
 * by the command line's {@code mmm batch} and the Spark job of {@code mmm-spark}, so that both give the same rows.
 */
package io.github.mmm4j.models.batch;
