package dev.bindsmith.rndc.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.ZoneCreated;
import dev.bindsmith.core.service.ZoneRequest;
import dev.bindsmith.core.service.ZoneService;
import dev.bindsmith.rndc.bind.FileZoneStore;
import dev.bindsmith.rndc.bind.RndcNameServerControl;
import dev.bindsmith.rndc.client.FakeRndcServer.Answer;
import dev.bindsmith.rndc.wire.HmacAlgorithm;
import dev.bindsmith.rndc.wire.RndcKey;
import dev.bindsmith.testing.builders.TestZones;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root README's "Embedding it" example: it compiles, runs, and the README shows exactly this code. */
class ReadmeEmbeddingExampleTest {

    private static final String SECRET = "c2VjcmV0LWtleS1mb3ItcmVhZG1lLXRlc3QtdmVjdG9yMDE=";

    @TempDir
    Path zoneDirectory;

    static String example(String secretBase64, Path zoneDirectory, ZoneRequest request, int rndcPort) {
        // --- README example begins ---
        RndcKey key = RndcKey.ofBase64("rndc-key", HmacAlgorithm.HMAC_SHA256, secretBase64);
        RndcClient rndc = RndcClient.builder(key).server("127.0.0.1", rndcPort).build();
        ZoneService zones =
                new ZoneService(new FileZoneStore(zoneDirectory), new RndcNameServerControl(rndc), Clock.systemUTC());

        String said = switch (zones.create(request)) {
            case Outcome.Created<ZoneCreated> created ->
                "created " + created.value().filePath();
            case Outcome.Failure<ZoneCreated> failure -> failure.code() + ": " + failure.details();
            case Outcome.Ok<ZoneCreated> ok -> "unexpected: create answers Created";
            case Outcome.Deleted<ZoneCreated> deleted -> "unexpected: create answers Created";
        };
        // --- README example ends ---
        rndc.close();
        return said;
    }

    @Test
    void theReadmeExampleCreatesAZoneThroughRndc() throws Exception {
        RndcKey key = RndcKey.ofBase64("rndc-key", HmacAlgorithm.HMAC_SHA256, SECRET);
        try (FakeRndcServer server = new FakeRndcServer(key)) {
            server.answers(cmd -> cmd.startsWith("zonestatus")
                    ? Answer.error(23, "not found", "no matching zone 'example.com' in any view")
                    : Answer.ok(""));

            String said = example(
                    SECRET, zoneDirectory, TestZones.request("example.com").build(), server.port());

            assertThat(said).isEqualTo("created " + zoneDirectory.toRealPath().resolve("example.com.zone"));
            assertThat(server.executed()).anyMatch(cmd -> cmd.startsWith("addzone example.com {"));
        }
    }

    @Test
    void theReadmeShowsTheExampleVerbatim() throws IOException {
        String source =
                Files.readString(Path.of("src/test/java/dev/bindsmith/rndc/client/ReadmeEmbeddingExampleTest.java"));
        Matcher m = Pattern.compile(
                        "// --- README example begins ---\\n(.*?)\\n\\s*// --- README example ends ---", Pattern.DOTALL)
                .matcher(source);
        assertThat(m.find()).isTrue();
        String snippet = m.group(1)
                .lines()
                .map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .reduce((a, b) -> a + "\n" + b)
                .orElseThrow();

        assertThat(Files.readString(Path.of("../README.md"))).contains(snippet);
    }
}
