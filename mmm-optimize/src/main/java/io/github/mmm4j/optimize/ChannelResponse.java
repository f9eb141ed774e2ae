package io.github.mmm4j.optimize;

/**
 * A channel's response over a planning horizon: {@code f(x)}, the channel's KPI contribution summed over the
 * horizon's rows when the channel spends {@code x} in total over the horizon, spread over periods and geos by the
 * planning model's flighting, carryover from historical spend included. {@code f(0)} is therefore the carryover of
 * past spend into the horizon, and {@code f(x) - f(0)} the incremental KPI of the horizon spend.
 *
 * <p>The budget optimizer works on these functions. A response from a {@link PlanningModel} of a linear model is
 * evaluated exactly from the channel's transforms: adstock is linear, so the adstocked, scaled spend in horizon row
 * {@code r} is {@code a[r] + x * w[r]} (history carryover {@code a}, adstocked flighting weights {@code w}) and
 * {@code f(x) = beta * sum_r sat(a[r] + x * w[r])}, {@code f'(x) = beta * sum_r sat'(a[r] + x * w[r]) * w[r]}
 * (Jin et al. 2017, "Bayesian methods for media mix modeling with carryover and shape effects").
 */
public interface ChannelResponse {

    /**
     * @param spend total spend over the horizon, at least 0
     * @return the contribution over the horizon, KPI units
     */
    double value(double spend);

    /**
     * @param spend total spend over the horizon, at least 0
     * @return {@code d value / d spend}: the marginal ROI of horizon spend, KPI units per unit of spend
     */
    double derivative(double spend);

    /**
     * Whether the response is known to be concave on {@code [0, inf)} (for example a positive coefficient times a
     * concave saturation). The optimizer checks other responses numerically.
     *
     * @return true only if concavity is guaranteed
     */
    default boolean knownConcave() {
        return false;
    }
}
