package dev.bindsmith.core.validation;

import static dev.bindsmith.core.validation.AddressRulesTest.problem;
import static dev.bindsmith.core.validation.AddressRulesTest.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordDataParserTest {
    static final ZoneName ZONE = ZoneName.of("example.com");

    static RData ok(RecordType type, String value) {
        return value(RecordDataParser.parse(type, value, ZONE));
    }

    static Parsed.Problem<?> bad(RecordType type, String value) {
        return problem(RecordDataParser.parse(type, value, ZONE));
    }

    /** The data in presentation form, as the writer will put it in a zone file. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "A|192.0.2.1|192.0.2.1",
                "A|  192.0.2.1  |192.0.2.1",
                "AAAA|2001:DB8::0:1|2001:db8::1",
                "CNAME|www|www.example.com.",
                "CNAME|@|example.com.",
                "CNAME|target.example.net.|target.example.net.",
                "DNAME|example.net.|example.net.",
                "NS|ns1|ns1.example.com.",
                "PTR|host.example.net.|host.example.net.",
                "MX|10 mail|10 mail.example.com.",
                "MX|0 .|0 .",
                "SRV|10 5 5060 sip.example.com.|10 5 5060 sip.example.com.",
                "SRV|0 0 0 .|0 0 0 .",
                "CAA|0 issue \"letsencrypt.org\"|0 issue \"letsencrypt.org\"",
                "CAA|0 issue letsencrypt.org|0 issue \"letsencrypt.org\"",
                "CAA|128 ISSUEWILD ;|128 issuewild \";\"",
                "DS|60485 13 2 D4B7D520E7BB5F0F67674A0CCEB1E3E0 614B93C4F9E99B8383F6A1E4469DA50A|60485 13 2 d4b7d520e7bb5f0f67674a0cceb1e3e0614b93c4f9e99b8383f6a1e4469da50a",
                "TLSA|3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6|3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6",
                "TLSA|3 0 0 3082|3 0 0 3082",
                "SSHFP|1 1 0123456789abcdef0123456789abcdef01234567|1 1 0123456789abcdef0123456789abcdef01234567",
                "SVCB|1 svc alpn=h2 port=8443|1 svc.example.com. alpn=h2 port=8443",
                "HTTPS|1 . alpn=\"h2,h3\" no-default-alpn|1 . alpn=h2,h3 no-default-alpn",
                "HTTPS|0 www.example.net.|0 www.example.net.",
                "HTTPS|1 . mandatory=ohttp ohttp|1 . mandatory=key8 key8",
                "HTTPS|1 . mandatory=alpn alpn=h2 ipv4hint=192.0.2.1,192.0.2.2 key65000=x|1 . mandatory=alpn alpn=h2 ipv4hint=192.0.2.1,192.0.2.2 key65000=x"
            })
    void valuesOfEachTypeAreParsedIntoTheirData(String type, String value, String presentation) {
        assertThat(ok(RecordType.valueOf(type), value).presentation()).isEqualTo(presentation);
    }

    @Test
    void theParsedDataHasTheRightVariant() {
        assertThat(ok(RecordType.MX, "10 mail")).isEqualTo(new RData.Mx(10, DomainName.of("mail.example.com")));
        assertThat(ok(RecordType.HTTPS, "1 ."))
                .isInstanceOfSatisfying(
                        RData.Svcb.class, s -> assertThat(s.https()).isTrue());
        assertThat(ok(RecordType.SVCB, "1 ."))
                .isInstanceOfSatisfying(
                        RData.Svcb.class, s -> assertThat(s.https()).isFalse());
    }

    @ParameterizedTest
    @EnumSource(
            value = RecordType.class,
            names = {"SOA", "OTHER"},
            mode = EnumSource.Mode.EXCLUDE)
    void aNewlineOrNulInAnyValueIsMalformed(RecordType type) {
        assertThat(bad(type, "1.2.3.4\nupdate delete example.com. ANY").message())
                .contains("U+000A");
        assertThat(bad(type, "x\u0000").message()).contains("U+0000");
    }

    @ParameterizedTest
    @EnumSource(
            value = RecordType.class,
            names = {"SOA", "OTHER"},
            mode = EnumSource.Mode.EXCLUDE)
    void anEmptyValueIsMalformed(RecordType type) {
        assertThat(bad(type, " ").message()).contains("must not be empty");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "A|2001:db8::1|use an AAAA record",
                "A|192.0.2.1 192.0.2.2|must be an IPv4 address",
                "A|example.com|IPv4 address like 192.0.2.1",
                "AAAA|192.0.2.1|use an A record",
                "CNAME|a b|one name",
                "CNAME|$INCLUDE|not a valid DNS name",
                "CNAME|*.example.com.|wildcard",
                "MX|mail.example.com.|MX value must be '<preference> <exchange>'",
                "MX|ten mail.|MX preference must be a number",
                "SRV|5060 sip.example.com.|SRV value must be '<priority> <weight> <port> <target>'",
                "TXT|\"unterminated|without its closing quote",
                "TXT|\"a\" b|mixes quoted and unquoted",
                "TXT|\"a\"\"b\"|needs a space",
                "TXT|\"\\1x\"|\\DDD escape",
                "TXT|\"\\300\"|at most \\255",
                "TXT|\"\\255\"|UTF-8",
                "TXT|\"\\010\"|control characters",
                "CAA|0 issue|CAA value must be '<flags> <tag> <value>'",
                "CAA|0 is-sue x|CAA tag must be 1 to 15 letters and digits",
                "CAA|0 issue \"a\" \"b\"|one quoted string",
                "CAA|0 issue a\"b|quote the whole value",
                "CAA|x issue a|CAA flags must be a number",
                "DS|1 8 2|DS value must be",
                "DS|1 8 2 abcd|must be 32 bytes",
                "DS|1 8 2 xyz|hexadecimal",
                "TLSA|3 1 1 abc|even number of hexadecimal digits",
                "SSHFP|1 2 abcd|must be 32 bytes",
                "HTTPS|1|'<priority> <target> [key=value …]'",
                "HTTPS|1 . foo=bar|not known",
                "HTTPS|1 . alpn=h2 alpn=h3|given twice",
                "SVCB|1 . ohttp key8|given twice",
                "HTTPS|1 . alpn|needs a value",
                "HTTPS|1 . no-default-alpn=x|takes no value",
                "HTTPS|1 . alpn=\"h2 h3\"|quotes bindsmith does not read",
                "HTTPS|1 . alpn=h2;x|semicolons",
                "HTTPS|1 . ipv4hint=2001:db8::1|ipv4hint must be IPv4",
                "HTTPS|1 . ipv6hint=192.0.2.1|ipv6hint must be IPv6",
                "HTTPS|1 . mandatory=mandatory|mandatory must list",
                "HTTPS|1 . port=http|port must be a number",
                "HTTPS|1 . ech=%%|ech must be base64",
                "SVCB|1 . alpn=h2 dohpath=/q|dohpath must be a relative URI template"
            })
    void malformedValuesSayWhatTheTypeExpects(String type, String value, String expected) {
        Parsed.Problem<?> p = bad(RecordType.valueOf(type), value);
        assertThat(p.kind()).isEqualTo(Violation.Kind.MALFORMED);
        assertThat(p.message()).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "MX|65536 mail.example.com.|MX preference must be between 0 and 65535",
                "SRV|1 70000 5060 sip.|SRV weight must be between 0 and 65535",
                "SRV|1 1 65536 sip.|SRV port must be between 0 and 65535",
                "CAA|256 issue x|CAA flags must be between 0 and 255",
                "DS|65536 8 2 00|DS key tag must be between 0 and 65535",
                "TLSA|256 1 1 00|TLSA usage must be between 0 and 255",
                "HTTPS|65536 .|HTTPS priority must be between 0 and 65535",
                "HTTPS|1 . port=65536|HTTPS port must be between 0 and 65535",
                "HTTPS|0 . alpn=h2|alias mode",
                "HTTPS|1 . mandatory=port alpn=h2|mandatory lists port",
                "HTTPS|1 . no-default-alpn|needs an alpn parameter"
            })
    void numbersOutOfRangeAreSemantic(String type, String value, String expected) {
        Parsed.Problem<?> p = bad(RecordType.valueOf(type), value);
        assertThat(p.kind()).isEqualTo(Violation.Kind.SEMANTIC);
        assertThat(p.message()).contains(expected);
    }

    @Test
    void anUnquotedTxtValueIsOneStringKeptVerbatim() {
        assertThat(ok(RecordType.TXT, "v=spf1 mx -all")).isEqualTo(new RData.Txt(List.of("v=spf1 mx -all")));
        assertThat(ok(RecordType.TXT, "say \"hi\"; (now)")).isEqualTo(new RData.Txt(List.of("say \"hi\"; (now)")));
        assertThat(ok(RecordType.TXT, "C:\\dir")).isEqualTo(new RData.Txt(List.of("C:\\dir")));
    }

    @Test
    void quotedTxtStringsAreDecoded() {
        assertThat(ok(RecordType.TXT, "\"v=spf1 mx -all\"")).isEqualTo(new RData.Txt(List.of("v=spf1 mx -all")));
        assertThat(ok(RecordType.TXT, " \"a \\\"b\\\"\"  \"c\\\\d\" \"\""))
                .isEqualTo(new RData.Txt(List.of("a \"b\"", "c\\d", "")));
        assertThat(ok(RecordType.TXT, "\"caf\\195\\169 \\;\"")).isEqualTo(new RData.Txt(List.of("café ;")));
    }

    @Test
    void aLongUnquotedTxtValueIsSplitInto255ByteStringsNeverInsideACharacter() {
        RData.Txt ascii = (RData.Txt) ok(RecordType.TXT, "x".repeat(600));
        assertThat(ascii.strings()).extracting(String::length).containsExactly(255, 255, 90);
        RData.Txt twoByte = (RData.Txt) ok(RecordType.TXT, "é".repeat(200));
        assertThat(twoByte.strings())
                .extracting(s -> s.getBytes(StandardCharsets.UTF_8).length)
                .containsExactly(254, 146);
        assertThat(String.join("", twoByte.strings())).isEqualTo("é".repeat(200));
    }

    @Test
    void aQuotedTxtStringOver255BytesIsMalformed() {
        assertThat(bad(RecordType.TXT, "\"" + "x".repeat(256) + "\"").message()).contains("at most 255");
    }

    @Test
    void aTxtValueOverTheRecordSizeIsMalformed() {
        assertThat(bad(RecordType.TXT, "x".repeat(65536)).message()).contains("at most 65535");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 issue \"letsencrypt.org\"", "0 issue letsencrypt.org", "0  issue   letsencrypt.org"})
    void caaValuesMayBeQuotedOrNot(String value) {
        assertThat(ok(RecordType.CAA, value)).isEqualTo(new RData.Caa(0, "issue", "letsencrypt.org"));
    }

    @Test
    void aCaaValueKeepsItsSpacesAndSemicolons() {
        assertThat(ok(RecordType.CAA, "0 issue \"ca.example; accounturi=x\""))
                .isEqualTo(new RData.Caa(0, "issue", "ca.example; accounturi=x"));
    }

    @Test
    void soaAndOtherCannotBeParsedAsWritableData() {
        bad(RecordType.SOA, "x");
        bad(RecordType.OTHER, "x");
    }
}
