package io.github.mmm4j.models;

import io.github.mmm4j.synthetic.PymcExampleProcess;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default (tuned) ridge and NNLS fits on re-draws of PyMC-Marketing's documented {@code mmm_example} process
 * ({@link PymcExampleProcess}), modelled as its notebook does (the controls {@code event_1}, {@code event_2},
 * {@code t}). Before the tuner left out columns that are constant on a fold's rows (here a one-week event outside
 * them), its criterion was dominated by that fold's unbounded event coefficient, and the default fits over-estimated
 * x1 by +109% (ridge) and +149% (NNLS) with intervals covering 3 of 12 times.
 *
 * <p>Bounds, on 8 fixed seeds: the mean signed ROI error of each channel within 30% (measured: x1 +17%, x2 -2% on 12
 * draws), every point inside its interval, and the 90% intervals covering the truth in at least 11 of the 16 channel
 * fits (measured 21 of 24 on 12 draws; P(at most 10 of 16 | true rate 0.85) is about 0.02).
 */
class PublicProcessRecoveryTest {

    @Test
    void defaultRidgeAndNnlsRecoverTheDocumentedProcess() {
        for (String estimator : new String[] {"ridge", "nnls"}) {
            int reps = 8;
            double[] err = new double[2];
            int covered = 0;
            for (int r = 0; r < reps; r++) {
                PymcExampleProcess.Draw d = PymcExampleProcess.draw(20261206L + r);
                RidgeOptions o = RidgeOptions.defaults().withSeed(r).withBootstrap(100);
                FittedModel m = estimator.equals("ridge") ? Ridge.fit(d.data(), ModelSpec.defaults(d.data()), o)
                        : NonNegativeLeastSquares.fit(d.data(), ModelSpec.defaults(d.data()), o);
                for (int c = 0; c < 2; c++) {
                    ChannelSummary s = m.channels().get(c);
                    Interval iv = s.roiInterval().orElseThrow();
                    assertTrue(iv.contains(s.roi()), estimator + " draw " + r + ": point outside its interval " + s);
                    err[c] += (s.roi() / d.trueRoi()[c] - 1) / reps;
                    if (iv.contains(d.trueRoi()[c])) {
                        covered++;
                    }
                }
            }
            for (int c = 0; c < 2; c++) {
                assertTrue(Math.abs(err[c]) < 0.30, estimator + " x" + (c + 1) + " mean signed ROI error " + err[c]);
            }
            assertTrue(covered >= 11, estimator + ": covered " + covered + " of " + 2 * reps);
        }
    }

    /**
     * The Bayesian model with its default priors on 4 re-draws (2 chains of 300 warmup and 300 draws): measured on 6
     * re-draws with 4 chains, x1 +12% and x2 -1%, all 12 intervals covering. Asserted: mean signed error within 20% per
     * channel, every point inside its interval, at least 6 of the 8 intervals covering.
     */
    @Test
    void bayesianModelRecoversTheDocumentedProcess() {
        int reps = 4;
        double[] err = new double[2];
        int covered = 0;
        for (int r = 0; r < reps; r++) {
            PymcExampleProcess.Draw d = PymcExampleProcess.draw(20261207L + r);
            FittedModel m = io.github.mmm4j.models.bayes.BayesianMmm.fit(d.data(), ModelSpec.defaults(d.data()),
                    io.github.mmm4j.models.bayes.BayesOptions.defaults().withSeed(r).withChains(2).withWarmup(300)
                            .withDraws(300));
            for (int c = 0; c < 2; c++) {
                ChannelSummary s = m.channels().get(c);
                Interval iv = s.roiInterval().orElseThrow();
                assertTrue(iv.contains(s.roi()), "draw " + r + ": point outside its interval " + s);
                err[c] += (s.roi() / d.trueRoi()[c] - 1) / reps;
                covered += iv.contains(d.trueRoi()[c]) ? 1 : 0;
            }
        }
        for (int c = 0; c < 2; c++) {
            assertTrue(Math.abs(err[c]) < 0.20, "bayes x" + (c + 1) + " mean signed ROI error " + err[c]);
        }
        assertTrue(covered >= 6, "bayes: covered " + covered + " of " + 2 * reps);
    }
}
