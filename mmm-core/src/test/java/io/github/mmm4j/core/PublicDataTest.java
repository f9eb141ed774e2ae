package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads public MMM data from {@code ../shared/data} (relative to the reactor root, found through the system
 * property {@code mmm4j.root} that surefire sets). Skipped, visibly, when the shared data is absent.
 */
class PublicDataTest {

    private static Path shared(String relative) {
        Path root = Path.of(System.getProperty("mmm4j.root", "."));
        return root.resolve("..").resolve("shared").resolve(relative).normalize();
    }

    /**
     * pymc-marketing's {@code data/mmm_example.csv}: 179 consecutive Mondays 2018-04-02 .. 2021-08-30, KPI y,
     * channels x1 and x2 (x2 is zero in 147 weeks), two one-week events written as 0.0/1.0.
     */
    @Test
    void pymcMmmExample() {
        Path p = shared("data/pymc_mmm_example/mmm_example.csv");
        assumeTrue(Files.exists(p), "skipped: ../shared/data/pymc_mmm_example/mmm_example.csv not found "
                + "(shared data absent)");
        MmmDataset d = MmmCsv.read(p, CsvSchema.builder("y").date("date_week").channels("x1", "x2")
                .events("event_1", "event_2").build());
        assertAll(
                () -> assertEquals(179, d.nRows()),
                () -> assertEquals(179, d.nPeriods()),
                () -> assertEquals(Frequency.WEEKLY, d.time().frequency()),
                () -> assertEquals(LocalDate.of(2018, 4, 2), d.time().start()),
                () -> assertEquals(LocalDate.of(2021, 8, 30), d.time().end()),
                () -> assertEquals(List.of("x1", "x2"), d.channels()),
                () -> assertEquals(3984.662237343649, d.kpi(0), "first KPI value, exactly as in the file"),
                () -> assertEquals(147, java.util.Arrays.stream(d.spendColumn(1)).filter(v -> v == 0).count()),
                () -> assertEquals(1, java.util.Arrays.stream(d.eventColumn(0)).sum()),
                () -> assertEquals(LocalDate.of(2019, 5, 13), d.time().date(indexOfOne(d.eventColumn(0)))),
                () -> assertEquals(LocalDate.of(2020, 9, 14), d.time().date(indexOfOne(d.eventColumn(1)))));
        // The upstream configuration also uses t (0..178) as a control.
        MmmDataset withTrend = MmmCsv.read(p, CsvSchema.builder("y").date("date_week").channels("x1", "x2")
                .controls("t").events("event_1", "event_2").build());
        assertEquals(178, withTrend.control(178, 0));
        assertTrue(withTrend.totalSpend(0) > 55 && withTrend.totalSpend(0) < 56, "x1 sums to about 55.33");
    }

    /**
     * pymc-marketing's {@code multidimensional_mock_data.csv}: a long-format panel of 2 geos x 179 weeks with an
     * unnamed pandas index column first and the geo column last; x1, x2 are 500 x the mmm_example spends.
     */
    @Test
    void pymcMultidimensionalMockPanel() {
        Path p = shared("data/pymc_multidimensional_mock/multidimensional_mock_data.csv");
        assumeTrue(Files.exists(p), "skipped: ../shared/data/pymc_multidimensional_mock/multidimensional_mock_data.csv"
                + " not found (shared data absent)");
        MmmDataset d = MmmCsv.read(p, CsvSchema.builder("y").channels("x1", "x2").events("event_1", "event_2")
                .controls("t").geo("geo").build());
        assertAll(
                () -> assertEquals(List.of("geo_a", "geo_b"), d.geos()),
                () -> assertEquals(179, d.nPeriods()),
                () -> assertEquals(358, d.nRows()),
                () -> assertEquals(Frequency.WEEKLY, d.time().frequency()),
                () -> assertEquals(LocalDate.of(2018, 4, 2), d.time().start()),
                () -> assertEquals(3984.662237343649, d.geo("geo_a").kpi(0)),
                () -> assertEquals(178, d.control(179 + 178, 0), "row 357 is week 178 of geo_b"),
                () -> assertEquals(1, java.util.Arrays.stream(d.geo("geo_a").eventColumn(0)).sum()),
                () -> assertEquals(List.of("national"), d.aggregate().geos()));
        Path national = shared("data/pymc_mmm_example/mmm_example.csv");
        assumeTrue(Files.exists(national), "skipped: ../shared/data/pymc_mmm_example/mmm_example.csv not found "
                + "(shared data absent)");
        MmmDataset example = MmmCsv.read(national, CsvSchema.builder("y").date("date_week").channels("x1", "x2")
                .build());
        double[] x1 = d.geo("geo_b").spendColumn(0);
        for (int t = 0; t < x1.length; t++) {
            assertEquals(500 * example.spend(t, 0), x1[t], 500 * Math.ulp(example.spend(t, 0)) * 4,
                    "x1 of geo_b is 500 x mmm_example's x1 (up to the file's rounding), week " + t);
        }
    }

    /**
     * Meridian's simulated {@code national_media.csv} (156 weeks): channels found by their {@code _spend} suffix,
     * each with its {@code _impression} exposure column, and two controls.
     */
    @Test
    void meridianNationalMediaWithInferredChannelsAndExposures() {
        Path p = shared("data/meridian_simulated/national_media.csv");
        assumeTrue(Files.exists(p), "skipped: ../shared/data/meridian_simulated/national_media.csv not found "
                + "(shared data absent)");
        CsvSchema.Builder b = CsvSchema.builder("conversions").date("time").inferChannels()
                .controls("competitor_activity_score_control", "sentiment_score_control");
        for (int c = 0; c < 4; c++) {
            b.exposure("Channel" + c + "_spend", "Channel" + c + "_impression");
        }
        MmmDataset d = MmmCsv.read(p, b.build());
        assertAll(
                () -> assertEquals(156, d.nPeriods()),
                () -> assertEquals(Frequency.WEEKLY, d.time().frequency()),
                () -> assertEquals(LocalDate.of(2021, 1, 25), d.time().start()),
                () -> assertEquals(List.of("Channel0_spend", "Channel1_spend", "Channel2_spend", "Channel3_spend"),
                        d.channels()),
                () -> assertTrue(d.hasExposure(3)),
                () -> assertEquals(13158922, d.exposure(0, 0)),
                () -> assertEquals(146755.84, d.spend(0, 0)));
    }

    /** Meridian's simulated {@code geo_media.csv}: a panel of 20 geos x 156 weeks. */
    @Test
    void meridianGeoPanel() {
        Path p = shared("data/meridian_simulated/geo_media.csv");
        assumeTrue(Files.exists(p), "skipped: ../shared/data/meridian_simulated/geo_media.csv not found "
                + "(shared data absent)");
        MmmDataset d = MmmCsv.read(p, CsvSchema.builder("conversions").date("time").geo("geo").inferChannels()
                .controls("population").build());
        assertAll(
                () -> assertEquals(20, d.nGeos()),
                () -> assertEquals("Geo0", d.geos().get(0)),
                () -> assertEquals(156, d.nPeriods()),
                () -> assertEquals(20 * 156, d.nRows()),
                () -> assertEquals(4, d.nChannels()),
                () -> assertEquals(1, d.aggregate().nGeos()));
    }

    private static int indexOfOne(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] == 1) {
                return i;
            }
        }
        return -1;
    }
}
