package io.github.mmm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * {@code simulator.html} in a real browser (Selenium WebDriver, Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs): the page is driven as a user would (typing amounts, moving sliders, pressing the
 * plan buttons, opening a shared address) and every number it shows is compared with {@code mmm whatif} on the same
 * scenario. The page must make no network request and log nothing to the console. Skipped, with the reason, where
 * the browser or its driver is not installed.
 */
class SimulatorBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The issue's bar is 0.5%; the page runs the library's computation, so agreement is far closer. */
    private static final double REL = 1e-7;

    /** Selenium's own log (java.util.logging): warnings only about its optional DevTools support; kept quiet. */
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    @TempDir
    static Path dir;
    static Path demo;
    static Path ridge;
    static Path panel;
    static Path brandRegion;
    static Path priced;
    static ChromeDriver driver;

    @BeforeAll
    static void writePagesAndStartTheBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "skipped: chromium and chromium-driver are not installed (.ci/run installs them: "
                        + "apt-get install chromium chromium-driver)");
        demo = dir.resolve("demo");
        CliTest.Run d = CliTest.run("demo", "--out", demo.toString());
        assertEquals(0, d.exit(), d.err());
        CliTest.Run s = CliTest.run("synth", "--preset", "easy", "--seed", "5", "--out", dir.resolve("data").toString());
        assertEquals(0, s.exit(), s.err());
        CliTest.Run f = CliTest.run("fit", dir.resolve("data/data.csv").toString(), "--kpi", "sales", "--channels",
                "tv,search,social", "--out", dir.resolve("fit").toString());
        assertEquals(0, f.exit(), f.err());
        CliTest.Run gs = CliTest.run("synth", "--preset", "geo", "--seed", "3", "--out", dir.resolve("geo").toString());
        assertEquals(0, gs.exit(), gs.err());
        CliTest.Run gf = CliTest.run("fit", dir.resolve("geo/data.csv").toString(), "--kpi", "sales", "--geo", "geo",
                "--channels", "tv,search,social,display", "--out", dir.resolve("geo-fit").toString());
        assertEquals(0, gf.exit(), gf.err());
        panel = dir.resolve("panel-sim");
        CliTest.Run gp = CliTest.run("simulate", "--model", dir.resolve("geo-fit/model.json").toString(), "--out",
                panel.toString());
        assertEquals(0, gp.exit(), gp.err());
        // brand x region cells: the geo preset's 20 geos renamed to 2 brands x 10 regions
        Path cellsCsv = dir.resolve("cells.csv");
        try {
            List<String> lines = Files.readAllLines(dir.resolve("geo/data.csv"));
            List<String> renamed = new ArrayList<>();
            renamed.add(lines.get(0).replaceFirst(",geo,", ",brand,region,"));
            for (String line : lines.subList(1, lines.size())) {
                String[] field = line.split(",", -1);
                int n = Integer.parseInt(field[1].substring(3));
                field[1] = (n <= 10 ? "A" : "B") + ",r" + ((n - 1) % 10 + 1);
                renamed.add(String.join(",", field));
            }
            Files.write(cellsCsv, renamed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliTest.Run cf = CliTest.run("fit", cellsCsv.toString(), "--kpi", "sales", "--brand", "brand", "--geo", "region",
                "--channels",
                "tv,search,social,display", "--out", dir.resolve("cells-fit").toString());
        assertEquals(0, cf.exit(), cf.err());
        brandRegion = dir.resolve("cells-sim");
        CliTest.Run cp = CliTest.run("simulate", "--model", dir.resolve("cells-fit/model.json").toString(), "--out",
                brandRegion.toString());
        assertEquals(0, cp.exit(), cp.err());
        CliTest.Run pf = CliTest.run("fit", dir.resolve("geo/data.csv").toString(), "--kpi", "sales", "--geo", "geo",
                "--channels", "tv,search,social,display", "--price", "price", "--out", dir.resolve("price-fit")
                        .toString());
        assertEquals(0, pf.exit(), pf.err());
        priced = dir.resolve("price-sim");
        CliTest.Run pp = CliTest.run("simulate", "--model", dir.resolve("price-fit/model.json").toString(), "--out",
                priced.toString());
        assertEquals(0, pp.exit(), pp.err());
        ridge = dir.resolve("ridge-sim");
        CliTest.Run sim = CliTest.run("simulate", "--model", dir.resolve("fit/model.json").toString(), "--horizon", "8",
                "--out", ridge.toString());
        assertEquals(0, sim.exit(), sim.err());
        assertTrue(sim.out().contains("Wrote"), sim.out());

        SELENIUM.setLevel(Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** After every test: the page logged nothing and asked the network for nothing. */
    @AfterEach
    void noConsoleMessageAndNoNetworkRequest() {
        List<String> console = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(e.getLevel() + " " + e.getMessage());
        }
        assertTrue(console.isEmpty(), "console messages: " + console);
        List<String> requests = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode m = read(e.getMessage()).path("message");
            if (m.path("method").asText().equals("Network.requestWillBeSent")) {
                String url = m.path("params").path("request").path("url").asText();
                if (!url.startsWith("file:") && !url.startsWith("data:")) {
                    requests.add(url);
                }
            }
        }
        assertTrue(requests.isEmpty(), "network requests: " + requests);
    }

    private static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void open(Path page, String hash) {
        driver.get("about:blank");
        driver.get(page.resolve("simulator.html").toUri() + hash);
        // a new document: the hash is read on load
        assertFalse(driver.findElement(By.id("expected-kpi")).getAttribute("data-value").isEmpty());
    }

    private static double value(String id, String attribute) {
        return Double.parseDouble(driver.findElement(By.id(id)).getAttribute(attribute));
    }

    private static List<String> channels() {
        List<String> out = new ArrayList<>();
        for (WebElement tr : driver.findElements(By.cssSelector("#channels tbody tr"))) {
            out.add(tr.getAttribute("data-channel"));
        }
        return out;
    }

    private static Map<String, Double> boxes() {
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> names = channels();
        for (int c = 0; c < names.size(); c++) {
            // the box shows the amount to the cent; data-value holds the exact spend the page computes with
            out.put(names.get(c), Double.parseDouble(driver.findElement(By.id("spend-" + c)).getAttribute("data-value")));
        }
        return out;
    }

    /** Runs {@code mmm whatif} on a scenario and returns its scenario.json. */
    private static JsonNode whatif(Path model, int horizon, Map<String, Double> spend, Path out) throws IOException {
        return whatif(model, horizon, spend, out, 0);
    }

    private static JsonNode whatif(Path model, int horizon, Map<String, Double> spend, Path out, double priceChange)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("whatif", "--model", model.toString(), "--horizon",
                String.valueOf(horizon), "--out", out.toString()));
        if (priceChange != 0) {
            args.add("--price-change");
            args.add(String.valueOf(priceChange));
        }
        if (!spend.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            spend.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=')
                    .append(String.format(Locale.ROOT, "%.17g", v)));
            args.add("--spend");
            args.add(sb.toString());
        }
        CliTest.Run r = CliTest.run(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        return JSON.readTree(out.resolve("scenario.json").toFile());
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, REL * Math.max(1.0, Math.abs(expected)), what);
    }

    /** Every number of the page against scenario.json. */
    private static void assertPageMatches(JsonNode w) {
        close(w.get("expected_kpi").asDouble(), value("expected-kpi", "data-value"), "expected KPI");
        close(w.get("expected_kpi_lower").asDouble(), value("expected-kpi-interval", "data-lower"), "KPI lower");
        close(w.get("expected_kpi_upper").asDouble(), value("expected-kpi-interval", "data-upper"), "KPI upper");
        close(w.get("incremental_kpi").asDouble(), value("incremental-kpi", "data-value"), "incremental KPI");
        if (w.get("spend_change_roi").isNull()) {
            assertEquals("", driver.findElement(By.id("scenario-roi")).getAttribute("data-value"), "no change in spend");
        } else {
            close(w.get("spend_change_roi").asDouble(), value("scenario-roi", "data-value"), "return on the change");
            close(w.get("spend_change_roi_lower").asDouble(), value("scenario-roi", "data-lower"), "its lower end");
            close(w.get("spend_change_roi_upper").asDouble(), value("scenario-roi", "data-upper"), "its upper end");
        }
        if (w.has("price_effect") && w.get("price_change_pct").asDouble() != 0) {
            close(w.get("price_effect").asDouble(), value("price-effect", "data-value"), "price effect");
            close(w.get("price_effect_lower").asDouble(), value("price-effect", "data-lower"), "price effect lower");
        }
        boolean warned = w.get("warnings").size() > 0;
        assertEquals(warned, driver.findElement(By.id("extrapolation")).isDisplayed(),
                "the page warns of extrapolation exactly when whatif does: " + w.get("warnings"));
        JsonNode chs = w.get("channels");
        for (int c = 0; c < chs.size(); c++) {
            JsonNode ch = chs.get(c);
            String n = ch.get("name").asText();
            close(ch.get("contribution").asDouble(), value("contribution-" + c, "data-value"), n + " contribution");
            close(ch.get("contribution_lower").asDouble(), value("contribution-" + c, "data-lower"), n + " lower");
            close(ch.get("contribution_upper").asDouble(), value("contribution-" + c, "data-upper"), n + " upper");
            if (ch.get("roi").isNull()) {
                assertEquals("", driver.findElement(By.id("roi-" + c)).getAttribute("data-value"), n + " has no ROI");
            } else {
                close(ch.get("roi").asDouble(), value("roi-" + c, "data-value"), n + " ROI");
                close(ch.get("roi_lower").asDouble(), value("roi-" + c, "data-lower"), n + " ROI lower");
                close(ch.get("roi_upper").asDouble(), value("roi-" + c, "data-upper"), n + " ROI upper");
            }
            close(ch.get("mroi").asDouble(), value("mroi-" + c, "data-value"), n + " mROI");
            close(ch.get("mroi_lower").asDouble(), value("mroi-" + c, "data-lower"), n + " mROI lower");
            close(ch.get("mroi_upper").asDouble(), value("mroi-" + c, "data-upper"), n + " mROI upper");
        }
    }

    @Test
    void theCurrentPlanOnLoadIsWhatifsCurrentPlan(@TempDir Path out) throws IOException {
        open(demo, "");
        JsonNode w = whatif(demo.resolve("model.json"), 13, Map.of(), out);
        assertPageMatches(w);
        close(w.get("current_kpi").asDouble(), value("expected-kpi", "data-value"), "no change: the current KPI");
        assertTrue(driver.findElement(By.id("plan-current")).getAttribute("class").contains("active"));
        assertTrue(driver.findElement(By.id("explain")).getText().contains("1600 draws"));
    }

    @Test
    void typedAmountsGiveWhatifsNumbers(@TempDir Path out) throws IOException {
        open(demo, "");
        WebElement tv = driver.findElement(By.id("spend-0"));
        tv.sendKeys(Keys.chord(Keys.CONTROL, "a"), "61234.5");
        WebElement display = driver.findElement(By.id("spend-3"));
        display.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0");
        Map<String, Double> spend = boxes();
        assertEquals(61234.5, spend.get("tv"), 0.0);
        assertEquals(0.0, spend.get("display"), 0.0);
        assertPageMatches(whatif(demo.resolve("model.json"), 13, spend, out));
        assertTrue(driver.getCurrentUrl().endsWith("#tv=61234.5&display=0"), "the changed channels are in the "
                + "address: " + driver.getCurrentUrl());
        assertFalse(driver.findElement(By.id("plan-current")).getAttribute("class").contains("active"));
    }

    @Test
    void aBadAmountIsMarkedIgnoredAndThenReset() {
        open(demo, "");
        double before = value("expected-kpi", "data-value");
        WebElement tv = driver.findElement(By.id("spend-0"));
        String inUse = tv.getAttribute("value");
        tv.sendKeys(Keys.chord(Keys.CONTROL, "a"), "-5");
        assertEquals("true", tv.getAttribute("aria-invalid"));
        assertEquals(before, value("expected-kpi", "data-value"), 0.0);
        tv.sendKeys(Keys.TAB);
        assertEquals(inUse, tv.getAttribute("value"), "leaving the box shows the amount in use again");
        assertEquals(null, tv.getAttribute("aria-invalid"));
    }

    @Test
    void spendFarBeyondTheDataIsFlaggedAsAnExtrapolation(@TempDir Path out) throws IOException {
        open(demo, "#tv=100000000");
        WebElement warn = driver.findElement(By.id("extrapolation"));
        assertTrue(warn.isDisplayed() && warn.getText().contains("tv at"), warn.getText());
        JsonNode w = whatif(demo.resolve("model.json"), 13, Map.of("tv", 100000000.0), out);
        assertTrue(w.get("warnings").get(0).asText().contains("beyond the most the data ever spent"), w.toString());
        assertPageMatches(w);
    }

    @Test
    void movingASliderUpdatesTheBoxTheNumbersAndTheAddress(@TempDir Path out) throws IOException {
        open(demo, "");
        double before = value("expected-kpi", "data-value");
        double boxBefore = boxes().get("search");
        WebElement slider = driver.findElement(By.id("slider-1"));
        slider.click();
        for (int i = 0; i < 25; i++) {
            slider.sendKeys(Keys.ARROW_RIGHT);
        }
        Map<String, Double> spend = boxes();
        assertNotEquals(boxBefore, spend.get("search"), "the box follows the slider");
        assertNotEquals(before, value("expected-kpi", "data-value"));
        String url = driver.getCurrentUrl();
        assertTrue(url.contains("search="), url);
        assertPageMatches(whatif(demo.resolve("model.json"), 13, spend, out));
        // the address holds the scenario: reopening it gives the same numbers
        double kpi = value("expected-kpi", "data-value");
        driver.get("about:blank");
        driver.get(url);
        close(kpi, value("expected-kpi", "data-value"), "the shared link reproduces the scenario");
    }

    @Test
    void aScenarioInTheAddressIsLoaded(@TempDir Path out) throws IOException {
        open(demo, "#tv=120000&search=45000");
        Map<String, Double> spend = boxes();
        assertEquals(120000.0, spend.get("tv"), 0.0);
        assertEquals(45000.0, spend.get("search"), 0.0);
        assertPageMatches(whatif(demo.resolve("model.json"), 13, Map.of("tv", 120000.0, "search", 45000.0), out));
        assertTrue(driver.findElement(By.id("hash-warning")).getAttribute("hidden") != null);
        // a new address on the same page (hashchange) is loaded too
        ((JavascriptExecutor) driver).executeScript("location.hash = '#social=0'");
        assertEquals(0.0, boxes().get("social"), 0.0);
        assertEquals(boxes().get("tv"), whatif(demo.resolve("model.json"), 13, Map.of(), out.resolve("cur"))
                .get("channels").get(0).get("spend_per_period").asDouble(), 1e-6, "tv back at its current plan");
        assertPageMatches(whatif(demo.resolve("model.json"), 13, Map.of("social", 0.0), out.resolve("s")));
    }

    @Test
    void aBadAddressIsReportedNotApplied() {
        open(demo, "#tv=abc&nosuch=5&search=-1");
        String warning = driver.findElement(By.id("hash-warning")).getText();
        assertTrue(warning.contains("tv=abc") && warning.contains("nosuch") && warning.contains("search=-1"), warning);
        assertTrue(driver.findElement(By.id("plan-current")).getAttribute("class").contains("active"),
                "nothing applied: the current plan");
    }

    @Test
    void thePlanButtonsLoadTheCurrentAndTheRecommendedPlan(@TempDir Path out) throws IOException {
        open(demo, "#tv=1");
        driver.findElement(By.id("plan-recommended")).click();
        Map<String, Double> spend = boxes();
        JsonNode plan = JSON.readTree(demo.resolve("plan.json").toFile());
        for (JsonNode ch : plan.get("channels")) {
            double perPeriod = ch.get("optimal_spend").asDouble() / plan.get("horizon").asInt();
            assertEquals(perPeriod, spend.get(ch.get("name").asText()), 0.01, "the recommended plan of plan.json");
        }
        assertTrue(driver.findElement(By.id("plan-recommended")).getAttribute("class").contains("active"));
        assertPageMatches(whatif(demo.resolve("model.json"), 13, spend, out.resolve("rec")));
        double recommended = value("expected-kpi", "data-value");
        driver.findElement(By.id("plan-current")).click();
        JsonNode cur = whatif(demo.resolve("model.json"), 13, Map.of(), out.resolve("cur"));
        assertPageMatches(cur);
        assertTrue(recommended >= cur.get("expected_kpi").asDouble(), "the recommended plan does not lower the KPI");
    }

    @Test
    void aBootstrapModelsCentredIntervalsMatchToo(@TempDir Path out) throws IOException {
        open(ridge, "#tv=20000&social=0");
        Map<String, Double> spend = boxes();
        JsonNode w = whatif(dir.resolve("fit/model.json"), 8, spend, out);
        assertPageMatches(w);
        double kpi = w.get("expected_kpi").asDouble();
        assertTrue(w.get("expected_kpi_lower").asDouble() <= kpi && kpi <= w.get("expected_kpi_upper").asDouble(),
                "the point lies inside its interval");
    }

    /** The page's whole scenario, spend per period by channel and geo, as CH@GEO=AMOUNT entries for whatif. */
    private static Map<String, Double> cellsOfPage() {
        JsonNode cells = read(driver.findElement(By.id("scenario")).getAttribute("data-cells"));
        List<String> names = channels();
        List<String> geos = new ArrayList<>();
        for (WebElement o : driver.findElements(By.cssSelector("#geo-select option"))) {
            if (o.getAttribute("value").matches("\\d+")) {
                geos.add(o.getText());
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            for (int g = 0; g < geos.size(); g++) {
                double v = cells.get(c).get(g).asDouble();
                if (v > 0) {
                    out.put(names.get(c) + "@" + geos.get(g), v);
                }
            }
        }
        return out;
    }

    @Test
    void onAPanelSpendInOneGeoGivesWhatifsNumbers(@TempDir Path out) throws IOException {
        open(panel, "");
        assertTrue(driver.findElement(By.id("geo-row")).isDisplayed(), "a panel model offers the geo selector");
        double allTv = Double.parseDouble(driver.findElement(By.id("spend-0")).getAttribute("data-value"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("geo-select"))).selectByVisibleText("geo02");
        double cellTv = Double.parseDouble(driver.findElement(By.id("spend-0")).getAttribute("data-value"));
        assertTrue(cellTv > 0 && cellTv < allTv, "the box shows geo02's part of tv: " + cellTv + " of " + allTv);
        WebElement tv = driver.findElement(By.id("spend-0"));
        tv.sendKeys(Keys.chord(Keys.CONTROL, "a"), "12345");
        assertTrue(driver.getCurrentUrl().contains("tv@geo02=12345"), driver.getCurrentUrl());
        Map<String, Double> cells = cellsOfPage();
        assertEquals(12345.0, cells.get("tv@geo02"), 0.0);
        assertPageMatches(whatif(dir.resolve("geo-fit/model.json"), 13, cells, out));
        // back to channel totals: the total now includes geo02's new spend
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("geo-select"))).selectByValue("-1");
        double newAll = Double.parseDouble(driver.findElement(By.id("spend-0")).getAttribute("data-value"));
        assertEquals(allTv - cellTv + 12345, newAll, 1e-6 * allTv);
    }

    @Test
    void onAPanelAnAddressWithGeosIsLoaded(@TempDir Path out) throws IOException {
        open(panel, "#tv@geo03=4000&search=20000");
        Map<String, Double> cells = cellsOfPage();
        assertEquals(4000.0, cells.get("tv@geo03"), 0.0);
        JsonNode w = whatif(dir.resolve("geo-fit/model.json"), 13, Map.of("tv@geo03", 4000.0, "search", 20000.0), out);
        assertPageMatches(w);
        assertPageMatches(whatif(dir.resolve("geo-fit/model.json"), 13, cells, out.resolve("cells")));
    }

    @Test
    void onBrandByRegionCellsABrandIsEditedAsAWhole(@TempDir Path out) throws IOException {
        open(brandRegion, "");
        List<String> labels = new ArrayList<>();
        for (WebElement g : driver.findElements(By.cssSelector("#geo-select optgroup"))) {
            labels.add(g.getAttribute("label"));
        }
        assertEquals(List.of("Brands (all their regions)", "Regions (all their brands)", "Cells"), labels);
        JsonNode before = read(driver.findElement(By.id("scenario")).getAttribute("data-cells"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("geo-select"))).selectByVisibleText("A");
        double brandTv = Double.parseDouble(driver.findElement(By.id("spend-0")).getAttribute("data-value"));
        double sum = 0;
        for (int g = 0; g < 10; g++) {
            sum += before.get(0).get(g).asDouble();
        }
        assertEquals(sum, brandTv, 1e-9 * sum, "brand A's tv is the sum of its cells (the first ten)");
        driver.findElement(By.id("spend-0")).sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(Math.round(2 * brandTv)));
        JsonNode after = read(driver.findElement(By.id("scenario")).getAttribute("data-cells"));
        double factor = Math.round(2 * brandTv) / brandTv;
        for (int g = 0; g < 20; g++) {
            double expected = before.get(0).get(g).asDouble() * (g < 10 ? factor : 1);
            assertEquals(expected, after.get(0).get(g).asDouble(), 1e-9 * Math.max(1, expected),
                    "cell " + g + ": brand A's cells scale together, brand B's stay");
        }
        assertPageMatches(whatif(dir.resolve("cells-fit/model.json"), 13, cellsOfPage(), out));
    }

    @Test
    void aPriceChangeGivesWhatifsNumbers(@TempDir Path out) throws IOException {
        open(demo, "");
        assertFalse(driver.findElement(By.id("price-row")).isDisplayed(), "no price slider without a price");
        open(priced, "");
        assertTrue(driver.findElement(By.id("price-row")).isDisplayed(), "a model with a price has its slider");
        double before = value("expected-kpi", "data-value");
        driver.findElement(By.id("price-change")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "5");
        assertTrue(driver.getCurrentUrl().endsWith("#price-change=5"), driver.getCurrentUrl());
        JsonNode w = whatif(dir.resolve("price-fit/model.json"), 13, Map.of(), out, 5);
        assertPageMatches(w);
        assertTrue(w.get("price_effect").asDouble() != 0, "the price moves the KPI");
        assertEquals(before + w.get("price_effect").asDouble(), value("expected-kpi", "data-value"),
                1e-7 * Math.abs(before), "the KPI moves by the price's effect alone");
        // an address with a price and spend
        open(priced, "#price-change=-10&tv=50000");
        assertPageMatches(whatif(dir.resolve("price-fit/model.json"), 13, Map.of("tv", 50000.0), out.resolve("b"),
                -10));
        driver.findElement(By.id("plan-current")).click();
        assertEquals("0", driver.findElement(By.id("price-change")).getAttribute("value"), "the current plan's price");
    }
}
