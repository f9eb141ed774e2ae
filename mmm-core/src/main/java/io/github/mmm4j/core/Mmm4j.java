package io.github.mmm4j.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of mmm4j, for provenance records. */
public final class Mmm4j {

    private static final String VERSION = loadVersion();

    private Mmm4j() {
    }

    /** @return the library version, for example {@code 0.1.0-SNAPSHOT} */
    public static String version() {
        return VERSION;
    }

    /** @return the running Java version ({@code java.version} system property) */
    public static String javaVersion() {
        return System.getProperty("java.version");
    }

    private static String loadVersion() {
        try (InputStream in = Mmm4j.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
