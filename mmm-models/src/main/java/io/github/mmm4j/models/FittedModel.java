package io.github.mmm4j.models;

import io.github.mmm4j.core.FitMetrics;
import io.github.mmm4j.core.MmmDataset;
import java.util.List;
import java.util.Optional;

/**
 * A fitted marketing mix model: the one interface through which attribution, optimisation, reports and the
 * command line use every estimator.
 *
 * <p>A model is fitted on {@link #data()}, of which the final {@link #holdout()} periods (in every geo) were
 * held out of estimation. Transforms always run over the whole series given, so carryover flows from the
 * training periods into the holdout.
 */
public interface FittedModel {

    /** @return the estimator's name: {@code ridge}, {@code nnls} or {@code bayes} */
    String estimator();

    /** @return the model structure */
    ModelSpec spec();

    /** @return the data the model was fitted on, holdout included */
    MmmDataset data();

    /** @return the number of final periods held out of estimation */
    int holdout();

    /** @return the training frame (origin date and media scales) used to build designs for any data */
    Design.Frame frame();

    /**
     * Predicts the KPI for every row of {@code data}, which must have the model's channels, controls, events
     * and geos; dates may be any regular index (for example a scenario or later periods). Spend before
     * {@code data}'s first period is taken as zero.
     *
     * @param data the data to predict
     * @return the prediction per row; equal to {@code decompose(data).predicted()}
     */
    default double[] predict(MmmDataset data) {
        return decompose(data).predicted();
    }

    /**
     * Splits the prediction for {@code data} into additive components that sum exactly to the prediction.
     *
     * @param data the data, as for {@link #predict(MmmDataset)}
     * @return the decomposition
     */
    Decomposition decompose(MmmDataset data);

    /**
     * Per channel: spend, contribution, share and ROI over the whole data window (training and holdout
     * periods, every geo).
     *
     * @return one summary per channel, in channel order
     */
    List<ChannelSummary> channels();

    /** @return fit measures on the training periods */
    FitMetrics trainMetrics();

    /** @return fit measures on the holdout periods, empty without a holdout */
    Optional<FitMetrics> testMetrics();

    /** @return how the model was made */
    Provenance provenance();

    /**
     * The steady-state response of a channel: the KPI contribution per period once carryover has built up,
     * when the channel spends {@code spendPerPeriod} in every period (in a panel: in total over geos, split
     * across geos in proportion to the channel's historical spend in each). For adstock weights summing to
     * {@code W} and a channel scale {@code scale} (mean historical spend per row) this is
     * {@code beta * sum_g sat(W * spend_g / scale)}. Plotted against spend it is the channel's response curve.
     *
     * @param channel the channel index
     * @param spendPerPeriod spend per period, at least 0
     * @return the KPI contribution per period
     */
    double response(int channel, double spendPerPeriod);

    /**
     * The derivative of {@link #response(int, double)} with respect to spend per period: the extra KPI per
     * period per extra unit of steady spend.
     *
     * @param channel the channel index
     * @param spendPerPeriod spend per period, at least 0
     * @return the marginal response
     */
    double marginalResponse(int channel, double spendPerPeriod);

    /**
     * The number of draws behind the interval estimates: bootstrap replicates for ridge, posterior draws for
     * the Bayesian model, 0 for a point estimate.
     *
     * @return the number of draws
     */
    default int drawCount() {
        return 0;
    }

    /**
     * One draw as a point model (same data, frame and holdout): used to carry uncertainty through any
     * computation (scenarios, budget plans, attribution) by repeating it per draw.
     *
     * @param i the draw, in {@code [0, drawCount())}
     * @return the draw's model, itself without draws
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    default FittedModel draw(int i) {
        throw new IndexOutOfBoundsException("draw " + i + " of a model with " + drawCount() + " draws");
    }

    /** @return the nominal coverage of the intervals, 0.9 unless the estimator was told otherwise */
    default double intervalLevel() {
        return 0.9;
    }
}
