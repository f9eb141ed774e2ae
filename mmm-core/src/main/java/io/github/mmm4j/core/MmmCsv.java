package io.github.mmm4j.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes {@link MmmDataset}s as CSV (RFC 4180, read with Apache Commons CSV).
 *
 * <h2>Format</h2>
 * UTF-8 text (a byte-order mark is skipped), a header row, then one row per period (national data) or per
 * period and geo (long-format panel, with a geo column). Rows may come in any order; they are sorted by geo
 * name and date, so the same rows in any order give the same dataset (and the same model). Columns the schema does not map are ignored, as are unnamed ones
 * (such as the index column pandas writes). Empty lines and lines of only spaces are skipped. Numbers are plain
 * decimals ({@code 1234.5}, {@code 1.2e6});
 * an empty cell or {@code NA}, {@code N/A}, {@code null} is a missing value, handled by the schema's
 * {@link MissingValuePolicy}.
 *
 * <p>Event columns are 0/1 indicators, or categorical: a column none of whose values is a number (for example
 * Robyn's {@code events} column holding {@code na}, {@code event1}, {@code event2}) becomes one 0/1 event per
 * level, named {@code <column>_<level>}, levels in sorted order; missing-value tokens and {@code none}
 * mean no event. A column that mixes numbers and text is an error at its first non-numeric cell.
 *
 * <h2>Validation</h2>
 * Nothing is half-loaded: the first problem found throws a {@link DataException} naming the file, line,
 * column and value, for any of: an empty file; bytes that are not UTF-8; a missing required column (the
 * message lists the columns found); a duplicate header; a ragged row; an unparseable, duplicate or missing
 * (gap) date; an empty or non-numeric cell; NaN or infinity; a magnitude above {@link #MAX_MAGNITUDE}; negative
 * spend or exposure; an event that is not 0 or 1; a channel or exposure column holding text; a channel whose spend
 * is zero in every row; a panel whose geos do not share the same dates; a column name with a control character
 * (see {@link Text#isUnsafe(char)}). A missing column's message suggests a close column name
 * ("did you mean 'revenue'?").
 */
public final class MmmCsv {

    private static final Pattern MEDIA_NAME = Pattern.compile("(?i).+_(spend|cost)|spend_.+");
    /** The geo name of national data (see {@link MmmDataset#builder(TimeIndex)}). */
    private static final String NATIONAL = "national";
    private static final List<String> MISSING_TOKENS = List.of("", "na", "n/a", "null");

    /**
     * The largest magnitude of a number in a file, {@value}. No amount or count comes near it (a thousand times the
     * world's yearly output in the smallest currency unit is about 1e21), and it keeps the arithmetic of the
     * models finite: squares are at most 1e100 and fourth powers 1e200, so sums of squares and moments over any
     * number of rows stay far below {@code Double.MAX_VALUE} (about 1.8e308). A KPI around 1e194 would otherwise
     * overflow its own sum of squares to NaN, and a spend cell of 1e300 would silently swamp its channel's scale.
     */
    public static final double MAX_MAGNITUDE = 1e50;

    private MmmCsv() {
    }

    /**
     * Reads a dataset from a file.
     *
     * @param path the CSV file
     * @param schema the column mapping
     * @return the dataset
     * @throws DataException for any problem with the file, naming file, line, column and value
     */
    public static MmmDataset read(Path path, CsvSchema schema) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(schema, "schema");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new DataException(path.toString(), "file not found");
        } catch (IOException e) {
            throw new DataException(path.toString(), "cannot be read: " + e);
        }
        return read(path.toString(), bytes, schema);
    }

    /**
     * Reads a dataset from bytes in memory.
     *
     * @param source a name for the source, used in messages (for example the file name)
     * @param bytes (input) not modified; the CSV file's bytes
     * @param schema the column mapping
     * @return the dataset
     * @throws DataException for any problem with the data, naming source, line, column and value
     */
    public static MmmDataset read(String source, byte[] bytes, CsvSchema schema) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(schema, "schema");
        return new Reader(source, decode(source, bytes, schema.delimiter()), schema, false).read();
    }

    /**
     * Reads periods to predict or plan (a scenario) rather than data to fit: as {@link #read(String, byte[],
     * CsvSchema)}, except that a channel may spend nothing in every row (a channel paused over a forecast horizon).
     *
     * @param source a name for the source, used in messages (for example the file name)
     * @param bytes (input) not modified; the CSV file's bytes
     * @param schema the column mapping
     * @return the dataset
     * @throws DataException for any problem with the data, naming source, line, column and value
     */
    public static MmmDataset readScenario(String source, byte[] bytes, CsvSchema schema) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(schema, "schema");
        return new Reader(source, decode(source, bytes, schema.delimiter()), schema, true).read();
    }

    /**
     * Reads a dataset from text.
     *
     * @param source a name for the source, used in messages
     * @param text the CSV text
     * @param schema the column mapping
     * @return the dataset
     * @throws DataException for any problem with the data
     */
    public static MmmDataset readString(String source, String text, CsvSchema schema) {
        return read(source, text.getBytes(StandardCharsets.UTF_8), schema);
    }

    private static CSVFormat csvFormat(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).setIgnoreEmptyLines(true).get();
    }

    private static String decode(String source, byte[] bytes, char delimiter) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        String text;
        try {
            CharBuffer out = dec.decode(in);
            text = out.toString();
        } catch (CharacterCodingException e) {
            throw invalidUtf8(source, bytes, start, firstInvalidUtf8(bytes, start), delimiter);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new DataException(source, lineOfChar(text, nul), -1, null, null,
                    "not a text file: it contains a NUL byte");
        }
        if (text.isBlank()) {
            throw new DataException(source, "file is empty");
        }
        return text;
    }

    /**
     * The error for the first invalid UTF-8 byte, located at its line and, when the text around it still parses
     * as CSV, at its cell (column, header name and the cell's text with U+FFFD in place of the bad bytes).
     */
    private static DataException invalidUtf8(String source, byte[] bytes, int start, int bad, char delimiter) {
        long line = lineOfByte(bytes, bad);
        String problem = String.format(Locale.ROOT,
                "not UTF-8 text: invalid byte 0x%02X at byte offset %d; save the file as UTF-8", bytes[bad] & 0xFF,
                bad);
        // The bytes before the first invalid one are valid UTF-8: decoding them gives the bad byte's char offset.
        int badChar = new String(bytes, start, bad - start, StandardCharsets.UTF_8).length();
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.builder().setReader(new java.io.StringReader(text))
                .setFormat(csvFormat(delimiter)).get()) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            return new DataException(source, line, -1, null, null, problem);
        }
        int r = -1;
        for (int i = 0; i < records.size() && recordStart(text, records.get(i)) <= badChar; i++) {
            r = i;
        }
        if (r < 0) {
            return new DataException(source, line, -1, null, null, problem);
        }
        CSVRecord rec = records.get(r);
        int col = 0;
        boolean quoted = false;
        for (int i = recordStart(text, rec); i < badChar; i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == delimiter && !quoted) {
                col++;
            }
        }
        if (col >= rec.size()) {
            return new DataException(source, line, -1, null, null, problem);
        }
        List<String> header = records.get(0).toList();
        String name = r == 0 || col >= header.size() ? null : header.get(col);
        return new DataException(source, line, col + 1, name, rec.get(col), "is " + problem);
    }

    /**
     * The char offset where a record's text starts. Commons CSV reports the position before the empty lines it
     * skips (with {@code ignoreEmptyLines}), so those line breaks are stepped over here; a record itself never
     * starts with a line break.
     */
    private static int recordStart(String text, CSVRecord rec) {
        int p = (int) rec.getCharacterPosition();
        while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
            p++;
        }
        return p;
    }

    /** A line holding nothing but spaces or tabs: skipped like an empty line. */
    private static boolean isBlankRecord(CSVRecord rec) {
        return rec.size() == 1 && rec.get(0).isEmpty();
    }

    private static int firstInvalidUtf8(byte[] bytes, int start) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        dec.decode(in, out, true);
        return in.position();
    }

    private static long lineOfByte(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static long lineOfChar(String text, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Writes a dataset as CSV that {@link #read(Path, CsvSchema)} reads back without loss when its numbers are
     * within {@link #MAX_MAGNITUDE} and its names free of control characters (numbers are written
     * with {@link Double#toString}, which round-trips exactly). Columns: date, geo (for a panel, and for a single
     * geo not named {@code national}), KPI, channels, their exposures (named {@code <channel>_exposure}),
     * controls, events. The file is written to a temporary file in the same directory and moved into place, so a
     * reader never sees half a file.
     *
     * @param data the dataset
     * @param path the file to write
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(MmmDataset data, Path path) {
        Objects.requireNonNull(data, "data");
        AtomicFiles.writeText(path, w -> write(data, w));
    }

    /**
     * Writes a dataset as CSV to a writer (see {@link #write(MmmDataset, Path)} for the columns).
     *
     * @param data the dataset
     * @param out the writer; flushed, not closed
     * @throws IOException if writing fails
     */
    public static void write(MmmDataset data, Writer out) throws IOException {
        boolean panel = hasGeoColumn(data);
        List<String> header = new ArrayList<>();
        header.add("date");
        if (panel) {
            header.add("geo");
        }
        header.add(data.kpiName());
        header.addAll(data.channels());
        for (int c = 0; c < data.nChannels(); c++) {
            if (data.hasExposure(c)) {
                header.add(data.channels().get(c) + "_exposure");
            }
        }
        header.addAll(data.controls());
        header.addAll(data.events());
        CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        p.printRecord(header);
        List<String> row = new ArrayList<>(header.size());
        for (int g = 0; g < data.nGeos(); g++) {
            for (int t = 0; t < data.nPeriods(); t++) {
                int r = g * data.nPeriods() + t;
                row.clear();
                row.add(data.time().date(t).toString());
                if (panel) {
                    row.add(data.geos().get(g));
                }
                row.add(Double.toString(data.kpi(r)));
                for (int c = 0; c < data.nChannels(); c++) {
                    row.add(Double.toString(data.spend(r, c)));
                }
                for (int c = 0; c < data.nChannels(); c++) {
                    if (data.hasExposure(c)) {
                        row.add(Double.toString(data.exposure(r, c)));
                    }
                }
                for (int k = 0; k < data.nControls(); k++) {
                    row.add(Double.toString(data.control(r, k)));
                }
                for (int e = 0; e < data.nEvents(); e++) {
                    row.add(data.event(r, e) == 1 ? "1" : "0");
                }
                p.printRecord(row);
            }
        }
        p.flush();
    }

    /**
     * The schema that reads back a file written by {@link #write(MmmDataset, Path)}.
     *
     * @param data the dataset that was written
     * @return the matching schema
     */
    public static CsvSchema schemaOf(MmmDataset data) {
        CsvSchema.Builder b = CsvSchema.builder(data.kpiName()).date("date").channels(data.channels())
                .controls(data.controls()).events(data.events());
        for (int c = 0; c < data.nChannels(); c++) {
            if (data.hasExposure(c)) {
                b.exposure(data.channels().get(c), data.channels().get(c) + "_exposure");
            }
        }
        if (hasGeoColumn(data)) {
            b.geo("geo");
        }
        return b.build();
    }

    /**
     * A geo column is written for a panel, and for a single geo not named {@code national} (such as
     * {@code panel.geo("south")}), so that its name survives the round trip.
     */
    private static boolean hasGeoColumn(MmmDataset data) {
        return data.nGeos() > 1 || !data.geos().get(0).equals(NATIONAL);
    }

    /** The state of one read. */
    private static final class Reader {
        private final String source;
        private final String text;
        private final CsvSchema schema;
        private final int[] lineStarts;
        private List<String> header;
        private long headerLine = 1;
        private final boolean allowZeroChannels;

        Reader(String source, String text, CsvSchema schema, boolean allowZeroChannels) {
            this.allowZeroChannels = allowZeroChannels;
            this.source = source;
            this.text = text;
            this.schema = schema;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        private long lineOf(CSVRecord rec) {
            int i = Arrays.binarySearch(lineStarts, recordStart(text, rec));
            if (i < 0) {
                i = -i - 2;
            }
            return i + 1L;
        }

        private DataException error(long line, int col, String value, String problem) {
            return new DataException(source, line, col < 0 ? -1 : col + 1, col < 0 ? null : header.get(col),
                    value, problem);
        }

        MmmDataset read() {
            List<CSVRecord> records;
            CSVFormat format = csvFormat(schema.delimiter());
            try (CSVParser parser = CSVParser.builder().setReader(new java.io.StringReader(text)).setFormat(format)
                    .get()) {
                records = parser.getRecords().stream().filter(r -> !isBlankRecord(r)).toList();
            } catch (IOException | UncheckedIOException e) {
                throw new DataException(source, "malformed CSV: " + e.getMessage());
            }
            if (records.isEmpty()) {
                throw new DataException(source, "file is empty");
            }
            header = records.get(0).toList();
            headerLine = lineOf(records.get(0));
            Map<String, Integer> index = new HashMap<>();
            for (int j = 0; j < header.size(); j++) {
                String h = header.get(j);
                int bad = Text.firstUnsafe(h);
                if (bad >= 0) {
                    // Such a name cannot be shown safely, and channel inference by name would skip it silently.
                    throw new DataException(source, headerLine, j + 1, null, h, String.format(Locale.ROOT,
                            "is a column name with the control character U+%04X; rename the column",
                            (int) h.charAt(bad)));
                }
                if (h.isEmpty()) {
                    // An unnamed column (such as the index column pandas writes by default) cannot be mapped
                    // to a role, so it is ignored like any other unmapped column.
                    continue;
                }
                Integer prev = index.putIfAbsent(h, j);
                if (prev != null) {
                    throw new DataException(source, headerLine, j + 1, h, null,
                            "duplicate column name; also column " + (prev + 1));
                }
            }
            List<CSVRecord> rows = records.subList(1, records.size());
            if (rows.isEmpty()) {
                throw new DataException(source, "no data rows after the header");
            }

            int dateCol = require(index, schema.dateColumn(), "date");
            int kpiCol = require(index, schema.kpiColumn(), "KPI");
            int geoCol = schema.geoColumn() == null ? -1 : require(index, schema.geoColumn(), "geo");
            int brandCol = schema.brandColumn() == null ? -1 : require(index, schema.brandColumn(), "brand");
            int popCol = schema.populationColumn() == null ? -1
                    : require(index, schema.populationColumn(), "population");
            int rpkCol = schema.revenuePerKpiColumn() == null ? -1
                    : require(index, schema.revenuePerKpiColumn(), "revenue per KPI");
            List<String> channelNames = schema.inferChannels() ? inferChannels() : schema.channels();
            int[] channelCols = requireAll(index, channelNames, "channel");
            int[] exposureCols = new int[channelNames.size()];
            for (int c = 0; c < channelNames.size(); c++) {
                String e = schema.exposures().get(channelNames.get(c));
                exposureCols[c] = e == null ? -1 : require(index, e, "exposure");
            }
            int[] controlCols = requireAll(index, schema.controls(), "control");
            int[] eventSourceCols = requireAll(index, schema.events(), "event");
            // A categorical event column (no value is a number) becomes one 0/1 indicator per level.
            List<Integer> eventColList = new ArrayList<>();
            List<String> eventLevels = new ArrayList<>();
            List<String> eventNames = new ArrayList<>();
            for (int e = 0; e < eventSourceCols.length; e++) {
                List<String> levels = categoricalLevels(rows, eventSourceCols[e]);
                if (levels == null) {
                    eventColList.add(eventSourceCols[e]);
                    eventLevels.add(null);
                    eventNames.add(schema.events().get(e));
                } else {
                    for (String level : levels) {
                        eventColList.add(eventSourceCols[e]);
                        eventLevels.add(level);
                        eventNames.add(schema.events().get(e) + "_" + level);
                    }
                }
            }
            int[] eventCols = eventColList.stream().mapToInt(Integer::intValue).toArray();
            for (int c = 0; c < channelCols.length; c++) {
                checkNumeric(rows, channelCols[c], "a channel column holds spend amounts");
                if (exposureCols[c] >= 0) {
                    checkNumeric(rows, exposureCols[c], "an exposure column holds amounts");
                }
            }

            DateTimeFormatter fmt = formatter();
            int n = rows.size();
            LocalDate[] dates = new LocalDate[n];
            String[] rawDates = new String[n];
            String[] geoOf = new String[n];
            long[] lines = new long[n];
            double[] kpi = new double[n];
            double[] population = new double[n];
            double[][] spend = new double[channelCols.length][n];
            double[][] exposure = new double[channelCols.length][n];
            double[][] controls = new double[controlCols.length][n];
            double[][] events = new double[eventCols.length][n];
            for (int i = 0; i < n; i++) {
                CSVRecord rec = rows.get(i);
                long line = lineOf(rec);
                lines[i] = line;
                if (rec.size() != header.size()) {
                    throw new DataException(source, line, -1, null, null, String.format(Locale.ROOT,
                            "row has %d fields; the header has %d", rec.size(), header.size()));
                }
                rawDates[i] = rec.get(dateCol);
                dates[i] = parseDate(rawDates[i], fmt, line, dateCol);
                if (geoCol >= 0) {
                    geoOf[i] = rec.get(geoCol);
                    if (geoOf[i].isEmpty()) {
                        throw error(line, geoCol, "", "geo is empty");
                    }
                    if (geoOf[i].contains(CsvSchema.CELL_SEPARATOR)) {
                        throw error(line, geoCol, geoOf[i], "geo contains '" + CsvSchema.CELL_SEPARATOR
                                + "', which is reserved to join brand and region in a cell's name; rename the geo");
                    }
                }
                if (brandCol >= 0) {
                    String brand = rec.get(brandCol);
                    if (brand.isEmpty()) {
                        throw error(line, brandCol, "", "brand is empty");
                    }
                    if (brand.contains(CsvSchema.CELL_SEPARATOR)) {
                        throw error(line, brandCol, brand, "brand contains '" + CsvSchema.CELL_SEPARATOR
                                + "', which joins brand and region in a cell's name");
                    }
                    geoOf[i] = geoCol >= 0 ? brand + CsvSchema.CELL_SEPARATOR + geoOf[i] : brand;
                }
                kpi[i] = number(rec, kpiCol, line, Role.KPI);
                if (rpkCol >= 0) {
                    double v = number(rec, rpkCol, line, Role.REVENUE_PER_KPI);
                    if (!(v > 0)) {
                        throw error(line, rpkCol, rec.get(rpkCol), "is not positive; revenue per KPI must be > 0");
                    }
                    kpi[i] *= v;
                }
                if (popCol >= 0) {
                    population[i] = number(rec, popCol, line, Role.POPULATION);
                    if (!(population[i] > 0)) {
                        throw error(line, popCol, rec.get(popCol), "is not positive; a population must be > 0");
                    }
                }
                for (int c = 0; c < channelCols.length; c++) {
                    spend[c][i] = number(rec, channelCols[c], line, Role.SPEND);
                    exposure[c][i] = exposureCols[c] < 0 ? 0 : number(rec, exposureCols[c], line, Role.SPEND);
                }
                for (int k = 0; k < controlCols.length; k++) {
                    controls[k][i] = number(rec, controlCols[k], line, Role.CONTROL);
                }
                for (int e = 0; e < eventCols.length; e++) {
                    if (eventLevels.get(e) != null) {
                        events[e][i] = rec.get(eventCols[e]).equals(eventLevels.get(e)) ? 1 : 0;
                        continue;
                    }
                    double v = number(rec, eventCols[e], line, Role.EVENT);
                    if (v != 0 && v != 1) {
                        throw error(line, eventCols[e], rec.get(eventCols[e]), "is not 0 or 1; events are indicators");
                    }
                    events[e][i] = v;
                }
            }

            // Group rows by geo (or cell: brand and region; first appearance), sort each by date, check the time index.
            int keyCol = geoCol >= 0 ? geoCol : brandCol;
            Map<String, List<Integer>> byGeo = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                byGeo.computeIfAbsent(geoOf[i] == null ? NATIONAL : geoOf[i], k -> new ArrayList<>()).add(i);
            }
            List<String> geos = new ArrayList<>(byGeo.keySet());
            // by name, not by first appearance: a model must not depend on the order of the file's rows
            java.util.Collections.sort(geos);
            for (String g : geos) {
                byGeo.get(g).sort(Comparator.comparing((Integer i) -> dates[i]).thenComparingLong(i -> lines[i]));
                checkDuplicates(byGeo.get(g), dates, rawDates, lines, dateCol, keyCol < 0 ? null : g);
            }
            Frequency f = inferFrequency(byGeo, dates, rawDates, lines, dateCol, keyCol >= 0);
            List<Integer> order = new ArrayList<>(n);
            TimeIndex time = null;
            String firstGeo = null;
            for (String g : geos) {
                List<Integer> idx = byGeo.get(g);
                TimeIndex ti = checkTimeIndex(idx, f, dates, rawDates, lines, dateCol, keyCol < 0 ? null : g);
                if (time == null) {
                    time = ti;
                    firstGeo = g;
                } else if (!time.equals(ti)) {
                    throw new DataException(source, -1, keyCol + 1, header.get(keyCol), g, String.format(Locale.ROOT,
                            "geo's dates (%s .. %s, %d periods) differ from geo '%s' (%s .. %s, %d periods); "
                                    + "every geo needs the same dates",
                            ti.start(), ti.end(), ti.size(), firstGeo, time.start(), time.end(), time.size()));
                }
                order.addAll(idx);
            }

            MmmDataset.Builder b = MmmDataset.builder(time).geos(geos).kpi(schema.kpiName(), permute(kpi, order));
            if (popCol >= 0) {
                b.population(geoPopulation(geos, byGeo, population, rec -> lines[rec], popCol));
            }
            if (allowZeroChannels) {
                b.allowUnfundedChannels();
            }
            for (int c = 0; c < channelCols.length; c++) {
                double[] s = permute(spend[c], order);
                boolean any = false;
                for (double v : s) {
                    any |= v > 0;
                }
                if (!any && !allowZeroChannels) {
                    throw new DataException(source, -1, channelCols[c] + 1, header.get(channelCols[c]), null,
                            "spend is zero in every row; drop the channel or check the column");
                }
                b.channel(channelNames.get(c), s, exposureCols[c] < 0 ? null : permute(exposure[c], order));
            }
            for (int k = 0; k < controlCols.length; k++) {
                b.control(schema.controls().get(k), permute(controls[k], order));
            }
            for (int e = 0; e < eventCols.length; e++) {
                b.event(eventNames.get(e), permute(events[e], order));
            }
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                throw new DataException(source, e.getMessage());
            }
        }

        /** Each geo's population: the same positive value in every row of the geo, else an error at the row. */
        private double[] geoPopulation(List<String> geos, Map<String, List<Integer>> byGeo, double[] population,
                java.util.function.IntToLongFunction lineOf, int popCol) {
            double[] out = new double[geos.size()];
            for (int g = 0; g < out.length; g++) {
                List<Integer> idx = byGeo.get(geos.get(g));
                out[g] = population[idx.get(0)];
                for (int i : idx) {
                    if (population[i] != out[g]) {
                        throw error(lineOf.applyAsLong(i), popCol, Numbers.plain(population[i]), String.format(
                                Locale.ROOT, "differs from the population %s on line %d; a geo's population is one "
                                        + "number, the same in each of its rows (geo '%s')", Numbers.plain(out[g]),
                                lineOf.applyAsLong(idx.get(0)), geos.get(g)));
                    }
                }
            }
            return out;
        }

        private void checkDuplicates(List<Integer> idx, LocalDate[] dates, String[] rawDates, long[] lines,
                int dateCol, String geo) {
            String where = geo == null ? "" : (schema.geoColumn() == null ? " in brand '" : geo.contains(
                    CsvSchema.CELL_SEPARATOR) ? " in cell '" : " in geo '") + geo + "'";
            String hint = geo == null ? " (a panel, one row per period and geo, needs its geo column named)" : "";
            for (int j = 1; j < idx.size(); j++) {
                int a = idx.get(j - 1);
                int b = idx.get(j);
                if (dates[a].equals(dates[b])) {
                    throw error(lines[b], dateCol, rawDates[b],
                            "is a duplicate date" + where + "; also on line " + lines[a] + hint);
                }
            }
            if (idx.size() < 2) {
                throw error(lines[idx.get(0)], dateCol, rawDates[idx.get(0)],
                        "is the only period" + where + "; need at least 2 periods");
            }
        }

        /**
         * The frequency of the whole file (every geo): daily if any two consecutive dates are 1 day apart, else
         * weekly if any are 7 days apart. So a gap or a mistyped date is reported where it is, by
         * {@link #checkTimeIndex}, rather than as an odd frequency.
         */
        private Frequency inferFrequency(Map<String, List<Integer>> byGeo, LocalDate[] dates, String[] rawDates,
                long[] lines, int dateCol, boolean panel) {
            boolean daily = false;
            boolean weekly = false;
            long minDays = Long.MAX_VALUE;
            int at = -1;
            int before = -1;
            String atGeo = null;
            for (Map.Entry<String, List<Integer>> e : byGeo.entrySet()) {
                List<Integer> idx = e.getValue();
                for (int j = 1; j < idx.size(); j++) {
                    long days = ChronoUnit.DAYS.between(dates[idx.get(j - 1)], dates[idx.get(j)]);
                    daily |= days == 1;
                    weekly |= days == 7;
                    if (days < minDays) {
                        minDays = days;
                        at = idx.get(j);
                        before = idx.get(j - 1);
                        atGeo = e.getKey();
                    }
                }
            }
            if (daily || weekly) {
                return daily ? Frequency.DAILY : Frequency.WEEKLY;
            }
            throw error(lines[at], dateCol, rawDates[at], String.format(Locale.ROOT,
                    "is %d days after %s (line %d)%s, the closest dates in the file; mmm4j supports daily (1) "
                            + "and weekly (7) data",
                    minDays, rawDates[before], lines[before], panel ? " in geo '" + atGeo + "'" : ""));
        }

        private TimeIndex checkTimeIndex(List<Integer> idx, Frequency f, LocalDate[] dates, String[] rawDates,
                long[] lines, int dateCol, String geo) {
            String where = geo == null ? "" : " in geo '" + geo + "'";
            for (int j = 1; j < idx.size(); j++) {
                LocalDate prev = dates[idx.get(j - 1)];
                LocalDate cur = dates[idx.get(j)];
                LocalDate expected = f.next(prev);
                if (!cur.equals(expected)) {
                    long missing = ChronoUnit.DAYS.between(prev, cur) / f.days() - 1;
                    boolean even = ChronoUnit.DAYS.between(prev, cur) % f.days() == 0;
                    throw error(lines[idx.get(j)], dateCol, rawDates[idx.get(j)], String.format(Locale.ROOT,
                            "leaves a gap in the %s dates%s: expected %s after %s (line %d)%s",
                            f.name().toLowerCase(Locale.ROOT), where, expected, prev, lines[idx.get(j - 1)],
                            even && missing > 0 ? " (" + missing + " period" + (missing > 1 ? "s" : "") + " missing)"
                                    : " (dates are not evenly spaced)"));
                }
            }
            List<LocalDate> sorted = new ArrayList<>(idx.size());
            for (int i : idx) {
                sorted.add(dates[i]);
            }
            return TimeIndex.of(sorted);
        }

        private static double[] permute(double[] v, List<Integer> order) {
            double[] out = new double[v.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = v[order.get(i)];
            }
            return out;
        }

        /**
         * The levels of a categorical event column (no non-missing value parses as a number), sorted (so that the
         * row order does not matter), without the missing-value tokens and {@code none}; or null for a numeric
         * column.
         */
        private List<String> categoricalLevels(List<CSVRecord> rows, int col) {
            java.util.LinkedHashSet<String> levels = new java.util.LinkedHashSet<>();
            for (CSVRecord rec : rows) {
                if (col >= rec.size()) {
                    continue;
                }
                String v = rec.get(col);
                String lower = v.toLowerCase(Locale.ROOT);
                if (MISSING_TOKENS.contains(lower) || lower.equals("none")) {
                    continue;
                }
                try {
                    Double.parseDouble(v);
                    return null;
                } catch (NumberFormatException e) {
                    levels.add(v);
                }
            }
            if (levels.isEmpty()) {
                return null;
            }
            List<String> sorted = new ArrayList<>(levels);
            java.util.Collections.sort(sorted);
            return sorted;
        }

        private List<String> inferChannels() {
            List<String> mapped = new ArrayList<>(List.of(schema.dateColumn(), schema.kpiColumn()));
            mapped.addAll(schema.controls());
            mapped.addAll(schema.events());
            mapped.addAll(schema.exposures().values());
            if (schema.geoColumn() != null) {
                mapped.add(schema.geoColumn());
            }
            if (schema.brandColumn() != null) {
                mapped.add(schema.brandColumn());
            }
            if (schema.populationColumn() != null) {
                mapped.add(schema.populationColumn());
            }
            if (schema.revenuePerKpiColumn() != null) {
                mapped.add(schema.revenuePerKpiColumn());
            }
            List<String> found = new ArrayList<>();
            for (String h : header) {
                if (MEDIA_NAME.matcher(h).matches() && !mapped.contains(h)) {
                    found.add(h);
                }
            }
            if (found.isEmpty()) {
                throw new DataException(source, headerLine, -1, null, null,
                        "no media columns found by name (*_spend, *_cost, spend_*); name them explicitly; "
                                + "columns found: " + header);
            }
            return found;
        }

        private int require(Map<String, Integer> index, String name, String role) {
            Integer j = index.get(name);
            if (j == null) {
                throw new DataException(source, headerLine, -1, null, null, String.format(Locale.ROOT,
                        "missing required %s column '%s'; columns found: %s%s", role, Text.sanitize(name),
                        Text.sanitize(header.toString()), Text.didYouMean(name, header)));
            }
            return j;
        }

        /**
         * Fails at the first cell of a column that holds text (not a number and not a missing-value token), so that
         * a text column mapped to a numeric role is named as such rather than reported by its first empty cell.
         */
        private void checkNumeric(List<CSVRecord> rows, int col, String why) {
            for (CSVRecord rec : rows) {
                if (col >= rec.size()) {
                    continue;
                }
                String v = rec.get(col);
                if (MISSING_TOKENS.contains(v.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                try {
                    Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw error(lineOf(rec), col, v, "is not a number; " + why + ", and this column holds text");
                }
            }
        }

        private int[] requireAll(Map<String, Integer> index, List<String> names, String role) {
            int[] out = new int[names.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = require(index, names.get(i), role);
            }
            return out;
        }

        private DateTimeFormatter formatter() {
            if (schema.datePattern() == null) {
                return DateTimeFormatter.ISO_LOCAL_DATE;
            }
            try {
                // Strict resolution needs 'u' (proleptic year), not 'y' (year of era).
                return DateTimeFormatter.ofPattern(schema.datePattern().replace('y', 'u'), Locale.ROOT)
                        .withResolverStyle(ResolverStyle.STRICT);
            } catch (IllegalArgumentException e) {
                throw new DataException(source, "date pattern '" + schema.datePattern() + "' is invalid: "
                        + e.getMessage());
            }
        }

        private LocalDate parseDate(String raw, DateTimeFormatter fmt, long line, int col) {
            if (raw.isEmpty()) {
                throw error(line, col, raw, "is empty; every row needs a date");
            }
            String s = raw;
            if (schema.datePattern() == null && s.length() > 10 && (s.charAt(10) == ' ' || s.charAt(10) == 'T')) {
                s = s.substring(0, 10);
            }
            try {
                return LocalDate.parse(s, fmt);
            } catch (DateTimeParseException e) {
                String expected = schema.datePattern() == null ? "ISO yyyy-MM-dd" : "'" + schema.datePattern() + "'";
                throw error(line, col, raw, "is not a date in the format " + expected
                        + (schema.datePattern() == null ? "; set a date pattern such as d/M/yyyy or M/d/yyyy" : ""));
            }
        }

        private double number(CSVRecord rec, int col, long line, Role role) {
            String raw = rec.get(col);
            if (MISSING_TOKENS.contains(raw.toLowerCase(Locale.ROOT))) {
                if (role == Role.SPEND && schema.missingValues() == MissingValuePolicy.ZERO_FILL_SPEND) {
                    return 0;
                }
                throw error(line, col, raw, "is a missing value; a " + role.label + " value is required"
                        + (role == Role.SPEND ? " (or read with the ZERO_FILL_SPEND missing-value policy)" : ""));
            }
            double v;
            try {
                v = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw error(line, col, raw, "is not a number");
            }
            if (!Double.isFinite(v) || raw.endsWith("d") || raw.endsWith("D") || raw.endsWith("f")
                    || raw.endsWith("F")) {
                throw error(line, col, raw, Double.isFinite(v) ? "is not a number" : "is not a finite number");
            }
            if (role == Role.SPEND && v < 0) {
                throw error(line, col, raw, "is negative; spend must be >= 0");
            }
            if (Math.abs(v) > MAX_MAGNITUDE) {
                throw error(line, col, raw, "is beyond the largest magnitude accepted, 1e50; check the value "
                        + "and its unit");
            }
            return v;
        }
    }

    private enum Role {
        KPI("KPI"), SPEND("spend"), CONTROL("control"), EVENT("event"), POPULATION("population"),
        REVENUE_PER_KPI("revenue per KPI");

        final String label;

        Role(String label) {
            this.label = label;
        }
    }
}
