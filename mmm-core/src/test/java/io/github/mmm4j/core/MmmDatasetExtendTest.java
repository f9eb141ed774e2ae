package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MmmDatasetExtendTest {

    private static MmmDataset panel() {
        TimeIndex time = TimeIndex.regular(LocalDate.of(2024, 1, 1), Frequency.WEEKLY, 3);
        return MmmDataset.builder(time).geos(List.of("a", "b"))
                .kpi("y", new double[] {1, 2, 3, 4, 5, 6})
                .channel("tv", new double[] {10, 0, 30, 40, 50, 60})
                .channel("web", new double[] {1, 1, 1, 2, 2, 2})
                .control("price", new double[] {9, 8, 7, 6, 5, 4})
                .event("promo", new double[] {0, 1, 0, 0, 0, 1})
                .build();
    }

    @Test
    void appendsFuturePeriodsPerGeoWithUnknownKpi() {
        MmmDataset d = panel();
        double[] future = {100, 101, 102, 103, 200, 201, 202, 203}; // geo a: h0 (tv, web), h1; geo b: ...
        MmmDataset e = d.extend(2, future, null, null);
        assertEquals(5, e.nPeriods());
        assertEquals(3, e.nObservedPeriods());
        assertEquals(LocalDate.of(2024, 1, 29), e.time().end());
        assertEquals(3, e.kpi(2), 0.0);
        assertTrue(Double.isNaN(e.kpi(3)) && Double.isNaN(e.kpi(4)) && Double.isNaN(e.kpi(9)));
        assertEquals(4, e.kpi(5), 0.0);
        assertEquals(30, e.spend(2, 0), 0.0);
        assertEquals(100, e.spend(3, 0), 0.0);
        assertEquals(103, e.spend(4, 1), 0.0);
        assertEquals(200, e.spend(8, 0), 0.0);
        assertEquals(203, e.spend(9, 1), 0.0);
        assertEquals(7, e.control(3, 0), 0.0, "controls held at the last observed value of geo a");
        assertEquals(4, e.control(9, 0), 0.0, "controls held at the last observed value of geo b");
        assertEquals(0, e.event(3, 0), 0.0);
        assertEquals(3, d.nObservedPeriods(), "original unchanged");
        assertEquals(3, e.slice(0, 3).nObservedPeriods());
        assertEquals(1, e.slice(2, 5).nObservedPeriods());
    }

    @Test
    void rejectsBadFutureInputNamingIndexAndValue() {
        MmmDataset d = panel();
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> d.extend(1, new double[] {1, -2, 3, 4}, null, null));
        assertTrue(neg.getMessage().contains("futureSpend[1] = -2.0"), neg.getMessage());
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> d.extend(1, new double[] {1, 2}, null, null));
        assertTrue(len.getMessage().contains("futureSpend.length = 2; expected 4"), len.getMessage());
        IllegalArgumentException ev = assertThrows(IllegalArgumentException.class,
                () -> d.extend(1, new double[] {1, 2, 3, 4}, null, new double[] {0, 2}));
        assertTrue(ev.getMessage().contains("futureEvents[1] = 2.0"), ev.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.extend(0, new double[0], null, null));
    }
}
