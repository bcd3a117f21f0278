package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.dns.tsig.TsigKey;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/** The key file is read again when it changes; one that no longer reads keeps the keys the server had. */
class TsigKeyReloadTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final TsigKey FIRST =
            new TsigKey("ddns-key", TsigKey.Algorithm.HMAC_SHA256, "UdOKqP64CwQvz/XnIrW1nnmHgHZiorikOnAmEQg7jyc=");
    private static final TsigKey SECOND =
            new TsigKey("ddns-key", TsigKey.Algorithm.HMAC_SHA256, "YS1zdHJhbmdlci1rZXktdGhhdC1uby16b25lLW5hbWVzLTMy");

    @TempDir
    Path dir;

    private EmbeddedNameServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aChangedKeyFileIsUsedWithinTheReloadIntervalAndABrokenOneKeepsTheKeys() throws Exception {
        Path keys = Files.writeString(dir.resolve("keys.conf"), FIRST.statement());
        server = EmbeddedNameServer.builder()
                .dataDirectory(dir.resolve("zones"))
                .port(0)
                .tsigKeyFile(keys)
                .keyReloadInterval(Duration.ofMillis(50))
                .start();
        EmbeddedServers.serve(
                server,
                TestZones.spec("reload.test")
                        .allowUpdate(Records.key("ddns-key"))
                        .build());
        assertThat(update(FIRST, "a")).isEqualTo(Rcode.NOERROR);

        Files.writeString(keys, SECOND.statement());

        assertThat(awaitAccepted(SECOND)).as("the new secret is used").isTrue();
        assertThat(update(FIRST, "c")).as("the old secret is BADSIG now").isEqualTo(Rcode.NOTAUTH);

        Files.writeString(keys, "key \"ddns-key\" { algorithm hmac-sha256; };\n"); // no secret: does not read
        // the broken file is looked at on the next checks; the keys it had stay in use
        for (int i = 0; i < 5; i++) {
            assertThat(update(SECOND, "d" + i)).isEqualTo(Rcode.NOERROR);
            Thread.sleep(60);
        }
    }

    @Test
    void aKeyFileThatDoesNotReadStopsTheStartNamingItAndNotTheSecret() throws Exception {
        Path keys = Files.writeString(
                dir.resolve("keys.conf"), "key old { algorithm hmac-sha1; secret \"" + FIRST.secret() + "\"; };\n");

        assertThatThrownBy(() -> EmbeddedNameServer.builder()
                        .dataDirectory(dir.resolve("zones"))
                        .port(0)
                        .tsigKeyFile(keys)
                        .start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(keys + ":1: key 'old' uses hmac-sha1")
                .hasMessageNotContaining(FIRST.secret());
    }

    private boolean awaitAccepted(TsigKey key) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        int i = 0;
        while (System.nanoTime() < deadline) {
            if (update(key, "b" + i++) == Rcode.NOERROR) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private int update(TsigKey key, String label) throws Exception {
        Update update = new Update(Name.fromString("reload.test."));
        update.add(Name.fromString(label + ".reload.test."), Type.A, 60, "192.0.2.1");
        return DnsExchange.tcp(server.localAddress().orElseThrow(), update, Optional.of(key.signer(Clock.systemUTC())))
                .rcode();
    }
}
