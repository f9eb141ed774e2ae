package io.github.mmm4j.models;

import io.github.mmm4j.core.Mmm4j;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a fitted model came from, so that a result can be reproduced: library and Java versions, the
 * estimator, its seed and its options (as strings, sorted by key).
 *
 * @param library the mmm4j version
 * @param java the Java version that fitted the model
 * @param estimator the estimator's name ({@code ridge}, {@code nnls}, {@code bayes})
 * @param seed the random seed (0 for deterministic estimators that use none)
 * @param options the estimator's options
 */
public record Provenance(String library, String java, String estimator, long seed, Map<String, String> options) {

    /** Validates and copies (sorted). */
    public Provenance {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(estimator, "estimator");
        options = Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /**
     * The provenance of a fit made now, in this JVM.
     *
     * @param estimator the estimator's name
     * @param seed the seed
     * @param options the options
     * @return the provenance
     */
    public static Provenance of(String estimator, long seed, Map<String, String> options) {
        return new Provenance(Mmm4j.version(), Mmm4j.javaVersion(), estimator, seed, options);
    }
}
