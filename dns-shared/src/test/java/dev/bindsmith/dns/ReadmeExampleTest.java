package dev.bindsmith.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.net.IpAddresses;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.conf.ZoneStatements;
import dev.bindsmith.dns.file.AtomicFiles;
import dev.bindsmith.dns.record.DnsRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dns-shared's README example: it compiles, runs, and the README shows exactly this code. */
class ReadmeExampleTest {
    @TempDir
    Path zoneDirectory;

    record Results(org.xbill.DNS.Record wire, Optional<Record> back, String addzone) {}

    static Results example(Path zoneDirectory) throws IOException {
        // --- README example begins ---
        Record www = Record.of(
                DomainName.of("www.example.com"),
                300,
                new RData.A(IpAddresses.parseIpv4("192.0.2.80").orElseThrow()));
        org.xbill.DNS.Record wire = DnsRecords.toDns(www, 3600); // www.example.com. 300 IN A 192.0.2.80
        Optional<Record> back = DnsRecords.toCore(wire); // www again

        Path file = zoneDirectory.resolve("example.com.zone");
        AtomicFiles.createNew(
                file, "$TTL 3600\n@ SOA ns1 hostmaster 1 3600 600 604800 300\n@ NS ns1\nns1 A 192.0.2.53\n");

        ZoneConfig config = ZoneConfig.of(
                ZoneType.PRIMARY,
                file.toString(),
                new ZoneOptions(
                        List.of(),
                        List.of(),
                        List.of(new AddressMatch.Key("xfer")),
                        List.of(),
                        Optional.empty(),
                        Optional.empty()));
        String addzone = "addzone example.com " + ZoneStatements.body(config);
        // addzone example.com { type primary; file "/…/example.com.zone"; allow-transfer { key "xfer"; }; };
        // --- README example ends ---
        return new Results(wire, back, addzone);
    }

    @Test
    void theReadmeExampleMapsARecordWritesAFileAndRendersAnAddzone() throws IOException {
        Results r = example(zoneDirectory);

        assertThat(r.wire().rdataToString()).isEqualTo("192.0.2.80");
        assertThat(r.wire().getTTL()).isEqualTo(300);
        assertThat(r.back())
                .hasValueSatisfying(rec -> assertThat(rec.owner()).isEqualTo(DomainName.of("www.example.com")));
        assertThat(Files.readString(zoneDirectory.resolve("example.com.zone"))).startsWith("$TTL 3600\n");
        assertThat(r.addzone())
                .isEqualTo("addzone example.com { type primary; file \"" + zoneDirectory.resolve("example.com.zone")
                        + "\"; allow-transfer { key \"xfer\"; }; };");
    }

    @Test
    void theReadmesJavaBlockIsExactlyTheExampleThatRunsHere() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int open = readme.indexOf("```java\n") + "```java\n".length();
        String shown = readme.substring(open, readme.indexOf("\n```", open));
        String asInThisFile =
                shown.lines().map(l -> l.isEmpty() ? l : "        " + l).collect(Collectors.joining("\n"));

        assertThat(Files.readString(Path.of("src/test/java/dev/bindsmith/dns/ReadmeExampleTest.java")))
                .contains("// --- README example begins ---\n" + asInThisFile
                        + "\n        // --- README example ends ---");
    }
}
