package io.github.mmm4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bounds of every option that drives how much work or memory a command takes, and the other checks an option
 * value gets before a command runs, in one table so that each command needs no code of its own. A value out of bounds
 * is a usage error: exit code 2 with one line naming the option and value, for example
 * {@code --horizon 10000000 is out of range: at most 1000 periods are planned}.
 *
 * <p>The upper bounds are set well above any analysis that makes sense, and low enough that the command finishes in
 * reasonable time and memory on a laptop: planning 1000 periods ahead (19 years of weeks, 2.7 of days); a Bayesian fit
 * of 32 chains of 20,000 warmup and 20,000 draws; a search of 50 trials of 20,000 iterations (a million fits);
 * 20 rounds of {@code auto}; 1000 replicates of the recovery benchmark on 256 threads. Every number option (a budget,
 * a margin, a target) must also be finite: picocli reads {@code NaN} and {@code Infinity} as numbers.
 */
final class Limits {

    /** An inclusive range of an option's value, and what the value counts. */
    record Bound(long min, long max, String unit) {
    }

    /** The bounds, by option name. */
    static final Map<String, Bound> BOUNDS = Map.ofEntries(
            Map.entry("--horizon", new Bound(1, 1000, "periods are planned")),
            Map.entry("--chains", new Bound(1, 32, "chains")),
            Map.entry("--warmup", new Bound(1, 20_000, "warmup iterations per chain")),
            Map.entry("--draws", new Bound(1, 20_000, "draws per chain")),
            Map.entry("--max-tree-depth", new Bound(1, 15, "levels")),
            Map.entry("--bayes-draws", new Bound(10, 20_000, "warmup iterations and draws per chain")),
            Map.entry("--trials", new Bound(1, 50, "search trials")),
            Map.entry("--iterations", new Bound(1, 20_000, "iterations per search trial")),
            Map.entry("--max-rounds", new Bound(1, 20, "rounds")),
            Map.entry("--replicates", new Bound(1, 1000, "replicates")),
            Map.entry("--threads", new Bound(1, 256, "threads")),
            Map.entry("--holdout", new Bound(0, 100_000, "periods held out")));

    /** Number options that must be finite and greater than zero (the others need only be finite). */
    private static final java.util.Set<String> POSITIVE = java.util.Set.of("--margin", "--target-roi",
            "--target-mroi", "--target-kpi");

    private Limits() {
    }

    /**
     * Checks the values, given or default, of a command's options against the bounds, and that {@code --out} can be
     * a folder to write to.
     *
     * @param spec the command about to run
     * @throws CommandLine.ParameterException naming the option and value of the first problem found
     */
    static void check(CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            Object v = o.getValue();
            if (v == null) {
                continue;
            }
            String name = o.longestName();
            String problem = problem(name, v);
            if (problem != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), name + " " + v + " " + problem);
            }
        }
    }

    /** What is wrong with one option's value, or null. */
    static String problem(String name, Object v) {
        Bound b = BOUNDS.get(name);
        if (b != null && v instanceof Number n) {
            long x = n.longValue();
            if (x < b.min() || x > b.max()) {
                return String.format(Locale.ROOT, "is out of range: %s %d to %d %s",
                        b.min() == b.max() ? "exactly" : "from", b.min(), b.max(), b.unit());
            }
        }
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                return "is not a finite number";
            }
            if (POSITIVE.contains(name) && !(d > 0)) {
                return "must be greater than 0";
            }
        }
        if (name.equals("--out") && v instanceof Path p) {
            return outputProblem(p);
        }
        return null;
    }

    /**
     * Why {@code dir} cannot be the output folder, or null: it is a file, or the nearest existing folder on its path
     * is a file or cannot be written to. Nothing is created.
     */
    static String outputProblem(Path dir) {
        Path p = dir.toAbsolutePath().normalize();
        if (Files.exists(p) && !Files.isDirectory(p)) {
            return "is a file, not a folder";
        }
        Path q = p;
        while (q != null && !Files.exists(q)) {
            q = q.getParent();
        }
        if (q == null) {
            return null;
        }
        if (!Files.isDirectory(q)) {
            return "cannot be created: " + q + " is a file, not a folder";
        }
        if (!Files.isWritable(q)) {
            return q.equals(p) ? "is a folder that cannot be written to (permission denied or read-only)"
                    : "cannot be created: " + q + " cannot be written to (permission denied or read-only)";
        }
        return null;
    }
}
