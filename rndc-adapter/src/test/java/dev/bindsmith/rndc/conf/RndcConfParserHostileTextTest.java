package dev.bindsmith.rndc.conf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Inputs the fuzzer ({@link ConfTextFuzzTarget}) found: each must be refused as a configuration error. */
class RndcConfParserHostileTextTest {

    @Test
    void anIncludePathWithANulCharacterIsAConfigurationErrorNotAnInvalidPathException() {
        // found by ConfTextFuzzTarget: Path.of threw InvalidPathException out of the parser, so a bad
        // rndc.conf stopped the server's start with an unchecked exception instead of naming the file
        String text = "include \"/etc/bind/named.con\u0000 options\";\nkey \"k\" { algorithm hmac-sha256; };\n";

        assertThatThrownBy(() -> RndcConfParser.parse(text, Path.of("/etc/bind/rndc.conf")))
                .isInstanceOf(RndcConfException.class)
                .hasMessageContaining("/etc/bind/rndc.conf:1")
                .hasMessageContaining("not a valid path");
    }
}
