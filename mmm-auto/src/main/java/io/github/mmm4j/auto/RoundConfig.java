package io.github.mmm4j.auto;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.models.ModelSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one round fits: the model structure shared by every estimator, the holdout, the extra event indicators
 * the tuner added, and the Bayesian sampler's budget.
 *
 * @param spec the model structure (transforms per channel, trend, harmonics)
 * @param holdout final periods held out for testing
 * @param extraEvents dates that get their own 0/1 event column ({@code event_<date>}), added for anomalies
 * @param bayesWarmup warmup iterations per chain of the Bayesian model
 * @param bayesDraws draws per chain of the Bayesian model
 * @param bayesChains chains of the Bayesian model
 * @param bayesTargetAccept the sampler's target acceptance statistic (higher: smaller steps, fewer divergences)
 * @param search whether the fixed-transform estimators get their transforms from the hyperparameter search (the
 *     structure, i.e. each channel's adstock and saturation family, always comes from {@code spec})
 * @param ranges the tuner's changes to the search's default ranges
 */
public record RoundConfig(ModelSpec spec, int holdout, List<LocalDate> extraEvents, int bayesWarmup, int bayesDraws,
        int bayesChains, double bayesTargetAccept, boolean search, List<RangeOverride> ranges) {

    /** Validates and copies. */
    public RoundConfig {
        Objects.requireNonNull(spec, "spec");
        Checks.checkNonNegative("holdout", holdout);
        extraEvents = List.copyOf(extraEvents);
        ranges = List.copyOf(ranges);
        Checks.checkPositive("bayesWarmup", bayesWarmup);
        Checks.checkPositive("bayesDraws", bayesDraws);
        Checks.checkPositive("bayesChains", bayesChains);
        Checks.checkArgument(bayesTargetAccept > 0 && bayesTargetAccept < 1, "bayesTargetAccept = %s; must be in (0, 1)",
                bayesTargetAccept);
    }

    /**
     * @param newSpec the structure
     * @return a copy with that structure
     */
    public RoundConfig withSpec(ModelSpec newSpec) {
        return new RoundConfig(newSpec, holdout, extraEvents, bayesWarmup, bayesDraws, bayesChains,
                bayesTargetAccept, search, ranges);
    }

    /**
     * @param periods the holdout
     * @return a copy with that holdout
     */
    public RoundConfig withHoldout(int periods) {
        return new RoundConfig(spec, periods, extraEvents, bayesWarmup, bayesDraws, bayesChains,
                bayesTargetAccept, search, ranges);
    }

    /**
     * @param date a date to give its own event indicator
     * @return a copy with that event added
     */
    public RoundConfig withExtraEvent(LocalDate date) {
        List<LocalDate> e = new java.util.ArrayList<>(extraEvents);
        e.add(date);
        return new RoundConfig(spec, holdout, e, bayesWarmup, bayesDraws, bayesChains,
                bayesTargetAccept, search, ranges);
    }

    /**
     * @param warmup warmup iterations per chain
     * @param draws draws per chain
     * @return a copy with that sampler budget
     */
    public RoundConfig withBayesBudget(int warmup, int draws) {
        return new RoundConfig(spec, holdout, extraEvents, warmup, draws, bayesChains, bayesTargetAccept, search, ranges);
    }

    /**
     * @param range a change of a search range
     * @return a copy with that change added
     */
    public RoundConfig withRange(RangeOverride range) {
        List<RangeOverride> r = new java.util.ArrayList<>(ranges);
        r.add(range);
        return new RoundConfig(spec, holdout, extraEvents, bayesWarmup, bayesDraws, bayesChains, bayesTargetAccept,
                search, r);
    }

    /**
     * @param targetAccept the sampler's target acceptance statistic
     * @return a copy with that target
     */
    public RoundConfig withBayesTargetAccept(double targetAccept) {
        return new RoundConfig(spec, holdout, extraEvents, bayesWarmup, bayesDraws, bayesChains,
                targetAccept, search, ranges);
    }
}
