package io.github.mmm4j.core;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A regular, strictly increasing sequence of period start dates: daily or weekly, with no duplicates and no
 * gaps. Immutable.
 *
 * <p>Period {@code t} (0-based) starts on {@code start().plusDays(t * frequency().days())}.
 */
public final class TimeIndex {

    private final LocalDate[] dates;
    private final Frequency frequency;

    private TimeIndex(LocalDate[] dates, Frequency frequency) {
        this.dates = dates;
        this.frequency = frequency;
    }

    /**
     * A regular index of {@code n} periods.
     *
     * @param start the first period's date
     * @param frequency the spacing
     * @param n the number of periods, at least 1
     * @return the index
     */
    public static TimeIndex regular(LocalDate start, Frequency frequency, int n) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(frequency, "frequency");
        Checks.checkPositive("n", n);
        LocalDate[] d = new LocalDate[n];
        for (int t = 0; t < n; t++) {
            d[t] = start.plusDays((long) t * frequency.days());
        }
        return new TimeIndex(d, frequency);
    }

    /**
     * An index over the given dates, which must be strictly increasing with a constant spacing of 1 or 7 days.
     * The frequency is inferred; a single date is taken as weekly.
     *
     * @param dates (input) not modified
     * @return the index
     * @throws IllegalArgumentException naming the index and value of the first duplicate, out-of-order date or gap
     */
    public static TimeIndex of(List<LocalDate> dates) {
        Objects.requireNonNull(dates, "dates");
        LocalDate[] d = dates.toArray(new LocalDate[0]);
        Checks.checkArgument(d.length > 0, "dates is empty");
        for (int i = 0; i < d.length; i++) {
            Objects.requireNonNull(d[i], () -> "dates[" + dates.indexOf(null) + "]");
        }
        for (int i = 1; i < d.length; i++) {
            int cmp = d[i].compareTo(d[i - 1]);
            Checks.checkArgument(cmp != 0, "dates[%d] = %s; duplicate of dates[%d]", i, d[i], i - 1);
            Checks.checkArgument(cmp > 0, "dates[%d] = %s; not after dates[%d] = %s", i, d[i], i - 1, d[i - 1]);
        }
        Frequency f = d.length == 1 ? Frequency.WEEKLY : Frequency.infer(d);
        for (int i = 1; i < d.length; i++) {
            LocalDate expected = f.next(d[i - 1]);
            Checks.checkArgument(d[i].equals(expected),
                    "dates[%d] = %s; gap in the %s index: expected %s after %s (%d periods missing)",
                    i, d[i], f.name().toLowerCase(java.util.Locale.ROOT), expected, d[i - 1],
                    ChronoUnit.DAYS.between(d[i - 1], d[i]) / f.days() - 1);
        }
        return new TimeIndex(d, f);
    }

    /** @return the number of periods */
    public int size() {
        return dates.length;
    }

    /** @return the spacing */
    public Frequency frequency() {
        return frequency;
    }

    /**
     * @param t a period index, 0-based
     * @return the start date of period {@code t}
     */
    public LocalDate date(int t) {
        return dates[t];
    }

    /** @return the first date */
    public LocalDate start() {
        return dates[0];
    }

    /** @return the last date */
    public LocalDate end() {
        return dates[dates.length - 1];
    }

    /** @return an unmodifiable list of the dates */
    public List<LocalDate> dates() {
        return List.of(dates);
    }

    /**
     * The period index of a date.
     *
     * @param date a date
     * @return its index, or -1 if the date is not one of the index's dates
     */
    public int indexOf(LocalDate date) {
        int i = Arrays.binarySearch(dates, date);
        return i >= 0 ? i : -1;
    }

    /**
     * The sub-index of periods {@code [from, to)}.
     *
     * @param from first period, inclusive
     * @param to last period, exclusive
     * @return the sub-index
     */
    public TimeIndex slice(int from, int to) {
        Checks.checkArgument(0 <= from && from < to && to <= dates.length,
                "slice [%d, %d) is not a non-empty range within [0, %d)", from, to, dates.length);
        return new TimeIndex(Arrays.copyOfRange(dates, from, to), frequency);
    }

    /**
     * The index extended by {@code periods} further periods at the same spacing (for forecasting).
     *
     * @param periods the number of periods to add, at least 0
     * @return the extended index
     */
    public TimeIndex extend(int periods) {
        Checks.checkNonNegative("periods", periods);
        return regular(start(), frequency, dates.length + periods);
    }

    /**
     * The time in years of period {@code t} after the first period, {@code t / periodsPerYear}.
     *
     * @param t a period index
     * @return years since the start
     */
    public double years(int t) {
        return t / frequency.periodsPerYear();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeIndex other && frequency == other.frequency && Arrays.equals(dates, other.dates);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dates) + frequency.hashCode();
    }

    @Override
    public String toString() {
        return "TimeIndex[" + frequency + ", " + start() + " .. " + end() + ", n=" + dates.length + "]";
    }
}
