/**
 * Thousands of models on Apache Spark: {@link io.github.mmm4j.spark.SparkBatch} fits one mmm4j model per group of a
 * long-format {@code Dataset<Row>} and returns the rows {@code mmm batch} writes to {@code batch.csv}.
 */
package io.github.mmm4j.spark;
