package dev.bindsmith.rndc.update;

import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.rndc.NamedClients;
import dev.bindsmith.testing.named.NamedKey;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real named with two static primary zones for the record tests: {@code dyn.test} accepts updates
 * signed with the launcher's update key, {@code static.test} accepts none. Queries go over TCP.
 */
final class NamedZones implements AutoCloseable {
    static final ZoneName DYNAMIC = ZoneName.of("dyn.test");
    static final ZoneName STATIC = ZoneName.of("static.test");

    final RunningNamed named;
    private final Path files;

    private NamedZones(RunningNamed named, Path files) {
        this.named = named;
        this.files = files;
    }

    static NamedZones start() {
        try {
            Path files = Files.createTempDirectory("bindsmith-records-");
            Files.writeString(files.resolve("dyn.test.zone"), zoneText("dyn.test"));
            Files.writeString(files.resolve("static.test.zone"), zoneText("static.test"));
            String config = "zone \"dyn.test\" { type primary; file \"" + files.resolve("dyn.test.zone")
                    + "\"; allow-update { key \"" + NamedLauncher.UPDATE_KEY_NAME + "\"; }; };\n"
                    + "zone \"static.test\" { type primary; file \"" + files.resolve("static.test.zone") + "\"; };\n";
            return new NamedZones(NamedLauncher.create().extraConfig(config).start(), files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String zoneText(String zone) {
        return "$TTL 300\n@ IN SOA ns1." + zone + ". hostmaster." + zone + ". ( 1 3600 600 86400 300 )\n"
                + "@ IN NS ns1." + zone + ".\nns1 IN A 127.0.0.1\nwww IN A 192.0.2.10\n";
    }

    UpdateSettings settings() {
        return settings(named.updateKey());
    }

    UpdateSettings settings(NamedKey key) {
        return NamedClients.updates(key, named.dnsPort());
    }

    /** What named serves for {@code name}/{@code type}, as presentation text of the answer's data. */
    List<String> query(String name, int type) {
        Message reply = ask(name, type);
        return reply.getSection(Section.ANSWER).stream()
                .filter(r -> r.getType() == type)
                .map(r -> r.rdataToString())
                .sorted()
                .toList();
    }

    long serial(ZoneName zone) {
        Message reply = ask(zone.absolute(), Type.SOA);
        return reply.getSection(Section.ANSWER).stream()
                .filter(r -> r instanceof SOARecord)
                .map(r -> ((SOARecord) r).getSerial())
                .findFirst()
                .orElseThrow();
    }

    private Message ask(String name, int type) {
        try {
            SimpleResolver resolver = new SimpleResolver("127.0.0.1");
            resolver.setPort(named.dnsPort());
            resolver.setTCP(true);
            resolver.setTimeout(Duration.ofSeconds(5));
            Message reply = resolver.send(
                    Message.newQuery(org.xbill.DNS.Record.newRecord(Name.fromString(name), type, DClass.IN)));
            if (reply.getRcode() != Rcode.NOERROR && reply.getRcode() != Rcode.NXDOMAIN) {
                throw new IllegalStateException("named answered " + Rcode.string(reply.getRcode()));
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        named.close();
        try (var walk = Files.walk(files)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory does no harm
        }
    }
}
