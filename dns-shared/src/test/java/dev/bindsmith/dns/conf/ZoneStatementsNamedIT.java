package dev.bindsmith.dns.conf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.net.IpAddresses;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.conf.ConfToken.Kind;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BIND's own parser as the judge of {@link ZoneStatements}: the statements are written into a
 * named.conf, {@code named-checkconf -p} reads them with named's parser and prints what it holds, and
 * {@link ConfLexer} reads that print. Skipped without BIND 9, unless {@code bindsmith.requireNamed=true}.
 */
class ZoneStatementsNamedIT {
    private static Path checkconf;

    @TempDir
    Path dir;

    @BeforeAll
    static void findNamedCheckconf() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                if (!d.isEmpty()) {
                    candidates.add(Path.of(d, "named-checkconf"));
                }
            }
        }
        candidates.add(Path.of("/usr/sbin/named-checkconf"));
        candidates.add(Path.of("/usr/bin/named-checkconf"));
        Optional<Path> found = candidates.stream().filter(Files::isExecutable).findFirst();
        if (found.isEmpty() && Boolean.getBoolean("bindsmith.requireNamed")) {
            throw new AssertionError("named-checkconf not found (bindsmith.requireNamed=true)");
        }
        Assumptions.assumeTrue(found.isPresent(), "named-checkconf not found; install bind9 to run this test");
        checkconf = found.get();
    }

    private static ZoneConfig primary(String file, List<AddressMatch> allowTransfer, List<Endpoint> alsoNotify) {
        return ZoneConfig.of(
                ZoneType.PRIMARY,
                file,
                new ZoneOptions(List.of(), alsoNotify, allowTransfer, List.of(), Optional.empty(), Optional.empty()));
    }

    private static AddressMatch cidr(String ip, Integer prefix) {
        return new AddressMatch.Cidr(
                IpAddresses.parse(ip).orElseThrow(), prefix == null ? OptionalInt.empty() : OptionalInt.of(prefix));
    }

    /** Each zone's directives as named prints them: directive name → its tokens' texts, braces and semicolons left out. */
    private Map<String, Map<String, List<String>>> namedReads(Map<String, ZoneConfig> zones) throws Exception {
        StringBuilder conf = new StringBuilder("options { directory \"" + dir + "\"; };\n");
        zones.forEach((name, config) ->
                conf.append(ZoneStatements.statement(ZoneName.of(name), config)).append('\n'));
        Path file = Files.writeString(dir.resolve("named.conf"), conf.toString());
        Process p = new ProcessBuilder(checkconf.toString(), "-p", file.toString())
                .redirectErrorStream(true)
                .start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as("named-checkconf accepted:\n" + conf + "\nand said:\n" + printed)
                .isZero();
        return zonesIn(ConfLexer.lex(printed));
    }

    private static Map<String, Map<String, List<String>>> zonesIn(List<ConfToken> t) throws ConfSyntaxException {
        Map<String, Map<String, List<String>>> zones = new LinkedHashMap<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).is(Kind.WORD)
                    && t.get(i).text().equals("zone")
                    && t.get(i + 2).is(Kind.OPEN)) {
                int close = ConfLexer.matchingClose(t, i + 2);
                Map<String, List<String>> directives = new LinkedHashMap<>();
                for (List<ConfToken> item : ConfLexer.items(t, i + 3, close)) {
                    directives.put(
                            item.getFirst().text(),
                            item.subList(1, item.size()).stream()
                                    .filter(x -> x.isValue())
                                    .map(ConfToken::text)
                                    .toList());
                }
                zones.put(t.get(i + 1).text(), directives);
                i = close;
            }
        }
        return zones;
    }

    @Test
    void namedReadsBackTheFileNameThatWasWrittenWithAQuoteAndABackslashInIt() throws Exception {
        String file = "zones/we\"ird\\dir/a.test.db";

        Map<String, Map<String, List<String>>> read = namedReads(Map.of("a.test", primary(file, List.of(), List.of())));

        assertThat(read.get("a.test").get("file")).containsExactly(file);
    }

    @Test
    void namedReadsABareHostAsTheSameElementAsItsFullLengthPrefix() throws Exception {
        Map<String, Map<String, List<String>>> read = namedReads(Map.of(
                "bare.test", primary("b.db", List.of(cidr("192.0.2.7", null), cidr("2001:db8::1", null)), List.of()),
                "full.test", primary("f.db", List.of(cidr("192.0.2.7", 32), cidr("2001:db8::1", 128)), List.of())));

        assertThat(read.get("bare.test").get("allow-transfer"))
                .containsExactly("192.0.2.7/32", "2001:db8::1/128")
                .isEqualTo(read.get("full.test").get("allow-transfer"));
    }

    @Test
    void namedPrintsAnIpv6EndpointInTheSameTextItWasWrittenIn() throws Exception {
        Endpoint v6 = new Endpoint(IpAddresses.parse("2001:db8:0:0:1:0:0:2").orElseThrow(), OptionalInt.of(53));

        Map<String, Map<String, List<String>>> read =
                namedReads(Map.of("n.test", primary("n.db", List.of(), List.of(v6))));

        assertThat(String.join(" ", read.get("n.test").get("also-notify"))).isEqualTo(ZoneStatements.element(v6));
    }
}
