package io.github.mmm4j.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A time-ordered split of a dataset into a training window and the holdout of its final periods (in every
 * geo). Time order is kept: no holdout period precedes a training period.
 *
 * @param train the first {@code nPeriods - holdout} periods
 * @param test the final {@code holdout} periods, empty when {@code holdout} is 0
 * @param holdout number of holdout periods
 */
public record TimeSplit(MmmDataset train, Optional<MmmDataset> test, int holdout) {

    /** Validates the parts. */
    public TimeSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Checks.checkNonNegative("holdout", holdout);
    }

    /**
     * Splits off the final {@code holdout} periods.
     *
     * @param data the dataset
     * @param holdout number of final periods to hold out, 0 for none
     * @return the split
     * @throws IllegalArgumentException if {@code holdout} is negative or leaves fewer than 2 training periods
     */
    public static TimeSplit holdoutLast(MmmDataset data, int holdout) {
        Objects.requireNonNull(data, "data");
        Checks.checkNonNegative("holdout", holdout);
        int n = data.nPeriods();
        Checks.checkArgument(n - holdout >= 2, "holdout = %d leaves %d training periods of %d; need at least 2",
                holdout, n - holdout, n);
        if (holdout == 0) {
            return new TimeSplit(data, Optional.empty(), 0);
        }
        return new TimeSplit(data.slice(0, n - holdout), Optional.of(data.slice(n - holdout, n)), holdout);
    }
}
