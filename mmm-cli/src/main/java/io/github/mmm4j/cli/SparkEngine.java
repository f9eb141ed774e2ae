package io.github.mmm4j.cli;

import io.github.mmm4j.core.CsvSchema;
import io.github.mmm4j.models.batch.GroupFit;
import io.github.mmm4j.spark.SparkBatch;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place the command line touches Spark's types ({@code mmm batch --engine spark}): loaded only when that
 * engine runs, so {@code mmm.jar}, which does not carry Spark, works without it.
 */
final class SparkEngine {

    private SparkEngine() {
    }

    static List<List<Object>> run(Path file, List<String> by, CsvSchema schema, GroupFit.Settings settings,
            String master) {
        return SparkBatch.fitFile(file, by, schema, settings, master);
    }
}
