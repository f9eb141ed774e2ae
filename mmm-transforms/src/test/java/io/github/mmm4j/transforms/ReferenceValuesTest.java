package io.github.mmm4j.transforms;

import static io.github.mmm4j.transforms.Tolerances.REFERENCE;
import static io.github.mmm4j.transforms.Tolerances.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;

/**
 * Compares with values computed by numpy/scipy ({@code src/test/resources/reference/make_reference.py},
 * which writes {@code reference.csv}): lfilter for the geometric filters, {@code weibull_min} for
 * Robyn's Weibull adstocks, {@code expit} and direct formulas for the saturations.
 */
class ReferenceValuesTest {

    private record Row(String family, String type, String params, int index, double input, double expected) {
    }

    private static Map<String, List<Row>> load() throws IOException {
        Map<String, List<Row>> cases = new LinkedHashMap<>();
        try (InputStream in = ReferenceValuesTest.class.getResourceAsStream("/reference/reference.csv")) {
            assertNotNull(in, "reference.csv on the test class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = r.readLine();
            assertEquals("family,type,params,index,input,expected", line);
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                Row row = new Row(f[0], f[1], f[2], Integer.parseInt(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]));
                cases.computeIfAbsent(row.family + "," + row.type + "," + row.params, k -> new ArrayList<>()).add(row);
            }
        }
        return cases;
    }

    private static Map<String, String> params(String s) {
        Map<String, String> m = new HashMap<>();
        for (String kv : s.split(";")) {
            String[] p = kv.split("=");
            m.put(p[0], p[1]);
        }
        return m;
    }

    private static Adstock adstock(String type, Map<String, String> p) {
        java.util.function.Function<String, Double> d = k -> Double.parseDouble(p.get(k));
        java.util.function.Function<String, Integer> i = k -> Integer.parseInt(p.get(k));
        java.util.function.Function<String, Boolean> b = k -> Boolean.parseBoolean(p.get(k));
        return switch (type) {
            case "geometric" -> new Geometric(d.apply("alpha"), i.apply("maxLag"), b.apply("normalized"));
            case "geometric_infinite" -> new GeometricInfinite(d.apply("alpha"), b.apply("normalized"));
            case "delayed" -> new Delayed(d.apply("alpha"), d.apply("theta"), i.apply("maxLag"), b.apply("normalized"));
            case "weibull_cdf" -> new WeibullCdf(d.apply("shape"), d.apply("scale"), i.apply("maxLag"));
            case "weibull_cdf_robyn" -> WeibullCdf.fromRobyn(d.apply("shape"), d.apply("scale"), i.apply("maxLag"));
            case "weibull_pdf" -> new WeibullPdf(d.apply("shape"), d.apply("scale"), i.apply("maxLag"));
            case "weibull_pdf_robyn" -> WeibullPdf.fromRobyn(d.apply("shape"), d.apply("scale"), i.apply("maxLag"));
            case "beta_gamma" -> new BetaGamma(d.apply("beta"), d.apply("gamma"), i.apply("maxLag"));
            default -> throw new AssertionError("unknown adstock " + type);
        };
    }

    private static Saturation saturation(String type, Map<String, String> p) {
        java.util.function.Function<String, Double> d = k -> Double.parseDouble(p.get(k));
        return switch (type) {
            case "hill" -> new Hill(d.apply("ec"), d.apply("slope"));
            case "logistic" -> new Logistic(d.apply("lambda"));
            case "sigmoid" -> new Sigmoid(d.apply("inflection"), d.apply("steepness"));
            case "michaelis_menten" -> new MichaelisMenten(d.apply("alpha"), d.apply("lambda"));
            case "tanh" -> new Tanh(d.apply("b"), d.apply("c"));
            default -> throw new AssertionError("unknown saturation " + type);
        };
    }

    @Example
    void matchesNumpyAndScipy() throws IOException {
        Map<String, List<Row>> cases = load();
        assertEquals(34, cases.size(), "reference cases");
        for (Map.Entry<String, List<Row>> e : cases.entrySet()) {
            List<Row> rows = e.getValue();
            Row first = rows.get(0);
            int n = rows.size();
            double[] x = new double[n];
            for (Row row : rows) {
                x[row.index] = row.input;
            }
            double[] out = new double[n];
            if (first.family.equals("adstock")) {
                adstock(first.type, params(first.params)).apply(x, n, out);
            } else {
                saturation(first.type, params(first.params)).apply(x, n, out);
            }
            for (Row row : rows) {
                assertClose(row.expected, out[row.index], REFERENCE, e.getKey() + " at " + row.index);
            }
        }
    }
}
