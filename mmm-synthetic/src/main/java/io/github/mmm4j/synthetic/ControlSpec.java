package io.github.mmm4j.synthetic;

/**
 * A control variable of a scenario: a series that enters the dataset as a control column and adds a true
 * contribution {@code coefficient * (value[r] - reference)} to the KPI in every row {@code r}, where
 * {@code reference} is the control's level ({@link #reference()}); the coefficient is in KPI units per unit of
 * the control. Each geo draws its own series; the coefficient is the same in every geo.
 *
 * <p>The records are not validated on their own; {@link ScenarioSpec} validates them and names the field.
 */
public sealed interface ControlSpec
        permits ControlSpec.Price, ControlSpec.Macro, ControlSpec.Competitor, ControlSpec.Confounder {

    /** @return the control's column name */
    String name();

    /**
     * @return the kind as used in scenario files: {@code price}, {@code macro}, {@code competitor} or
     *     {@code confounder}
     */
    String type();

    /** @return the level around which the control moves; its contribution is zero there */
    double reference();

    /**
     * The true coefficient in KPI units per unit of the control.
     *
     * @param baseline the scenario's baseline (the price elasticity is relative to its intercept)
     * @return the coefficient
     */
    double coefficient(ScenarioSpec.Baseline baseline);

    /**
     * A price with a constant elasticity at the reference level: {@code price[t] = level * exp(u[t])},
     * {@code u[t] = 0.9 u[t-1] + volatility z[t]}, {@code u[-1] = 0}; coefficient
     * {@code elasticity * intercept / level}, so a 1% price rise lowers the KPI by about
     * {@code -elasticity}% of the intercept.
     *
     * @param name column name
     * @param level reference price, {@code > 0}
     * @param volatility sd of the log-price innovations, {@code >= 0}
     * @param elasticity price elasticity, typically negative
     */
    record Price(String name, double level, double volatility, double elasticity) implements ControlSpec {
        @Override
        public String type() {
            return "price";
        }

        @Override
        public double reference() {
            return level;
        }

        @Override
        public double coefficient(ScenarioSpec.Baseline baseline) {
            return elasticity * baseline.intercept() / level;
        }
    }

    /**
     * A macro-economic index, an AR(1) around its level: {@code m[t] = level + e[t]},
     * {@code e[t] = persistence e[t-1] + volatility z[t]}, {@code e[-1] = 0}.
     *
     * @param name column name
     * @param level the index level, finite
     * @param volatility sd of the innovations, {@code >= 0}
     * @param persistence AR(1) coefficient, in {@code [0, 1)}
     * @param coefficient KPI units per index point
     */
    record Macro(String name, double level, double volatility, double persistence, double coefficient)
            implements ControlSpec {
        @Override
        public String type() {
            return "macro";
        }

        @Override
        public double reference() {
            return level;
        }

        @Override
        public double coefficient(ScenarioSpec.Baseline baseline) {
            return coefficient;
        }
    }

    /**
     * A competitor's spend, always on with log-normal noise of mean 1: {@code x[t] = mean * noise[t]}.
     *
     * @param name column name
     * @param mean mean spend per period, {@code > 0}
     * @param cv coefficient of variation, {@code >= 0}
     * @param coefficient KPI units per unit of competitor spend (typically negative)
     */
    record Competitor(String name, double mean, double cv, double coefficient) implements ControlSpec {
        @Override
        public String type() {
            return "competitor";
        }

        @Override
        public double reference() {
            return mean;
        }

        @Override
        public double coefficient(ScenarioSpec.Baseline baseline) {
            return coefficient;
        }
    }

    /**
     * A confounder: a control correlated with a channel's spend (demand that drives both the spend and the
     * KPI). {@code value[r] = level + sd (rho s[r] + sqrt(1 - rho^2) z[r])}, where {@code s} is the channel's
     * spend standardised over all rows (after collinearity is applied) and {@code z ~ N(0, 1)}; its
     * correlation with the channel's spend is about {@code rho}.
     *
     * @param name column name
     * @param channel the channel it is correlated with
     * @param correlation {@code rho}, in {@code [-1, 1]}
     * @param level mean level, finite
     * @param sd standard deviation, {@code >= 0}
     * @param coefficient KPI units per unit of the control
     */
    record Confounder(String name, String channel, double correlation, double level, double sd, double coefficient)
            implements ControlSpec {
        @Override
        public String type() {
            return "confounder";
        }

        @Override
        public double reference() {
            return level;
        }

        @Override
        public double coefficient(ScenarioSpec.Baseline baseline) {
            return coefficient;
        }
    }
}
