package io.github.mmm4j.models.bayes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Loads the rstan 2.21.7 reference run stored under {@code src/test/resources/bayes/} (see its README.md).
 *
 * <p>{@code stan_draws.csv.gz} is R's {@code as.matrix(stanfit)}: 4,000 rows, chain-major (rows
 * {@code 1000 c .. 1000 c + 999} are chain {@code c}'s post-warmup iterations in order); there is no chain column.
 */
final class StanReference {

    static final int CHAINS = 4;
    static final int DRAWS = 1000;

    final List<String> names;
    /** values[p][c][i]: parameter p, chain c, iteration i. */
    final double[][][] values;

    private StanReference(List<String> names, double[][][] values) {
        this.names = names;
        this.values = values;
    }

    static StanReference load() {
        try (InputStream raw = StanReference.class.getResourceAsStream("/bayes/stan_draws.csv.gz")) {
            if (raw == null) {
                throw new IllegalStateException("missing test resource /bayes/stan_draws.csv.gz");
            }
            BufferedReader r = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            List<String> names = new ArrayList<>();
            for (String h : r.readLine().split(",")) {
                names.add(h.replace("\"", ""));
            }
            double[][][] v = new double[names.size()][CHAINS][DRAWS];
            int row = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                for (int p = 0; p < f.length; p++) {
                    v[p][row / DRAWS][row % DRAWS] = Double.parseDouble(f[p]);
                }
                row++;
            }
            if (row != CHAINS * DRAWS) {
                throw new IllegalStateException("expected 4000 draws, read " + row);
            }
            return new StanReference(List.copyOf(names), v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double[][] chains(String name) {
        int p = names.indexOf(name);
        if (p < 0) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return values[p];
    }

    /** Reads a quoted-header CSV whose first column is the parameter name: name -> column -> value. */
    static Map<String, Map<String, Double>> table(String resource) {
        try (InputStream raw = StanReference.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
            String[] header = r.readLine().replace("\"", "").split(",");
            Map<String, Map<String, Double>> out = new LinkedHashMap<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                Map<String, Double> row = new LinkedHashMap<>();
                for (int k = 1; k < f.length; k++) {
                    row.put(header[k], Double.parseDouble(f[k]));
                }
                out.put(f[0].replace("\"", ""), row);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
