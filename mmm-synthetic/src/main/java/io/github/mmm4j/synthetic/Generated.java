package io.github.mmm4j.synthetic;

import io.github.mmm4j.core.MmmCsv;
import io.github.mmm4j.core.MmmDataset;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A generated dataset and its ground truth, as returned by {@link Synthetic#generate(ScenarioSpec, long)}.
 *
 * @param data the dataset
 * @param truth what is true about it
 */
public record Generated(MmmDataset data, GroundTruth truth) {

    /** File name of the dataset written by {@link #write(Path)}. */
    public static final String DATA_FILE = "data.csv";
    /** File name of the truth written by {@link #write(Path)}. */
    public static final String TRUTH_FILE = "truth.json";

    /** Validates. */
    public Generated {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(truth, "truth");
    }

    /**
     * Writes {@code dir/data.csv} with {@link MmmCsv#write(MmmDataset, Path)} (read it back without loss with
     * {@code MmmCsv.read(path, MmmCsv.schemaOf(data))}) and {@code dir/truth.json}, each atomically; creates
     * {@code dir} if needed.
     *
     * @param dir the output directory
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    public void write(Path dir) {
        Objects.requireNonNull(dir, "dir");
        MmmCsv.write(data, dir.resolve(DATA_FILE));
        truth.writeJson(dir.resolve(TRUTH_FILE));
    }
}
