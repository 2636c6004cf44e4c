package io.trailwatch.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects the WARN and ERROR messages logged in this JVM while open, so a test can check that a
 * problem was reported to the operator, not only survived.
 */
public final class CapturedLogs implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;

    public CapturedLogs() {
        appender =
                new AbstractAppender(
                        "captured-logs-" + System.identityHashCode(this),
                        null,
                        null,
                        true,
                        Property.EMPTY_ARRAY) {
                    @Override
                    public void append(LogEvent event) {
                        if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
                            messages.add(
                                    event.getLoggerName()
                                            + ": "
                                            + event.getMessage().getFormattedMessage());
                        }
                    }
                };
        appender.start();
        rootConfig().getRootLogger().addAppender(appender, Level.WARN, null);
        context().updateLoggers();
    }

    /** The captured messages that contain {@code text}, each prefixed with its logger's name. */
    public List<String> containing(String text) {
        return messages.stream().filter(message -> message.contains(text)).toList();
    }

    @Override
    public void close() {
        rootConfig().getRootLogger().removeAppender(appender.getName());
        context().updateLoggers();
        appender.stop();
    }

    private static LoggerContext context() {
        return (LoggerContext) LogManager.getContext(false);
    }

    private static org.apache.logging.log4j.core.config.Configuration rootConfig() {
        return context().getConfiguration();
    }
}
