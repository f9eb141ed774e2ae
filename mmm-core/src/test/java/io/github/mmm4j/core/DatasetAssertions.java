package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Exact comparison of two datasets (doubles bit for bit, so {@code -0.0 != 0.0}). */
final class DatasetAssertions {

    private DatasetAssertions() {
    }

    static void assertSameData(MmmDataset expected, MmmDataset actual) {
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(expected.time(), actual.time(), "time"));
        checks.add(() -> assertEquals(expected.geos(), actual.geos(), "geos"));
        checks.add(() -> assertEquals(expected.kpiName(), actual.kpiName(), "kpiName"));
        checks.add(() -> assertEquals(expected.channels(), actual.channels(), "channels"));
        checks.add(() -> assertEquals(expected.controls(), actual.controls(), "controls"));
        checks.add(() -> assertEquals(expected.events(), actual.events(), "events"));
        for (int c = 0; c < expected.nChannels(); c++) {
            int cc = c;
            checks.add(() -> assertEquals(expected.hasExposure(cc), actual.hasExposure(cc), "hasExposure " + cc));
        }
        checks.add(() -> assertArrayEquals(expected.kpi(), actual.kpi(), "kpi"));
        checks.add(() -> assertArrayEquals(expected.spend(), actual.spend(), "spend"));
        checks.add(() -> assertArrayEquals(expected.exposure(), actual.exposure(), "exposure"));
        checks.add(() -> assertArrayEquals(expected.controlValues(), actual.controlValues(), "controls"));
        checks.add(() -> assertArrayEquals(expected.eventValues(), actual.eventValues(), "events"));
        assertAll(checks);
    }
}
