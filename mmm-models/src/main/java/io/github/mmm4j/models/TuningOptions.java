package io.github.mmm4j.models;

import io.github.mmm4j.core.Checks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@link Ridge} and {@link NonNegativeLeastSquares} choose each channel's adstock and saturation parameters
 * (and ridge's penalty) by blocked cross-validation error, in the full-data fit and again in every bootstrap replicate (see
 * {@link Ridge}, "Tuning" and "Intervals"). Grouped apart from {@link RidgeOptions} because it is one concern.
 *
 * @param tuneTransforms whether to tune the transform parameters; false keeps the spec's values fixed (the behaviour
 *     before tuning was the default) and then, for ridge, only lambda is cross-validated on its grid
 * @param pointEvaluations candidate evaluations of the full-data tuning (CMA-ES then a pattern search), at least 1
 * @param replicateEvaluations candidate evaluations of the warm-started pattern search in each bootstrap replicate,
 *     at least 1
 */
public record TuningOptions(boolean tuneTransforms, int pointEvaluations, int replicateEvaluations) {

    /** Default candidate evaluations of the full-data tuning. */
    public static final int DEFAULT_POINT_EVALUATIONS = 1500;
    /** Default candidate evaluations per bootstrap replicate. */
    public static final int DEFAULT_REPLICATE_EVALUATIONS = 100;

    /** Validates. */
    public TuningOptions {
        Checks.checkPositive("pointEvaluations", pointEvaluations);
        Checks.checkPositive("replicateEvaluations", replicateEvaluations);
    }

    /** @return tuning on, {@value #DEFAULT_POINT_EVALUATIONS} and {@value #DEFAULT_REPLICATE_EVALUATIONS} evaluations */
    public static TuningOptions defaults() {
        return new TuningOptions(true, DEFAULT_POINT_EVALUATIONS, DEFAULT_REPLICATE_EVALUATIONS);
    }

    /** @return no tuning: the spec's transform parameters are used as given */
    public static TuningOptions fixed() {
        return new TuningOptions(false, DEFAULT_POINT_EVALUATIONS, DEFAULT_REPLICATE_EVALUATIONS);
    }

    /**
     * @param point evaluations of the full-data tuning
     * @param replicate evaluations per bootstrap replicate
     * @return a copy with those budgets
     */
    public TuningOptions withEvaluations(int point, int replicate) {
        return new TuningOptions(tuneTransforms, point, replicate);
    }

    /** @return the settings as strings, for provenance */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("transforms", tuneTransforms ? "tuned (blocked cross-validation)" : "fixed");
        if (tuneTransforms) {
            m.put("tuning_evaluations", Integer.toString(pointEvaluations));
            m.put("tuning_replicate_evaluations", Integer.toString(replicateEvaluations));
        }
        return m;
    }
}
