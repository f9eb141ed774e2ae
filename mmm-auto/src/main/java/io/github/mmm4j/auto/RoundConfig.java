package io.github.mmm4j.auto;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.models.ModelSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import io.github.mmm4j.models.Estimator;
import java.util.ArrayList;

/**
 * What one round fits: the model structure shared by every estimator, the holdout, the extra event indicators the
 * tuner added, the estimators with their own settings, and the search's settings.
 *
 * @param spec the model structure (transforms per channel, trend, harmonics)
 * @param holdout final periods held out for testing
 * @param extraEvents dates that get their own 0/1 event column ({@code event_<date>}), added for anomalies
 * @param estimators the estimators fitted this round, each with its own settings (the tuner may change them through
 *     {@link Estimator#remedy})
 * @param search whether the fixed-transform estimators get their transforms from the hyperparameter search (the
 *     structure, i.e. each channel's adstock and saturation family, always comes from {@code spec})
 * @param ranges the tuner's changes to the search's default ranges
 */
public record RoundConfig(ModelSpec spec, int holdout, List<LocalDate> extraEvents, List<Estimator> estimators,
        boolean search, List<RangeOverride> ranges) {

    /** Validates and copies. */
    public RoundConfig {
        Objects.requireNonNull(spec, "spec");
        Checks.checkNonNegative("holdout", holdout);
        extraEvents = List.copyOf(extraEvents);
        estimators = List.copyOf(estimators);
        Checks.checkArgument(!estimators.isEmpty(), "no estimators");
        ranges = List.copyOf(ranges);
    }

    /**
     * @param newSpec the structure
     * @return a copy with that structure
     */
    public RoundConfig withSpec(ModelSpec newSpec) {
        return new RoundConfig(newSpec, holdout, extraEvents, estimators, search, ranges);
    }

    /**
     * @param periods the holdout
     * @return a copy with that holdout
     */
    public RoundConfig withHoldout(int periods) {
        return new RoundConfig(spec, periods, extraEvents, estimators, search, ranges);
    }

    /**
     * @param date a date to give its own event indicator
     * @return a copy with that event added
     */
    public RoundConfig withExtraEvent(LocalDate date) {
        List<LocalDate> e = new ArrayList<>(extraEvents);
        e.add(date);
        return new RoundConfig(spec, holdout, e, estimators, search, ranges);
    }

    /**
     * @param range a change of a search range
     * @return a copy with that change added
     */
    public RoundConfig withRange(RangeOverride range) {
        List<RangeOverride> r = new ArrayList<>(ranges);
        r.add(range);
        return new RoundConfig(spec, holdout, extraEvents, estimators, search, r);
    }

    /**
     * @param replacement an estimator whose name is one of this round's estimators
     * @return a copy with that estimator replaced
     */
    public RoundConfig withEstimator(Estimator replacement) {
        List<Estimator> e = new ArrayList<>(estimators);
        for (int i = 0; i < e.size(); i++) {
            if (e.get(i).name().equals(replacement.name())) {
                e.set(i, replacement);
                return new RoundConfig(spec, holdout, extraEvents, e, search, ranges);
            }
        }
        throw new IllegalArgumentException("no estimator '" + replacement.name() + "' in this round");
    }

    /**
     * What a fit of {@code estimator} depends on in this round: two rounds with equal inputs and the same estimator
     * give the same fit, so the analysis reuses the earlier one. An estimator that learns its transforms
     * ({@link Estimator#learnsTransforms()}) depends only on the structure, not on the spec's parameter values.
     *
     * @param estimator one of this round's estimators
     * @return a value whose equality means "same fit"
     */
    public Object inputs(Estimator estimator) {
        Object structure = estimator.learnsTransforms() ? Tuner.structure(spec) : spec;
        return List.of(estimator, structure, spec.trend(), spec.fourierHarmonics(), holdout, extraEvents);
    }
}
