package io.github.mmm4j.auto.report;

import io.github.mmm4j.auto.report.Doc.Figure;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn with XChart (Knowm, https://knowm.org/open-source/xchart/) and encoded as PNG. Runs
 * headless: {@code java.awt.headless} is set to {@code true} before the first chart unless the application set it.
 */
final class Charts {

    private static final int W = 960;
    private static final int H = 420;
    private static final int SMALL_W = 470;
    private static final int SMALL_H = 320;
    /** A colour-blind-friendly palette (Okabe and Ito 2008), then greys. */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000),
        new Color(0x999999), new Color(0x666666), new Color(0xBBBBBB), new Color(0x333333)};
    /** Greys for the non-media components. */
    private static final Color[] GREYS = {new Color(0xD9D9D9), new Color(0xB3B3B3), new Color(0xC6DBEF),
        new Color(0x8C8C8C), new Color(0xE6D5B8)};
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);
    private static final Color UP = new Color(0x009E73);
    private static final Color DOWN = new Color(0xD55E00);
    private static final Color TOTAL = new Color(0x0072B2);
    private static final Color BASE = new Color(0x999999);
    /** The fill of interval bands: the primary blue, light. */
    private static final Color BAND = new Color(0xC6DDF0);

    private Charts() {
    }

    /** @return every chart of the report, in display order */
    static List<Figure> all(ReportData r) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<Figure> out = new ArrayList<>();
        out.add(actualVsPredicted(r));
        out.add(residuals(r));
        out.add(contributionsOverTime(r));
        out.add(waterfall(r));
        out.add(shares(r));
        out.add(roiByModel(r));
        out.addAll(roiByRegion(r));
        out.add(roiAndMarginal(r));
        out.add(adstockDecay(r));
        if (r.input.plan().isPresent()) {
            out.add(reallocation(r));
        }
        for (ReportData.Curve c : r.curves) {
            out.add(responseCurve(r, c));
        }
        out.addAll(traces(r));
        out.addAll(priorPosterior(r));
        r.best.search().ifPresent(sr -> out.add(pareto(r, sr)));
        return out;
    }

    /** The hyperparameter search's Pareto front (NRMSE against DECOMP.RSSD) and the candidate the analysis used. */
    private static Figure pareto(ReportData r, io.github.mmm4j.models.search.SearchResult sr) {
        var front = sr.front();
        double[] x = new double[front.size()];
        double[] y = new double[front.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = front.get(i).nrmse();
            y[i] = front.get(i).decompRssd();
        }
        var chosen = io.github.mmm4j.auto.AutoAnalysis.selected(sr);
        XYChart chart = new XYChartBuilder().width(W).height(H).title("Transform search: the Pareto front")
                .xAxisTitle("NRMSE (prediction error)").yAxisTitle("DECOMP.RSSD (effect share against spend share)")
                .build();
        style(chart.getStyler());
        chart.getStyler().setMarkerSize(9);
        XYSeries f = chart.addSeries("front (" + front.size() + " candidates)", x, y);
        f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        f.setMarker(SeriesMarkers.CIRCLE);
        f.setMarkerColor(PALETTE[0]);
        XYSeries c = chart.addSeries("used: lowest NRMSE", new double[] {chosen.nrmse()},
                new double[] {chosen.decompRssd()});
        c.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.setMarker(SeriesMarkers.DIAMOND);
        c.setMarkerColor(DOWN);
        return figure("pareto", chart, String.format(Locale.ROOT, "The hyperparameter search (%,d evaluations) that "
                + "gave ridge and NNLS their transforms: no candidate on the front beats another on both "
                + "objectives; the analysis uses the one that predicts best (lowest NRMSE), since DECOMP.RSSD pulls "
                + "effect shares towards spend shares.", sr.evaluations()), false);
    }

    /**
     * For a Bayesian primary model whose channels have ROI priors, each channel's ROI prior (its density) against the
     * posterior (a histogram of the draws, as a density): how far the data moved the estimate from the prior.
     */
    private static List<Figure> priorPosterior(ReportData r) {
        List<Figure> out = new ArrayList<>();
        var diag = r.primary.samplerDiagnostics();
        io.github.mmm4j.models.bayes.BayesPriors priors = null;
        for (var e : r.best.config().estimators()) {
            if (e instanceof io.github.mmm4j.models.bayes.BayesianMmm b && r.primary.estimator().equals("bayes")) {
                priors = b.options().priors();
            }
        }
        if (diag.isEmpty() || priors == null) {
            return out;
        }
        for (int c = 0; c < r.data.nChannels(); c++) {
            String channel = r.data.channels().get(c);
            String name = "roi[" + channel + "]";
            var prior = io.github.mmm4j.models.bayes.BayesianMmm.roiPrior(priors, r.primary, channel);
            if (prior.isEmpty() || !diag.get().parameterNames().contains(name)) {
                continue;
            }
            double[] draws = diag.get().parameterDraws(name).clone();
            Arrays.sort(draws);
            double hi = Math.max(draws[(int) (0.995 * (draws.length - 1))], 1e-12);
            // the prior's own upper quantile, found on a grid (its density is all we need)
            int bins = 40;
            double[] x = new double[bins];
            double[] post = new double[bins];
            double width = hi / bins;
            for (double v : draws) {
                int b = (int) Math.floor(v / width);
                if (b >= 0 && b < bins) {
                    post[b] += 1.0 / (draws.length * width);
                }
            }
            for (int b = 0; b < bins; b++) {
                x[b] = (b + 0.5) * width;
            }
            int n = 200;
            double[] px = new double[n];
            double[] py = new double[n];
            for (int i = 0; i < n; i++) {
                px[i] = hi * (i + 0.5) / n;
                py[i] = Math.exp(prior.get().logDensity(px[i]));
            }
            XYChart chart = new XYChartBuilder().width(SMALL_W).height(SMALL_H).title("ROI of " + channel
                    + ": prior and posterior").xAxisTitle("ROI").yAxisTitle("density").build();
            style(chart.getStyler());
            chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            XYSeries ps = chart.addSeries("posterior (draws)", x, post);
            ps.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            line(ps, PALETTE[0], 1.5f);
            line(chart.addSeries("prior", px, py), PALETTE[1], 2f);
            java.util.OptionalDouble weight = r.primary.roiDataWeight(channel);
            String share = weight.isPresent() ? String.format(java.util.Locale.ROOT, " Here the data set about %.0f%% "
                    + "of the estimate and the prior the rest%s.", Math.floor(100 * weight.getAsDouble()),
                    weight.getAsDouble() < io.github.mmm4j.models.SamplerDiagnostics.PRIOR_LED_WEIGHT
                            ? ": the estimate is prior-led" : "")
                    : "";
            out.add(figure("prior-" + c, chart, "The ROI of " + channel + ": the prior the Bayesian model started "
                    + "from (" + describe(prior.get()) + ") and the posterior its draws describe; a posterior far "
                    + "narrower than the prior, or away from it, means the data, not the prior, set the estimate."
                    + share, true));
        }
        return out;
    }

    private static String rhat(io.github.mmm4j.models.SamplerDiagnostics sd, String name) {
        for (var p : sd.parameters()) {
            if (p.name().equals(name)) {
                return Fmt.num(p.rhat(), 3);
            }
        }
        return "n/a";
    }

    /** A prior in words: a log-normal by its median and log-scale spread, others by their parameters. */
    private static String describe(io.github.mmm4j.models.bayes.Prior p) {
        if (p instanceof io.github.mmm4j.models.bayes.Prior.LogNormal l) {
            return "log-normal, median " + Fmt.sig(Math.exp(l.mu())) + ", log-scale sd " + Fmt.sig(l.sigma());
        }
        return p.toString();
    }

    /**
     * For a sampled primary model, each channel's ROI draws by chain in sampling order (trace plots): well-mixed
     * chains overlap with no trend.
     */
    private static List<Figure> traces(ReportData r) {
        List<Figure> out = new ArrayList<>();
        var diag = r.primary.samplerDiagnostics();
        if (diag.isEmpty() || diag.get().drawsPerChain() < 4) {
            return out;
        }
        var sd = diag.get();
        for (int c = 0; c < r.data.nChannels(); c++) {
            String name = "roi[" + r.data.channels().get(c) + "]";
            if (!sd.parameterNames().contains(name)) {
                continue;
            }
            double[] all = sd.parameterDraws(name);
            XYChart chart = new XYChartBuilder().width(SMALL_W).height(SMALL_H).title("Sampler trace: ROI of "
                    + r.data.channels().get(c)).xAxisTitle("draw").yAxisTitle("ROI").build();
            style(chart.getStyler());
            chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            chart.getStyler().setXAxisDecimalPattern("#,##0");
            chart.getStyler().setXAxisTickMarkSpacingHint(90);
            int n = sd.drawsPerChain();
            double[] x = index(n);
            for (int k = 0; k < sd.chains(); k++) {
                line(chart.addSeries("chain " + (k + 1), x, Arrays.copyOfRange(all, k * n, (k + 1) * n)),
                        PALETTE[k % PALETTE.length], 0.7f);
            }
            out.add(figure("trace-" + c, chart, String.format(Locale.ROOT, "The %d chains' draws of the ROI of %s "
                    + "in sampling order: converged chains overlap with no trend (R-hat %s).", sd.chains(),
                    r.data.channels().get(c), rhat(sd, name)), true));
        }
        return out;
    }

    /** A solid line of the given colour and width, no markers: explicit, never XChart's dashed/dotted cycle. */
    private static XYSeries line(XYSeries s, Color color, float width) {
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return s;
    }

    private static Figure actualVsPredicted(ReportData r) {
        int nt = r.dates.size();
        int split = r.holdoutStart();
        XYChart chart = new XYChartBuilder().width(W).height(H).title("Actual and predicted " + r.data.kpiName())
                .xAxisTitle("period").yAxisTitle(r.data.kpiName()).build();
        style(chart.getStyler());
        chart.getStyler().setMarkerSize(0);
        dateAxis(chart, r);
        double[] t = index(nt);
        line(chart.addSeries("actual", t, r.actual), Color.BLACK, 1.6f);
        double[] fitT = Arrays.copyOfRange(t, 0, split);
        line(chart.addSeries("predicted (training)", fitT, Arrays.copyOfRange(r.predicted, 0, split)), PALETTE[0], 1.6f);
        if (r.holdout > 0) {
            int from = Math.max(0, split - 1);
            line(chart.addSeries("predicted (holdout)", Arrays.copyOfRange(t, from, nt),
                    Arrays.copyOfRange(r.predicted, from, nt)), PALETTE[5], 1.6f);
            chart.addAnnotation(new AnnotationLine(split - 0.5, true, false));
        }
        String caption = "Actual and predicted " + r.data.kpiName() + " per period"
                + (r.holdout > 0 ? "; the vertical line marks the start of the " + r.holdout
                        + "-period holdout, which the model did not see" : "") + ".";
        return figure("fit", chart, caption, false);
    }

    private static Figure residuals(ReportData r) {
        int nt = r.dates.size();
        int split = r.holdoutStart();
        XYChart chart = new XYChartBuilder().width(W).height(260).title("Residuals: actual minus predicted")
                .xAxisTitle("period").yAxisTitle(r.data.kpiName()).build();
        style(chart.getStyler());
        chart.getStyler().setMarkerSize(4);
        dateAxis(chart, r);
        double[] t = index(nt);
        double[] res = new double[nt];
        double sum = 0;
        for (int i = 0; i < nt; i++) {
            res[i] = r.actual[i] - r.predicted[i];
            sum += Math.abs(r.actual[i]);
        }
        XYSeries a = chart.addSeries("training", Arrays.copyOfRange(t, 0, split), Arrays.copyOfRange(res, 0, split));
        line(a, PALETTE[0], 1.2f).setMarker(SeriesMarkers.CIRCLE);
        a.setMarkerColor(PALETTE[0]);
        if (r.holdout > 0) {
            XYSeries h = chart.addSeries("holdout", Arrays.copyOfRange(t, split, nt), Arrays.copyOfRange(res, split, nt));
            line(h, PALETTE[5], 1.2f).setMarker(SeriesMarkers.CIRCLE);
            h.setMarkerColor(PALETTE[5]);
        }
        chart.addAnnotation(new AnnotationLine(0, false, false));
        return figure("residuals", chart, String.format(Locale.ROOT, "Actual minus predicted %s per period (the mean "
                + "actual is %s): no pattern over time should remain.", r.data.kpiName(),
                Fmt.sig(sum / Math.max(1, nt))), false);
    }

    private static Figure contributionsOverTime(ReportData r) {
        int nt = r.dates.size();
        int ng = r.groups.size();
        int firstChannel = ng - r.data.nChannels();
        boolean nonNegative = true;
        for (double[] s : r.groupSeries) {
            for (double v : s) {
                nonNegative &= v >= 0;
            }
        }
        String title = "Contributions to " + r.data.kpiName() + " over time";
        if (!nonNegative) {
            return contributionBars(r, title);
        }
        // stacked areas: each running total drawn from the top down, so every band shows its own component
        XYChart chart = new XYChartBuilder().width(W).height(H).title(title).xAxisTitle("period")
                .yAxisTitle(r.data.kpiName()).build();
        style(chart.getStyler());
        chart.getStyler().setMarkerSize(0);
        dateAxis(chart, r);
        double[] t = index(nt);
        double[][] cum = new double[ng][nt];
        for (int k = 0; k < ng; k++) {
            for (int i = 0; i < nt; i++) {
                cum[k][i] = (k > 0 ? cum[k - 1][i] : 0) + r.groupSeries.get(k)[i];
            }
        }
        for (int k = ng - 1; k >= 0; k--) {
            XYSeries s = chart.addSeries(unique(chart.getSeriesMap(), r.groups.get(k)), t, cum[k]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            Color c = k < firstChannel ? GREYS[k % GREYS.length] : PALETTE[(k - firstChannel) % PALETTE.length];
            s.setFillColor(c);
            line(s, c.darker(), 0.6f);
        }
        return figure("contributions", chart, "Predicted " + r.data.kpiName() + " per period split into its "
                + "components, stacked: the base in greys (intercept, trend, seasonality, controls, events) and each "
                + "channel in colour above it.", false);
    }

    /** Stacked bars: used when a component goes below zero, which stacked areas cannot show. */
    private static Figure contributionBars(ReportData r, String title) {
        int nt = r.dates.size();
        CategoryChart chart = new CategoryChartBuilder().width(W).height(H).title(title).xAxisTitle("period")
                .yAxisTitle(r.data.kpiName()).build();
        style(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setXAxisMaxLabelCount(12);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setAvailableSpaceFill(1.0);
        List<String> x = new ArrayList<>();
        for (int t = 0; t < nt; t++) {
            x.add(r.dates.get(t).toString());
        }
        int firstChannel = r.groups.size() - r.data.nChannels();
        for (int k = 0; k < r.groups.size(); k++) {
            CategorySeries s = chart.addSeries(unique(chart.getSeriesMap(), r.groups.get(k)), x, list(r.groupSeries.get(k)));
            s.setFillColor(k < firstChannel ? GREYS[k % GREYS.length] : PALETTE[(k - firstChannel) % PALETTE.length]);
        }
        return figure("contributions", chart, "Predicted " + r.data.kpiName() + " per period split into its "
                + "components, stacked: base (intercept, trend, seasonality, controls, events) and each channel; a "
                + "component below zero is drawn below the axis.", false);
    }

    /**
     * The waterfall as thick bars on a numeric axis (so that each bar carries its value and share as a label in data
     * coordinates).
     */
    private static Figure waterfall(ReportData r) {
        int nc = r.data.nChannels();
        List<String> x = new ArrayList<>();
        x.add("base");
        x.addAll(r.data.channels());
        x.add("total");
        int n = x.size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] value = new double[n];
        hi[0] = r.baseTotal;
        value[0] = r.baseTotal;
        double run = r.baseTotal;
        for (int c = 0; c < nc; c++) {
            double v = r.channelTotals[c];
            lo[c + 1] = Math.min(run, run + v);
            hi[c + 1] = Math.max(run, run + v);
            value[c + 1] = v;
            run += v;
        }
        hi[n - 1] = r.predictedTotal;
        value[n - 1] = r.predictedTotal;
        XYChart chart = new XYChartBuilder().width(W).height(H).title("From base to total " + r.data.kpiName())
                .yAxisTitle(r.data.kpiName()).build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setXAxisMin(-0.6);
        chart.getStyler().setXAxisMax(n - 0.4);
        chart.getStyler().setYAxisMin(Math.min(0, Arrays.stream(lo).min().orElse(0)));
        double top = Arrays.stream(hi).max().orElse(1);
        chart.getStyler().setYAxisMax(1.12 * top);
        categoryAxis(chart, x, W);
        float bar = (float) Math.max(6, 0.55 * (W - 140) / n);
        double total = r.predictedTotal;
        for (int i = 0; i < n; i++) {
            Color color = i == 0 || i == n - 1 ? BASE : value[i] >= 0 ? UP : DOWN;
            XYSeries s = chart.addSeries("bar " + i, new double[] {i, i}, new double[] {lo[i], hi[i]});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(color);
            s.setLineStyle(new BasicStroke(bar, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            String label = Fmt.sig(value[i]) + (total != 0 ? " (" + Fmt.pct(value[i] / total) + ")" : "");
            chart.addAnnotation(new AnnotationText(label, i, hi[i] + 0.04 * top, false));
        }
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        return figure("waterfall", chart, "Waterfall of " + r.data.kpiName() + " over the data window: the base "
                + "(everything but media), each channel's contribution (green adds, orange subtracts) and the predicted "
                + "total, each with its share of the total.", false);
    }

    /** Share of spend against share of effect per channel (Robyn's one-pager). */
    private static Figure shares(ReportData r) {
        List<Findings.ChannelFinding> ch = r.findings.channels();
        return pairedBars("shares", "Share of spend and share of effect", "% of media total", "0.0", ch,
                "share of spend (%)", c -> 100 * c.spendShare(), BASE, "share of effect (%)",
                c -> 100 * c.contributionShare(), TOTAL, "Each channel's share of media spend and of the media effect "
                        + "over the data window, in percent: a channel whose effect share exceeds its spend share "
                        + "returns more than the average channel.");
    }

    /** Two bars per channel, each labelled with its value. */
    private static Figure pairedBars(String id, String title, String yTitle, String pattern,
            List<Findings.ChannelFinding> channels, String aName, java.util.function.ToDoubleFunction<
                    Findings.ChannelFinding> a, Color aColor, String bName, java.util.function.ToDoubleFunction<
                    Findings.ChannelFinding> b, Color bColor, String caption) {
        List<String> x = new ArrayList<>();
        List<Double> ya = new ArrayList<>();
        List<Double> yb = new ArrayList<>();
        double max = 1e-9;
        for (Findings.ChannelFinding c : channels) {
            x.add(c.channel());
            double va = a.applyAsDouble(c);
            double vb = b.applyAsDouble(c);
            ya.add(Double.isFinite(va) ? va : 0);
            yb.add(Double.isFinite(vb) ? vb : 0);
            max = Math.max(max, Math.max(ya.get(ya.size() - 1), yb.get(yb.size() - 1)));
        }
        CategoryChart chart = new CategoryChartBuilder().width(W).height(H).title(title).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(x.size() > 6 ? 45 : 0);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsPosition(1.0);
        chart.getStyler().setYAxisDecimalPattern(pattern);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setYAxisMax(1.15 * max);
        chart.addSeries(aName, x, ya).setFillColor(aColor);
        chart.addSeries(bName, x, yb).setFillColor(bColor);
        return figure(id, chart, caption, false);
    }

    private static Figure roiByModel(ReportData r) {
        List<FittedModel> models = r.best.models();
        int nc = r.data.nChannels();
        int nm = models.size();
        XYChart chart = new XYChartBuilder().width(W).height(H).title("ROI by channel and model")
                .yAxisTitle(r.data.kpiName() + " per unit of spend").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisMin(-0.5);
        chart.getStyler().setXAxisMax(nc - 0.5);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        categoryAxis(chart, r.data.channels(), W);
        double width = 0.4;
        for (int m = 0; m < nm; m++) {
            FittedModel model = models.get(m);
            Color color = PALETTE[m % PALETTE.length];
            double off = nm == 1 ? 0 : -width / 2 + width * m / (nm - 1);
            double[] x = new double[nc];
            double[] y = new double[nc];
            for (int c = 0; c < nc; c++) {
                ChannelSummary s = model.channels().get(c);
                x[c] = c + off;
                y[c] = Double.isFinite(s.roi()) ? s.roi() : 0;
                if (s.roiInterval().isPresent()) {
                    XYSeries seg = chart.addSeries(model.estimator() + " interval " + c,
                            new double[] {x[c], x[c]},
                            new double[] {s.roiInterval().get().lower(), s.roiInterval().get().upper()});
                    line(seg, color, 3f).setShowInLegend(false);
                }
                if (model == r.primary) {
                    // on the side away from the other models' points
                    double side = m == 0 && nm > 1 ? -0.13 : 0.13;
                    chart.addAnnotation(new AnnotationText(Fmt.sig(y[c]), x[c] + side, y[c], false));
                }
            }
            XYSeries pts = chart.addSeries("ROI, " + model.estimator() + (model == r.primary ? " (primary, labelled)"
                    : ""), x, y);
            pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            pts.setMarker(SeriesMarkers.CIRCLE);
            pts.setMarkerColor(color);
        }
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setMarkerSize(10);
        return figure("roi", chart, String.format(Locale.ROOT, "ROI per channel, one point per model side by side, "
                + "with each model's %.0f%% interval as a solid vertical bar where it gives one; the primary model's "
                + "ROI is labelled.", 100 * r.primary.intervalLevel()), false);
    }

    /** Most geos whose per-geo ROI small multiples are drawn; beyond that the tables carry them. */
    static final int MAX_GEO_CATEGORIES = 60;

    /**
     * On a panel, small multiples: per channel, the primary model's ROI in each region (or geo) with its interval,
     * computed draw by draw ({@link FittedModel#geoChannels()}); on brand x region cells one series per brand, side
     * by side, so brands and regions compare at a glance. None for national data or more than
     * {@link #MAX_GEO_CATEGORIES} regions.
     */
    static List<Figure> roiByRegion(ReportData r) {
        FittedModel m = r.primary;
        List<String> geos = r.data.geos();
        java.util.Optional<List<String[]>> cells = io.github.mmm4j.core.CsvSchema.cells(geos);
        List<String> regions = new ArrayList<>();
        List<String> brands = new ArrayList<>();
        int[] regionOf = new int[geos.size()];
        int[] brandOf = new int[geos.size()];
        for (int g = 0; g < geos.size(); g++) {
            String region = cells.isPresent() ? cells.get().get(g)[1] : geos.get(g);
            String brand = cells.isPresent() ? cells.get().get(g)[0] : "";
            if (!regions.contains(region)) {
                regions.add(region);
            }
            if (!brands.contains(brand)) {
                brands.add(brand);
            }
            regionOf[g] = regions.indexOf(region);
            brandOf[g] = brands.indexOf(brand);
        }
        if (geos.size() < 2 || regions.size() > MAX_GEO_CATEGORIES) {
            return List.of();
        }
        List<List<ChannelSummary>> per = m.geoChannels();
        String level = String.format(Locale.ROOT, "%.0f%%", 100 * m.intervalLevel());
        List<Figure> out = new ArrayList<>();
        int nb = brands.size();
        double width = nb == 1 ? 0 : Math.min(0.6, 0.15 * nb);
        for (int c = 0; c < r.data.nChannels(); c++) {
            String channel = r.data.channels().get(c);
            XYChart chart = new XYChartBuilder().width(SMALL_W).height(SMALL_H).title("ROI of " + channel + " by "
                    + (cells.isPresent() ? "region and brand" : "geo")).yAxisTitle("ROI").build();
            style(chart.getStyler());
            chart.getStyler().setXAxisMin(-0.5);
            chart.getStyler().setXAxisMax(regions.size() - 0.5);
            chart.getStyler().setPlotGridVerticalLinesVisible(false);
            chart.getStyler().setMarkerSize(7);
            chart.getStyler().setLegendVisible(nb > 1);
            if (regions.size() > 8) {
                chart.getStyler().setXAxisLabelRotation(45);
            }
            categoryAxis(chart, regions, SMALL_W);
            for (int b = 0; b < nb; b++) {
                Color color = PALETTE[b % PALETTE.length];
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (int g = 0; g < geos.size(); g++) {
                    ChannelSummary cs = per.get(g).get(c);
                    if (brandOf[g] != b || !(cs.spend() > 0) || !Double.isFinite(cs.roi())) {
                        continue;
                    }
                    double x = regionOf[g] + (nb == 1 ? 0 : -width / 2 + width * b / (nb - 1));
                    xs.add(x);
                    ys.add(cs.roi());
                    if (cs.roiInterval().isPresent()) {
                        line(chart.addSeries(channel + " " + geos.get(g) + " interval", new double[] {x, x},
                                new double[] {cs.roiInterval().get().lower(), cs.roiInterval().get().upper()}),
                                color, 2f).setShowInLegend(false);
                    }
                }
                if (xs.isEmpty()) {
                    continue;
                }
                XYSeries pts = chart.addSeries(nb > 1 ? brands.get(b) : "ROI", xs, ys);
                pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                pts.setMarker(SeriesMarkers.CIRCLE);
                pts.setMarkerColor(color);
            }
            out.add(figure("roi-region-" + c, chart, "ROI of " + channel + " in each " + (cells.isPresent()
                    ? "region, one colour per brand," : "geo,") + " from the " + m.estimator() + " model, with its "
                    + level + " interval as a vertical bar (computed draw by draw); a cell without spend on the "
                    + "channel has no point.", true));
        }
        return out;
    }

    /** ROI against marginal ROI per channel (the primary model). */
    private static Figure roiAndMarginal(ReportData r) {
        return pairedBars("roi-mroi", "ROI and marginal ROI", r.data.kpiName() + " per unit of spend", "#,##0.00",
                r.findings.channels(), "ROI (average return)", Findings.ChannelFinding::roi, TOTAL,
                "marginal ROI (next unit)", Findings.ChannelFinding::marginalRoi, PALETTE[1], "Average return (ROI "
                        + "over the data window) and the return on the next unit of spend at the current level "
                        + "(marginal ROI) per channel, from the " + r.primary.estimator() + " model: where the "
                        + "marginal ROI is far below the ROI, the channel is near saturation.");
    }

    /** How each channel's effect is spread over the periods after the spend (the adstock weights, normalised). */
    private static Figure adstockDecay(ReportData r) {
        XYChart chart = new XYChartBuilder().width(W).height(H).title("Carryover: how long an effect lasts")
                .xAxisTitle("periods after the spend").yAxisTitle("% of the effect").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.#");
        chart.getStyler().setMarkerSize(6);
        int nc = r.data.nChannels();
        for (int c = 0; c < nc; c++) {
            var ad = r.primary.spec().channels().get(c).adstock();
            int len = ad.isFinite() ? Math.min(ad.maxLag() + 1, 26) : 26;
            double[] w = ad.weights(len);
            double total = 0;
            for (double v : w) {
                total += v;
            }
            // show lags until 99% of the effect is in
            int shown = len;
            double acc = 0;
            for (int i = 0; i < len; i++) {
                acc += w[i];
                if (acc >= 0.99 * total) {
                    shown = i + 1;
                    break;
                }
            }
            shown = Math.max(shown, 2);
            double[] x = new double[shown];
            double[] y = new double[shown];
            for (int i = 0; i < shown; i++) {
                x[i] = i;
                y[i] = total > 0 ? 100 * w[i] / total : 0;
            }
            XYSeries s = chart.addSeries(r.data.channels().get(c), x, y);
            line(s, PALETTE[c % PALETTE.length], 2f).setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(PALETTE[c % PALETTE.length]);
        }
        return figure("adstock", chart, "Each channel's adstock in the " + r.primary.estimator() + " model: the share "
                + "of a period's media effect that falls in that period (0) and in each period after it, until 99% "
                + "of it is in.", false);
    }

    private static Figure reallocation(ReportData r) {
        BudgetPlan p = r.input.plan().orElseThrow();
        List<String> x = new ArrayList<>();
        List<Double> cur = new ArrayList<>();
        List<Double> opt = new ArrayList<>();
        for (PlanRow row : p.rows()) {
            x.add(row.channel());
            cur.add(row.currentSpend() / p.periods());
            opt.add(row.optimalSpend() / p.periods());
        }
        CategoryChart chart = new CategoryChartBuilder().width(W).height(H).title("Budget: current and recommended")
                .yAxisTitle("spend per period").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(x.size() > 6 ? 45 : 0);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsPosition(1.0);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setYAxisMax(1.15 * Math.max(1e-9, Math.max(cur.stream().mapToDouble(v -> v).max()
                .orElse(1), opt.stream().mapToDouble(v -> v).max().orElse(1))));
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        chart.addSeries("current", x, cur).setFillColor(BASE);
        chart.addSeries("recommended", x, opt).setFillColor(TOTAL);
        return figure("plan", chart, "Spend per period by channel under the current plan and the recommended plan ("
                + p.periods() + "-period horizon).", false);
    }

    private static Figure responseCurve(ReportData r, ReportData.Curve c) {
        XYChart chart = new XYChartBuilder().width(SMALL_W).height(SMALL_H + 40).title("Response: " + c.channel())
                .xAxisTitle("spend per period").yAxisTitle(r.data.kpiName() + " per period").build();
        style(chart.getStyler());
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        String level = String.format(Locale.ROOT, "%.0f%% interval", 100 * r.primary.intervalLevel());
        if (c.lower() != null) {
            // the band: the upper end filled, then the area under the lower end painted over in the background
            XYSeries up = chart.addSeries(level, c.spend(), c.upper());
            up.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            up.setFillColor(BAND);
            line(up, BAND, 5f);
            XYSeries down = chart.addSeries(" ", c.spend(), c.lower());
            down.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            down.setFillColor(Color.WHITE);
            line(down, BAND, 0.5f).setShowInLegend(false);
        }
        line(chart.addSeries("expected", c.spend(), c.response()), PALETTE[0], 2f);
        int ci = r.data.channelIndex(c.channel());
        XYSeries cur = chart.addSeries("current", new double[] {c.current()},
                new double[] {r.primary.response(ci, c.current())});
        cur.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        cur.setMarker(SeriesMarkers.CIRCLE);
        cur.setMarkerColor(Color.BLACK);
        c.recommended().ifPresent(v -> {
            XYSeries rec = chart.addSeries("recommended", new double[] {v}, new double[] {r.primary.response(ci, v)});
            rec.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            rec.setMarker(SeriesMarkers.DIAMOND);
            rec.setMarkerColor(DOWN);
        });
        chart.getStyler().setMarkerSize(9);
        return figure("curve-" + ci, chart, "Steady-state response of " + r.data.kpiName() + " to spend on "
                + c.channel() + (c.lower() != null ? ", with its " + level : "") + ", and the current"
                + (c.recommended().isPresent() ? " and the recommended" : "") + " spend marked.", true);
    }

    private static void style(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setSeriesColors(PALETTE);
        s.setLocale(Locale.ROOT);
        s.setAntiAlias(true);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setYAxisDecimalPattern("#,##0.###");
        s.setXAxisDecimalPattern("#,##0.###");
    }

    /** Channel (or other category) names as tick labels of a numeric x axis at 0, 1, ... */
    private static void categoryAxis(XYChart chart, List<String> names, int width) {
        chart.getStyler().setXAxisTickMarkSpacingHint(Math.max(10, (int) (0.8 * (width - 120) / Math.max(1,
                names.size()))));
        chart.setCustomXAxisTickLabelsFormatter(v -> {
            long i = Math.round(v);
            return Math.abs(v - i) < 1e-6 && i >= 0 && i < names.size() ? names.get((int) i) : blank(v);
        });
    }



    private static void dateAxis(XYChart chart, ReportData r) {
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) (r.dates.size() - 1));
        chart.setCustomXAxisTickLabelsFormatter(v -> {
            long i = Math.round(v);
            return i >= 0 && i < r.dates.size() ? r.dates.get((int) i).toString() : "";
        });
    }

    /**
     * An invisible tick label, different for every tick: XChart drops a tick spacing whose labels are not all
     * distinct, and an empty label has no outline to measure.
     */
    private static String blank(double v) {
        return " ".repeat(1 + (int) Math.floorMod(Math.round(v * 64), 1024L));
    }

    /** A series name not yet in the chart: {@code name}, or {@code name (2)}, ... */
    private static String unique(java.util.Map<String, ?> series, String name) {
        String n = name;
        int k = 2;
        while (series.containsKey(n)) {
            n = name + " (" + k++ + ")";
        }
        return n;
    }

    private static double[] index(int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
        }
        return t;
    }

    private static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    private static Figure figure(String id, Chart<?, ?> chart, String caption, boolean small) {
        try {
            return new Figure(id, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG), caption,
                    caption, small);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart '" + caption + "' as PNG: " + e.getMessage(), e);
        }
    }
}
