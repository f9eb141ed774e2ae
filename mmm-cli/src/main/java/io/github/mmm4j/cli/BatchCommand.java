package io.github.mmm4j.cli;

import io.github.mmm4j.core.AtomicFiles;
import io.github.mmm4j.core.Numbers;
import io.github.mmm4j.core.OutputSet;
import io.github.mmm4j.models.ModelJson;
import io.github.mmm4j.models.batch.GroupFit;
import io.github.mmm4j.models.batch.GroupFit.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mmm batch DATA.csv --by COL[,COL...] --kpi ...}: one independent model per group of rows (for example per
 * brand and country), fitted in parallel, written to {@code batch.csv}.
 *
 * <p><b>Determinism.</b> Group {@code k}'s seed is derived from the run's seed and the group's key alone
 * ({@link #groupSeed}), and every fit runs single-threaded, so a group's result does not depend on the other groups,
 * their order in the file, or the number of threads. Rows come out sorted by key.
 *
 * <p><b>Isolation.</b> A group whose data or fit fails gets {@code status} {@code FAILED} and the message; the other
 * groups finish. The command exits 0 when at least one group succeeded and 2 when none did.
 *
 * <p>{@code batch.csv}: the key columns, {@code channel}, {@code spend}, {@code contribution}, {@code share},
 * {@code roi}, {@code roi_lower}, {@code roi_upper}, {@code mroi}, {@code roi_data_weight} (Bayesian groups),
 * {@code status}, {@code message} (one row per group
 * and channel; a failed group has one row with an empty channel). {@code batch.json} records the settings used and the
 * run's summary. With {@code --per-group}, a folder per group ({@code groups/KEY/}, see {@link #folder}) holds
 * {@code model.json}. A failed group's message gives lines of the input file.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Fit one model per group of rows (for example per brand and country) in parallel and write "
                + "batch.csv.")
final class BatchCommand implements java.util.concurrent.Callable<Integer> {

    /** The default bootstrap replicates of a batch's ridge and NNLS fits (fewer than fit's 200, for speed). */
    static final int DEFAULT_BOOTSTRAP = GroupFit.DEFAULT_BOOTSTRAP;

    @Mixin
    DataArgs dataArgs;

    @Option(names = "--by", required = true, split = ",", paramLabel = "COL,...",
            description = "The columns whose values define a group.")
    List<String> by = new ArrayList<>();

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "ridge",
            description = "Estimator: ridge, nnls or bayes (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "" + DEFAULT_BOOTSTRAP,
            description = "Ridge and NNLS: bootstrap replicates per group (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "300",
            description = "Bayesian model: warmup iterations and draws per chain, 2 chains (default: ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--threads", paramLabel = "N",
            description = "Groups fitted at once (default: the number of cores); results do not depend on it.")
    Integer threads;

    @Option(names = "--per-group", description = "Also write each group's model.json under groups/.")
    boolean perGroup;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "local",
            description = "local (threads of this process) or spark (Apache Spark; needs Spark on the class path, "
                    + "as under spark-submit). Both give the same rows (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master, for example local[2] (default: the one "
                    + "spark-submit sets).")
    String master;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "batch-out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--holdout", paramLabel = "N", defaultValue = "0",
            description = "Final periods of each group held out for testing (default: ${DEFAULT-VALUE}).")
    int holdout;

    @Option(names = "--progress", description = "Show a progress bar even when the output is not a terminal.")
    boolean progress;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        GroupFit.Settings settings = settings();
        if (!List.of("local", "spark").contains(engine)) {
            throw new Main.BadInputException("--engine " + engine + " is not available; choose local or spark");
        }
        if (master != null && !engine.equals("spark")) {
            throw new Main.BadInputException("--master " + master + " needs --engine spark");
        }
        if (engine.equals("spark")) {
            return callSpark(settings);
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1 || nThreads > 1024) {
            throw new Main.BadInputException("--threads " + nThreads + " must be in [1, 1024]");
        }
        checkBy();
        Map<List<String>, Group> groups = split(dataArgs.file, by);
        checkColumns(groups);
        List<List<String>> keys = new ArrayList<>(groups.keySet());
        long started = System.nanoTime();
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), progress || ProgressBar.interactive());
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(nThreads, r -> {
            Thread t = new Thread(r, "mmm4j-batch");
            t.setDaemon(true);
            return t;
        });
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<Outcome>> fs = new ArrayList<>();
            for (List<String> key : keys) {
                fs.add(pool.submit(() -> {
                    Outcome o = fitGroup(key, groups.get(key), settings);
                    int d = done.incrementAndGet();
                    bar.update("batch", (double) d / keys.size(), d + " of " + keys.size() + " groups");
                    return o;
                }));
            }
            for (Future<Outcome> f : fs) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        bar.done();
        double seconds = (System.nanoTime() - started) / 1e9;
        String described = settings.describe();
        List<List<Object>> rows = localRows(outcomes);
        Tally tally = new Tally(rows, by.size());
        List<Path> files = OutputSet.write(out, dir -> {
            AtomicFiles.writeString(dir.resolve("batch.csv"), csv(rows));
            AtomicFiles.writeString(dir.resolve("batch.json"), summaryJson(tally, described));
            if (perGroup) {
                for (Outcome o : outcomes) {
                    if (o.model() != null) {
                        Path g = dir.resolve("groups").resolve(folder(o.key()));
                        ModelJson.write(o.model(), g.resolve("model.json"));
                    }
                }
            }
        });
        return report(tally, seconds, described, files);
    }

    /**
     * {@code --engine spark}: the groups fitted by {@code mmm-spark}'s job in a Spark session, the rows written as
     * the local engine writes them (the same bytes for groups that fit; a failed group's message names lines of the
     * group's rows rather than of the file).
     */
    private Integer callSpark(GroupFit.Settings settings) throws IOException {
        if (perGroup) {
            throw new Main.BadInputException("--per-group is not available with --engine spark: the models stay on "
                    + "the executors");
        }
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, BatchCommand.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new Main.BadInputException("--engine spark needs Apache Spark 4 (Scala 2.13) on the class path: "
                    + "run mmm through spark-submit (spark-submit --class io.github.mmm4j.cli.Main mmm.jar batch ...) "
                    + "or add Spark's jars to the class path; mmm.jar does not carry Spark");
        }
        checkBy();
        // reads the header and checks the columns as the local engine does, with the same messages
        checkColumns(split(dataArgs.file, by));
        long started = System.nanoTime();
        List<List<Object>> rows = SparkEngine.run(dataArgs.file, by, dataArgs.schema(), settings, master);
        double seconds = (System.nanoTime() - started) / 1e9;
        String described = settings.describe() + ", engine spark";
        Tally tally = new Tally(rows, by.size());
        List<Path> files = OutputSet.write(out, dir -> {
            AtomicFiles.writeString(dir.resolve("batch.csv"), csv(rows));
            AtomicFiles.writeString(dir.resolve("batch.json"), summaryJson(tally, described));
        });
        return report(tally, seconds, described, files);
    }

    /** The groups and their caveats, from {@code batch.csv}'s rows (key columns, then {@link GroupFit#COLUMNS}). */
    private static final class Tally {
        private static final int CHANNEL = GroupFit.COLUMNS.indexOf("channel");
        private static final int STATUS = GroupFit.COLUMNS.indexOf("status");
        private static final int MESSAGE = GroupFit.COLUMNS.indexOf("message");

        final Set<List<Object>> groups = new LinkedHashSet<>();
        /** Failed groups with their messages. */
        final Map<List<Object>, String> failed = new LinkedHashMap<>();
        /** Groups whose sampler did not converge. */
        final Set<List<Object>> notConverged = new LinkedHashSet<>();
        /** Prior-led channel ROIs: the group's key and the channel. */
        final List<List<Object>> priorLed = new ArrayList<>();

        Tally(List<List<Object>> rows, int k) {
            for (List<Object> r : rows) {
                List<Object> key = r.subList(0, k);
                groups.add(key);
                Object message = r.get(k + MESSAGE);
                if ("FAILED".equals(r.get(k + STATUS))) {
                    failed.put(key, String.valueOf(message));
                    continue;
                }
                String m = message == null ? "" : message.toString();
                if (m.contains(GroupFit.NOT_CONVERGED)) {
                    notConverged.add(key);
                }
                if (m.contains(GroupFit.PRIOR_LED)) {
                    List<Object> led = new ArrayList<>(key);
                    led.add(r.get(k + CHANNEL));
                    priorLed.add(led);
                }
            }
        }
    }

    /** At most this many groups or channels are named on the console per caveat; batch.csv has them all. */
    private static final int NAMED = 8;

    /**
     * Prints the batch's summary: groups fitted and failed (each failure with its message), then the caveats a user
     * must not miss among many groups (samplers that did not converge, prior-led ROIs), then the files.
     *
     * @return the exit code: 2 when every group failed
     */
    private int report(Tally t, double seconds, String described, List<Path> files) {
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "batch: %d groups by %s, %d fitted, %d failed, %.1f s (%s)%n", t.groups.size(),
                String.join(",", by), t.groups.size() - t.failed.size(), t.failed.size(), seconds, described);
        t.failed.forEach((key, message) -> w.printf(Locale.ROOT, "  FAILED %s: %s%n", label(key), message));
        if (!t.notConverged.isEmpty()) {
            List<String> named = new ArrayList<>();
            t.notConverged.forEach(key -> named.add(label(key)));
            w.printf(Locale.ROOT, "  not converged: %d group%s (R-hat above 1.01 or divergent transitions), whose "
                    + "intervals are unreliable; give more --draws: %s%n", named.size(), named.size() == 1 ? "" : "s",
                    first(named));
        }
        if (!t.priorLed.isEmpty()) {
            List<String> named = new ArrayList<>();
            Set<List<Object>> inGroups = new LinkedHashSet<>();
            for (List<Object> led : t.priorLed) {
                List<Object> key = led.subList(0, by.size());
                inGroups.add(key);
                named.add(label(key) + ": " + led.get(by.size()));
            }
            w.printf(Locale.ROOT, "  prior-led: %d channel ROI%s in %d group%s set more by the prior than by the data "
                    + "(roi_data_weight below %.1f in batch.csv); an experiment would measure %s: %s%n", named.size(),
                    named.size() == 1 ? "" : "s", inGroups.size(), inGroups.size() == 1 ? "" : "s",
                    io.github.mmm4j.models.SamplerDiagnostics.PRIOR_LED_WEIGHT, named.size() == 1 ? "it" : "them",
                    first(named));
        }
        for (Path f : files) {
            w.printf(Locale.ROOT, "Wrote %s%n", f);
        }
        w.flush();
        return t.failed.size() == t.groups.size() ? Main.EXIT_BAD_INPUT : 0;
    }

    private static String first(List<String> named) {
        return named.size() <= NAMED ? String.join("; ", named)
                : String.join("; ", named.subList(0, NAMED)) + " and " + (named.size() - NAMED) + " more";
    }

    /** The settings of every group's fit. */
    private GroupFit.Settings settings() {
        try {
            return new GroupFit.Settings(model, bootstrap, draws, holdout, seed, dataArgs.organicSigns());
        } catch (IllegalArgumentException e) {
            throw new Main.BadInputException("--" + e.getMessage());
        }
    }

    /** Fits one group; any failure is reported as the group's outcome. */
    private Outcome fitGroup(List<String> key, Group group, GroupFit.Settings settings) {
        return GroupFit.fit(key, dataArgs.file.getFileName() + " (group " + label(key) + ")", group.csv(),
                dataArgs.schema(), settings, group::inFileLines);
    }

    /**
     * A group's seed ({@link GroupFit#groupSeed}).
     *
     * @param seed the run's seed
     * @param key the group's key values
     * @return the group's seed
     */
    static long groupSeed(long seed, List<String> key) {
        return GroupFit.groupSeed(seed, key);
    }

    /**
     * Splits a CSV file into one CSV text per group (the header and the group's rows, in file order), keyed and
     * sorted by the group's values of the {@code by} columns.
     */
    static Map<List<String>, Group> split(Path file, List<String> by) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new Main.BadInputException(file + ": file not found" + (Files.isDirectory(file) ? " (it is a folder)"
                    : ""));
        }
        if (Files.size(file) == 0) {
            throw new Main.BadInputException(file + " is empty: a CSV file with a header line is needed");
        }
        Map<List<String>, StringWriter> texts = new TreeMap<>(BatchCommand::compareKeys);
        Map<List<String>, CSVPrinter> printers = new TreeMap<>(BatchCommand::compareKeys);
        Map<List<String>, List<Long>> lines = new TreeMap<>(BatchCommand::compareKeys);
        CSVFormat in = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .get();
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8, in)) {
            List<String> header = p.getHeaderNames();
            if (header.isEmpty()) {
                throw new Main.BadInputException(file + " has no header line");
            }
            int[] idx = new int[by.size()];
            for (int i = 0; i < by.size(); i++) {
                idx[i] = header.indexOf(by.get(i));
                if (idx[i] < 0) {
                    throw new Main.BadInputException("--by '" + by.get(i) + "': " + file + " has no such column; "
                            + "columns are " + header + io.github.mmm4j.core.Text.didYouMean(by.get(i), header));
                }
            }
            CSVFormat outFormat = CSVFormat.RFC4180.builder().setHeader(header.toArray(new String[0]))
                    .setRecordSeparator("\n").get();
            for (CSVRecord r : p) {
                List<String> key = new ArrayList<>(by.size());
                for (int i : idx) {
                    key.add(r.get(i));
                }
                CSVPrinter pr = printers.get(key);
                if (pr == null) {
                    StringWriter sw = new StringWriter();
                    pr = new CSVPrinter(sw, outFormat);
                    texts.put(key, sw);
                    printers.put(key, pr);
                    lines.put(key, new ArrayList<>());
                }
                pr.printRecord(r.toList());
                lines.get(key).add(p.getCurrentLineNumber());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (texts.isEmpty()) {
            throw new Main.BadInputException(file + " has no data rows");
        }
        Map<List<String>, Group> out = new TreeMap<>(BatchCommand::compareKeys);
        for (Map.Entry<List<String>, CSVPrinter> e : printers.entrySet()) {
            e.getValue().flush();
            out.put(e.getKey(), new Group(texts.get(e.getKey()).toString(),
                    lines.get(e.getKey()).stream().mapToLong(Long::longValue).toArray()));
        }
        return out;
    }

    /**
     * One group's rows as CSV text (the header, then the rows in file order) and, for each row, its line in the file.
     *
     * @param csv the text
     * @param fileLines {@code fileLines[k]} is the file line of the text's line {@code k + 2}
     */
    record Group(String csv, long[] fileLines) {

        /** Rewrites every {@code "line N"} of a message about the group's text as the file's line. */
        String inFileLines(String message) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bline (\\d+)").matcher(message);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                long mapped = n == 1 ? 1 : n - 2 < fileLines.length ? fileLines[(int) (n - 2)] : n;
                m.appendReplacement(sb, "line " + mapped);
            }
            m.appendTail(sb);
            return sb.toString();
        }
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * The run's own mistakes, found once before any group is fitted (not once per group): every column the options
     * name exists in the file, no channel is named twice, and the holdout leaves training periods in some group.
     */
    private void checkColumns(Map<List<String>, Group> groups) throws IOException {
        Group first = groups.values().iterator().next();
        String headerLine = first.csv().substring(0, first.csv().indexOf('\n'));
        List<String> header;
        try (CSVParser p = CSVParser.parse(headerLine, CSVFormat.RFC4180)) {
            header = p.getRecords().get(0).toList();
        }
        io.github.mmm4j.core.CsvSchema s = dataArgs.schema();
        Map<String, String> named = new java.util.LinkedHashMap<>();
        named.put(s.kpiColumn(), "--kpi");
        named.put(s.dateColumn(), "--date");
        s.channels().forEach(c -> named.putIfAbsent(c, "--channels"));
        s.exposures().values().forEach(c -> named.putIfAbsent(c, "--exposure"));
        s.controls().forEach(c -> named.putIfAbsent(c, dataArgs.organic.contains(c) ? "--organic" : "--controls"));
        s.events().forEach(c -> named.putIfAbsent(c, "--events"));
        for (String[] o : new String[][] {{s.geoColumn(), "--geo"}, {s.brandColumn(), "--brand"},
                {s.populationColumn(), "--population"}, {s.revenuePerKpiColumn(), "--revenue-per-kpi"}}) {
            if (o[0] != null) {
                named.putIfAbsent(o[0], o[1]);
            }
        }
        for (Map.Entry<String, String> e : named.entrySet()) {
            if (!header.contains(e.getKey())) {
                throw new Main.BadInputException(e.getValue() + " '" + e.getKey() + "': " + dataArgs.file
                        + " has no such column; columns are " + header
                        + io.github.mmm4j.core.Text.didYouMean(e.getKey(), header));
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String c : s.channels()) {
            if (!seen.add(c)) {
                throw new Main.BadInputException("--channels names '" + c + "' twice");
            }
        }
        int most = 0;
        for (Group g : groups.values()) {
            most = Math.max(most, g.fileLines().length);
        }
        if (holdout >= most - 1) {
            throw new Main.BadInputException("--holdout " + holdout + " leaves fewer than 2 training periods in every "
                    + "group: the largest group has " + most + " rows");
        }
    }

    /** {@code --by} names each column once, and none that the model reads (KPI, date, channels, controls...). */
    private void checkBy() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> used = new ArrayList<>();
        used.add(dataArgs.kpi);
        used.add(dataArgs.date);
        used.addAll(dataArgs.channels);
        used.addAll(dataArgs.controls);
        used.addAll(dataArgs.events);
        used.addAll(dataArgs.organic);
        for (String b : by) {
            if (!seen.add(b)) {
                throw new Main.BadInputException("--by names '" + b + "' twice");
            }
            if (used.contains(b)) {
                throw new Main.BadInputException("--by '" + b + "' is a column the model reads (KPI, date, channel, "
                        + "control or event); group by a column that names the market, brand or store");
            }
        }
    }

    private String label(List<?> key) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < by.size(); i++) {
            parts.add(by.get(i) + "=" + key.get(i));
        }
        return String.join(", ", parts);
    }

    /**
     * A folder name for a group, one per key: each key value with every character but {@code [A-Za-z0-9_-]}
     * percent-encoded (UTF-8), the values joined by {@code ~}. Distinct keys give distinct names, and no name is
     * {@code .}, {@code ..} or contains a path separator.
     */
    static String folder(List<String> key) {
        List<String> parts = new ArrayList<>();
        for (String v : key) {
            StringBuilder sb = new StringBuilder();
            for (byte b : v.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
                        || c == '-') {
                    sb.append(c);
                } else {
                    sb.append(String.format(Locale.ROOT, "%%%02X", b & 0xff));
                }
            }
            parts.add(sb.length() == 0 ? "%" : sb.toString());
        }
        return String.join("~", parts);
    }

    /** Each outcome's rows of batch.csv: the key values, then those of {@link GroupFit#rows}. */
    private static List<List<Object>> localRows(List<Outcome> outcomes) {
        List<List<Object>> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            for (List<Object> values : GroupFit.rows(o)) {
                List<Object> row = new ArrayList<>(o.key());
                row.addAll(values);
                rows.add(row);
            }
        }
        return rows;
    }

    private String csv(List<List<Object>> rows) throws IOException {
        StringWriter sw = new StringWriter();
        List<String> header = new ArrayList<>(by);
        header.addAll(GroupFit.COLUMNS);
        try (CSVPrinter p = new CSVPrinter(sw, CSVFormat.RFC4180.builder().setHeader(header.toArray(new String[0]))
                .setRecordSeparator("\n").get())) {
            for (List<Object> values : rows) {
                List<Object> row = new ArrayList<>(values.size());
                for (Object v : values) {
                    row.add(v == null ? "" : v instanceof Double d ? Numbers.plain(d) : v);
                }
                p.printRecord(row);
            }
        }
        return sw.toString();
    }

    private String summaryJson(Tally t, String settings) {
        com.fasterxml.jackson.databind.node.ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode();
        o.put("source", dataArgs.file.getFileName().toString());
        com.fasterxml.jackson.databind.node.ArrayNode b = o.putArray("by");
        by.forEach(b::add);
        o.put("model", model);
        o.put("settings", settings);
        o.put("seed", seed);
        o.put("groups", t.groups.size());
        o.put("fitted", t.groups.size() - t.failed.size());
        o.put("failed", t.failed.size());
        o.put("not_converged", t.notConverged.size());
        o.put("prior_led_rois", t.priorLed.size());
        return o.toPrettyString() + "\n";
    }
}
