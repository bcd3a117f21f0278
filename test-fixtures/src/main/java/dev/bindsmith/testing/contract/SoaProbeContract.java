package dev.bindsmith.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.port.SoaAnswer;
import dev.bindsmith.core.port.SoaProbe;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SoaProbe}. Extend it with {@link #probe()}, {@link #serverServing} (a name
 * server that serves a zone at a serial, set up by the test class) and {@link #silentServer()} (an
 * address where nothing answers, such as a closed UDP and TCP port).
 */
public abstract class SoaProbeContract {

    protected abstract SoaProbe probe();

    /** A server that serves {@code zone} authoritatively at {@code serial}; the zone is fresh for each call. */
    protected abstract Endpoint serverServing(ZoneName zone, long serial);

    protected abstract Endpoint silentServer();

    @Test
    void aServerThatServesTheZoneAnswersItsSerialAuthoritatively() {
        ZoneName zone = ContractZones.unique("probe");
        Endpoint server = serverServing(zone, 2026120301L);

        SoaAnswer answer = probe().query(server, zone);

        assertThat(answer).isInstanceOf(SoaAnswer.Answered.class);
        SoaAnswer.Answered a = (SoaAnswer.Answered) answer;
        assertThat(a.server()).isEqualTo(server);
        assertThat(a.rcode()).isEqualTo("NOERROR");
        assertThat(a.authoritative()).isTrue();
        assertThat(a.serial()).isEqualTo(OptionalLong.of(2026120301L));
        assertThat(a.serves()).isTrue();
    }

    @Test
    void aZoneTheServerDoesNotHaveIsAnsweredButNotServed() {
        ZoneName served = ContractZones.unique("probe");
        Endpoint server = serverServing(served, 7);
        ZoneName other = ContractZones.unique("probe-absent");

        SoaAnswer answer = probe().query(server, other);

        assertThat(answer).isInstanceOf(SoaAnswer.Answered.class);
        SoaAnswer.Answered a = (SoaAnswer.Answered) answer;
        assertThat(a.serves()).isFalse();
        assertThat(a.serial()).isEmpty();
        assertThat(a.rcode()).isIn("REFUSED", "NOTAUTH", "SERVFAIL", "NXDOMAIN");
    }

    @Test
    void aServerThatDoesNotAnswerIsNoAnswerWithAReason() {
        Endpoint silent = silentServer();

        SoaAnswer answer = probe().query(silent, ContractZones.unique("probe"));

        assertThat(answer).isInstanceOf(SoaAnswer.NoAnswer.class);
        assertThat(((SoaAnswer.NoAnswer) answer).reason()).isNotBlank();
        assertThat(answer.server()).isEqualTo(silent);
    }
}
