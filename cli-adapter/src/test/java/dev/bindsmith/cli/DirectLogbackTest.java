package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import ch.qos.logback.core.CoreConstants;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The provider the command names to SLF4J instead of letting it look for one. */
class DirectLogbackTest {
    private Properties saved;

    @BeforeEach
    void keepTheProperties() {
        saved = (Properties) System.getProperties().clone();
        System.clearProperty(LoggerFactory.PROVIDER_PROPERTY_KEY);
        System.clearProperty(DirectLogback.VERBOSITY_PROPERTY);
    }

    @AfterEach
    void restoreTheProperties() {
        System.setProperties(saved);
    }

    @Test
    void bindNamesItToSlf4jAndKeepsSlf4jsNoteOfItOffStandardError() {
        DirectLogback.bind();

        assertThat(System.getProperty(LoggerFactory.PROVIDER_PROPERTY_KEY)).isEqualTo(DirectLogback.class.getName());
        assertThat(System.getProperty(DirectLogback.VERBOSITY_PROPERTY)).isEqualTo("WARN");
    }

    @Test
    void aProviderTheJvmWasToldOfIsKept() {
        System.setProperty(LoggerFactory.PROVIDER_PROPERTY_KEY, LogbackServiceProvider.class.getName());

        DirectLogback.bind();

        assertThat(System.getProperty(LoggerFactory.PROVIDER_PROPERTY_KEY))
                .isEqualTo(LogbackServiceProvider.class.getName());
        assertThat(System.getProperty(DirectLogback.VERBOSITY_PROPERTY)).isNull();
    }

    @Test
    void itsContextIsLogbacksDefaultOneWithWarningsOnOneAppenderAsQuietLoggingSetsIt() throws Exception {
        // SLF4J makes it by its public no-argument constructor
        DirectLogback provider = DirectLogback.class.getConstructor().newInstance();

        provider.initialize();

        LoggerContext context = provider.getLoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(context.getName()).isEqualTo(CoreConstants.DEFAULT_CONTEXT_NAME);
        assertThat(context.isStarted()).isTrue();
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(root.iteratorForAppenders()).toIterable().hasSize(1);
        assertThat(context.getMDCAdapter()).isSameAs(provider.getMDCAdapter());
        assertThat(provider.getMarkerFactory().getMarker("m").getName()).isEqualTo("m");
    }

    @Test
    void itAsksForTheSlf4jVersionLogbacksOwnProviderAsksFor() {
        assertThat(new DirectLogback().getRequestedApiVersion())
                .isEqualTo(LogbackServiceProvider.REQUESTED_API_VERSION);
    }
}
