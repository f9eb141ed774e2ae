package io.github.mmm4j.cli;

import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelJson;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of commands that plan with a saved model: {@code --model FILE} and {@code --horizon N}. */
final class SavedModelArgs {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model.json written by fit/demo.")
    Path model;

    @Option(names = "--horizon", paramLabel = "N",
            description = "Future periods (default: a quarter: 13 weeks or 91 days).")
    Integer horizon;

    /** @return the model, read (bad files exit 2 with the JSON path) */
    FittedModel read() {
        return ModelJson.read(model);
    }

    /** @return {@code --horizon}, or a quarter of the model's frequency; at least 1 */
    int horizon(FittedModel fitted) {
        int h = horizon != null ? horizon : OptimizeCommand.defaultHorizon(fitted.data());
        if (h < 1) {
            throw new Main.BadInputException("--horizon " + h + " must be at least 1");
        }
        return h;
    }
}
