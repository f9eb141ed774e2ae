package io.github.mmm4j.auto.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.auto.AnalysisResult;
import io.github.mmm4j.auto.report.Doc.Figure;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.optimize.Allocation;
import io.github.mmm4j.optimize.BudgetConstraints;
import io.github.mmm4j.optimize.BudgetOptimizer;
import io.github.mmm4j.optimize.Objective;
import io.github.mmm4j.optimize.PlanningModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report's charts: every one the issue names is drawn, the HTML page links them from its contents. */
class ChartsTest {

    static ReportData data;
    static List<Figure> figures;

    @BeforeAll
    static void draw() {
        AnalysisResult result = Fixtures.demo();
        FittedModel primary = result.bestRound().models().get(0);
        Allocation allocation = BudgetOptimizer.optimize(PlanningModel.of(primary, 13), BudgetConstraints.none(),
                Objective.maximizeKpi());
        ReportInput input = ReportInput.of(result, 42, "demo data").withPlan(OptimizerRows.plan(allocation));
        data = new ReportData(input, Narrator.standard());
        figures = Charts.all(data);
    }

    @Test
    void everyChartIsDrawnOnceWithAStableId() throws IOException {
        List<String> ids = figures.stream().map(Figure::id).toList();
        List<String> expected = new ArrayList<>(List.of("fit", "residuals", "contributions", "waterfall", "shares",
                "roi", "roi-mroi", "adstock", "plan"));
        for (int c = 0; c < data.data.nChannels(); c++) {
            expected.add("curve-" + c);
        }
        if (data.primary.samplerDiagnostics().isPresent()) {
            for (int c = 0; c < data.data.nChannels(); c++) {
                expected.add("trace-" + c);
            }
        }
        assertEquals(expected, ids);
        for (Figure f : figures) {
            assertNotNull(ImageIO.read(new ByteArrayInputStream(f.png())), f.id() + " is a PNG");
            assertTrue(!f.caption().isBlank(), f.id() + " has a caption");
        }
    }

    @Test
    void responseCurvesCarryTheirIntervalAroundTheExpectation() {
        for (ReportData.Curve c : data.curves) {
            assertNotNull(c.lower(), c.channel() + ": the model has draws, so the curve has a band");
            for (int i = 0; i < c.spend().length; i++) {
                assertTrue(c.lower()[i] <= c.upper()[i], c.channel() + " band ordered at " + i);
                assertTrue(c.lower()[i] <= c.response()[i] + 1e-9 && c.response()[i] <= c.upper()[i] + 1e-9,
                        c.channel() + ": the expected response lies in its band at " + i);
            }
            assertTrue(c.upper()[c.spend().length - 1] > c.lower()[c.spend().length - 1], "a band with a width");
        }
    }

    @Test
    void theHtmlPageHasContentsThatLinkToItsSectionsAndCharts() {
        String html = HtmlReport.render(data, figures);
        Matcher nav = Pattern.compile("<nav class=\"toc\"[^>]*>(.*?)</nav>").matcher(html);
        assertTrue(nav.find(), "a table of contents");
        Matcher links = Pattern.compile("href=\"#([^\"]+)\"").matcher(nav.group(1));
        int n = 0;
        while (links.find()) {
            assertTrue(html.contains("id=\"" + links.group(1) + "\""), "#" + links.group(1) + " exists");
            n++;
        }
        assertTrue(n >= 5, "the contents list the sections: " + n);
        assertTrue(nav.start() < html.indexOf("<h2"), "the contents come before the first section");
        for (Figure f : figures) {
            assertTrue(html.contains("<figure id=\"fig-" + f.id() + "\">"), f.id());
        }
    }

    @Test
    void aSearchRoundShowsItsParetoFront() {
        // ridge with fixed transforms takes them from the search, so the round has a front to draw
        io.github.mmm4j.models.RidgeOptions fixed = io.github.mmm4j.models.RidgeOptions.defaults()
                .withFixedTransforms(true).withBootstrap(20);
        AnalysisResult result = io.github.mmm4j.auto.AutoAnalysis.run(
                io.github.mmm4j.synthetic.DemoData.generate(io.github.mmm4j.synthetic.DemoData.DEFAULT_SEED),
                io.github.mmm4j.auto.AutoOptions.defaults().withEstimators(java.util.List.of(
                        new io.github.mmm4j.models.Ridge(fixed))).withSearchIterations(120).withMaxRounds(1));
        assertTrue(result.bestRound().search().isPresent(), "the round records its search");
        ReportData d = new ReportData(ReportInput.of(result, 42, "demo"), Narrator.standard());
        List<Figure> fs = Charts.all(d);
        assertTrue(fs.stream().anyMatch(f -> f.id().equals("pareto")), "a Pareto front chart");
        assertTrue(figures.stream().noneMatch(f -> f.id().equals("pareto")), "none without a search");
    }
}
