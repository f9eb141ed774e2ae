package io.github.mmm4j.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmCsv;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"easy", "realistic", "hard", "geo"})
    void sameSeedGivesIdenticalCsvBytesAndTruth(String preset, @TempDir Path dir) throws IOException {
        ScenarioSpec spec = Presets.byName(preset);
        Synthetic.generate(spec, 7).write(dir.resolve("a"));
        Synthetic.generate(spec, 7).write(dir.resolve("b"));
        Synthetic.generate(spec, 8).write(dir.resolve("c"));
        byte[] a = Files.readAllBytes(dir.resolve("a/data.csv"));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b/data.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/truth.json")), Files.readAllBytes(dir.resolve("b/truth.json")));
        assertFalse(java.util.Arrays.equals(a, Files.readAllBytes(dir.resolve("c/data.csv"))), "seed 8 differs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"easy", "realistic", "hard", "geo"})
    void contributionsSumToKpiMinusNoise(String preset) {
        for (long seed = 1; seed <= 3; seed++) {
            Generated g = Synthetic.generate(Presets.byName(preset), seed);
            double[] kpi = g.data().kpi();
            double[] noise = g.truth().noise();
            double[] contributions = g.truth().contributions();
            int k = g.truth().nComponents();
            assertEquals(k, g.truth().componentNames().size());
            for (int r = 0; r < kpi.length; r++) {
                double sum = 0;
                for (int j = k - 1; j >= 0; j--) { // another order than the generator's
                    sum += contributions[r * k + j];
                }
                double expected = kpi[r] - noise[r];
                assertTrue(Tolerances.close(expected, sum, Tolerances.SUM), preset + " row " + r + ": " + expected
                        + " vs " + sum);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"easy", "realistic", "hard", "geo"})
    void channelTruthIsConsistent(String preset) {
        Generated g = Synthetic.generate(Presets.byName(preset), 11);
        double shares = 0;
        for (int c = 0; c < g.truth().channels().size(); c++) {
            ChannelTruth t = g.truth().channels().get(c);
            assertEquals(g.data().totalSpend(c), t.spend(), 0.0);
            assertEquals(g.truth().totalContribution(t.name()), t.contribution(), 1e-9 * t.contribution());
            assertEquals(t.contribution() / t.spend(), t.roi(), 1e-12 * t.roi());
            assertEquals(g.data().totalSpend(c) / g.data().nRows(), t.scale(), 1e-12 * t.scale());
            assertTrue(t.roi() > 0 && t.mroi() > 0 && Double.isFinite(t.mroi()), t.toString());
            shares += t.share();
        }
        assertEquals(1.0, shares, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"easy", "realistic", "hard", "geo"})
    void mroiMatchesCentralDifferenceOfTheTruthMachinery(String preset) {
        Generated g = Synthetic.generate(Presets.byName(preset), 3);
        GroundTruth truth = g.truth();
        for (int c = 0; c < truth.channels().size(); c++) {
            ChannelTruth t = truth.channels().get(c);
            assertTrue(Tolerances.close(t.contribution(), truth.totalContribution(c, 1.0), 1e-12), t.name());
            double h = Tolerances.STEP;
            double fd = (truth.totalContribution(c, 1 + h) - truth.totalContribution(c, 1 - h)) / (2 * h * t.spend());
            assertEquals(fd, t.mroi(), Tolerances.FINITE_DIFFERENCE * Math.abs(fd), preset + " " + t.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"easy", "realistic", "geo"})
    void experimentLiftOverTheWholeDataIsTheChangeOfTheTotalContribution(String preset) {
        GroundTruth truth = Synthetic.generate(Presets.byName(preset), 3).truth();
        int nt = truth.spec().periods();
        int ng = truth.spec().nGeos();
        for (int c = 0; c < truth.channels().size(); c++) {
            double total = truth.totalContribution(c, 1.0);
            for (double m : new double[] {0, 0.5, 1.5}) {
                double expected = truth.totalContribution(c, m) - total;
                double lift = truth.experimentLift(c, -1, 0, nt - 1, m);
                assertEquals(expected, lift, 1e-9 * total, preset + " multiplier " + m);
                double byGeo = 0;
                for (int g = 0; g < ng; g++) {
                    byGeo += truth.experimentLift(c, g, 0, nt - 1, m);
                }
                assertEquals(lift, byGeo, 1e-9 * total, preset + " geos add up, multiplier " + m);
            }
            // a window's lift is the change over the window and its carryover only: a cut in the first half never
            // lowers the contribution before it, and the unchanged multiplier gives no lift
            assertEquals(0.0, truth.experimentLift(c, -1, nt / 2, nt / 2 + 7, 1.0), 0.0);
            double cut = truth.experimentLift(c, -1, nt / 2, nt / 2 + 7, 0.5);
            assertTrue(cut <= 0 && cut >= -total, preset + " cut " + cut);
        }
        assertThrows(IllegalArgumentException.class, () -> truth.experimentLift(0, ng, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> truth.experimentLift(0, -1, 5, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> truth.experimentLift(0, -1, 0, nt, 0));
        assertThrows(IllegalArgumentException.class, () -> truth.experimentLift(0, -1, 0, 1, -1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"realistic", "hard", "geo"})
    void csvRoundTripIsExact(String preset, @TempDir Path dir) {
        MmmDataset data = Synthetic.generate(Presets.byName(preset), 5).data();
        Path file = dir.resolve("data.csv");
        MmmCsv.write(data, file);
        MmmDataset back = MmmCsv.read(file, MmmCsv.schemaOf(data));
        assertEquals(data.time(), back.time());
        assertEquals(data.geos(), back.geos());
        assertEquals(data.channels(), back.channels());
        assertEquals(data.controls(), back.controls());
        assertEquals(data.events(), back.events());
        assertArrayEquals(data.kpi(), back.kpi());
        assertArrayEquals(data.spend(), back.spend());
        assertArrayEquals(data.controlValues(), back.controlValues());
        assertArrayEquals(data.eventValues(), back.eventValues());
    }

    @Test
    void truthJsonHasTheDocumentedFields() throws IOException {
        Generated g = Synthetic.generate(Presets.realistic(), 9);
        JsonNode json = JSON.readTree(g.truth().toJson());
        assertEquals("realistic", json.get("scenario").asText());
        assertEquals(9, json.get("seed").asLong());
        assertEquals(6, json.get("channels").size());
        for (JsonNode c : json.get("channels")) {
            for (String f : List.of("spend", "contribution", "share", "roi", "mroi", "effect", "scale")) {
                assertTrue(c.get(f).isNumber(), c.get("name") + "." + f);
            }
            assertTrue(c.get("adstock").get("type").isTextual());
            assertTrue(c.get("saturation").get("type").isTextual());
            assertEquals(Synthetic.CURVE_POINTS, c.get("responseCurve").get("contribution").size());
        }
        assertEquals(0.6, json.get("channels").get(0).get("adstock").get("alpha").asDouble(), 0.0);
        assertEquals(156, json.get("contributions").get("tv").size());
        assertEquals(156, json.get("contributions").get("noise").size());
        assertEquals(Presets.realistic(), SpecCodec.fromTree(json.get("spec")));
    }

    @Test
    void responseCurveIsZeroAtZeroMonotoneAndMatchesTheSteadyState() {
        ChannelTruth t = Synthetic.generate(Presets.realistic(), 1).truth().channel("tv");
        ResponseCurve curve = t.curve();
        assertEquals(0.0, curve.value(0), 0.0);
        double[][] s = curve.sample(3 * t.scale(), 31);
        for (int i = 1; i < 31; i++) {
            assertTrue(s[1][i] >= s[1][i - 1]);
        }
        double w = t.adstock().totalWeight();
        assertEquals(t.effect() * t.saturation().value(w), curve.value(t.scale()), 1e-9 * t.effect());
        double h = 1e-3 * t.scale();
        double fd = (curve.value(t.scale() + h) - curve.value(t.scale() - h)) / (2 * h);
        assertEquals(fd, curve.marginal(t.scale()), 1e-6 * Math.abs(fd));
    }

    @Test
    void oneChannelsPatternDoesNotChangeAnotherChannelsDraws() {
        ScenarioSpec a = Presets.easy();
        ScenarioSpec.Channel tv = a.channels().get(0);
        ScenarioSpec b = a.toBuilder().channels(List.of(
                new ScenarioSpec.Channel("tv", new SpendPattern.Flighted(30_000, 4, 4, 0.1), tv.adstock(),
                        tv.saturation(), tv.effect()), a.channels().get(1), a.channels().get(2))).build();
        MmmDataset da = Synthetic.generate(a, 4).data();
        MmmDataset db = Synthetic.generate(b, 4).data();
        assertArrayEquals(da.spendColumn(1), db.spendColumn(1));
        assertArrayEquals(da.spendColumn(2), db.spendColumn(2));
        assertFalse(java.util.Arrays.equals(da.spendColumn(0), db.spendColumn(0)));
    }

    @Test
    void noiseHitsTheTargetSignalToNoiseRatioAndPlacesTheOutliers() {
        ScenarioSpec spec = Presets.hard();
        GroundTruth t = Synthetic.generate(spec, 2).truth();
        double[] signal = t.signal();
        double m = Synthetic.mean(signal);
        double ss = 0;
        for (double v : signal) {
            ss += (v - m) * (v - m);
        }
        assertEquals(Math.sqrt(ss / signal.length) / spec.noise().snr(), t.noiseSd(), 1e-9 * t.noiseSd());
        int[] outliers = t.outlierRows();
        assertEquals(Math.round(spec.noise().outlierFraction() * spec.periods()), outliers.length);
        double[] noise = t.noise();
        for (int r : outliers) {
            assertTrue(Math.abs(noise[r]) > 2 * t.noiseSd(), "outlier row " + r + " noise " + noise[r]);
        }
    }

    @Test
    void noiselessScenarioHasKpiEqualToSignalAndDailyEventsFallOnTheirDay() {
        ScenarioSpec spec = ScenarioSpec.builder().periods(500).frequency(Frequency.DAILY)
                .start(LocalDate.of(2024, 1, 1))
                .channel("tv", new SpendPattern.AlwaysOn(1000, 0.2), Adstock.geometricInfinite(0.5, true),
                        Saturation.hill(1, 1), 500)
                .event(new ScenarioSpec.Event("leap", List.of(LocalDate.of(2024, 2, 29)), true, 100))
                .build();
        Generated g = Synthetic.generate(spec, 1);
        assertArrayEquals(g.truth().signal(), g.data().kpi());
        double[] ev = g.data().eventColumn(0);
        assertEquals(1.0, ev[59]); // 2024-02-29
        assertEquals(1.0, ev[366 + 58]); // 2025-02-28
        assertEquals(2.0, java.util.Arrays.stream(ev).sum());
    }

    @Test
    void differentSeedsGiveDifferentTruth() {
        assertNotEquals(Synthetic.generate(Presets.easy(), 1).truth().channels().get(0).roi(),
                Synthetic.generate(Presets.easy(), 2).truth().channels().get(0).roi());
    }
}
