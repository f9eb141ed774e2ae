package io.github.mmm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.Rng;
import java.io.BufferedWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One ridge model over a panel of 400 geos x 104 weeks (41,600 rows) in a child JVM with a 192 MB heap. A design
 * with a dense 0/1 column per geo would hold 41,600 x 404 doubles (134 MB) twice (the design and its training
 * copy), more than the heap; with the geo levels as fixed effects the fit and all its files need a fraction of it.
 */
class LargePanelMemoryTest {

    @Test
    void aFourHundredGeoPanelFitsIn192Megabytes(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("panel.csv");
        Rng rng = new Rng(5);
        try (BufferedWriter w = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            w.write("date,geo,sales,tv,search\n");
            for (int g = 0; g < 400; g++) {
                double size = 0.5 + (g % 10) / 5.0;
                double carry = 0;
                for (int t = 0; t < 104; t++) {
                    double tv = rng.nextDouble() < 0.3 ? 0 : size * 1000 * rng.nextDouble();
                    double search = size * 300 * (1 + rng.nextDouble());
                    carry = tv + 0.5 * carry;
                    double sales = size * 20_000 + 0.8 * carry + 1.5 * search + 200 * size * rng.nextGaussian();
                    w.write(String.format(Locale.ROOT, "%s,g%03d,%.2f,%.2f,%.2f%n",
                            LocalDate.of(2023, 1, 2).plusWeeks(t), g, sales, tv, search));
                }
            }
        }
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m",
                "-cp", System.getProperty("java.class.path"), "io.github.mmm4j.cli.Main", "fit", data.toString(),
                "--kpi", "sales", "--geo", "geo", "--channels", "tv,search", "--model", "ridge",
                "--fixed-transforms", "--out", tmp.resolve("out").toString());
        Path log = tmp.resolve("child.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the fit did not finish in 5 minutes");
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("x 400 geos"), out);
        for (String f : List.of("results.json", "model.json", "decomposition.csv", "predictions.csv")) {
            assertTrue(Files.size(tmp.resolve("out").resolve(f)) > 0, f);
        }
        assertTrue(new File(tmp.resolve("out/decomposition.csv").toString()).length() > 41_600, "every row written");
    }
}
