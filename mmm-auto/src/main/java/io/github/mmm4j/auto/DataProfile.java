package io.github.mmm4j.auto;

import io.github.mmm4j.models.linear.CollinearityReport;
import java.util.List;
import java.util.Objects;

/**
 * The {@link Explorer}'s profile of a dataset and its readiness for a marketing mix model.
 *
 * @param periods number of periods
 * @param geos number of geos
 * @param frequency {@code daily} or {@code weekly}
 * @param rows number of rows (periods x geos)
 * @param parameters number of coefficients the default model estimates (intercept included)
 * @param rowsPerParameter {@code rows / parameters}; below about 10 the estimates are unstable
 * @param zeroFilledCells cells that were missing and read as zero spend (0 unless the data was read with the
 *     ZERO_FILL_SPEND policy and the caller reports it)
 * @param channels one profile per media channel
 * @param anomalies KPI anomalies, in time order
 * @param mediaCollinearity VIF and condition number of the media spend columns
 * @param severeCorrelations pairs of channels whose spend correlation exceeds 0.8 in absolute value, as
 *     {@code "a ~ b (r = 0.91)"}
 * @param seasonalityStrength fraction of the detrended KPI's variance explained by yearly seasonality, in [0, 1]
 * @param trendStrength fraction of the KPI's variance explained by a linear trend, in [0, 1]
 * @param readiness readiness score from 1 (not ready) to 5 (ready)
 * @param reasons why the score is what it is, one finding per entry
 * @param experiments the experiments (lift tests) given with the data, profiled; empty when none
 */
public record DataProfile(int periods, int geos, String frequency, int rows, int parameters, double rowsPerParameter,
        int zeroFilledCells, List<ChannelProfile> channels, List<KpiAnomaly> anomalies,
        CollinearityReport mediaCollinearity, List<String> severeCorrelations, double seasonalityStrength,
        double trendStrength, int readiness, List<String> reasons, List<ExperimentProfile> experiments) {

    /** Validates and copies. */
    public DataProfile {
        channels = List.copyOf(channels);
        anomalies = List.copyOf(anomalies);
        Objects.requireNonNull(mediaCollinearity, "mediaCollinearity");
        severeCorrelations = List.copyOf(severeCorrelations);
        reasons = List.copyOf(reasons);
        experiments = List.copyOf(experiments);
        if (readiness < 1 || readiness > 5) {
            throw new IllegalArgumentException("readiness = " + readiness + "; must be in [1, 5]");
        }
    }

    /** @return the names of sparse channels */
    public List<String> sparseChannels() {
        return channels.stream().filter(ChannelProfile::sparse).map(ChannelProfile::name).toList();
    }
}
