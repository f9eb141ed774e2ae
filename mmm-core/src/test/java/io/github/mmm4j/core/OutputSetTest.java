package io.github.mmm4j.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outputs appear as a complete set or not at all, and never as a mix of two runs. */
class OutputSetTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewFolderAppearsWithTheWholeSet(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("a/b/out");
        List<Path> files = OutputSet.write(out, dir -> {
            Files.writeString(dir.resolve("one.txt"), "1");
            Files.writeString(dir.resolve("two.txt"), "2");
        });
        assertEquals(List.of(out.toAbsolutePath().resolve("one.txt"), out.toAbsolutePath().resolve("two.txt")), files);
        assertEquals(List.of(OutputSet.MANIFEST, "one.txt", "two.txt"), names(out));
        assertEquals(List.of("out"), names(tmp.resolve("a/b")));
    }

    @Test
    void aFailureLeavesThePreviousSetUntouchedAndNoStagingFolder(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        OutputSet.write(out, dir -> Files.writeString(dir.resolve("results.json"), "old"));
        RuntimeException e = assertThrows(IllegalStateException.class, () -> OutputSet.write(out, dir -> {
            Files.writeString(dir.resolve("results.json"), "new");
            Files.writeString(dir.resolve("model.json"), "half");
            throw new IllegalStateException("killed half-way");
        }));
        assertEquals("killed half-way", e.getMessage());
        assertEquals("old", Files.readString(out.resolve("results.json")));
        assertFalse(Files.exists(out.resolve("model.json")));
        assertEquals(List.of("out"), names(tmp));
        UncheckedIOException io = assertThrows(UncheckedIOException.class, () -> OutputSet.write(out, dir -> {
            throw new IOException("disk full");
        }));
        assertTrue(io.getMessage().contains("disk full"), io.getMessage());
        assertEquals(List.of("out"), names(tmp));
    }

    @Test
    void aNewSetReplacesTheOldOneWithoutLeavingItsOtherFiles(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        OutputSet.write(out, dir -> {
            Files.writeString(dir.resolve("results.json"), "auto");
            Files.writeString(dir.resolve("plan.json"), "auto");
        });
        Files.writeString(out.resolve("notes.txt"), "the user's own file");
        OutputSet.write(out, dir -> Files.writeString(dir.resolve("results.json"), "fit"));
        assertEquals(List.of(OutputSet.MANIFEST, "notes.txt", "results.json"), names(out));
        assertEquals("fit", Files.readString(out.resolve("results.json")));
    }

    @Test
    void aStagingFolderLeftByAKilledProcessIsRemovedByTheNextSet(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.createDirectories(tmp.resolve(".out.mmm-staging-123"));
        Files.writeString(stale.resolve(".mmm-owner"), Long.toString(gone.pid()));
        Files.writeString(stale.resolve("results.json"), "orphan");
        // a run writing to the same folder right now (its owner is alive) keeps its staging folder
        Path live = Files.createDirectories(tmp.resolve(".out.mmm-staging-456"));
        Files.writeString(live.resolve(".mmm-owner"), Long.toString(ProcessHandle.current().pid()));
        OutputSet.write(out, dir -> Files.writeString(dir.resolve("results.json"), "x"));
        assertEquals(List.of(".out.mmm-staging-456", "out"), names(tmp));
        assertEquals(List.of(OutputSet.MANIFEST, "results.json"), names(out));
    }

    @Test
    void aFileInTheWayIsAClearError(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("out"), "not a folder");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> OutputSet.write(file, dir -> Files.writeString(dir.resolve("a"), "a")));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
        assertEquals("not a folder", Files.readString(file));
    }
}
