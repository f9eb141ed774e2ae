package io.github.mmm4j.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on standard error, redrawn in place with a carriage return. It draws only when
 * enabled (an interactive terminal, or {@code --progress}), so redirected output and tests stay clean, and at
 * most once per percent to keep the terminal cheap.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private int lastPermille = -1;
    private String lastLabel = "";

    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
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
        if (permille / 10 == lastPermille / 10 && label.equals(lastLabel)) {
            return;
        }
        lastPermille = permille;
        lastLabel = label;
        int filled = permille * WIDTH / 1000;
        err.print(String.format(Locale.ROOT, "\r%-14s [%s%s] %3d%% %s", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), permille / 10, detail));
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
    }
}
