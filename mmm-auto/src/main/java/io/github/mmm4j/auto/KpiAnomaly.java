package io.github.mmm4j.auto;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A period whose KPI is far from what trend and seasonality explain, by the modified z-score of Iglewicz and
 * Hoaglin (1993, "How to Detect and Handle Outliers"): {@code z = 0.6745 (r - median(r)) / MAD(r)} of the
 * residuals {@code r} of a trend-plus-seasonality fit; anomalies have {@code |z| > 3.5}.
 *
 * @param period the period index (national total for panels)
 * @param date the period's date
 * @param kpi the KPI in that period
 * @param robustZ the modified z-score
 * @param spikingChannels channels whose spend also spiked that period (their own modified z-score above 3.5),
 *     which suggests an event the model does not know about
 */
public record KpiAnomaly(int period, LocalDate date, double kpi, double robustZ, List<String> spikingChannels) {

    /** Validates and copies. */
    public KpiAnomaly {
        Objects.requireNonNull(date, "date");
        spikingChannels = List.copyOf(spikingChannels);
    }
}
