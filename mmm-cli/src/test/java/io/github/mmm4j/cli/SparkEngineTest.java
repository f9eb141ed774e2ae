package io.github.mmm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mmm batch --engine spark --master local[2]} in a child JVM whose class path is this module's plus Spark's
 * jars (as {@code spark-submit} runs an application beside Spark), against the local engine in this JVM: the same
 * {@code batch.csv}, byte for byte. Spark's class path comes from {@code mmm-spark}'s build
 * ({@code target/spark-classpath.txt}); without it the test skips with a message.
 */
class SparkEngineTest {

    static Path sparkClasspath() {
        Path f = Path.of(System.getProperty("mmm4j.root", ".")).resolve("mmm-spark/target/spark-classpath.txt");
        assumeTrue(Files.isRegularFile(f), "Spark's class path is not built (mmm-spark/target/spark-classpath.txt); "
                + "build the reactor, e.g. ./mvnw verify, to run this test");
        return f;
    }

    @Test
    void sparkEngineWritesTheLocalEnginesBatchCsvByteForByte(@TempDir Path tmp) throws Exception {
        Path cpFile = sparkClasspath();
        Path data = tmp.resolve("data.csv");
        // three markets that fit and one whose KPI is constant, which fails alone
        List<String> rows = new ArrayList<>(BatchCommandTest.panel(tmp));
        for (String r : List.copyOf(rows)) {
            if (r.startsWith("DE,")) {
                String[] f = r.split(",", -1);
                f[0] = "XX";
                f[2] = "1000";
                rows.add(String.join(",", f));
            }
        }
        Files.write(data, rows);
        CliTest.Run local = BatchCommandTest.batch(data, tmp.resolve("local"), "--threads", "2");
        assertEquals(0, local.exit(), local.err());

        // Spark's jars first, then the application's, as spark-submit loads them
        List<String> cp = new ArrayList<>(List.of(Files.readString(cpFile).trim().split(File.pathSeparator)));
        cp.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String opt : SPARK_OPENS.split(" ")) {
            cmd.add(opt);
        }
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, cp), "io.github.mmm4j.cli.Main", "batch",
                data.toString(), "--by", "market", "--kpi", "sales", "--channels", "tv,search,social", "--bootstrap",
                "30", "--engine", "spark", "--master", "local[2]", "--out", tmp.resolve("spark").toString()));
        String out = child(cmd, tmp.resolve("child.log"), 0);
        assertTrue(out.contains("4 groups by market, 3 fitted, 1 failed"), out);
        assertTrue(out.contains("  FAILED market=XX: the KPI is constant"), out);
        assertTrue(local.out().contains("4 groups by market, 3 fitted, 1 failed"), local.out());
        assertTrue(out.contains("engine spark"), out);
        String want = Files.readString(tmp.resolve("local/batch.csv"));
        assertEquals(want, Files.readString(tmp.resolve("spark/batch.csv")));
        assertEquals(11, want.lines().count());

        // a master Spark cannot parse is the user's mistake: exit 2, named, nothing written
        List<String> bad = new ArrayList<>(cmd);
        bad.set(bad.indexOf("local[2]"), "bogus://x");
        bad.set(bad.size() - 1, tmp.resolve("bad").toString());
        String badOut = child(bad, tmp.resolve("bad.log"), 2);
        assertTrue(badOut.contains("mmm: Spark could not start with master 'bogus://x'"), badOut);
        assertFalse(Files.exists(tmp.resolve("bad")));
    }

    /** Runs a child process to its end (at most 5 minutes), checks its exit code, returns its output. */
    static String child(List<String> cmd, Path log, int exit) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the child did not finish in 5 minutes: " + cmd);
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(exit, p.exitValue(), out);
        return out;
    }

    @Test
    void sparkOptionsAreCheckedBeforeAnyWork(@TempDir Path tmp) throws IOException {
        Path data = tmp.resolve("data.csv");
        Files.write(data, List.of("market,date,sales,tv,search,social", "DE,2024-01-01,1,1,1,1"));
        CliTest.Run perGroup = BatchCommandTest.batch(data, tmp.resolve("a"), "--engine", "spark", "--per-group");
        assertEquals(2, perGroup.exit());
        assertTrue(perGroup.err().contains("--per-group is not available with --engine spark"), perGroup.err());
        CliTest.Run master = BatchCommandTest.batch(data, tmp.resolve("b"), "--master", "local[2]");
        assertEquals(2, master.exit());
        assertTrue(master.err().contains("--master local[2] needs --engine spark"), master.err());
        CliTest.Run engine = BatchCommandTest.batch(data, tmp.resolve("c"), "--engine", "flink");
        assertEquals(2, engine.exit());
        assertTrue(engine.err().contains("--engine flink is not available; choose local or spark"), engine.err());
        assertFalse(Files.exists(tmp.resolve("a")) || Files.exists(tmp.resolve("b")) || Files.exists(tmp.resolve("c")));
    }

    /** The JDK options Spark 4's launcher passes on Java 17 (as in the reactor's {@code spark.test.opens}). */
    static final String SPARK_OPENS = "--add-opens=java.base/java.lang=ALL-UNNAMED"
            + " --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED"
            + " --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED"
            + " --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED"
            + " --add-opens=java.base/java.util.concurrent=ALL-UNNAMED"
            + " --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED"
            + " --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
            + " --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED"
            + " --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"
            + " -Dio.netty.tryReflectionSetAccessible=true";
}
