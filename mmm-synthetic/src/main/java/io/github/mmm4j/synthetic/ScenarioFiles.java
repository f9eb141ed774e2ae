package io.github.mmm4j.synthetic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.mmm4j.core.AtomicFiles;
import io.github.mmm4j.core.DataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads and writes {@link ScenarioSpec}s as YAML or JSON. Both formats hold the same tree; field names are the
 * record components' names. Only {@code channels} is required; every other field has the default of
 * {@link ScenarioSpec#builder()}. A YAML example:
 *
 * <pre>
 * name: my-scenario
 * kpi: sales
 * periods: 156
 * frequency: weekly            # or daily
 * start: 2023-01-02
 * geos:                        # optional; default one geo "national"
 *   - {name: north, scale: 1.0, mediaEffect: 1.1}
 * channels:
 *   - name: tv
 *     effect: 120000           # KPI per period at saturation 1
 *     spend: {type: flighted, mean: 40000, onPeriods: 6, offPeriods: 4, cv: 0.2}
 *     # also: {type: always_on, mean, cv}, {type: sparse, mean, onFraction, cv},
 *     #       {type: seasonal, mean, amplitude, peak, cv}, {type: spike, mean, cv, period, multiplier}
 *     adstock: {type: geometric, alpha: 0.6, maxLag: 8, normalized: true}
 *     # also geometric_infinite {alpha, normalized}, delayed {alpha, theta, maxLag, normalized},
 *     #      weibull_cdf / weibull_pdf {shape, scale, maxLag}, beta_gamma {beta, gamma, maxLag}
 *     saturation: {type: hill, ec: 1.0, slope: 1.5}
 *     # also logistic {lambda}, sigmoid {inflection, steepness}, michaelis_menten {alpha, lambda}, tanh {b, c}
 * baseline: {intercept: 500000, trend: linear, trendPerYear: 10000, seasonality: [{sin: 20000, cos: 5000}]}
 * controls:
 *   - {type: price, name: price, level: 10, volatility: 0.02, elasticity: -0.8}
 *   - {type: macro, name: cci, level: 100, volatility: 1, persistence: 0.95, coefficient: 1500}
 *   - {type: competitor, name: competitor_spend, mean: 20000, cv: 0.3, coefficient: -0.5}
 *   - {type: confounder, name: demand, channel: tv, correlation: 0.7, level: 0, sd: 1, coefficient: 20000}
 * events:
 *   - {name: black_friday, dates: [2023-11-24], yearly: true, effect: 60000}
 * collinearity:
 *   - {channel: online_video, follows: tv, weight: 0.85}
 * noise: {sd: 0, snr: 5, studentDf: 0, outlierFraction: 0, outlierScale: 0}
 * </pre>
 *
 * Omitted: {@code maxLag} defaults to 8 and {@code normalized} to true; spend {@code cv} to 0; a harmonic's
 * {@code sin} and {@code cos} to 0; a geo's {@code scale} and {@code mediaEffect} to 1; noise fields to 0.
 */
public final class ScenarioFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());

    private ScenarioFiles() {
    }

    /**
     * Reads a scenario file: YAML if the name ends in {@code .yaml} or {@code .yml}, else JSON.
     *
     * @param path the file
     * @return the validated spec
     * @throws DataException naming the file and the field path for a missing file, bad syntax, a wrong type,
     *     an unknown field or an invalid value
     */
    public static ScenarioSpec read(Path path) {
        Objects.requireNonNull(path, "path");
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataException(path.toString(), "file not found");
        } catch (IOException e) {
            throw new DataException(path.toString(), "cannot read: " + e.getMessage());
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        return parse(path.toString(), text, yaml);
    }

    /**
     * Parses JSON text.
     *
     * @param json the text
     * @return the validated spec
     * @throws DataException for bad syntax or an invalid field, naming the field's path
     */
    public static ScenarioSpec fromJson(String json) {
        return parse("scenario JSON", json, false);
    }

    /**
     * Parses YAML text.
     *
     * @param yaml the text
     * @return the validated spec
     * @throws DataException for bad syntax or an invalid field, naming the field's path
     */
    public static ScenarioSpec fromYaml(String yaml) {
        return parse("scenario YAML", yaml, true);
    }

    /**
     * @param spec a spec
     * @return the spec as pretty-printed JSON, every field written; {@link #fromJson} gives back an equal spec
     */
    public static String toJson(ScenarioSpec spec) {
        return SpecCodec.toTree(Objects.requireNonNull(spec, "spec")).toPrettyString() + "\n";
    }

    /**
     * @param spec a spec
     * @return the spec as YAML, every field written; {@link #fromYaml} gives back an equal spec
     */
    public static String toYaml(ScenarioSpec spec) {
        try {
            return YAML.writeValueAsString(SpecCodec.toTree(Objects.requireNonNull(spec, "spec")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code spec} as YAML ({@code .yaml}/{@code .yml}) or JSON (any other name), atomically.
     *
     * @param spec the spec
     * @param path the file
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(ScenarioSpec spec, Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        AtomicFiles.writeString(path, name.endsWith(".yaml") || name.endsWith(".yml") ? toYaml(spec) : toJson(spec));
    }

    private static ScenarioSpec parse(String source, String text, boolean yaml) {
        JsonNode tree;
        try {
            tree = (yaml ? YAML : JSON).readTree(text);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            throw new DataException(source, line, column, null, null, "not valid " + (yaml ? "YAML" : "JSON") + ": "
                    + e.getOriginalMessage().replace('\n', ' '));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new DataException(source, "empty scenario file");
        }
        try {
            return SpecCodec.fromTree(tree);
        } catch (IllegalArgumentException e) {
            throw new DataException(source, e.getMessage());
        }
    }
}
