package dev.bindsmith.core.validation;

import static dev.bindsmith.core.validation.AddressRulesTest.problem;
import static dev.bindsmith.core.validation.AddressRulesTest.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.ZoneName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameRulesTest {
    static final ZoneName ZONE = ZoneName.of("example.com");

    @Test
    void aZoneNameIsNormalised() {
        assertThat(value(NameRules.zoneName("Example.COM."))).isEqualTo(ZONE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../etc/x",
                "a/b",
                "..",
                ".hidden",
                "-x",
                "a\u0000b",
                "a b",
                "a%2Fb",
                "",
                ".",
                "*.example.com",
                "a.-b.c",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.com"
            })
    void aBadZoneNameSaysInvalidZoneName(String raw) {
        assertThat(problem(NameRules.zoneName(raw)).message()).startsWith("Invalid zone name:");
    }

    @ParameterizedTest
    @CsvSource({
        "@,example.com",
        "www,www.example.com",
        "www.example.com.,www.example.com",
        "www.example.com,www.example.com",
        "example.com,example.com",
        "EXAMPLE.com,example.com",
        "fooexample.com,fooexample.com.example.com",
        "ns1.other.net.,ns1.other.net",
        "a.b,a.b.example.com",
        "_dmarc,_dmarc.example.com",
        ".,''"
    })
    void namesAreResolvedAgainstTheZone(String raw, String resolved) {
        assertThat(value(NameRules.resolve(raw, ZONE, false)).value()).isEqualTo(resolved.equals("''") ? "" : resolved);
    }

    @Test
    void aWildcardIsAnOwnerOnly() {
        assertThat(value(NameRules.resolve("*", ZONE, true))).isEqualTo(DomainName.of("*.example.com"));
        assertThat(problem(NameRules.resolve("*", ZONE, false)).message()).contains("wildcard");
        assertThat(problem(NameRules.resolve("*.x.example.com.", ZONE, false)).message())
                .contains("wildcard");
        problem(NameRules.resolve("a.*", ZONE, true));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "$INCLUDE /etc/passwd",
                "$ORIGIN",
                "a;b",
                "a(b",
                "a)b",
                "a\"b",
                "a\\b",
                "a\nb",
                "a b",
                "a..b",
                "é.example.com."
            })
    void namesWithCharactersOutsideTheGrammarAreMalformedAndQuoted(String raw) {
        Parsed.Problem<?> p = problem(NameRules.resolve(raw, ZONE, true));
        assertThat(p.kind()).isEqualTo(Violation.Kind.MALFORMED);
        assertThat(p.message()).contains("not a valid DNS name").doesNotContain("\n");
    }

    @Test
    void aRelativeNameThatBecomesTooLongIsRefused() {
        String relative = ("a".repeat(60) + ".").repeat(4).substring(0, 243);
        assertThat(problem(NameRules.resolve(relative, ZONE, false)).message())
                .contains("relative to zone example.com");
    }

    @Test
    void anOwnerMustBeInsideTheZone() {
        assertThat(value(NameRules.ownerName("a.b.example.com.", ZONE))).isEqualTo(DomainName.of("a.b.example.com"));
        assertThat(problem(NameRules.ownerName("www.example.net.", ZONE)).message())
                .contains("not inside zone example.com");
    }

    @Test
    void aHostNameHasNoUnderscoreAndThatIsSemantic() {
        assertThat(value(NameRules.hostName("ns1", ZONE))).isEqualTo(DomainName.of("ns1.example.com"));
        Parsed.Problem<?> p = problem(NameRules.hostName("ns_1.example.net.", ZONE));
        assertThat(p.kind()).isEqualTo(Violation.Kind.SEMANTIC);
        assertThat(p.message()).contains("check-names");
        assertThat(problem(NameRules.hostName("$x", ZONE)).kind()).isEqualTo(Violation.Kind.MALFORMED);
    }

    @ParameterizedTest
    @CsvSource({
        "hostmaster.example.com.,hostmaster.example.com",
        "hostmaster,hostmaster.example.com",
        "hostmaster@example.com,hostmaster.example.com",
        "dns_admin@example.net,dns_admin.example.net",
        "root@example.com.,root.example.com"
    })
    void theAdminMailboxIsTheDottedFormOrASimpleAddress(String raw, String mailbox) {
        assertThat(value(NameRules.mailbox(raw, ZONE)).value()).isEqualTo(mailbox);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "john.doe@example.com",
                "a@b@example.com",
                "@example.com",
                "x@",
                "a b@example.com",
                "$INCLUDE@example.com"
            })
    void mailboxesThatCannotBeWrittenAreMalformed(String raw) {
        assertThat(problem(NameRules.mailbox(raw, ZONE)).kind()).isEqualTo(Violation.Kind.MALFORMED);
    }

    @Test
    void aMailDomainWithAnUnderscoreIsSemanticButTheLocalPartMayHaveOne() {
        value(NameRules.mailbox("dns_admin.example.com.", ZONE));
        assertThat(problem(NameRules.mailbox("admin.ex_ample.com.", ZONE)).kind())
                .isEqualTo(Violation.Kind.SEMANTIC);
    }

    @Test
    void hostNamesAreLettersDigitsAndHyphens() {
        assertThat(NameRules.isHostName(DomainName.of("a-1.example.com"), false))
                .isTrue();
        assertThat(NameRules.isHostName(DomainName.of("_a.example.com"), false)).isFalse();
        assertThat(NameRules.isHostName(DomainName.of("*.example.com"), false)).isFalse();
        assertThat(NameRules.isHostName(DomainName.of("*.example.com"), true)).isTrue();
        assertThat(NameRules.isHostName(DomainName.ROOT, false)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bindy-operator", "tsig.key_1", "a", "K.EXAMPLE"})
    void keyNamesUseTheIdentifierGrammar(String raw) {
        assertThat(value(NameRules.keyName("updateKeyName", raw))).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"k\"; }; also-notify { 6.6.6.6; }; #", "", "a b", "a;", "a{", "a}", "a\"", "a\n", "a/b"})
    void keyNamesThatCouldLeaveTheirQuotesAreRefused(String raw) {
        Parsed.Problem<?> p = problem(NameRules.keyName("updateKeyName", raw));
        assertThat(p.message()).startsWith("updateKeyName must be").doesNotContain("\n");
    }

    @Test
    void aKeyNameLongerThan253IsRefused() {
        problem(NameRules.keyName("k", "k".repeat(254)));
    }
}
