package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.Checks;

/**
 * Posterior predictive checks of a {@link BayesModel} on its training rows (Gelman, Meng and Stern 1996; Gelman et
 * al., "Bayesian Data Analysis", 3rd ed., chapter 6). For each posterior draw {@code d} a replicated KPI series
 * {@code y_rep(d) = mu(d) + sd(KPI) sigma(d) eps}, {@code eps} from the likelihood's noise distribution, is
 * simulated (deterministically, from the fit's seed).
 *
 * <ul>
 *   <li>{@code coverage}: the fraction of training rows whose observed KPI lies inside the equal-tailed
 *       {@code level} posterior predictive interval of that row; close to {@code level} for a well-calibrated
 *       model, far below it for an over-confident one.</li>
 *   <li>Bayesian p-values {@code p = Pr(T(y_rep) >= T(y) | y)} (ties counted one half) of four test statistics of
 *       the training series: its standard deviation, minimum, maximum and lag-1 autocorrelation (within each
 *       geo, averaged). Values near 0 or 1 (below 0.05 or above 0.95) flag a feature of the data the model does
 *       not reproduce: too little variance, missed peaks or troughs, unmodelled serial dependence.</li>
 * </ul>
 *
 * @param level the nominal level of the predictive intervals, in (0, 1)
 * @param observations the number of training rows checked
 * @param coverage the fraction of observed values inside their predictive interval, in [0, 1]
 * @param pValueSd Bayesian p-value of the standard deviation
 * @param pValueMin Bayesian p-value of the minimum
 * @param pValueMax Bayesian p-value of the maximum
 * @param pValueAutocorrelation Bayesian p-value of the lag-1 autocorrelation
 */
public record PosteriorPredictiveCheck(double level, int observations, double coverage, double pValueSd,
        double pValueMin, double pValueMax, double pValueAutocorrelation) {

    /*
     * Validates.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public PosteriorPredictiveCheck {
        Checks.checkArgument(level > 0 && level < 1, "level = %s; must be in (0, 1)", level);
        Checks.checkPositive("observations", observations);
        Checks.checkInClosed("coverage", coverage, 0, 1);
        Checks.checkInClosed("pValueSd", pValueSd, 0, 1);
        Checks.checkInClosed("pValueMin", pValueMin, 0, 1);
        Checks.checkInClosed("pValueMax", pValueMax, 0, 1);
        Checks.checkInClosed("pValueAutocorrelation", pValueAutocorrelation, 0, 1);
    }

    /**
     * Returns whether any p-value lies outside {@code [0.05, 0.95]}.
     *
     * @return true if a test statistic is poorly reproduced
     */
    public boolean flagged() {
        return outside(pValueSd) || outside(pValueMin) || outside(pValueMax) || outside(pValueAutocorrelation);
    }

    private static boolean outside(double p) {
        return p < 0.05 || p > 0.95;
    }
}
