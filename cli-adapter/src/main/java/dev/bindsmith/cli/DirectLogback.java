package dev.bindsmith.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import org.slf4j.IMarkerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's provider for the {@code bindsmith} command ({@link #bind}): Logback's logger context,
 * configured at once as {@link QuietLogging} configures it (warnings, as text, on standard error) but
 * for java.util.logging, without either lookup that Logback's {@code LogbackServiceProvider} and SLF4J make first. SLF4J's lookup of
 * its provider (a {@link java.util.ServiceLoader}) and Logback's of its configurators, of its version
 * files and of a {@code logback.xml} each open every jar of the class path; done on serve's main
 * thread before anything else, they were about a fifth of the time from {@code main()} to the first
 * answer (docs/performance.md, "Start-up to first answer").
 */
public final class DirectLogback implements SLF4JServiceProvider {
    /** The system property SLF4J 2.0.9+ reads to take a provider without looking for one. */
    static final String PROVIDER_PROPERTY = LoggerFactory.PROVIDER_PROPERTY_KEY;
    /** SLF4J's own verbosity: it says at INFO, on standard error, that it took the provider named. */
    static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

    /** For SLF4J, which makes the provider it is told of by its public constructor. */
    public DirectLogback() {}

    /**
     * Names this provider to SLF4J, before its first use, unless the JVM was told of another
     * ({@code -Dslf4j.provider=…} in {@code BINDSMITH_JAVA_OPTS}); keeps SLF4J's note that it took it
     * off standard error (its warnings and errors still print).
     */
    static void bind() {
        if (System.getProperty(PROVIDER_PROPERTY) == null) {
            System.setProperty(PROVIDER_PROPERTY, DirectLogback.class.getName());
            if (System.getProperty(VERBOSITY_PROPERTY) == null) {
                System.setProperty(VERBOSITY_PROPERTY, "WARN");
            }
        }
    }

    @Override
    public void initialize() {
        // what LogbackServiceProvider.initialize() does, QuietLogging in place of the auto-configuration;
        // java.util.logging is routed by the command's own configuration (Logging.command), which serve
        // makes once Helidon's registry is being built on its thread (Cli.run)
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(mdc);
        QuietLogging.configure(context, false);
        context.start();
    }

    @Override
    public LoggerContext getLoggerFactory() {
        return context;
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
        // LogbackServiceProvider's REQUESTED_API_VERSION, copied: reading it would initialize that class
        return "2.0.99";
    }
}
