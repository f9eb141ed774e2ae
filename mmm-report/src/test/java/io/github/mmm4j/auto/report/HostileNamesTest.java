package io.github.mmm4j.auto.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Channel names that are markup or formulas must come out as inert text in every format. */
class HostileNamesTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";

    static Path dir;

    @BeforeAll
    static void writeTheReport(@TempDir Path tmp) {
        dir = tmp.resolve("out");
        Reporter.write(ReportInput.of(Fixtures.hostile(), 7, "<b>hostile</b> & co"), dir);
    }

    @Test
    void htmlShowsTheScriptChannelAsText() throws IOException {
        String html = Files.readString(dir.resolve("report.html"));
        assertFalse(html.contains(Fixtures.SCRIPT), "the raw name never appears");
        assertFalse(html.toLowerCase().contains("<script"), "no script element at all");
        assertTrue(html.contains(ESCAPED_SCRIPT), "the name appears escaped");
        assertTrue(html.contains("&lt;b&gt;hostile&lt;/b&gt; &amp; co"), "the source is escaped too");
        assertTrue(html.contains("=HYPERLINK(&quot;x&quot;)"));
    }

    @Test
    void markdownShowsTheScriptChannelAsText() throws IOException {
        String md = Files.readString(dir.resolve("report.md"));
        assertFalse(md.contains(Fixtures.SCRIPT));
        assertTrue(md.contains(ESCAPED_SCRIPT));
    }

    @Test
    void jsonKeepsTheNamesVerbatim() throws IOException {
        JsonNode j = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(Fixtures.SCRIPT, j.get("channels").get(0).get("name").asText());
        assertEquals(Fixtures.FORMULA, j.get("channels").get(1).get("name").asText());
    }

    @Test
    void workbookStoresTheFormulaChannelAsQuotePrefixedText() throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("report.xlsx")); Workbook wb = new XSSFWorkbook(in)) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertEquals(List.of("Summary", "Contributions", "ROI", "Shapley", "Plan", "Checks", "Rounds"), sheets);
            int found = 0;
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertTrue(cell.getCellType() != CellType.FORMULA, "no formula cell in " + sheet.getSheetName());
                        if (cell.getCellType() == CellType.STRING
                                && cell.getStringCellValue().equals(Fixtures.FORMULA)) {
                            assertTrue(cell.getCellStyle().getQuotePrefixed(), "quote-prefixed in "
                                    + sheet.getSheetName());
                            found++;
                        }
                    }
                }
            }
            assertTrue(found >= 2, "the formula channel is in the ROI and contributions sheets: " + found);
            Sheet roi = wb.getSheet("ROI");
            Row first = roi.getRow(1);
            assertEquals(CellType.STRING, first.getCell(0).getCellType());
            assertEquals(Fixtures.SCRIPT, first.getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, first.getCell(7).getCellType(), "ROI is a number");
            Sheet contributions = wb.getSheet("Contributions");
            assertEquals(157, contributions.getLastRowNum() + 1, "a header and one row per period");
            assertEquals(CellType.NUMERIC, contributions.getRow(1).getCell(2).getCellType());
        }
    }

    @Test
    void htmlOpensInHeadlessChromiumWithoutConsoleErrors(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "skipped: chromium not installed (.ci/run installs it)");
        // Positive control: a page with a script error must be caught, or the check below would prove nothing.
        Path bad = tmp.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><head><title>bad</title></head><body>"
                + "<script>undefinedFunction();</script></body></html>");
        Chromium control = Chromium.dumpDom(bad, tmp.resolve("control"));
        assertTrue(control.finished(), "chromium finished within 60 s; stderr: " + control.stderr());
        assertFalse(control.consoleMessages().isEmpty(), "the control page's error is logged; stderr: "
                + control.stderr());

        Chromium run = Chromium.dumpDom(dir.resolve("report.html"), tmp.resolve("report"));
        assertTrue(run.finished(), "chromium finished within 60 s; stderr: " + run.stderr());
        assertTrue(run.dom().contains("<title>Marketing mix report: sales</title>"), "the DOM has the title; stderr: "
                + run.stderr());
        assertTrue(run.dom().contains(ESCAPED_SCRIPT), "the script channel is text in the DOM");
        assertFalse(run.dom().contains("<script"), "no script element was created");
        assertTrue(run.consoleMessages().isEmpty(), "console messages from the page: " + run.consoleMessages());
    }

    /**
     * One headless Chromium run that dumps a page's DOM.
     *
     * @param finished whether it ended within the time limit
     * @param dom the serialised DOM
     * @param stderr Chromium's log
     */
    record Chromium(boolean finished, String dom, String stderr) {

        static Chromium dumpDom(Path html, Path work) throws IOException, InterruptedException {
            Files.createDirectories(work);
            Path out = work.resolve("dom.html");
            Path err = work.resolve("stderr.txt");
            Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + work.resolve("profile"),
                    "--enable-logging=stderr", "--v=0", "--dump-dom", html.toAbsolutePath().toUri().toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done;
            try {
                done = p.waitFor(60, TimeUnit.SECONDS);
            } finally {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            return new Chromium(done, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }

        /** @return the log lines that come from the page's console, uncaught errors or blocked content */
        List<String> consoleMessages() {
            List<String> bad = new ArrayList<>();
            for (String line : stderr.split("\n")) {
                if (line.contains("CONSOLE") || line.contains("Uncaught") || line.contains("Refused to")) {
                    bad.add(line);
                }
            }
            return bad;
        }
    }
}
