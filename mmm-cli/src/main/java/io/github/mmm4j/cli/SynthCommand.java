package io.github.mmm4j.cli;

import io.github.mmm4j.synthetic.BrandRegionProcess;
import io.github.mmm4j.synthetic.ChannelTruth;
import io.github.mmm4j.synthetic.Generated;
import io.github.mmm4j.synthetic.Presets;
import io.github.mmm4j.synthetic.ScenarioFiles;
import io.github.mmm4j.synthetic.ScenarioSpec;
import io.github.mmm4j.synthetic.Synthetic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mmm synth [--preset NAME | --config FILE] [--seed N] --out DIR}: generate a synthetic dataset whose truth
 * is known. Writes {@code DIR/data.csv} (read it back with {@code mmm fit DIR/data.csv --kpi sales ...}) and
 * {@code DIR/truth.json} (field names are a stable contract, see {@code GroundTruth.toJson()}: at least
 * {@code channels}, a list with {@code name}, {@code spend}, {@code contribution}, {@code share}, {@code roi},
 * {@code mroi}, {@code adstock} and {@code saturation}), and prints the true channel table.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate a synthetic dataset with known truth and write data.csv and truth.json.")
final class SynthCommand implements Callable<Integer> {

    @Option(names = "--preset", paramLabel = "NAME",
            description = "A preset scenario: easy, realistic, hard, geo or brand-region (default: realistic, unless "
                    + "--config).")
    String preset;

    @picocli.CommandLine.Mixin
    BrandRegionArgs panel = new BrandRegionArgs();

    @Option(names = "--config", paramLabel = "FILE", description = "A scenario file (.yaml, .yml or .json).")
    Path config;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        panel.rejectUnlessSelected(preset);
        if (BrandRegionArgs.selected(preset)) {
            BrandRegionProcess.Draw d = BrandRegionProcess.draw(panel.config(config), seed);
            io.github.mmm4j.core.OutputSet.write(out, d::write);
            PrintWriter pw = spec.commandLine().getOut();
            pw.print(table(d));
            pw.printf(Locale.ROOT, "%nWrote %s and %s; fit it with%n  ./mmm fit %s --date date --brand brand --geo "
                    + "region --population population --kpi sales --price price --controls macro --model bayes%n",
                    out.resolve(Generated.DATA_FILE), out.resolve(Generated.TRUTH_FILE),
                    out.resolve(Generated.DATA_FILE));
            pw.flush();
            return 0;
        }
        ScenarioSpec scenario = scenario(preset, config);
        Generated g = Synthetic.generate(scenario, seed);
        io.github.mmm4j.core.OutputSet.write(out, g::write);
        PrintWriter pw = spec.commandLine().getOut();
        pw.print(table(g));
        pw.printf(Locale.ROOT, "%nWrote %s and %s%n", out.resolve(Generated.DATA_FILE),
                out.resolve(Generated.TRUTH_FILE));
        pw.flush();
        return 0;
    }

    /**
     * The scenario named by {@code --preset} or read from {@code --config}; {@code realistic} if neither.
     *
     * @throws Main.BadInputException if both are given
     */
    static ScenarioSpec scenario(String preset, Path config) {
        if (preset != null && config != null) {
            throw new Main.BadInputException("give --preset or --config, not both");
        }
        if (config != null) {
            return ScenarioFiles.read(config);
        }
        String name = preset == null ? "realistic" : preset;
        if (!Presets.NAMES.contains(name.toLowerCase(Locale.ROOT).strip())) {
            throw new Main.BadInputException("--preset " + name + " is not a preset; presets are " + Presets.NAMES
                    + " and " + BrandRegionArgs.PRESET);
        }
        return Presets.byName(name);
    }

    private static String table(BrandRegionProcess.Draw d) {
        BrandRegionProcess.Config c = d.config();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "synthetic 'brand-region' (seed %d): %d brands x %d regions x %d weeks%n%n", d.seed(), c.nBrands(), c.nRegions(), c.weeks()));
        ConsoleTable t = new ConsoleTable("channel", "spend", "contribution", "ROI");
        for (int k = 0; k < BrandRegionProcess.CHANNELS.size(); k++) {
            double spend = 0;
            double contribution = 0;
            for (int g = 0; g < d.cellSpend().length; g++) {
                spend += d.cellSpend()[g][k];
                contribution += d.cellContribution()[g][k];
            }
            t.row(BrandRegionProcess.CHANNELS.get(k), ConsoleTable.amount(spend), ConsoleTable.amount(contribution),
                    ConsoleTable.amount(d.totalRoi(k)));
        }
        sb.append(t.render());
        sb.append(String.format(Locale.ROOT, "%nprice elasticity per brand:"));
        for (int b = 0; b < d.brands().size(); b++) {
            sb.append(String.format(Locale.ROOT, " %s %.2f", d.brands().get(b), d.elasticity()[b]));
        }
        sb.append(String.format(Locale.ROOT, "%n"));
        return sb.toString();
    }

    private static String table(Generated g) {
        ScenarioSpec s = g.truth().spec();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "synthetic '%s' (seed %d): %d %s periods from %s, %d geo%s, noise sd %s%n%n", s.name(),
                g.truth().seed(), s.periods(), s.frequency().name().toLowerCase(Locale.ROOT), s.start(), s.nGeos(),
                s.nGeos() == 1 ? "" : "s", ConsoleTable.amount(g.truth().noiseSd())));
        ConsoleTable t = new ConsoleTable("channel", "spend", "contribution", "share", "ROI", "mROI");
        for (ChannelTruth c : g.truth().channels()) {
            t.row(c.name(), ConsoleTable.amount(c.spend()), ConsoleTable.amount(c.contribution()),
                    ConsoleTable.pct(c.share()), ConsoleTable.amount(c.roi()), ConsoleTable.amount(c.mroi()));
        }
        sb.append(t.render());
        return sb.toString();
    }
}
