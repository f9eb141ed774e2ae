package io.github.mmm4j.auto;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Numbers;
import io.github.mmm4j.models.bayes.LiftTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the {@link Explorer} finds about one experiment (lift test) before any model is fitted: where it lies in the
 * data, how much the channel spent in its window, the spend change it made, and anything that weakens it as
 * evidence.
 *
 * @param test the experiment as given
 * @param periods the number of the data's periods inside the test's window
 * @param observedSpend the channel's observed spend over the window (in the test's geos)
 * @param impliedSpendChange the spend change the test made (see {@link LiftTest#impliedSpendChange})
 * @param inHoldout whether part of the window lies in the final {@code holdout} periods, which the models do not
 *     train on
 * @param problems findings that weaken the experiment, each a sentence; empty when none
 */
public record ExperimentProfile(LiftTest test, int periods, double observedSpend, double impliedSpendChange,
        boolean inHoldout, List<String> problems) {

    /** Validates and copies. */
    public ExperimentProfile {
        Objects.requireNonNull(test, "test");
        problems = List.copyOf(problems);
    }

    /**
     * Profiles an experiment against the data it ran on.
     *
     * @param test the experiment (its channel and geo are in the data, its window overlaps it: checked on reading)
     * @param data the data
     * @param holdout the final periods held out of training
     * @return the profile
     */
    public static ExperimentProfile of(LiftTest test, MmmDataset data, int holdout) {
        int c = data.channelIndex(test.channel());
        int g0 = test.geo() == null ? -1 : data.geos().indexOf(test.geo());
        int nt = data.nPeriods();
        int periods = 0;
        int last = -1;
        double observed = 0;
        for (int t = 0; t < nt; t++) {
            LocalDate d = data.time().date(t);
            if (d.isBefore(test.start()) || d.isAfter(test.end())) {
                continue;
            }
            periods++;
            last = t;
            for (int g = 0; g < data.nGeos(); g++) {
                if (g0 < 0 || g == g0) {
                    observed += data.spend(g * nt + t, c);
                }
            }
        }
        double change = test.impliedSpendChange(data);
        boolean inHoldout = last >= nt - holdout;
        List<String> problems = new ArrayList<>();
        if (test.byMultiplier() && observed == 0) {
            problems.add("the channel spent nothing in the window, so a multiplier changes nothing: the test carries "
                    + "no information");
        }
        if (change != 0 && test.lift() != 0 && Math.signum(change) != Math.signum(test.lift())) {
            problems.add(String.format(Locale.ROOT, "the measured lift (%s) has the opposite sign of the spend change "
                    + "(%s): check the sign convention (a cut or go-dark test has a negative lift)",
                    Numbers.significant(test.lift(), 4), Numbers.significant(change, 4)));
        }
        if (Math.abs(test.lift()) < 2 * test.standardError()) {
            problems.add(String.format(Locale.ROOT, "the lift (%s) is within two standard errors (%s) of zero: the "
                    + "test bounds the effect but does not show one", Numbers.significant(test.lift(), 4),
                    Numbers.significant(test.standardError(), 3)));
        }
        java.time.LocalDate first = data.time().start();
        java.time.LocalDate lastDate = data.time().end();
        if (test.start().isBefore(first) || test.end().isAfter(lastDate)) {
            problems.add(String.format(Locale.ROOT, "the window (%s to %s) reaches beyond the data (%s to %s): only %d "
                    + "of its periods are in the data, so the measured lift covers weeks the models cannot see and "
                    + "will not match their prediction", test.start(), test.end(), first, lastDate, periods));
        }
        if (inHoldout) {
            problems.add("the window reaches into the final " + holdout + " held-out periods, which the models do not "
                    + "train on");
        }
        return new ExperimentProfile(test, periods, observed, change, inHoldout, problems);
    }

    /** @return the experiment in one line, for reports */
    public String describe() {
        LiftTest e = test;
        return String.format(Locale.ROOT, "%s %s to %s%s (%d periods): %s, spend change %s on %s observed; lift %s +- %s",
                e.channel(), e.start(), e.end(), e.geo() == null ? "" : " in " + e.geo(), periods,
                e.byMultiplier() ? "spend x " + Numbers.significant(e.multiplier(), 3) : "total change",
                Numbers.significant(impliedSpendChange, 4), Numbers.significant(observedSpend, 4),
                Numbers.significant(e.lift(), 4), Numbers.significant(e.standardError(), 3));
    }
}
