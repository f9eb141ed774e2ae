package io.github.mmm4j.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a command's output files as one set: every file goes into a fresh staging folder beside the output folder,
 * and only when the whole set has been written are the files moved into place. A failure, an exception or a kill
 * while writing leaves the output folder as it was (no half-written file, no mix of two runs).
 *
 * <p><b>How.</b> The staging folder is {@code .<name>.mmm-staging-<random>} in the output folder's parent, so the
 * moves stay on one file system. If the output folder does not exist yet, the staging folder is renamed to it in one
 * atomic step. Otherwise each file is moved over its old version with an atomic rename, and the files a previous
 * set wrote that this set does not (listed in the folder's {@value #MANIFEST} file) are removed, so the folder never
 * holds files of two runs. A staging folder left by a process that was killed outright is removed by the next set
 * written to the same folder; an ordinary termination (Ctrl-C, SIGTERM) removes its own through a shutdown hook.
 *
 * <pre>{@code
 * OutputSet.write(Path.of("out"), dir -> {
 *     Files.writeString(dir.resolve("results.json"), json);
 *     ModelJson.write(model, dir.resolve("model.json"));
 * });
 * }</pre>
 */
public final class OutputSet {

    /** The file in an output folder that lists the files of the set written last (one name per line). */
    public static final String MANIFEST = ".mmm-outputs";

    private static final String STAGING = ".mmm-staging-";
    /** The file in a staging folder that names the process writing it. */
    private static final String OWNER = ".mmm-owner";
    /** Age after which a staging folder without a readable owner is taken as abandoned. */
    private static final long ABANDONED_MILLIS = 10 * 60 * 1000L;

    private OutputSet() {
    }

    /** Writes the files of a set into a folder. */
    @FunctionalInterface
    public interface Writer {
        /**
         * @param dir the staging folder: write every output file into it (sub-folders are allowed)
         * @throws IOException on a failed write
         */
        void write(Path dir) throws IOException;
    }

    /**
     * Writes a set of files into {@code dir} as described in the class comment.
     *
     * @param dir the output folder (created with its parents if needed)
     * @param writer writes the set into the staging folder it is given
     * @return the final paths of the files written, in name order
     * @throws UncheckedIOException if the folder cannot be prepared or a file cannot be moved (the folder then keeps
     *     its previous files; see the class comment for the one narrow exception during the final moves)
     * @throws RuntimeException whatever {@code writer} throws, after the staging folder is removed
     */
    public static List<Path> write(Path dir, Writer writer) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(writer, "writer");
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        Path staging;
        try {
            if (Files.exists(target) && !Files.isDirectory(target)) {
                throw new IOException(target + " is a file, not a folder");
            }
            Files.createDirectories(parent);
            removeStale(parent, name);
            staging = Files.createTempDirectory(parent, "." + name + STAGING);
            Files.writeString(staging.resolve(OWNER), Long.toString(ProcessHandle.current().pid()),
                    StandardCharsets.UTF_8);
            try {
                // a temporary folder is private (rwx------); the outputs get an ordinary folder's permissions
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir + ": " + AtomicFiles.reason(e), e);
        }
        Thread cleanup = new Thread(() -> deleteTree(staging), "mmm4j-output-cleanup");
        boolean hooked = addHook(cleanup);
        try {
            try {
                writer.write(staging);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to " + dir + ": " + AtomicFiles.reason(e), e);
            }
            return commit(staging, target);
        } finally {
            deleteTree(staging);
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook runs anyway
                }
            }
        }
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static List<Path> commit(Path staging, Path target) {
        List<String> names = new ArrayList<>();
        try {
            Files.deleteIfExists(staging.resolve(OWNER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + staging + ": " + AtomicFiles.reason(e), e);
        }
        try (Stream<Path> files = Files.walk(staging)) {
            files.filter(Files::isRegularFile).forEach(p -> names.add(staging.relativize(p).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + staging + ": " + AtomicFiles.reason(e), e);
        }
        names.sort(Comparator.naturalOrder());
        try {
            Files.writeString(staging.resolve(MANIFEST), String.join("\n", names) + "\n", StandardCharsets.UTF_8);
            if (!Files.exists(target)) {
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                    return paths(target, names);
                } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException e) {
                    Files.createDirectories(target);
                }
            }
            Set<String> previous = new LinkedHashSet<>();
            Path manifest = target.resolve(MANIFEST);
            if (Files.isRegularFile(manifest)) {
                for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        previous.add(line.strip());
                    }
                }
            }
            for (String n : names) {
                Path to = target.resolve(n);
                if (to.getParent() != null) {
                    Files.createDirectories(to.getParent());
                }
                move(staging.resolve(n), to);
            }
            move(staging.resolve(MANIFEST), manifest);
            for (String old : previous) {
                if (!names.contains(old)) {
                    Path p = target.resolve(old).normalize();
                    if (p.startsWith(target)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            return paths(target, names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the outputs into " + target + ": " + AtomicFiles.reason(e),
                    e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<Path> paths(Path target, List<String> names) {
        List<Path> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(target.resolve(n));
        }
        return List.copyOf(out);
    }

    /**
     * Removes staging folders of this output folder left by a process that was killed outright: those whose writing
     * process is no longer alive (a run writing to the same folder at the same time keeps its own), or, without a
     * readable owner, older than ten minutes.
     */
    private static void removeStale(Path parent, String name) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, "." + name + STAGING + "*")) {
            for (Path p : ds) {
                if (abandoned(p)) {
                    deleteTree(p);
                }
            }
        }
    }

    private static boolean abandoned(Path staging) {
        try {
            String owner = Files.readString(staging.resolve(OWNER), StandardCharsets.UTF_8).strip();
            long pid = Long.parseLong(owner);
            return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            try {
                return System.currentTimeMillis() - Files.getLastModifiedTime(staging).toMillis() > ABANDONED_MILLIS;
            } catch (IOException e2) {
                return false;
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a later set removes what is left
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
