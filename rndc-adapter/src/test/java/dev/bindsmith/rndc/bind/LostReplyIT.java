package dev.bindsmith.rndc.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.service.ZoneCreated;
import dev.bindsmith.core.service.ZoneService;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.rndc.NamedClients;
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.contract.ContractZones;
import dev.bindsmith.testing.named.NamedAvailability;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * issue 16.1, reproduced as reported: a proxy between bindsmith and a real named loses named's reply
 * to {@code addzone} (or {@code delzone}) after named ran it. Before the fix the create answered 500
 * and removed the file of a zone named was serving (its next start then failed on the missing file),
 * and a retry answered 409. Now the zone's outcome is asked for, and the file stays with the zone.
 */
class LostReplyIT {
    private static RunningNamed named;
    private static RndcClient direct;

    private RndcFaultProxy proxy;
    private RndcClient throughProxy;
    private FileZoneStore store;
    private ZoneService zones;
    private RndcNameServerControl truth;

    @BeforeAll
    static void startNamed() {
        NamedAvailability.assumeOrRequire();
        named = NamedLauncher.create().start();
        direct = NamedClients.rndc(named);
    }

    @AfterAll
    static void stopNamed() {
        if (direct != null) {
            direct.close();
        }
        if (named != null) {
            named.close();
        }
    }

    @BeforeEach
    void wire() throws IOException {
        proxy = new RndcFaultProxy(named.controlPort());
        throughProxy = RndcClient.builder(NamedClients.rndcKey(named.rndcKey()))
                .server("127.0.0.1", proxy.port())
                .readTimeout(Duration.ofSeconds(2))
                .build();
        store = new FileZoneStore(named.zoneDirectory());
        zones = new ZoneService(store, new RndcNameServerControl(throughProxy), Clock.systemUTC());
        truth = new RndcNameServerControl(direct);
    }

    @AfterEach
    void unwire() throws IOException {
        throughProxy.close();
        proxy.close();
        store.close();
    }

    @Test
    void anAddzoneReplyDroppedOnAFreshConnectionIs201AndNamedServesTheZoneFromItsFile() throws IOException {
        ZoneName name = ContractZones.unique("lost-drop");
        proxy.lose("addzone", RndcFaultProxy.Fault.DROP);

        Outcome.Created<ZoneCreated> created = Outcomes.created(zones.create(TestZones.request(name.value())
                .withRecord("www", "A", "192.0.2.61")
                .build()));

        assertThat(proxy.faultsFired()).isEqualTo(1);
        assertServedFromItsFile(name, created.value().filePath());
        assertThat(answer("www." + name.value())).isEqualTo(Rcode.NOERROR);
        Outcomes.failure(
                zones.create(TestZones.request(name.value()).build()), Outcome.Conflict.class, ErrorCode.ZONE_EXISTS);
        assertServedFromItsFile(name, created.value().filePath());
    }

    @Test
    void anAddzoneReplyDroppedOnAPooledConnectionIsRetriedAndItsAlreadyExistsIsRecognisedAsOurs() throws IOException {
        ZoneName name = ContractZones.unique("lost-pooled");
        Outcomes.ok(new RndcNameServerControl(throughProxy).serverStatus()); // a pooled session now
        proxy.lose("addzone", RndcFaultProxy.Fault.DROP);

        Outcome.Created<ZoneCreated> created =
                Outcomes.created(zones.create(TestZones.request(name.value()).build()));

        assertThat(proxy.faultsFired()).isEqualTo(1);
        assertServedFromItsFile(name, created.value().filePath());
    }

    @Test
    void anAddzoneReplyHeldPastTheReadTimeoutIs201() throws IOException {
        ZoneName name = ContractZones.unique("lost-hold");
        proxy.lose("addzone", RndcFaultProxy.Fault.HOLD);

        Outcome.Created<ZoneCreated> created =
                Outcomes.created(zones.create(TestZones.request(name.value()).build()));

        assertServedFromItsFile(name, created.value().filePath());
    }

    @Test
    void whenNamedCannotBeAskedTheFileIsKeptAnd500SaysTheOutcomeIsUnknownThenARetrySettlesIt() throws IOException {
        ZoneName name = ContractZones.unique("lost-unknown");
        proxy.lose("addzone", RndcFaultProxy.Fault.DROP).thenRefuseConnections();

        Outcome.Failure<?> failure = Outcomes.failure(
                zones.create(TestZones.request(name.value()).build()),
                Outcome.BackendFailed.class,
                ErrorCode.BACKEND_OUTCOME_UNKNOWN);

        Path file = Path.of(store.fileOf(name));
        assertThat(failure.details()).contains("file is kept");
        assertServedFromItsFile(name, file.toString());
        proxy.heal();
        Outcomes.failure(
                zones.create(TestZones.request(name.value()).build()), Outcome.Conflict.class, ErrorCode.ZONE_EXISTS);
        assertServedFromItsFile(name, file.toString());
        assertThat(store.unfinished(name)).as("the retry settled the create").isEmpty();
    }

    @Test
    void aDelzoneReplyDroppedIs204AndTheZonesFilesAreGone() throws IOException {
        ZoneName name = ContractZones.unique("lost-del");
        Outcome.Created<ZoneCreated> created =
                Outcomes.created(zones.create(TestZones.request(name.value()).build()));
        proxy.lose("delzone", RndcFaultProxy.Fault.DROP);

        assertThat(zones.delete(name.value())).isInstanceOf(Outcome.Deleted.class);

        assertThat(proxy.faultsFired()).isEqualTo(1);
        assertThat(truth.zoneStatus(name)).isInstanceOf(Outcome.NotFound.class);
        assertThat(Path.of(created.value().filePath())).doesNotExist();
        assertThat(store.find(name)).isEmpty();
    }

    private void assertServedFromItsFile(ZoneName name, String file) throws IOException {
        ZoneStatus status = Outcomes.ok(truth.zoneStatus(name));
        assertThat(status.files()).as(named.logTail(20)).containsExactly(file);
        assertThat(Path.of(file)).exists();
        assertThat(Files.readString(Path.of(file))).contains("SOA");
    }

    private static int answer(String host) throws IOException {
        SimpleResolver resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(named.dnsPort());
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(host + "."), Type.A, DClass.IN)))
                .getRcode();
    }
}
