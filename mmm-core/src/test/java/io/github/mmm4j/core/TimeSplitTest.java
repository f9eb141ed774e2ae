package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link TimeSplit#holdoutLast}: sizes, time order (in every geo) and the limits on the holdout. */
class TimeSplitTest {

    private static MmmDataset weeks(int n, int geos) {
        TimeIndex t = TimeIndex.regular(LocalDate.of(2021, 1, 4), Frequency.WEEKLY, n);
        double[] kpi = new double[n * geos];
        double[] spend = new double[n * geos];
        for (int r = 0; r < kpi.length; r++) {
            kpi[r] = r;
            spend[r] = 1 + r;
        }
        List<String> names = geos == 1 ? List.of("national") : List.of("a", "b", "c").subList(0, geos);
        return MmmDataset.builder(t).geos(names).kpi("kpi", kpi).channel("tv", spend).build();
    }

    @Test
    void holdoutLastSplitsTheFinalPeriods() {
        MmmDataset d = weeks(10, 1);
        TimeSplit s = TimeSplit.holdoutLast(d, 3);
        MmmDataset test = s.test().orElseThrow();
        assertAll(
                () -> assertEquals(3, s.holdout()),
                () -> assertEquals(7, s.train().nPeriods()),
                () -> assertEquals(3, test.nPeriods()),
                () -> assertEquals(d.time().start(), s.train().time().start()),
                () -> assertEquals(d.time().end(), test.time().end()),
                () -> assertTrue(s.train().time().end().isBefore(test.time().start())),
                () -> assertEquals(s.train().time().frequency().next(s.train().time().end()), test.time().start()),
                () -> assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6}, s.train().kpi()),
                () -> assertArrayEquals(new double[] {7, 8, 9}, test.kpi()));
    }

    @Test
    void holdoutIsTakenFromEveryGeo() {
        TimeSplit s = TimeSplit.holdoutLast(weeks(5, 2), 2);
        assertArrayEquals(new double[] {0, 1, 2, 5, 6, 7}, s.train().kpi());
        assertArrayEquals(new double[] {3, 4, 8, 9}, s.test().orElseThrow().kpi());
        assertEquals(List.of("a", "b"), s.test().orElseThrow().geos());
    }

    @Test
    void holdoutZeroKeepsEverything() {
        MmmDataset d = weeks(4, 1);
        TimeSplit s = TimeSplit.holdoutLast(d, 0);
        assertSame(d, s.train());
        assertEquals(Optional.empty(), s.test());
        assertEquals(0, s.holdout());
    }

    @Test
    void holdoutMustLeaveTwoTrainingPeriods() {
        MmmDataset d = weeks(5, 1);
        assertEquals(2, TimeSplit.holdoutLast(d, 3).train().nPeriods());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeSplit.holdoutLast(d, 4));
        assertEquals("holdout = 4 leaves 1 training periods of 5; need at least 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeSplit.holdoutLast(d, 5));
        assertThrows(IllegalArgumentException.class, () -> TimeSplit.holdoutLast(d, 50));
        assertEquals("holdout = -1; must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> TimeSplit.holdoutLast(d, -1)).getMessage());
        assertThrows(NullPointerException.class, () -> TimeSplit.holdoutLast(null, 1));
    }
}
