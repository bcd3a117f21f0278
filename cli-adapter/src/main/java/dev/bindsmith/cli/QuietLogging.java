package dev.bindsmith.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Logback's configuration until a command sets its own: warnings only, as text, on standard error.
 * Found through {@code META-INF/services}, so Logback neither looks for an XML file nor falls back to
 * printing DEBUG lines on standard output.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class QuietLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logging.configure(
                context,
                Logging.Format.TEXT,
                Map.of(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.WARN),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
