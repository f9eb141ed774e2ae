package io.github.mmm4j.cli;

import io.github.mmm4j.auto.AnalysisResult;
import io.github.mmm4j.auto.Check;
import io.github.mmm4j.auto.PipelineResult;
import io.github.mmm4j.auto.Round;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The console summary of an automated analysis: verdict, rounds, the primary model's table and the plan. */
final class AutoSummary {

    private AutoSummary() {
    }

    /**
     * The report's confidence with its reasons and its warnings, from the {@code results.json} just written, so that
     * the console says what the report says before the reader acts on the plan above.
     */
    private static void findings(List<Path> files, PrintWriter out) {
        Path json = files.stream().filter(f -> f.getFileName().toString().equals("results.json")).findFirst()
                .orElse(null);
        if (json == null) {
            return;
        }
        com.fasterxml.jackson.databind.JsonNode f;
        try {
            f = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).path("findings");
        } catch (java.io.IOException e) {
            return;
        }
        if (f.has("confidence")) {
            List<String> why = new java.util.ArrayList<>();
            f.path("confidence_reasons").forEach(x -> why.add(x.asText()));
            out.printf(Locale.ROOT, "Confidence: %s (%s)%n", f.get("confidence").asText().toLowerCase(Locale.ROOT),
                    String.join("; ", why));
        }
        if (f.path("warnings").size() > 0) {
            out.println("Warnings (the report explains each):");
            f.path("warnings").forEach(w -> out.printf(Locale.ROOT, "  - %s%n", w.asText()));
        }
        out.println();
    }

    static void print(PipelineResult r, PrintWriter out) {
        AnalysisResult a = r.analysis();
        out.printf(Locale.ROOT, "Data readiness %d of 5. %s%n", a.profile().readiness(),
                String.join("; ", a.profile().reasons()));
        for (Round round : a.rounds()) {
            out.printf(Locale.ROOT, "round %d: %s -> %s (%d of %d checks passed)%n", round.number(),
                    round.proposal().map(p -> p.change()).orElse("initial model"), round.critique().verdict(),
                    round.critique().passedCount(), round.critique().checks().size());
        }
        out.printf(Locale.ROOT, "verdict: %s (round %d; %s)%n", a.verdict(), a.best() + 1, a.stopReason());
        for (String note : a.adaptations()) {
            out.printf(Locale.ROOT, "  scaled to the data's size: %s%n", note);
        }
        for (Check c : a.failedChecks()) {
            out.printf(Locale.ROOT, "  not passed: %s%s: %s%n", c.name(), c.blocking() ? "" : " (advisory)",
                    c.evidence());
        }
        out.println();
        out.print(Results.table(r.primary()));
        out.println();
        out.print(OptimizeCommand.table(r.plan(), r.planning()));
        out.println();
        findings(r.files(), out);
        for (Path f : r.files()) {
            out.printf(Locale.ROOT, "Wrote %s%n", f);
        }
        out.flush();
    }
}
