package dev.bindsmith.wiring;

import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.dns.tsig.TsigKey;
import dev.bindsmith.embedded.EmbeddedNameServer;
import dev.bindsmith.rndc.update.AxfrRecordReader;
import dev.bindsmith.rndc.update.Rfc2136RecordUpdater;
import dev.bindsmith.rndc.update.UpdateSettings;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.ZoneSpecBuilder;
import dev.bindsmith.testing.contract.RecordUpdaterContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/**
 * The BIND adapter's own RFC 2136 client pointed at the embedded server: the same RecordUpdater
 * contract it passes against named ({@code Rfc2136RecordUpdaterContractIT}), over the real wire with
 * real TSIG — updates signed with the update key, reads by signed AXFR and signed queries, every
 * answer's signature verified by the client.
 */
class Rfc2136OnEmbeddedContractTest extends RecordUpdaterContract {
    private static final TsigKey KEY =
            new TsigKey("update-key", TsigKey.Algorithm.HMAC_SHA256, "UdOKqP64CwQvz/XnIrW1nnmHgHZiorikOnAmEQg7jyc=");

    private Path dataDirectory;
    private EmbeddedNameServer server;
    private Rfc2136RecordUpdater updater;
    private AxfrRecordReader reader;

    @Override
    protected void prepare() {
        try {
            dataDirectory = Files.createTempDirectory("bindsmith-rfc2136-embedded-");
            server = EmbeddedNameServer.builder()
                    .dataDirectory(dataDirectory)
                    .port(0)
                    .tsigKeys(List.of(KEY))
                    // the reader transfers with the update key, as it does from named
                    .transferKey(KEY.name())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UpdateSettings settings = UpdateSettings.of(
                "127.0.0.1", server.localAddress().orElseThrow().getPort(), KEY);
        updater = new Rfc2136RecordUpdater(settings);
        reader = new AxfrRecordReader(settings);
    }

    @AfterEach
    void stop() throws IOException {
        updater.close();
        server.close();
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @Override
    protected RecordUpdater updater() {
        return updater;
    }

    @Override
    protected RecordReader reader() {
        return reader;
    }

    /** The zone takes updates signed with the key, and from nobody else. */
    @Override
    protected ZoneSpecBuilder dynamic(ZoneSpecBuilder spec) {
        return spec.allowUpdate(Records.key(KEY.name()));
    }

    @Override
    protected void serve(ZoneSpec spec) {
        StoredZone stored = Outcomes.ok(server.zoneStore().create(spec));
        Outcomes.ok(server.nameServerControl()
                .addZone(spec.name(), ZoneConfig.of(spec.type(), stored.file(), spec.options())));
    }

    @Override
    protected Optional<RecordUpdater> unreachableUpdater() {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new Rfc2136RecordUpdater(UpdateSettings.of("127.0.0.1", closed, KEY)));
    }
}
