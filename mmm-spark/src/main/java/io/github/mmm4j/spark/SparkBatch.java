package io.github.mmm4j.spark;

import io.github.mmm4j.core.CsvSchema;
import io.github.mmm4j.models.batch.GroupFit;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The many-models job on Apache Spark: one independent mmm4j model per group of a long-format {@code Dataset<Row>},
 * fitted inside Spark's grouped map ({@code groupByKey(...).flatMapGroups(...)}), returning the rows that
 * {@code mmm batch} writes to {@code batch.csv}.
 *
 * <p><b>The same rows as the local runner.</b> Each group is fitted by {@link GroupFit#fit}, the computation behind
 * {@code mmm batch}: its rows are written back to CSV text (every value as text, nulls as empty cells) and read by
 * the same reader with the same schema, the group's seed comes from the run's seed and its key alone, and the fit
 * runs on one thread. The reader sorts a group's rows by geo and date, so the order in which Spark delivers them does
 * not matter. So every group's numbers are those of the local runner, bit for bit, whatever the partitioning, the
 * number of executors or the order of the input. Read the data with every column as a string (the default of
 * {@code spark.read().option("header", "true").csv(...)}), so each value reaches the reader as the text of the file;
 * typed columns are converted with Spark's cast to string. Messages of failed groups name lines of the group's rows
 * (its header is line 1), not lines of an input file.
 *
 * <p><b>Output.</b> One row per group and channel: the key columns (strings), {@code channel}, {@code spend},
 * {@code contribution}, {@code share}, {@code roi}, {@code roi_lower}, {@code roi_upper}, {@code mroi},
 * {@code roi_data_weight} (doubles, null where a value is absent), {@code status} ({@code OK} or {@code FAILED}) and {@code message}; a failed group
 * has one row with a null channel and numbers.
 *
 * <p>Spark is a {@code provided} dependency: the cluster, {@code spark-submit} or the application brings it.
 */
public final class SparkBatch {

    private SparkBatch() {
    }

    /**
     * Fits one model per group of {@code data}.
     *
     * @param data the rows, long format: the columns {@code schema} names, the {@code by} columns, others ignored
     * @param by the columns whose values define a group, at least one, none of them a column the model reads
     * @param schema the model's columns (KPI, date, channels, controls, ...), as for {@code mmm batch}
     * @param settings how every group is fitted
     * <p>Set {@code spark.sql.adaptive.coalescePartitions.enabled} to {@code false} for this job: a group's rows
     * are few bytes and its fit takes seconds, and adaptive execution would otherwise pack all groups into as few tasks
     * as their bytes allow (on {@code local[2]}, 100 Bayesian groups took twice the local runner's time).
     *
     * @return the rows of {@code batch.csv}, one per group and channel, in no particular order (sort them where the
     *     order matters; a sort samples its input first, so cache or write the result before sorting it, or each
     *     fit runs twice)
     */
    public static Dataset<Row> fit(Dataset<Row> data, List<String> by, CsvSchema schema, GroupFit.Settings settings) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(settings, "settings");
        List<String> columns = List.of(data.columns());
        if (by.isEmpty()) {
            throw new IllegalArgumentException("by: name at least one column that defines a group");
        }
        for (String b : by) {
            if (!columns.contains(b)) {
                throw new IllegalArgumentException("by '" + b + "': the data has no such column; columns are "
                        + columns);
            }
        }
        List<String> keys = List.copyOf(by);
        Column[] asText = new Column[columns.size()];
        for (int i = 0; i < asText.length; i++) {
            asText[i] = functions.col(quoted(columns.get(i))).cast(DataTypes.StringType).alias(columns.get(i));
        }
        Dataset<Row> text = data.select(asText);
        int[] keyIndex = new int[keys.size()];
        for (int i = 0; i < keyIndex.length; i++) {
            keyIndex[i] = columns.indexOf(keys.get(i));
        }
        String[] header = columns.toArray(new String[0]);
        StructType out = outputSchema(keys);
        MapFunction<Row, String> keyOf = r -> encodeKey(r, keyIndex);
        FlatMapGroupsFunction<String, Row, Row> fitGroup = (k, rows) -> fitGroup(decodeKey(k), keys, header, rows,
                schema, settings);
        // not sorted here: a sort's range partitioner samples its input, which would run every fit twice
        return text.groupByKey(keyOf, Encoders.STRING()).flatMapGroups(fitGroup, Encoders.row(out));
    }

    /**
     * Runs {@link #fit} on a CSV file (read on the driver, every column as text, so the executors need no access to
     * the file) in a Spark session, and collects the rows: the engine of {@code mmm batch --engine spark}. For data
     * that does not fit on the driver, call {@link #fit} on a Dataset read from distributed storage. With a {@code master} the session is a new one on that master,
     * stopped at the end; without one it is the session {@code spark-submit} configured ({@code getOrCreate}).
     *
     * @param file the CSV file, long format
     * @param by the group columns
     * @param schema the model's columns
     * @param settings how every group is fitted
     * @param master a Spark master URL such as {@code local[2]}, or null for the submitted application's
     * @throws IllegalArgumentException if Spark cannot start with that master, or none is configured
     * @return one list per row: the key values, then the values of {@link GroupFit#COLUMNS}; sorted by key, and
     *     within a group by the channels' order in the file's header
     */
    public static List<List<Object>> fitFile(java.nio.file.Path file, List<String> by, CsvSchema schema,
            GroupFit.Settings settings, String master) {
        org.apache.spark.sql.SparkSession.Builder b = org.apache.spark.sql.SparkSession.builder()
                .appName("mmm4j batch");
        if (master != null) {
            b = b.master(master).config("spark.ui.enabled", "false");
        }
        org.apache.spark.sql.SparkSession spark;
        try {
            spark = b.getOrCreate();
        } catch (Exception e) {
            // Spark's own words (a malformed URL, no master configured) behind what to do about it
            throw new IllegalArgumentException(master == null
                    ? "Spark has no master: give one (for example --master local[2]) or run through spark-submit ("
                            + e.getMessage() + ")"
                    : "Spark could not start with master '" + master + "': " + e.getMessage(), e);
        }
        // A group's rows are few bytes and its fit many seconds: adaptive execution would pack every group into as
        // few tasks as the bytes allow and leave cores idle, so each shuffle partition stays a task.
        spark.conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
        try {
            Dataset<Row> data = readAsText(spark, file);
            List<String> header = List.of(data.columns());
            List<List<Object>> out = new ArrayList<>();
            for (Row r : fit(data, by, schema, settings).collectAsList()) {
                List<Object> row = new ArrayList<>(r.length());
                for (int i = 0; i < r.length(); i++) {
                    row.add(r.get(i));
                }
                out.add(row);
            }
            int k = by.size();
            out.sort((x, y) -> {
                for (int i = 0; i < k; i++) {
                    int c = ((String) x.get(i)).compareTo((String) y.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(header.indexOf((String) x.get(k)), header.indexOf((String) y.get(k)));
            });
            return out;
        } finally {
            if (master != null) {
                spark.stop();
            }
        }
    }

    /**
     * Reads a CSV file on the driver (RFC 4180, UTF-8, a header line; every value as text, as the local runner reads
     * it) into a Dataset of string columns, so the executors need no access to the file.
     */
    static Dataset<Row> readAsText(org.apache.spark.sql.SparkSession spark, java.nio.file.Path file) {
        CSVFormat in = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .get();
        List<Row> rows = new ArrayList<>();
        List<String> header;
        try (org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVParser.parse(file,
                StandardCharsets.UTF_8, in)) {
            header = p.getHeaderNames();
            for (org.apache.commons.csv.CSVRecord r : p) {
                Object[] v = new Object[header.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = i < r.size() ? r.get(i) : null;
                }
                rows.add(RowFactory.create(v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<StructField> f = new ArrayList<>();
        for (String h : header) {
            f.add(DataTypes.createStructField(h, DataTypes.StringType, true));
        }
        return spark.createDataFrame(rows, DataTypes.createStructType(f));
    }

    /**
     * The schema of {@link #fit}'s result.
     *
     * @param by the key columns
     * @return the key columns (strings), then {@link GroupFit#COLUMNS}
     */
    public static StructType outputSchema(List<String> by) {
        List<StructField> f = new ArrayList<>();
        for (String b : by) {
            f.add(DataTypes.createStructField(b, DataTypes.StringType, true));
        }
        for (String c : GroupFit.COLUMNS) {
            boolean text = c.equals("channel") || c.equals("status") || c.equals("message");
            f.add(DataTypes.createStructField(c, text ? DataTypes.StringType : DataTypes.DoubleType,
                    !c.equals("status")));
        }
        return DataTypes.createStructType(f);
    }

    private static Iterator<Row> fitGroup(List<String> key, List<String> by, String[] header, Iterator<Row> rows,
            CsvSchema schema, GroupFit.Settings settings) {
        StringWriter sw = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(sw, CSVFormat.RFC4180.builder().setHeader(header)
                .setRecordSeparator("\n").get())) {
            while (rows.hasNext()) {
                Row r = rows.next();
                Object[] v = new Object[header.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = r.isNullAt(i) ? "" : r.getString(i);
                }
                p.printRecord(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> label = new ArrayList<>();
        for (int i = 0; i < by.size(); i++) {
            label.add(by.get(i) + "=" + key.get(i));
        }
        GroupFit.Outcome o = GroupFit.fit(key, "group " + String.join(", ", label), sw.toString(), schema, settings,
                s -> s);
        List<Row> out = new ArrayList<>();
        for (List<Object> values : GroupFit.rows(o)) {
            Object[] row = new Object[key.size() + values.size()];
            for (int i = 0; i < key.size(); i++) {
                row[i] = key.get(i);
            }
            for (int i = 0; i < values.size(); i++) {
                row[key.size() + i] = values.get(i);
            }
            out.add(RowFactory.create(row));
        }
        return out.iterator();
    }

    /** A column name as Spark's {@code col} reads it literally (dots and backticks escaped). */
    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * A group's key as one string, each value Base64 of its UTF-8 bytes (null as {@code -}), joined by {@code ,}:
     * distinct keys give distinct strings.
     */
    static String encodeKey(Row r, int[] keyIndex) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keyIndex.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(r.isNullAt(keyIndex[i]) ? "-" : Base64.getEncoder().encodeToString(
                    r.getString(keyIndex[i]).getBytes(StandardCharsets.UTF_8)));
        }
        return sb.toString();
    }

    /** The inverse of {@link #encodeKey}; a null key value becomes the empty string, as in a CSV file. */
    static List<String> decodeKey(String k) {
        List<String> out = new ArrayList<>();
        for (String part : k.split(",", -1)) {
            out.add(part.equals("-") ? "" : new String(Base64.getDecoder().decode(part), StandardCharsets.UTF_8));
        }
        return out;
    }
}
