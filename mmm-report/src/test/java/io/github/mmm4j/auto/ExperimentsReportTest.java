package io.github.mmm4j.auto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mmm4j.auto.report.ReportInput;
import io.github.mmm4j.auto.report.Reporter;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.Estimator;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.models.bayes.BayesianMmm;
import io.github.mmm4j.models.bayes.LiftTest;
import io.github.mmm4j.synthetic.DemoData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explorer profiles the experiments; the report sets each against every model's prediction. */
class ExperimentsReportTest {

    @Test
    void explorerNamesWhatWeakensAnExperiment() {
        MmmDataset data = DemoData.generate(42);
        LocalDate s = data.time().date(40);
        LocalDate e = data.time().date(43);
        int holdout = 13;
        ExperimentProfile clean = ExperimentProfile.of(LiftTest.ofMultiplier("tv", s, e, 0, -50_000, 10_000), data,
                holdout);
        assertTrue(clean.problems().isEmpty(), clean.problems().toString());
        assertEquals(4, clean.periods());
        double observed = 0;
        int c = data.channelIndex("tv");
        for (int t = 40; t <= 43; t++) {
            observed += data.spend(t, c);
        }
        assertEquals(observed, clean.observedSpend(), 1e-9 * observed);
        assertEquals(-observed, clean.impliedSpendChange(), 1e-9 * observed);

        ExperimentProfile wrongSign = ExperimentProfile.of(LiftTest.ofMultiplier("tv", s, e, 0, 50_000, 10_000), data,
                holdout);
        assertTrue(wrongSign.problems().get(0).contains("opposite sign"), wrongSign.problems().toString());
        ExperimentProfile noisy = ExperimentProfile.of(new LiftTest("tv", s, e, 10_000, 5_000, 4_000), data, holdout);
        assertTrue(noisy.problems().stream().anyMatch(p -> p.contains("within two standard errors")),
                noisy.problems().toString());
        int nt = data.nPeriods();
        ExperimentProfile late = ExperimentProfile.of(new LiftTest("tv", data.time().date(nt - 5),
                data.time().date(nt - 2), 10_000, 50_000, 5_000), data, holdout);
        assertTrue(late.inHoldout());
        assertTrue(late.problems().stream().anyMatch(p -> p.contains("held-out")), late.problems().toString());

        ExperimentProfile partly = ExperimentProfile.of(new LiftTest("tv", data.time().date(nt - 3),
                data.time().end().plusWeeks(4), 10_000, 50_000, 5_000), data, 0);
        assertEquals(3, partly.periods());
        assertTrue(partly.problems().stream().anyMatch(p -> p.contains("reaches beyond the data")),
                partly.problems().toString());

        DataProfile profile = Explorer.explore(data, 0, List.of(wrongSign.test()), holdout);
        assertEquals(1, profile.experiments().size());
        assertTrue(profile.reasons().stream().anyMatch(r -> r.startsWith("experiment on tv") && r.contains("opposite")),
                profile.reasons().toString());
    }

    @Test
    void comparisonGivesEachModelsPredictionWithAnIntervalThatHoldsThePoint() {
        MmmDataset data = DemoData.generate(7);
        FittedModel ridge = Ridge.fit(data, ModelSpec.defaults(data), RidgeOptions.defaults().withBootstrap(40));
        LiftTest test = LiftTest.ofMultiplier("search", data.time().date(60), data.time().date(63), 1.5, 1, 1);
        double p = test.predictedLift(ridge);
        LiftTest measured = LiftTest.ofMultiplier("search", data.time().date(60), data.time().date(63), 1.5, p,
                0.1 * Math.abs(p));
        ExperimentComparison x = ExperimentComparison.of(List.of(ridge), List.of(measured), true).get(0);
        ExperimentComparison.Prediction pr = x.predictions().get(0);
        assertEquals(p, pr.lift(), 0.0);
        assertTrue(pr.consistent());
        assertTrue(pr.interval().orElseThrow().contains(p), pr.interval().toString());
        assertTrue(pr.interval().get().upper() > pr.interval().get().lower());
        assertTrue(ExperimentComparison.of(List.of(ridge), List.of(measured), false).get(0).predictions().get(0)
                .interval().isEmpty());
    }

    @Test
    void autoReportsEstimatesAgainstExperimentsInEveryFormat(@TempDir Path dir) throws IOException {
        MmmDataset data = DemoData.generate(42);
        FittedModel probe = Ridge.fit(data, ModelSpec.defaults(data), RidgeOptions.defaults().withBootstrap(0));
        LiftTest shape = LiftTest.ofMultiplier("tv", data.time().date(60), data.time().date(63), 0, 1, 1);
        double lift = shape.predictedLift(probe);
        LiftTest goDark = LiftTest.ofMultiplier("tv", data.time().date(60), data.time().date(63), 0, lift,
                0.15 * Math.abs(lift));
        List<Estimator> est = new ArrayList<>();
        for (Estimator e : AutoOptions.defaultEstimators()) {
            est.add(e instanceof BayesianMmm b ? b.withOptions(b.options().withLiftTests(List.of(goDark))
                    .withChains(2).withWarmup(200).withDraws(200)) : e);
        }
        AnalysisResult r = AutoAnalysis.run(data, AutoOptions.defaults().withEstimators(est).withMaxRounds(1)
                .withSearchIterations(0));
        assertEquals(1, r.profile().experiments().size());
        Reporter.write(ReportInput.of(r, 42, "demo with a go-dark test"), dir);
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("### Estimates against experiments"), "report section");
        assertTrue(md.contains("Experiments given with the data (lift tests):"), "explorer's table");
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("Estimates against experiments"));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        JsonNode ex = json.get("experiments");
        assertEquals(1, ex.size());
        assertEquals("tv", ex.get(0).get("channel").asText());
        assertEquals(0.0, ex.get(0).get("multiplier").asDouble(), 0.0);
        assertEquals(r.bestRound().models().size(), ex.get(0).get("predictions").size());
        for (JsonNode p : ex.get(0).get("predictions")) {
            double v = p.get("lift").asDouble();
            assertTrue(p.get("lift_lower").asDouble() <= v && v <= p.get("lift_upper").asDouble(), p.toString());
        }
        assertEquals(1, json.get("readiness").get("experiments").size());
        assertFalse(json.get("readiness").get("experiments").get(0).get("in_holdout").asBoolean());
    }
}
