package io.github.mmm4j.synthetic;

import io.github.mmm4j.core.MmmDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Ground-truth recovery on brand x region panels ({@link BrandRegionProcess}): draws many seeded panels of one
 * {@link BrandRegionProcess.Config configuration}, fits a model to each, and compares its ROI per cell, per brand, per
 * region and in total, and its price elasticity per brand, with the truth (see {@link PanelRecoveryReport} for the
 * measures). Seeds follow {@link RecoveryBenchmark#replicateSeeds(int, long)}: replicate {@code i} draws its panel
 * with the first seed of the {@code i}-th split stream and fits with the second, and the report is the same for any
 * thread count.
 *
 * <p>mmm-synthetic does not depend on the estimators; adapt one with a few lines, as {@code ./mmm recover --preset
 * brand-region} does:
 *
 * <pre>
 * PanelRecovery.Estimator bayes = (data, seed) -&gt; {
 *     FittedModel m = BayesianMmm.fit(data, ModelSpec.defaults(data).withPrice(new ModelSpec.Price("price", true)),
 *             BayesOptions.defaults().withSeed(seed));
 *     return new PanelRecovery.Fit() {
 *         public List&lt;Estimate.Channel&gt; channelsOver(List&lt;String&gt; geos) { ... m.channelsOver(geos) ... }
 *         public Optional&lt;PanelRecovery.Value&gt; elasticity(String brand) { ... m.priceElasticities() ... }
 *     };
 * };
 * </pre>
 */
public final class PanelRecovery {

    private PanelRecovery() {
    }

    /** A model under test: deterministic given {@code (data, seed)} and safe to call from several threads. */
    @FunctionalInterface
    public interface Estimator {
        /**
         * @param data (input) the drawn panel; not modified
         * @param seed the seed for any randomness of the fit
         * @return the fitted model's answers
         */
        Fit fit(MmmDataset data, long seed);
    }

    /** What a fitted model says about the panel. */
    public interface Fit {
        /**
         * The model's ROI per channel over a set of cells (its spend-weighted total, computed draw by draw where
         * the model has draws), with the 90% interval where the model gives one.
         *
         * @param geos cell names of the data, at least one
         * @return one estimate per channel, in the data's channel order
         */
        List<Estimate.Channel> channelsOver(List<String> geos);

        /**
         * @param brand a brand's name
         * @return the model's price elasticity of that brand with its 90% interval (NaN bounds without one), or
         *     empty if the model has none
         */
        Optional<Value> elasticity(String brand);
    }

    /**
     * An estimate with its 90% interval.
     *
     * @param estimate the point
     * @param lower the lower bound, NaN without an interval
     * @param upper the upper bound, NaN without an interval
     */
    public record Value(double estimate, double lower, double upper) {

        /** @return true if both bounds are finite */
        public boolean hasInterval() {
            return Double.isFinite(lower) && Double.isFinite(upper);
        }
    }

    /**
     * Runs the study.
     *
     * @param config the process's settings
     * @param model the model's name, for the report
     * @param estimator the model under test
     * @param options replicates, master seed, threads
     * @param progress called with the number of replicates finished after each one (one call at a time)
     * @return the report
     * @throws RuntimeException whatever the estimator throws, from the lowest-numbered failing replicate among those
     *     run
     */
    public static PanelRecoveryReport run(BrandRegionProcess.Config config, String model, Estimator estimator,
            RecoveryOptions options, IntConsumer progress) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        long[][] seeds = RecoveryBenchmark.replicateSeeds(options.replicates(), options.seed());
        List<PanelRecoveryReport.Replicate> reps = ParallelReplicates.run(seeds.length, options.threads(),
                i -> replicate(config, estimator, i, seeds[i]), progress);
        return PanelRecoveryReport.of(config, model, options.seed(), reps);
    }

    private static PanelRecoveryReport.Replicate replicate(BrandRegionProcess.Config config, Estimator estimator,
            int index, long[] seeds) {
        BrandRegionProcess.Draw d = BrandRegionProcess.draw(config, seeds[0]);
        Fit fit = Objects.requireNonNull(estimator.fit(d.data(), seeds[1]), "estimator returned null");
        List<String> geos = d.data().geos();
        List<PanelRecoveryReport.Unit> units = new ArrayList<>();
        int nCells = geos.size();
        int[] all = new int[nCells];
        for (int g = 0; g < nCells; g++) {
            all[g] = g;
        }
        units.add(unit(d, fit, PanelRecoveryReport.Level.TOTAL, "total", all));
        for (int b = 0; b < d.brands().size(); b++) {
            units.add(unit(d, fit, PanelRecoveryReport.Level.BRAND, d.brands().get(b), d.brandCells(b)));
        }
        for (int r = 0; r < d.regions().size(); r++) {
            units.add(unit(d, fit, PanelRecoveryReport.Level.REGION, d.regions().get(r), d.regionCells(r)));
        }
        for (int g = 0; g < nCells; g++) {
            units.add(unit(d, fit, PanelRecoveryReport.Level.CELL, geos.get(g), new int[] {g}));
        }
        List<PanelRecoveryReport.Elasticity> el = new ArrayList<>();
        for (int b = 0; b < d.brands().size(); b++) {
            String brand = d.brands().get(b);
            Value v = fit.elasticity(brand).orElse(new Value(Double.NaN, Double.NaN, Double.NaN));
            el.add(new PanelRecoveryReport.Elasticity(brand, d.elasticity()[b], v.estimate(), v.lower(), v.upper()));
        }
        return new PanelRecoveryReport.Replicate(index, seeds[0], seeds[1], units, el);
    }

    private static PanelRecoveryReport.Unit unit(BrandRegionProcess.Draw d, Fit fit, PanelRecoveryReport.Level level,
            String name, int[] cells) {
        List<String> geos = new ArrayList<>(cells.length);
        for (int g : cells) {
            geos.add(d.data().geos().get(g));
        }
        List<Estimate.Channel> est = fit.channelsOver(geos);
        List<String> channels = d.data().channels();
        if (est.size() != channels.size()) {
            throw new IllegalArgumentException("the fit returned " + est.size() + " channels over " + geos
                    + "; expected " + channels.size());
        }
        List<PanelRecoveryReport.ChannelResult> out = new ArrayList<>(channels.size());
        for (int c = 0; c < channels.size(); c++) {
            Estimate.Channel e = est.get(c);
            if (!e.name().equals(channels.get(c))) {
                throw new IllegalArgumentException("the fit's channel " + c + " is '" + e.name() + "'; expected '"
                        + channels.get(c) + "'");
            }
            out.add(new PanelRecoveryReport.ChannelResult(e.name(), d.roi(cells, c), e.roi(), e.roiLower(),
                    e.roiUpper()));
        }
        return new PanelRecoveryReport.Unit(level, name, out);
    }
}
