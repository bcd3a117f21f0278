package dev.bindsmith.rndc.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.Soa;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.rndc.NamedClients;
import dev.bindsmith.rndc.bind.RndcNameServerControl;
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.testing.contract.RecordUpdaterContract;
import dev.bindsmith.testing.named.NamedAvailability;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The RecordUpdater contract for the RFC 2136 updater and the AXFR reader, on one real named. */
class Rfc2136RecordUpdaterContractIT extends RecordUpdaterContract {
    private static RunningNamed named;
    private static RndcClient rndc;
    private static RndcNameServerControl control;
    private static Rfc2136RecordUpdater updater;
    private static AxfrRecordReader reader;

    @BeforeAll
    static void startNamed() {
        NamedAvailability.assumeOrRequire();
        named = NamedLauncher.create().start();
        rndc = NamedClients.rndc(named);
        control = new RndcNameServerControl(rndc);
        UpdateSettings settings = NamedClients.updates(named);
        updater = new Rfc2136RecordUpdater(settings);
        reader = new AxfrRecordReader(settings);
    }

    @AfterAll
    static void stopNamed() {
        if (rndc != null) {
            rndc.close();
        }
        if (named != null) {
            named.close();
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

    @Override
    protected void serve(ZoneSpec spec) {
        Path file = named.zoneDirectory().resolve(spec.name().value() + ".zone");
        try {
            Files.writeString(file, masterFile(spec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Outcome<ControlReply> added =
                control.addZone(spec.name(), ZoneConfig.of(spec.type(), file.toString(), spec.options()));
        assertThat(added.isSuccess()).as("addzone %s: %s", spec.name(), added).isTrue();
    }

    @Override
    protected Optional<RecordUpdater> unreachableUpdater() {
        // a port that was free a moment ago: nothing listens there, so the connection is refused
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new Rfc2136RecordUpdater(NamedClients.updates(named.updateKey(), closed)));
    }

    private static String masterFile(ZoneSpec spec) {
        StringBuilder sb = new StringBuilder("$ORIGIN ")
                .append(spec.name().absolute())
                .append("\n$TTL ")
                .append(spec.defaultTtl())
                .append('\n');
        Soa soa = spec.soa();
        sb.append("@ IN SOA ")
                .append(soa.primaryNs().absolute())
                .append(' ')
                .append(soa.adminMailbox().absolute())
                .append(' ')
                .append(soa.serial())
                .append(' ')
                .append(soa.refresh())
                .append(' ')
                .append(soa.retry())
                .append(' ')
                .append(soa.expire())
                .append(' ')
                .append(soa.negativeTtl())
                .append('\n');
        spec.nameServers()
                .forEach(ns -> sb.append("@ IN NS ").append(ns.absolute()).append('\n'));
        spec.glue().forEach(r -> line(sb, r));
        spec.records().forEach(r -> line(sb, r));
        return sb.toString();
    }

    private static void line(StringBuilder sb, Record r) {
        sb.append(r.owner().absolute());
        r.ttl().ifPresent(ttl -> sb.append(' ').append(ttl));
        sb.append(" IN ")
                .append(r.type().name())
                .append(' ')
                .append(r.data().presentation())
                .append('\n');
    }
}
