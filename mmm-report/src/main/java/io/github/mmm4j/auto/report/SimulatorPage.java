package io.github.mmm4j.auto.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mmm4j.core.AtomicFiles;
import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.optimize.Simulator;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;

/**
 * Writes {@value #FILE}: the interactive what-if simulator, one self-contained page (inline script and styles, the
 * model's response embedded; a content security policy forbids every network request), so it works from a file or an
 * e-mail attachment.
 *
 * <p>The page has a slider and a number box per channel (spend per period, summed over geos) and buttons for the
 * current and the recommended plan. On a panel a selector makes the inputs edit one geo, or on brand x region cells
 * one brand or one region (its cells together, in proportion to their spend). A model with a price has a price
 * slider (a change in percent from the plan's price, held over the horizon; {@link Simulator#priceEffect}). As spend changes it shows the expected KPI over the horizon, the change against
 * the current plan, each channel's contribution, ROI and marginal ROI, each with its interval at the model's level,
 * a bar chart of incremental contributions and the selected channel's response curve with its band. The scenario
 * lives in the address ({@code simulator.html#tv=120000&search=45000}: spend per period, channels not named keep the
 * current plan), so a scenario can be shared as a link. The expected KPI is in the element {@code id="expected-kpi"},
 * its unformatted value in {@code data-value}; each channel's figures are in {@code contribution-i},
 * {@code roi-i} and {@code mroi-i} ({@code i} the channel's index) with {@code data-value}, {@code data-lower} and
 * {@code data-upper}.
 *
 * <p>The page computes exactly what {@link Simulator#evaluate(double[])} computes (and so {@code mmm whatif}), from the
 * simulator's numbers embedded bit for bit (base64 of little-endian IEEE doubles): the same terms, the same sums in the
 * same order, the same interval rule. The only differences are those of the browser's {@code Math.exp},
 * {@code Math.log} and {@code Math.tanh} against Java's, a few units in the last place.
 */
public final class SimulatorPage {

    /** The page's file name. */
    public static final String FILE = "simulator.html";

    private static final String TEMPLATE = template();

    private SimulatorPage() {
    }

    private static String template() {
        return HtmlReport.resource("simulator.html");
    }

    /**
     * Renders the page.
     *
     * @param sim the simulator
     * @param recommended (input) not modified; each channel's recommended spend per period, or null when there is no
     *     recommended plan (the button is then disabled)
     * @return the HTML document
     */
    public static String render(Simulator sim, double[] recommended) {
        Objects.requireNonNull(sim, "sim");
        ObjectNode root = data(sim, recommended);
        String kpi = sim.planningModel().model().data().kpiName();
        // JSON inside a script element: "<" only occurs in strings, where \u003c means the same
        String json = root.toString().replace("<", "\\u003c");
        return HtmlReport.fill(TEMPLATE, "{{TITLE}}", HtmlReport.text("What-if simulator: " + kpi), "{{DATA}}", json);
    }

    /**
     * Writes {@value #FILE} into a folder (atomically).
     *
     * @param sim the simulator
     * @param recommended each channel's recommended spend per period, or null
     * @param dir the folder
     * @return the file written
     */
    public static Path write(Simulator sim, double[] recommended, Path dir) {
        Path f = dir.resolve(FILE);
        AtomicFiles.writeString(f, render(sim, recommended));
        return f;
    }

    /** The page's data (see the template's script for how it is read). */
    static ObjectNode data(Simulator sim, double[] recommended) {
        int nc = sim.channels().size();
        if (recommended != null) {
            Checks.checkLength("recommended", recommended, nc);
        }
        MmmDataset data = sim.planningModel().model().data();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", "mmm4j-simulator");
        root.put("format_version", 1);
        root.put("kpi", data.kpiName());
        root.put("model_name", switch (sim.planningModel().model().estimator()) {
            case "bayes" -> "Bayesian";
            case "nnls" -> "non-negative least squares";
            case "ridge" -> "ridge regression";
            default -> sim.planningModel().model().estimator();
        });
        int h = sim.horizon();
        root.put("horizon", h);
        root.put("period_word", data.time().frequency() == Frequency.WEEKLY ? (h == 1 ? "week" : "weeks")
                : (h == 1 ? "day" : "days"));
        var future = data.time().extend(h);
        root.put("start", future.date(data.nPeriods()).toString());
        root.put("end", future.end().toString());
        root.put("level", sim.level());
        root.put("centred", sim.centred());
        root.put("draws", sim.drawCount());
        root.put("model_draws", sim.modelDrawCount());
        ArrayNode ch = root.putArray("channels");
        sim.channels().forEach(ch::add);
        ArrayNode geos = root.putArray("geos");
        data.geos().forEach(geos::add);
        ArrayNode groups = root.putArray("groups");
        io.github.mmm4j.core.CsvSchema.cells(data.geos()).ifPresent(cells -> {
            // brand x region cells: each brand and each region is a group of cells the page can edit at once
            for (int part = 0; part < 2; part++) {
                java.util.Map<String, ArrayNode> byName = new java.util.LinkedHashMap<>();
                for (int g = 0; g < cells.size(); g++) {
                    String name = cells.get(g)[part];
                    int p = part;
                    byName.computeIfAbsent(name, n -> {
                        ObjectNode o = groups.addObject();
                        o.put("kind", p == 0 ? "brand" : "region");
                        o.put("name", n);
                        return o.putArray("geos");
                    }).add(g);
                }
            }
        });
        numbers(root.putArray("current"), sim.currentSpend());
        if (recommended == null) {
            root.putNull("recommended");
        } else {
            numbers(root.putArray("recommended"), recommended);
        }
        numbers(root.putArray("typical"), sim.typicalSpend());
        // the most the data spent on each channel in one period (over geos): beyond it the page warns
        numbers(root.putArray("history_max"), sim.historyMaxSpend());
        ArrayNode shares = root.putArray("shares");
        for (int c = 0; c < nc; c++) {
            numbers(shares.addArray(), sim.geoShares(c));
        }
        ArrayNode sets = root.putArray("sets");
        for (int k = 0; k < sim.setCount(); k++) {
            ArrayNode set = sets.addArray();
            for (int c = 0; c < nc; c++) {
                ObjectNode t = set.addObject();
                t.put("f", Simulator.family(sim.saturation(k, c)));
                numbers(t.putArray("p"), Simulator.parameters(sim.saturation(k, c)));
                double[][] terms = sim.terms(k, c);
                t.put("a", base64(terms[0]));
                t.put("b", base64(terms[1]));
                // rows come in blocks of the horizon, one block per geo with a constant multiplier: send the
                // block's geo and multiplier once (the page repeats them over the block's rows)
                int[] geo = sim.termGeos(k, c);
                int blocks = geo.length / h;
                double[] m = new double[blocks];
                boolean ones = true;
                ArrayNode gs = t.putArray("gs");
                for (int i = 0; i < blocks; i++) {
                    gs.add(geo[i * h]);
                    m[i] = terms[2][i * h];
                    ones &= m[i] == 1.0;
                }
                if (ones) {
                    t.putNull("m");
                } else {
                    t.put("m", base64(m));
                }
            }
        }
        int nd = sim.drawCount();
        ArrayNode setOf = root.putArray("set_of");
        double[] beta = new double[nd * nc];
        double[] nonMedia = new double[nd];
        for (int d = 0; d < nd; d++) {
            setOf.add(sim.setOf(d));
            for (int c = 0; c < nc; c++) {
                beta[d * nc + c] = sim.beta(d, c);
            }
            nonMedia[d] = sim.nonMedia(d);
        }
        root.put("beta", base64(beta));
        root.put("non_media", base64(nonMedia));
        double[] w = new double[sim.setCount() * nc];
        for (int k = 0; k < sim.setCount(); k++) {
            for (int c = 0; c < nc; c++) {
                w[k * nc + c] = sim.expectedWeight(k, c);
            }
        }
        root.put("weights", base64(w));
        root.put("expected_non_media", sim.nonMedia(-1));
        double[][] pt = sim.priceTerms();
        if (pt == null) {
            root.putNull("price");
        } else {
            ObjectNode p = root.putObject("price");
            p.put("control", sim.priceControl());
            p.put("mean_price", sim.meanPrice());
            numbers(p.putArray("observed"), sim.observedPriceRange());
            p.put("groups", pt[3].length);
            ArrayNode groupOf = p.putArray("group_of");
            for (double g : pt[0]) {
                groupOf.add((int) g);
            }
            p.put("level", base64(pt[1]));
            p.put("lr", base64(pt[2]));
            numbers(p.putArray("curvature"), pt[3]);
            p.put("coef", base64(pt[4]));
            numbers(p.putArray("expected_coef"), pt[5]);
        }
        return root;
    }

    private static void numbers(ArrayNode a, double[] v) {
        for (double x : v) {
            Checks.checkFinite("value", x);
            a.add(x);
        }
    }

    /** Little-endian IEEE 754 doubles, base64: exact, and about 11 characters a number. */
    static String base64(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }
}
