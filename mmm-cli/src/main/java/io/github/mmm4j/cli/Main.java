package io.github.mmm4j.cli;

import io.github.mmm4j.core.DataException;
import io.github.mmm4j.core.Mmm4j;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mmm} command. Exit codes: 0 on success; 2 on bad input (data, arguments or constraints), with one
 * line on standard error naming the problem; 1 on an unexpected internal error. A stack trace is printed
 * only with {@code --verbose}.
 */
@Command(name = "mmm", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Marketing mix modeling on the JVM: fit, attribute, plan.",
        subcommands = {DemoCommand.class, AutoCommand.class, FitCommand.class, OptimizeCommand.class, SynthCommand.class, RecoverCommand.class, CommandLine.HelpCommand.class})
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
     * Runs the command line with the given streams, for tests and embedding.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
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
        return cl.execute(args);
    }

    private static boolean isBadInput(Exception ex) {
        return ex instanceof DataException || ex instanceof IllegalArgumentException
                || ex instanceof java.io.UncheckedIOException || ex instanceof BadInputException;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
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
