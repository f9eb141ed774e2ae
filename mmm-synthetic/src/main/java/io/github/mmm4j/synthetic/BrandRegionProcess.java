package io.github.mmm4j.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mmm4j.core.AtomicFiles;
import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.Mmm4j;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.core.TimeIndex;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A brand x region panel with known truth, for recovery of the hierarchical Bayesian model with population and price:
 * the process of {@code mmm-bench/panel/brand_region_process.py} (the 24-cell timing panel), written here with
 * mmm4j's own generator, so the draws differ from the script's but the process is the same.
 *
 * <p>Cells are brand {@code b} in region {@code r}, named {@code "BRAND / REGION"} as {@code --brand} and
 * {@code --geo} name them. Per region a population, log-uniform on {@code [2e5, 5e6]}; its size {@code size_r} is the
 * population over the mean population. Per cell and week {@code t}:
 * <pre>
 *   price   = 10 exp(0.05 N - 0.1 [ (t + 3 b) mod 13 &lt; 2 ])                 (a promotion every 13 weeks)
 *   macro   = m_t + 0.1 N,   m_t a random walk with steps 0.05 N, shared by all cells
 *   spend_c = size_r mean_c G_c,t B_c,t,   G ~ Gamma(3, 1/3), B ~ Bernoulli(0.85)  (dark in 15% of the weeks)
 *   x_c     = geometric adstock, normalised, of spend_c / (size_r mean_c), decay alpha_c (all lags)
 *   sales   = base_b size_r season_t (1 + 0.02 N) (price / 10)^e_b + 3 size_r macro
 *             + sum_c size_r base_b beta_c m_bc m_cell,c x_c / (x_c + ec_c) + 2 sqrt(size_r) base_b / 100 N
 * </pre>
 * with {@code season_t = 1 + 0.1 sin(2 pi t / 52.18) + 0.05 cos(4 pi t / 52.18)}, brand levels {@code base_b} 100, 70,
 * 50 (then 100 again), elasticities {@code e_b} -1.2, -1.8, -0.8 (then -1.2), brand effects
 * {@code log m_bc ~ N(0, 0.15^2)} and cell effects {@code log m_cell,c ~ N(0, 0.25^2)} around them; channels
 * {@code tv_spend}, {@code search_spend}, {@code social_spend}, {@code radio_spend} with {@code beta} 0.35, 0.25,
 * 0.15, 0.12, decay 0.6, 0.2, 0.4, 0.5, half-saturation 1.0, 0.8, 1.2, 1.0 and mean spend per head-size 3,000, 1,500,
 * 800, 600. Media act per capita (the spend enters the curve per unit of size), so the model should be fitted with
 * the population, as {@code ./mmm fit --brand brand --geo region --population population --price price --controls
 * macro}. The true ROI of a channel in a cell is its contribution over its spend in the window; per brand, per region
 * and in total it is the summed contribution over the summed spend.
 *
 * <p>{@link Config} varies the process: the spread of the brand and cell effects (0.15 and 0.25 above), the share of
 * dark weeks (0.15) and the noise (a multiple of the sd above); {@link #draw(int, int, int, long)} uses the values
 * above. {@link Scenarios#brandRegion()} draws configurations for jqwik properties.
 */
public final class BrandRegionProcess {

    /** The channels' names. */
    public static final List<String> CHANNELS = List.of("tv_spend", "search_spend", "social_spend", "radio_spend");

    private static final String[] BRAND_NAMES = {"alpha", "beta", "gamma", "delta"};
    private static final double[] BRAND_BASE = {100, 70, 50, 100};
    private static final double[] ELASTICITY = {-1.2, -1.8, -0.8, -1.2};
    private static final double[] BETA = {0.35, 0.25, 0.15, 0.12};
    private static final double[] DECAY = {0.6, 0.2, 0.4, 0.5};
    private static final double[] EC = {1.0, 0.8, 1.2, 1.0};
    private static final double[] SPEND_MEAN = {3000, 1500, 800, 600};

    /**
     * The process's settings.
     *
     * @param nBrands 1 to 4
     * @param nRegions 1 to 99
     * @param weeks at least 8
     * @param brandSd the sd of the log brand effects, in [0, 1]
     * @param cellSd the sd of the log cell effects around their brand's, in [0, 1]
     * @param darkShare the probability of a week without spend, per cell and channel, in [0, 0.9]
     * @param noise the noise sd as a multiple of {@code 2 sqrt(size_r) base_b / 100}, in [0, 10]
     */
    public record Config(int nBrands, int nRegions, int weeks, double brandSd, double cellSd, double darkShare,
            double noise) {

        /** Validates. */
        public Config {
            Checks.checkArgument(nBrands >= 1 && nBrands <= BRAND_NAMES.length, "nBrands = %d; must be in [1, %d]",
                    nBrands, BRAND_NAMES.length);
            Checks.checkArgument(nRegions >= 1 && nRegions <= 99, "nRegions = %d; must be in [1, 99]", nRegions);
            Checks.checkArgument(weeks >= 8, "weeks = %d; must be at least 8", weeks);
            Checks.checkArgument(brandSd >= 0 && brandSd <= 1, "brandSd = %s; must be in [0, 1]", brandSd);
            Checks.checkArgument(cellSd >= 0 && cellSd <= 1, "cellSd = %s; must be in [0, 1]", cellSd);
            Checks.checkArgument(darkShare >= 0 && darkShare <= 0.9, "darkShare = %s; must be in [0, 0.9]",
                    darkShare);
            Checks.checkArgument(noise >= 0 && noise <= 10, "noise = %s; must be in [0, 10]", noise);
        }

        /**
         * The process as the class comment states it.
         *
         * @param nBrands 1 to 4
         * @param nRegions 1 to 99
         * @param weeks at least 8
         * @return brand sd 0.15, cell sd 0.25, dark share 0.15, noise 1
         */
        public static Config of(int nBrands, int nRegions, int weeks) {
            return new Config(nBrands, nRegions, weeks, 0.15, 0.25, 0.15, 1.0);
        }

        /** @return the number of cells, brands times regions */
        public int nCells() {
            return nBrands * nRegions;
        }
    }

    /**
     * A draw with its truth.
     *
     * @param config the settings it was drawn with
     * @param seed the seed it was drawn with
     * @param data the panel: KPI {@code sales}, the four channels, controls {@code price} and {@code macro}, cells
     *     {@code "BRAND / REGION"} with their population
     * @param brands the brands' names, in cell order
     * @param regions the regions' names
     * @param cellSpend per cell (in the data's geo order) and channel, the spend over the window
     * @param cellContribution per cell and channel, the true contribution over the window
     * @param elasticity per brand, the true price elasticity
     */
    public record Draw(Config config, long seed, MmmDataset data, List<String> brands, List<String> regions,
            double[][] cellSpend, double[][] cellContribution, double[] elasticity) {

        /**
         * The true ROI of a channel over a set of cells: summed contribution over summed spend.
         *
         * @param cells indices into the data's geos
         * @param channel index into {@link #CHANNELS}
         * @return the ROI
         */
        public double roi(int[] cells, int channel) {
            double s = 0;
            double c = 0;
            for (int g : cells) {
                s += cellSpend[g][channel];
                c += cellContribution[g][channel];
            }
            return c / s;
        }

        /**
         * @param channel index into {@link #CHANNELS}
         * @return the channel's true ROI over all cells
         */
        public double totalRoi(int channel) {
            int[] all = new int[cellSpend.length];
            for (int g = 0; g < all.length; g++) {
                all[g] = g;
            }
            return roi(all, channel);
        }

        /**
         * @param brand index into {@link #brands()}
         * @return the indices of its cells, in geo order
         */
        public int[] brandCells(int brand) {
            int nr = regions.size();
            int[] out = new int[nr];
            for (int r = 0; r < nr; r++) {
                out[r] = brand * nr + r;
            }
            return out;
        }

        /**
         * @param region index into {@link #regions()}
         * @return the indices of its cells (one per brand), in geo order
         */
        public int[] regionCells(int region) {
            int nb = brands.size();
            int[] out = new int[nb];
            for (int b = 0; b < nb; b++) {
                out[b] = b * regions.size() + region;
            }
            return out;
        }

        /**
         * The panel as CSV in long format, one row per cell and week, cells in geo order: columns {@code date},
         * {@code brand}, {@code region}, {@code population}, {@code sales}, the channels, {@code price},
         * {@code macro}; read it with {@code ./mmm fit data.csv --date date --brand brand --geo region --population
         * population --kpi sales --price price --controls macro}. Numbers are written with
         * {@link Double#toString}, which round-trips exactly.
         *
         * @return the CSV text, lines ending in {@code \n}
         */
        public String toCsv() {
            MmmDataset d = data;
            StringBuilder sb = new StringBuilder("date,brand,region,population,sales");
            for (String c : d.channels()) {
                sb.append(',').append(c);
            }
            sb.append(",price,macro\n");
            double[] pop = d.populations().orElseThrow();
            int nt = d.nPeriods();
            int price = d.controls().indexOf("price");
            int macro = d.controls().indexOf("macro");
            for (int g = 0; g < d.nGeos(); g++) {
                String brand = brands.get(g / regions.size());
                String region = regions.get(g % regions.size());
                for (int t = 0; t < nt; t++) {
                    int r = g * nt + t;
                    sb.append(d.time().date(t)).append(',').append(brand).append(',').append(region).append(',')
                            .append(pop[g]).append(',').append(d.kpi(r));
                    for (int c = 0; c < d.nChannels(); c++) {
                        sb.append(',').append(d.spend(r, c));
                    }
                    sb.append(',').append(d.control(r, price)).append(',').append(d.control(r, macro)).append('\n');
                }
            }
            return sb.toString();
        }

        /**
         * The truth as JSON, the content of {@code truth.json}: {@code process}, {@code seed}, the settings
         * ({@code brands}, {@code regions}, {@code weeks}, {@code brandSd}, {@code cellSd}, {@code darkShare},
         * {@code noise}), {@code channels} (total spend, contribution and ROI per channel), {@code brandTruth} and
         * {@code regionTruth} (each {@code {name, channels}}), {@code cells} (each {@code {brand, region,
         * channels}}) and {@code priceElasticity} (each {@code {brand, elasticity}}).
         *
         * @return pretty-printed JSON ending in a newline
         */
        public String truthJson() {
            JsonNodeFactory f = JsonNodeFactory.instance;
            ObjectNode root = f.objectNode();
            root.put("process", "brand-region");
            root.put("seed", seed);
            root.put("version", Mmm4j.version());
            root.put("brands", config.nBrands());
            root.put("regions", config.nRegions());
            root.put("weeks", config.weeks());
            root.put("brandSd", config.brandSd());
            root.put("cellSd", config.cellSd());
            root.put("darkShare", config.darkShare());
            root.put("noise", config.noise());
            int[] all = new int[cellSpend.length];
            for (int g = 0; g < all.length; g++) {
                all[g] = g;
            }
            channelsJson(root.putArray("channels"), all);
            ArrayNode bs = root.putArray("brandTruth");
            for (int b = 0; b < brands.size(); b++) {
                ObjectNode o = bs.addObject();
                o.put("name", brands.get(b));
                channelsJson(o.putArray("channels"), brandCells(b));
            }
            ArrayNode rs = root.putArray("regionTruth");
            for (int r = 0; r < regions.size(); r++) {
                ObjectNode o = rs.addObject();
                o.put("name", regions.get(r));
                channelsJson(o.putArray("channels"), regionCells(r));
            }
            ArrayNode cs = root.putArray("cells");
            for (int g = 0; g < cellSpend.length; g++) {
                ObjectNode o = cs.addObject();
                o.put("brand", brands.get(g / regions.size()));
                o.put("region", regions.get(g % regions.size()));
                channelsJson(o.putArray("channels"), new int[] {g});
            }
            ArrayNode es = root.putArray("priceElasticity");
            for (int b = 0; b < brands.size(); b++) {
                es.addObject().put("brand", brands.get(b)).put("elasticity", elasticity[b]);
            }
            return root.toPrettyString() + "\n";
        }

        private void channelsJson(ArrayNode out, int[] cells) {
            for (int c = 0; c < CHANNELS.size(); c++) {
                double s = 0;
                double k = 0;
                for (int g : cells) {
                    s += cellSpend[g][c];
                    k += cellContribution[g][c];
                }
                ObjectNode o = out.addObject();
                o.put("name", CHANNELS.get(c));
                o.put("spend", s);
                o.put("contribution", k);
                if (s > 0) {
                    o.put("roi", k / s);
                } else {
                    o.putNull("roi");
                }
            }
        }

        /**
         * Writes {@code dir/data.csv} ({@link #toCsv()}) and {@code dir/truth.json} ({@link #truthJson()}), each
         * atomically; creates {@code dir} if needed.
         *
         * @param dir the output directory
         * @throws java.io.UncheckedIOException if a file cannot be written
         */
        public void write(Path dir) {
            AtomicFiles.writeString(dir.resolve(Generated.DATA_FILE), toCsv());
            AtomicFiles.writeString(dir.resolve(Generated.TRUTH_FILE), truthJson());
        }
    }

    private BrandRegionProcess() {
    }

    /**
     * Draws a panel.
     *
     * @param nBrands 1 to 4
     * @param nRegions 1 to 99
     * @param weeks at least 8
     * @param seed the generator's seed
     * @return the draw
     */
    public static Draw draw(int nBrands, int nRegions, int weeks, long seed) {
        return draw(Config.of(nBrands, nRegions, weeks), seed);
    }

    /**
     * Draws a panel of a configuration.
     *
     * @param config the settings
     * @param seed the generator's seed
     * @return the draw
     */
    public static Draw draw(Config config, long seed) {
        int nBrands = config.nBrands();
        int nRegions = config.nRegions();
        int weeks = config.weeks();
        Rng rng = new Rng(seed);
        int nc = CHANNELS.size();
        List<String> regions = new ArrayList<>();
        double[] pop = new double[nRegions];
        double meanPop = 0;
        for (int r = 0; r < nRegions; r++) {
            regions.add(String.format(java.util.Locale.ROOT, "r%02d", r));
            pop[r] = Math.exp(Math.log(2e5) + rng.nextDouble() * (Math.log(5e6) - Math.log(2e5)));
            meanPop += pop[r] / nRegions;
        }
        double[][] brandEffect = new double[nBrands][nc];
        for (int b = 0; b < nBrands; b++) {
            for (int c = 0; c < nc; c++) {
                brandEffect[b][c] = Math.exp(config.brandSd() * rng.nextGaussian());
            }
        }
        double[] macroCommon = new double[weeks];
        double walk = 0;
        for (int t = 0; t < weeks; t++) {
            walk += 0.05 * rng.nextGaussian();
            macroCommon[t] = walk;
        }
        int nCells = nBrands * nRegions;
        int n = nCells * weeks;
        double[] sales = new double[n];
        double[] price = new double[n];
        double[] macro = new double[n];
        double[][] spend = new double[nc][n];
        double[] population = new double[nCells];
        double[][] cellSpend = new double[nCells][nc];
        double[][] cellContribution = new double[nCells][nc];
        List<String> cells = new ArrayList<>();
        List<String> brands = new ArrayList<>();
        for (int b = 0; b < nBrands; b++) {
            brands.add(BRAND_NAMES[b]);
            for (int r = 0; r < nRegions; r++) {
                int g = b * nRegions + r;
                cells.add(BRAND_NAMES[b] + " / " + regions.get(r));
                population[g] = Math.rint(pop[r]);
                double size = pop[r] / meanPop;
                int off = g * weeks;
                for (int t = 0; t < weeks; t++) {
                    double season = 1 + 0.1 * Math.sin(2 * Math.PI * t / 52.18)
                            + 0.05 * Math.cos(4 * Math.PI * t / 52.18);
                    double promo = (t + 3 * b) % 13 < 2 ? 0.1 : 0.0;
                    price[off + t] = 10 * Math.exp(0.05 * rng.nextGaussian() - promo);
                    macro[off + t] = macroCommon[t] + 0.1 * rng.nextGaussian();
                    double base = BRAND_BASE[b] * size * season * (1 + 0.02 * rng.nextGaussian());
                    sales[off + t] = base * Math.pow(price[off + t] / 10, ELASTICITY[b]) + 3 * size * macro[off + t];
                }
                for (int c = 0; c < nc; c++) {
                    double cellEffect = brandEffect[b][c] * Math.exp(config.cellSd() * rng.nextGaussian());
                    double carry = 0;
                    for (int t = 0; t < weeks; t++) {
                        // Gamma(3, 1/3) as the mean of three unit exponentials; dark in 15% of the weeks
                        double gamma = -(Math.log1p(-rng.nextDouble()) + Math.log1p(-rng.nextDouble())
                                + Math.log1p(-rng.nextDouble())) / 3;
                        double s = rng.nextDouble() > config.darkShare() ? size * SPEND_MEAN[c] * gamma : 0.0;
                        spend[c][off + t] = s;
                        carry = DECAY[c] * carry + s / (size * SPEND_MEAN[c]);
                        double x = (1 - DECAY[c]) * carry;
                        double contribution = size * BRAND_BASE[b] * BETA[c] * cellEffect * x / (x + EC[c]);
                        sales[off + t] += contribution;
                        cellSpend[g][c] += s;
                        cellContribution[g][c] += contribution;
                    }
                }
                for (int t = 0; t < weeks; t++) {
                    sales[off + t] += config.noise() * 2 * Math.sqrt(size) * BRAND_BASE[b] / 100 * rng.nextGaussian();
                }
            }
        }
        TimeIndex time = TimeIndex.regular(LocalDate.of(2022, 1, 3), Frequency.WEEKLY, weeks);
        MmmDataset.Builder builder = MmmDataset.builder(time).geos(cells).kpi("sales", sales);
        for (int c = 0; c < nc; c++) {
            builder.channel(CHANNELS.get(c), spend[c]);
        }
        MmmDataset data = builder.control("price", price).control("macro", macro).population(population).build();
        double[] el = new double[nBrands];
        System.arraycopy(ELASTICITY, 0, el, 0, nBrands);
        return new Draw(config, seed, data, List.copyOf(brands), List.copyOf(regions), cellSpend, cellContribution,
                el);
    }
}
