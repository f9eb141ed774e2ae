package io.github.mmm4j.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mmm4j.core.AtomicFiles;
import io.github.mmm4j.core.Mmm4j;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of a {@link RecoveryBenchmark}: per channel, over {@code R} replicates with per-replicate truth
 * {@code roi_i}, {@code share_i} and estimates {@code roiHat_i}, {@code shareHat_i}:
 * <ul>
 *   <li>{@code roiBias = mean_i(roiHat_i - roi_i)}, {@code roiRmse = sqrt(mean_i (roiHat_i - roi_i)^2)}, and
 *       likewise {@code shareBias}, {@code shareRmse} (share as a fraction, not percent);</li>
 *   <li>{@code coverage90}: among replicates whose estimate has an interval, the fraction with
 *       {@code roiLower <= roi_i <= roiUpper}; NaN if no replicate has one ({@code intervals} counts them);</li>
 *   <li>{@code meanWidth}: the mean of {@code roiUpper - roiLower} over those replicates, NaN without
 *       intervals;</li>
 * </ul>
 * and overall {@code rankCorrelation}, the mean over replicates of Spearman's correlation between estimated
 * and true channel ROIs (replicates where it is undefined are skipped; NaN with a single channel).
 *
 * @param scenario the scenario's name
 * @param model the model's name
 * @param seed the master seed
 * @param rankCorrelation mean Spearman correlation of estimated and true ROI
 * @param channels per channel summaries, in the scenario's channel order
 * @param replicates every replicate's seeds and per channel numbers, in replicate order
 */
public record RecoveryReport(String scenario, String model, long seed, double rankCorrelation,
        List<ChannelSummary> channels, List<Replicate> replicates) {

    /** Copies. */
    public RecoveryReport {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(model, "model");
        channels = List.copyOf(channels);
        replicates = List.copyOf(replicates);
    }

    /**
     * The summary of one channel over all replicates (see the class comment for the formulas).
     *
     * @param name the channel
     * @param trueRoi mean true ROI
     * @param roi mean estimated ROI
     * @param roiBias mean error of the ROI
     * @param roiRmse root mean squared error of the ROI
     * @param trueShare mean true share
     * @param share mean estimated share
     * @param shareBias mean error of the share
     * @param shareRmse root mean squared error of the share
     * @param coverage90 fraction of intervals containing the true ROI, NaN without intervals
     * @param intervals number of replicates with an interval
     * @param meanWidth mean width of the ROI intervals, NaN without intervals
     */
    public record ChannelSummary(String name, double trueRoi, double roi, double roiBias, double roiRmse,
            double trueShare, double share, double shareBias, double shareRmse, double coverage90, int intervals,
            double meanWidth) {
    }

    /**
     * One replicate's truth and estimate for one channel.
     *
     * @param name the channel
     * @param trueRoi the true ROI
     * @param roi the estimated ROI
     * @param trueShare the true share
     * @param share the estimated share
     * @param roiLower lower 90% bound, NaN without an interval
     * @param roiUpper upper 90% bound, NaN without an interval
     */
    public record ChannelResult(String name, double trueRoi, double roi, double trueShare, double share,
            double roiLower, double roiUpper) {
    }

    /**
     * One replicate.
     *
     * @param index its position, from 0
     * @param dataSeed the seed its data were generated with
     * @param fitSeed the seed passed to the estimator
     * @param channels per channel results, in the scenario's channel order
     */
    public record Replicate(int index, long dataSeed, long fitSeed, List<ChannelResult> channels) {
        /** Copies. */
        public Replicate {
            channels = List.copyOf(channels);
        }

        /** @return Spearman's correlation of the estimated and true ROIs of this replicate */
        public double spearman() {
            double[] t = new double[channels.size()];
            double[] e = new double[channels.size()];
            for (int c = 0; c < t.length; c++) {
                t[c] = channels.get(c).trueRoi();
                e[c] = channels.get(c).roi();
            }
            return RecoveryBenchmark.spearman(e, t);
        }
    }

    static RecoveryReport of(String scenario, String model, long seed, List<String> names, List<Replicate> reps) {
        List<ChannelSummary> sums = new ArrayList<>();
        int n = reps.size();
        for (int c = 0; c < names.size(); c++) {
            double tr = 0;
            double er = 0;
            double bias = 0;
            double mse = 0;
            double ts = 0;
            double es = 0;
            double sbias = 0;
            double smse = 0;
            int intervals = 0;
            int covered = 0;
            double width = 0;
            for (Replicate r : reps) {
                ChannelResult x = r.channels().get(c);
                tr += x.trueRoi();
                er += x.roi();
                double d = x.roi() - x.trueRoi();
                bias += d;
                mse += d * d;
                ts += x.trueShare();
                es += x.share();
                double ds = x.share() - x.trueShare();
                sbias += ds;
                smse += ds * ds;
                if (Double.isFinite(x.roiLower()) && Double.isFinite(x.roiUpper())) {
                    intervals++;
                    width += x.roiUpper() - x.roiLower();
                    if (x.roiLower() <= x.trueRoi() && x.trueRoi() <= x.roiUpper()) {
                        covered++;
                    }
                }
            }
            sums.add(new ChannelSummary(names.get(c), tr / n, er / n, bias / n, Math.sqrt(mse / n), ts / n, es / n,
                    sbias / n, Math.sqrt(smse / n), intervals == 0 ? Double.NaN : (double) covered / intervals,
                    intervals, intervals == 0 ? Double.NaN : width / intervals));
        }
        double rho = 0;
        int k = 0;
        for (Replicate r : reps) {
            double s = r.spearman();
            if (Double.isFinite(s)) {
                rho += s;
                k++;
            }
        }
        return new RecoveryReport(scenario, model, seed, k == 0 ? Double.NaN : rho / k, sums, reps);
    }

    /**
     * The report as JSON, the content of {@code recovery.json}. Stable field names: {@code scenario},
     * {@code model}, {@code seed}, {@code replicates} (count), {@code version}, {@code rankCorrelation};
     * {@code channels}, a list with {@code name}, {@code trueRoi}, {@code roi}, {@code roiBias}, {@code roiRmse},
     * {@code trueShare}, {@code share}, {@code shareBias}, {@code shareRmse}, {@code coverage90},
     * {@code intervals}, {@code meanWidth}; and {@code replicateResults}, a list with {@code index}, {@code dataSeed},
     * {@code fitSeed}, {@code spearman} and {@code channels} ({@code name}, {@code trueRoi}, {@code roi},
     * {@code trueShare}, {@code share}, {@code roiLower}, {@code roiUpper}). Non-finite numbers are
     * {@code null}. Nothing in it depends on the thread count.
     *
     * @return pretty-printed JSON ending in a newline
     */
    public String toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("scenario", scenario);
        root.put("model", model);
        root.put("seed", seed);
        root.put("replicates", replicates.size());
        root.put("version", Mmm4j.version());
        JsonNumbers.num(root, "rankCorrelation", rankCorrelation);
        ArrayNode chs = root.putArray("channels");
        for (ChannelSummary c : channels) {
            ObjectNode o = chs.addObject();
            o.put("name", c.name());
            JsonNumbers.num(o, "trueRoi", c.trueRoi());
            JsonNumbers.num(o, "roi", c.roi());
            JsonNumbers.num(o, "roiBias", c.roiBias());
            JsonNumbers.num(o, "roiRmse", c.roiRmse());
            JsonNumbers.num(o, "trueShare", c.trueShare());
            JsonNumbers.num(o, "share", c.share());
            JsonNumbers.num(o, "shareBias", c.shareBias());
            JsonNumbers.num(o, "shareRmse", c.shareRmse());
            JsonNumbers.num(o, "coverage90", c.coverage90());
            o.put("intervals", c.intervals());
            JsonNumbers.num(o, "meanWidth", c.meanWidth());
        }
        ArrayNode reps = root.putArray("replicateResults");
        for (Replicate r : replicates) {
            ObjectNode o = JsonNumbers.replicate(reps.addObject(), r.index(), r.dataSeed(), r.fitSeed());
            JsonNumbers.num(o, "spearman", r.spearman());
            ArrayNode cs = o.putArray("channels");
            for (ChannelResult c : r.channels()) {
                ObjectNode co = cs.addObject();
                co.put("name", c.name());
                JsonNumbers.num(co, "trueRoi", c.trueRoi());
                JsonNumbers.num(co, "roi", c.roi());
                JsonNumbers.num(co, "trueShare", c.trueShare());
                JsonNumbers.num(co, "share", c.share());
                JsonNumbers.num(co, "roiLower", c.roiLower());
                JsonNumbers.num(co, "roiUpper", c.roiUpper());
            }
        }
        return root.toPrettyString() + "\n";
    }

    /**
     * Writes {@link #toJson()} to {@code path} atomically.
     *
     * @param path the file
     * @throws java.io.UncheckedIOException if it cannot be written
     */
    public void writeJson(Path path) {
        AtomicFiles.writeString(path, toJson());
    }

    /**
     * A readable table: a header line, the mean rank correlation, then one line per channel with true and
     * estimated mean ROI, ROI bias and RMSE, true share, share bias and RMSE (in percentage points), the
     * coverage of the 90% interval and its mean width ({@code -} without intervals).
     *
     * @return the table, lines ending in {@code \n}
     */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "recovery of '%s' by %s: %d replicates, seed %d%n", scenario, model,
                replicates.size(), seed));
        sb.append(String.format(Locale.ROOT, "mean Spearman rank correlation of ROI: %.3f%n%n", rankCorrelation));
        int w = Math.max(8, channels.stream().mapToInt(c -> c.name().length()).max().orElse(8));
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %9s %9s %9s %9s %10s %10s %10s %6s %9s%n", "channel",
                "true ROI", "est ROI", "ROI bias", "ROI RMSE", "true share", "share bias", "share RMSE", "cov90",
                "width90"));
        for (ChannelSummary c : channels) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %9.3f %9.3f %9.3f %9.3f %9.1f%% %8.1fpp %8.1fpp %6s %9s%n",
                    c.name(), c.trueRoi(), c.roi(), c.roiBias(), c.roiRmse(), 100 * c.trueShare(), 100 * c.shareBias(),
                    100 * c.shareRmse(), JsonNumbers.fixed2(c.coverage90()),
                    Double.isNaN(c.meanWidth()) ? "-" : String.format(Locale.ROOT, "%.3f", c.meanWidth())));
        }
        return sb.toString();
    }

}
