package io.github.mmm4j.auto.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.auto.AnalysisResult;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.optimize.Allocation;
import io.github.mmm4j.optimize.BudgetConstraints;
import io.github.mmm4j.optimize.BudgetOptimizer;
import io.github.mmm4j.optimize.Objective;
import io.github.mmm4j.optimize.PlanningModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report.pptx}: re-read by POI, slide by slide. */
class DeckReportTest {

    static ReportInput input;
    static Path dir;
    static List<String> texts = new ArrayList<>();
    static XMLSlideShow deck;

    @BeforeAll
    static void writeTheDeck(@TempDir Path tmp) throws IOException {
        AnalysisResult result = Fixtures.demo();
        FittedModel primary = result.bestRound().models().get(0);
        Allocation allocation = BudgetOptimizer.optimize(PlanningModel.of(primary, 13), BudgetConstraints.none(),
                Objective.maximizeKpi());
        input = ReportInput.of(result, 42, "demo data").withPlan(OptimizerRows.plan(allocation));
        dir = tmp.resolve("a");
        Reporter.write(input, dir);
        try (InputStream in = Files.newInputStream(dir.resolve("report.pptx"))) {
            deck = new XMLSlideShow(in);
        }
        for (XSLFSlide s : deck.getSlides()) {
            texts.add(text(s));
        }
    }

    private static String text(XSLFSlide s) {
        StringBuilder sb = new StringBuilder();
        for (XSLFShape sh : s.getShapes()) {
            if (sh instanceof XSLFTextShape t) {
                sb.append(t.getText()).append('\n');
            } else if (sh instanceof XSLFTable t) {
                for (XSLFTableRow row : t.getRows()) {
                    for (XSLFTableCell c : row.getCells()) {
                        sb.append(c.getText()).append(" | ");
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static int slideWith(String title) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).startsWith(title)) {
                return i;
            }
        }
        throw new AssertionError("no slide titled '" + title + "' in " + texts);
    }

    @Test
    void hasTheExecutiveSlidesInOrder() {
        assertTrue(deck.getSlides().size() >= 5, "at least five slides: " + deck.getSlides().size());
        assertTrue(texts.get(0).startsWith("Marketing mix report: sales"), texts.get(0));
        int roi = slideWith("Return on investment by channel");
        int curves = slideWith("Response curves: current and recommended spend");
        int plan = slideWith("The recommended plan for the next 13 weeks");
        int checks = slideWith("How confident, and the checks");
        assertTrue(0 < roi && roi < curves && curves < plan && plan < checks, texts.toString());
    }

    @Test
    void theFirstSlideHasTheHeadlineAndWhatToDo() {
        ReportData data = new ReportData(input, Narrator.standard());
        assertTrue(texts.get(0).contains(data.narrative.headline()), texts.get(0));
        assertTrue(texts.get(0).contains("What to do"));
        for (Findings.Recommendation rec : data.findings.recommendations()) {
            assertTrue(texts.get(0).contains(rec.channel()), rec.channel() + " is in what to do");
        }
    }

    @Test
    void theRoiSlideHasEveryChannelWithItsIntervalAndAChart() {
        XSLFSlide s = deck.getSlides().get(slideWith("Return on investment by channel"));
        ReportData data = new ReportData(input, Narrator.standard());
        String t = texts.get(slideWith("Return on investment by channel"));
        for (Findings.ChannelFinding c : data.findings.channels()) {
            String roi = DeckReport.ratio(c.roi());
            assertTrue(t.contains(c.channel() + " | " + roi + " | "), c.channel() + " ROI " + roi + " in " + t);
            c.roiInterval().ifPresent(iv -> assertTrue(t.contains(DeckReport.ratio(iv.lower()) + " to "
                    + DeckReport.ratio(iv.upper())), "interval of " + c.channel()));
        }
        assertTrue(s.getShapes().stream().anyMatch(x -> x instanceof XSLFPictureShape), "a chart");
    }

    @Test
    void thePlanSlideMatchesThePlan() {
        String t = texts.get(slideWith("The recommended plan"));
        BudgetPlan p = input.plan().orElseThrow();
        for (PlanRow row : p.rows()) {
            assertTrue(t.contains(row.channel() + " | " + DeckReport.amount(row.currentSpend() / p.periods()) + " | "
                    + DeckReport.amount(row.optimalSpend() / p.periods()) + " | "), row.channel() + " in " + t);
        }
        assertTrue(t.contains(DeckReport.amount(p.expectedKpiOptimal())), t);
    }

    @Test
    void numbersAreReadable() {
        Pattern exponent = Pattern.compile("\\d[eE][+-]?\\d");
        for (String t : texts) {
            assertFalse(exponent.matcher(t).find(), "no exponent notation: " + t);
            assertFalse(t.contains("NaN") || t.contains("Infinity"), t);
        }
        assertEquals("1,234,568", DeckReport.amount(1234567.8));
        assertEquals("0.123", DeckReport.ratio(0.12345));
        assertEquals("12.3", DeckReport.amount(12.345));
    }

    @Test
    void everySlideHasAFooterWithItsNumber() {
        int n = texts.size();
        for (int i = 0; i < n; i++) {
            assertTrue(texts.get(i).contains(String.format(Locale.ROOT, "%d / %d", i + 1, n)), texts.get(i));
        }
    }

    @Test
    void theSameInputGivesTheSameBytes(@TempDir Path tmp) throws IOException {
        Reporter.write(input, tmp.resolve("b"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("report.pptx")),
                Files.readAllBytes(tmp.resolve("b/report.pptx")));
    }
}
