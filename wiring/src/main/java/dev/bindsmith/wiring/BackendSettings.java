package dev.bindsmith.wiring;

import dev.bindsmith.core.net.IpAddresses;
import dev.bindsmith.core.validation.AddressRules;
import dev.bindsmith.core.validation.Parsed;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Which backend to run on and how to reach it, read from environment variables (command-line flags
 * are the same variables, laid over the environment by the caller). The choice:
 * <ol>
 * <li>{@code BINDSMITH_BACKEND=bind|embedded} forces one;</li>
 * <li>otherwise BIND when an rndc key is configured: {@code RNDC_SECRET}, an {@code RNDC_KEY_FILE},
 *     an {@code RNDC_CONF}, or an rndc.conf found at {@code /etc/bind/rndc.conf} or {@code /etc/rndc.conf};</li>
 * <li>otherwise the embedded name server.</li>
 * </ol>
 * {@link #describe()} is the start-up log line that says which and why. A value that cannot be used
 * is a {@link BackendConfigurationException} naming its variable, never a silent default.
 *
 * @param kind     the chosen backend
 * @param reason   why it was chosen, as a clause ("RNDC_SECRET is set")
 * @param zoneDir  BIND's zone directory ({@code BIND_ZONE_DIR}, default {@code /var/cache/bind})
 * @param rndc     how to reach BIND's control channel
 * @param nsupdate how to send RFC 2136 updates to BIND (each absent value falls back to rndc's)
 * @param embedded where the embedded server listens and keeps its zones
 * @param fleet    the catalog zone and the secondaries, when bindsmith feeds more than one server
 * @param audit    where changes are recorded ({@code BINDSMITH_AUDIT_LOG}, by default {@code audit.log} in
 *                 {@link #stateDirectory()}) and when the file is rotated
 */
public record BackendSettings(
        BackendKind kind,
        String reason,
        Path zoneDir,
        Rndc rndc,
        Nsupdate nsupdate,
        Embedded embedded,
        Fleet fleet,
        Audit audit) {

    public static final String BACKEND = "BINDSMITH_BACKEND";
    public static final String ZONE_DIR = "BIND_ZONE_DIR";
    public static final String RNDC_SERVER = "RNDC_SERVER";
    public static final String RNDC_ALGORITHM = "RNDC_ALGORITHM";
    public static final String RNDC_SECRET = "RNDC_SECRET";
    public static final String RNDC_KEY_NAME = "RNDC_KEY_NAME";
    public static final String RNDC_CONF = "RNDC_CONF";
    public static final String RNDC_KEY_FILE = "RNDC_KEY_FILE";
    /** {@code true}: accept an hmac-md5 or hmac-sha1 rndc key, which is refused otherwise. */
    public static final String RNDC_ALLOW_WEAK_ALGORITHMS = "RNDC_ALLOW_WEAK_ALGORITHMS";

    public static final String NSUPDATE_SERVER = "NSUPDATE_SERVER";
    public static final String NSUPDATE_PORT = "NSUPDATE_PORT";
    public static final String NSUPDATE_KEY_NAME = "NSUPDATE_KEY_NAME";
    public static final String NSUPDATE_ALGORITHM = "NSUPDATE_ALGORITHM";
    public static final String NSUPDATE_SECRET = "NSUPDATE_SECRET";
    public static final String DNS_ADDRESS = "BINDSMITH_DNS_ADDRESS";
    public static final String DNS_PORT = "BINDSMITH_DNS_PORT";
    public static final String DATA_DIR = "BINDSMITH_DATA_DIR";
    public static final String XDG_DATA_HOME = "XDG_DATA_HOME";
    public static final String CATALOG_ZONE = "BINDSMITH_CATALOG_ZONE";
    public static final String CATALOG_MOVE_FROM = "BINDSMITH_CATALOG_MOVE_FROM";
    public static final String SECONDARIES = "BINDSMITH_SECONDARIES";
    public static final String PROPAGATION_INTERVAL = "BINDSMITH_PROPAGATION_INTERVAL_SECS";

    /** How often the secondaries are surveyed for the zones-behind gauge, by default. */
    public static final Duration DEFAULT_PROPAGATION_INTERVAL = Duration.ofSeconds(60);

    public static final String TSIG_KEYS = "BINDSMITH_TSIG_KEYS";
    public static final String TSIG_ALLOW_WEAK = "BINDSMITH_TSIG_ALLOW_WEAK";
    public static final String NOTIFY = "BINDSMITH_NOTIFY";
    public static final String TRANSFER_KEY = "BINDSMITH_TRANSFER_KEY";
    public static final String AUDIT_LOG = "BINDSMITH_AUDIT_LOG";
    public static final String AUDIT_MAX_BYTES = "BINDSMITH_AUDIT_MAX_BYTES";
    public static final String AUDIT_KEEP = "BINDSMITH_AUDIT_KEEP";

    public static final long DEFAULT_AUDIT_MAX_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_AUDIT_KEEP = 10;

    /** Where BIND keeps zone files on Debian and in the reference implementation. */
    public static final Path DEFAULT_ZONE_DIR = Path.of("/var/cache/bind");
    /** The rndc.conf locations tried, in order, when none is given (as the rndc tool and the reference do). */
    public static final List<Path> RNDC_CONF_LOCATIONS =
            List.of(Path.of("/etc/bind/rndc.conf"), Path.of("/etc/rndc.conf"));

    public static final String DEFAULT_DNS_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_DNS_PORT = 8053;
    /** The embedded server's data directory when neither BINDSMITH_DATA_DIR nor XDG_DATA_HOME is set. */
    public static final Path DEFAULT_DATA_DIR = Path.of(".bindsmith", "data");

    public BackendSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(zoneDir, "zoneDir");
        Objects.requireNonNull(rndc, "rndc");
        Objects.requireNonNull(nsupdate, "nsupdate");
        Objects.requireNonNull(embedded, "embedded");
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(audit, "audit");
    }

    /**
     * What bindsmith keeps for a fleet of name servers.
     *
     * @param catalogZone      {@code BINDSMITH_CATALOG_ZONE}: the catalog zone (RFC 9432) kept on the
     *                         backend, which secondaries consume with {@code catalog-zones}
     * @param catalogMoveFrom  {@code BINDSMITH_CATALOG_MOVE_FROM}: a catalog the zones are moving away
     *                         from; a reconciliation sets their {@code coo} there
     * @param secondaries      {@code BINDSMITH_SECONDARIES}: the name servers that should serve what
     *                         bindsmith manages ({@code ip[:port]}, comma-separated)
     * @param surveyInterval   {@code BINDSMITH_PROPAGATION_INTERVAL_SECS}: how often {@code serve} asks
     *                         every secondary about every zone for the zones-behind gauge (0: never)
     */
    public record Fleet(
            Optional<ZoneName> catalogZone,
            Optional<ZoneName> catalogMoveFrom,
            List<Endpoint> secondaries,
            Duration surveyInterval) {
        public Fleet {
            Objects.requireNonNull(catalogZone, "catalogZone");
            Objects.requireNonNull(catalogMoveFrom, "catalogMoveFrom");
            secondaries = List.copyOf(secondaries);
            Objects.requireNonNull(surveyInterval, "surveyInterval");
        }

        public static Fleet none() {
            return new Fleet(Optional.empty(), Optional.empty(), List.of(), DEFAULT_PROPAGATION_INTERVAL);
        }

        /** For start-up output: {@code catalog catalog.bindsmith.invalid, secondaries 192.0.2.2, 192.0.2.3:5353}. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            catalogZone.ifPresent(c -> parts.add("catalog zone " + c));
            catalogMoveFrom.ifPresent(c -> parts.add("moving from catalog " + c));
            if (!secondaries.isEmpty()) {
                parts.add("secondaries "
                        + String.join(
                                ", ",
                                secondaries.stream().map(Endpoint::toString).toList()));
            }
            return String.join(", ", parts);
        }
    }

    /**
     * The audit log: its file ({@code BINDSMITH_AUDIT_LOG}), rotated when it reaches {@code maxBytes}
     * ({@code BINDSMITH_AUDIT_MAX_BYTES}, 64 MiB) keeping {@code keep} older files
     * ({@code BINDSMITH_AUDIT_KEEP}, 10).
     */
    public record Audit(Path file, long maxBytes, int keep) {
        public Audit {
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * The rndc control channel as configured. Absent values are resolved later from the rndc.conf or
     * key file (and then BIND's defaults: {@code 127.0.0.1:953}, {@code hmac-sha256}).
     *
     * @param server    {@code RNDC_SERVER}: {@code host} or {@code host:port}
     * @param algorithm {@code RNDC_ALGORITHM}
     * @param secret    {@code RNDC_SECRET}, base64
     * @param keyName   {@code RNDC_KEY_NAME}
     * @param conf      {@code RNDC_CONF} (or {@code --rndc-conf}), or the rndc.conf found in a standard place
     * @param keyFile   {@code RNDC_KEY_FILE} (or {@code --key-file}): a {@code key "name" { … };} file such as rndc.key
     * @param allowWeakAlgorithms {@code RNDC_ALLOW_WEAK_ALGORITHMS}: accept an hmac-md5 or hmac-sha1 key
     */
    public record Rndc(
            Optional<String> server,
            Optional<String> algorithm,
            Optional<String> secret,
            Optional<String> keyName,
            Optional<Path> conf,
            Optional<Path> keyFile,
            boolean allowWeakAlgorithms) {
        public Rndc {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(keyName, "keyName");
            Objects.requireNonNull(conf, "conf");
            Objects.requireNonNull(keyFile, "keyFile");
        }

        /** Never shows the secret, only whether there is one. */
        @Override
        public String toString() {
            return "Rndc[server=" + server + ", algorithm=" + algorithm + ", secret="
                    + (secret.isPresent() ? "(set)" : "(unset)") + ", keyName=" + keyName + ", conf=" + conf
                    + ", keyFile=" + keyFile + ", allowWeakAlgorithms=" + allowWeakAlgorithms + "]";
        }
    }

    /**
     * RFC 2136 updates to BIND. Each absent value falls back to the rndc key's (the reference's order:
     * {@code NSUPDATE_KEY_NAME} → {@code RNDC_KEY_NAME} …); the server defaults to {@code 127.0.0.1:53}.
     */
    public record Nsupdate(
            Optional<String> server,
            OptionalInt port,
            Optional<String> keyName,
            Optional<String> algorithm,
            Optional<String> secret) {
        public Nsupdate {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(keyName, "keyName");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(secret, "secret");
        }

        /** Never shows the secret, only whether there is one. */
        @Override
        public String toString() {
            return "Nsupdate[server=" + server + ", port=" + port + ", keyName=" + keyName + ", algorithm=" + algorithm
                    + ", secret=" + (secret.isPresent() ? "(set)" : "(unset)") + "]";
        }
    }

    /**
     * The embedded name server: the address and port it answers DNS on ({@code BINDSMITH_DNS_ADDRESS},
     * {@code BINDSMITH_DNS_PORT}; 0 picks a free port), the directory it keeps zone files in, and
     * what makes it a server other software can drive and follow:
     *
     * @param tsigKeys      {@code BINDSMITH_TSIG_KEYS}: a key file ({@code key "name" { algorithm …; secret "…"; };},
     *                      as {@code tsig-keygen} or {@code bindsmith key create} writes it) whose keys sign
     *                      dynamic updates and transfers; read again when it changes
     * @param allowWeakTsig {@code BINDSMITH_TSIG_ALLOW_WEAK}: accept hmac-md5 and hmac-sha1 keys in it
     * @param notifyTargets {@code BINDSMITH_NOTIFY}: secondaries ({@code ip[:port]}, port 53 by default) told of every
     *                      change of every primary zone
     * @param transferKey   {@code BINDSMITH_TRANSFER_KEY}: a key of the file that may transfer every zone (the
     *                      secondaries' key); each zone's update key may transfer it too
     */
    public record Embedded(
            String address,
            int port,
            Path dataDir,
            Optional<Path> tsigKeys,
            boolean allowWeakTsig,
            List<Endpoint> notifyTargets,
            Optional<String> transferKey) {
        public Embedded {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(tsigKeys, "tsigKeys");
            notifyTargets = List.copyOf(notifyTargets);
            Objects.requireNonNull(transferKey, "transferKey");
        }

        /** Answering queries only: no keys, no NOTIFY list. */
        public Embedded(String address, int port, Path dataDir) {
            this(address, port, dataDir, Optional.empty(), false, List.of(), Optional.empty());
        }
    }

    /** From the process environment, looking for an rndc.conf in the standard places. */
    public static BackendSettings fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, Files::isReadable);
    }

    /**
     * From {@code env}; {@code readable} says whether a file can be read (tests give their own, so
     * that the machine's /etc does not decide).
     */
    public static BackendSettings fromEnvironment(Map<String, String> env, Predicate<Path> readable) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(readable, "readable");
        Optional<BackendKind> forced = value(env, BACKEND)
                .map(v -> BackendKind.parse(v)
                        .orElseThrow(() -> new BackendConfigurationException(
                                BACKEND, "must be bind or embedded (was '" + v + "')")));

        Optional<Path> givenConf = path(env, RNDC_CONF);
        givenConf.ifPresent(p -> requireReadable(RNDC_CONF, p, readable));
        Optional<Path> keyFile = path(env, RNDC_KEY_FILE);
        keyFile.ifPresent(p -> requireReadable(RNDC_KEY_FILE, p, readable));
        Optional<Path> foundConf = givenConf.isPresent()
                ? Optional.empty()
                : RNDC_CONF_LOCATIONS.stream().filter(readable).findFirst();

        if (givenConf.isPresent() && keyFile.isPresent()) {
            throw new BackendConfigurationException(
                    RNDC_KEY_FILE, "give " + RNDC_CONF + " or " + RNDC_KEY_FILE + ", not both");
        }
        // Key names, algorithms and secrets are judged where they are resolved against the rndc.conf
        // (RndcSettingsResolver, UpdateSettings), so that one place decides what is acceptable.
        Optional<String> secret = value(env, RNDC_SECRET);
        Rndc rndc = new Rndc(
                value(env, RNDC_SERVER),
                value(env, RNDC_ALGORITHM),
                secret,
                value(env, RNDC_KEY_NAME),
                givenConf.or(() -> foundConf),
                keyFile,
                bool(env, RNDC_ALLOW_WEAK_ALGORITHMS));

        Nsupdate nsupdate = new Nsupdate(
                value(env, NSUPDATE_SERVER),
                port(env, NSUPDATE_PORT, 1),
                value(env, NSUPDATE_KEY_NAME),
                value(env, NSUPDATE_ALGORITHM),
                value(env, NSUPDATE_SECRET));

        String address =
                value(env, DNS_ADDRESS).map(a -> ipLiteral(DNS_ADDRESS, a)).orElse(DEFAULT_DNS_ADDRESS);
        int dnsPort = port(env, DNS_PORT, 0).orElse(DEFAULT_DNS_PORT);
        Path dataDir = path(env, DATA_DIR)
                .or(() -> path(env, XDG_DATA_HOME).map(p -> p.resolve("bindsmith")))
                .orElse(DEFAULT_DATA_DIR);
        Optional<Path> tsigKeys = path(env, TSIG_KEYS);
        tsigKeys.ifPresent(p -> requireReadable(TSIG_KEYS, p, readable));
        boolean allowWeak = flag(env, TSIG_ALLOW_WEAK);
        List<Endpoint> notify =
                value(env, NOTIFY).map(v -> endpoints(NOTIFY, v)).orElse(List.of());
        Optional<String> transferKey = value(env, TRANSFER_KEY);
        if (transferKey.isPresent() && tsigKeys.isEmpty()) {
            throw new BackendConfigurationException(
                    TRANSFER_KEY, "names a key, but no key file is given: set " + TSIG_KEYS);
        }
        Embedded embedded = new Embedded(address, dnsPort, dataDir, tsigKeys, allowWeak, notify, transferKey);

        Path zoneDir = path(env, ZONE_DIR).orElse(DEFAULT_ZONE_DIR);

        Optional<String> keyReason = secret.map(s -> RNDC_SECRET + " is set")
                .or(() -> keyFile.map(p -> "rndc key file " + p + " given (" + RNDC_KEY_FILE + ")"))
                .or(() -> givenConf.map(p -> "rndc.conf " + p + " given (" + RNDC_CONF + ")"))
                .or(() -> foundConf.map(p -> "rndc key configured in " + p));
        BackendKind kind;
        String reason;
        if (forced.isPresent()) {
            kind = forced.get();
            reason = BACKEND + "=" + kind.wireName();
            if (kind == BackendKind.BIND && keyReason.isEmpty()) {
                throw new BackendConfigurationException(
                        BACKEND,
                        "bind needs an rndc key, and none is configured: set "
                                + RNDC_SECRET + ", " + RNDC_KEY_FILE + " or " + RNDC_CONF
                                + " (or put an rndc.conf in /etc/bind/rndc.conf or /etc/rndc.conf)");
            }
        } else if (keyReason.isPresent()) {
            kind = BackendKind.BIND;
            reason = keyReason.get();
        } else {
            kind = BackendKind.EMBEDDED;
            reason = "no rndc key configured: " + RNDC_SECRET + " unset and no rndc.conf found";
        }
        Path state = (kind == BackendKind.BIND ? zoneDir : embedded.dataDir()).resolve(".bindsmith");
        Audit audit = new Audit(
                path(env, AUDIT_LOG)
                        .orElse(state.resolve("audit.log"))
                        .toAbsolutePath()
                        .normalize(),
                number(env, AUDIT_MAX_BYTES, DEFAULT_AUDIT_MAX_BYTES, 4096, Long.MAX_VALUE),
                (int) number(env, AUDIT_KEEP, DEFAULT_AUDIT_KEEP, 1, 1000));
        return new BackendSettings(kind, reason, zoneDir, rndc, nsupdate, embedded, fleet(env), audit);
    }

    /** Where bindsmith keeps its own files beside the zones: the zone (BIND) or data (embedded) directory's {@code .bindsmith/}. */
    public Path stateDirectory() {
        Path base = switch (kind) {
            case BIND -> zoneDir;
            case EMBEDDED -> embedded.dataDir();
        };
        return base.resolve(".bindsmith").toAbsolutePath().normalize();
    }

    private static Fleet fleet(Map<String, String> env) {
        Optional<ZoneName> catalog = zoneName(env, CATALOG_ZONE);
        Optional<ZoneName> moveFrom = zoneName(env, CATALOG_MOVE_FROM);
        if (moveFrom.isPresent() && catalog.isEmpty()) {
            throw new BackendConfigurationException(
                    CATALOG_MOVE_FROM, "names the catalog zones move from; set " + CATALOG_ZONE + " to where they go");
        }
        if (moveFrom.isPresent() && moveFrom.equals(catalog)) {
            throw new BackendConfigurationException(CATALOG_MOVE_FROM, "is the catalog zone itself");
        }
        List<Endpoint> secondaries = new ArrayList<>();
        for (String raw : value(env, SECONDARIES).map(v -> v.split("[,\\s]+")).orElse(new String[0])) {
            if (raw.isEmpty()) {
                continue;
            }
            switch (AddressRules.endpoint(raw)) {
                case Parsed.Value<Endpoint> v -> secondaries.add(v.value());
                case Parsed.Problem<Endpoint> p ->
                    throw new BackendConfigurationException(
                            SECONDARIES, "'" + raw + "' is not ip[:port] (" + p.message() + ")");
            }
        }
        Duration interval = value(env, PROPAGATION_INTERVAL)
                .map(v -> {
                    try {
                        long secs = Long.parseLong(v);
                        if (secs < 0 || secs > 86_400) {
                            throw new NumberFormatException();
                        }
                        return Duration.ofSeconds(secs);
                    } catch (NumberFormatException e) {
                        throw new BackendConfigurationException(
                                PROPAGATION_INTERVAL, "must be seconds between 0 and 86400 (was '" + v + "')");
                    }
                })
                .orElse(DEFAULT_PROPAGATION_INTERVAL);
        return new Fleet(catalog, moveFrom, secondaries, interval);
    }

    private static Optional<ZoneName> zoneName(Map<String, String> env, String name) {
        return value(env, name).map(v -> {
            Optional<String> problem = ZoneName.problem(v);
            if (problem.isPresent()) {
                throw new BackendConfigurationException(name, problem.get());
            }
            return ZoneName.of(v);
        });
    }

    /** The start-up log line: {@code backend: embedded (no rndc key configured: …)}. */
    public String describe() {
        return "backend: " + kind.wireName() + " (" + reason + ")";
    }

    /** Where the chosen backend is: BIND's control channel and zone directory, or the embedded server's address. */
    public String location() {
        return switch (kind) {
            case BIND ->
                "rndc "
                        + rndc.server()
                                .or(() -> rndc.conf().or(rndc::keyFile).map(p -> "server from " + p))
                                .orElse("127.0.0.1:953")
                        + ", zone files in " + zoneDir;
            case EMBEDDED ->
                "DNS on " + hostPort(embedded.address(), embedded.port()) + ", zone files in " + embedded.dataDir()
                        + embedded.tsigKeys().map(p -> ", TSIG keys from " + p).orElse("")
                        + (embedded.notifyTargets().isEmpty() ? "" : ", NOTIFY to " + embedded.notifyTargets());
        };
    }

    static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    // ---- parsing helpers: each error names its variable and never echoes a secret ----

    private static Optional<String> value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static long number(Map<String, String> env, String name, long defaultValue, long min, long max) {
        Optional<String> v = value(env, name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(v.get());
            if (n < min || n > max) {
                throw new BackendConfigurationException(
                        name, "must be between " + min + " and " + max + " (was " + n + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BackendConfigurationException(name, "must be a whole number (was '" + v.get() + "')");
        }
    }

    private static boolean bool(Map<String, String> env, String name) {
        Optional<String> v = value(env, name);
        if (v.isEmpty()) {
            return false;
        }
        return switch (v.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new BackendConfigurationException(name, "must be true or false (was '" + v.get() + "')");
        };
    }

    private static Optional<Path> path(Map<String, String> env, String name) {
        return value(env, name).map(v -> {
            try {
                return Path.of(v);
            } catch (InvalidPathException e) {
                throw new BackendConfigurationException(name, "not a valid path");
            }
        });
    }

    private static void requireReadable(String name, Path p, Predicate<Path> readable) {
        if (!readable.test(p)) {
            throw new BackendConfigurationException(name, "cannot read " + p);
        }
    }

    private static OptionalInt port(Map<String, String> env, String name, int min) {
        Optional<String> v = value(env, name);
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int p = Integer.parseInt(v.get());
            if (p < min || p > 65535) {
                throw new BackendConfigurationException(
                        name, "must be a port between " + min + " and 65535 (was " + p + ")");
            }
            return OptionalInt.of(p);
        } catch (NumberFormatException e) {
            throw new BackendConfigurationException(name, "must be a port number (was '" + v.get() + "')");
        }
    }

    /** {@code ip[:port]} list, separated by commas or blanks: the API's endpoint form. */
    private static List<Endpoint> endpoints(String name, String v) {
        List<Endpoint> list = new java.util.ArrayList<>();
        for (String item : v.trim().split("[,\\s]+")) {
            if (item.isEmpty()) {
                continue;
            }
            switch (AddressRules.endpoint(item)) {
                case Parsed.Value<Endpoint> ok -> list.add(ok.value());
                case Parsed.Problem<Endpoint> problem ->
                    throw new BackendConfigurationException(name, problem.message());
            }
        }
        return List.copyOf(list);
    }

    private static boolean flag(Map<String, String> env, String name) {
        Optional<String> v = value(env, name);
        if (v.isEmpty()) {
            return false;
        }
        return switch (v.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new BackendConfigurationException(name, "must be true or false (was '" + v.get() + "')");
        };
    }

    private static String ipLiteral(String name, String v) {
        String bare = v.startsWith("[") && v.endsWith("]") ? v.substring(1, v.length() - 1) : v;
        return IpAddresses.parse(bare)
                .map(a -> bare)
                .orElseThrow(() -> new BackendConfigurationException(name, "must be an IP address (was '" + v + "')"));
    }
}
