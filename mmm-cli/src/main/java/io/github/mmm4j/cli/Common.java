package io.github.mmm4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every analysis command shares. */
final class Common {

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "mmm-out")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).",
            defaultValue = "42")
    long seed;

    @Option(names = "--holdout", paramLabel = "N",
            description = "Final periods held out for testing (default: ${DEFAULT-VALUE}).", defaultValue = "0")
    int holdout;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;
}
