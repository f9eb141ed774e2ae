package io.github.mmm4j.auto;

import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.search.SearchResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One round of the analysis: the tuner's proposal (none in round 1), the configuration fitted, the models,
 * the analyst's report and the critic's verdict.
 *
 * @param number the round number, from 1
 * @param proposal the change that led to this round, empty for round 1
 * @param config the configuration fitted
 * @param models the fitted models, one per estimator
 * @param analysis the analyst's report
 * @param critique the critic's verdict
 * @param search the hyperparameter search whose selected candidate gave the fixed-transform estimators their
 *     transforms in this round (run in this round or an earlier one), empty when no search was run
 */
public record Round(int number, Optional<TunerProposal> proposal, RoundConfig config, List<FittedModel> models,
        AnalystReport analysis, Critique critique, Optional<SearchResult> search) {

    /** Validates and copies. */
    public Round {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(config, "config");
        models = List.copyOf(models);
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(critique, "critique");
        Objects.requireNonNull(search, "search");
    }

    /**
     * A round without a search.
     *
     * @param number the round number, from 1
     * @param proposal the change that led to this round, empty for round 1
     * @param config the configuration fitted
     * @param models the fitted models, one per estimator
     * @param analysis the analyst's report
     * @param critique the critic's verdict
     */
    public Round(int number, Optional<TunerProposal> proposal, RoundConfig config, List<FittedModel> models,
            AnalystReport analysis, Critique critique) {
        this(number, proposal, config, models, analysis, critique, Optional.empty());
    }

    /**
     * @param estimator an estimator's name
     * @return its model in this round
     */
    public Optional<FittedModel> model(String estimator) {
        return models.stream().filter(m -> m.estimator().equals(estimator)).findFirst();
    }
}
