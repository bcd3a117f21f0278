package dev.bindsmith.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** Collects the events one logger (and its children) receives while it is open; tests run with Logback. */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final Logger logger;
    private final Level previous;
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

    LogCapture(String name) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        this.previous = logger.getLevel();
        logger.setLevel(Level.INFO);
        setContext(logger.getLoggerContext());
        start();
        logger.addAppender(this);
    }

    List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    List<String> messages() {
        return events.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** An event's key-value pairs, in order. */
    static Map<String, Object> keyValues(ILoggingEvent event) {
        Map<String, Object> kv = new LinkedHashMap<>();
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            pairs.forEach(p -> kv.put(p.key, p.value));
        }
        return kv;
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        events.add(event);
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setLevel(previous);
        stop();
    }
}
