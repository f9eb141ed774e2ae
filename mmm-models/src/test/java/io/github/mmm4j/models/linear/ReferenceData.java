package io.github.mmm4j.models.linear;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the reference files written by {@code src/test/resources/linear/make_nnls_reference.py}: records
 * of whitespace-separated lines between {@code case ...} and {@code end}. Floats are Python
 * {@code repr()}s, which {@link Double#parseDouble} reads back exactly.
 */
final class ReferenceData {

    /** One record: the {@code case} line's fields and the named arrays. */
    record Case(String name, int rows, int cols, List<String> header, Map<String, double[]> arrays) {

        double[] get(String key) {
            return Objects.requireNonNull(arrays.get(key), key).clone();
        }

        double scalar(String key) {
            return get(key)[0];
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private ReferenceData() {
    }

    static List<Case> read(String resource) {
        InputStream in = ReferenceData.class.getResourceAsStream(resource);
        Objects.requireNonNull(in, resource);
        List<Case> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = null;
            Map<String, double[]> arrays = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] t = line.trim().split("\\s+");
                if (t[0].equals("case")) {
                    header = List.of(t);
                    arrays = new HashMap<>();
                } else if (t[0].equals("end")) {
                    out.add(new Case(header.get(1), Integer.parseInt(header.get(2)), Integer.parseInt(header.get(3)),
                            header, Map.copyOf(arrays)));
                } else {
                    double[] v = new double[t.length - 1];
                    for (int k = 1; k < t.length; k++) {
                        v[k - 1] = Double.parseDouble(t[k]);
                    }
                    arrays.put(t[0], v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
