package io.github.mmm4j.bench.batch;

import io.github.mmm4j.core.MmmCsv;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.synthetic.DemoData;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the many-markets benchmark's input: {@code N} markets of the demo's process
 * ({@link DemoData#generate DemoData.generate(1000 + g)}: 156 weeks, 4 channels with known ROI, price, a promotion
 * event) as one long CSV with a {@code market} column ({@code m0000}, ...), for {@code mmm batch --by market} and
 * its Spark engine ({@code mmm-bench/README.md}, "Many models").
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.mmm4j.bench.batch.BatchDataMain N OUT.csv}
 */
public final class BatchDataMain {

    private BatchDataMain() {
    }

    /**
     * @param args the number of markets and the output file
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BatchDataMain N OUT.csv");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        try (Writer w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (int g = 0; g < n; g++) {
                MmmDataset d = DemoData.generate(1000 + g);
                StringWriter sw = new StringWriter();
                MmmCsv.write(d, sw);
                List<String> lines = sw.toString().lines().toList();
                if (g == 0) {
                    w.write("market," + lines.get(0) + "\n");
                }
                String key = String.format("m%04d,", g);
                for (String l : lines.subList(1, lines.size())) {
                    w.write(key + l + "\n");
                }
            }
        }
    }
}
