package io.github.mmm4j.auto;

import io.github.mmm4j.models.Interval;
import java.util.Objects;
import java.util.Optional;

/**
 * One model's estimate for one channel.
 *
 * @param model the estimator's name
 * @param roi the point ROI
 * @param roiInterval the ROI interval, if the model gives one
 * @param contribution total contribution in the data window
 * @param share share of media contribution
 * @param rank the channel's ROI rank within this model, 1 for the highest
 */
public record ModelEstimate(String model, double roi, Optional<Interval> roiInterval, double contribution, double share,
        int rank) {

    /** Validates. */
    public ModelEstimate {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(roiInterval, "roiInterval");
    }
}
