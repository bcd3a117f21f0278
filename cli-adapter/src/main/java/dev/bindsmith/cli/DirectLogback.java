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
 * configured at once as {@link QuietLogging} configures it (warnings, as text, on standard error),
 * without the lookups that SLF4J and Logback's {@code LogbackServiceProvider} make first: SLF4J's of
 * its provider (a {@link java.util.ServiceLoader}), Logback's of its configurators (another, which
 * found QuietLogging and read its rank annotation through a proxy class made at run time) and of its
 * version files. Each reads every jar of the class path (the first opens them all), on the main thread,
 * before serve starts anything else (docs/performance.md, "Start-up with the default flags").
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
        // what LogbackServiceProvider.initialize() does, QuietLogging in place of the auto-configuration
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(mdc);
        new QuietLogging().configure(context);
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
