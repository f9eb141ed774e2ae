/**
 * The Bayesian marketing mix model ({@link io.github.mmm4j.models.bayes.BayesianMmm}, fitted as a
 * {@link io.github.mmm4j.models.bayes.BayesModel}) and the machinery under it: model-agnostic Hamiltonian Monte
 * Carlo, the No-U-Turn sampler ({@link io.github.mmm4j.models.bayes.Nuts}) in Stan's variant, and Stan-style
 * convergence diagnostics ({@link io.github.mmm4j.models.bayes.Diagnostics}).
 *
 * <p>The model: {@link io.github.mmm4j.models.bayes.BayesianMmm} (structure, scaling, entry points),
 * {@link io.github.mmm4j.models.bayes.BayesOptions}, priors ({@link io.github.mmm4j.models.bayes.BayesPriors},
 * {@link io.github.mmm4j.models.bayes.ChannelPriors}, {@link io.github.mmm4j.models.bayes.Prior}, including
 * Meridian's ROI priors), the likelihood ({@link io.github.mmm4j.models.bayes.Likelihood}), lift-test calibration
 * ({@link io.github.mmm4j.models.bayes.LiftTest}, with its CSV format), the log posterior with its analytic gradient
 * ({@link io.github.mmm4j.models.bayes.MmmLogDensity}) and posterior predictive checks
 * ({@link io.github.mmm4j.models.bayes.PosteriorPredictiveCheck}). References for the model: Jin, Wang, Sun, Chan
 * and Koehler (2017), "Bayesian Methods for Media Mix Modeling with Carryover and Shape Effects", Google; Google,
 * "Meridian: Bayesian MMM", model documentation (ROI priors).
 *
 * <p>A model is a {@link io.github.mmm4j.models.bayes.LogDensity}: an unnormalised log density on the
 * unconstrained space {@code R^d} and its gradient. The sampler runs one {@code LogDensity} instance per chain,
 * obtained from a {@link java.util.function.Supplier}, so implementations may keep mutable workspaces.
 *
 * <p>Storage is flat and row-major: the draws of one chain are {@code draws[draw * dimension + j]} for
 * parameter {@code j}. Numerical trouble (divergent transitions, saturated trees, low E-BFMI, R-hat above
 * 1.01, failed initialisation) is reported in {@link io.github.mmm4j.models.bayes.NutsResult#status()} and
 * {@link io.github.mmm4j.models.bayes.NutsResult#warnings()}, never as NaN draws.
 *
 * <p>References: Hoffman and Gelman (2014), "The No-U-Turn Sampler", JMLR 15; Betancourt (2017), "A Conceptual
 * Introduction to Hamiltonian Monte Carlo", arXiv:1701.02434; Stan Development Team, Stan Reference Manual
 * (2.21), chapters "MCMC Sampling" and "Posterior Analysis"; Vehtari, Gelman, Simpson, Carpenter and Bürkner
 * (2021), "Rank-normalization, folding, and localization: An improved R-hat for assessing convergence of MCMC",
 * Bayesian Analysis 16(2).
 */
package io.github.mmm4j.models.bayes;
