package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TimeIndex} and {@link Frequency}: construction, validation, slicing, extension and look-up. */
class TimeIndexTest {

    private static final LocalDate MON = LocalDate.of(2020, 1, 6);

    @Test
    void regularWeeklyIndexHasEvenlySpacedDates() {
        TimeIndex t = TimeIndex.regular(MON, Frequency.WEEKLY, 4);
        assertAll(
                () -> assertEquals(4, t.size()),
                () -> assertEquals(Frequency.WEEKLY, t.frequency()),
                () -> assertEquals(MON, t.start()),
                () -> assertEquals(LocalDate.of(2020, 1, 27), t.end()),
                () -> assertEquals(LocalDate.of(2020, 1, 13), t.date(1)),
                () -> assertEquals(List.of(MON, MON.plusDays(7), MON.plusDays(14), MON.plusDays(21)), t.dates()));
    }

    @Test
    void regularDailyIndexCrossesMonthAndLeapDay() {
        TimeIndex t = TimeIndex.regular(LocalDate.of(2020, 2, 27), Frequency.DAILY, 4);
        assertEquals(List.of(LocalDate.of(2020, 2, 27), LocalDate.of(2020, 2, 28), LocalDate.of(2020, 2, 29),
                LocalDate.of(2020, 3, 1)), t.dates());
    }

    @Test
    void regularRejectsNonPositiveSizeAndNulls() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeIndex.regular(MON, Frequency.DAILY, 0));
        assertTrue(e.getMessage().contains("n = 0"), e.getMessage());
        assertThrows(NullPointerException.class, () -> TimeIndex.regular(null, Frequency.DAILY, 3));
        assertThrows(NullPointerException.class, () -> TimeIndex.regular(MON, null, 3));
    }

    @Test
    void ofInfersDailyAndWeekly() {
        assertEquals(Frequency.DAILY, TimeIndex.of(List.of(MON, MON.plusDays(1), MON.plusDays(2))).frequency());
        assertEquals(Frequency.WEEKLY, TimeIndex.of(List.of(MON, MON.plusDays(7))).frequency());
        assertEquals(TimeIndex.regular(MON, Frequency.WEEKLY, 3),
                TimeIndex.of(List.of(MON, MON.plusDays(7), MON.plusDays(14))));
    }

    @Test
    void ofSingleDateIsWeekly() {
        TimeIndex t = TimeIndex.of(List.of(MON));
        assertEquals(1, t.size());
        assertEquals(Frequency.WEEKLY, t.frequency());
    }

    @Test
    void ofDoesNotKeepTheCallersList() {
        List<LocalDate> dates = new ArrayList<>(List.of(MON, MON.plusDays(7)));
        TimeIndex t = TimeIndex.of(dates);
        dates.set(0, MON.minusDays(7));
        assertEquals(MON, t.start());
        assertThrows(UnsupportedOperationException.class, () -> t.dates().set(0, MON));
    }

    @Test
    void ofRejectsDuplicateNamingIndexAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeIndex.of(List.of(MON, MON.plusDays(7), MON.plusDays(7))));
        assertAll(
                () -> assertTrue(e.getMessage().contains("dates[2] = 2020-01-13"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("duplicate"), e.getMessage()));
    }

    @Test
    void ofRejectsOutOfOrderNamingIndexAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeIndex.of(List.of(MON, MON.plusDays(7), MON.plusDays(3))));
        assertAll(
                () -> assertTrue(e.getMessage().contains("dates[2] = 2020-01-09"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("not after dates[1] = 2020-01-13"), e.getMessage()));
    }

    @Test
    void ofRejectsGapNamingIndexValueAndMissingCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeIndex.of(List.of(MON, MON.plusDays(7), MON.plusDays(28))));
        assertAll(
                () -> assertTrue(e.getMessage().contains("dates[2] = 2020-02-03"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("expected 2020-01-20"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("2 periods missing"), e.getMessage()));
    }

    @Test
    void ofRejectsUnsupportedSpacingAndEmptyAndNull() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeIndex.of(List.of(MON, MON.plusDays(14), MON.plusDays(28))));
        assertTrue(e.getMessage().contains("14 days"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeIndex.of(List.of()));
        List<LocalDate> withNull = new ArrayList<>();
        withNull.add(MON);
        withNull.add(null);
        NullPointerException npe = assertThrows(NullPointerException.class, () -> TimeIndex.of(withNull));
        assertEquals("dates[1]", npe.getMessage());
    }

    @Test
    void sliceKeepsFrequencyAndDates() {
        TimeIndex t = TimeIndex.regular(MON, Frequency.WEEKLY, 5);
        TimeIndex s = t.slice(1, 3);
        assertAll(
                () -> assertEquals(2, s.size()),
                () -> assertEquals(Frequency.WEEKLY, s.frequency()),
                () -> assertEquals(t.date(1), s.start()),
                () -> assertEquals(t.date(2), s.end()));
    }

    @Test
    void sliceRejectsEmptyAndOutOfRange() {
        TimeIndex t = TimeIndex.regular(MON, Frequency.WEEKLY, 5);
        for (int[] r : new int[][] {{2, 2}, {3, 2}, {-1, 2}, {0, 6}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.slice(r[0], r[1]));
            assertTrue(e.getMessage().contains("[" + r[0] + ", " + r[1] + ")"), e.getMessage());
        }
    }

    @Test
    void extendAddsPeriodsAtTheSameSpacing() {
        TimeIndex t = TimeIndex.regular(MON, Frequency.DAILY, 3);
        assertEquals(TimeIndex.regular(MON, Frequency.DAILY, 5), t.extend(2));
        assertEquals(t, t.extend(0));
        assertThrows(IllegalArgumentException.class, () -> t.extend(-1));
    }

    @Test
    void indexOfFindsDatesAndReturnsMinusOneOtherwise() {
        TimeIndex t = TimeIndex.regular(MON, Frequency.WEEKLY, 4);
        assertAll(
                () -> assertEquals(0, t.indexOf(MON)),
                () -> assertEquals(3, t.indexOf(MON.plusDays(21))),
                () -> assertEquals(-1, t.indexOf(MON.plusDays(1))),
                () -> assertEquals(-1, t.indexOf(MON.minusDays(7))),
                () -> assertEquals(-1, t.indexOf(MON.plusDays(28))));
    }

    @Test
    void yearsUsesPeriodsPerYear() {
        assertEquals(1.0, TimeIndex.regular(MON, Frequency.DAILY, 400).years(365) * 365.25 / 365,
                Tolerances.EXACT_SUM);
        assertEquals(365.25 / 7, Frequency.WEEKLY.periodsPerYear(), Tolerances.EXACT_SUM);
        assertEquals(365.25, Frequency.DAILY.periodsPerYear(), Tolerances.EXACT_SUM);
    }

    @Test
    void equalityDependsOnDatesAndFrequency() {
        TimeIndex a = TimeIndex.regular(MON, Frequency.WEEKLY, 3);
        assertEquals(a, TimeIndex.regular(MON, Frequency.WEEKLY, 3));
        assertEquals(a.hashCode(), TimeIndex.regular(MON, Frequency.WEEKLY, 3).hashCode());
        assertNotEquals(a, TimeIndex.regular(MON, Frequency.WEEKLY, 4));
        assertNotEquals(a, TimeIndex.regular(MON, Frequency.DAILY, 3));
        assertTrue(a.toString().contains("2020-01-06"), a.toString());
    }

    @Test
    void frequencyOfDaysAndNext() {
        assertEquals(Frequency.DAILY, Frequency.ofDays(1));
        assertEquals(Frequency.WEEKLY, Frequency.ofDays(7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Frequency.ofDays(30));
        assertTrue(e.getMessage().contains("30 days"), e.getMessage());
        assertEquals(MON.plusDays(7), Frequency.WEEKLY.next(MON));
        assertEquals(Frequency.DAILY, Frequency.infer(new LocalDate[] {MON, MON.plusDays(7), MON.plusDays(8)}));
        assertThrows(IllegalArgumentException.class, () -> Frequency.infer(new LocalDate[] {MON}));
    }
}
