package dev.bindsmith.rndc.bind;

import static dev.bindsmith.testing.builders.Records.endpoint;
import static dev.bindsmith.testing.builders.Records.key;
import static dev.bindsmith.testing.builders.Records.match;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.conf.ConfSyntaxException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZoneStatementTest {

    /** What named 9.18 printed for a zone added with every option bindsmith models (lab run, 2026-11-21). */
    static final String SHOWZONE_FULL = "zone \"a.test\" { type primary; file \"/tmp/bindx/zones/a.test.db\";"
            + " inline-signing yes; allow-query { \"any\"; }; allow-transfer  { 10.0.0.0/8; key \"rndc-key\"; \"any\";"
            + " !192.0.2.9/32; }; allow-update { key \"rndc-key\"; 127.0.0.1/32; }; also-notify { 192.0.2.1;"
            + " 192.0.2.2 port 5353; 2001:db8::1 port 53; }; dnssec-policy \"default\"; notify explicit; };";

    static final String SHOWZONE_BINDCAR =
            "zone \"example.com\" { type primary; file \"/var/cache/bind/example.com.zone\";"
                    + " allow-transfer { 10.0.0.5/32; }; allow-update { key \"bindy-operator\"; }; also-notify { 10.0.0.5; }; };";

    private static ZonePatch patch(
            Optional<List<Endpoint>> alsoNotify,
            Optional<List<AddressMatch>> allowTransfer,
            Optional<List<AddressMatch>> allowUpdate) {
        return new ZonePatch(alsoNotify, allowTransfer, allowUpdate);
    }

    @Test
    void primaryWithEveryOptionRendersTheGoldenAddzone() {
        ZoneConfig config = ZoneConfig.of(
                ZoneType.PRIMARY,
                "/var/cache/bind/example.com.zone",
                new ZoneOptions(
                        List.of(), List.of(endpoint("10.0.0.5"), endpoint("10.0.0.6", 5353)),
                        List.of(match("10.0.0.0/8"), key("xfer-key"), match("any")), List.of(key("bindy-operator")),
                        Optional.of("default"), Optional.of(true)));

        assertThat(RndcNameServerControl.addZoneCommand(ZoneName.of("example.com"), config))
                .isEqualTo(Golden.read("addzone-primary.txt"));
    }

    @Test
    void secondaryKeepsAFileAndWritesPortsAsIpPortN() {
        ZoneConfig config = ZoneConfig.of(
                ZoneType.SECONDARY,
                "/var/cache/bind/example.org.zone",
                new ZoneOptions(
                        List.of(
                                endpoint("192.0.2.1"),
                                endpoint("192.0.2.2", 5353),
                                endpoint("2001:db8:0:0:0:0:0:1", 53)),
                        List.of(),
                        List.of(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty()));

        assertThat(RndcNameServerControl.addZoneCommand(ZoneName.of("Example.ORG."), config))
                .isEqualTo(Golden.read("addzone-secondary.txt"));
    }

    @Test
    void minimalPrimaryEndsWithTheSemicolonNamedRequiresAfterTheBrace() {
        ZoneConfig config = ZoneConfig.of(ZoneType.PRIMARY, "/z/m.test.zone", ZoneOptions.NONE);

        assertThat(RndcNameServerControl.addZoneCommand(ZoneName.of("m.test"), config))
                .isEqualTo("addzone m.test { type primary; file \"/z/m.test.zone\"; };");
    }

    @Test
    void aQuoteInTheFilePathIsEscapedAndABackslashKeptBecauseNamedUnescapesOnlyAQuote() {
        // this copy doubled the backslash: named would have looked for /z/we"ird\\dir/q.test.zone
        ZoneConfig config = ZoneConfig.of(ZoneType.PRIMARY, "/z/we\"ird\\dir/q.test.zone", ZoneOptions.NONE);

        assertThat(RndcNameServerControl.addZoneCommand(ZoneName.of("q.test"), config))
                .isEqualTo("addzone q.test { type primary; file \"/z/we\\\"ird\\dir/q.test.zone\"; };");
    }

    @Test
    void showzoneIsReadIntoTypedOptionsWithCidrsPortsAndKeys() throws Exception {
        ZoneConfig config = ZoneStatement.parse(SHOWZONE_FULL).toConfig(SHOWZONE_FULL);

        assertThat(config.type()).isEqualTo(ZoneType.PRIMARY);
        assertThat(config.file()).contains("/tmp/bindx/zones/a.test.db");
        assertThat(config.raw()).isEqualTo(SHOWZONE_FULL);
        ZoneOptions o = config.options();
        assertThat(o.alsoNotify())
                .containsExactly(endpoint("192.0.2.1"), endpoint("192.0.2.2", 5353), endpoint("2001:db8::1", 53));
        // the negated element is not modelled; named's "/32" on a host is the host itself
        assertThat(o.allowTransfer()).containsExactly(match("10.0.0.0/8"), key("rndc-key"), match("any"));
        assertThat(o.allowUpdate()).containsExactly(key("rndc-key"), match("127.0.0.1"));
        assertThat(o.dnssecPolicy()).contains("default");
        assertThat(o.inlineSigning()).contains(true);
        assertThat(o.primaries()).isEmpty();
    }

    @Test
    void showzoneOfASecondaryReadsItsPrimariesWithPorts() throws Exception {
        String text = "zone \"s.test\" { type secondary; file \"/tmp/bindx/zones/s.test.db\"; primaries { 192.0.2.1;"
                + " 192.0.2.2 port 5353; 2001:db8::2; }; };";

        ZoneConfig config = ZoneStatement.parse(text).toConfig(text);

        assertThat(config.type()).isEqualTo(ZoneType.SECONDARY);
        assertThat(config.options().primaries())
                .containsExactly(endpoint("192.0.2.1"), endpoint("192.0.2.2", 5353), endpoint("2001:db8::2"));
    }

    @Test
    void oldTypeNamesMasterAndSlaveAreUnderstoodAndOtherTypesAreRefused() throws Exception {
        assertThat(ZoneStatement.parse("zone \"o.test\" { type master; file \"f\"; };")
                        .toConfig("")
                        .type())
                .isEqualTo(ZoneType.PRIMARY);
        assertThat(ZoneStatement.parse("zone \"o.test\" IN { type slave; masters { 192.0.2.1; }; };")
                        .toConfig("")
                        .options()
                        .primaries())
                .containsExactly(endpoint("192.0.2.1"));
        assertThatThrownBy(() -> ZoneStatement.parse("zone \"f.test\" { type forward; };")
                        .toConfig(""))
                .isInstanceOf(ZoneStatement.UnsupportedType.class)
                .hasMessage("forward");
    }

    @Test
    void malformedShowzoneTextIsASyntaxErrorNotACrash() {
        for (String bad : List.of(
                "",
                "zone",
                "zone \"x\" { type primary; ",
                "zone \"x\" { type primary };",
                "zone \"x\" { type \"primary; };",
                "view \"x\" { };",
                "zone \"x\" { } extra;",
                "zone \"x\" { ; };")) {
            assertThatThrownBy(() -> ZoneStatement.parse(bad)).as(bad).isInstanceOf(ConfSyntaxException.class);
        }
    }

    @Test
    void bindcarsPatchExampleGivesOneOfEachDirectiveAndKeepsTheUpdateKey() throws Exception {
        ZoneStatement patched = ZoneStatement.parse(SHOWZONE_BINDCAR)
                .patched(patch(
                        Optional.of(List.of(endpoint("10.0.0.7"))),
                        Optional.of(List.of(match("10.0.0.7"))),
                        Optional.empty()));

        assertThat("modzone example.com " + patched.body()).isEqualTo(Golden.read("modzone-bindcar-example.txt"));
    }

    @Test
    void patchingOneDirectiveKeepsCidrsAndPortsOfTheOthersExactlyAsNamedPrintedThem() throws Exception {
        ZoneStatement patched = ZoneStatement.parse(SHOWZONE_FULL)
                .patched(patch(Optional.empty(), Optional.empty(), Optional.of(List.of(match("10.1.2.0/24")))));

        String body = patched.body();
        assertThat(body)
                .contains("allow-transfer  { 10.0.0.0/8; key \"rndc-key\"; \"any\"; !192.0.2.9/32; };")
                .contains("also-notify { 192.0.2.1; 192.0.2.2 port 5353; 2001:db8::1 port 53; };")
                .contains("allow-query { \"any\"; };")
                .contains("notify explicit;")
                .contains("allow-update { key \"rndc-key\"; 10.1.2.0/24; };");
        assertThat(body).doesNotContain("127.0.0.1/32");
    }

    @Test
    void noDirectiveIsEverDuplicatedEvenWhenNamedsFormCannotBeModelled() throws Exception {
        String text = "zone \"d.test\" { type primary; file \"f\"; also-notify { 10.0.0.1 port 53 key \"x\"; };"
                + " allow-transfer { acl-name; { 10.0.0.1; !10.0.0.2; }; }; also-notify { 10.0.0.9; }; };";

        String body = ZoneStatement.parse(text)
                .patched(patch(
                        Optional.of(List.of(endpoint("10.0.0.3", 5300))),
                        Optional.of(List.of(match("none"))),
                        Optional.empty()))
                .body();

        assertThat(body)
                .isEqualTo("{ type primary; file \"f\"; also-notify { 10.0.0.3 port 5300; };"
                        + " allow-transfer { none; }; };");
    }

    @Test
    void emptyListsRemoveTheirDirectiveButAnEmptyAllowUpdateKeepsItsKeys() throws Exception {
        String body = ZoneStatement.parse(SHOWZONE_FULL)
                .patched(patch(Optional.of(List.of()), Optional.of(List.of()), Optional.of(List.of())))
                .body();

        assertThat(body)
                .doesNotContain("also-notify")
                .doesNotContain("allow-transfer")
                .contains("allow-update { key \"rndc-key\"; };");

        String noKeys = ZoneStatement.parse("zone \"n.test\" { type primary; allow-update { 10.0.0.1/32; }; };")
                .patched(patch(Optional.empty(), Optional.empty(), Optional.of(List.of())))
                .body();
        assertThat(noKeys).isEqualTo("{ type primary; };");
    }

    @Test
    void allowUpdateAddressesAreAddedWhenTheZoneHadNoAllowUpdate() throws Exception {
        String body = ZoneStatement.parse("zone \"n.test\" { type primary; file \"f\"; };")
                .patched(patch(Optional.empty(), Optional.empty(), Optional.of(List.of(key("k"), match("10.0.0.1")))))
                .body();

        assertThat(body).isEqualTo("{ type primary; file \"f\"; allow-update { key \"k\"; 10.0.0.1; }; };");
    }

    @Test
    void aKeyNamedAgainInThePatchIsNotRepeated() throws Exception {
        String body = ZoneStatement.parse(SHOWZONE_BINDCAR)
                .patched(patch(Optional.empty(), Optional.empty(), Optional.of(List.of(key("bindy-operator")))))
                .body();

        assertThat(body).contains("allow-update { key \"bindy-operator\"; };");
    }

    @Test
    void unknownStatementsWithNestedBracesAreKeptVerbatim() throws Exception {
        String policy = "update-policy { grant \"k\" zonesub ANY; grant * self * A; };";
        String query = "allow-query { { 10.0.0.1; !10.0.0.2; }; key \"q\"; };";
        String text = "zone \"u.test\" { type primary; file \"f\"; " + policy + " " + query + " };";

        String body = ZoneStatement.parse(text)
                .patched(patch(Optional.of(List.of(endpoint("10.0.0.3"))), Optional.empty(), Optional.empty()))
                .body();

        assertThat(body)
                .isEqualTo("{ type primary; file \"f\"; " + policy + " " + query + " also-notify { 10.0.0.3; }; };");
    }

    @Test
    void renderedConfigReadsBackAsTheSameConfig() throws Exception {
        ZoneConfig config = ZoneConfig.of(
                ZoneType.SECONDARY,
                "/z/r.test.zone",
                new ZoneOptions(
                        List.of(endpoint("192.0.2.1", 5353), endpoint("2001:db8::1")),
                        List.of(endpoint("10.0.0.5"), endpoint("10.0.0.6", 5353)),
                        List.of(match("10.0.0.0/8"), key("xfer"), match("none")),
                        List.of(key("up"), match("::1")),
                        Optional.of("pol"),
                        Optional.of(false)));

        String statement = "zone \"r.test\" " + ZoneStatement.of(config).body();
        ZoneConfig back = ZoneStatement.parse(statement).toConfig("");

        assertThat(back).isEqualTo(config);
    }
}
