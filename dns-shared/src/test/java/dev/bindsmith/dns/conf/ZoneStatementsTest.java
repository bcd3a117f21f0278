package dev.bindsmith.dns.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.core.net.IpAddresses;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The one zone-statement renderer. The BIND adapter's copy ({@code ZoneStatement}), the embedded
 * server's ({@code EmbeddedNameServerControl}) and the in-memory name server's disagreed on hosts,
 * IPv6 text, quoting and order; each test name says what is kept and why.
 */
class ZoneStatementsTest {

    private static Endpoint endpoint(String ip, int port) {
        return new Endpoint(
                IpAddresses.parse(ip).orElseThrow(), port == 0 ? OptionalInt.empty() : OptionalInt.of(port));
    }

    private static AddressMatch cidr(String ip, Integer prefix) {
        return new AddressMatch.Cidr(
                IpAddresses.parse(ip).orElseThrow(), prefix == null ? OptionalInt.empty() : OptionalInt.of(prefix));
    }

    private static ZoneConfig primary(String file, ZoneOptions options) {
        return ZoneConfig.of(ZoneType.PRIMARY, file, options);
    }

    private static ZoneOptions transferTo(AddressMatch... elements) {
        return new ZoneOptions(List.of(), List.of(), List.of(elements), List.of(), Optional.empty(), Optional.empty());
    }

    @Test
    void aHostIsWrittenAsTheValueHoldsItBecauseNamedReadsABareAddressAsItsFullLengthPrefix() {
        // the in-memory copy appended /32 to every bare host; named-checkconf prints 192.0.2.7/32 for either form
        String body = ZoneStatements.body(primary(
                "f",
                transferTo(
                        cidr("192.0.2.7", null),
                        cidr("192.0.2.8", 32),
                        cidr("2001:db8::1", null),
                        cidr("10.0.0.0", 8))));

        assertThat(body).contains("allow-transfer { 192.0.2.7; 192.0.2.8/32; 2001:db8::1; 10.0.0.0/8; };");
    }

    @Test
    void anIpv6AddressIsWrittenInRfc5952FormBecauseThatIsHowNamedPrintsIt() {
        // the embedded and in-memory copies used getHostAddress(): 2001:db8:0:0:0:0:0:1
        ZoneConfig config = new ZoneConfig(
                ZoneType.SECONDARY,
                Optional.of("f"),
                new ZoneOptions(
                        List.of(endpoint("2001:db8:0:0:0:0:0:1", 53)),
                        List.of(endpoint("2001:db8:0:0:1:0:0:2", 0)),
                        List.of(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty()),
                "");

        assertThat(ZoneStatements.body(config))
                .isEqualTo("{ type secondary; file \"f\"; primaries { 2001:db8::1 port 53; };"
                        + " also-notify { 2001:db8::1:0:0:2; }; };");
    }

    @Test
    void aQuoteInAFileNameIsEscapedBecauseUnescapedItWouldEndTheStringAndTheRestWouldBeReadAsDirectives()
            throws ConfSyntaxException {
        // the embedded and in-memory copies wrote the name as it was
        String hostile = "/z/x\"; allow-update { any; }; file \"y";

        String statement = ZoneStatements.statement(ZoneName.of("q.test"), primary(hostile, ZoneOptions.NONE));

        List<ConfToken> tokens = ConfLexer.lex(statement);
        assertThat(tokens.get(7).text()).isEqualTo(hostile);
        assertThat(tokens)
                .filteredOn(t -> t.text().equals("allow-update") && t.is(ConfToken.Kind.WORD))
                .isEmpty();
    }

    @Test
    void aBackslashInAFileNameIsWrittenAsItIsBecauseNamedKeepsEveryBackslashNotBeforeAQuote() {
        // the BIND adapter's copy doubled it, and named-checkconf -z then looked for a file with two
        assertThat(ZoneStatements.body(primary("/z/back\\slash/a.db", ZoneOptions.NONE)))
                .isEqualTo("{ type primary; file \"/z/back\\slash/a.db\"; };");
    }

    @Test
    void aValueNamedWouldReadBackAsAnotherIsRefusedInsteadOfWritten() {
        for (String bad : List.of("/z/ends-in\\", "/z/a\\\"b")) {
            assertThat(ZoneStatements.canQuote(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> ZoneStatements.quoted(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ZoneStatements.canQuote("/z/a\\\\\"b")).isTrue();
    }

    @Test
    void directivesComeInAddzonesOrderSoThatEveryBackendShowsTheStatementAddzoneSent() {
        // the embedded and in-memory copies put allow-update before also-notify and allow-transfer
        ZoneConfig config = new ZoneConfig(
                ZoneType.SECONDARY,
                Optional.of("/z/s.test.db"),
                new ZoneOptions(
                        List.of(endpoint("192.0.2.1", 0), endpoint("192.0.2.2", 5353)),
                        List.of(endpoint("192.0.2.3", 0)),
                        List.of(new AddressMatch.Key("xfer"), new AddressMatch.BuiltIn("none")),
                        List.of(new AddressMatch.Key("up"), cidr("127.0.0.1", null)),
                        Optional.of("default"),
                        Optional.of(true)),
                "");

        assertThat(ZoneStatements.statement(ZoneName.of("s.test"), config))
                .isEqualTo("zone \"s.test\" { type secondary;"
                        + " file \"/z/s.test.db\"; primaries { 192.0.2.1; 192.0.2.2 port 5353; }; also-notify { 192.0.2.3; };"
                        + " allow-transfer { key \"xfer\"; none; }; allow-update { key \"up\"; 127.0.0.1; };"
                        + " dnssec-policy \"default\"; inline-signing yes; };");
    }

    @Test
    void unsetOptionsAreLeftOutAndTheBodyEndsWithTheSemicolonNamedRequires() {
        assertThat(ZoneStatements.directives(primary("/z/m.test.zone", ZoneOptions.NONE)))
                .extracting(ZoneDirective::name)
                .containsExactly("type", "file");
        assertThat(ZoneStatements.body(new ZoneConfig(ZoneType.PRIMARY, Optional.empty(), ZoneOptions.NONE, "")))
                .isEqualTo("{ type primary; };");
    }

    @Test
    void aListDirectiveIsBuiltFromElementsAlreadyInNamedSyntax() {
        assertThat(ZoneStatements.list("allow-update", List.of("key \"k\"", "10.0.0.0/8")))
                .isEqualTo(new ZoneDirective("allow-update", "allow-update { key \"k\"; 10.0.0.0/8; };"));
        assertThat(ZoneStatements.element(new AddressMatch.BuiltIn("localnets")))
                .isEqualTo("localnets");
    }
}
