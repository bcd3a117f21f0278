package dev.bindsmith.rndc.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.rndc.client.FakeRndcServer.Answer;
import dev.bindsmith.rndc.wire.HmacAlgorithm;
import dev.bindsmith.rndc.wire.RndcKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of docs/rndc.md, verbatim between the markers, run against the fake server. */
class RndcDocExampleTest {

    static List<String> example(String secretBase64, int port) throws RndcException {
        List<String> out = new ArrayList<>();
        // --- docs/rndc.md example begins ---
        RndcKey key = RndcKey.ofBase64("rndc-key", HmacAlgorithm.HMAC_SHA256, secretBase64);
        try (RndcClient rndc = RndcClient.builder(key)
                .server("127.0.0.1", port)
                .readTimeout(Duration.ofSeconds(30))
                .build()) {
            RndcReply status = rndc.send("status");
            out.add(status.text());
            RndcReply zone = rndc.send("zonestatus example.com");
            if (!zone.ok() && zone.err().orElse("").equals("not found")) {
                out.add("no such zone: " + zone.text());
            }
        }
        // --- docs/rndc.md example ends ---
        return out;
    }

    @Test
    void documentedExampleRunsAgainstAServer() throws Exception {
        String secret = "c2VjcmV0LWtleS1mb3ItcmVhZG1lLXRlc3QtdmVjdG9yMDE=";
        RndcKey key = RndcKey.ofBase64("rndc-key", HmacAlgorithm.HMAC_SHA256, secret);
        try (FakeRndcServer server = new FakeRndcServer(key)) {
            server.answers(cmd -> cmd.startsWith("zonestatus")
                    ? Answer.error(23, "not found", "no matching zone 'example.com' in any view")
                    : Answer.ok("server is up and running"));

            List<String> out = example(secret, server.port());

            assertThat(out)
                    .containsExactly(
                            "server is up and running", "no such zone: no matching zone 'example.com' in any view");
            assertThat(server.executed()).containsExactly("status", "zonestatus example.com");
        }
    }
}
