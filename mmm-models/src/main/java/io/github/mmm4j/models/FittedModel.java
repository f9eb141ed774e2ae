package io.github.mmm4j.models;

import io.github.mmm4j.core.FitMetrics;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.linear.Collinearity;
import io.github.mmm4j.models.linear.CollinearityReport;
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
     * Collinearity of the model's design over the training rows: variance inflation factor per column and the
     * condition number of the standardised design (see {@link Collinearity}), so that channels whose effects
     * the data cannot separate are visible. Geo offset columns are left out.
     *
     * @return the report
     */
    default CollinearityReport collinearity() {
        Design d = Design.of(data(), spec(), frame());
        int nt = data().nPeriods();
        int nTrain = nt - holdout();
        int first = data().nGeos() - 1;
        int p = d.cols() - first;
        int n = nTrain * data().nGeos();
        double[] x = new double[n * p];
        int i = 0;
        for (int g = 0; g < data().nGeos(); g++) {
            for (int t = 0; t < nTrain; t++, i++) {
                for (int j = 0; j < p; j++) {
                    x[i * p + j] = d.get(g * nt + t, first + j);
                }
            }
        }
        return Collinearity.diagnose(x, n, p, d.columnNames().subList(first, d.cols()),
                Collinearity.DEFAULT_VIF_THRESHOLD, Collinearity.DEFAULT_CONDITION_THRESHOLD);
    }

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
     * The per-period contribution of one channel to one geo's KPI for a given spend series of that channel:
     * {@code beta_c * sat_c(adstock_c(spend / scale_c))}, spend before the series' first period taken as
     * zero. mmm4j's models are additive in media, so a channel's contribution depends on no other channel;
     * this is the kernel the budget optimizer and attribution evaluate many times. A model with draws and no
     * point coefficients returns the mean over its draws.
     *
     * @param channel the channel index
     * @param geo the geo index (0 for national data)
     * @param spend (input) not modified; the channel's spend per period in that geo, finite and non-negative
     * @return the contribution per period, same length as {@code spend}
     */
    default double[] channelContribution(int channel, int geo, double[] spend) {
        int nd = drawCount();
        if (nd == 0) {
            throw new UnsupportedOperationException(getClass().getSimpleName()
                    + " has neither point coefficients nor draws to compute a channel contribution from");
        }
        double[] sum = new double[spend.length];
        for (int i = 0; i < nd; i++) {
            double[] c = draw(i).channelContribution(channel, geo, spend);
            for (int t = 0; t < c.length; t++) {
                sum[t] += c[t];
            }
        }
        for (int t = 0; t < sum.length; t++) {
            sum[t] /= nd;
        }
        return sum;
    }

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

    /** @return the sampler's convergence diagnostics for a sampled (Bayesian) fit, empty for other estimators */
    default java.util.Optional<SamplerDiagnostics> samplerDiagnostics() {
        return java.util.Optional.empty();
    }

    /** @return the nominal coverage of the intervals, 0.9 unless the estimator was told otherwise */
    default double intervalLevel() {
        return 0.9;
    }
}
