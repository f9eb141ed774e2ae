package io.github.mmm4j.cli;

import io.github.mmm4j.core.Text;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer to a terminal that passes line breaks and tabs (and, for the progress bar on standard error, carriage
 * returns) and writes every other {@linkplain Text#isUnsafe unsafe} character as {@code \\uXXXX}: names and cells from
 * users' files cannot move the cursor, rename the window or ring the bell. Everything the command line prints goes
 * through one, so no command needs to escape what it prints.
 */
final class SafeWriter extends FilterWriter {

    private final boolean carriageReturns;

    /**
     * @param out where the text goes
     * @param carriageReturns whether {@code \r} passes (standard error, for the progress bar)
     */
    SafeWriter(Writer out, boolean carriageReturns) {
        super(out);
        this.carriageReturns = carriageReturns;
    }

    private boolean passes(char ch) {
        return !Text.isUnsafe(ch) || ch == '\n' || ch == '\t' || (ch == '\r' && carriageReturns);
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        if (passes(ch)) {
            out.write(ch);
        } else {
            out.write(Text.escape(ch));
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (!passes(buf[i])) {
                out.write(buf, start, i - start);
                out.write(Text.escape(buf[i]));
                start = i + 1;
            }
        }
        out.write(buf, start, off + len - start);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        write(s.toCharArray(), off, len);
    }
}
