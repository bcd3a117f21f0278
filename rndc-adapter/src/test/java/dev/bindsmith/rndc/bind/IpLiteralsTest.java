package dev.bindsmith.rndc.bind;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IpLiteralsTest {

    @Test
    void addressLiteralsParse() {
        assertThat(IpLiterals.parse("192.0.2.1")).hasValueSatisfying(a -> assertThat(a.getHostAddress())
                .isEqualTo("192.0.2.1"));
        assertThat(IpLiterals.parse("2001:db8::1")).hasValueSatisfying(a -> assertThat(a.getAddress()).hasSize(16));
        assertThat(IpLiterals.parse("::")).isPresent();
    }

    @Test
    void namesAndMalformedTextAreNotLiteralsAndAreNeverResolved() {
        for (String s : List.of("localhost", "ns1.example.com", "1.2.3", "1.2.3.256", "1.2.3.4.5", "01234.1.1.1",
                "+1.2.3.4", "fe80::1%eth0", "2001:db8::g", "", "1.2.3.4/8", "any")) {
            assertThat(IpLiterals.parse(s)).as(s).isEmpty();
        }
    }

    @Test
    void decimalsAreBoundedAndUnsigned() {
        assertThat(IpLiterals.decimal("65535", 65535)).hasValue(65535);
        assertThat(IpLiterals.decimal("65536", 65535)).isEmpty();
        assertThat(IpLiterals.decimal("-1", 65535)).isEmpty();
        assertThat(IpLiterals.decimal("999999", Integer.MAX_VALUE)).isEmpty();
    }
}
