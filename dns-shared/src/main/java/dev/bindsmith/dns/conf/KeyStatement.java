package dev.bindsmith.dns.conf;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code key "name" { algorithm …; secret "…"; };} statement as written, before anyone judges it:
 * the algorithm and the base64 secret may be missing (rndc.conf has defaults, a TSIG key file does
 * not). {@link #toString()} never shows the secret.
 *
 * @param name      the key's name as written (a word or the quoted string's value)
 * @param algorithm the {@code algorithm} clause, as written
 * @param secret    the {@code secret} clause: base64 text
 * @param line      where the statement starts in its file, for messages
 */
public record KeyStatement(String name, Optional<String> algorithm, Optional<String> secret, int line) {
    public KeyStatement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "KeyStatement[name=" + name + ", algorithm=" + algorithm.orElse("(none)") + ", secret="
                + (secret.isPresent() ? "(redacted)" : "(none)") + ", line=" + line + "]";
    }
}
