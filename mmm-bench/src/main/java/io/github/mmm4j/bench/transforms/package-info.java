/**
 * JMH benchmarks of the mmm-transforms kernels: adstock then saturation over a row-major
 * {@code nPeriods x nChannels} spend matrix, forward and forward plus reverse-mode gradient. Figures and
 * the command that produced them are in {@code mmm-bench/README.md}.
 */
package io.github.mmm4j.bench.transforms;
