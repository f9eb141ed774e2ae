package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MmmCsv#write}: the columns written, {@link MmmCsv#schemaOf}, and atomic replacement of the file. */
class MmmCsvWriteTest {

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesDateKpiChannelsExposuresControlsEvents() throws Exception {
        StringWriter w = new StringWriter();
        MmmCsv.write(MmmDatasetTest.national(), w);
        assertEquals(String.join("\n",
                "date,sales,tv,search,tv_exposure,price,promo",
                "2020-01-06,100.0,10.0,1.0,1000.0,1.5,0",
                "2020-01-13,110.0,0.0,2.0,0.0,1.4,1",
                "2020-01-20,120.0,30.0,3.0,2500.0,1.6,0") + "\n", w.toString());
    }

    @Test
    void writesPanelsWithAGeoColumnGeoMajor() throws Exception {
        StringWriter w = new StringWriter();
        MmmCsv.write(MmmDatasetTest.panel(), w);
        List<String> lines = w.toString().lines().toList();
        assertEquals(7, lines.size());
        assertEquals("date,geo,sales,tv,search,tv_exposure,price,promo", lines.get(0));
        assertEquals("2020-01-06,north,1.0,1.0,0.0,10.0,1.0,0", lines.get(1));
        assertEquals("2020-01-06,south,10.0,4.0,7.0,40.0,3.0,0", lines.get(4));
    }

    @Test
    void singleNamedGeoKeepsItsName() throws Exception {
        MmmDataset south = MmmDatasetTest.panel().geo("south");
        StringWriter w = new StringWriter();
        MmmCsv.write(south, w);
        assertTrue(w.toString().startsWith("date,geo,sales,"), w.toString());
        assertEquals("geo", MmmCsv.schemaOf(south).geoColumn());
        MmmDataset back = MmmCsv.readString("mem", w.toString(), MmmCsv.schemaOf(south));
        assertEquals(List.of("south"), back.geos());
        DatasetAssertions.assertSameData(south, back);
    }

    @Test
    void schemaOfDescribesTheWrittenColumns() {
        CsvSchema s = MmmCsv.schemaOf(MmmDatasetTest.panel());
        assertEquals("date", s.dateColumn());
        assertEquals("sales", s.kpiColumn());
        assertEquals(List.of("tv", "search"), s.channels());
        assertEquals(java.util.Map.of("tv", "tv_exposure"), s.exposures());
        assertEquals(List.of("price"), s.controls());
        assertEquals(List.of("promo"), s.events());
        assertEquals("geo", s.geoColumn());
        assertEquals(null, MmmCsv.schemaOf(MmmDatasetTest.national()).geoColumn());
    }

    @Test
    void roundTripsNationalAndPanelThroughAFile(@TempDir Path dir) {
        for (MmmDataset d : List.of(MmmDatasetTest.national(), MmmDatasetTest.panel())) {
            Path p = dir.resolve("out.csv");
            MmmCsv.write(d, p);
            DatasetAssertions.assertSameData(d, MmmCsv.read(p, MmmCsv.schemaOf(d)));
        }
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("out.csv");
        Files.writeString(p, "old content that is longer than nothing\n".repeat(100));
        MmmCsv.write(MmmDatasetTest.national(), p);
        assertEquals(List.of(p), list(dir));
        assertTrue(Files.readString(p).startsWith("date,sales,"), "replaced");
        DatasetAssertions.assertSameData(MmmDatasetTest.national(),
                MmmCsv.read(p, MmmCsv.schemaOf(MmmDatasetTest.national())));
    }

    @Test
    void createsMissingParentDirectories(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("a/b/out.csv");
        MmmCsv.write(MmmDatasetTest.national(), p);
        assertEquals(List.of(p), list(dir.resolve("a/b")));
    }

    @Test
    void failedWriteLeavesNoTemporaryFileAndKeepsTheTarget(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectories(dir.resolve("out.csv"));
        Files.writeString(target.resolve("keep.txt"), "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> MmmCsv.write(MmmDatasetTest.national(), target));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertEquals(List.of(target), list(dir), "no temporary file left");
        assertEquals(List.of(target.resolve("keep.txt")), list(target));
    }

    @Test
    void writtenFileIsUtf8() throws Exception {
        MmmDataset d = MmmDataset.builder(MmmDatasetTest.T3).geos(List.of("M\u00fcnchen", "\u6771\u4eac"))
                .kpi("sales", new double[] {1, 2, 3, 4, 5, 6}).channel("tv", new double[] {1, 1, 1, 1, 1, 1}).build();
        StringWriter w = new StringWriter();
        MmmCsv.write(d, w);
        byte[] bytes = w.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        DatasetAssertions.assertSameData(d, MmmCsv.read("mem", bytes, MmmCsv.schemaOf(d)));
    }
}
