package io.github.mmm4j.auto.report;

import io.github.mmm4j.auto.AutoOptions;
import io.github.mmm4j.auto.AutoPipeline;
import io.github.mmm4j.auto.AutoProgress;
import io.github.mmm4j.auto.PipelineResult;
import io.github.mmm4j.core.CsvSchema;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.OutputSet;
import io.github.mmm4j.models.ModelJson;
import io.github.mmm4j.optimize.Simulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes every file of an automated analysis ({@link AutoPipeline#analyse}): the reports ({@link Reporter}), the
 * what-if simulator ({@link SimulatorPage}), the predictions and the primary model. The reports live in this module,
 * {@code mmm-report}, so that {@code mmm-auto} carries no reporting library.
 */
public final class Reports {

    private Reports() {
    }

    /**
     * Runs everything and writes the files into {@code outDir} as one set (see {@link OutputSet}): the reports,
     * {@code decomposition.csv}, {@code predictions.csv} and {@code model.json}.
     *
     * @param data the data
     * @param options the analysis options (seed, rounds, estimators, expected ROI, progress)
     * @param source a name for the data in the reports (for example the file name)
     * @param outDir the output directory (created if needed)
     * @param narrator the narrative writer ({@link Narrator#standard()} for the built-in one)
     * @return what was produced, with the files written
     */
    public static PipelineResult run(MmmDataset data, AutoOptions options, String source, Path outDir,
            Narrator narrator) {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(narrator, "narrator");
        PipelineResult r = AutoPipeline.analyse(data, options);
        List<Path> files = OutputSet.write(outDir, dir -> write(r, options, source, dir, narrator, null));
        return r.withFiles(files);
    }

    /**
     * Writes a result's files into a folder: {@code report.md}, {@code report.html}, {@code results.json},
     * {@code report.xlsx}, {@code report.pptx}, {@code simulator.html}, {@code decomposition.csv},
     * {@code predictions.csv} and {@code model.json}. To write them as one set, call it inside
     * {@link io.github.mmm4j.core.OutputSet#write}.
     *
     * @param r the result of {@link AutoPipeline#analyse}
     * @param options the options it was run with (the seed is reported)
     * @param source a name for the data in the reports
     * @param dir the folder
     * @param narrator the narrative writer
     * @param schema the CSV mapping the data was read with, saved in {@code model.json} for {@code predict}; or null
     * @return the files written
     */
    public static List<Path> write(PipelineResult r, AutoOptions options, String source, Path dir, Narrator narrator,
            CsvSchema schema) {
        AutoProgress progress = options.progress();
        progress.report("report", 0, 0, "writing the reports");
        ReportInput input = ReportInput.of(r.analysis(), options.seed(), source)
                .withShapley(OptimizerRows.shapley(r.shapley())).withPlan(OptimizerRows.plan(r.plan()));
        List<Path> files = new ArrayList<>(Reporter.write(input, dir, narrator));
        progress.report("report", 0, 0.5, "writing the simulator");
        files.add(SimulatorPage.write(Simulator.of(r.planning()), AutoPipeline.recommendedPerPeriod(r.plan(), r.planning()), dir));
        files.addAll(PredictionCsv.write(r.primary(), r.primary().data(), dir));
        Path model = dir.resolve(AutoPipeline.MODEL);
        if (schema == null) {
            ModelJson.write(r.primary(), model);
        } else {
            ModelJson.write(r.primary(), model, schema);
        }
        files.add(model);
        progress.report("report", 0, 1, "done");
        return files;
    }

}
