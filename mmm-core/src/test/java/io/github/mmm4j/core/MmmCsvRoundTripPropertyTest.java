package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@link MmmCsv#write(MmmDataset, Path)} then {@link MmmCsv#read(Path, CsvSchema)} with
 * {@link MmmCsv#schemaOf} gives back exactly the dataset that was written, for random shapes, values (any
 * double the reader accepts, from subnormals to {@link MmmCsv#MAX_MAGNITUDE}, and -0.0), frequencies, start dates,
 * geo names
 * (with commas, quotes, newlines and non-ASCII characters), exposures, controls and events; and no temporary
 * file is left behind.
 */
class MmmCsvRoundTripPropertyTest {

    private static final List<String> CHANNEL_NAMES = List.of("tv", "search, paid", "social \"meta\"", "r\u00e1dio");
    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("mmm4j-roundtrip");
    }

    @AfterContainer
    static void deleteDir() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 150)
    void writeThenReadRoundTripsExactly(@ForAll("datasets") MmmDataset data) throws IOException {
        Path file = dir.resolve("data.csv");
        MmmCsv.write(data, file);
        MmmDataset back = MmmCsv.read(file, MmmCsv.schemaOf(data));
        DatasetAssertions.assertSameData(data, back);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "only the target file is left in the directory");
        }
    }

    @Provide
    Arbitrary<MmmDataset> datasets() {
        Arbitrary<Integer> periods = Arbitraries.integers().between(2, 25);
        // sorted: the reader orders geos by name (any row order gives the same dataset), so only datasets whose geos
        // are in that order can round-trip exactly
        Arbitrary<List<String>> geos = geoName().list().ofMinSize(1).ofMaxSize(3).uniqueElements()
                .map(l -> l.stream().sorted().toList());
        Arbitrary<Frequency> freq = Arbitraries.of(Frequency.class);
        Arbitrary<LocalDate> start = Arbitraries.longs().between(LocalDate.of(1970, 1, 1).toEpochDay(),
                LocalDate.of(2060, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
        Arbitrary<Integer> nChannels = Arbitraries.integers().between(1, CHANNEL_NAMES.size());
        Arbitrary<Integer> nControls = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> nEvents = Arbitraries.integers().between(0, 2);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(periods, geos, freq, start, nChannels, nControls, nEvents, seed)
                .flatAs((n, g, f, s, nc, nk, ne, sd) -> {
                    int rows = n * g.size();
                    int columns = 1 + 2 * nc + nk;
                    return Combinators.combine(
                            anyFinite().array(double[].class).ofSize(rows * columns),
                            Arbitraries.of(0.0, 1.0).array(double[].class).ofSize(Math.max(1, rows * ne)),
                            Arbitraries.of(true, false).list().ofSize(nc))
                            .as((values, events, withExposure) -> build(TimeIndex.regular(s, f, n), g, nc, nk, ne,
                                    values, events, withExposure));
                });
    }

    private static MmmDataset build(TimeIndex time, List<String> geos, int nc, int nk, int ne, double[] values,
            double[] events, List<Boolean> withExposure) {
        int rows = time.size() * geos.size();
        int[] next = {0};
        MmmDataset.Builder b = MmmDataset.builder(time).geos(geos).kpi("kpi", take(values, next, rows, false));
        for (int c = 0; c < nc; c++) {
            double[] spend = take(values, next, rows, true);
            double[] exposure = take(values, next, rows, true);
            b.channel(CHANNEL_NAMES.get(c), spend, withExposure.get(c) ? exposure : null);
        }
        for (int k = 0; k < nk; k++) {
            b.control("control " + k, take(values, next, rows, false));
        }
        for (int e = 0; e < ne; e++) {
            double[] v = new double[rows];
            System.arraycopy(events, e * rows, v, 0, rows);
            b.event("event_" + e, v);
        }
        return b.build();
    }

    /** The next {@code rows} values; for spend made non-negative and not all zero. */
    private static double[] take(double[] values, int[] next, int rows, boolean spend) {
        double[] out = new double[rows];
        boolean anyPositive = false;
        for (int r = 0; r < rows; r++) {
            double v = values[next[0]++];
            out[r] = spend ? Math.abs(v) : v;
            anyPositive |= out[r] > 0;
        }
        if (spend && !anyPositive) {
            out[rows - 1] = Double.MIN_VALUE;
        }
        return out;
    }

    /**
     * Any double the reader accepts (magnitude at most {@link MmmCsv#MAX_MAGNITUDE}): edge cases, ordinary decimals,
     * and uniformly random bit patterns.
     */
    private static Arbitrary<Double> anyFinite() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
                        Double.MIN_NORMAL, MmmCsv.MAX_MAGNITUDE, -MmmCsv.MAX_MAGNITUDE, 1e-300, 0.1, 1.0 / 3)),
                Tuple.of(3, Arbitraries.doubles().between(-1e6, 1e6).ofScale(6)),
                Tuple.of(3, Arbitraries.longs().map(Double::longBitsToDouble)
                        .filter(v -> Math.abs(v) <= MmmCsv.MAX_MAGNITUDE)));
    }

    /** Geo names: non-blank, without leading or trailing whitespace, possibly needing CSV quoting. */
    private static Arbitrary<String> geoName() {
        return Arbitraries.strings().withChars("abcXYZ019 -_,;\"'\n\u00e9\u4e2d").ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.isBlank() && s.equals(s.strip()));
    }
}
