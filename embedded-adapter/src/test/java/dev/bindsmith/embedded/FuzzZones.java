package dev.bindsmith.embedded;

import dev.bindsmith.core.net.IpAddresses;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The zones the DNS fuzz targets answer from, loaded through {@link ZoneFiles#loadMaster} as the
 * server loads them: a primary with every lookup path (wildcard, CNAME chain, DNAME, a delegation
 * with glue and DS, MX/SRV additional data), a child zone below its cut, and a secondary whose
 * primary is 127.0.0.1 (so that a NOTIFY from there is accepted).
 */
final class FuzzZones {
    static final String EXAMPLE = """
            $TTL 300
            @        IN SOA ns1 hostmaster 2026112101 3600 600 86400 300
            @        IN NS  ns1
            @        IN NS  ns2.example.net.
            @        IN MX  10 mail
            @        IN TXT "v=spf1 mx -all"
            ns1      IN A   192.0.2.53
            ns1      IN AAAA 2001:db8::53
            mail     IN A   192.0.2.25
            www      IN A   192.0.2.80
            www      IN AAAA 2001:db8::80
            alias    IN CNAME www
            chain    IN CNAME alias
            loop1    IN CNAME loop2
            loop2    IN CNAME loop1
            out      IN CNAME www.example.net.
            *.wild   IN A   192.0.2.99
            *.wild   IN TXT "wildcard"
            old      IN DNAME new.example.com.
            new      IN A   192.0.2.7
            x.new    IN A   192.0.2.8
            _sip._tcp IN SRV 10 5 5060 www
            sub      IN NS  ns.sub
            sub      IN DS  12345 13 2 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF
            ns.sub   IN A   192.0.2.54
            child    IN NS  ns1
            """;
    static final String CHILD = """
            $TTL 60
            @   IN SOA ns1.example.com. hostmaster.example.com. 1 3600 600 86400 60
            @   IN NS  ns1.example.com.
            a   IN A   198.51.100.1
            """;

    private FuzzZones() {}

    /** A registry holding the three zones, their files written under {@code dir}. */
    static ZoneRegistry registry(Path dir) {
        try {
            ZoneFiles files = new ZoneFiles(dir);
            ZoneRegistry registry = new ZoneRegistry();
            ZoneOptions open = new ZoneOptions(
                    List.of(),
                    List.of(),
                    List.of(new AddressMatch.BuiltIn("any")),
                    List.of(),
                    Optional.empty(),
                    Optional.empty());
            registry.put(primary(files, dir, "example.com", EXAMPLE, open));
            registry.put(primary(files, dir, "child.example.com", CHILD, open));
            ZoneOptions fromLoopback = new ZoneOptions(
                    List.of(new Endpoint(IpAddresses.parse("127.0.0.1").orElseThrow(), OptionalInt.empty())),
                    List.of(),
                    List.of(),
                    List.of(),
                    Optional.empty(),
                    Optional.empty());
            ZoneName secondary = ZoneName.of("secondary.test");
            registry.put(new ZoneState(
                    secondary,
                    new ZoneConfig(ZoneType.SECONDARY, Optional.empty(), fromLoopback, ""),
                    Optional.empty(),
                    false,
                    Optional.empty()));
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ZoneState primary(ZoneFiles files, Path dir, String name, String text, ZoneOptions options)
            throws IOException {
        ZoneName zone = ZoneName.of(name);
        Path file = dir.resolve(name + ZoneFiles.MASTER_SUFFIX);
        Files.writeString(file, text);
        return new ZoneState(
                zone,
                new ZoneConfig(ZoneType.PRIMARY, Optional.of(file.toString()), options, ""),
                Optional.of(files.loadMaster(zone, file)),
                false,
                Optional.of(Instant.EPOCH));
    }

    /** A private temporary directory, deleted when the JVM exits. */
    static Path temporaryDirectory(String prefix) {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, prefix)
                    : Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
