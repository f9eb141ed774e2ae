package io.github.mmm4j.auto;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.Estimator;
import io.github.mmm4j.models.NonNegativeLeastSquares;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.models.bayes.BayesOptions;
import io.github.mmm4j.models.bayes.BayesianMmm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scales the automated analysis's work to the data's size, and says so: on large data (many rows times many
 * channels) fewer bootstrap replicates for ridge and NNLS, fewer warmup iterations and draws for the Bayesian model,
 * and at most two rounds, so that {@code auto} finishes in minutes instead of hours.
 *
 * <p>The rule depends on the data's size alone (never on a timing), so the same data and seed give the same
 * analysis on every machine. With {@code RC} the training rows (periods times geos) times the channels, the cost of
 * one ridge or NNLS candidate and of one gradient of the Bayesian model grows with {@code RC}
 * ({@code mmm-bench/README.md}: a gradient takes about 15 ns per row-channel on 2 cores):
 * <ul>
 *   <li>ridge and NNLS keep their replicates up to {@value #LINEAR_FULL} row-channels; above, {@code b} becomes
 *       {@code max(50, b * LINEAR_FULL / RC)};</li>
 *   <li>the Bayesian model keeps its iterations while {@code RC x (warmup + draws)} stays within
 *       {@value #BAYES_BUDGET} per chain; above, both are scaled down in proportion, to at least
 *       {@value #BAYES_FLOOR} each (then intervals rest on fewer draws: the sampler's R-hat and ESS in the report
 *       say how well they mix); where even that floor exceeds the budget ({@code RC} above 750,000) it is not
 *       fitted, unless it is the only estimator: on 20,000 daily rows x 50 channels its warmup took more than
 *       2.7 s of CPU per iteration (trees of 100 and more gradients of 15 ms), over 20 minutes for 4 chains of
 *       100 + 100 on 2 cores;</li>
 *   <li>above {@value #LINEAR_FULL} row-channels, at most two rounds.</li>
 * </ul>
 * The demo's data (156 weeks x 4 channels: 624 row-channels) and anything up to about three years of daily data
 * with 40 channels keep every default. 500,000 row-channels (for example 10,000 daily rows x 50 channels) get 80
 * replicates, 150 + 150 iterations per chain and two rounds; 20,000 daily rows x 50 channels (a million) get 50
 * replicates, two rounds and no Bayesian model.
 *
 * @param options the options to run with
 * @param notes what was scaled down and why, one sentence each; empty when nothing was
 */
public record SizeAdaptation(AutoOptions options, List<String> notes) {

    /** Row-channels up to which ridge and NNLS keep their bootstrap replicates and the rounds their limit. */
    public static final long LINEAR_FULL = 200_000;

    /** Row-channel-iterations per chain up to which the Bayesian model keeps its warmup and draws. */
    public static final double BAYES_BUDGET = 1.5e8;

    /** The fewest warmup iterations, and the fewest draws, per chain the Bayesian model is run with. */
    public static final int BAYES_FLOOR = 100;

    /** Copies the notes. */
    public SizeAdaptation {
        notes = List.copyOf(notes);
    }

    /**
     * @param data the data to analyse
     * @param options the analysis options
     * @param holdout the periods held out
     * @return the options scaled to the data's size, with the notes saying how
     */
    public static SizeAdaptation of(MmmDataset data, AutoOptions options, int holdout) {
        long rc = (long) Math.max(1, data.nPeriods() - holdout) * data.nGeos() * Math.max(1, data.nChannels());
        String size = String.format(Locale.ROOT, "%,d training rows x %d channels", (long) (data.nPeriods()
                - holdout) * data.nGeos(), data.nChannels());
        List<String> notes = new ArrayList<>();
        List<Estimator> scaled = new ArrayList<>();
        for (Estimator e : options.estimators()) {
            RidgeOptions lo = e instanceof Ridge r ? r.options()
                    : e instanceof NonNegativeLeastSquares nn ? nn.options() : null;
            if (lo != null && rc > LINEAR_FULL && lo.bootstrap() > 50) {
                int b = lo.bootstrap();
                int nb = (int) Math.max(50, Math.round(b * (double) LINEAR_FULL / rc));
                if (nb < b) {
                    RidgeOptions fewer = lo.withBootstrap(nb);
                    scaled.add(e instanceof Ridge r ? r.withOptions(fewer)
                            : ((NonNegativeLeastSquares) e).withOptions(fewer));
                    notes.add(String.format(Locale.ROOT, "%s: %d bootstrap replicates instead of %d (%s)", e.name(),
                            nb, b, size));
                    continue;
                }
            }
            if (e instanceof BayesianMmm bm) {
                BayesOptions o = bm.options();
                double per = (double) rc * (o.warmup() + o.draws());
                if (rc * 2.0 * BAYES_FLOOR > BAYES_BUDGET && options.estimators().size() > 1) {
                    // even the floor would take tens of minutes (about 1.5 s per iteration at a million
                    // row-channels, measured): the other estimators answer, and the report says why
                    notes.add(String.format(Locale.ROOT, "%s: not fitted; even %d + %d iterations per chain would "
                            + "take tens of minutes (%s); fit it alone with fit --model bayes, or on weekly data",
                            e.name(), BAYES_FLOOR, BAYES_FLOOR, size));
                    continue;
                }
                if (per > BAYES_BUDGET) {
                    double f = BAYES_BUDGET / per;
                    int w = (int) Math.max(BAYES_FLOOR, Math.round(o.warmup() * f));
                    int d = (int) Math.max(BAYES_FLOOR, Math.round(o.draws() * f));
                    if (w < o.warmup() || d < o.draws()) {
                        scaled.add(bm.withOptions(o.withWarmup(Math.min(w, o.warmup()))
                                .withDraws(Math.min(d, o.draws()))));
                        notes.add(String.format(Locale.ROOT, "%s: %d warmup iterations and %d draws per chain "
                                + "instead of %d and %d (%s)", e.name(), Math.min(w, o.warmup()),
                                Math.min(d, o.draws()), o.warmup(), o.draws(), size));
                        continue;
                    }
                }
            }
            scaled.add(e);
        }
        AutoOptions out = options.withEstimators(scaled);
        if (rc > LINEAR_FULL && options.maxRounds() > 2) {
            out = out.withMaxRounds(2);
            notes.add(String.format(Locale.ROOT, "at most 2 rounds instead of %d (%s)", options.maxRounds(), size));
        }
        return new SizeAdaptation(out, notes);
    }
}
