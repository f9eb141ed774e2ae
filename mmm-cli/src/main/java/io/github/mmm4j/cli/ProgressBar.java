package io.github.mmm4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A one-line progress bar on standard error, redrawn in place with a carriage return. It draws only when
 * enabled (an interactive terminal, or {@code --progress}), so redirected output and tests stay clean, and at
 * most once per percent to keep the terminal cheap. Once a step has run a second and done 2% of its work, the line
 * ends with an estimate of the time left for that step, from its average pace so far. When a part of the work reports
 * nothing for {@link #STALL_NANOS} (a solve that cannot say how far it is), a background thread redraws the line every
 * second with the time that part has taken instead of an estimate that no longer holds, so a long step never looks
 * frozen at "about 10 s left".
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    /** After this long without an update the line shows the time taken instead of the estimate (3 s). */
    static final long STALL_NANOS = 3_000_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final java.util.function.LongSupplier clock;
    private int lastPermille = -1;
    private String lastLabel = "";
    private long labelStart;
    private int lastLength;
    private String lastDetail = "";
    private long detailStart;
    private long lastUpdate;
    private Thread ticker;
    /** The thread that made the bar: the command's. */
    private final Thread owner = Thread.currentThread();

    /** Bars drawn and not yet done, which {@link #stopAll} ends before an error is printed. */
    private static final java.util.Set<ProgressBar> ACTIVE = java.util.Collections.synchronizedSet(
            new java.util.LinkedHashSet<>());

    /** The system clock; with any other (a test's) no background thread is started and {@link #tick} is manual. */
    private static final java.util.function.LongSupplier SYSTEM = System::nanoTime;

    ProgressBar(PrintWriter err, boolean enabled) {
        this(err, enabled, SYSTEM);
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
        boolean newLabel = !label.equals(lastLabel);
        if (newLabel) {
            labelStart = now;
        }
        if (newLabel || !detail.equals(lastDetail)) {
            detailStart = now;
        }
        lastUpdate = now;
        lastDetail = detail;
        if (!newLabel && permille / 10 == lastPermille / 10) {
            return;
        }
        lastPermille = permille;
        lastLabel = label;
        String eta = timeLeft(now - labelStart, permille / 1000.0);
        draw(eta.isEmpty() ? "" : " (" + eta + ")");
        startTicker();
    }

    /**
     * Redraws a line that has had no update for {@link #STALL_NANOS} with the time its current part has taken, in
     * place of the estimate; the background thread calls it every second.
     *
     * @return whether it redrew
     */
    synchronized boolean tick() {
        if (!enabled || lastPermille < 0) {
            return false;
        }
        long now = clock.getAsLong();
        if (now - lastUpdate < STALL_NANOS) {
            return false;
        }
        draw(" (working: " + duration((now - detailStart) / 1_000_000_000L) + " on this part so far)");
        return true;
    }

    private static String duration(long seconds) {
        return seconds < 60 ? seconds + " s" : seconds < 3600 ? seconds / 60 + " min " + seconds % 60 + " s"
                : seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
    }

    private void draw(String suffix) {
        int filled = lastPermille * WIDTH / 1000;
        String line = String.format(Locale.ROOT, "%-14s [%s%s] %3d%% %s%s", lastLabel, "#".repeat(filled),
                " ".repeat(WIDTH - filled), lastPermille / 10, lastDetail, suffix);
        // pad over the end of a longer previous line
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
        err.flush();
    }

    /** Starts the daemon thread that calls {@link #tick} every second until {@link #done}. */
    private void startTicker() {
        ACTIVE.add(this);
        if (ticker != null || clock != SYSTEM) {
            return;
        }
        ticker = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    tick();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mmm4j-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /**
     * Ends every bar still drawn that the current thread made (its line and its background thread): called when a
     * command ends, so that an error message starts on a line of its own and no redraw follows it.
     */
    static void stopAll() {
        List<ProgressBar> bars = new java.util.ArrayList<>();
        synchronized (ACTIVE) {
            for (ProgressBar b : ACTIVE) {
                if (b.owner == Thread.currentThread()) {
                    bars.add(b);
                }
            }
        }
        bars.forEach(ProgressBar::done);
    }

    /** Ends the bar's line. */
    synchronized void done() {
        ACTIVE.remove(this);
        if (ticker != null) {
            ticker.interrupt();
            ticker = null;
        }
        if (enabled && lastPermille >= 0) {
            err.println();
            err.flush();
        }
        lastPermille = -1;
        lastLabel = "";
        lastDetail = "";
        lastLength = 0;
    }
}
