package io.github.mmm4j.cli;

import io.github.mmm4j.core.CsvSchema;
import io.github.mmm4j.core.MissingValuePolicy;
import io.github.mmm4j.core.MmmCsv;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.linear.Sign;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The data file and its column mapping, shared by the commands that read a user's CSV. */
final class DataArgs {

    @Parameters(index = "0", paramLabel = "DATA.csv", description = "The data: one row per period (and geo).")
    Path file;

    @Option(names = "--kpi", required = true, paramLabel = "COL", description = "The KPI column.")
    String kpi;

    @Option(names = "--date", paramLabel = "COL", defaultValue = "date",
            description = "The date column (default: ${DEFAULT-VALUE}).")
    String date;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "Date pattern such as d/M/yyyy or M/d/yyyy (default: ISO yyyy-MM-dd).")
    String dateFormat;

    @Option(names = "--channels", split = ",", paramLabel = "A,B,...",
            description = "Media spend columns (default: inferred from names *_spend, *_cost, spend_*).")
    List<String> channels = new ArrayList<>();

    @Option(names = "--controls", split = ",", paramLabel = "C,...", description = "Control variable columns.")
    List<String> controls = new ArrayList<>();

    @Option(names = "--events", split = ",", paramLabel = "E,...",
            description = "Event columns: 0/1 indicators, or categorical text (one indicator per level).")
    List<String> events = new ArrayList<>();

    @Option(names = "--organic", split = ",", paramLabel = "O,...",
            description = "Organic (unpaid) activity columns such as newsletter sends; they enter as controls "
                    + "constrained to a non-negative effect (no carryover in this version) and get no ROI.")
    List<String> organic = new ArrayList<>();

    @Option(names = "--exposure", split = ",", paramLabel = "CHANNEL=COL,...",
            description = "Exposure columns (impressions, clicks) of channels, stored with the data.")
    Map<String, String> exposures = new LinkedHashMap<>();

    @Option(names = "--geo", paramLabel = "COL", description = "Geo (region) column of a long-format panel.")
    String geo;

    @Option(names = "--brand", paramLabel = "COL", description = "Brand column of a long-format panel: with --geo, "
            + "each brand in each region is a cell named 'BRAND / REGION'; alone, each brand is a cell.")
    String brand;

    @Option(names = "--population", paramLabel = "COL", description = "Population column of a panel (the same "
            + "number in every row of a geo): media is then modelled per capita, so one response curve fits a small "
            + "and a large geo, and each geo's effect is counted back at its own size (as Google Meridian does).")
    String population;

    @Option(names = "--revenue-per-kpi", paramLabel = "COL", description = "Revenue of one unit of KPI per row "
            + "(Meridian's revenue_per_conversion): the model's KPI is then the revenue, KPI x COL, so contributions, "
            + "ROI and plans are in revenue. The revenue itself is modelled, so a revenue per unit that differs a lot "
            + "between geos or over time changes the fit (a pooled model shares one effect per channel).")
    String revenuePerKpi;

    @Option(names = "--price", paramLabel = "COL", description = "Price column (positive; a control need not list "
            + "it): the baseline is multiplied by (price / reference)^elasticity, with one elasticity per brand "
            + "(--brand) or one for all geos, reported with its interval (results.json price_elasticity).")
    String price;

    @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "FAIL",
            description = "Empty cells: FAIL or ZERO_FILL_SPEND (default: ${DEFAULT-VALUE}).")
    MissingValuePolicy missing;

    /**
     * Reads the file with the mapping given.
     *
     * @return the dataset
     * @throws io.github.mmm4j.core.DataException for any problem with the file
     */
    MmmDataset read() {
        MmmDataset data = MmmCsv.read(file, schema());
        checkKpiVaries(data);
        checkPricePositive(data);
        return data;
    }

    /** A price enters through its logarithm: every value must be positive, named by file, column, geo and date. */
    private void checkPricePositive(MmmDataset data) {
        if (price == null) {
            return;
        }
        int k = data.controls().indexOf(price);
        int nt = data.nPeriods();
        for (int r = 0; r < data.nRows(); r++) {
            double p = data.control(r, k);
            if (!(p > 0)) {
                String where = data.nGeos() > 1 ? " in geo '" + data.geos().get(r / nt) + "'" : "";
                throw new io.github.mmm4j.core.DataException(file.toString(), -1, -1, price,
                        io.github.mmm4j.core.Numbers.plain(p), String.format(java.util.Locale.ROOT,
                                "price on %s%s is not positive; --price needs prices > 0 (the elasticity uses log "
                                        + "price)", data.time().date(r % nt), where));
            }
        }
    }

    /**
     * The CSV mapping the options give.
     *
     * @return the schema
     */
    CsvSchema schema() {
        List<String> allControls = new ArrayList<>(controls);
        for (String o : organic) {
            if (allControls.contains(o)) {
                throw new Main.BadInputException("column '" + o + "' is given both as --controls and --organic");
            }
            allControls.add(o);
        }
        if (price != null && !allControls.contains(price)) {
            allControls.add(price);
        }
        if (population != null && geo == null && brand == null) {
            throw new Main.BadInputException("--population " + population + " needs --geo (or --brand): population "
                    + "is per geo of a panel");
        }
        if (brand != null && brand.equals(geo)) {
            throw new Main.BadInputException("--brand and --geo both name column '" + brand + "'; give two columns");
        }
        CsvSchema.Builder b = CsvSchema.builder(kpi).date(date).datePattern(dateFormat).missingValues(missing)
                .controls(allControls).events(events).geo(geo).brand(brand).population(population)
                .revenuePerKpi(revenuePerKpi);
        exposures.forEach(b::exposure);
        if (channels.isEmpty()) {
            b.inferChannels();
        } else {
            b.channels(channels);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new Main.BadInputException(e.getMessage());
        }
    }

    /**
     * The price of the model spec, from {@code --price}: pooled by brand when the data has brands.
     *
     * @return the price, or null without {@code --price}
     */
    io.github.mmm4j.models.ModelSpec.Price price() {
        return price == null ? null : new io.github.mmm4j.models.ModelSpec.Price(price, brand != null);
    }

    /**
     * A constant KPI leaves nothing to explain: every fit is exact with all media effects zero (R² 1, NRMSE
     * undefined), a silent wrong result; so it is bad input, named by file and column.
     */
    private void checkKpiVaries(MmmDataset data) {
        double first = data.kpi(0);
        for (int r = 1; r < data.nRows(); r++) {
            if (data.kpi(r) != first) {
                return;
            }
        }
        throw new io.github.mmm4j.core.DataException(file.toString(), -1, -1, kpi, null, String.format(
                java.util.Locale.ROOT, "the KPI is constant (%s) in all %d rows; there is no variation for a model "
                        + "to explain", first, data.nRows()));
    }

    /** @return a non-negative sign constraint for every organic column */
    Map<String, Sign> organicSigns() {
        Map<String, Sign> signs = new LinkedHashMap<>();
        organic.forEach(o -> signs.put(o, Sign.NON_NEGATIVE));
        return signs;
    }
}
