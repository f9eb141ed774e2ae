package io.github.mmm4j.core;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any JUnit Jupiter test that writes to {@code System.out} (house rule: tests never print; EJML does the
 * same). Registered for every test of every module by extension auto-detection: mmm-core publishes it in its
 * test-jar (with its META-INF/services entry), the other modules depend on that jar, and the parent POM turns
 * auto-detection on for surefire.
 */
public final class NoStdoutExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoStdoutExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ExtensionContext.Store store = context.getStore(NS);
        store.put("out", System.out);
        store.put("buffer", buffer);
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NS);
        PrintStream original = store.remove("out", PrintStream.class);
        ByteArrayOutputStream buffer = store.remove("buffer", ByteArrayOutputStream.class);
        if (original != null) {
            System.setOut(original);
        }
        if (buffer != null && buffer.size() > 0) {
            throw new AssertionError("test wrote to System.out (tests must not print): "
                    + buffer.toString(StandardCharsets.UTF_8));
        }
    }
}
