/**
 * The mmm4j data model: a typed, immutable {@link io.github.mmm4j.core.MmmDataset} over a regular
 * {@link io.github.mmm4j.core.TimeIndex}, CSV ingestion with validation ({@link io.github.mmm4j.core.MmmCsv}),
 * fit metrics ({@link io.github.mmm4j.core.Metrics}) and time-ordered splits
 * ({@link io.github.mmm4j.core.TimeSplit}), and two numeric helpers whose results are the same bits on every JVM:
 * the seeded generator {@link io.github.mmm4j.core.Rng} and {@code exp}/{@code log} for hot loops
 * ({@link io.github.mmm4j.core.PortableMath}).
 *
 * <p>Storage is flat and row-major throughout: a dataset with {@code nRows} rows and {@code nChannels} media
 * channels stores spend as {@code spend[row * nChannels + c]}; for panel data a row is
 * {@code row = geo * nPeriods + t}.
 */
package io.github.mmm4j.core;
