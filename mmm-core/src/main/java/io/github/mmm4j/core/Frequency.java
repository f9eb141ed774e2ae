package io.github.mmm4j.core;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The spacing of a regular {@link TimeIndex}. */
public enum Frequency {
    /** One period per calendar day. */
    DAILY(1),
    /** One period per seven days (any weekday may start the week). */
    WEEKLY(7);

    /** Mean length of a year in days, the period of yearly seasonality. */
    public static final double DAYS_PER_YEAR = 365.25;

    private final int days;

    Frequency(int days) {
        this.days = days;
    }

    /** @return the number of days between consecutive periods (1 or 7) */
    public int days() {
        return days;
    }

    /** @return periods per year: {@code 365.25 / days()} (365.25 daily, about 52.18 weekly) */
    public double periodsPerYear() {
        return DAYS_PER_YEAR / days;
    }

    /**
     * Returns the period after {@code date}.
     *
     * @param date a date of the index
     * @return {@code date} plus {@link #days()} days
     */
    public LocalDate next(LocalDate date) {
        return date.plusDays(days);
    }

    /**
     * Returns the frequency whose spacing is exactly {@code days}.
     *
     * @param days a spacing in days
     * @return DAILY for 1, WEEKLY for 7
     * @throws IllegalArgumentException for any other spacing
     */
    public static Frequency ofDays(long days) {
        if (days == 1) {
            return DAILY;
        }
        if (days == 7) {
            return WEEKLY;
        }
        throw new IllegalArgumentException("spacing of " + days + " days between periods; mmm4j supports daily (1) "
                + "and weekly (7) data");
    }

    /**
     * Infers the frequency from the smallest spacing between consecutive, strictly increasing dates.
     *
     * @param dates at least two dates, strictly increasing
     * @return the inferred frequency
     * @throws IllegalArgumentException if fewer than two dates are given or the smallest spacing is not 1 or 7
     */
    public static Frequency infer(LocalDate[] dates) {
        Checks.checkArgument(dates.length >= 2, "need at least 2 dates to infer the frequency; got %d", dates.length);
        long min = Long.MAX_VALUE;
        for (int i = 1; i < dates.length; i++) {
            min = Math.min(min, ChronoUnit.DAYS.between(dates[i - 1], dates[i]));
        }
        return ofDays(min);
    }
}
