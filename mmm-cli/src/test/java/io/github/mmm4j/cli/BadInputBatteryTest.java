package io.github.mmm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input battery: each case is a command line that must exit with code 2, print exactly one line on standard
 * error that names the place (file, line, column and value; or option and value) and contains the expected fragment,
 * print nothing on standard output, show no usage text and no control character, and write no output folder.
 * The data are {@code small.csv} (60 weeks: sales, tv_spend, search_spend, price, promo) and variants of it.
 */
class BadInputBatteryTest {

    @TempDir
    static Path dir;

    static Path small;
    static Path model;
    private static final AtomicInteger OUTS = new AtomicInteger();

    /**
     * @param name the case, as the test is named
     * @param fragment what the one line must contain
     * @param absent what it must not contain, or null
     * @param args the command line, built when the case runs (files are written then); {@code --out} is added
     *     unless given
     */
    record Case(String name, String fragment, String absent, Supplier<List<String>> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void fitAModel() throws IOException {
        small = dir.resolve("small.csv");
        try (InputStream in = BadInputBatteryTest.class.getResourceAsStream("small.csv")) {
            Files.copy(in, small);
        }
        CliTest.Run r = CliTest.run("fit", small.toString(), "--kpi", "sales", "--controls", "price", "--events",
                "promo", "--out", dir.resolve("model").toString());
        assertEquals(0, r.exit(), r.err());
        model = dir.resolve("model/model.json");
    }

    /** The lines of small.csv, header first. */
    static List<String> lines() {
        try {
            return new ArrayList<>(Files.readAllLines(small, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a variant of small.csv. */
    static String variant(String name, UnaryOperator<List<String>> edit) {
        Path p = dir.resolve(name);
        try {
            Files.writeString(p, String.join("\n", edit.apply(lines())) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.toString();
    }

    /** small.csv with one cell replaced: {@code line} and {@code column} 1-based, as in messages. */
    static String withCell(String name, int line, int column, String value) {
        return variant(name, ls -> {
            String[] cells = ls.get(line - 1).split(",", -1);
            cells[column - 1] = value;
            ls.set(line - 1, String.join(",", cells));
            return ls;
        });
    }

    /** small.csv with every data cell of a column replaced. */
    static String withColumn(String name, int column, UnaryOperator<String> value) {
        return variant(name, ls -> {
            for (int i = 1; i < ls.size(); i++) {
                String[] cells = ls.get(i).split(",", -1);
                cells[column - 1] = value.apply(cells[column - 1]);
                ls.set(i, String.join(",", cells));
            }
            return ls;
        });
    }

    static List<String> fit(String csv, String... extra) {
        List<String> a = new ArrayList<>(List.of("fit", csv, "--kpi", "sales", "--controls", "price", "--events",
                "promo"));
        a.addAll(Arrays.asList(extra));
        return a;
    }

    static List<String> optimize(String... extra) {
        List<String> a = new ArrayList<>(List.of("optimize", "--model", model.toString()));
        a.addAll(Arrays.asList(extra));
        return a;
    }

    static Case bad(String name, String fragment, Supplier<List<String>> args) {
        return new Case(name, fragment, null, args);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // silent wrong results, now refused
                bad("constant KPI", "small-const.csv, column 'sales': the KPI is constant (100.0) in all 60 rows",
                        () -> fit(withColumn("small-const.csv", 2, v -> "100"))),
                bad("absurd spend cell", "line 5, column 3 ('tv_spend'): value '1e300' is beyond the largest",
                        () -> fit(withCell("spend-1e300.csv", 5, 3, "1e300"))),
                bad("KPI magnitude 1e194", "line 2, column 2 ('sales'): value '1.5e194' is beyond the largest",
                        () -> fit(withColumn("kpi-1e194.csv", 2, v -> "1.5e194"))),
                bad("newline in a channel name", "line 1, column 3: value 'tv\\u000A_spend' is a column name with "
                        + "the control character U+000A", () -> fit(variant("newline-name.csv", ls -> {
                            ls.set(0, "date,sales,\"tv\n_spend\",search_spend,price,promo");
                            return ls;
                        }))),
                bad("OSC sequence in a channel name", "column 4: value 'search\\u001B]0;pwned\\u0007_spend' is a "
                        + "column name with the control character U+001B", () -> fit(variant("osc-name.csv", ls -> {
                            ls.set(0, "date,sales,tv_spend,search\u001b]0;pwned\u0007_spend,price,promo");
                            return ls;
                        }))),
                bad("escape sequence in a date cell", "line 3, column 1 ('date'): value '2022-01-10\\u001B[2J' is "
                        + "not a date", () -> fit(withCell("esc-date.csv", 3, 1, "2022-01-10\u001b[2J"))),
                new Case("text column as a channel", "column 4 ('search_spend'): value 'event1' is not a number; a "
                        + "channel column holds spend amounts, and this column holds text", "ZERO_FILL_SPEND",
                        () -> fit(withColumn("text-channel.csv", 4, v -> v.startsWith("5") ? "event1" : "na"))),
                bad("--target-roi 1e9", "--target-roi 1.0E9 cannot be met: INFEASIBLE",
                        () -> optimize("--objective", "target-roi", "--target-roi", "1e9")),
                bad("--budget 1e308", "--budget 1.0E308 is beyond the largest amount accepted",
                        () -> optimize("--budget", "1e308")),
                bad("--budget far above the current spend", "--budget 1.0E12 is more than 100 times the current "
                        + "spend over the horizon", () -> optimize("--budget", "1e12")),
                bad("--target-roi NaN", "--target-roi NaN is not a finite number",
                        () -> optimize("--objective", "target-roi", "--target-roi", "NaN")),
                bad("negative --margin", "--margin -1.0 must be greater than 0",
                        () -> optimize("--objective", "profit", "--margin", "-1")),
                // unbounded work
                bad("--horizon 10000000", "--horizon 10000000 is out of range: from 1 to 1000",
                        () -> optimize("--horizon", "10000000")),
                bad("--horizon 0", "--horizon 0 is out of range", () -> optimize("--horizon", "0")),
                bad("--draws", "--draws 1000000 is out of range",
                        () -> fit(small.toString(), "--model", "bayes", "--draws", "1000000")),
                bad("--warmup", "--warmup 100000000 is out of range",
                        () -> fit(small.toString(), "--model", "bayes", "--warmup", "100000000")),
                bad("--max-tree-depth", "--max-tree-depth 0 is out of range: from 1 to 15 levels",
                        () -> fit(small.toString(), "--model", "bayes", "--max-tree-depth", "0")),
                bad("--target-accept", "--target-accept 1.0 is out of range; give 0.6 to 0.999",
                        () -> fit(small.toString(), "--model", "bayes", "--target-accept", "1")),
                bad("--chains", "--chains 1000 is out of range",
                        () -> fit(small.toString(), "--model", "bayes", "--chains", "1000")),
                bad("--trials", "--trials 100000 is out of range",
                        () -> fit(small.toString(), "--search", "--trials", "100000")),
                bad("--iterations", "--iterations 2000000000 is out of range",
                        () -> fit(small.toString(), "--search", "--iterations", "2000000000")),
                bad("--max-rounds", "--max-rounds 1000 is out of range", () -> List.of("auto", small.toString(),
                        "--kpi", "sales", "--max-rounds", "1000")),
                bad("--replicates", "--replicates 1000000 is out of range",
                        () -> List.of("recover", "--replicates", "1000000")),
                bad("--threads", "--threads 100000 is out of range", () -> List.of("recover", "--threads", "100000")),
                bad("negative --holdout", "--holdout -1 is out of range", () -> fit(small.toString(), "--holdout",
                        "-1")),
                // messages
                bad("--out naming a file", "--out " + dir.resolve("small.csv") + " is a file, not a folder",
                        () -> fit(small.toString(), "--out", small.toString())),
                bad("--out below a file", "cannot be created: " + dir.resolve("small.csv") + " is a file",
                        () -> fit(small.toString(), "--out", small.resolve("sub").toString())),
                new Case("auto on 5 rows", "small-5.csv: 5 periods are too few for auto", "holdout =",
                        () -> List.of("auto", variant("small-5.csv", ls -> ls.subList(0, 6)), "--kpi", "sales")),
                bad("auto --holdout 0", "--holdout 0: auto and demo check the model on held-out periods",
                        () -> List.of("auto", small.toString(), "--kpi", "sales", "--holdout", "0")),
                bad("demo --holdout 0", "--holdout 0: auto and demo", () -> List.of("demo", "--holdout", "0")),
                bad("--bounds max below min", "--bounds 'tv_spend=2x:0.5x': channel 'tv_spend' has its maximum 0.5x "
                        + "below its minimum 2x", () -> optimize("--bounds", "tv_spend=2x:0.5x")),
                bad("--bounds above 100%", "--bounds 'tv_spend=150%:200%': channel 'tv_spend' asks for more than "
                        + "100% of the budget", () -> optimize("--bounds", "tv_spend=150%:200%")),
                bad("--bounds unknown channel", "'tv_spnd' is not a channel of the model; channels are "
                        + "[tv_spend, search_spend]; did you mean 'tv_spend'?",
                        () -> optimize("--bounds", "tv_spnd=1:2")),
                bad("--bounds mixing units", "--bounds 'tv_spend=0.5x:100000': channel 'tv_spend' mixes units; give "
                        + "both ends in one unit", () -> optimize("--bounds", "tv_spend=0.5x:100000")),
                bad("--bounds mixing units, bare maximum", "mixes units",
                        () -> optimize("--bounds", "tv_spend=10%:20")),
                bad("--lock unknown channel", "did you mean 'search_spend'?", () -> optimize("--lock", "serch_spend")),
                bad("lift test of an unknown channel", "lift.csv, line 3, column 1 ('channel'): value "
                        + "'tv_spnd' is not a "
                        + "channel of the data; channels are [tv_spend, search_spend]; did you mean 'tv_spend'?",
                        () -> fit(small.toString(), "--model", "bayes", "--lift-tests", file("lift.csv",
                                "channel,start,end,spend_change,lift,lift_se\n"
                                        + "search_spend,2022-03-07,2022-03-28,1000,900,300\n"
                                        + "tv_spnd,2022-03-07,2022-03-28,1000,900,300\n"))),
                bad("lift test outside the data", "lift-late.csv, line 2, column 2 ('start'): value '2030-01-07' to "
                        + "2030-01-28 lies outside the data's dates",
                        () -> fit(small.toString(), "--model", "bayes", "--lift-tests", file("lift-late.csv",
                                "channel,start,end,spend_change,lift,lift_se\n"
                                        + "tv_spend,2030-01-07,2030-01-28,1000,900,300\n"))),
                bad("lift file with a header only", "lift-empty.csv: has a header but no experiments",
                        () -> fit(small.toString(), "--model", "bayes", "--lift-tests", file("lift-empty.csv",
                                "channel,start,end,spend_change,lift,lift_se\n"))),
                bad("lift test running past the data", "lift-past.csv, line 2, column 3 ('end'): value "
                        + "'2023-03-27' the "
                        + "test from 2023-02-13 to 2023-03-27 runs outside the data's dates (2022-01-03 to "
                        + "2023-02-20)",
                        () -> fit(small.toString(), "--model", "bayes", "--lift-tests", file("lift-past.csv",
                                "channel,start,end,multiplier,lift,lift_se\n"
                                        + "tv_spend,2023-02-13,2023-03-27,0,-900,300\n"))),
                bad("lift test starting between periods", "lift-grid.csv, line 2, column 2 ('start'): "
                        + "value '2022-03-08' "
                        + "is not the date of a period of the data (the periods around it are dated 2022-03-07 and "
                        + "2022-03-14)",
                        () -> fit(small.toString(), "--model", "bayes", "--lift-tests", file("lift-grid.csv",
                                "channel,start,end,multiplier,lift,lift_se\n"
                                        + "tv_spend,2022-03-08,2022-03-28,0,-900,300\n"))),
                bad("lift test given twice", "lift-twice.csv, line 3, column 1 ('channel'): value "
                        + "'tv_spend' repeats the "
                        + "test of line 2",
                        () -> fit(small.toString(), "--model", "bayes", "--lift-tests", file("lift-twice.csv",
                                "channel,start,end,multiplier,lift,lift_se\n"
                                        + "tv_spend,2022-01-10,2022-01-24,0,-900,300\n"
                                        + "tv_spend,2022-01-10,2022-01-24,0,-900,300\n"))),
                bad("go dark where nothing was spent", "lift-none.csv, line 2, column 4 ('multiplier'): "
                        + "value '0' scales "
                        + "the spend of 'tv_spend' from 2022-03-07 to 2022-03-07, which was zero",
                        () -> fit(small.toString(), "--model", "bayes", "--lift-tests", file("lift-none.csv",
                                "channel,start,end,multiplier,lift,lift_se\n"
                                        + "tv_spend,2022-03-07,2022-03-07,0,-100,50\n"))),
                bad("cut larger than the spend", "lift-cut.csv, line 2, column 4 ('spend_change'): value '-5000' cuts "
                        + "more than the 2,369 that 'tv_spend' spent from 2022-01-10 to 2022-01-17",
                        () -> fit(small.toString(), "--model", "bayes", "--lift-tests", file("lift-cut.csv",
                                "channel,start,end,spend_change,lift,lift_se\n"
                                        + "tv_spend,2022-01-10,2022-01-17,-5000,-900,300\n"))),
                bad("a cut that raised the KPI", "lift-sign.csv, line 2, column 5 ('lift'): value '900' "
                        + "has the opposite "
                        + "sign to the spend change",
                        () -> fit(small.toString(), "--model", "bayes", "--lift-tests", file("lift-sign.csv",
                                "channel,start,end,multiplier,lift,lift_se\n"
                                        + "tv_spend,2022-01-10,2022-01-24,0,900,300\n"))),
                bad("misspelt --kpi", "missing required KPI column 'revenu'; columns found: [date, sales, tv_spend, "
                        + "search_spend, price, promo]", () -> List.of("fit", small.toString(), "--kpi", "revenu")),
                bad("misspelt --kpi, close", "missing required KPI column 'slaes'; columns found: [date, sales, "
                        + "tv_spend, search_spend, price, promo]; did you mean 'sales'?",
                        () -> List.of("fit", small.toString(), "--kpi", "slaes")),
                bad("misspelt --channels", "missing required channel column 'tv_spnd'; columns found",
                        () -> fit(small.toString(), "--channels", "tv_spnd,search_spend")),
                bad("misspelt --controls", "did you mean 'price'?",
                        () -> List.of("fit", small.toString(), "--kpi", "sales", "--controls", "prise")),
                bad("misspelt --date", "did you mean 'date'?",
                        () -> List.of("fit", small.toString(), "--kpi", "sales", "--date", "Date")),
                bad("unknown --model", "--model magic is not available", () -> fit(small.toString(), "--model",
                        "magic")),
                // option-parser errors: one line and a pointer to --help, no usage
                bad("unknown option", "Unknown option: '--bogus' (see 'mmm fit --help')",
                        () -> fit(small.toString(), "--bogus")),
                bad("misspelt option", "did you mean --holdout?", () -> fit(small.toString(), "--holdot", "3")),
                bad("not an int", "Invalid value for option '--holdout': 'x' is not an int",
                        () -> fit(small.toString(), "--holdout", "x")),
                bad("missing --kpi", "Missing required option: '--kpi=COL'",
                        () -> List.of("fit", small.toString())),
                bad("unknown command", "Unmatched argument at index 0: 'fitt'; did you mean fit?",
                        () -> List.of("fitt")));
    }

    static String file(String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return p.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsTwoWithOneLineNamingThePlace(Case c) throws IOException {
        List<String> args = new ArrayList<>(c.args().get());
        Path out = dir.resolve("out-" + OUTS.incrementAndGet());
        if (!args.contains("--out") && !args.get(0).startsWith("fitt")) {
            args.add("--out");
            args.add(out.toString());
        }
        List<Path> before = listing();
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        String err = r.err().strip();
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, err.lines().count(), r.err());
        assertTrue(err.startsWith("mmm: "), err);
        assertTrue(err.contains(c.fragment()), "expected '" + c.fragment() + "' in: " + err);
        if (c.absent() != null) {
            assertFalse(err.contains(c.absent()), err);
        }
        assertFalse(err.contains("Usage:"), err);
        assertEquals(-1, Text.firstUnsafe(err), "no control character reaches the terminal: " + err);
        assertEquals("", r.out());
        assertFalse(Files.exists(out), "nothing written on bad input");
        assertEquals(before, listing(), "no file written or left behind");
    }

    private static List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("out-")).sorted().toList();
        }
    }

    @Test
    void theUsageIsPrintedOnlyForHelp() {
        CliTest.Run r = CliTest.run("fit", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Usage: mmm fit"), r.out());
        assertTrue(r.out().contains("Final periods held out for testing; 0 for none."), r.out());
        assertEquals("", r.err());
    }

    /** Every command's help formats without picocli's warnings (which go to the JVM's standard error). */
    @Test
    void everyHelpTextFormats() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String cmd : List.of("fit", "auto", "demo", "optimize", "predict", "whatif", "simulate", "batch",
                    "recover", "synth")) {
                CliTest.Run r = CliTest.run(cmd, "--help");
                assertEquals(0, r.exit(), cmd);
                assertTrue(r.out().contains("Usage: mmm " + cmd), cmd + ": " + r.out());
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fitsReportEscapesMarkdownAndHtmlInNames(@TempDir Path tmp) throws IOException {
        String csv = variant("markup.csv", ls -> {
            ls.set(0, "date,sales,<img src=x onerror=alert(1)>_spend,**md**_spend,price,promo");
            return ls;
        });
        CliTest.Run r = CliTest.run("fit", csv, "--kpi", "sales", "--controls", "price", "--events", "promo", "--out",
                tmp.toString());
        assertEquals(0, r.exit(), r.err());
        String md = Files.readString(tmp.resolve("report.md"), StandardCharsets.UTF_8);
        assertFalse(md.contains("<img"), md);
        assertTrue(md.contains("| &lt;img src=x onerror=alert(1)&gt;\\_spend |"), md);
        assertTrue(md.contains("| \\*\\*md\\*\\*\\_spend |"), md);
    }
}
