package io.github.mmm4j.auto.report;

import io.github.mmm4j.models.FittedModel;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Native Excel charts for the workbook's main sheets (POI's XDDF), drawn from the sheets' own cells so that they
 * follow any edit: actual and predicted KPI over time (Contributions), ROI per channel and model (ROI, from a small
 * table beside the data), Shapley value per channel (Shapley) and current against recommended spend (Plan).
 */
final class WorkbookCharts {

    private WorkbookCharts() {
    }

    static void add(XSSFWorkbook wb, ReportData r, WorkbookReport.Styles st) {
        fit(wb.getSheet("Contributions"), r);
        roi(wb.getSheet("ROI"), r, st);
        if (!r.input.shapley().isEmpty()) {
            XSSFSheet sh = wb.getSheet("Shapley");
            bar(sh, "Shapley value by channel", 1, r.input.shapley().size(), 0, new int[] {1}, 4, 1);
        }
        if (r.input.plan().isPresent()) {
            XSSFSheet sh = wb.getSheet("Plan");
            bar(sh, "Spend over the horizon: current and recommended", 1, r.input.plan().get().rows().size(), 0,
                    new int[] {1, 2}, 10, 1);
        }
    }

    /** Actual and predicted over the dates of the first geo (columns A, C and D of the Contributions sheet). */
    private static void fit(XSSFSheet sh, ReportData r) {
        int nt = r.data.nPeriods();
        int lastCol = sh.getRow(0).getLastCellNum();
        XSSFChart chart = chart(sh, "Actual and predicted " + r.data.kpiName()
                + (r.data.nGeos() > 1 ? " (" + r.data.geos().get(0) + ")" : ""), lastCol + 1, 1, 14, 20);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        XDDFDataSource<Double> dates = XDDFDataSourcesFactory.fromNumericCellRange(sh,
                new CellRangeAddress(1, nt, 0, 0));
        for (int col : new int[] {2, 3}) {
            XDDFLineChartData.Series s = (XDDFLineChartData.Series) data.addSeries(dates,
                    XDDFDataSourcesFactory.fromNumericCellRange(sh, new CellRangeAddress(1, nt, col, col)));
            s.setTitle(sh.getRow(0).getCell(col).getStringCellValue(), new CellReference(sh.getSheetName(), 0, col,
                    true, true));
            s.setSmooth(false);
            s.setMarkerStyle(org.apache.poi.xddf.usermodel.chart.MarkerStyle.NONE);
        }
        chart.plot(data);
    }

    /**
     * ROI per channel with one series per model, from a table written beside the sheet's data (channel rows, model
     * columns), since the sheet itself lists one row per channel and model.
     */
    private static void roi(XSSFSheet sh, ReportData r, WorkbookReport.Styles st) {
        List<FittedModel> models = r.best.models();
        int nc = r.data.nChannels();
        int at = sh.getRow(0).getLastCellNum() + 1;
        Row head = sh.getRow(0);
        WorkbookReport.text(head, at, "channel", st);
        for (int m = 0; m < models.size(); m++) {
            WorkbookReport.text(head, at + 1 + m, "roi " + models.get(m).estimator(), st);
            head.getCell(at + 1 + m).setCellStyle(st.header);
        }
        head.getCell(at).setCellStyle(st.header);
        for (int c = 0; c < nc; c++) {
            Row row = sh.getRow(1 + c) != null ? sh.getRow(1 + c) : sh.createRow(1 + c);
            WorkbookReport.text(row, at, r.data.channels().get(c), st);
            for (int m = 0; m < models.size(); m++) {
                double v = models.get(m).channels().get(c).roi();
                if (Double.isFinite(v)) {
                    row.createCell(at + 1 + m).setCellValue(v);
                    row.getCell(at + 1 + m).setCellStyle(st.ratio);
                }
            }
        }
        int[] cols = new int[models.size()];
        for (int m = 0; m < cols.length; m++) {
            cols[m] = at + 1 + m;
        }
        bar(sh, "ROI by channel and model", 1, nc, at, cols, at + cols.length + 2, 1);
    }

    /** A clustered column chart: categories in column {@code catCol}, one series per column of {@code cols}. */
    private static void bar(XSSFSheet sh, String title, int firstRow, int rows, int catCol, int[] cols, int col,
            int row) {
        XSSFChart chart = chart(sh, title, col, row, 10, 20);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFChartData data = chart.createData(ChartTypes.BAR, x, y);
        ((XDDFBarChartData) data).setBarDirection(BarDirection.COL);
        XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromStringCellRange(sh,
                new CellRangeAddress(firstRow, firstRow + rows - 1, catCol, catCol));
        for (int c : cols) {
            XDDFNumericalDataSource<Double> vals = XDDFDataSourcesFactory.fromNumericCellRange(sh,
                    new CellRangeAddress(firstRow, firstRow + rows - 1, c, c));
            XDDFChartData.Series s = data.addSeries(cats, vals);
            s.setTitle(sh.getRow(0).getCell(c).getStringCellValue(), new CellReference(sh.getSheetName(), 0, c, true,
                    true));
        }
        chart.plot(data);
    }

    private static XSSFChart chart(XSSFSheet sh, String title, int col, int row, int width, int height) {
        XSSFDrawing drawing = sh.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col, row, col + width, row + height);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }
}
