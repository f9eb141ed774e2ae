package io.github.mmm4j.auto.report;

import io.github.mmm4j.auto.report.Doc.Figure;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationLine;
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

    private Charts() {
    }

    /** @return every chart of the report, in display order */
    static List<Figure> all(ReportData r) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<Figure> out = new ArrayList<>();
        out.add(actualVsPredicted(r));
        out.add(contributionsOverTime(r));
        out.add(waterfall(r));
        out.add(roiByModel(r));
        if (r.input.plan().isPresent()) {
            out.add(reallocation(r));
        }
        for (ReportData.Curve c : r.curves) {
            out.add(responseCurve(r, c));
        }
        return out;
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
        XYSeries a = chart.addSeries("actual", t, r.actual);
        a.setMarker(SeriesMarkers.NONE);
        a.setLineColor(Color.BLACK);
        double[] fitT = java.util.Arrays.copyOfRange(t, 0, split);
        XYSeries f = chart.addSeries("predicted (training)", fitT, java.util.Arrays.copyOfRange(r.predicted, 0, split));
        f.setMarker(SeriesMarkers.NONE);
        f.setLineColor(PALETTE[0]);
        if (r.holdout > 0) {
            int from = Math.max(0, split - 1);
            XYSeries h = chart.addSeries("predicted (holdout)", java.util.Arrays.copyOfRange(t, from, nt),
                    java.util.Arrays.copyOfRange(r.predicted, from, nt));
            h.setMarker(SeriesMarkers.NONE);
            h.setLineColor(PALETTE[5]);
            chart.addAnnotation(new AnnotationLine(split - 0.5, true, false));
        }
        String caption = "Actual and predicted " + r.data.kpiName() + " per period"
                + (r.holdout > 0 ? "; the vertical line marks the start of the " + r.holdout
                        + "-period holdout, which the model did not see" : "") + ".";
        return figure(chart, caption, false);
    }

    private static Figure contributionsOverTime(ReportData r) {
        int nt = r.dates.size();
        CategoryChart chart = new CategoryChartBuilder().width(W).height(H)
                .title("Contributions to " + r.data.kpiName() + " over time").xAxisTitle("period")
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
            List<Double> y = new ArrayList<>();
            for (double v : r.groupSeries.get(k)) {
                y.add(v);
            }
            CategorySeries s = chart.addSeries(unique(chart, r.groups.get(k)), x, y);
            s.setFillColor(k < firstChannel ? GREYS[k % GREYS.length] : PALETTE[(k - firstChannel) % PALETTE.length]);
        }
        return figure(chart, "Predicted " + r.data.kpiName() + " per period split into its components, stacked: "
                + "base (intercept, trend, seasonality, controls, events) and each channel.", false);
    }

    private static Figure waterfall(ReportData r) {
        int nc = r.data.nChannels();
        List<String> x = new ArrayList<>();
        x.add("base");
        x.addAll(r.data.channels());
        x.add("total");
        int n = x.size();
        double[] base = new double[n];
        double[] up = new double[n];
        double[] down = new double[n];
        double[] ends = new double[n];
        ends[0] = r.baseTotal;
        double run = r.baseTotal;
        boolean floating = r.baseTotal >= 0;
        for (int c = 0; c < nc; c++) {
            double v = r.channelTotals[c];
            double next = run + v;
            floating &= next >= 0;
            base[c + 1] = Math.min(run, next);
            if (v >= 0) {
                up[c + 1] = v;
            } else {
                down[c + 1] = -v;
            }
            run = next;
        }
        ends[n - 1] = r.predictedTotal;
        if (!floating) {
            // Running totals below zero cannot float on a stacked bar; show each step from zero instead.
            for (int c = 0; c < nc; c++) {
                base[c + 1] = 0;
                up[c + 1] = r.channelTotals[c];
                down[c + 1] = 0;
            }
        }
        CategoryChart chart = new CategoryChartBuilder().width(W).height(H)
                .title("From base to total " + r.data.kpiName()).yAxisTitle(r.data.kpiName()).build();
        style(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setXAxisLabelRotation(nc > 6 ? 45 : 0);
        CategorySeries b = chart.addSeries(" ", x, list(base));
        b.setFillColor(TRANSPARENT);
        b.setShowInLegend(false);
        chart.addSeries("base and total", x, list(ends)).setFillColor(BASE);
        chart.addSeries("channel adds", x, list(up)).setFillColor(UP);
        chart.addSeries("channel subtracts", x, list(down)).setFillColor(DOWN);
        return figure(chart, "Waterfall of " + r.data.kpiName() + " over the data window: the base (everything but "
                + "media), each channel's contribution, and the predicted total.", false);
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
        chart.getStyler().setXAxisTickMarkSpacingHint(Math.max(10, (int) (0.8 * (W - 120) / Math.max(1, nc))));
        List<String> channels = r.data.channels();
        chart.setCustomXAxisTickLabelsFormatter(v -> {
            long i = Math.round(v);
            return Math.abs(v - i) < 1e-6 && i >= 0 && i < channels.size() ? channels.get((int) i) : blank(v);
        });
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
                    seg.setMarker(SeriesMarkers.NONE);
                    seg.setLineColor(color);
                    seg.setLineWidth(3f);
                    seg.setShowInLegend(false);
                }
            }
            XYSeries pts = chart.addSeries("ROI, " + model.estimator(), x, y);
            pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            pts.setMarker(SeriesMarkers.CIRCLE);
            pts.setMarkerColor(color);
        }
        chart.getStyler().setMarkerSize(10);
        return figure(chart, String.format(Locale.ROOT, "ROI per channel, one point per model side by side, with "
                + "each model's %.0f%% interval as a vertical bar where it gives one.",
                100 * r.primary.intervalLevel()), false);
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
        chart.addSeries("current", x, cur).setFillColor(BASE);
        chart.addSeries("recommended", x, opt).setFillColor(TOTAL);
        return figure(chart, "Spend per period by channel under the current plan and the recommended plan ("
                + p.periods() + "-period horizon).", false);
    }

    private static Figure responseCurve(ReportData r, ReportData.Curve c) {
        XYChart chart = new XYChartBuilder().width(SMALL_W).height(SMALL_H).title("Response: " + c.channel())
                .xAxisTitle("spend per period").yAxisTitle(r.data.kpiName() + " per period").build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        XYSeries s = chart.addSeries("response", c.spend(), c.response());
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(PALETTE[0]);
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
        return figure(chart, "Steady-state response of " + r.data.kpiName() + " to spend on " + c.channel()
                + ", with the current" + (c.recommended().isPresent() ? " and the recommended" : "") + " spend marked.",
                true);
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
    }

    private static void dateAxis(XYChart chart, ReportData r) {
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

    private static String unique(CategoryChart chart, String name) {
        String n = name;
        int k = 2;
        while (chart.getSeriesMap().containsKey(n)) {
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

    private static Figure figure(Chart<?, ?> chart, String caption, boolean small) {
        try {
            return new Figure(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG), caption, caption,
                    small);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart '" + caption + "' as PNG: " + e.getMessage(), e);
        }
    }
}
