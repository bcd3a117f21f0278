package dev.bindsmith.embedded;

import dev.bindsmith.core.service.DynamicUpdates;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Message;

/**
 * Fuzz target: a DNS message from the network as the embedded server answers it
 * ({@link QueryResolver#answer}, over UDP and over TCP, from 127.0.0.1) against the zones of
 * {@link FuzzZones}: queries of every lookup path, AXFR/IXFR, NOTIFY, and whatever opcode follows
 * (UPDATE and IXFR handlers plug in behind the same entry point, so this target reaches them when
 * they exist; their messages are in the corpus already). Nothing may be thrown, every reply must be a
 * DNS message that parses, and a UDP reply must fit the size the query allows (512 bytes without
 * EDNS, {@link QueryResolver#EDNS_PAYLOAD} at most). Corpus: {@code fuzz/DnsQueryFuzzTarget/}
 * (messages dig 9.18 and nsupdate sent).
 */
public final class DnsQueryFuzzTarget {
    private static final QueryResolver RESOLVER = resolver();

    /** The server's own pieces over the fuzz zones: queries, UPDATE, AXFR/IXFR and TSIG checks, no network. */
    private static QueryResolver resolver() {
        Path dir = FuzzZones.temporaryDirectory("bindsmith-fuzz-dns");
        ZoneRegistry registry = FuzzZones.registry(dir);
        ZoneEngine engine = new ZoneEngine(registry, new ZoneFiles(dir), Clock.systemUTC(), 100, 100_000);
        TsigGuard guard = new TsigGuard(TsigKeyring.of(List.of()), Clock.systemUTC());
        NotifySender notifier = new NotifySender(engine, List.of(), Duration.ofSeconds(2), 1);
        UpdateResponder updates = new UpdateResponder(
                engine,
                new DynamicUpdates(new EmbeddedRecordReader(registry), new EmbeddedRecordUpdater(engine, notifier)),
                UpdateAudit.NONE);
        return new QueryResolver(
                registry, (z, p) -> {}, guard, updates, new TransferResponder(registry, guard, Optional.empty()));
    }

    private static final InetAddress PEER = InetAddress.getLoopbackAddress();

    private DnsQueryFuzzTarget() {}

    public static void fuzzerTestOneInput(byte[] input) {
        int udpLimit = udpLimit(input);
        for (byte[] reply : RESOLVER.answer(input, PEER, false)) {
            check(reply, "UDP");
            if (reply.length > udpLimit) {
                throw new IllegalStateException(
                        "a UDP reply of " + reply.length + " bytes exceeds the " + udpLimit + " the query allows");
            }
        }
        List<byte[]> tcp = RESOLVER.answer(input, PEER, true);
        for (byte[] reply : tcp) {
            check(reply, "TCP");
        }
    }

    private static int udpLimit(byte[] input) {
        try {
            Message query = new Message(input);
            return query.getOPT() == null ? 512 : QueryResolver.EDNS_PAYLOAD;
        } catch (IOException | RuntimeException unparsable) {
            return 512;
        }
    }

    private static void check(byte[] reply, String transport) {
        if (reply.length > 65535) {
            throw new IllegalStateException("a " + transport + " reply of " + reply.length + " bytes");
        }
        try {
            new Message(reply);
        } catch (IOException e) {
            throw new IllegalStateException("the server sent a " + transport + " reply that does not parse: " + e, e);
        }
    }
}
