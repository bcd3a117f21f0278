package dev.bindsmith.rndc.conf;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an rndc.conf (with its includes) defines: keys, the {@code options} block and {@code server}
 * blocks, in file order. Definitions of the including file win over those of included files.
 */
public record RndcConf(Path file, Map<String, KeyClause> keys, Options options, Map<String, ServerClause> servers) {

    public RndcConf {
        Objects.requireNonNull(file, "file");
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        Objects.requireNonNull(options, "options");
        servers = Collections.unmodifiableMap(new LinkedHashMap<>(servers));
    }

    /** {@code key "name" { algorithm …; secret "…"; };} — the secret stays base64 text and out of toString. */
    public record KeyClause(String name, Optional<String> algorithm, Optional<String> secretBase64, Path definedIn) {
        public KeyClause {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(secretBase64, "secretBase64");
            Objects.requireNonNull(definedIn, "definedIn");
        }

        @Override
        public String toString() {
            return "KeyClause[name=" + name + ", algorithm=" + algorithm.orElse("(default)") + ", secret="
                    + (secretBase64.isPresent() ? "(redacted)" : "(none)") + ", definedIn=" + definedIn + "]";
        }
    }

    /** {@code options { default-server …; default-key …; default-port …; };} */
    public record Options(Optional<String> defaultServer, Optional<String> defaultKey, OptionalInt defaultPort) {
        public static final Options NONE = new Options(Optional.empty(), Optional.empty(), OptionalInt.empty());

        Options overlaidBy(Options own) {
            return new Options(
                    own.defaultServer.or(() -> defaultServer),
                    own.defaultKey.or(() -> defaultKey),
                    own.defaultPort.isPresent() ? own.defaultPort : defaultPort);
        }
    }

    /** {@code server NAME { key …; port …; addresses { ADDR [port N]; … }; };} */
    public record ServerClause(String name, Optional<String> key, OptionalInt port, List<Address> addresses) {
        public ServerClause {
            addresses = List.copyOf(addresses);
        }
    }

    /** One entry of a server's {@code addresses} list. */
    public record Address(String host, OptionalInt port) {}
}
