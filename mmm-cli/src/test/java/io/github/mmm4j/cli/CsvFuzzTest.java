package io.github.mmm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mmm4j.core.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@code mmm fit} on random mutations of {@code small.csv} (cells replaced by edge values or random text, lines
 * deleted, duplicated, swapped, cut or extended; one to three mutations each): either exit 0 with every result
 * finite and the whole output set written, or exit 2 with one line on standard error and nothing written. Never an
 * internal error, an exception escaping or a control character on the terminal. The seed is fixed, so CI runs the
 * same 200 files every time (about 10 seconds; about one in six fits).
 */
class CsvFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VALUES = List.of("", "NA", "null", "abc", "1e300", "-1e300", "1.5e194", "1e50",
            "-5", "NaN", "Infinity", "-Infinity", "0", "-0", "1e-300", "4.9e-324", "99999999999", "1d", "0x10",
            "\u001b[2J", "\u001b]0;x\u0007", "\"", "\"1,2\"", "2022-13-45", "2022-01-03", "  ", "event1", "1", "none");

    private static Path dir;
    private static List<String> base;
    private static final AtomicInteger N = new AtomicInteger();

    @BeforeContainer
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("mmm4j-fuzz");
        try (InputStream in = CsvFuzzTest.class.getResourceAsStream("small.csv")) {
            base = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @AfterContainer
    static void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 200, seed = "20240518", edgeCases = EdgeCasesMode.NONE)
    void fitSucceedsWithFiniteResultsOrRejectsInOneLine(@ForAll("mutants") String csv) throws IOException {
        int k = N.incrementAndGet();
        Path file = dir.resolve("m" + k + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("o" + k);
        CliTest.Run r = CliTest.run("fit", file.toString(), "--kpi", "sales", "--controls", "price", "--events",
                "promo", "--out", out.toString());
        String err = r.err().strip();
        assertEquals(-1, Text.firstUnsafe(r.out().replace("\n", "").replace("\t", "")), r.out());
        if (r.exit() == 2) {
            assertEquals(1, err.lines().count(), r.err());
            assertTrue(err.startsWith("mmm: ") && !err.contains("internal error"), err);
            assertEquals(-1, Text.firstUnsafe(err), err);
            assertEquals("", r.out());
            assertFalse(Files.exists(out), "nothing written on bad input: " + err);
            return;
        }
        assertEquals(0, r.exit(), "exit 0 or 2 only: " + r.err() + "\n---\n" + csv);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(".mmm-outputs", "decomposition.csv", "model.json", "predictions.csv", "report.md",
                    "results.json"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "the whole output set, no temp file");
        }
        JsonNode json = JSON.readTree(out.resolve("results.json").toFile());
        JsonNode train = json.get("metrics").get("train");
        for (String f : List.of("r2", "nrmse")) {
            assertTrue(train.get(f).isNumber(), "finite train " + f + ": " + train);
        }
        for (JsonNode c : json.get("channels")) {
            for (String f : List.of("spend", "contribution", "share", "roi")) {
                assertTrue(c.get(f).isNumber(), "finite " + f + ": " + c);
            }
        }
    }

    @Provide
    Arbitrary<String> mutants() {
        Arbitrary<UnaryOperator<List<String>>> mutation = Arbitraries.frequencyOf(Tuple.of(4, cell()),
                Tuple.of(1, line()));
        return mutation.list().ofMinSize(1).ofMaxSize(3).map(ms -> {
            List<String> ls = new ArrayList<>(base);
            for (UnaryOperator<List<String>> m : ms) {
                ls = m.apply(ls);
            }
            return String.join("\n", ls) + "\n";
        });
    }

    /** One cell replaced by an edge value or random text. */
    private static Arbitrary<UnaryOperator<List<String>>> cell() {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.doubles().between(0, 1e5).ofScale(2).map(String::valueOf)),
                Tuple.of(3, Arbitraries.of(VALUES)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(6)));
        return Combinators.combine(Arbitraries.integers().between(1, base.size() - 1),
                Arbitraries.integers().between(0, 5), value).as((line, col, v) -> ls -> {
                    if (line >= ls.size()) {
                        return ls;
                    }
                    String[] cells = ls.get(line).split(",", -1);
                    if (col < cells.length) {
                        cells[col] = v;
                        ls.set(line, String.join(",", cells));
                    }
                    return ls;
                });
    }

    /** One line deleted, duplicated, swapped with the next, cut short or given an extra field. */
    private static Arbitrary<UnaryOperator<List<String>>> line() {
        return Combinators.combine(Arbitraries.integers().between(0, base.size() - 1),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 40)).as((l, kind, at) -> ls -> {
                    if (l >= ls.size() || ls.isEmpty()) {
                        return ls;
                    }
                    switch (kind) {
                        case 0 -> ls.remove((int) l);
                        case 1 -> ls.add(l, ls.get(l));
                        case 2 -> {
                            if (l + 1 < ls.size()) {
                                String t = ls.get(l);
                                ls.set(l, ls.get(l + 1));
                                ls.set(l + 1, t);
                            }
                        }
                        case 3 -> ls.set(l, ls.get(l).substring(0, Math.min(at, ls.get(l).length())));
                        default -> ls.set(l, ls.get(l) + ",7");
                    }
                    return ls;
                });
    }
}
