package io.github.mmm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SafeWriterTest {

    @Test
    void escapesControlsButKeepsLineBreaksAndTabs() throws IOException {
        StringWriter sw = new StringWriter();
        try (SafeWriter w = new SafeWriter(sw, false)) {
            w.write("a\tb\n\u001b]0;x\u0007\r");
            w.write('\u009b');
            w.write("xy\u0008z".toCharArray(), 1, 3);
        }
        assertEquals("a\tb\n\\u001B]0;x\\u0007\\u000D\\u009By\\u0008z", sw.toString());
    }

    @Test
    void standardErrorKeepsCarriageReturnsForTheProgressBar() throws IOException {
        StringWriter sw = new StringWriter();
        try (SafeWriter w = new SafeWriter(sw, true)) {
            w.write("\r[###   ] 50%\u001b");
        }
        assertEquals("\r[###   ] 50%\\u001B", sw.toString());
    }
}
