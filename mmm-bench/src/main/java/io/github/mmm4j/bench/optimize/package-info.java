/**
 * JMH benchmarks of mmm-optimize: exact Shapley attribution (16 channels x 156 weeks, additive and multiplicative
 * games) and the budget optimizer (4 and 50 channels, concave and S-shaped responses).
 */
package io.github.mmm4j.bench.optimize;
