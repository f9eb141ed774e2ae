package io.github.mmm4j.models;

import io.github.mmm4j.core.MmmDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sets the curvature of a model's price column ({@link ModelSpec.Price#curvature()}) to the elasticities the data
 * give, so that the column {@code level * ((price / reference)^k - 1) / k} is the exact power law of the baseline
 * rather than its first-order form. A fixed-point iteration of ridge fits (transforms tuned as ridge tunes them,
 * no bootstrap): fit with curvature {@code k}, read the elasticities, set {@code k} to them, until they
 * move by less than {@value #TOLERANCE} (at most {@value #MAX_ITERATIONS} fits). Every estimator calls it when
 * its spec has a price without curvature, so the three estimators of an analysis share one design.
 *
 * <p>The curvature matters at second order only (it bends the column; the elasticity is still the fitted
 * coefficient): on a process with an elasticity of -1.2 and promotional price cuts of 15%, the first-order column
 * is off by about 3%, enough for a long series' interval to miss the truth.
 */
public final class PriceCurvature {

    /** Largest change of any elasticity between two fits at which the iteration stops. */
    public static final double TOLERANCE = 1e-4;
    /** Most ridge fits. */
    public static final int MAX_ITERATIONS = 8;

    private PriceCurvature() {
    }

    /**
     * @param data the data
     * @param spec the model structure
     * @param holdout the final periods held out (not used to set the curvature)
     * @return {@code spec} itself when it has no price or its price already has a curvature; else a copy whose price
     *     has the calibrated curvature
     */
    public static ModelSpec calibrate(MmmDataset data, ModelSpec spec, int holdout) {
        return calibrate(data, spec, RidgeOptions.defaults().withHoldout(holdout).withBootstrap(0));
    }

    /**
     * As {@link #calibrate(MmmDataset, ModelSpec, int)} with the ridge fits run with {@code options} (bootstrap
     * turned off), so the curvature comes from the same transform tuning as the fit it is for.
     *
     * @param data the data
     * @param spec the model structure
     * @param options the ridge options of the fits
     * @return {@code spec} itself, or a copy with the calibrated curvature
     */
    public static ModelSpec calibrate(MmmDataset data, ModelSpec spec, RidgeOptions options) {
        Objects.requireNonNull(data, "data");
        ModelSpec.Price price = spec.price();
        if (price == null || !price.curvature().isEmpty()) {
            return spec;
        }
        int[] groupOf = new int[data.nGeos()];
        int groups = Design.priceGroups(data.geos(), price, groupOf).size();
        List<Double> k = new ArrayList<>();
        for (int b = 0; b < groups; b++) {
            k.add(0.0);
        }
        RidgeOptions o = options.withBootstrap(0);
        ModelSpec s = spec.withPrice(price.calibrated(k));
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            List<Double> e = new ArrayList<>();
            for (PriceElasticity pe : Ridge.fit(data, s, o).priceElasticities()) {
                e.add(pe.estimate());
            }
            ModelSpec next = s.withPrice(price.calibrated(e));
            double moved = 0;
            for (int b = 0; b < groups; b++) {
                moved = Math.max(moved, Math.abs(next.price().curvature(b) - s.price().curvature(b)));
            }
            s = next;
            if (moved < TOLERANCE) {
                break;
            }
        }
        return s;
    }
}
