package dev.bindsmith.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Where log lines go and how they look. Everything logs through SLF4J to Logback: bindsmith's own
 * code, Helidon and the wiring (System.Logger, routed by slf4j-jdk-platform-logging), the embedded
 * server (java.util.logging, routed by jul-to-slf4j), dnsjava (SLF4J).
 *
 * <ul>
 * <li>{@code serve}: one JSON object per line ({@link JsonEncoder}) when {@code BINDSMITH_LOG_FORMAT=json}
 *     or when standard output is not a terminal; one readable line per event ({@link TextLayout}) on a
 *     terminal or with {@code BINDSMITH_LOG_FORMAT=text}. Both on standard output, at INFO.</li>
 * <li>every other command: warnings only, as text on standard error (the command prints what matters).</li>
 * <li>{@code BINDSMITH_LOG_LEVEL} sets levels: {@code debug}, or {@code warn,dev.bindsmith.http.access=off}
 *     (a bare level is the root's, {@code logger=level} one logger's and its children's).</li>
 * </ul>
 *
 * Both encoders escape whatever they print, so no value in an event (a client's field name, a zone's
 * file path, an exception's message) can start a line of its own.
 */
final class Logging {
    static final String FORMAT = "BINDSMITH_LOG_FORMAT";
    static final String LEVEL = "BINDSMITH_LOG_LEVEL";

    /** How {@code serve} writes its log. */
    enum Format {
        JSON,
        TEXT
    }

    private Logging() {}

    /** For every command but serve: warnings (or what {@code BINDSMITH_LOG_LEVEL} says), as text, to {@code err}. */
    static void command(Map<String, String> env, PrintWriter err) {
        Map<String, Level> levels = levels(env.get(LEVEL), Level.WARN);
        configure(Format.TEXT, levels, err);
    }

    /**
     * For serve: the server's start-up and access log lines on {@code out}, in the format the
     * environment and the terminal choose; {@code verbose} lowers the root level to DEBUG unless
     * {@code BINDSMITH_LOG_LEVEL} sets it.
     */
    static Format serving(Map<String, String> env, boolean verbose, PrintWriter out) {
        Format format = format(env.get(FORMAT), stdoutIsTerminal());
        configure(format, levels(env.get(LEVEL), verbose ? Level.DEBUG : Level.INFO), out);
        return format;
    }

    /** {@code json}, {@code text}, or unset / {@code auto}: text on a terminal, JSON otherwise. */
    static Format format(String value, boolean terminal) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "json" -> Format.JSON;
            case "text" -> Format.TEXT;
            case "", "auto" -> terminal ? Format.TEXT : Format.JSON;
            default ->
                throw new IllegalArgumentException(
                        FORMAT + ": '" + value + "' is not a log format (json, text or auto)");
        };
    }

    /** The root level (key {@code ""}) and per-logger levels of a {@code BINDSMITH_LOG_LEVEL} value. */
    static Map<String, Level> levels(String spec, Level rootDefault) {
        Map<String, Level> levels = new LinkedHashMap<>();
        levels.put(Logger.ROOT_LOGGER_NAME, rootDefault);
        if (spec == null) {
            return levels;
        }
        for (String entry : spec.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            String logger =
                    eq < 0 ? Logger.ROOT_LOGGER_NAME : e.substring(0, eq).strip();
            String level = eq < 0 ? e : e.substring(eq + 1).strip();
            if (logger.isEmpty() || !logger.matches("[A-Za-z0-9_$.-]+")) {
                throw new IllegalArgumentException(LEVEL + ": '" + logger + "' is not a logger name (in '" + e + "')");
            }
            levels.put(logger, level(level, e));
        }
        return levels;
    }

    private static Level level(String name, String entry) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "trace" -> Level.TRACE;
            case "debug" -> Level.DEBUG;
            case "info" -> Level.INFO;
            case "warn", "warning" -> Level.WARN;
            case "error" -> Level.ERROR;
            case "off" -> Level.OFF;
            default ->
                throw new IllegalArgumentException(LEVEL + ": '" + name + "' is not a level (in '" + entry
                        + "'; one of trace, debug, info, warn, error, off)");
        };
    }

    /** Replaces Logback's configuration: one appender on {@code target}, the given levels, JUL routed here. */
    static void configure(Format format, Map<String, Level> levels, PrintWriter target) {
        configure((LoggerContext) LoggerFactory.getILoggerFactory(), format, levels, target);
    }

    static void configure(LoggerContext context, Format format, Map<String, Level> levels, PrintWriter target) {
        // Not context.reset(): it leaves the root at DEBUG until the levels are set again, and a line
        // another thread logs in that moment (an in-process server's start-up reconcile, a connection
        // closing) passes the level check and reaches the new appender: the next command's standard
        // error (DirectModeTest, twice on clean clones). The levels change first, never through DEBUG.
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(levels.getOrDefault(Logger.ROOT_LOGGER_NAME, Level.WARN));
        for (Logger logger : context.getLoggerList()) {
            if (logger != root && !levels.containsKey(logger.getName())) {
                logger.setLevel(null);
            }
        }
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        root.detachAndStopAllAppenders();
        context.getCopyOfListenerList().stream()
                .filter(LevelChangePropagator.class::isInstance)
                .forEach(context::removeListener);
        // java.util.logging: its records go to SLF4J, and its levels follow Logback's so that a record
        // nobody wants is dropped where it is made.
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        propagator.start();
        context.addListener(propagator);
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }

        Encoder<ILoggingEvent> encoder = encoder(format, context);
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName(format.name().toLowerCase(Locale.ROOT));
        appender.setEncoder(encoder);
        appender.setImmediateFlush(true);
        appender.setOutputStream(new WriterStream(target));
        appender.start();

        root.addAppender(appender);
    }

    private static Encoder<ILoggingEvent> encoder(Format format, LoggerContext context) {
        return switch (format) {
            case JSON -> {
                JsonEncoder json = new JsonEncoder();
                json.setWithSequenceNumber(false);
                json.setWithNanoseconds(false);
                json.setWithContext(false);
                json.setWithArguments(false);
                json.setWithMessage(false);
                json.setWithFormattedMessage(true);
                json.setContext(context);
                json.start();
                yield json;
            }
            case TEXT -> {
                TextLayout layout = new TextLayout();
                layout.setContext(context);
                layout.start();
                LayoutWrappingEncoder<ILoggingEvent> text = new LayoutWrappingEncoder<>();
                text.setLayout(layout);
                text.setCharset(StandardCharsets.UTF_8);
                text.setContext(context);
                text.start();
                yield text;
            }
        };
    }

    /**
     * Whether this process's standard output is a terminal: on Linux the target of {@code /proc/self/fd/1}
     * (a pseudo-terminal or a tty); elsewhere, whether the JVM has a console.
     */
    static boolean stdoutIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /**
     * The bytes of one encoded event, handed to a writer as text when the appender flushes (after every
     * event): the CLI's streams are writers, so that tests capture what a command prints and logs alike.
     */
    private static final class WriterStream extends OutputStream {
        private final PrintWriter target;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream(256);

        WriterStream(PrintWriter target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            pending.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public synchronized void flush() {
            if (pending.size() > 0) {
                target.write(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            }
            target.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
