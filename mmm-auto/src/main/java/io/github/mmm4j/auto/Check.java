package io.github.mmm4j.auto;

import java.util.Objects;

/**
 * One named check of the critic's quality gate.
 *
 * @param name the check's name, stable across versions: {@code overfitting}, {@code signs},
 *     {@code roi_plausibility}, {@code agreement}, {@code honest_consensus}, {@code collinearity},
 *     {@code sample_size}, {@code bayes_diagnostics}, {@code holdout_no_worse}, {@code roi_shift}
 *     (see {@link Critic})
 * @param passed whether it passed
 * @param blocking whether a failure blocks approval (advisory checks report a property of the data that no
 *     change of model can fix, such as collinear channels)
 * @param evidence the figures behind the outcome, in words
 */
public record Check(String name, boolean passed, boolean blocking, String evidence) {

    /** Validates. */
    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(evidence, "evidence");
    }
}
