package io.github.mmm4j.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on standard error, redrawn in place with a carriage return. It draws only when
 * enabled (an interactive terminal, or {@code --progress}), so redirected output and tests stay clean, and at
 * most once per percent to keep the terminal cheap. Once a step has run a second and done 2% of its work, the line
 * ends with an estimate of the time left for that step, from its average pace so far.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final java.util.function.LongSupplier clock;
    private int lastPermille = -1;
    private String lastLabel = "";
    private long labelStart;
    private int lastLength;

    ProgressBar(PrintWriter err, boolean enabled) {
        this(err, enabled, System::nanoTime);
    }

    /** With a clock (nanoseconds) for tests. */
    ProgressBar(PrintWriter err, boolean enabled, java.util.function.LongSupplier clock) {
        this.err = err;
        this.enabled = enabled;
        this.clock = clock;
    }

    /**
     * The time left for a step, or empty when too early to say: under a second run or under 2% done.
     *
     * @param elapsedNanos the step's time so far
     * @param fraction its completed fraction
     * @return for example {@code "about 1 min 20 s left"}
     */
    static String timeLeft(long elapsedNanos, double fraction) {
        if (elapsedNanos < 1_000_000_000L || fraction < 0.02 || fraction >= 1) {
            return "";
        }
        long left = Math.round(elapsedNanos / 1e9 * (1 - fraction) / fraction);
        if (left < 60) {
            return "about " + Math.max(1, left) + " s left";
        }
        if (left < 3600) {
            return "about " + left / 60 + " min " + left % 60 + " s left";
        }
        return "about " + left / 3600 + " h " + (left % 3600) / 60 + " min left";
    }

    /** @return true when standard error is likely a terminal */
    static boolean interactive() {
        return System.console() != null;
    }

    /**
     * Redraws the bar.
     *
     * @param label what is running
     * @param fraction the completed fraction in [0, 1]
     * @param detail a short status after the bar
     */
    synchronized void update(String label, double fraction, String detail) {
        if (!enabled) {
            return;
        }
        int permille = (int) Math.round(1000 * Math.max(0, Math.min(1, fraction)));
        long now = clock.getAsLong();
        if (!label.equals(lastLabel)) {
            labelStart = now;
        } else if (permille / 10 == lastPermille / 10) {
            return;
        }
        lastPermille = permille;
        lastLabel = label;
        int filled = permille * WIDTH / 1000;
        String eta = timeLeft(now - labelStart, permille / 1000.0);
        String line = String.format(Locale.ROOT, "%-14s [%s%s] %3d%% %s%s", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), permille / 10, detail, eta.isEmpty() ? "" : " (" + eta + ")");
        // pad over the end of a longer previous line
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
        err.flush();
    }

    /** Ends the bar's line. */
    synchronized void done() {
        if (enabled && lastPermille >= 0) {
            err.println();
            err.flush();
        }
        lastPermille = -1;
        lastLabel = "";
        lastLength = 0;
    }
}
