package dev.bindsmith.rndc;

import dev.bindsmith.dns.tsig.TsigKey;
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.rndc.update.UpdateSettings;
import dev.bindsmith.rndc.wire.HmacAlgorithm;
import dev.bindsmith.rndc.wire.RndcKey;
import dev.bindsmith.testing.named.NamedKey;
import dev.bindsmith.testing.named.RunningNamed;
import java.time.Duration;

/** The adapter's view of a test named's keys: an rndc client for its control channel, update settings for its DNS port. */
public final class NamedClients {

    private NamedClients() {}

    public static RndcKey rndcKey(NamedKey key) {
        return RndcKey.ofBase64(
                key.name(), HmacAlgorithm.fromName(key.algorithm()).orElseThrow(), key.secret());
    }

    /**
     * A client of the control channel at {@code port} on loopback. The read timeout is generous: a
     * loaded CI machine can take seconds over an addzone, and a timeout there fails a test for nothing.
     */
    public static RndcClient rndc(NamedKey key, int port) {
        return RndcClient.builder(rndcKey(key))
                .server("127.0.0.1", port)
                .readTimeout(Duration.ofSeconds(20))
                .build();
    }

    public static RndcClient rndc(RunningNamed named) {
        return rndc(named.rndcKey(), named.controlPort());
    }

    private static TsigKey tsigKey(NamedKey key) {
        return new TsigKey(key.name(), TsigKey.Algorithm.parse(key.algorithm()), key.secret());
    }

    /** RFC 2136 updates and transfers to {@code named}'s DNS port, signed with its update key. */
    public static UpdateSettings updates(RunningNamed named) {
        return updates(named.updateKey(), named.dnsPort());
    }

    /** RFC 2136 updates and transfers to {@code port} on loopback, signed with {@code key}. */
    public static UpdateSettings updates(NamedKey key, int port) {
        return new UpdateSettings("127.0.0.1", port, tsigKey(key), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}
