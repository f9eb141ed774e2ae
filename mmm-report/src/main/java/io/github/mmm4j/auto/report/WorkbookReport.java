package io.github.mmm4j.auto.report;

import io.github.mmm4j.auto.Check;
import io.github.mmm4j.auto.Round;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@code report.xlsx} with Apache POI: sheets {@code Summary}, {@code Contributions} (per period and geo, per
 * component), {@code ROI} (per model and channel, with intervals), {@code Shapley}, {@code Plan}, {@code Checks}
 * (every check of every round) and {@code Rounds}.
 *
 * <p>Formula injection (OWASP "CSV Injection"): text is only ever written as a string cell, never as a formula, and a
 * text that begins with {@code = + - @}, a tab or a carriage return gets a quote-prefixed style, so that a
 * spreadsheet shows it as text even after the cell is edited. Numbers are numeric cells; non-finite numbers are left
 * blank.
 *
 * <p>Formats, as an analyst expects them: amounts (spend, KPI, contributions) {@code #,##0.00}; ROI and marginal ROI
 * {@code #,##0.000}; shares and interval levels as percentages {@code 0.0%}; dates as date cells
 * {@code yyyy-mm-dd}; counts as integers. One bold header row, frozen. The document's creation and modification
 * times are fixed (the data's first date), so two runs on the same input write the same bytes.
 */
final class WorkbookReport {

    private WorkbookReport() {
    }

    /** Writes the workbook to {@code out}, which is not closed. */
    static void write(ReportData r, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            // fixed document times: the same input gives the same bytes (POI would stamp the time of writing)
            java.util.Date fixed = java.util.Date.from(r.dates.get(0).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            org.apache.poi.ooxml.POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
            core.setCreated(java.util.Optional.of(fixed));
            core.setModified(java.util.Optional.of(fixed));
            core.setCreator("mmm4j");
            Styles st = new Styles(wb);
            summary(wb.createSheet("Summary"), r, st);
            contributions(wb.createSheet("Contributions"), r, st);
            roi(wb.createSheet("ROI"), r, st);
            if (r.data.nGeos() > 1) {
                roiByGeo(wb.createSheet("ROI by geo"), r, st);
            }
            shapley(wb.createSheet("Shapley"), r, st);
            plan(wb.createSheet("Plan"), r, st);
            WorkbookCharts.add(wb, r, st);
            for (org.apache.poi.ss.usermodel.Sheet sh : wb) {
                // printed (or exported to PDF) one page wide, landscape, as many pages down as needed
                sh.setFitToPage(true);
                sh.getPrintSetup().setFitWidth((short) 1);
                sh.getPrintSetup().setFitHeight((short) 0);
                sh.getPrintSetup().setLandscape(true);
            }
            checks(wb.createSheet("Checks"), r, st);
            rounds(wb.createSheet("Rounds"), r, st);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            wb.write(bytes);
            out.write(fixedZipTimes(bytes.toByteArray()));
        }
    }

    /**
     * The zip entries' time, as reproducible builds use: 1980-02-01, a DOS date-time with no time zone involved (the
     * DOS epoch itself, 1980-01-01 00:00, is the JDK's "before 1980" marker, which adds an extended timestamp in the
     * machine's time zone).
     */
    static final java.time.LocalDateTime ZIP_TIME = java.time.LocalDateTime.of(1980, 2, 1, 0, 0);

    /**
     * Rewrites a zip (an xlsx package) with every entry stamped {@link #ZIP_TIME}, in the same order and with the same
     * content: POI stamps each entry with the time of writing, so two runs would differ in those bytes alone.
     */
    static byte[] fixedZipTimes(byte[] zip) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(zip.length);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
                java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTimeLocal(ZIP_TIME);
                z.putNextEntry(copy);
                if (e.getName().equals("xl/styles.xml")) {
                    z.write(withNormalStyle(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    in.transferTo(z);
                }
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * Adds the built-in "Normal" cell style that POI leaves out of {@code xl/styles.xml}: without it, readers such as
     * openpyxl warn that the workbook has no default style. ECMA-376 part 1, 18.8.7 ({@code cellStyle}): the style
     * with {@code builtinId="0"} is Normal, on the first cell style format.
     */
    static String withNormalStyle(String styles) {
        if (styles.contains("<cellStyles")) {
            return styles;
        }
        int at = styles.indexOf("</cellXfs>");
        if (at < 0) {
            return styles;
        }
        at += "</cellXfs>".length();
        return styles.substring(0, at) + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>"
                + "</cellStyles>" + styles.substring(at);
    }

    /** The workbook's cell styles. */
    static final class Styles {
        final CellStyle header;
        final CellStyle quoted;
        /** Amounts: spend, KPI, contributions. */
        final CellStyle number;
        /** ROI and marginal ROI. */
        final CellStyle ratio;
        /** Shares and interval levels. */
        final CellStyle percent;
        final CellStyle date;

        Styles(XSSFWorkbook wb) {
            header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setQuotePrefixed(true);
            quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            number = style(wb, "#,##0.00");
            ratio = style(wb, "#,##0.000");
            percent = style(wb, "0.0%");
            date = style(wb, "yyyy-mm-dd");
        }

        private static CellStyle style(XSSFWorkbook wb, String format) {
            CellStyle c = wb.createCellStyle();
            c.setDataFormat(wb.createDataFormat().getFormat(format));
            return c;
        }
    }

    /**
     * @param s a text
     * @return true if a spreadsheet could read it as a formula: it begins with {@code = + - @}, a tab or a carriage
     *     return
     */
    static boolean formulaLike(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Writes text as a string cell, quote-prefixed when it looks like a formula. */
    static void text(Row row, int col, String s, Styles st) {
        Cell cell = row.createCell(col);
        cell.setCellValue(s == null ? "" : s);
        if (formulaLike(s)) {
            cell.setCellStyle(st.quoted);
        }
    }

    private static void num(Row row, int col, double v, Styles st) {
        num(row, col, v, st.number);
    }

    private static void num(Row row, int col, double v, CellStyle style) {
        if (Double.isFinite(v)) {
            Cell cell = row.createCell(col);
            cell.setCellValue(v);
            cell.setCellStyle(style);
        }
    }

    private static void date(Row row, int col, java.time.LocalDate d, Styles st) {
        Cell cell = row.createCell(col);
        cell.setCellValue(d);
        cell.setCellStyle(st.date);
    }

    private static void integer(Row row, int col, long v) {
        row.createCell(col).setCellValue(v);
    }

    private static void lowerUpper(Row row, int col, Optional<Interval> iv, Styles st) {
        lowerUpper(row, col, iv, st.number);
    }

    private static void lowerUpper(Row row, int col, Optional<Interval> iv, CellStyle style) {
        iv.ifPresent(i -> {
            num(row, col, i.lower(), style);
            num(row, col + 1, i.upper(), style);
        });
    }

    private static void header(Sheet sh, Styles st, List<String> names) {
        Row row = sh.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names.get(i));
            cell.setCellStyle(st.header);
            sh.setColumnWidth(i, Math.min(60, Math.max(12, names.get(i).length() + 4)) * 256);
        }
        sh.createFreezePane(0, 1);
    }

    private static void summary(Sheet sh, ReportData r, Styles st) {
        header(sh, st, List.of("item", "value"));
        sh.setColumnWidth(0, 28 * 256);
        sh.setColumnWidth(1, 120 * 256);
        Findings f = r.findings;
        String[][] rows = {{"title", r.narrative.title()}, {"headline", r.narrative.headline()},
            {"kpi", f.kpi()}, {"source", f.source()}, {"verdict", f.verdict().name()},
            {"confidence", f.confidence().name()}, {"readiness", f.readiness() + " of 5"},
            {"best round", Integer.toString(f.bestRound())}, {"rounds", Integer.toString(f.rounds())},
            {"stop reason", f.stopReason()}, {"primary model", r.primary.estimator()},
            {"seed", Long.toString(r.input.seed())}};
        int i = 1;
        for (String[] kv : rows) {
            Row row = sh.createRow(i++);
            text(row, 0, kv[0], st);
            text(row, 1, kv[1], st);
        }
        for (Narrative.Section s : r.narrative.sections()) {
            for (String p : s.paragraphs()) {
                Row row = sh.createRow(i++);
                text(row, 0, s.heading(), st);
                text(row, 1, p, st);
            }
            for (String b : s.bullets()) {
                Row row = sh.createRow(i++);
                text(row, 0, s.heading(), st);
                text(row, 1, b, st);
            }
        }
    }

    private static void contributions(Sheet sh, ReportData r, Styles st) {
        io.github.mmm4j.models.Decomposition d = r.primary.decompose(r.data);
        List<String> comps = d.components();
        List<String> names = new java.util.ArrayList<>(List.of("date", "geo", "actual", "predicted"));
        names.addAll(comps);
        header(sh, st, names);
        int nt = r.data.nPeriods();
        double[] pred = d.predicted();
        int i = 1;
        for (int g = 0; g < r.data.nGeos(); g++) {
            for (int t = 0; t < nt; t++) {
                int rowIndex = g * nt + t;
                Row row = sh.createRow(i++);
                date(row, 0, r.dates.get(t), st);
                text(row, 1, r.data.geos().get(g), st);
                num(row, 2, r.data.kpi(rowIndex), st);
                num(row, 3, pred[rowIndex], st);
                for (int k = 0; k < comps.size(); k++) {
                    num(row, 4 + k, d.value(rowIndex, k), st);
                }
            }
        }
    }

    private static void roi(Sheet sh, ReportData r, Styles st) {
        header(sh, st, List.of("channel", "model", "spend", "contribution", "contribution_lower",
                "contribution_upper", "share", "roi", "roi_lower", "roi_upper", "mroi", "mroi_lower", "mroi_upper",
                "interval_level"));
        int i = 1;
        for (int c = 0; c < r.data.nChannels(); c++) {
            for (FittedModel m : r.best.models()) {
                ChannelSummary s = m.channels().get(c);
                Row row = sh.createRow(i++);
                text(row, 0, s.name(), st);
                text(row, 1, m.estimator(), st);
                num(row, 2, s.spend(), st);
                num(row, 3, s.contribution(), st);
                lowerUpper(row, 4, s.contributionInterval(), st);
                num(row, 6, s.share(), st.percent);
                num(row, 7, s.roi(), st.ratio);
                lowerUpper(row, 8, s.roiInterval(), st.ratio);
                num(row, 10, s.mroi(), st.ratio);
                lowerUpper(row, 11, s.mroiInterval(), st.ratio);
                if (m.drawCount() > 0) {
                    num(row, 13, m.intervalLevel(), st.percent);
                }
            }
        }
    }

    private static void shapley(Sheet sh, ReportData r, Styles st) {
        header(sh, st, List.of("channel", "shapley_value", "std_error"));
        int i = 1;
        if (r.input.shapley().isEmpty()) {
            text(sh.createRow(i), 0, "not computed", st);
        }
        for (ShapleyRow s : r.input.shapley()) {
            Row row = sh.createRow(i++);
            text(row, 0, s.channel(), st);
            num(row, 1, s.value(), st);
            num(row, 2, s.stdError(), st);
        }
    }

    /**
     * The primary model's channels per geo (or brand x region cell) and, for cells, per brand and per region (the
     * cells added up draw by draw, {@link FittedModel#channelsOver}), one row per unit and channel.
     */
    private static void roiByGeo(Sheet sh, ReportData r, Styles st) {
        header(sh, st, List.of("level", "name", "brand", "region", "channel", "model", "spend", "contribution",
                "contribution_lower", "contribution_upper", "roi", "roi_lower", "roi_upper", "mroi", "mroi_lower",
                "mroi_upper", "interval_level"));
        FittedModel m = r.primary;
        List<String> geos = r.data.geos();
        Optional<List<String[]>> cells = io.github.mmm4j.core.CsvSchema.cells(geos);
        List<List<ChannelSummary>> per = m.geoChannels();
        int[] next = {1};
        for (int g = 0; g < geos.size(); g++) {
            String brand = cells.isPresent() ? cells.get().get(g)[0] : "";
            String region = cells.isPresent() ? cells.get().get(g)[1] : geos.get(g);
            geoRows(sh, st, m, cells.isPresent() ? "cell" : "geo", geos.get(g), brand, region, per.get(g), next);
        }
        cells.ifPresent(c -> {
            for (int level = 0; level < 2; level++) {
                java.util.Map<String, List<String>> groups = new java.util.TreeMap<>();
                for (int g = 0; g < c.size(); g++) {
                    groups.computeIfAbsent(c.get(g)[level], k -> new java.util.ArrayList<>()).add(geos.get(g));
                }
                boolean brands = level == 0;
                groups.forEach((name, members) -> geoRows(sh, st, m, brands ? "brand" : "region", name,
                        brands ? name : "", brands ? "" : name, m.channelsOver(members), next));
            }
        });
    }

    private static void geoRows(Sheet sh, Styles st, FittedModel m, String level, String name, String brand,
            String region, List<ChannelSummary> channels, int[] next) {
        for (ChannelSummary s : channels) {
            Row row = sh.createRow(next[0]++);
            text(row, 0, level, st);
            text(row, 1, name, st);
            text(row, 2, brand, st);
            text(row, 3, region, st);
            text(row, 4, s.name(), st);
            text(row, 5, m.estimator(), st);
            num(row, 6, s.spend(), st);
            num(row, 7, s.contribution(), st);
            lowerUpper(row, 8, s.contributionInterval(), st);
            if (s.spend() > 0) {
                num(row, 10, s.roi(), st.ratio);
                lowerUpper(row, 11, s.roiInterval(), st.ratio);
                num(row, 13, s.mroi(), st.ratio);
                lowerUpper(row, 14, s.mroiInterval(), st.ratio);
            }
            if (m.drawCount() > 0) {
                num(row, 16, m.intervalLevel(), st.percent);
            }
        }
    }

    private static void plan(Sheet sh, ReportData r, Styles st) {
        header(sh, st, List.of("channel", "current_spend", "optimal_spend", "delta", "current_contribution",
                "expected_contribution", "lower", "upper", "horizon_periods"));
        if (r.input.plan().isEmpty()) {
            text(sh.createRow(1), 0, "not computed", st);
            return;
        }
        BudgetPlan p = r.input.plan().get();
        int i = 1;
        for (PlanRow pr : p.rows()) {
            Row row = sh.createRow(i++);
            text(row, 0, pr.channel(), st);
            num(row, 1, pr.currentSpend(), st);
            num(row, 2, pr.optimalSpend(), st);
            num(row, 3, pr.delta(), st);
            num(row, 4, pr.currentContribution(), st);
            num(row, 5, pr.expectedContribution(), st);
            lowerUpper(row, 6, pr.contributionInterval(), st);
            integer(row, 8, p.periods());
        }
        Row total = sh.createRow(i);
        text(total, 0, "total", st);
        num(total, 1, p.totalCurrentSpend(), st);
        num(total, 2, p.totalOptimalSpend(), st);
        num(total, 3, io.github.mmm4j.core.Numbers.change(p.totalCurrentSpend(), p.totalOptimalSpend()), st);
    }

    private static void checks(Sheet sh, ReportData r, Styles st) {
        header(sh, st, List.of("round", "best_round", "check", "passed", "blocking", "evidence"));
        sh.setColumnWidth(5, 120 * 256);
        int i = 1;
        for (Round round : r.result.rounds()) {
            for (Check c : round.critique().checks()) {
                Row row = sh.createRow(i++);
                integer(row, 0, round.number());
                row.createCell(1).setCellValue(round.number() == r.best.number());
                text(row, 2, c.name(), st);
                row.createCell(3).setCellValue(c.passed());
                row.createCell(4).setCellValue(c.blocking());
                text(row, 5, c.evidence(), st);
            }
        }
    }

    private static void rounds(Sheet sh, ReportData r, Styles st) {
        header(sh, st, List.of("round", "change", "reason", "verdict", "checks_passed", "checks"));
        sh.setColumnWidth(2, 80 * 256);
        int i = 1;
        for (Round round : r.result.rounds()) {
            Row row = sh.createRow(i++);
            integer(row, 0, round.number());
            text(row, 1, round.proposal().map(p -> p.change()).orElse("initial configuration"), st);
            text(row, 2, round.proposal().map(p -> p.reason()).orElse(""), st);
            text(row, 3, round.critique().verdict().name(), st);
            integer(row, 4, round.critique().passedCount());
            integer(row, 5, round.critique().checks().size());
        }
    }
}
