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
}
