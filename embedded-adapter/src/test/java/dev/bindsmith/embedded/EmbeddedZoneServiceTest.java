package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.ZoneService;
import dev.bindsmith.testing.builders.TestZones;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The use cases on the embedded backend: a zone created through ZoneService is answered over DNS at once. */
class EmbeddedZoneServiceTest {
    @TempDir
    Path dataDirectory;

    private EmbeddedNameServer server;
    private ZoneService zones;

    @BeforeEach
    void start() {
        server = EmbeddedServers.start(dataDirectory);
        zones = new ZoneService(server.zoneStore(), server.nameServerControl(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aZoneCreatedThroughTheServiceIsAnsweredOverDnsAndGoneWhenDeleted() throws IOException {
        Outcome<?> created = zones.create(TestZones.request("service.test")
                .withRecord("www", "A", "192.0.2.80")
                .build());
        assertThat(created).isInstanceOf(Outcome.Created.class);

        Message answer = query("www.service.test.");
        assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answer.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(((ARecord) answer.getSection(Section.ANSWER).getFirst())
                        .getAddress()
                        .getHostAddress())
                .isEqualTo("192.0.2.80");

        assertThat(zones.delete("service.test")).isInstanceOf(Outcome.Deleted.class);
        assertThat(query("www.service.test.").getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(server.zoneStore().list()).isEmpty();
    }

    @Test
    void aSecondCreateOfTheSameZoneIsAConflict() {
        assertThat(zones.create(TestZones.request("twice.test").build())).isInstanceOf(Outcome.Created.class);

        assertThat(zones.create(TestZones.request("twice.test").build())).isInstanceOf(Outcome.Conflict.class);
    }

    private Message query(String host) throws IOException {
        SimpleResolver resolver = new SimpleResolver(server.localAddress().orElseThrow());
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(host), Type.A, DClass.IN)));
    }
}
