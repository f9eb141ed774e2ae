package io.github.mmm4j.models.search;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.models.linear.Sign;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One evaluated model of a {@link HyperparameterSearch}: the transforms' parameters (as a {@link ModelSpec}), the
 * ridge penalty and its objectives, with the settings needed to refit it through the shared API
 * ({@link #fit(MmmDataset, RidgeOptions)}).
 *
 * @param spec the model structure with this candidate's transform parameters
 * @param lambda the ridge penalty on standardised columns (see {@link Ridge})
 * @param nrmse NRMSE on the training rows (see {@link SearchEvaluator})
 * @param decompRssd DECOMP.RSSD over the paid channels (see {@link SearchEvaluator})
 * @param mapeLift MAPE.LIFT, present when lift experiments were given
 * @param rSquared {@code 1 - RSS / TSS} on the training rows
 * @param effectShares (copied) each channel's share of the paid channels' contribution (0 for organic channels),
 *     in the spec's channel order
 * @param spendShares (copied) each channel's share of the paid channels' training spend (0 for organic channels)
 * @param unit (copied) the candidate's coordinates in the search space's unit box
 * @param trial the trial that evaluated it
 * @param evaluation its position among that trial's evaluations, from 0
 * @param holdout the final periods the search held out
 * @param nonNegativeMedia whether media coefficients were constrained to be at least 0
 * @param controlSigns the control sign constraints of the search
 */
public record Candidate(ModelSpec spec, double lambda, double nrmse, double decompRssd, OptionalDouble mapeLift,
        double rSquared, double[] effectShares, double[] spendShares, double[] unit, int trial, int evaluation,
        int holdout, boolean nonNegativeMedia, Map<String, Sign> controlSigns) {

    /** Validates and copies. */
    public Candidate {
        Objects.requireNonNull(spec, "spec");
        Checks.checkNonNegative("lambda", lambda);
        Objects.requireNonNull(mapeLift, "mapeLift");
        effectShares = effectShares.clone();
        spendShares = spendShares.clone();
        unit = unit.clone();
        Checks.checkArgument(effectShares.length == spec.channels().size()
                && spendShares.length == spec.channels().size(), "shares must have one value per channel (%d)",
                spec.channels().size());
        controlSigns = Map.copyOf(controlSigns);
    }

    @Override
    public double[] effectShares() {
        return effectShares.clone();
    }

    @Override
    public double[] spendShares() {
        return spendShares.clone();
    }

    @Override
    public double[] unit() {
        return unit.clone();
    }

    /**
     * The objective vector as the search compared it.
     *
     * @return {@code {nrmse, decompRssd}} or, with lift experiments, {@code {nrmse, decompRssd, mapeLift}}
     */
    public double[] objectives() {
        return mapeLift.isPresent() ? new double[] {nrmse, decompRssd, mapeLift.getAsDouble()}
                : new double[] {nrmse, decompRssd};
    }

    /**
     * Fits this candidate with {@link Ridge} and default options (200 bootstrap replicates for intervals).
     *
     * @param data the data the search ran on
     * @return the fitted model
     */
    public FittedModel fit(MmmDataset data) {
        return fit(data, RidgeOptions.defaults());
    }

    /**
     * Fits this candidate through the shared API:
     * {@code Ridge.fit(data, spec, options.withLambda(lambda).withHoldout(holdout)
     * .withNonNegativeMedia(nonNegativeMedia).withControlSigns(controlSigns).withFixedTransforms(true))}. The
     * search's settings override those of {@code options}, so the point estimate is the one the search evaluated (to
     * rounding) and the bootstrap keeps the candidate's transforms (a Robyn-style choice: its intervals do not carry
     * the transforms' uncertainty); the other options (bootstrap, level, seed, parallelism) add the intervals.
     *
     * @param data the data the search ran on
     * @param options the remaining Ridge options
     * @return the fitted model
     * @throws IllegalArgumentException if the data do not match the spec
     */
    public FittedModel fit(MmmDataset data, RidgeOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        return Ridge.fit(data, spec, options.withLambda(lambda).withHoldout(holdout)
                .withNonNegativeMedia(nonNegativeMedia).withControlSigns(controlSigns).withFixedTransforms(true));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Candidate c && spec.equals(c.spec) && Double.compare(lambda, c.lambda) == 0
                && Double.compare(nrmse, c.nrmse) == 0 && Double.compare(decompRssd, c.decompRssd) == 0
                && mapeLift.equals(c.mapeLift) && Double.compare(rSquared, c.rSquared) == 0
                && Arrays.equals(effectShares, c.effectShares) && Arrays.equals(spendShares, c.spendShares)
                && Arrays.equals(unit, c.unit) && trial == c.trial && evaluation == c.evaluation
                && holdout == c.holdout && nonNegativeMedia == c.nonNegativeMedia
                && controlSigns.equals(c.controlSigns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, lambda, nrmse, decompRssd, mapeLift, rSquared, Arrays.hashCode(effectShares),
                Arrays.hashCode(spendShares), Arrays.hashCode(unit), trial, evaluation, holdout, nonNegativeMedia,
                controlSigns);
    }

    @Override
    public String toString() {
        return "Candidate[nrmse=" + nrmse + ", decompRssd=" + decompRssd
                + (mapeLift.isPresent() ? ", mapeLift=" + mapeLift.getAsDouble() : "") + ", rSquared=" + rSquared
                + ", lambda=" + lambda + ", trial=" + trial + ", evaluation=" + evaluation + ", spec=" + spec + "]";
    }
}
