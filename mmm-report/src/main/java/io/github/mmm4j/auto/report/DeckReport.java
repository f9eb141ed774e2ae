package io.github.mmm4j.auto.report;

import io.github.mmm4j.auto.report.Doc.Figure;
import io.github.mmm4j.core.Numbers;
import io.github.mmm4j.models.Interval;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;

/**
 * Writes {@code report.pptx}: an executive deck of the analysis (Apache POI XSLF), 16:9, one message per slide:
 * <ol>
 *   <li>the headline and what to do;</li>
 *   <li>ROI by channel with intervals (chart and table, marginal ROI beside it);</li>
 *   <li>on a panel, ROI by region (one series per brand on brand x region cells) with intervals, per channel, four
 *       small multiples a slide (the HTML report's, up to 60 regions);</li>
 *   <li>response curves with the current and the recommended spend marked;</li>
 *   <li>the recommended plan: spend per period now and recommended, the expected contribution with its interval,
 *       and the expected KPI of both plans (only when a plan was computed);</li>
 *   <li>where the KPI comes from: the contribution waterfall and the fit against actuals;</li>
 *   <li>how confident, the quality checks and the warnings.</li>
 * </ol>
 * Numbers are written as a reader expects them (thousands separators, three significant digits for ratios,
 * percentages with one decimal), never in exponent notation. The document's times and the zip entries' times are
 * fixed, so the same input gives the same bytes.
 */
final class DeckReport {

    /** Slide size in points: 13.333 x 7.5 inches, 16:9. */
    static final Dimension PAGE = new Dimension(960, 540);
    private static final Color INK = new Color(0x1B1B1B);
    private static final Color MUTED = new Color(0x555555);
    private static final Color ACCENT = new Color(0x0072B2);
    private static final Color HEADER = new Color(0xE8EEF4);
    private static final double MARGIN = 36;

    private DeckReport() {
    }

    /** Writes the deck to {@code out}, which is not closed. */
    static void write(ReportData r, List<Figure> figures, OutputStream out) throws IOException {
        try (XMLSlideShow ppt = new XMLSlideShow()) {
            ppt.setPageSize(PAGE);
            java.util.Date fixed = java.util.Date.from(r.dates.get(0).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            var core = ppt.getProperties().getCoreProperties();
            core.setCreated(Optional.of(fixed));
            core.setModified(Optional.of(fixed));
            core.setCreator("mmm4j");
            core.setTitle(r.narrative.title());
            Figures f = new Figures(figures);
            headline(ppt, r);
            roi(ppt, r, f);
            roiByRegion(ppt, r, f);
            curves(ppt, r, f);
            if (r.input.plan().isPresent()) {
                plan(ppt, r);
            }
            sources(ppt, r, f);
            confidence(ppt, r);
            int n = ppt.getSlides().size();
            for (int i = 0; i < n; i++) {
                footer(ppt.getSlides().get(i), r, i + 1, n);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ppt.write(bytes);
            out.write(WorkbookReport.fixedZipTimes(bytes.toByteArray()));
        }
    }

    /** The report's figures by role (see {@link Charts#all}). */
    private static final class Figures {
        final Figure fit;
        final Figure waterfall;
        final Figure roi;
        final List<Figure> curves;
        /** On a panel, per channel the ROI in each region (or geo), one series per brand. */
        final List<Figure> regions;

        Figures(List<Figure> all) {
            fit = byId(all, "fit");
            waterfall = byId(all, "waterfall");
            roi = byId(all, "roi");
            curves = all.stream().filter(f -> f.id().startsWith("curve-")).toList();
            regions = all.stream().filter(f -> f.id().startsWith("roi-region-")).toList();
        }

        private static Figure byId(List<Figure> all, String id) {
            return all.stream().filter(f -> f.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no chart '" + id + "'"));
        }
    }

    // ------------------------------------------------------------------ slides

    private static void headline(XMLSlideShow ppt, ReportData r) {
        XSLFSlide s = ppt.createSlide();
        text(s, r.narrative.title(), MARGIN, 28, PAGE.width - 2 * MARGIN, 40, 26, true, ACCENT);
        text(s, r.narrative.headline(), MARGIN, 76, PAGE.width - 2 * MARGIN, 80, 20, true, INK);
        Findings f = r.findings;
        text(s, String.format(Locale.ROOT, "%d %s periods of %s, %s to %s. Quality gate: %s (%d of %d checks). "
                + "Confidence: %s.", f.periods(), f.frequency(), f.source(), f.start(), f.end(),
                f.verdict(), f.checksPassed(), f.checksTotal(), f.confidence().toString().toLowerCase(Locale.ROOT)),
                MARGIN, 158, PAGE.width - 2 * MARGIN, 40, 13, false, MUTED);
        text(s, "What to do", MARGIN, 205, 400, 28, 18, true, INK);
        List<String> todo = section(r, "What to do");
        bullets(s, todo.isEmpty() ? List.of("Keep the current plan: no change is recommended.") : todo, MARGIN, 236,
                PAGE.width - 2 * MARGIN, 250, 15);
    }

    private static void roi(XMLSlideShow ppt, ReportData r, Figures f) {
        XSLFSlide s = ppt.createSlide();
        title(s, "Return on investment by channel");
        picture(ppt, s, f.roi, MARGIN - 10, 74, 540, 420);
        List<String[]> rows = new ArrayList<>();
        for (Findings.ChannelFinding c : r.findings.channels()) {
            rows.add(new String[] {c.channel(), ratio(c.roi()), interval(c.roiInterval()), ratio(c.marginalRoi())});
        }
        table(s, new String[] {"channel", "ROI", "interval", "mROI"}, rows, 550, 90, PAGE.width - 550 - MARGIN,
                new double[] {0.3, 0.18, 0.34, 0.18});
        text(s, "ROI: " + r.findings.kpi() + " per unit of spend over the data window, " + pct(r.primary.intervalLevel())
                + " intervals from the " + r.primary.estimator() + " model's draws. Marginal ROI: the return on the "
                + "next unit at the current level (mROI).", 550, 90 + 30 * (rows.size() + 1) + 14, PAGE.width - 550 - MARGIN,
                90, 11, false, MUTED);
    }

    private static void curves(XMLSlideShow ppt, ReportData r, Figures f) {
        grid(ppt, f.curves, "Response curves: current and recommended spend");
    }

    /** On a panel, the small multiples of ROI by region (and brand), four to a slide. */
    private static void roiByRegion(XMLSlideShow ppt, ReportData r, Figures f) {
        boolean cells = io.github.mmm4j.core.CsvSchema.cells(r.data.geos()).isPresent();
        grid(ppt, f.regions, "Return on investment by " + (cells ? "region and brand" : "geo"));
    }

    /** Figures four to a slide, in a 2 x 2 grid, the slides numbered when there are several. */
    private static void grid(XMLSlideShow ppt, List<Figure> figures, String title) {
        for (int start = 0; start < figures.size(); start += 4) {
            XSLFSlide s = ppt.createSlide();
            title(s, title + (figures.size() > 4 ? " (" + (start / 4 + 1) + ")" : ""));
            double w = (PAGE.width - 2 * MARGIN - 16) / 2;
            double h = (PAGE.height - 80 - 40 - 12) / 2;
            for (int i = start; i < Math.min(start + 4, figures.size()); i++) {
                int k = i - start;
                picture(ppt, s, figures.get(i), MARGIN + (k % 2) * (w + 16), 74 + (k / 2) * (h + 12), w, h);
            }
        }
    }

    private static void plan(XMLSlideShow ppt, ReportData r) {
        BudgetPlan p = r.input.plan().orElseThrow();
        XSLFSlide s = ppt.createSlide();
        title(s, "The recommended plan for the next " + p.periods() + " " + r.findings.frequency()
                .replace("weekly", "weeks").replace("daily", "days"));
        List<String[]> rows = new ArrayList<>();
        for (PlanRow row : p.rows()) {
            double cur = row.currentSpend() / p.periods();
            double opt = row.optimalSpend() / p.periods();
            rows.add(new String[] {row.channel(), amount(cur), amount(opt),
                cur > 0 ? signedPct((opt - cur) / cur) : (opt > 0 ? "new" : "0%"), amount(row.expectedContribution()),
                interval(row.contributionInterval())});
        }
        table(s, new String[] {"channel", "now, per period", "recommended", "change", "expected contribution",
            "interval"}, rows, MARGIN, 84, PAGE.width - 2 * MARGIN, new double[] {0.16, 0.16, 0.16, 0.1, 0.2, 0.22});
        double gain = p.expectedKpiOptimal() - p.expectedKpiCurrent();
        String msg = p.improved()
                ? String.format(Locale.ROOT, "Expected %s over the horizon: %s under the current plan, %s under the "
                        + "recommended one (%s%s%s), for the same budget of %s.%s", r.findings.kpi(),
                        amount(p.expectedKpiCurrent()), amount(p.expectedKpiOptimal()), gain >= 0 ? "+" : "",
                        amount(gain), p.gainInterval().map(i -> String.format(Locale.ROOT, "; %.0f%% interval %s to %s",
                                100 * i.level(), amount(i.lower()), amount(i.upper()))).orElse(""), totalText(p),
                        p.gainUncertain() ? " The interval includes a loss: the gain is not certain; move gradually "
                                + "and measure." : "")
                : "No plan under the constraints beats the current one: keep the current plan.";
        text(s, msg, MARGIN, 84 + 30 * (rows.size() + 1) + 20, PAGE.width - 2 * MARGIN, 76, 15, true, INK);
        text(s, (r.data.nGeos() > 1 ? "Spend per period, summed over geos. " : "Spend per period. ")
                + "Try other plans in simulator.html, beside this deck.", MARGIN, 84 + 30 * (rows.size() + 1) + 96,
                PAGE.width - 2 * MARGIN, 40, 11, false, MUTED);
    }

    private static String totalText(BudgetPlan p) {
        return amount(p.totalCurrentSpend());
    }

    private static void sources(XMLSlideShow ppt, ReportData r, Figures f) {
        XSLFSlide s = ppt.createSlide();
        title(s, "Where " + r.findings.kpi() + " comes from");
        double w = (PAGE.width - 2 * MARGIN - 16) / 2;
        picture(ppt, s, f.waterfall, MARGIN, 80, w, 400);
        picture(ppt, s, f.fit, MARGIN + w + 16, 80, w, 400);
    }

    private static void confidence(XMLSlideShow ppt, ReportData r) {
        XSLFSlide s = ppt.createSlide();
        title(s, "How confident, and the checks");
        Findings f = r.findings;
        List<String> left = new ArrayList<>(section(r, "How confident"));
        text(s, "Confidence: " + f.confidence().toString().toLowerCase(Locale.ROOT), MARGIN, 76, 430, 50, 16, true, INK);
        bullets(s, left, MARGIN, 130, 430, 360, 12);
        List<String> right = new ArrayList<>();
        for (var c : f.failedChecks()) {
            right.add(c.name() + ": " + c.evidence());
        }
        List<String> warnings = section(r, "Warnings");
        text(s, "Quality gate: " + f.verdict() + " (" + f.checksPassed() + " of " + f.checksTotal() + " checks passed)",
                500, 76, PAGE.width - 500 - MARGIN, 50, 16, true, INK);
        List<String> all = new ArrayList<>(right);
        all.addAll(warnings);
        if (all.isEmpty()) {
            all.add(f.confidence() == Findings.Confidence.LOW
                    ? "No check failed, but confidence is low for the reasons on the left."
                    : "No check failed and nothing else needs attention.");
        }
        bullets(s, all, 500, 130, PAGE.width - 500 - MARGIN, 360, 12);
    }

    private static void footer(XSLFSlide s, ReportData r, int page, int pages) {
        text(s, "mmm4j | " + r.findings.source() + " | " + page + " / " + pages, MARGIN, PAGE.height - 36,
                PAGE.width - 2 * MARGIN, 24, 9, false, MUTED);
    }

    // ------------------------------------------------------------------ building blocks

    /** The bullets (or, without bullets, the paragraphs) of a narrative section; empty if there is none. */
    private static List<String> section(ReportData r, String heading) {
        for (Narrative.Section sec : r.narrative.sections()) {
            if (sec.heading().equals(heading)) {
                return sec.bullets().isEmpty() ? sec.paragraphs() : sec.bullets();
            }
        }
        return List.of();
    }

    private static void title(XSLFSlide s, String t) {
        text(s, t, MARGIN, 22, PAGE.width - 2 * MARGIN, 40, 24, true, ACCENT);
    }

    private static XSLFTextBox text(XSLFSlide s, String t, double x, double y, double w, double h, double size,
            boolean bold, Color color) {
        XSLFTextBox box = s.createTextBox();
        box.setAnchor(new Rectangle2D.Double(x, y, w, h));
        box.setWordWrap(true);
        XSLFTextParagraph p = box.addNewTextParagraph();
        XSLFTextRun run = p.addNewTextRun();
        run.setText(t);
        run.setFontSize(size);
        run.setBold(bold);
        run.setFontColor(color);
        return box;
    }

    private static void bullets(XSLFSlide s, List<String> items, double x, double y, double w, double h, double size) {
        XSLFTextBox box = s.createTextBox();
        box.setAnchor(new Rectangle2D.Double(x, y, w, h));
        box.setWordWrap(true);
        for (String item : items) {
            XSLFTextParagraph p = box.addNewTextParagraph();
            p.setBullet(true);
            p.setIndentLevel(0);
            p.setLeftMargin(14.0);
            p.setIndent(-14.0);
            p.setSpaceAfter(30.0);
            p.setTextAlign(TextParagraph.TextAlign.LEFT);
            XSLFTextRun run = p.addNewTextRun();
            run.setText(item);
            run.setFontSize(size);
            run.setFontColor(INK);
        }
    }

    /** A figure scaled to fit the box, keeping its aspect ratio, centred in it. */
    private static void picture(XMLSlideShow ppt, XSLFSlide s, Figure f, double x, double y, double w, double h) {
        XSLFPictureData pd = ppt.addPicture(f.png(), PictureData.PictureType.PNG);
        Dimension d = pd.getImageDimension();
        double scale = Math.min(w / d.width, h / d.height);
        double pw = d.width * scale;
        double ph = d.height * scale;
        XSLFPictureShape pic = s.createPicture(pd);
        pic.setAnchor(new Rectangle2D.Double(x + (w - pw) / 2, y + (h - ph) / 2, pw, ph));
    }

    private static void table(XSLFSlide s, String[] header, List<String[]> rows, double x, double y, double w,
            double[] widths) {
        XSLFTable t = s.createTable();
        addRow(t, header, true);
        for (String[] row : rows) {
            addRow(t, row, false);
        }
        for (int c = 0; c < header.length; c++) {
            t.setColumnWidth(c, w * widths[c]);
        }
        t.setAnchor(new Rectangle2D.Double(x, y, w, 30.0 * (rows.size() + 1)));
    }

    private static void addRow(XSLFTable t, String[] cells, boolean header) {
        XSLFTableRow row = t.addRow();
        row.setHeight(30);
        for (int c = 0; c < cells.length; c++) {
            XSLFTableCell cell = row.addCell();
            XSLFTextParagraph p = cell.addNewTextParagraph();
            p.setTextAlign(c == 0 ? TextParagraph.TextAlign.LEFT : TextParagraph.TextAlign.RIGHT);
            XSLFTextRun run = p.addNewTextRun();
            run.setText(cells[c]);
            run.setFontSize(12.0);
            run.setBold(header);
            run.setFontColor(INK);
            if (header) {
                cell.setFillColor(HEADER);
            }
            cell.setBorderColor(org.apache.poi.sl.usermodel.TableCell.BorderEdge.bottom, new Color(0xCCCCCC));
        }
    }

    // ------------------------------------------------------------------ numbers as a reader reads them

    /** An amount with thousands separators and no decimals above 100; three significant digits below. */
    static String amount(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : Numbers.significant(v, 3);
    }

    /** A ratio (ROI) with three significant digits. */
    static String ratio(double v) {
        return Double.isFinite(v) ? Numbers.significant(v, 3) : "n/a";
    }

    private static String interval(Optional<Interval> iv) {
        return iv.map(i -> Math.abs(i.upper()) >= 100 ? amount(i.lower()) + " to " + amount(i.upper())
                : ratio(i.lower()) + " to " + ratio(i.upper())).orElse("n/a");
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    private static String signedPct(double v) {
        return String.format(Locale.ROOT, "%+.0f%%", 100 * v);
    }
}
