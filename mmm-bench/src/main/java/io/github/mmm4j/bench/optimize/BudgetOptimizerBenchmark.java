package io.github.mmm4j.bench.optimize;

import io.github.mmm4j.optimize.Allocation;
import io.github.mmm4j.optimize.BudgetConstraints;
import io.github.mmm4j.optimize.BudgetOptimizer;
import io.github.mmm4j.optimize.Objective;
import io.github.mmm4j.optimize.PlanningModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The budget optimizer over a 13-week horizon after 156 weeks of history: {@code optimize} is the whole call
 * (solve plus evaluation of the recommended plan against the baseline); {@code planningModel} the one-off setup
 * (carryover and flighting precomputation). Concave responses (Hill slope 1) use the Lagrange method, S-shaped ones
 * (slope 3) the grid dynamic programme with Lagrange polishing. With {@code groups = overlapping} the channels are
 * the cells of a grid (2 x 2, or 5 x 10) and every row and every column is a group held between 80% and 130% of its
 * current spend, as a panel's cells are in their channel's group and their geo's: the group-price method, on the
 * concave envelopes for S-shaped responses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class BudgetOptimizerBenchmark {

    /** Number of channels. */
    @Param({"4", "50"})
    public int channels;

    /** Response shape. */
    @Param({"concave", "s-shaped"})
    public String shape;

    /** Group bounds: {@code none}, or {@code overlapping} (every channel in two groups). */
    @Param({"none", "overlapping"})
    public String groups;

    private PlanningModel planning;
    private io.github.mmm4j.models.FittedModel model;
    private BudgetConstraints constraints;

    /** Builds the model, the planning model and a budget 20% above the current spend. */
    @Setup
    public void setUp() {
        model = BenchModels.model(BenchModels.data(channels, 156, 11), shape.equals("concave") ? 1.0 : 3.0);
        planning = PlanningModel.of(model, 13);
        BudgetConstraints.Builder b = BudgetConstraints.builder().budget(1.2 * planning.baseline().total());
        if (groups.equals("overlapping")) {
            // the channels as cells of a grid (2 x 2, or 5 x 10 for 50), one group per row and per column
            java.util.List<String> names = model.data().channels();
            int rows = channels == 4 ? 2 : 5;
            int cols = names.size() / rows;
            for (int r = 0; r < rows; r++) {
                java.util.List<String> g = new java.util.ArrayList<>();
                for (int q = 0; q < cols; q++) {
                    g.add(names.get(r * cols + q));
                }
                b.group(group("row" + r, g));
            }
            for (int q = 0; q < cols; q++) {
                java.util.List<String> g = new java.util.ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    g.add(names.get(r * cols + q));
                }
                b.group(group("column" + q, g));
            }
        }
        constraints = b.build();
    }

    /** A group of channels held between 80% and 130% of its current spend. */
    private io.github.mmm4j.optimize.ChannelGroup group(String name, java.util.List<String> members) {
        double current = 0;
        for (String m : members) {
            current += planning.baseline().channelTotal(m);
        }
        return new io.github.mmm4j.optimize.ChannelGroup(name, members, 0.8 * current, 1.3 * current);
    }

    /** One optimisation. */
    @Benchmark
    public Allocation optimize() {
        return BudgetOptimizer.optimize(planning, constraints, Objective.maximizeKpi());
    }

    /** Building the planning model. */
    @Benchmark
    public PlanningModel planningModel() {
        return PlanningModel.of(model, 13);
    }
}
