package io.github.mmm4j.models;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A test-only SLF4J provider (registered in {@code META-INF/services}) that keeps every INFO, WARN and ERROR event of
 * this module's tests in memory, so tests can check what the library logs without a logging backend.
 */
public final class CapturingLogs implements SLF4JServiceProvider {

    private static final List<String> EVENTS = new ArrayList<>();

    private final ILoggerFactory factory = Captor::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** @return a copy of the events so far, each {@code "LEVEL logger message"} */
    public static List<String> events() {
        synchronized (EVENTS) {
            return List.copyOf(EVENTS);
        }
    }

    /** Forgets the events so far. */
    public static void clear() {
        synchronized (EVENTS) {
            EVENTS.clear();
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up
    }

    /** Keeps INFO and above. */
    private static final class Captor extends LegacyAbstractLogger {

        private static final long serialVersionUID = 1L;

        Captor(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable throwable) {
            String line = level + " " + name + " " + MessageFormatter.basicArrayFormat(pattern, arguments);
            synchronized (EVENTS) {
                EVENTS.add(line);
            }
        }
    }
}
