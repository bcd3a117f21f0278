package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LoggingTest {
    private static final String HOSTILE = "x\nSEVERE: forged\r\u001b[31mred\u2028";
    private final StringWriter written = new StringWriter();
    private final Logger log = LoggerFactory.getLogger("dev.bindsmith.http.access");

    @AfterEach
    void quietAgain() {
        MDC.clear();
        Logging.command(Map.of(), new PrintWriter(new StringWriter()));
    }

    private void logHostileEvent() {
        MDC.put("requestId", "r-1");
        log.atInfo()
                .addKeyValue("method", "POST")
                .addKeyValue("status", 201)
                .addKeyValue("field", HOSTILE)
                .log("ignored unknown fields {}", List.of(HOSTILE));
        log.error("failed", new IllegalStateException("boom\nSEVERE: forged too"));
    }

    @Test
    void jsonIsOneParsableObjectPerEventWithEveryClientValueEscaped() throws Exception {
        Logging.configure(Logging.Format.JSON, Logging.levels(null, Level.INFO), new PrintWriter(written));
        logHostileEvent();

        List<String> lines = written.toString().lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.path("level").asText()).isEqualTo("INFO");
        assertThat(first.path("loggerName").asText()).isEqualTo("dev.bindsmith.http.access");
        assertThat(first.path("timestamp").isNumber()).isTrue();
        assertThat(first.path("mdc").path("requestId").asText()).isEqualTo("r-1");
        assertThat(first.path("formattedMessage").asText()).isEqualTo("ignored unknown fields [" + HOSTILE + "]");
        assertThat(first.path("kvpList").toString()).contains("{\"method\":\"POST\"}", "{\"status\":\"201\"}");
        assertThat(first.path("kvpList").get(2).path("field").asText()).isEqualTo(HOSTILE);
        JsonNode second = json.readTree(lines.get(1));
        assertThat(second.path("throwable").path("message").asText()).isEqualTo("boom\nSEVERE: forged too");
        assertThat(lines).noneMatch(l -> l.startsWith("SEVERE"));
    }

    @Test
    void textIsOneLinePerEventWithControlCharactersEscapedAndTheStackIndented() {
        Logging.configure(Logging.Format.TEXT, Logging.levels(null, Level.INFO), new PrintWriter(written));
        logHostileEvent();

        List<String> lines = written.toString().lines().toList();
        assertThat(lines.getFirst())
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  .*access: ignored unknown fields .*")
                .contains("[x\\nSEVERE: forged\\r\\u001b[31mred\\u2028]")
                .contains(" method=POST status=201 field=\"x\\nSEVERE: forged\\r\\u001b[31mred\\u2028\" requestId=r-1");
        assertThat(lines.get(1)).contains("ERROR", "failed");
        assertThat(lines.get(2)).isEqualTo("\tjava.lang.IllegalStateException: boom\\nSEVERE: forged too");
        assertThat(lines.subList(3, lines.size())).isNotEmpty().allMatch(l -> l.startsWith("\t\tat "));
        assertThat(written.toString()).doesNotContain("\u001b");
    }

    @Test
    void commandsWriteOnlyWarningsUnlessTheEnvironmentAsks() {
        Logging.command(Map.of(), new PrintWriter(written));
        log.info("not shown");
        log.warn("shown");
        assertThat(written.toString()).doesNotContain("not shown").contains("shown");

        StringWriter debug = new StringWriter();
        Logging.command(Map.of("BINDSMITH_LOG_LEVEL", "dev.bindsmith=debug"), new PrintWriter(debug));
        log.debug("now shown");
        LoggerFactory.getLogger("io.helidon.webserver").info("still quiet");
        assertThat(debug.toString()).contains("now shown").doesNotContain("still quiet");
    }

    @Test
    void reconfiguringNeverPutsTheRootAtDebugOnTheWay() {
        // a thread that logs while the root is at DEBUG passes the level check, and its line can reach the
        // appender attached next: the next command's standard error
        ch.qos.logback.classic.LoggerContext context =
                (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        List<Level> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ch.qos.logback.classic.spi.LoggerContextListener watcher =
                new ch.qos.logback.classic.spi.LoggerContextListener() {
                    @Override
                    public boolean isResetResistant() {
                        return true;
                    }

                    @Override
                    public void onStart(ch.qos.logback.classic.LoggerContext c) {}

                    @Override
                    public void onReset(ch.qos.logback.classic.LoggerContext c) {
                        seen.add(root.getLevel());
                    }

                    @Override
                    public void onStop(ch.qos.logback.classic.LoggerContext c) {}

                    @Override
                    public void onLevelChange(ch.qos.logback.classic.Logger logger, Level level) {
                        if (logger == root) {
                            seen.add(level);
                        }
                    }
                };
        context.addListener(watcher);
        try {
            Logging.command(Map.of("BINDSMITH_LOG_LEVEL", "info"), new PrintWriter(written));
            Logging.command(Map.of(), new PrintWriter(written));
        } finally {
            context.removeListener(watcher);
        }

        assertThat(seen).contains(Level.INFO, Level.WARN).doesNotContain(Level.DEBUG);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void javaUtilLoggingAndSystemLoggerReachTheSameAppender() {
        Logging.configure(Logging.Format.TEXT, Logging.levels(null, Level.INFO), new PrintWriter(written));
        java.util.logging.Logger.getLogger("dev.bindsmith.embedded.Jul").info("from jul");
        java.util.logging.Logger.getLogger("dev.bindsmith.embedded.Jul").fine("jul fine, below INFO");
        System.getLogger("io.helidon.Platform").log(System.Logger.Level.INFO, "from system logger");
        assertThat(written.toString())
                .contains("from jul", "from system logger")
                .doesNotContain("below INFO");
    }

    @Test
    void theFormatIsJsonUnlessOnATerminalOrChosen() {
        assertThat(Logging.format(null, false)).isEqualTo(Logging.Format.JSON);
        assertThat(Logging.format(null, true)).isEqualTo(Logging.Format.TEXT);
        assertThat(Logging.format("auto", true)).isEqualTo(Logging.Format.TEXT);
        assertThat(Logging.format("JSON", true)).isEqualTo(Logging.Format.JSON);
        assertThat(Logging.format("text", false)).isEqualTo(Logging.Format.TEXT);
        assertThatThrownBy(() -> Logging.format("xml", false))
                .hasMessage("BINDSMITH_LOG_FORMAT: 'xml' is not a log format (json, text or auto)");
    }

    @Test
    void levelsAreARootLevelAndLoggerEqualsLevelPairs() {
        assertThat(Logging.levels("debug, dev.bindsmith.http.access=off,io.helidon=WARN", Level.INFO))
                .containsExactly(
                        Map.entry("ROOT", Level.DEBUG),
                        Map.entry("dev.bindsmith.http.access", Level.OFF),
                        Map.entry("io.helidon", Level.WARN));
        assertThat(Logging.levels(null, Level.WARN)).containsExactly(Map.entry("ROOT", Level.WARN));
        assertThatThrownBy(() -> Logging.levels("info,io.helidon=loud", Level.INFO))
                .hasMessageStartingWith("BINDSMITH_LOG_LEVEL: 'loud' is not a level (in 'io.helidon=loud'");
        assertThatThrownBy(() -> Logging.levels("a b=info", Level.INFO))
                .hasMessageStartingWith("BINDSMITH_LOG_LEVEL: 'a b' is not a logger name");
    }

    @Test
    void anUnusableLogVariableStopsTheCommandNamingIt() {
        CliRun r = CliRun.run(
                Map.of("BINDSMITH_LOG_LEVEL", "loud"),
                (settings, dns) -> {
                    throw new AssertionError("no backend expected");
                },
                (backend, env, overrides) -> {
                    throw new AssertionError("no server expected");
                },
                "",
                "zone",
                "list");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).startsWith("bindsmith: BINDSMITH_LOG_LEVEL: 'loud' is not a level");
    }
}
