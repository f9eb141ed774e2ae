package io.github.mmm4j.auto.report;

import io.github.mmm4j.auto.AnalysisResult;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.xlsx as an analyst expects it: typed formats, date cells, and the same bytes for the same input. */
class WorkbookReportTest {

    @Test
    void formatsAreTypedDatesAreDatesAndTwoRunsWriteTheSameBytes(@TempDir Path tmp) throws IOException {
        AnalysisResult result = Fixtures.demo();
        ReportInput input = ReportInput.of(result, 42, "demo data");
        Reporter.write(input, tmp.resolve("a"));
        Reporter.write(input, tmp.resolve("b"));
        byte[] a = Files.readAllBytes(tmp.resolve("a/report.xlsx"));
        byte[] b = Files.readAllBytes(tmp.resolve("b/report.xlsx"));
        assertArrayEquals(a, b, "two runs on the same input write the same workbook");
        // and in another time zone (a zip time at the DOS epoch would add a zone-dependent extended timestamp)
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Tokyo"));
            Reporter.write(input, tmp.resolve("c"));
        } finally {
            java.util.TimeZone.setDefault(zone);
        }
        assertArrayEquals(a, Files.readAllBytes(tmp.resolve("c/report.xlsx")), "the same bytes in any time zone");
        // not by luck of the clock: every zip entry carries the fixed time, whatever the time of writing
        try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(a))) {
            int entries = 0;
            for (java.util.zip.ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                assertEquals(WorkbookReport.ZIP_TIME, e.getTimeLocal(), e.getName());
                entries++;
            }
            assertTrue(entries >= 8, "entries " + entries);
        }

        try (InputStream in = Files.newInputStream(tmp.resolve("a/report.xlsx"));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet contributions = wb.getSheet("Contributions");
            Cell date = contributions.getRow(1).getCell(0);
            assertEquals(CellType.NUMERIC, date.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(date));
            assertEquals(result.primaryModel().data().time().date(0), date.getLocalDateTimeCellValue().toLocalDate());

            Sheet roi = wb.getSheet("ROI");
            Row first = roi.getRow(1);
            assertEquals("0.0%", first.getCell(6).getCellStyle().getDataFormatString(), "share as a percentage");
            assertEquals("#,##0.000", first.getCell(7).getCellStyle().getDataFormatString(), "ROI");
            assertEquals("#,##0.00", first.getCell(2).getCellStyle().getDataFormatString(), "spend");
            FittedModel m = result.bestRound().models().get(0);
            ChannelSummary c = m.channels().get(0);
            assertEquals(c.share(), first.getCell(6).getNumericCellValue(), 0.0);
            assertEquals(c.roi(), first.getCell(7).getNumericCellValue(), 0.0);
            assertEquals(1, roi.getPaneInformation().getHorizontalSplitPosition(), "header row frozen");
            assertTrue(Arrays.asList("Summary", "Contributions", "ROI", "Shapley", "Plan", "Checks", "Rounds")
                    .stream().allMatch(n -> wb.getSheet(n) != null));
        }
    }

    @Test
    void everyMainSheetHasANativeChartAndTheWorkbookHasTheNormalStyle(@TempDir Path tmp) throws IOException {
        AnalysisResult result = Fixtures.demo();
        FittedModel primary = result.bestRound().models().get(0);
        var allocation = io.github.mmm4j.optimize.BudgetOptimizer.optimize(
                io.github.mmm4j.optimize.PlanningModel.of(primary, 13),
                io.github.mmm4j.optimize.BudgetConstraints.none(), io.github.mmm4j.optimize.Objective.maximizeKpi());
        ReportInput input = ReportInput.of(result, 42, "demo data")
                .withShapley(OptimizerRows.shapley(io.github.mmm4j.optimize.shapley.Shapley.of(primary, 1)))
                .withPlan(OptimizerRows.plan(allocation));
        Reporter.write(input, tmp);
        try (InputStream in = Files.newInputStream(tmp.resolve("report.xlsx"));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (String name : new String[] {"Contributions", "ROI", "Shapley", "Plan"}) {
                var drawing = wb.getSheet(name).getDrawingPatriarch();
                assertTrue(drawing != null && drawing.getCharts().size() == 1, name + " has one chart");
                var chart = drawing.getCharts().get(0);
                assertTrue(!chart.getChartSeries().isEmpty() && chart.getChartSeries().get(0).getSeriesCount() > 0,
                        name + ": the chart has data");
            }
            var roiChart = wb.getSheet("ROI").getDrawingPatriarch().getCharts().get(0);
            assertEquals(result.bestRound().models().size(), roiChart.getChartSeries().get(0).getSeriesCount(),
                    "one ROI series per model");
        }
        // openpyxl and LibreOffice expect the built-in Normal style; POI leaves it out unless told
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(tmp.resolve("report.xlsx").toFile())) {
            String styles = new String(z.getInputStream(z.getEntry("xl/styles.xml")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(styles.contains("<cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>"), styles);
        }
    }
}
