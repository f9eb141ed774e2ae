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
            description = "Final periods held out for testing; 0 for none. If absent: fit holds out none; auto and "
                    + "demo hold out 10%% of the periods (at least 4, at most 26), which their quality gate needs, so "
                    + "they do not take 0.")
    Integer holdout;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    /** @return the periods held out: as given, or none when {@code --holdout} is absent (the {@code fit} default) */
    int holdoutOrNone() {
        return holdout == null ? 0 : holdout;
    }

    /**
     * Refuses an output folder that holds the model being read: the command's files are written as one set
     * ({@link io.github.mmm4j.core.OutputSet}), which would replace the analysis that made the model.
     *
     * @param out the output folder
     * @param model the model file read
     */
    static void checkNotModelFolder(java.nio.file.Path out, java.nio.file.Path model) {
        java.nio.file.Path dir = real(model.toAbsolutePath().normalize().getParent());
        if (dir != null && dir.equals(real(out.toAbsolutePath().normalize()))) {
            throw new Main.BadInputException("--out " + out + " is the folder of --model " + model
                    + "; its files would replace the analysis that wrote the model: choose another folder");
        }
    }

    /**
     * The path with every symbolic link resolved, as far as it exists: a folder reached through a link is the same
     * folder (a link must not let an output set replace the model it reads).
     */
    static java.nio.file.Path real(java.nio.file.Path p) {
        if (p == null) {
            return null;
        }
        java.nio.file.Path existing = p;
        java.nio.file.Path rest = null;
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            java.nio.file.Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            java.nio.file.Path r = existing.toRealPath();
            return rest == null ? r : r.resolve(rest).normalize();
        } catch (java.io.IOException e) {
            return p;
        }
    }
}
