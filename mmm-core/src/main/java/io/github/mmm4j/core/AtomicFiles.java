package io.github.mmm4j.core;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes files so that no reader ever sees half of one: the content goes to a temporary file in the target's
 * directory, which is then moved over the target (atomically where the file system allows).
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes content to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the stream to write to; not to be closed
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes text to a writer. */
    @FunctionalInterface
    public interface TextContent {
        /**
         * @param out the writer to write to; not to be closed
         * @throws IOException if writing fails
         */
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes bytes produced by {@code content} to {@code path}, creating parent directories.
     *
     * @param path the file to write
     * @param content what to write
     * @throws UncheckedIOException if the file cannot be written; the target is then unchanged
     */
    public static void write(Path path, Content content) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        Path abs = path.toAbsolutePath();
        Path dir = abs.getParent();
        try {
            Files.createDirectories(dir);
            // Not Files.createTempFile: that makes the file owner-only (0600), and the final file would keep it.
            // CREATE_NEW with a fresh name gives the permissions of any newly created file (the umask applies).
            Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + Long.toHexString(Thread.currentThread().getId()) + ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    content.writeTo(out);
                }
                try {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + reason(e), e);
        }
    }

    /**
     * Why a write failed, in words: the file-system exceptions carry only the path in their message.
     *
     * @param e the failure
     * @return the reason, naming the path concerned
     */
    static String reason(IOException e) {
        String file = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() : null;
        if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
            return file + " exists and is not a folder";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return file + " cannot be created (no such file or folder)";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied on " + file;
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return (file == null ? "" : file + ": ") + f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * Writes UTF-8 text produced by {@code content} to {@code path}.
     *
     * @param path the file to write
     * @param content what to write
     * @throws UncheckedIOException if the file cannot be written; the target is then unchanged
     */
    public static void writeText(Path path, TextContent content) {
        write(path, out -> {
            Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(w);
            w.flush();
        });
    }

    /**
     * Writes a string as UTF-8 to {@code path}.
     *
     * @param path the file to write
     * @param text the text
     * @throws UncheckedIOException if the file cannot be written; the target is then unchanged
     */
    public static void writeString(Path path, String text) {
        Objects.requireNonNull(text, "text");
        write(path, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
