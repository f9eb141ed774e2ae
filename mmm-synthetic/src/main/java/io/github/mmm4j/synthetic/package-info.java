/**
 * Seeded synthetic MMM data with known truth, for demos, tests and ground-truth recovery studies.
 */
package io.github.mmm4j.synthetic;
