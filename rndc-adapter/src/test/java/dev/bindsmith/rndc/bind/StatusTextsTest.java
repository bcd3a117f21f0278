package dev.bindsmith.rndc.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.port.ServerStatus;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.zone.ZoneName;
import org.junit.jupiter.api.Test;

class StatusTextsTest {

    /** docs/rndc-wire.md (result texts), zonestatus example.test. */
    static final String ZONESTATUS = """
            name: example.test
            type: primary
            files: zones/example.test.db
            serial: 1
            nodes: 3
            last loaded: Sat, 21 Nov 2026 22:42:39 GMT
            secure: no
            dynamic: no
            reconfigurable via modzone: yes""";

    /** named 9.18.49, an inline-signed zone (lab run). */
    static final String ZONESTATUS_SIGNED = """
            name: a.test
            type: primary
            files: /tmp/bindx/zones/a.test.db
            serial: 1
            signed serial: 3
            nodes: 3
            last loaded: Sat, 21 Nov 2026 23:20:41 GMT
            secure: yes
            inline signing: yes
            key maintenance: automatic
            next key event: Sun, 22 Nov 2026 01:25:41 GMT
            next resign node: a.test/NS
            next resign time: Mon, 30 Nov 2026 15:10:38 GMT
            dynamic: yes
            frozen: no
            reconfigurable via modzone: yes""";

    /** named 9.18.49, rndc status (lab run). */
    static final String STATUS = """
            version: BIND 9.18.49-1~deb12u3-Debian (Extended Support Version) <id:>
            running on vm: Linux x86_64 6.18.44-fc-v669 #1 SMP PREEMPT_DYNAMIC @0
            boot time: Sat, 21 Nov 2026 23:20:40 GMT
            last configured: Sat, 21 Nov 2026 23:20:41 GMT
            configuration file: /tmp/bindx/named.conf
            CPUs found: 2
            worker threads: 2
            UDP listeners per interface: 2
            number of zones: 4 (0 automatic)
            debug level: 0
            xfers running: 0
            xfers deferred: 0
            soa queries in progress: 1
            query logging is OFF
            recursive clients: 0/900/1000
            tcp clients: 0/150
            TCP high-water: 0
            server is up and running""";

    @Test
    void zonestatusGivesTypeSerialFilesAndEveryLine() {
        ZoneStatus s = StatusTexts.zoneStatus(ZoneName.of("example.test"), ZONESTATUS);

        assertThat(s.name()).isEqualTo(ZoneName.of("example.test"));
        assertThat(s.type()).isEqualTo("primary");
        assertThat(s.serial()).hasValue(1);
        assertThat(s.files()).containsExactly("zones/example.test.db");
        assertThat(s.properties())
                .containsEntry("nodes", "3")
                .containsEntry("reconfigurable via modzone", "yes")
                .hasSize(9);
        assertThat(s.properties().keySet()).startsWith("name", "type", "files", "serial");
        assertThat(s.dynamic()).contains(false);
        assertThat(s.secure()).contains(false);
        assertThat(s.lastLoaded()).contains("Sat, 21 Nov 2026 22:42:39 GMT");
        assertThat(s.raw()).isEqualTo(ZONESTATUS);
    }

    @Test
    void theSerialOfAnInlineSignedZoneIsTheUnsignedOneNotTheSignedSerial() {
        ZoneStatus s = StatusTexts.zoneStatus(ZoneName.of("a.test"), ZONESTATUS_SIGNED);

        assertThat(s.serial()).hasValue(1);
        assertThat(s.properties()).containsEntry("signed serial", "3").containsEntry("inline signing", "yes");
        assertThat(s.secure()).contains(true);
        assertThat(s.dynamic()).contains(true);
    }

    @Test
    void serialsAreUnsigned32BitAndGarbageIsNoSerial() {
        assertThat(StatusTexts.zoneStatus(ZoneName.of("x.test"), "serial: 4294967295")
                        .serial())
                .hasValue(4294967295L);
        assertThat(StatusTexts.zoneStatus(ZoneName.of("x.test"), "serial: 4294967296")
                        .serial())
                .isEmpty();
        assertThat(StatusTexts.zoneStatus(ZoneName.of("x.test"), "serial: -1").serial())
                .isEmpty();
        assertThat(StatusTexts.zoneStatus(ZoneName.of("x.test"), "").type()).isEqualTo("unknown");
    }

    @Test
    void severalFilesAreSplitOnCommas() {
        assertThat(StatusTexts.zoneStatus(ZoneName.of("x.test"), "files: a.db, inc/b.db")
                        .files())
                .containsExactly("a.db", "inc/b.db");
    }

    @Test
    void statusGivesVersionZoneCountAndRunning() {
        ServerStatus s = StatusTexts.serverStatus(STATUS);

        assertThat(s.version()).isEqualTo("BIND 9.18.49-1~deb12u3-Debian (Extended Support Version) <id:>");
        assertThat(s.zoneCount()).hasValue(4);
        assertThat(s.running()).isTrue();
        assertThat(s.properties()).containsEntry("worker threads", "2").containsEntry("tcp clients", "0/150");
        assertThat(s.raw()).isEqualTo(STATUS);
    }

    @Test
    void statusWithoutTheRunningLineIsNotRunning() {
        ServerStatus s = StatusTexts.serverStatus("version: BIND 9.18\nserver is shutting down");

        assertThat(s.running()).isFalse();
        assertThat(s.zoneCount()).isEmpty();
    }
}
