package io.github.mmm4j.synthetic;

import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.util.Objects;

/**
 * The true facts about one channel over the data window (every period of every geo).
 *
 * @param name the channel's name
 * @param adstock the true adstock
 * @param saturation the true saturation
 * @param effect the true effect (KPI units per period at saturation 1)
 * @param scale the channel's mean spend per row, the divisor of the true model
 * @param spend total spend
 * @param contribution total true contribution, {@code sum_r effect * mediaEffect_g * sat(adstock(spend / scale))[r]}
 * @param share {@code contribution / sum of all channels' contributions}
 * @param roi {@code contribution / spend}, KPI units per unit of spend
 * @param mroi marginal ROI at the observed spend: {@code d contribution(k) / d (k * spend)} at {@code k = 1} when
 *     the whole spend series is multiplied by {@code k}, computed analytically as
 *     {@code sum_r effect * mediaEffect_g * a[r] * sat'(a[r]) / spend}, {@code a = adstock(spend / scale)}
 * @param curve the steady-state response curve
 */
public record ChannelTruth(String name, Adstock adstock, Saturation saturation, double effect, double scale,
        double spend, double contribution, double share, double roi, double mroi, ResponseCurve curve) {

    /** Validates. */
    public ChannelTruth {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(adstock, "adstock");
        Objects.requireNonNull(saturation, "saturation");
        Objects.requireNonNull(curve, "curve");
    }
}
