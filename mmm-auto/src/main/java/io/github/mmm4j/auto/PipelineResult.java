package io.github.mmm4j.auto;

import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.optimize.Allocation;
import io.github.mmm4j.optimize.PlanningModel;
import io.github.mmm4j.optimize.shapley.ShapleyResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link AutoPipeline} produced.
 *
 * @param analysis the rounds, verdicts and best round
 * @param primary the model the attribution, plan and headline figures use (see {@link AutoPipeline})
 * @param shapley each channel's Shapley value of the KPI over the data window
 * @param planning the planning model of the next horizon (carryover from history)
 * @param plan the recommended allocation of the current budget over that horizon
 * @param files the files written, in order
 */
public record PipelineResult(AnalysisResult analysis, FittedModel primary, ShapleyResult shapley,
        PlanningModel planning, Allocation plan, List<Path> files) {

    /** Validates and copies. */
    public PipelineResult {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(shapley, "shapley");
        Objects.requireNonNull(planning, "planning");
        Objects.requireNonNull(plan, "plan");
        files = List.copyOf(files);
    }

    /**
     * @param written the files written for this result
     * @return a copy with those files
     */
    public PipelineResult withFiles(List<Path> written) {
        return new PipelineResult(analysis, primary, shapley, planning, plan, written);
    }
}
