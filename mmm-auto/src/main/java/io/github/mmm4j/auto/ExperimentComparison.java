package io.github.mmm4j.auto;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.bayes.LiftTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One experiment (lift test) set against what every model of a round predicts for it, over the same periods and geos
 * ({@link LiftTest#predictedLift}: the test's window and the channel's carryover after it). The report's
 * "experiments" table and the quality gate's {@code experiments} check are written from it.
 *
 * @param test the experiment as given
 * @param impliedSpendChange the total spend change the test made on the data (for a multiplier test, the multiplier
 *     applied to the observed spend of its window)
 * @param predictions one per model, in the round's order
 */
public record ExperimentComparison(LiftTest test, double impliedSpendChange, List<Prediction> predictions) {

    /** Most draws a prediction's interval is computed from (evenly spaced over the model's draws). */
    static final int MAX_DRAWS = 200;

    /**
     * One model's prediction of the experiment.
     *
     * @param estimator the model's estimator name
     * @param lift the predicted total lift from the model's point estimate (KPI units)
     * @param interval the equal-tailed interval of the lift over the model's draws, at the model's level; empty when
     *     the model has no draws or intervals were not asked for
     * @param consistent whether the point prediction lies within two of the experiment's standard errors of the
     *     measured lift
     */
    public record Prediction(String estimator, double lift, Optional<Interval> interval, boolean consistent) {

        /** Validates. */
        public Prediction {
            Objects.requireNonNull(estimator, "estimator");
            Objects.requireNonNull(interval, "interval");
        }
    }

    /**
     * @return the test in a few words for reasons and evidence, e.g. {@code "social test 2023-09-04 to 2023-09-25"}
     *     (with {@code " in geo02"} for a geo test)
     */
    public String describeTest() {
        return test.channel() + " test " + test.start() + " to " + test.end()
                + (test.geo() == null ? "" : " in " + test.geo());
    }

    /** Validates and copies. */
    public ExperimentComparison {
        Objects.requireNonNull(test, "test");
        predictions = List.copyOf(predictions);
    }

    /**
     * Compares every experiment with every model.
     *
     * @param models the round's models, fitted on the data the experiments ran on
     * @param tests the experiments
     * @param intervals whether to compute each prediction's interval over the model's draws (up to
     *     {@value #MAX_DRAWS} evenly spaced draws; a report wants them, the per-round check does not)
     * @return one comparison per experiment, in the given order
     */
    public static List<ExperimentComparison> of(List<FittedModel> models, List<LiftTest> tests, boolean intervals) {
        List<ExperimentComparison> out = new ArrayList<>();
        for (LiftTest t : tests) {
            List<Prediction> ps = new ArrayList<>();
            MmmDataset data = models.isEmpty() ? null : models.get(0).data();
            for (FittedModel m : models) {
                double p = t.predictedLift(m);
                Optional<Interval> iv = Optional.empty();
                if (intervals && m.drawCount() > 1) {
                    int k = Math.min(MAX_DRAWS, m.drawCount());
                    double[] sample = new double[k];
                    for (int i = 0; i < k; i++) {
                        sample[i] = t.predictedLift(m.draw((int) ((long) i * m.drawCount() / k)));
                    }
                    iv = Optional.of(m.hasPoint() ? Interval.around(sample, m.intervalLevel(), p)
                            : Interval.of(sample, m.intervalLevel()));
                }
                ps.add(new Prediction(m.estimator(), p, iv, Math.abs(p - t.lift()) <= 2 * t.standardError()));
            }
            out.add(new ExperimentComparison(t, data == null ? t.spendChange() : t.impliedSpendChange(data), ps));
        }
        return out;
    }

    /** @return the first date of the test */
    public LocalDate start() {
        return test.start();
    }

    /** @return whether every model's point prediction is within two standard errors of the measured lift */
    public boolean allConsistent() {
        return predictions.stream().allMatch(Prediction::consistent);
    }
}
