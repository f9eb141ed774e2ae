package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;

/**
 * What the budget optimizer aims for. With {@code f_c} the expected response of channel {@code c} over the horizon
 * (see {@link ChannelResponse}) and {@code x_c} its horizon spend, every objective maximises a separable
 * {@code sum_c (kpiWeight * f_c(x_c) - spendWeight * x_c)} for some budget, and the target objectives search the
 * budget too (Meridian's "flexible budget" scenarios):
 * <ul>
 *   <li>{@link MaximizeKpi}: the largest expected KPI for the budget ({@code kpiWeight = 1, spendWeight = 0});</li>
 *   <li>{@link MaximizeProfit}: the largest {@code margin * KPI - spend}; the budget is a cap;</li>
 *   <li>{@link TargetKpi}: the smallest budget whose best plan reaches an expected KPI over the horizon;</li>
 *   <li>{@link TargetRoi}: the largest budget whose best plan keeps the ROI of the horizon spend
 *       ({@code sum_c (f_c(x_c) - f_c(0)) / sum_c x_c}) at or above a target;</li>
 *   <li>{@link TargetMarginalRoi}: spend while the marginal ROI is at least the target
 *       ({@code kpiWeight = 1, spendWeight = target}; at the optimum every unconstrained channel's marginal ROI equals the
 *       target); the budget is a cap.</li>
 * </ul>
 */
public sealed interface Objective permits Objective.MaximizeKpi, Objective.MaximizeProfit, Objective.TargetKpi,
        Objective.TargetRoi, Objective.TargetMarginalRoi {

    /** How the budget is chosen. */
    enum BudgetSearch {
        /** The budget is given. */
        NONE,
        /** The smallest budget that meets the target (the condition holds from some budget up). */
        SMALLEST_MEETING,
        /** The largest budget that meets the target (the condition holds up to some budget). */
        LARGEST_MEETING
    }

    /** @return a short name: {@code kpi}, {@code profit}, {@code target-kpi}, {@code target-roi}, {@code target-mroi} */
    String name();

    /** @return the weight of the KPI in the separable objective */
    default double kpiWeight() {
        return 1;
    }

    /** @return the weight of spend in the separable objective */
    default double spendWeight() {
        return 0;
    }

    /** @return whether the budget is a cap ({@code <=}) whatever the constraints say */
    default boolean budgetIsCap() {
        return false;
    }

    /** @return how the budget is chosen */
    default BudgetSearch budgetSearch() {
        return BudgetSearch.NONE;
    }

    /**
     * Whether a plan meets the target (for the target objectives).
     *
     * @param kpi the plan's expected KPI over the horizon
     * @param incrementalKpi the KPI caused by the horizon spend, {@code sum_c (f_c(x_c) - f_c(0))}
     * @param spend the plan's total spend
     * @return true if the target is met; always true without a target
     */
    default boolean meets(double kpi, double incrementalKpi, double spend) {
        return true;
    }

    /** @return the largest expected KPI */
    static Objective maximizeKpi() {
        return new MaximizeKpi();
    }

    /**
     * @param margin profit per unit of KPI, finite and positive
     * @return the largest {@code margin * KPI - spend}
     */
    static Objective maximizeProfit(double margin) {
        return new MaximizeProfit(margin);
    }

    /**
     * @param kpi the expected KPI over the horizon to reach
     * @return the cheapest plan reaching it
     */
    static Objective targetKpi(double kpi) {
        return new TargetKpi(kpi);
    }

    /**
     * @param roi the minimum ROI of the horizon spend, finite and positive
     * @return the largest budget keeping it
     */
    static Objective targetRoi(double roi) {
        return new TargetRoi(roi);
    }

    /**
     * @param mroi the marginal ROI at which to stop spending, finite and positive
     * @return the objective
     */
    static Objective targetMarginalRoi(double mroi) {
        return new TargetMarginalRoi(mroi);
    }

    /** The largest expected KPI for the budget. */
    record MaximizeKpi() implements Objective {
        @Override
        public String name() {
            return "kpi";
        }
    }

    /**
     * The largest expected profit {@code margin * KPI - spend}.
     *
     * @param margin profit per unit of KPI
     */
    record MaximizeProfit(double margin) implements Objective {
        /** Validates. */
        public MaximizeProfit {
            Checks.checkPositive("margin", margin);
        }

        @Override
        public String name() {
            return "profit";
        }

        @Override
        public double kpiWeight() {
            return margin;
        }

        @Override
        public double spendWeight() {
            return 1;
        }

        @Override
        public boolean budgetIsCap() {
            return true;
        }
    }

    /**
     * The cheapest plan whose expected KPI over the horizon reaches {@code kpi}.
     *
     * @param kpi the target, finite
     */
    record TargetKpi(double kpi) implements Objective {
        /** Validates. */
        public TargetKpi {
            Checks.checkFinite("kpi", kpi);
        }

        @Override
        public String name() {
            return "target-kpi";
        }

        @Override
        public BudgetSearch budgetSearch() {
            return BudgetSearch.SMALLEST_MEETING;
        }

        @Override
        public boolean meets(double planKpi, double incrementalKpi, double spend) {
            return planKpi >= kpi;
        }
    }

    /**
     * The largest budget whose best plan has an ROI of at least {@code roi}.
     *
     * @param roi the target ROI, KPI units per unit of spend
     */
    record TargetRoi(double roi) implements Objective {
        /** Validates. */
        public TargetRoi {
            Checks.checkPositive("roi", roi);
        }

        @Override
        public String name() {
            return "target-roi";
        }

        @Override
        public BudgetSearch budgetSearch() {
            return BudgetSearch.LARGEST_MEETING;
        }

        @Override
        public boolean meets(double planKpi, double incrementalKpi, double spend) {
            return spend > 0 && incrementalKpi >= roi * spend;
        }
    }

    /**
     * Spend while the marginal ROI is at least {@code mroi}.
     *
     * @param mroi the target marginal ROI
     */
    record TargetMarginalRoi(double mroi) implements Objective {
        /** Validates. */
        public TargetMarginalRoi {
            Checks.checkPositive("mroi", mroi);
        }

        @Override
        public String name() {
            return "target-mroi";
        }

        @Override
        public double spendWeight() {
            return mroi;
        }

        @Override
        public boolean budgetIsCap() {
            return true;
        }
    }
}
