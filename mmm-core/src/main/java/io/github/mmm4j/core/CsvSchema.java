package io.github.mmm4j.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the columns of a CSV file map onto an {@link MmmDataset}: which column holds the date, the KPI, each
 * media channel (and optionally its exposure), each control and each event, and for panel data the geo.
 *
 * <p>Build one with {@link #builder(String)}:
 * <pre>{@code
 * CsvSchema schema = CsvSchema.builder("sales").date("week").channels("tv", "search").build();
 * }</pre>
 *
 * @param dateColumn the date column's header name
 * @param kpiColumn the KPI column's header name
 * @param channels the media spend columns; empty when {@code inferChannels} is set
 * @param exposures channel name to the header of its exposure column (impressions, clicks); may be empty
 * @param controls control variable columns
 * @param events 0/1 event indicator columns
 * @param geoColumn the geo column of a long-format panel, or null for national data
 * @param datePattern a {@link java.time.format.DateTimeFormatter} pattern such as {@code d/M/yyyy} or
 *     {@code M/d/yyyy}, or null for ISO {@code yyyy-MM-dd} (a time of day after the date is then ignored)
 * @param missingValues what to do with empty cells
 * @param inferChannels if true, media columns are every column whose name ends in {@code _spend} or
 *     {@code _cost} or starts with {@code spend_} (any case) and is not otherwise mapped, in file order
 * @param delimiter the field separator
 * @param brandColumn the brand column of a brand x region panel, or null. With a geo column too, each cell is one
 *     brand in one region and is named {@code BRAND / REGION} ({@link #CELL_SEPARATOR}); alone, each brand is a
 *     cell named by the brand
 * @param populationColumn the population column of a panel (one positive value per geo, the same in every row of
 *     the geo; with brands, per region), or null. A panel with population models media per capita
 * @param revenuePerKpiColumn the revenue of one unit of KPI in each row (Meridian's {@code revenue_per_conversion}),
 *     or null. With it the dataset's KPI is the revenue, {@code KPI x revenue per KPI}, named
 *     {@code revenue (KPI x COLUMN)}, so contributions, ROI and plans are in revenue
 */
public record CsvSchema(String dateColumn, String kpiColumn, List<String> channels, Map<String, String> exposures,
        List<String> controls, List<String> events, String geoColumn, String datePattern,
        MissingValuePolicy missingValues, boolean inferChannels, char delimiter, String brandColumn,
        String populationColumn, String revenuePerKpiColumn) implements java.io.Serializable {

    /**
     * Joins a cell's brand and region into its name: {@code " / "}. Reserved: no brand or geo value may contain it,
     * so a dataset's geos are brand x region cells exactly when every geo name contains it once.
     */
    public static final String CELL_SEPARATOR = " / ";

    /**
     * Splits a panel's geo names into brand and region when every name is a brand x region cell
     * ({@code BRAND / REGION}, see {@link #CELL_SEPARATOR}).
     *
     * @param geos a dataset's geo names
     * @return per geo {@code {brand, region}}, or empty unless every name is a cell
     */
    public static java.util.Optional<List<String[]>> cells(List<String> geos) {
        List<String[]> out = new ArrayList<>(geos.size());
        for (String g : geos) {
            int k = g.indexOf(CELL_SEPARATOR);
            if (k <= 0 || k != g.lastIndexOf(CELL_SEPARATOR) || k + CELL_SEPARATOR.length() >= g.length()) {
                return java.util.Optional.empty();
            }
            out.add(new String[] {g.substring(0, k), g.substring(k + CELL_SEPARATOR.length())});
        }
        return java.util.Optional.of(List.copyOf(out));
    }

    /**
     * A schema without a brand column (the form before brands were added).
     *
     * @param dateColumn the date column
     * @param kpiColumn the KPI column
     * @param channels the media spend columns
     * @param exposures channel name to exposure column
     * @param controls control columns
     * @param events event columns
     * @param geoColumn the geo column, or null
     * @param datePattern the date pattern, or null for ISO
     * @param missingValues what to do with empty cells
     * @param inferChannels whether media columns are inferred from their names
     * @param delimiter the field separator
     */
    public CsvSchema(String dateColumn, String kpiColumn, List<String> channels, Map<String, String> exposures,
            List<String> controls, List<String> events, String geoColumn, String datePattern,
            MissingValuePolicy missingValues, boolean inferChannels, char delimiter) {
        this(dateColumn, kpiColumn, channels, exposures, controls, events, geoColumn, datePattern, missingValues,
                inferChannels, delimiter, null, null, null);
    }

    /**
     * A schema without a population column.
     *
     * @param dateColumn the date column
     * @param kpiColumn the KPI column
     * @param channels the media spend columns
     * @param exposures channel name to exposure column
     * @param controls control columns
     * @param events event columns
     * @param geoColumn the geo column, or null
     * @param datePattern the date pattern, or null for ISO
     * @param missingValues what to do with empty cells
     * @param inferChannels whether media columns are inferred from their names
     * @param delimiter the field separator
     * @param brandColumn the brand column, or null
     */
    public CsvSchema(String dateColumn, String kpiColumn, List<String> channels, Map<String, String> exposures,
            List<String> controls, List<String> events, String geoColumn, String datePattern,
            MissingValuePolicy missingValues, boolean inferChannels, char delimiter, String brandColumn) {
        this(dateColumn, kpiColumn, channels, exposures, controls, events, geoColumn, datePattern, missingValues,
                inferChannels, delimiter, brandColumn, null, null);
    }

    /**
     * The name of the dataset's KPI: the KPI column's, or with a revenue-per-KPI column
     * {@code revenue (KPI x COLUMN)}.
     *
     * @return the name
     */
    public String kpiName() {
        return revenuePerKpiColumn == null ? kpiColumn
                : "revenue (" + kpiColumn + " x " + revenuePerKpiColumn + ")";
    }

    /** Validates and copies the lists. */
    public CsvSchema {
        Objects.requireNonNull(dateColumn, "dateColumn");
        Objects.requireNonNull(kpiColumn, "kpiColumn");
        channels = List.copyOf(channels);
        exposures = Map.copyOf(exposures);
        controls = List.copyOf(controls);
        events = List.copyOf(events);
        Objects.requireNonNull(missingValues, "missingValues");
        Checks.checkArgument(inferChannels || !channels.isEmpty(),
                "no channels given; name the media columns or set inferChannels");
        Checks.checkArgument(!inferChannels || channels.isEmpty(),
                "channels %s given and inferChannels set; choose one", channels);
        for (String c : exposures.keySet()) {
            Checks.checkArgument(inferChannels || channels.contains(c),
                    "exposure given for '%s', which is not a channel %s", c, channels);
        }
        Checks.checkArgument(delimiter != '"' && delimiter != '\n' && delimiter != '\r',
                "delimiter '%s' is not allowed", delimiter);
        Checks.checkArgument(brandColumn == null || !brandColumn.equals(geoColumn),
                "the brand and geo columns are both '%s'; they must differ", brandColumn);
        Checks.checkArgument(populationColumn == null || geoColumn != null || brandColumn != null,
                "population column '%s' given without a geo or brand column; population applies to a panel",
                populationColumn);
        Checks.checkArgument(populationColumn == null
                        || !populationColumn.equals(geoColumn) && !populationColumn.equals(brandColumn),
                "column '%s' is both the population column and the geo or brand column", populationColumn);
        for (String[] key : new String[][] {{"geo", geoColumn}, {"brand", brandColumn}, {"population",
                populationColumn}, {"revenue per KPI", revenuePerKpiColumn}}) {
            String col = key[1];
            if (col == null) {
                continue;
            }
            String other = col.equals(dateColumn) ? "date" : col.equals(kpiColumn) ? "KPI"
                    : channels.contains(col) ? "channel" : controls.contains(col) ? "control"
                    : events.contains(col) ? "event" : exposures.containsValue(col) ? "exposure" : null;
            Checks.checkArgument(other == null, "column '%s' is both the %s column and a %s column; a %s column holds "
                    + (key[0].equals("geo") || key[0].equals("brand") ? "names, not values" : "its own numbers"), col,
                    key[0], other, key[0]);
        }
    }

    /**
     * @param kpiColumn the KPI column's header name
     * @return a builder with date column {@code date}, ISO dates, comma separator and the FAIL policy
     */
    public static Builder builder(String kpiColumn) {
        return new Builder(kpiColumn);
    }

    /** Builds a {@link CsvSchema}. */
    public static final class Builder {
        private final String kpi;
        private String date = "date";
        private final List<String> channels = new ArrayList<>();
        private final Map<String, String> exposures = new LinkedHashMap<>();
        private final List<String> controls = new ArrayList<>();
        private final List<String> events = new ArrayList<>();
        private String geo;
        private String brand;
        private String population;
        private String revenuePerKpi;
        private String datePattern;
        private MissingValuePolicy missing = MissingValuePolicy.FAIL;
        private boolean infer;
        private char delimiter = ',';

        private Builder(String kpi) {
            this.kpi = Objects.requireNonNull(kpi, "kpiColumn");
        }

        /**
         * @param column the date column's header (default {@code date})
         * @return this builder
         */
        public Builder date(String column) {
            this.date = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * @param columns media spend columns, in the order the channels will have
         * @return this builder
         */
        public Builder channels(String... columns) {
            return channels(List.of(columns));
        }

        /**
         * @param columns media spend columns, in the order the channels will have
         * @return this builder
         */
        public Builder channels(List<String> columns) {
            channels.addAll(columns);
            return this;
        }

        /**
         * @param channel a channel's name
         * @param column the header of its exposure column
         * @return this builder
         */
        public Builder exposure(String channel, String column) {
            exposures.put(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(column, "column"));
            return this;
        }

        /**
         * @param columns control variable columns
         * @return this builder
         */
        public Builder controls(String... columns) {
            return controls(List.of(columns));
        }

        /**
         * @param columns control variable columns
         * @return this builder
         */
        public Builder controls(List<String> columns) {
            controls.addAll(columns);
            return this;
        }

        /**
         * @param columns 0/1 event columns
         * @return this builder
         */
        public Builder events(String... columns) {
            return events(List.of(columns));
        }

        /**
         * @param columns 0/1 event columns
         * @return this builder
         */
        public Builder events(List<String> columns) {
            events.addAll(columns);
            return this;
        }

        /**
         * @param column the brand column of a brand x region panel (see the record's {@code brandColumn})
         * @return this builder
         */
        public Builder brand(String column) {
            this.brand = column;
            return this;
        }

        /**
         * @param column the population column of a panel (see the record's {@code populationColumn})
         * @return this builder
         */
        public Builder population(String column) {
            this.population = column;
            return this;
        }

        /**
         * @param column the revenue of one unit of KPI per row (see the record's {@code revenuePerKpiColumn})
         * @return this builder
         */
        public Builder revenuePerKpi(String column) {
            this.revenuePerKpi = column;
            return this;
        }

        /**
         * @param column the geo column of a long-format panel
         * @return this builder
         */
        public Builder geo(String column) {
            this.geo = column;
            return this;
        }

        /**
         * @param pattern a date pattern such as {@code d/M/yyyy}, or null for ISO
         * @return this builder
         */
        public Builder datePattern(String pattern) {
            this.datePattern = pattern;
            return this;
        }

        /**
         * @param policy what to do with empty cells
         * @return this builder
         */
        public Builder missingValues(MissingValuePolicy policy) {
            this.missing = policy;
            return this;
        }

        /**
         * Infer the media columns from their names ({@code *_spend}, {@code *_cost}, {@code spend_*}).
         *
         * @return this builder
         */
        public Builder inferChannels() {
            this.infer = true;
            return this;
        }

        /**
         * @param delimiter the field separator (default comma)
         * @return this builder
         */
        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        /** @return the schema */
        public CsvSchema build() {
            return new CsvSchema(date, kpi, channels, exposures, controls, events, geo, datePattern, missing,
                    infer, delimiter, brand, population, revenuePerKpi);
        }
    }
}
