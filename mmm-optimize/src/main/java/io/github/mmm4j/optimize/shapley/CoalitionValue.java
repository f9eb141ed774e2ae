package io.github.mmm4j.optimize.shapley;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The value function of the channel game: {@code v(S)}, the predicted KPI summed over a window when only the
 * channels in coalition {@code S} keep their spend. A coalition is a bit mask: bit {@code i} set means player
 * {@code i} is in. Implementations need not be thread-safe.
 *
 * <p>Two forms: {@link #ofModel} (generic, any {@link FittedModel}, one prediction per coalition, cached) and
 * {@link #separable} (the KPI of each row is {@code link(base + sum_{c in S} contribution_c)}, with every channel's
 * contribution series computed once, so a coalition costs additions instead of a model evaluation; valid for models
 * whose channels enter the linear predictor separately, as mmm4j's do).
 */
public interface CoalitionValue {

    /** @return the number of players, at least 1 and at most 62 */
    int players();

    /** @return the players' names, in bit order */
    List<String> names();

    /**
     * @param coalition the bit mask of the players in the coalition
     * @return {@code v(coalition)}, not yet minus {@code v(empty)}
     */
    double value(long coalition);

    /**
     * Every coalition's value, {@code out[mask] = value(mask)} for {@code mask < 2^players()}.
     *
     * @param out (output) at least {@code 2^players()} long
     */
    default void allValues(double[] out) {
        long n = 1L << players();
        for (long m = 0; m < n; m++) {
            out[(int) m] = value(m);
        }
    }

    /**
     * The marginal contribution of each player when players join in {@code order}:
     * {@code out[order[k]] = v({order[0..k]}) - v({order[0..k-1]})}.
     *
     * @param order (input) not modified; a permutation of the players
     * @param out (output) one value per player
     */
    default void marginals(int[] order, double[] out) {
        long mask = 0;
        double prev = value(0);
        for (int p : order) {
            mask |= 1L << p;
            double v = value(mask);
            out[p] = v - prev;
            prev = v;
        }
    }

    /**
     * The generic game of any fitted model: {@code v(S)} is the model's prediction for {@code data} with every
     * channel outside {@code S} at zero spend in every period, summed over periods {@code [from, to)} of every geo.
     * Values are cached.
     *
     * @param model the model
     * @param data the data (for example {@code model.data()}, or a scenario)
     * @param from the first period of the window, inclusive
     * @param to the last period, exclusive
     * @return the game
     */
    static CoalitionValue ofModel(FittedModel model, MmmDataset data, int from, int to) {
        Objects.requireNonNull(model, "model");
        return new ModelCoalitionValue(model::predict, data, from, to);
    }

    /**
     * The generic game of any predictor, additive in media or not (for example a model with a multiplicative
     * media term): as {@link #ofModel}, with {@code predictor} giving the KPI per row of a dataset.
     *
     * @param predictor the KPI per row ({@code g * periods + t}) of a dataset with the data's channels and geos
     * @param data the data
     * @param from the first period of the window, inclusive
     * @param to the last period, exclusive
     * @return the game
     */
    static CoalitionValue ofPredictor(Function<MmmDataset, double[]> predictor, MmmDataset data, int from, int to) {
        return new ModelCoalitionValue(predictor, data, from, to);
    }

    /**
     * The separable game of a model additive in media (identity link): {@code base} is the prediction with no media
     * spend, each channel's series its {@link FittedModel#channelContribution} over the window. Equal to
     * {@link #ofModel} for such a model, at the cost of one prediction and one contribution per channel.
     *
     * @param model the model, additive in media
     * @param data the data
     * @param from the first period of the window, inclusive
     * @param to the last period, exclusive
     * @return the game
     */
    static CoalitionValue separable(FittedModel model, MmmDataset data, int from, int to) {
        return SeparableCoalitionValue.of(model, data, from, to);
    }

    /**
     * A separable game given directly: the KPI in row {@code r} for coalition {@code S} is
     * {@code link(base[r] + sum_{c in S} series[c][r])}, summed over rows.
     *
     * @param names the players' names
     * @param base (input) copied; the linear predictor with no player, per row
     * @param series (input) copied; {@code series[c][r]}, each as long as {@code base}
     * @param link the link
     * @return the game
     */
    static CoalitionValue separable(List<String> names, double[] base, double[][] series, Link link) {
        return new SeparableCoalitionValue(names, base, series, link);
    }
}
