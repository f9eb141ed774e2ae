package io.github.mmm4j.synthetic;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries of {@link Scenario}s for ground-truth recovery properties:
 *
 * <pre>
 * &#64;Property(tries = 20)
 * void recoversRoi(&#64;ForAll("realistic") Scenario s) {
 *     Generated g = s.generate();
 *     // fit a model to g.data(), compare with g.truth().channels()
 * }
 *
 * &#64;Provide
 * Arbitrary&lt;Scenario&gt; realistic() {
 *     return Scenarios.realistic();
 * }
 * </pre>
 *
 * Each arbitrary varies the structure of its preset family (see {@link Presets}) and the seed. On failure jqwik
 * shrinks towards fewer channels, shorter series, less noise and seed 0, so the reported counterexample is the
 * simplest scenario that still fails. Needs the jqwik engine at run time (as in any jqwik test).
 */
public final class Scenarios {

    private Scenarios() {
    }

    /**
     * Easy scenarios: 1 to 3 channels, 52 to 208 weeks, Gaussian noise sd 0 to 5,000, any seed.
     *
     * @return the arbitrary; shrinks towards 1 channel, 52 weeks, no noise, seed 0
     */
    public static Arbitrary<Scenario> easy() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(52, 208),
                Arbitraries.doubles().between(0, 5_000).ofScale(0),
                seeds())
                .as((nc, periods, sd, seed) -> new Scenario(Presets.easy(nc, periods, sd), seed));
    }

    /**
     * Realistic scenarios: 2 to 6 channels, 104 to 156 weeks, signal-to-noise ratio 2.5 to 10, with or without
     * flighting, any seed.
     *
     * @return the arbitrary; shrinks towards 2 channels, 104 weeks, signal-to-noise 10, no flighting, seed 0
     */
    public static Arbitrary<Scenario> realistic() {
        return Combinators.combine(
                Arbitraries.integers().between(2, 6),
                Arbitraries.integers().between(104, 156),
                Arbitraries.doubles().between(0.1, 0.4).ofScale(2),
                Arbitraries.of(false, true),
                seeds())
                .as((nc, periods, noise, flighting, seed) ->
                        new Scenario(Presets.realistic(nc, periods, 1 / noise, flighting), seed));
    }

    /**
     * Hard scenarios: 4 or 5 channels with the collinear pair ({@code online_video} follows {@code tv} with
     * weight 0.75 to 0.95), the sparse channel and the confounder; 104 to 156 weeks; 0% to 3% outlier weeks;
     * signal-to-noise ratio 2 to 5; any seed.
     *
     * @return the arbitrary; shrinks towards 4 channels, 104 weeks, weight 0.75, no outliers, signal-to-noise
     *     5, seed 0
     */
    public static Arbitrary<Scenario> hard() {
        return Combinators.combine(
                Arbitraries.integers().between(4, 5),
                Arbitraries.integers().between(104, 156),
                Arbitraries.doubles().between(0.75, 0.95).ofScale(2),
                Arbitraries.doubles().between(0, 0.03).ofScale(3),
                Arbitraries.doubles().between(0.2, 0.5).ofScale(2),
                seeds())
                .as((nc, periods, weight, outliers, noise, seed) ->
                        new Scenario(Presets.hard(nc, periods, weight, outliers, 1 / noise), seed));
    }

    /**
     * Geo panels: 2 to 20 geos, 52 to 104 weeks, signal-to-noise ratio 2.5 to 10, any seed.
     *
     * @return the arbitrary; shrinks towards 2 geos, 52 weeks, signal-to-noise 10, seed 0
     */
    public static Arbitrary<Scenario> geo() {
        return Combinators.combine(
                Arbitraries.integers().between(2, 20),
                Arbitraries.integers().between(52, 104),
                Arbitraries.doubles().between(0.1, 0.4).ofScale(2),
                seeds())
                .as((ng, periods, noise, seed) -> new Scenario(Presets.geo(ng, periods, 1 / noise), seed));
    }

    /**
     * Brand x region panels ({@link BrandRegionProcess}): 1 to 3 brands, 2 to 6 regions, 104 to 156 weeks, brand
     * effect sd 0 to 0.3, cell effect sd 0.1 to 0.4, 0% to 30% dark weeks, noise 0.5 to 2 times the process's, any
     * seed. Each value is a drawn panel with its truth; a recovery property reads it as
     *
     * <pre>
     * &#64;Property(tries = 3)
     * void recoversCells(&#64;ForAll("panels") BrandRegionProcess.Draw d) {
     *     FittedModel m = BayesianMmm.fit(d.data(), ModelSpec.defaults(d.data())
     *             .withPrice(new ModelSpec.Price("price", true)), BayesOptions.defaults());
     *     // compare m.geoChannels(), m.channelsOver(...) and m.priceElasticities() with d.roi(...), d.elasticity()
     * }
     * </pre>
     *
     * @return the arbitrary; shrinks towards 1 brand, 2 regions, 104 weeks, no brand effects, cell sd 0.1, no dark
     *     weeks, half the noise, seed 0
     */
    public static Arbitrary<BrandRegionProcess.Draw> brandRegion() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(2, 6),
                Arbitraries.integers().between(104, 156),
                Arbitraries.doubles().between(0, 0.3).ofScale(2),
                Arbitraries.doubles().between(0.1, 0.4).ofScale(2),
                Arbitraries.doubles().between(0, 0.3).ofScale(2),
                Arbitraries.doubles().between(0.5, 2).ofScale(2),
                seeds())
                .as((nb, nr, weeks, brandSd, cellSd, dark, noise, seed) -> BrandRegionProcess.draw(
                        new BrandRegionProcess.Config(nb, nr, weeks, brandSd, cellSd, dark, noise), seed));
    }

    /** @return any seed, shrinking towards 0 */
    public static Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}
