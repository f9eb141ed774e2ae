package io.github.mmm4j.auto;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.models.Estimator;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.SamplerDiagnostics;
import io.github.mmm4j.models.bayes.BayesianMmm;
import io.github.mmm4j.models.bayes.LiftTest;
import io.github.mmm4j.models.search.Candidate;
import io.github.mmm4j.models.search.HyperparameterSearch;
import io.github.mmm4j.models.search.SearchOptions;
import io.github.mmm4j.models.search.SearchResult;
import io.github.mmm4j.models.search.SearchSpace;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The supervisor of the automated analysis. It runs the {@link Explorer} once, then loops Tuner -> Models ->
 * Analyst -> Critic until the critic approves or the round limit is reached, keeps the best round and never
 * hides a failed gate. Each stage has one role: the tuner proposes, the estimators fit, the analyst
 * describes, the critic judges.
 *
 * <p>Tuning: ridge and NNLS tune their own transform parameters by default (see {@link #needsSearch}). From round 1,
 * when {@link AutoOptions#searchIterations()} is positive and an estimator takes its transforms as given (ridge or
 * NNLS with fixed transforms), those estimators get each channel's transform parameters from the Robyn-class
 * hyperparameter search
 * over the round's structure and ranges (the Pareto-front member with the lowest NRMSE: the knee rule's pull of
 * effect shares towards spend shares would bias the transforms), run again only when the tuner changes what it
 * depends on; the Bayesian
 * estimator learns its own. The estimators thus stay independent, so their agreement is evidence.
 *
 * <p>A round that the gate finds predicting the holdout worse than the best round is not built on: the tuner's next
 * change starts from the best round's configuration.
 *
 * <p>Best round: chosen on out-of-sample error first, then on the checks ({@link #best}); a round whose primary
 * model predicts the holdout worse than the best earlier round beyond noise is neither approved (the critic's
 * {@code holdout_no_worse} check) nor chosen. An estimator whose inputs
 * ({@link Estimator#inputs}) the round's change leaves as they were is not refitted: its previous model is
 * reused. Seeds: round {@code r}'s estimator {@code k}
 * uses the seed drawn from the master seed's generator in (round, estimator) order before the round starts,
 * so the result is the same for any thread count.
 */
public final class AutoAnalysis {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AutoAnalysis.class);

    /**
     * The Bayesian sampler's initial target acceptance: 0.95 rather than Stan's 0.8, because MMM posteriors with
     * Hill slopes below 1 are steep near zero spend and diverge at larger steps.
     */
    public static final double DEFAULT_TARGET_ACCEPT = 0.95;

    private AutoAnalysis() {
    }

    /**
     * Runs the analysis.
     *
     * @param data the data
     * @param options the options
     * @return everything found
     */
    public static AnalysisResult run(MmmDataset data, AutoOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        AutoProgress progress = options.progress();
        progress.report("explore", 0, 0, "profiling the data");
        int holdout = options.holdout() > 0 ? options.holdout()
                : Math.max(4, Math.min(26, (int) Math.round(0.1 * data.nPeriods())));
        SizeAdaptation adapted = SizeAdaptation.of(data, options, holdout);
        options = adapted.options();
        for (String note : adapted.notes()) {
            LOG.info("auto: adapted to the data's size: {}", note);
        }
        RoundConfig config = new RoundConfig(ModelSpec.defaults(data).withPrice(options.price()), holdout, List.of(), options.estimators(),
                options.searchIterations() > 0, List.of());
        DataProfile profile = Explorer.explore(data, 0, experiments(config), holdout);
        progress.report("explore", 0, 1, "readiness " + profile.readiness() + " of 5");

        Rng seeds = new Rng(options.seed());
        List<Round> rounds = new ArrayList<>();
        String stop = "round limit of " + options.maxRounds() + " reached";
        MmmDataset roundData = data;
        for (int r = 1; r <= options.maxRounds(); r++) {
            Optional<TunerProposal> proposal = Optional.empty();
            // The tuner builds on the last round unless the gate found it predicting worse than the best round: then
            // that change is undone and the tuner builds on the best round (the change is not proposed again).
            Round base = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
            if (base != null && base.critique().failed("holdout_no_worse")) {
                base = rounds.get(best(rounds));
            }
            if (r > 1) {
                progress.report("tune", r, 0, "looking for one change");
                TunerProposal p = Tuner.propose(base, profile, rounds);
                progress.report("tune", r, 1, p.change());
                if (!p.changes()) {
                    stop = "the tuner proposed no further change: " + p.reason();
                    break;
                }
                proposal = Optional.of(p);
                config = p.next();
            }
            roundData = withExtraEvents(data, config.extraEvents());
            Round previous = base;
            long searchSeed = seeds.nextLong();
            Optional<SearchResult> searched = previous == null ? Optional.empty() : previous.search();
            if (config.search() && needsSearch(config)
                    && (previous == null || searchInputsChanged(previous.config(), config))) {
                SearchResult sr = search(roundData, config, searchSeed, options, progress, r);
                config = config.withSpec(selected(sr).spec());
                searched = Optional.of(sr);
            }
            if (!(config.search() && needsSearch(config))) {
                searched = Optional.empty();
            }
            List<FittedModel> models = new ArrayList<>();
            for (int k = 0; k < config.estimators().size(); k++) {
                Estimator e = config.estimators().get(k);
                long seed = seeds.nextLong();
                String stage = "fit:" + e.name();
                int round = r;
                if (previous != null && previous.config().inputs(previous.config().estimators().get(k))
                        .equals(config.inputs(e))) {
                    // The change does not touch this estimator's inputs: its previous fit is this round's fit.
                    models.add(previous.models().get(k));
                    progress.report(stage, r, 1, e.name() + " unchanged by this round's change");
                    continue;
                }
                progress.report(stage, r, 0, "fitting " + e.name());
                models.add(e.withHoldout(config.holdout()).withSeed(seed)
                        .withProgress(f -> progress.report(stage, round, f, "fitting " + e.name()))
                        .fit(roundData, config.spec()));
                progress.report(stage, r, 1, "done");
            }
            progress.report("analyse", r, 0, "comparing the models");
            AnalystReport analysis = Analyst.analyse(models, profile, experiments(config));
            progress.report("critique", r, 0, "checking the quality gate");
            Optional<Round> reference = rounds.isEmpty() ? Optional.empty() : Optional.of(rounds.get(best(rounds)));
            Critique critique = Critic.review(models, analysis, profile, options.expectedRoi(), reference,
                    experiments(config));
            progress.report("critique", r, 1, critique.verdict() + ", " + critique.passedCount() + " of "
                    + critique.checks().size() + " checks passed");
            rounds.add(new Round(r, proposal, config, models, analysis, critique, searched));
            LOG.info("auto round {}: {} -> {} ({} of {} checks passed)", r,
                    proposal.map(TunerProposal::change).orElse("initial model"), critique.verdict(),
                    critique.passedCount(), critique.checks().size());
            if (critique.verdict() == Verdict.APPROVED) {
                stop = "approved in round " + r;
                break;
            }
        }
        int best = best(rounds);
        MmmDataset bestData = rounds.get(best).models().get(0).data();
        Round bestRound = rounds.get(best);
        int primary = primary(bestRound.models());
        return new AnalysisResult(bestData, profile, rounds, best, stop, primary,
                primaryReason(bestRound.models(), primary), adapted.notes());
    }

    /**
     * Whether any estimator of the round takes the transform parameters as given: only then does the Robyn-class
     * search choose them. Ridge and NNLS tune their own by default (cross-validation error, re-tuned in every bootstrap
     * replicate, which is what makes their intervals cover), from the default spec, exactly as {@code fit} does; fed
     * the search's choice instead, they started from (and their parsimony term preferred) transforms selected by
     * in-sample NRMSE, and on the demo data ridge then gave search an ROI of 12.5 where the truth is 2.6.
     */
    static boolean needsSearch(RoundConfig config) {
        return config.estimators().stream().anyMatch(e -> !e.learnsTransforms());
    }

    /** True when the search would see different inputs than in the previous round. */
    private static boolean searchInputsChanged(RoundConfig before, RoundConfig now) {
        return !Tuner.structure(before.spec()).equals(Tuner.structure(now.spec()))
                || before.spec().trend() != now.spec().trend()
                || before.spec().fourierHarmonics() != now.spec().fourierHarmonics()
                || before.holdout() != now.holdout() || !before.extraEvents().equals(now.extraEvents())
                || !before.ranges().equals(now.ranges());
    }

    /**
     * The Robyn-class hyperparameter search (NRMSE and DECOMP.RSSD, media non-negative) over the round's structure
     * and ranges; the selected candidate's transforms become the round's spec for the fixed-transform estimators.
     * The Bayesian estimator samples its own transform parameters and uses only the structure.
     */
    private static SearchResult search(MmmDataset data, RoundConfig config, long seed, AutoOptions options,
            AutoProgress progress, int round) {
        progress.report("tune", round, 0, "searching transforms");
        SearchSpace space = RangeOverride.apply(SearchSpace.defaults(config.spec()), config.spec(), config.ranges());
        long budget = (long) AutoOptions.SEARCH_TRIALS * options.searchIterations();
        SearchResult r = HyperparameterSearch.run(data, config.spec(), SearchOptions.defaults()
                .withTrials(AutoOptions.SEARCH_TRIALS).withIterationsPerTrial(options.searchIterations())
                .withSeed(seed).withHoldout(config.holdout()).withSpace(space)
                .withProgress(p -> progress.report("tune", round, (double) p.evaluations() / budget,
                        "searching transforms")));
        Candidate best = selected(r);
        progress.report("tune", round, 1, String.format(Locale.ROOT, "search: NRMSE %.4f, DECOMP.RSSD %.4f",
                best.nrmse(), best.decompRssd()));
        return r;
    }

    /**
     * The candidate of a search whose transforms the analysis uses: the front member with the lowest NRMSE, not the
     * search's knee (DECOMP.RSSD pulls effect shares towards spend shares, a business prior that biases high-ROI
     * channels down; here the transforms must fit the data).
     *
     * @param r a search's result
     * @return the candidate
     */
    public static Candidate selected(SearchResult r) {
        return r.front().stream().min(Comparator.comparingDouble(Candidate::nrmse)).orElseThrow();
    }

    /**
     * The rule that chooses the primary model of a round, once for the whole analysis: the first model whose
     * estimator samples a posterior (the Bayesian model) when its sampler diagnostics pass (R-hat at most 1.01, no
     * divergent transition), because its intervals are the ones whose coverage the recovery studies confirm (see the
     * README); otherwise the first model (ridge in the default order), with ridge and NNLS as independent checks.
     *
     * @param models a round's models, in estimator order
     * @return the index of the primary model
     */
    public static int primary(List<FittedModel> models) {
        for (int k = 0; k < models.size(); k++) {
            if (models.get(k).samplerDiagnostics().map(d -> d.healthy()).orElse(false)) {
                return k;
            }
        }
        return 0;
    }

    private static String primaryReason(List<FittedModel> models, int primary) {
        FittedModel p = models.get(primary);
        if (p.samplerDiagnostics().isPresent()) {
            return String.format(Locale.ROOT, "the %s model: its intervals are the calibrated ones in the recovery "
                    + "studies, and its sampler converged (max R-hat %.4f, %d divergent transitions)", p.estimator(),
                    p.samplerDiagnostics().get().maxRhat(), p.samplerDiagnostics().get().divergences());
        }
        for (FittedModel m : models) {
            if (m.samplerDiagnostics().isPresent()) {
                return String.format(Locale.ROOT, "%s, because the %s model's sampler did not converge (max R-hat "
                        + "%.4f, %d divergent transitions), so its numbers are not reported", p.estimator(),
                        m.estimator(), m.samplerDiagnostics().get().maxRhat(),
                        m.samplerDiagnostics().get().divergences());
            }
        }
        return p.estimator() + ", the first estimator (no Bayesian model was fitted)";
    }

    /**
     * The lift tests a round's estimators calibrate with (the Bayesian model's): the experiments the critic and the
     * report compare every model with.
     *
     * @param config the round's configuration
     * @return the experiments, empty when none were given
     */
    public static List<LiftTest> experiments(RoundConfig config) {
        for (Estimator e : config.estimators()) {
            if (e instanceof BayesianMmm b && !b.options().liftTests().isEmpty()) {
                return b.options().liftTests();
            }
        }
        return List.of();
    }

    /**
     * The best round, by a scan in round order: round {@code i} replaces the best so far, {@code b}, when
     * <ol>
     *   <li>its primary model's holdout error is not worse than {@code b}'s fit by the same estimator beyond noise
     *       ({@link HoldoutComparison#worse()}), and</li>
     *   <li>either it is better beyond noise ({@link HoldoutComparison#better()}), or, equal within noise, it wins on
     *       the checks: an approved round beats one that is not; then fewer failed blocking checks; then fewer failed
     *       advisory checks; then healthier sampling ({@link #samplingComparison}); then a smaller mean absolute
     *       holdout error.</li>
     * </ol>
     * Ties keep the earlier round. The quality gate's {@code holdout_no_worse} check compares round {@code r} with
     * the best of rounds {@code 1..r-1} by this rule, so an approved round is never worse out of sample than the
     * round it replaces, and the count of passed checks alone never chooses.
     *
     * @param rounds the rounds, in order; at least one
     * @return the index of the best round
     */
    public static int best(List<Round> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no rounds");
        }
        int best = 0;
        for (int i = 1; i < rounds.size(); i++) {
            if (replaces(rounds.get(i), rounds.get(best))) {
                best = i;
            }
        }
        return best;
    }

    private static boolean replaces(Round a, Round b) {
        FittedModel pa = a.models().get(primary(a.models()));
        Optional<HoldoutComparison> h = HoldoutComparison.of(pa, Critic.counterpart(b, pa.estimator()));
        if (h.isPresent() && h.get().worse()) {
            return false;
        }
        if (h.isPresent() && h.get().better()) {
            return true;
        }
        boolean aa = a.critique().verdict() == Verdict.APPROVED;
        boolean ba = b.critique().verdict() == Verdict.APPROVED;
        if (aa != ba) {
            return aa;
        }
        long fa = a.critique().failed().stream().filter(Check::blocking).count();
        long fb = b.critique().failed().stream().filter(Check::blocking).count();
        if (fa != fb) {
            return fa < fb;
        }
        int na = a.critique().failed().size();
        int nb = b.critique().failed().size();
        if (na != nb) {
            return na < nb;
        }
        int sampling = samplingComparison(samplers(a), samplers(b));
        if (sampling != 0) {
            return sampling < 0;
        }
        return h.isPresent() && h.get().candidateMae() < h.get().referenceMae();
    }

    private static List<SamplerDiagnostics> samplers(Round r) {
        List<SamplerDiagnostics> out = new ArrayList<>();
        for (FittedModel m : r.models()) {
            m.samplerDiagnostics().ifPresent(out::add);
        }
        return out;
    }

    /**
     * Compares the sampling of two rounds' sampled models (the Bayesian model's NUTS diagnostics): negative when
     * {@code a}'s is healthier, positive when {@code b}'s is, 0 when both sampled well or either round has none.
     * Healthier means, in order:
     * <ol>
     *   <li>fewer models whose sampler is unhealthy (R-hat above {@value SamplerDiagnostics#RHAT_THRESHOLD} or
     *       divergent transitions);</li>
     *   <li>fewer failed criteria: R-hat (above the threshold, or NaN) and divergences (any) count one each;</li>
     *   <li>more effective draws (the smallest bulk ESS over the models; NaN counts as none), since with the same
     *       number of failed criteria the longer, better-mixed run gives the more reliable estimates;</li>
     *   <li>a smaller share of divergent transitions among the draws (a share, not a count, so that a round with twice
     *       the draws is not held to twice the divergences);</li>
     *   <li>a smaller largest excess of R-hat over the threshold (NaN as an infinite one).</li>
     * </ol>
     * So when the tuner's sampler remedies (smaller steps, more draws) leave the same checks failing, the report shows
     * the round whose posterior was sampled best, not the first one: on a 12-cell brand x region panel, the round with
     * R-hat 1.0045, one divergent transition in 3,200 draws and a bulk ESS of 998 rather than the one with R-hat
     * 1.0124, none, and 557. Two rounds that both sampled well are left to the holdout error. The order is a
     * lexicographic one on numbers per round, hence transitive. The diagnostics of all sampled models of a round are
     * pooled; every round of an analysis fits the same estimators, so a round without any (an empty list, which
     * compares equal to every other) does not arise there.
     *
     * @param a the first round's sampler diagnostics
     * @param b the second round's
     * @return negative, 0 or positive
     */
    static int samplingComparison(List<SamplerDiagnostics> a, List<SamplerDiagnostics> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int c = Long.compare(a.stream().filter(d -> !d.healthy()).count(),
                b.stream().filter(d -> !d.healthy()).count());
        if (c != 0) {
            return c;
        }
        int fa = failedCriteria(a);
        c = Integer.compare(fa, failedCriteria(b));
        if (c != 0 || fa == 0) {
            return c;
        }
        c = Double.compare(minEss(b), minEss(a));
        if (c != 0) {
            return c;
        }
        c = Double.compare(divergenceShare(a), divergenceShare(b));
        if (c != 0) {
            return c;
        }
        return Double.compare(rhatExcess(a), rhatExcess(b));
    }

    private static int failedCriteria(List<SamplerDiagnostics> ds) {
        boolean rhat = false;
        boolean divergences = false;
        for (SamplerDiagnostics d : ds) {
            rhat |= !(d.maxRhat() <= SamplerDiagnostics.RHAT_THRESHOLD);
            divergences |= d.divergences() > 0;
        }
        return (rhat ? 1 : 0) + (divergences ? 1 : 0);
    }

    private static double minEss(List<SamplerDiagnostics> ds) {
        double min = Double.POSITIVE_INFINITY;
        for (SamplerDiagnostics d : ds) {
            min = Math.min(min, Double.isNaN(d.minEssBulk()) ? 0.0 : d.minEssBulk());
        }
        return min;
    }

    private static double divergenceShare(List<SamplerDiagnostics> ds) {
        double divergences = 0;
        double draws = 0;
        for (SamplerDiagnostics d : ds) {
            divergences += d.divergences();
            draws += (double) d.chains() * d.drawsPerChain();
        }
        return divergences / draws;
    }

    private static double rhatExcess(List<SamplerDiagnostics> ds) {
        double worst = 0;
        for (SamplerDiagnostics d : ds) {
            double r = d.maxRhat();
            worst = Math.max(worst, Double.isNaN(r) ? Double.POSITIVE_INFINITY
                    : Math.max(0.0, r - SamplerDiagnostics.RHAT_THRESHOLD));
        }
        return worst;
    }

    /**
     * The data with a 0/1 event column {@code event_<date>} for each date (1 in that period in every geo).
     *
     * @param data the data
     * @param dates the dates, each a period of the data
     * @return the data with the extra columns, or {@code data} itself when there are none
     */
    public static MmmDataset withExtraEvents(MmmDataset data, List<LocalDate> dates) {
        if (dates.isEmpty()) {
            return data;
        }
        MmmDataset.Builder b = MmmDataset.builder(data.time()).geos(data.geos()).kpi(data.kpiName(), data.kpi());
        data.populations().ifPresent(b::population);
        for (int c = 0; c < data.nChannels(); c++) {
            double[] x = null;
            if (data.hasExposure(c)) {
                x = new double[data.nRows()];
                for (int r = 0; r < x.length; r++) {
                    x[r] = data.exposure(r, c);
                }
            }
            b.channel(data.channels().get(c), data.spendColumn(c), x);
        }
        for (int k = 0; k < data.nControls(); k++) {
            b.control(data.controls().get(k), data.controlColumn(k));
        }
        for (int e = 0; e < data.nEvents(); e++) {
            b.event(data.events().get(e), data.eventColumn(e));
        }
        for (LocalDate d : dates) {
            int t = data.time().indexOf(d);
            if (t < 0) {
                throw new IllegalArgumentException("extra event date " + d + " is not a period of the data");
            }
            double[] v = new double[data.nRows()];
            for (int g = 0; g < data.nGeos(); g++) {
                v[g * data.nPeriods() + t] = 1;
            }
            b.event(String.format(Locale.ROOT, "event_%s", d), v);
        }
        return b.build();
    }
}
