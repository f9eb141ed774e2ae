package io.github.mmm4j.cli;

import io.github.mmm4j.core.DataException;
import io.github.mmm4j.core.Mmm4j;
import io.github.mmm4j.core.Text;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mmm} command. Exit codes: 0 on success; 2 on bad input (data, arguments or constraints), with one
 * line on standard error naming the problem; 1 on an unexpected internal error. A stack trace is printed
 * only with {@code --verbose}. An option error (unknown option, bad value, a value out of {@link Limits}) is one
 * line too; the usage is printed only with {@code --help}. Everything printed passes through a {@link SafeWriter},
 * so names and values from users' files reach the terminal with their control characters escaped.
 */
@Command(name = "mmm", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Marketing mix modeling on the JVM: fit, attribute, plan.",
        subcommands = {DemoCommand.class, AutoCommand.class, FitCommand.class, PredictCommand.class, OptimizeCommand.class, WhatIfCommand.class, SimulateCommand.class, BatchCommand.class, SynthCommand.class, RecoverCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for bad input. */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Apache POI (the workbook report) logs through the Log4j API. mmm.jar carries no Log4j backend, so on its first
     * call that API would print a status error on standard error: give it the API's own simple logger, switched off,
     * unless the application already chose a logger context or has Log4j's core (as a Spark driver under
     * {@code spark-submit} has, whose log4j configuration then receives POI's messages). No bridge is bundled: one
     * from Log4j to SLF4J would clash with Spark's binding from SLF4J to Log4j ({@code batch --engine spark}).
     */
    static void quietLog4j() {
        if (System.getProperty("log4j2.loggerContextFactory") != null) {
            return;
        }
        try {
            Class.forName("org.apache.logging.log4j.core.LoggerContext", false, Main.class.getClassLoader());
            return;
        } catch (ClassNotFoundException e) {
            // no backend: silence the API
        }
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        System.setProperty("log4j2.simplelogLevel", "OFF");
    }

    /**
     * Runs the command line with the given streams, for tests and embedding.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        quietLog4j();
        PrintWriter safeOut = new PrintWriter(new SafeWriter(out, false), true);
        PrintWriter safeErr = new PrintWriter(new SafeWriter(err, true), true);
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(safeOut);
        cl.setErr(safeErr);
        // Plain help text: every character printed passes through a SafeWriter, which would show ANSI styles as text.
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionStrategy(Main::execute);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
            if (verbose) {
                ex.printStackTrace(commandLine.getErr());
            }
            if (isBadInput(ex)) {
                commandLine.getErr().println("mmm: " + oneLine(ex.getMessage()));
                return EXIT_BAD_INPUT;
            }
            commandLine.getErr().println("mmm: internal error: " + oneLine(String.valueOf(ex))
                    + (verbose ? "" : " (run with --verbose for details)"));
            return 1;
        });
        int code = cl.execute(args);
        safeOut.flush();
        safeErr.flush();
        return code;
    }

    /**
     * A usage error (unknown option, missing or malformed value, a value out of {@link Limits}): one line naming
     * the option and value, a suggestion where picocli has one, and where to find the usage; the usage itself is
     * printed only for {@code --help}.
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        StringBuilder sb = new StringBuilder("mmm: ").append(oneLine(ex.getMessage()));
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            List<String> s = u.getSuggestions();
            sb.append("; did you mean ").append(String.join(" or ", s.subList(0, Math.min(3, s.size())))).append('?');
        }
        sb.append(" (see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help')");
        cmd.getErr().println(sb);
        return EXIT_BAD_INPUT;
    }

    /**
     * Runs the chosen command after checking its options against {@link Limits}; reports running out of memory
     * in one line instead of a stack trace.
     */
    private static int execute(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult leaf = parseResult;
        boolean help = leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested();
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
            help |= leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested();
        }
        if (!help) {
            Limits.check(leaf.commandSpec());
        }
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (OutOfMemoryError e) {
            ProgressBar.stopAll();
            if (leaf.hasMatchedOption("--verbose")) {
                e.printStackTrace(leaf.commandSpec().commandLine().getErr());
            }
            leaf.commandSpec().commandLine().getErr().println("mmm: out of memory (" + oneLine(e.getMessage())
                    + "); give Java a larger heap, for example MMM_JAVA_OPTS=-Xmx8g, or ask for less work");
            return 1;
        } finally {
            ProgressBar.stopAll();
        }
    }

    private static boolean isBadInput(Exception ex) {
        return ex instanceof DataException || ex instanceof IllegalArgumentException
                || ex instanceof java.io.UncheckedIOException || ex instanceof BadInputException;
    }

    /** The text on one line, with control characters escaped (see {@link Text#sanitize}). */
    private static String oneLine(String s) {
        return s == null ? "" : Text.sanitize(s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
    }

    /** Bad command-line input found after parsing (for example a column named twice). */
    static final class BadInputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadInputException(String message) {
            super(message);
        }
    }

    /** Reports the library version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mmm4j " + Mmm4j.version() + " (Java " + Mmm4j.javaVersion() + ")"};
        }
    }
}
