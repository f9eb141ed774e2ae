package io.github.mmm4j.cli;

import io.github.mmm4j.auto.AnalysisResult;
import io.github.mmm4j.auto.Check;
import io.github.mmm4j.auto.PipelineResult;
import io.github.mmm4j.auto.Round;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** The console summary of an automated analysis: verdict, rounds, the primary model's table and the plan. */
final class AutoSummary {

    private AutoSummary() {
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
        for (Path f : r.files()) {
            out.printf(Locale.ROOT, "Wrote %s%n", f);
        }
        out.flush();
    }
}
