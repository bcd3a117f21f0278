package dev.bindsmith.cli;

import ch.qos.logback.classic.pattern.Abbreviator;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * One readable line per event for a terminal: {@code 15:42:04.002 INFO  d.b.http.access: POST
 * /api/v1/zones 201 method=POST … requestId=forge-1}. Every value from the event is escaped (line
 * breaks and other control characters as {@code \n}, {@code \u001b}), so a line always starts with
 * a time; an exception's stack follows on lines that start with a tab.
 */
final class TextLayout extends LayoutBase<ILoggingEvent> {
    private static final int MAX_FRAMES = 30;

    /**
     * The time of day in the default zone, made at the first line rather than with the layout: the
     * zone's rules are found by a ServiceLoader, a scan of every jar, which every command made while
     * it set up its logging; serve, which logs JSON when its output is not a terminal, never needs it.
     */
    private static final class Clock {
        static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    }

    private final Abbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(28);

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160);
        line.append(Clock.TIME.format(Instant.ofEpochMilli(event.getTimeStamp())))
                .append(' ');
        String level = event.getLevel().toString();
        line.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
        line.append(abbreviator.abbreviate(event.getLoggerName())).append(": ");
        escape(line, event.getFormattedMessage());
        Set<String> keys = new HashSet<>();
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair p : pairs) {
                keys.add(p.key);
                pair(line, p.key, p.value);
            }
        }
        for (Map.Entry<String, String> e : event.getMDCPropertyMap().entrySet()) {
            if (!keys.contains(e.getKey())) {
                pair(line, e.getKey(), e.getValue());
            }
        }
        line.append('\n');
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append('\t').append(t == event.getThrowableProxy() ? "" : "Caused by: ");
            escape(line, t.getClassName());
            if (t.getMessage() != null) {
                line.append(": ");
                escape(line, t.getMessage());
            }
            line.append('\n');
            StackTraceElementProxy[] frames = t.getStackTraceElementProxyArray();
            int shown = Math.min(frames.length - t.getCommonFrames(), MAX_FRAMES);
            for (int i = 0; i < shown; i++) {
                line.append("\t\tat ");
                escape(line, frames[i].getStackTraceElement().toString());
                line.append('\n');
            }
        }
        return line.toString();
    }

    private static void pair(StringBuilder line, String key, Object value) {
        line.append(' ');
        escape(line, key);
        line.append('=');
        String v = String.valueOf(value);
        boolean quote = v.isEmpty() || v.chars().anyMatch(c -> c == ' ' || c == '"');
        if (quote) {
            line.append('"');
            escape(line, v.replace("\"", "\\\""));
            line.append('"');
        } else {
            escape(line, v);
        }
    }

    /** Appends {@code text} with every control character (C0, DEL, C1, U+2028/2029) written as an escape. */
    static void escape(StringBuilder out, String text) {
        if (text == null) {
            out.append("null");
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
