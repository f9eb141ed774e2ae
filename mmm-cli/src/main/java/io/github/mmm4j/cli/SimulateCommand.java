package io.github.mmm4j.cli;

import io.github.mmm4j.auto.AutoPipeline;
import io.github.mmm4j.auto.report.SimulatorPage;
import io.github.mmm4j.core.OutputSet;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.optimize.Allocation;
import io.github.mmm4j.optimize.BudgetConstraints;
import io.github.mmm4j.optimize.BudgetOptimizer;
import io.github.mmm4j.optimize.Objective;
import io.github.mmm4j.optimize.PlanningModel;
import io.github.mmm4j.optimize.Simulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mmm simulate --model model.json [--horizon N] --out DIR}: writes {@code simulator.html}, the interactive
 * what-if page of a saved model (see {@link SimulatorPage}), with the current plan and the plan that maximises the
 * expected KPI for the same budget (as {@code mmm optimize} finds it) behind its two buttons. The page computes what
 * {@code mmm whatif} computes.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Write simulator.html, an interactive what-if page for a saved model (one file, no network).")
final class SimulateCommand implements Callable<Integer> {

    @Mixin
    SavedModelArgs saved;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}); not "
            + "the folder that holds the model.", defaultValue = "simulate-out")
    Path out;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Common.checkNotModelFolder(out, saved.model);
        FittedModel fitted = saved.read();
        int h = saved.horizon(fitted);
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), ProgressBar.interactive());
        bar.update("plan", 0, "the recommended plan");
        PlanningModel pm = PlanningModel.of(fitted, h);
        Allocation plan = BudgetOptimizer.optimize(pm, BudgetConstraints.none(), Objective.maximizeKpi());
        bar.update("page", 0.8, "simulator.html");
        Simulator sim = Simulator.of(pm);
        double[] recommended = AutoPipeline.recommendedPerPeriod(plan, pm);
        List<Path> files = OutputSet.write(out, dir -> SimulatorPage.write(sim, recommended, dir));
        bar.done();
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Simulator of %s over the next %d periods: %d channels, %s%n", fitted.data().kpiName(), h,
                pm.nChannels(), sim.drawCount() == 0 ? "no draws (no intervals)"
                        : sim.drawCount() + " draws" + (sim.drawCount() < sim.modelDrawCount()
                                ? " (evenly thinned from " + sim.modelDrawCount() + ")" : ""));
        for (Path f : files) {
            w.printf(Locale.ROOT, "Wrote %s%n", f);
        }
        w.flush();
        return 0;
    }
}
