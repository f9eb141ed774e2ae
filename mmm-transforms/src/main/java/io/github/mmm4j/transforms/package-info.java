/**
 * Adstock (carryover) and saturation (diminishing returns) transforms with analytic gradients: the
 * kernels that every mmm4j estimator spends its time in.
 *
 * <h2>Two tiers</h2>
 * <ul>
 *   <li>Value types: {@link io.github.mmm4j.transforms.Adstock} and
 *       {@link io.github.mmm4j.transforms.Saturation} are sealed interfaces whose implementations are
 *       immutable records validated in their compact constructors. Each carries its own {@code apply}
 *       (forward) and {@code backward} (reverse-mode gradient) on one series, possibly strided.</li>
 *   <li>The batched kernel {@link io.github.mmm4j.transforms.Transforms} applies adstock then
 *       saturation to all channels of a row-major matrix {@code x[t * nChannels + c]} at once and
 *       computes the reverse-mode gradient, allocation-free given a
 *       {@link io.github.mmm4j.transforms.TransformWorkspace}.</li>
 * </ul>
 *
 * <h2>Glossary and mapping to other tools</h2>
 * <table>
 *   <caption>Parameter names</caption>
 *   <tr><th>mmm4j</th><th>Meridian</th><th>pymc-marketing</th><th>Robyn</th></tr>
 *   <tr><td>{@code alpha} (geometric decay)</td><td>{@code alpha}</td><td>{@code alpha}</td>
 *       <td>{@code theta}</td></tr>
 *   <tr><td>{@code maxLag}: window of {@code maxLag + 1} periods, lags {@code 0..maxLag}</td>
 *       <td>{@code max_lag} = {@code maxLag}</td><td>{@code l_max} = {@code maxLag + 1}</td>
 *       <td>{@code windlen} = {@code maxLag + 1} (Weibull)</td></tr>
 *   <tr><td>{@code ec} (Hill half saturation)</td><td>{@code ec}</td><td>{@code lam} / {@code K}</td>
 *       <td>{@code gamma} (after rescaling to the data range)</td></tr>
 *   <tr><td>{@code slope} (Hill exponent)</td><td>{@code slope}</td><td>{@code slope}</td>
 *       <td>{@code alpha}</td></tr>
 * </table>
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>{@code weights[l]} multiplies {@code x[t - l]}: {@code out[t] = sum_l weights[l] * x[t - l]}.</li>
 *   <li>Spend before the first period is zero unless a warm-up prefix is passed
 *       ({@link io.github.mmm4j.transforms.Adstock#applyAfterWarmup}).</li>
 *   <li>Reverse-mode methods ({@code backward}) <em>add</em> into the parameter gradient and input
 *       adjoint arrays (the adjoint convention of Stan and of every reverse-mode AD tool), so the caller
 *       zeroes them once and can sum several contributions.</li>
 *   <li>Invalid parameters throw {@link java.lang.IllegalArgumentException} naming the parameter and
 *       value, for example {@code alpha = 1.2; must be in [0.0, 1.0)}.</li>
 * </ul>
 *
 * <p>References: Jin, Wang, Sun, Chan and Koehler (2017), <i>Bayesian Methods for Media Mix Modeling
 * with Carryover and Shape Effects</i>, Google Inc. (geometric and delayed adstock, Hill saturation);
 * Robyn, {@code R/R/transformation.R} (Weibull adstock, recursive geometric adstock); pymc-marketing
 * {@code transformers.py} (logistic, sigmoid, Michaelis-Menten and tanh saturation).
 */
package io.github.mmm4j.transforms;
