package io.github.mmm4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.CsvSchema;
import io.github.mmm4j.core.MmmCsv;
import io.github.mmm4j.models.batch.GroupFit;
import io.github.mmm4j.synthetic.Presets;
import io.github.mmm4j.synthetic.Synthetic;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job on a {@code local[2]} session against the local runner's computation ({@link GroupFit#fit} on each
 * group's rows of the file, as {@code mmm batch} calls it): identical rows for every group, whatever the order and
 * partitioning of the input, and a bad group fails alone.
 */
class SparkBatchTest {

    static SparkSession spark;
    @TempDir
    static Path dir;
    static String header;
    static final List<String> ROWS = new ArrayList<>();
    static final String[] MARKETS = {"DE", "FR", "IT", "ES"};
    static final CsvSchema SCHEMA = CsvSchema.builder("sales").date("date").channels("tv", "search", "social")
            .build();
    static final GroupFit.Settings SETTINGS = new GroupFit.Settings("ridge", 20, 300, 0, 7, Map.of());

    @BeforeAll
    static void start() throws IOException {
        for (int i = 0; i < MARKETS.length; i++) {
            StringWriter sw = new StringWriter();
            MmmCsv.write(Synthetic.generate(Presets.easy(), i + 1).data(), sw);
            List<String> lines = sw.toString().lines().toList();
            header = "market," + lines.get(0);
            for (String l : lines.subList(1, lines.size())) {
                ROWS.add(MARKETS[i] + "," + l);
            }
        }
        spark = SparkSession.builder().master("local[2]").appName("mmm4j-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "3").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static Path write(String name, List<String> rows) throws IOException {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        Path p = dir.resolve(name);
        Files.write(p, all);
        return p;
    }

    /** What the local runner computes: each group's rows of the file (in file order) through GroupFit. */
    static Map<String, List<List<Object>>> local(List<String> rows) {
        Map<String, StringBuilder> texts = new TreeMap<>();
        for (String r : rows) {
            String m = r.substring(0, r.indexOf(','));
            texts.computeIfAbsent(m, k -> new StringBuilder(header).append('\n')).append(r).append('\n');
        }
        Map<String, List<List<Object>>> out = new TreeMap<>();
        texts.forEach((m, t) -> {
            GroupFit.Outcome o = GroupFit.fit(List.of(m), "test", t.toString(), SCHEMA, SETTINGS, s -> s);
            out.put(m, GroupFit.rows(o));
        });
        return out;
    }

    static Map<String, List<List<Object>>> spark(Dataset<Row> data) {
        List<Row> got = SparkBatch.fit(data, List.of("market"), SCHEMA, SETTINGS).collectAsList();
        Map<String, List<List<Object>>> out = new TreeMap<>();
        for (Row r : got) {
            List<Object> values = new ArrayList<>();
            for (int i = 1; i < r.length(); i++) {
                values.add(r.get(i));
            }
            out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(values);
        }
        // within a group, the channel order of the model (the sort by key need not keep it)
        List<String> channels = SCHEMA.channels();
        out.values().forEach(l -> l.sort((a, b) -> Integer.compare(channels.indexOf((String) a.get(0)),
                channels.indexOf((String) b.get(0)))));
        return out;
    }

    static Dataset<Row> read(Path file) {
        return spark.read().option("header", "true").csv(file.toString());
    }

    @Test
    void everyGroupHasTheLocalRunnersRowsBitForBitWhateverTheOrderAndPartitioning() throws IOException {
        Map<String, List<List<Object>>> expected = local(ROWS);
        assertEquals(MARKETS.length, expected.size());
        expected.values().forEach(l -> assertEquals(3, l.size()));
        assertEquals(expected, spark(read(write("data.csv", ROWS))));
        List<String> shuffled = new ArrayList<>(ROWS);
        Collections.shuffle(shuffled, new Random(3));
        assertEquals(expected, spark(read(write("shuffled.csv", shuffled)).repartition(5)));
        for (List<List<Object>> group : expected.values()) {
            for (List<Object> row : group) {
                assertEquals("OK", row.get(9));
                double roi = (Double) row.get(4);
                assertTrue((Double) row.get(5) <= roi && roi <= (Double) row.get(6), row.toString());
            }
        }
    }

    @Test
    void aBadGroupFailsAloneAndTheOthersFinish() throws IOException {
        List<String> withBad = new ArrayList<>(ROWS);
        for (String r : ROWS) {
            if (r.startsWith("DE,")) {
                String[] f = r.split(",", -1);
                f[0] = "XX";
                f[2] = "1000";
                withBad.add(String.join(",", f));
            }
        }
        Map<String, List<List<Object>>> got = spark(read(write("bad.csv", withBad)));
        assertEquals(MARKETS.length + 1, got.size());
        List<List<Object>> bad = got.get("XX");
        assertEquals(1, bad.size());
        assertNull(bad.get(0).get(0));
        assertEquals("FAILED", bad.get(0).get(9));
        assertTrue(((String) bad.get(0).get(10)).startsWith("the KPI is constant"), bad.toString());
        assertEquals(local(ROWS).get("FR"), got.get("FR"));
    }

    @Test
    void anUnknownByColumnIsNamed() throws IOException {
        Dataset<Row> data = read(write("data2.csv", ROWS));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkBatch.fit(data, List.of("country"), SCHEMA, SETTINGS));
        assertTrue(e.getMessage().contains("by 'country'"), e.getMessage());
    }

    @Test
    void keysSurviveTheirEncoding() {
        Row r = org.apache.spark.sql.RowFactory.create("a,b", "", "é/ x");
        assertEquals(List.of("a,b", "", "é/ x"), SparkBatch.decodeKey(SparkBatch.encodeKey(r, new int[] {0, 1, 2})));
    }
}
