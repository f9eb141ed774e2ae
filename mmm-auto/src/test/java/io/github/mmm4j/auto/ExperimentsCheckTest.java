package io.github.mmm4j.auto;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.NonNegativeLeastSquares;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.models.bayes.LiftTest;
import io.github.mmm4j.synthetic.DemoData;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The critic compares every estimator's predicted lift with every experiment. */
class ExperimentsCheckTest {

    @Test
    void passesWhenEveryModelPredictsTheMeasuredLiftAndNamesTheOnesThatDoNot() {
        MmmDataset data = DemoData.generate(42);
        RidgeOptions o = RidgeOptions.defaults().withFixedTransforms(true).withBootstrap(0);
        FittedModel ridge = Ridge.fit(data, ModelSpec.defaults(data), o);
        FittedModel nnls = NonNegativeLeastSquares.fit(data, ModelSpec.defaults(data), o);
        LiftTest probe = LiftTest.ofMultiplier("tv", data.time().date(40), data.time().date(47), 0, 1, 1);
        double r = probe.predictedLift(ridge);
        double n = probe.predictedLift(nnls);
        double se = Math.abs(r - n) + 0.05 * Math.abs(r);
        LiftTest fair = LiftTest.ofMultiplier("tv", data.time().date(40), data.time().date(47), 0, (r + n) / 2, se);
        Check ok = Critic.experiments(List.of(ridge, nnls), List.of(fair));
        assertTrue(ok.passed(), ok.evidence());
        assertFalse(ok.blocking());
        LiftTest far = LiftTest.ofMultiplier("tv", data.time().date(40), data.time().date(47), 0, 3 * r, se);
        Check bad = Critic.experiments(List.of(ridge, nnls), List.of(far));
        assertFalse(bad.passed());
        assertTrue(bad.evidence().contains("ridge on the tv test ") && bad.evidence().contains("nnls on the tv test "),
                bad.evidence());
        assertTrue(bad.evidence().contains("spend x 0"), bad.evidence());
    }
}
