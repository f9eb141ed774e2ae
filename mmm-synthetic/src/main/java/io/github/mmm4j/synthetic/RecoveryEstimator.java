package io.github.mmm4j.synthetic;

import io.github.mmm4j.core.MmmDataset;

/**
 * A model under test in a recovery benchmark: fits a dataset and reports per channel its estimated ROI, share
 * and, if it has one, 90% interval of the ROI. mmm-synthetic does not depend on the estimators; adapt one in a
 * line, for example
 *
 * <pre>
 * RecoveryEstimator ridge = (data, seed) -&gt; Estimate.of(Ridge.fit(data, ModelSpec.defaults(data),
 *         RidgeOptions.defaults().withSeed(seed)).channels().stream()
 *         .map(c -&gt; Estimate.Channel.point(c.name(), c.roi(), c.share())).toList());
 * </pre>
 *
 * Implementations must be deterministic given {@code (data, seed)} and safe to call from several threads at
 * once (the benchmark may run replicates in parallel).
 */
@FunctionalInterface
public interface RecoveryEstimator {

    /**
     * Fits {@code data}.
     *
     * @param data (input) the generated dataset; not modified
     * @param seed the seed for any randomness of the fit
     * @return one estimate per channel of {@code data}, matched to the truth by name
     */
    Estimate fit(MmmDataset data, long seed);
}
