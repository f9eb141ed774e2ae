/**
 * Planning with a fitted marketing mix model: what-if scenarios over a future horizon, response curves, the
 * budget efficiency frontier and the budget optimizer.
 *
 * <p>Everything starts from a {@link io.github.mmm4j.optimize.PlanningModel}: a fitted model, a horizon of
 * {@code H} future periods and a flighting (how each channel's horizon budget is spread over periods and
 * geos). Carryover from the historical spend flows into the horizon ({@code MmmDataset.extend}). Spend plans are
 * {@link io.github.mmm4j.optimize.SpendPlan}s; {@link io.github.mmm4j.optimize.SpendChange} edits them;
 * {@link io.github.mmm4j.optimize.ScenarioResult} reports the predicted KPI, the incremental KPI, incremental and
 * marginal ROI with intervals over the model's draws. {@link io.github.mmm4j.optimize.BudgetOptimizer} allocates a
 * budget under {@link io.github.mmm4j.optimize.BudgetConstraints} for an
 * {@link io.github.mmm4j.optimize.Objective}.
 *
 * <p>Units: spend in the dataset's currency, totals over the horizon (all periods and geos); KPI in the dataset's
 * KPI units, summed over the horizon's rows. ROI is incremental KPI per unit of spend.
 *
 * <p>Shapley attribution lives in {@link io.github.mmm4j.optimize.shapley}.
 */
package io.github.mmm4j.optimize;
