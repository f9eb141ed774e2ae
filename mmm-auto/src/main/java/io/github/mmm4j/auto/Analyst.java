package io.github.mmm4j.auto;

import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the round's models channel by channel: ROI ranking per model, whether the models' ROI intervals
 * overlap and their ranks agree, the plausibility of contributions, and a consensus estimate where the models
 * agree (see {@link Agreement} for the rules). The analyst only describes; the {@link Critic} judges.
 */
public final class Analyst {

    private Analyst() {
    }

    /**
     * @param models the round's fitted models, on the same data
     * @param profile the explorer's profile (sparse channels and collinear pairs weaken a channel's evidence)
     * @return the report
     */
    public static AnalystReport analyse(List<FittedModel> models, DataProfile profile) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no models to analyse");
        }
        List<String> channels = models.get(0).data().channels();
        Map<String, List<String>> ranking = new LinkedHashMap<>();
        Map<String, int[]> ranks = new LinkedHashMap<>();
        Map<String, Double> mediaShare = new LinkedHashMap<>();
        for (FittedModel m : models) {
            List<ChannelSummary> cs = new ArrayList<>(m.channels());
            cs.sort(Comparator.comparingDouble(ChannelSummary::roi).reversed());
            ranking.put(m.estimator(), cs.stream().map(ChannelSummary::name).toList());
            int[] r = new int[channels.size()];
            for (int i = 0; i < cs.size(); i++) {
                r[channels.indexOf(cs.get(i).name())] = i + 1;
            }
            ranks.put(m.estimator(), r);
            double media = m.channels().stream().mapToDouble(ChannelSummary::contribution).sum();
            double kpi = 0;
            for (double v : m.data().kpi()) {
                kpi += v;
            }
            mediaShare.put(m.estimator(), kpi == 0 ? 0 : media / kpi);
        }
        List<String> collinear = new ArrayList<>(profile.mediaCollinearity().severeNames());
        for (String pair : profile.severeCorrelations()) {
            for (String c : channels) {
                if (pair.startsWith(c + " ~ ") || pair.contains(" ~ " + c + " (")) {
                    collinear.add(c);
                }
            }
        }
        List<ChannelConsensus> out = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            String name = channels.get(c);
            List<ModelEstimate> est = new ArrayList<>();
            for (FittedModel m : models) {
                ChannelSummary s = m.channels().get(c);
                est.add(new ModelEstimate(m.estimator(), s.roi(), s.roiInterval(), s.contribution(), s.share(),
                        ranks.get(m.estimator())[c]));
            }
            out.add(consensus(name, est, profile.sparseChannels().contains(name), collinear.contains(name)));
        }
        return new AnalystReport(out, ranking, meanSpearman(new ArrayList<>(ranks.values())), mediaShare);
    }

    static ChannelConsensus consensus(String name, List<ModelEstimate> est, boolean sparse, boolean collinear) {
        boolean overlap = true;
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        boolean allIntervals = true;
        boolean allExcludeZero = true;
        double level = 0.9;
        for (ModelEstimate e : est) {
            if (e.roiInterval().isEmpty()) {
                allIntervals = false;
                continue;
            }
            Interval i = e.roiInterval().get();
            level = i.level();
            lo = Math.max(lo, i.lower());
            hi = Math.min(hi, i.upper());
            allExcludeZero &= i.lower() > 0;
        }
        if (allIntervals) {
            overlap = lo <= hi;
        }
        int minRank = est.stream().mapToInt(ModelEstimate::rank).min().orElse(0);
        int maxRank = est.stream().mapToInt(ModelEstimate::rank).max().orElse(0);
        boolean ranksAgree = maxRank - minRank <= 1;
        List<String> reasons = new ArrayList<>();
        Agreement a;
        if (!overlap) {
            a = Agreement.DISAGREE;
            reasons.add("the models' ROI intervals do not overlap: " + describe(est));
        } else {
            boolean weak = false;
            if (!allIntervals) {
                weak = true;
                reasons.add("not every model gives an interval");
            }
            if (!allExcludeZero) {
                weak = true;
                reasons.add("an ROI interval includes zero: the effect may be nil");
            }
            if (!ranksAgree) {
                weak = true;
                reasons.add(String.format(Locale.ROOT, "the channel ranks between %d and %d depending on the model",
                        minRank, maxRank));
            }
            if (sparse) {
                weak = true;
                reasons.add("the channel is sparse: few periods with spend");
            }
            if (collinear) {
                weak = true;
                reasons.add("the channel's spend is collinear with another channel's");
            }
            a = weak ? Agreement.UNCERTAIN : Agreement.CONFIRMED;
            if (!weak) {
                reasons.add("all models agree and every interval excludes zero");
            }
        }
        Optional<Double> roi = overlap ? Optional.of(est.stream().mapToDouble(ModelEstimate::roi).average().orElse(0))
                : Optional.empty();
        Optional<Interval> iv = overlap && allIntervals && !est.isEmpty() ? Optional.of(new Interval(lo, hi, level))
                : Optional.empty();
        return new ChannelConsensus(name, est, overlap, ranksAgree, roi, iv, a, reasons);
    }

    private static String describe(List<ModelEstimate> est) {
        StringBuilder sb = new StringBuilder();
        for (ModelEstimate e : est) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(e.model()).append(' ').append(String.format(Locale.ROOT, "%.3g", e.roi()));
            e.roiInterval().ifPresent(i -> sb.append(String.format(Locale.ROOT, " [%.3g, %.3g]", i.lower(), i.upper())));
        }
        return sb.toString();
    }

    /** Mean Spearman correlation over pairs of rank vectors (no ties: ranks are a permutation). */
    static double meanSpearman(List<int[]> ranks) {
        if (ranks.size() < 2) {
            return 1;
        }
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < ranks.size(); a++) {
            for (int b = a + 1; b < ranks.size(); b++) {
                int[] x = ranks.get(a);
                int[] y = ranks.get(b);
                int n = x.length;
                if (n < 2) {
                    sum += 1;
                } else {
                    double d2 = 0;
                    for (int i = 0; i < n; i++) {
                        d2 += (double) (x[i] - y[i]) * (x[i] - y[i]);
                    }
                    sum += 1 - 6 * d2 / ((double) n * ((double) n * n - 1));
                }
                pairs++;
            }
        }
        return sum / pairs;
    }
}
