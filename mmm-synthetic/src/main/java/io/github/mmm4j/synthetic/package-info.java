/**
 * Seeded synthetic MMM data with known truth, for demos, tests and ground-truth recovery studies.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link io.github.mmm4j.synthetic.ScenarioSpec}: a scenario (periods, frequency, geos, channels with
 *       {@link io.github.mmm4j.synthetic.SpendPattern}s and true adstock, saturation and effect, baseline,
 *       {@link io.github.mmm4j.synthetic.ControlSpec}s, events, collinearity, noise), validated with messages
 *       that name the field ({@code channels[2].effect = -1.0; must be >= 0}); built in code, taken from
 *       {@link io.github.mmm4j.synthetic.Presets} ({@code easy}, {@code realistic}, {@code hard}, {@code geo}) or
 *       read from YAML/JSON by {@link io.github.mmm4j.synthetic.ScenarioFiles}.</li>
 *   <li>{@link io.github.mmm4j.synthetic.Synthetic#generate}: scenario + seed gives an
 *       {@link io.github.mmm4j.core.MmmDataset} and its {@link io.github.mmm4j.synthetic.GroundTruth} (every
 *       component's contribution per row, per channel ROI, share, marginal ROI and response curve), the same
 *       bits for the same seed. {@link io.github.mmm4j.synthetic.Generated#write} writes {@code data.csv} and
 *       {@code truth.json}.</li>
 *   <li>Documented processes written out in code, each with its truth: {@link
 *       io.github.mmm4j.synthetic.PymcExampleProcess} (PyMC-Marketing's {@code mmm_example}) and {@link
 *       io.github.mmm4j.synthetic.BrandRegionProcess} (brands x regions with population, per-cell effects and a
 *       price elasticity per brand).</li>
 *   <li>{@link io.github.mmm4j.synthetic.Scenarios}: jqwik arbitraries of
 *       {@link io.github.mmm4j.synthetic.Scenario}s that shrink towards simpler scenarios.</li>
 *   <li>{@link io.github.mmm4j.synthetic.RecoveryBenchmark}: fits any
 *       {@link io.github.mmm4j.synthetic.RecoveryEstimator} to many seeded datasets and reports bias and RMSE of
 *       ROI and share, rank agreement and interval coverage ({@link io.github.mmm4j.synthetic.RecoveryReport}),
 *       identically for any thread count.</li>
 * </ul>
 *
 * <h2>Convention</h2>
 * Media enter the true model as {@code effect_c * sat_c(adstock_c(spend_c / scale_c))} with {@code scale_c} the
 * channel's mean spend over all rows of the data window: the convention of {@code io.github.mmm4j.models.Design},
 * so that a model with the true transforms has the true effect as its coefficient and ROI, share and marginal
 * ROI mean the same thing in the truth and in a fitted model. Adstock windows and parameter names follow
 * {@code mmm-transforms} (Jin et al. 2017, "Bayesian methods for media mix modeling with carryover and shape
 * effects", Google).
 *
 * <p>This package depends only on mmm-core, mmm-transforms, jqwik-api (for the arbitraries) and Jackson (for
 * scenario files and the truth report); it knows no estimator.
 */
package io.github.mmm4j.synthetic;
