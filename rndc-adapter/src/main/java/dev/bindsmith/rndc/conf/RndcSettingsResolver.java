package dev.bindsmith.rndc.conf;

import dev.bindsmith.rndc.conf.RndcConf.KeyClause;
import dev.bindsmith.rndc.conf.RndcConf.ServerClause;
import dev.bindsmith.rndc.wire.HmacAlgorithm;
import dev.bindsmith.rndc.wire.RndcKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Combines values given by the caller (the server's configuration: environment variables or flags),
 * an rndc.conf and defaults into {@link RndcSettings}, per parameter:
 *
 * <ul>
 *   <li>server: the given server ({@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6
 *       address) → {@code default-server} (a matching {@code server} block's first address) →
 *       {@code 127.0.0.1};
 *   <li>port: the port in the given server → the matching {@code server} block's port → the
 *       address's port → {@code default-port} → 953;
 *   <li>key name: the given name → the server block's {@code key} → {@code default-key} → the
 *       file's only key → {@code rndc-key};
 *   <li>secret: the given secret → that key's {@code secret} (there is no default);
 *   <li>algorithm: the given algorithm → that key's {@code algorithm} → {@code hmac-sha256}.
 * </ul>
 *
 * An hmac-md5 or hmac-sha1 key is refused ({@link Kind#WEAK_ALGORITHM}, saying why) unless the caller
 * allows weak algorithms explicitly.
 *
 * <p>The file is read when a path is given, or when no secret is given: then the first of
 * {@code /etc/bind/rndc.conf} and {@code /etc/rndc.conf} that exists. Blank values count as not given.
 * Every problem is collected, each naming its {@link Field} (the caller knows which variable or flag
 * that is) and none quoting a secret.
 */
public final class RndcSettingsResolver {

    public static final List<Path> DEFAULT_FILES = List.of(Path.of("/etc/bind/rndc.conf"), Path.of("/etc/rndc.conf"));
    public static final int DEFAULT_PORT = 953;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_KEY_NAME = "rndc-key";

    /**
     * What the caller was given for each parameter; an absent (or blank) value falls back as above.
     * {@code allowWeakAlgorithms} accepts an hmac-md5 or hmac-sha1 key, which are otherwise refused.
     */
    public record Given(
            Optional<String> server,
            Optional<String> algorithm,
            Optional<String> secret,
            Optional<String> keyName,
            boolean allowWeakAlgorithms) {
        public Given {
            server = present(server);
            algorithm = present(algorithm);
            secret = present(secret);
            keyName = present(keyName);
        }

        /** Weak algorithms refused. */
        public Given(
                Optional<String> server,
                Optional<String> algorithm,
                Optional<String> secret,
                Optional<String> keyName) {
            this(server, algorithm, secret, keyName, false);
        }

        public static Given nothing() {
            return new Given(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** Only a secret (base64), for the common {@code RNDC_SECRET}-only set-up. */
        public static Given secret(String base64) {
            return new Given(Optional.empty(), Optional.empty(), Optional.of(base64), Optional.empty());
        }

        /** The same, with hmac-md5 and hmac-sha1 accepted (the operator said so explicitly). */
        public Given allowingWeakAlgorithms() {
            return new Given(server, algorithm, secret, keyName, true);
        }

        private static Optional<String> present(Optional<String> value) {
            return value.map(String::strip).filter(v -> !v.isEmpty());
        }

        /** Never shows the secret, only whether there is one. */
        @Override
        public String toString() {
            return "Given[server=" + server + ", algorithm=" + algorithm + ", secret="
                    + (secret.isPresent() ? "(set)" : "(unset)") + ", keyName=" + keyName + ", allowWeakAlgorithms="
                    + allowWeakAlgorithms + "]";
        }
    }

    /** Which parameter a problem is about: a given value, or the rndc.conf (or key file) itself. */
    public enum Field {
        SERVER,
        ALGORITHM,
        SECRET,
        KEY_NAME,
        FILE
    }

    /** What kind of problem: a value that cannot be used at all, or a weak algorithm that could be allowed. */
    public enum Kind {
        UNUSABLE,
        /** hmac-md5 or hmac-sha1: refused unless {@link Given#allowWeakAlgorithms()}; the caller names its switch. */
        WEAK_ALGORITHM
    }

    /** One reason there are no settings; {@code message} reads after the parameter's name and never holds a secret. */
    public record Problem(Field field, String message, Kind kind) {
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(kind, "kind");
        }

        public Problem(Field field, String message) {
            this(field, message, Kind.UNUSABLE);
        }
    }

    /** Either settings or the list of reasons there are none. */
    public sealed interface Resolution {
        record Resolved(RndcSettings settings) implements Resolution {}

        record Failed(List<Problem> problems) implements Resolution {
            public Failed {
                problems = List.copyOf(problems);
            }
        }
    }

    private final List<Path> defaultFiles;

    private RndcSettingsResolver(List<Path> defaultFiles) {
        this.defaultFiles = List.copyOf(defaultFiles);
    }

    /** A resolver that falls back to {@link #DEFAULT_FILES}. */
    public static RndcSettingsResolver standard() {
        return new RndcSettingsResolver(DEFAULT_FILES);
    }

    /** A resolver with other fallback files (tests, unusual layouts). */
    public static RndcSettingsResolver withDefaultFiles(List<Path> files) {
        return new RndcSettingsResolver(files);
    }

    /** Resolves settings from what was {@code given} and an optional explicit rndc.conf (or key file). */
    public Resolution resolve(Given given, Optional<Path> confFile) {
        Objects.requireNonNull(given, "given");
        Objects.requireNonNull(confFile, "confFile");
        List<Problem> errors = new ArrayList<>();
        Optional<String> envServer = given.server();
        Optional<String> envAlgorithm = given.algorithm();
        Optional<String> envSecret = given.secret();
        Optional<String> envKeyName = given.keyName();

        Optional<RndcConf> conf = Optional.empty();
        Optional<Path> toRead = confFile.isPresent() || envSecret.isPresent()
                ? confFile
                : defaultFiles.stream().filter(Files::isRegularFile).findFirst();
        if (toRead.isPresent()) {
            try {
                conf = Optional.of(RndcConfParser.parse(toRead.get()));
            } catch (RndcConfException e) {
                errors.add(new Problem(Field.FILE, e.getMessage()));
            }
        } else if (envSecret.isEmpty()) {
            errors.add(new Problem(
                    Field.SECRET,
                    "no rndc key: give its secret (and name, algorithm) or an rndc.conf" + " (looked for "
                            + defaultFiles + ")"));
        }
        String fileName = toRead.map(Path::toString).orElse("");

        // Server and port.
        String host = DEFAULT_HOST;
        String hostOrigin = "default";
        OptionalInt port = OptionalInt.empty();
        String portOrigin = "default";
        Optional<ServerClause> serverClause = Optional.empty();
        if (envServer.isPresent()) {
            Optional<HostPort> hp = HostPort.parse(envServer.get());
            if (hp.isEmpty()) {
                errors.add(new Problem(Field.SERVER, "is not a host, host:port or [address]:port"));
            } else {
                host = hp.get().host();
                hostOrigin = "given";
                port = hp.get().port();
                portOrigin = "given";
            }
        } else if (conf.isPresent() && conf.get().options().defaultServer().isPresent()) {
            host = conf.get().options().defaultServer().get();
            hostOrigin = fileName;
        }
        if (conf.isPresent()) {
            serverClause = Optional.ofNullable(conf.get().servers().get(host));
        }
        if (serverClause.isPresent() && !serverClause.get().addresses().isEmpty()) {
            RndcConf.Address a = serverClause.get().addresses().getFirst();
            host = a.host();
            if (port.isEmpty()
                    && serverClause.get().port().isEmpty()
                    && a.port().isPresent()) {
                port = a.port();
                portOrigin = fileName;
            }
        }
        if (port.isEmpty()
                && serverClause.isPresent()
                && serverClause.get().port().isPresent()) {
            port = serverClause.get().port();
            portOrigin = fileName;
        }
        if (port.isEmpty()
                && conf.isPresent()
                && conf.get().options().defaultPort().isPresent()) {
            port = conf.get().options().defaultPort();
            portOrigin = fileName;
        }

        // Key: name, then the clause that defines it.
        Optional<KeyClause> clause = Optional.empty();
        String keyName = DEFAULT_KEY_NAME;
        if (envKeyName.isPresent()) {
            keyName = envKeyName.get();
            if (conf.isPresent()) {
                clause = Optional.ofNullable(conf.get().keys().get(keyName));
                if (clause.isEmpty() && envSecret.isEmpty()) {
                    errors.add(new Problem(
                            Field.KEY_NAME, "names key \"" + keyName + "\", which " + fileName + " does not define"));
                }
            }
        } else if (conf.isPresent()) {
            RndcConf c = conf.get();
            Optional<String> chosen =
                    serverClause.flatMap(ServerClause::key).or(() -> c.options().defaultKey());
            if (chosen.isPresent()) {
                keyName = chosen.get();
                clause = Optional.ofNullable(c.keys().get(keyName));
                if (clause.isEmpty() && envSecret.isEmpty()) {
                    errors.add(new Problem(
                            Field.FILE,
                            fileName + ": key \"" + keyName
                                    + "\" is selected (default-key or server) but not defined"));
                }
            } else if (c.keys().size() == 1) {
                clause = Optional.of(c.keys().values().iterator().next());
                keyName = clause.get().name();
            } else if (c.keys().size() > 1 && envSecret.isEmpty()) {
                errors.add(new Problem(
                        Field.FILE,
                        fileName + ": several keys " + c.keys().keySet()
                                + " and no default-key; set default-key or name the key"));
            } else if (c.keys().isEmpty() && envSecret.isEmpty()) {
                errors.add(new Problem(Field.FILE, fileName + ": defines no key"));
            }
        }

        // Secret.
        Optional<byte[]> secret = Optional.empty();
        String secretOrigin = "given";
        if (envSecret.isPresent()) {
            secret = decode(envSecret.get(), new Problem(Field.SECRET, "is not valid base64"), errors);
        } else if (clause.isPresent()) {
            KeyClause k = clause.get();
            secretOrigin = k.definedIn().toString();
            if (k.secretBase64().isEmpty() || k.secretBase64().get().isBlank()) {
                errors.add(new Problem(
                        Field.FILE, k.definedIn() + ": key \"" + k.name() + "\" has an empty or missing secret"));
            } else {
                secret = decode(
                        k.secretBase64().get(),
                        new Problem(
                                Field.FILE,
                                k.definedIn() + ": the secret of key \"" + k.name() + "\" is not valid base64"),
                        errors);
            }
        }
        if (secret.isPresent() && secret.get().length == 0) {
            errors.add(
                    envSecret.isPresent()
                            ? new Problem(Field.SECRET, "is empty")
                            : new Problem(Field.FILE, secretOrigin + ": the secret is empty"));
            secret = Optional.empty();
        }

        // Algorithm.
        HmacAlgorithm algorithm = HmacAlgorithm.HMAC_SHA256;
        if (envAlgorithm.isPresent()) {
            Optional<HmacAlgorithm> a = HmacAlgorithm.fromName(envAlgorithm.get());
            if (a.isEmpty()) {
                errors.add(new Problem(
                        Field.ALGORITHM,
                        "is not one of hmac-md5, hmac-sha1, hmac-sha224, hmac-sha256, " + "hmac-sha384, hmac-sha512"));
            }
            algorithm = a.orElse(algorithm);
        } else if (clause.isPresent() && clause.get().algorithm().isPresent()) {
            Optional<HmacAlgorithm> a =
                    HmacAlgorithm.fromName(clause.get().algorithm().get());
            if (a.isEmpty()) {
                errors.add(new Problem(
                        Field.FILE,
                        clause.get().definedIn() + ": key \"" + clause.get().name()
                                + "\" has an unsupported algorithm (use hmac-md5, hmac-sha1, hmac-sha224, hmac-sha256, "
                                + "hmac-sha384 or hmac-sha512)"));
            }
            algorithm = a.orElse(algorithm);
        }

        if (algorithm.isWeak() && !given.allowWeakAlgorithms()) {
            String why = "is weak: " + (algorithm == HmacAlgorithm.HMAC_MD5 ? "MD5" : "SHA-1")
                    + " is deprecated for TSIG and rndc keys (RFC 8945 §6), and whoever can forge a control"
                    + " message can add, delete and reload zones; make an hmac-sha256 key"
                    + " (rndc-confgen -A hmac-sha256 or tsig-keygen -a hmac-sha256)";
            errors.add(
                    envAlgorithm.isPresent()
                            ? new Problem(Field.ALGORITHM, algorithm + " " + why, Kind.WEAK_ALGORITHM)
                            : new Problem(
                                    Field.FILE,
                                    clause.map(k -> k.definedIn() + ": key \"" + k.name() + "\" uses ")
                                                    .orElse("the key uses ")
                                            + algorithm + ", which " + why,
                                    Kind.WEAK_ALGORITHM));
        }

        if (!errors.isEmpty() || secret.isEmpty()) {
            if (errors.isEmpty()) {
                errors.add(
                        new Problem(Field.FILE, "no rndc secret: give one or define the key's secret in " + fileName));
            }
            return new Resolution.Failed(errors);
        }
        int p = port.orElse(DEFAULT_PORT);
        String origin = "server " + host + "#" + p + " (" + hostOrigin
                + (portOrigin.equals(hostOrigin) ? "" : ", port: " + portOrigin) + "), key " + keyName + " " + algorithm
                + " (secret from " + secretOrigin + ")";
        return new Resolution.Resolved(
                new RndcSettings(host, p, new RndcKey(keyName, algorithm, secret.get()), origin));
    }

    private static Optional<byte[]> decode(String base64, Problem error, List<Problem> errors) {
        try {
            return Optional.of(java.util.Base64.getDecoder().decode(base64.replaceAll("\\s", "")));
        } catch (IllegalArgumentException e) {
            errors.add(error);
            return Optional.empty();
        }
    }

    /** {@code host}, {@code host:port}, {@code [v6]:port}, {@code [v6]} or a bare IPv6 address. */
    record HostPort(String host, OptionalInt port) {
        static Optional<HostPort> parse(String s) {
            String v = s.strip();
            if (v.startsWith("[")) {
                int close = v.indexOf(']');
                if (close < 2) {
                    return Optional.empty();
                }
                String host = v.substring(1, close);
                String rest = v.substring(close + 1);
                if (rest.isEmpty()) {
                    return Optional.of(new HostPort(host, OptionalInt.empty()));
                }
                return rest.startsWith(":")
                        ? port(rest.substring(1)).map(p -> new HostPort(host, p))
                        : Optional.empty();
            }
            int colons = (int) v.chars().filter(c -> c == ':').count();
            if (colons == 0) {
                return valid(v) ? Optional.of(new HostPort(v, OptionalInt.empty())) : Optional.empty();
            }
            if (colons > 1) {
                return Optional.of(new HostPort(v, OptionalInt.empty())); // bare IPv6: no port (bindcar's bug fixed)
            }
            String host = v.substring(0, v.indexOf(':'));
            if (!valid(host)) {
                return Optional.empty();
            }
            return port(v.substring(v.indexOf(':') + 1)).map(p -> new HostPort(host, p));
        }

        private static boolean valid(String host) {
            return !host.isEmpty()
                    && host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_');
        }

        private static Optional<OptionalInt> port(String p) {
            try {
                int n = Integer.parseInt(p);
                return n >= 1 && n <= 65535 ? Optional.of(OptionalInt.of(n)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
