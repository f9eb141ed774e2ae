package io.github.mmm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void timeLeftFromTheStepsPace() {
        assertEquals("", ProgressBar.timeLeft(500_000_000L, 0.5), "under a second: too early");
        assertEquals("", ProgressBar.timeLeft(5_000_000_000L, 0.01), "under 2% done: too early");
        assertEquals("about 5 s left", ProgressBar.timeLeft(5_000_000_000L, 0.5));
        assertEquals("about 1 min 30 s left", ProgressBar.timeLeft(10_000_000_000L, 0.1));
        assertEquals("about 2 h 2 min left", ProgressBar.timeLeft(150_000_000_000L, 0.02));
        assertEquals("", ProgressBar.timeLeft(5_000_000_000L, 1.0), "done");
    }

    @Test
    void theLineShowsTheEstimateAndPadsOverALongerPreviousLine() {
        long[] now = {0};
        StringWriter sw = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sw), true, () -> now[0]);
        bar.update("fit", 0.0, "starting a long detail text");
        now[0] = 2_000_000_000L;
        bar.update("fit", 0.5, "half");
        String out = sw.toString();
        String second = out.substring(out.lastIndexOf('\r') + 1);
        assertTrue(second.contains(" 50% half (about 2 s left)"), second);
        assertTrue(second.length() >= out.substring(1, out.lastIndexOf('\r')).length(), "pads over the first line");
        bar.done();
        StringWriter off = new StringWriter();
        new ProgressBar(new PrintWriter(off), false).update("fit", 0.5, "x");
        assertFalse(off.toString().contains("fit"), "disabled: nothing drawn");
    }

    @Test
    void aPartThatReportsNothingShowsItsTimeInsteadOfAStaleEstimate() {
        long[] now = {0};
        StringWriter sw = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sw), true, () -> now[0]);
        bar.update("optimize", 0.05, "carryover");
        now[0] = 1_500_000_000L;
        bar.update("optimize", 0.15, "the plan");
        String before = sw.toString();
        assertTrue(before.endsWith("the plan (about 9 s left)"), before);
        now[0] += ProgressBar.STALL_NANOS - 1;
        assertFalse(bar.tick(), "not stalled yet");
        assertEquals(before, sw.toString());
        now[0] += 70_000_000_000L;
        assertTrue(bar.tick());
        String line = sw.toString().substring(sw.toString().lastIndexOf('\r') + 1);
        assertTrue(line.strip().endsWith(" 15% the plan (working: 1 min 12 s on this part so far)"), line);
        // progress again: the estimate is back, and a finished bar no longer ticks
        now[0] += 1_000_000_000L;
        bar.update("optimize", 0.5, "response curves");
        assertTrue(sw.toString().substring(sw.toString().lastIndexOf('\r') + 1).contains("response curves (about"),
                sw.toString());
        bar.done();
        now[0] += 10 * ProgressBar.STALL_NANOS;
        assertFalse(bar.tick());
        // a command that ends with an error: its bar's line is ended so that the message starts a line of its own
        bar.update("optimize", 0.2, "the plan");
        ProgressBar.stopAll();
        assertTrue(sw.toString().endsWith("the plan" + System.lineSeparator()), sw.toString());
        now[0] += 10 * ProgressBar.STALL_NANOS;
        assertFalse(bar.tick(), "stopped");
    }
}
