package dev.bindsmith.embedded;

import dev.bindsmith.core.port.DnssecControl;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.service.DynamicUpdates;
import dev.bindsmith.core.zone.ZoneFileWriter;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.dns.tsig.TsigKey;
import dev.bindsmith.dns.tsig.TsigKeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * An in-process authoritative DNS server on dnsjava, and the ports that manage it: the backend
 * bindsmith uses when no BIND is configured. Zones live as master files in a data directory, are
 * loaded at start, and are answered over UDP and TCP at once when they are added.
 *
 * <pre>{@code
 * try (EmbeddedNameServer server = EmbeddedNameServer.builder()
 *         .dataDirectory(Path.of("/var/lib/bindsmith/zones"))
 *         .port(8053)
 *         .start()) {
 *     ZoneService zones = new ZoneService(server.zoneStore(), server.nameServerControl(), Clock.systemUTC());
 *     …
 * }
 * }</pre>
 */
public final class EmbeddedNameServer implements AutoCloseable {
    /** The version string {@code serverStatus} reports. */
    public static final String VERSION =
            "bindsmith embedded " + Versions.BINDSMITH + " (dnsjava " + Versions.DNSJAVA + ")";

    public static final int DEFAULT_PORT = 8053;

    private static final Logger LOG = Logger.getLogger(EmbeddedNameServer.class.getName());

    private final ZoneEngine engine;
    private final SecondaryRefresh secondaries;
    private final Optional<DnsListener> listener;
    private final EmbeddedZoneStore zoneStore;
    private final EmbeddedNameServerControl control;
    private final EmbeddedRecordUpdater updater;
    private final EmbeddedRecordReader reader;
    private final EmbeddedDnssecControl dnssec;
    private final TsigKeyring keys;
    private final NotifySender notifier;
    private final TransferResponder transfers;
    private volatile boolean running;

    private EmbeddedNameServer(Builder b, TsigKeyring keys) throws IOException {
        Files.createDirectories(b.dataDirectory);
        ZoneRegistry registry = new ZoneRegistry();
        ZoneFiles files = new ZoneFiles(b.dataDirectory);
        this.engine = new ZoneEngine(registry, files, b.clock, b.journalChanges, b.journalRecords);
        this.secondaries = new SecondaryRefresh(engine, b.transferTimeout);
        this.notifier = new NotifySender(engine, b.notifyTargets, b.notifyRetryInterval, b.notifyAttempts);
        ZoneCommands commands = new ZoneCommands(engine, secondaries, notifier);
        this.zoneStore = new EmbeddedZoneStore(engine, b.renderer);
        this.updater = new EmbeddedRecordUpdater(engine, notifier);
        this.reader = new EmbeddedRecordReader(registry);
        this.dnssec = new EmbeddedDnssecControl(engine);
        this.keys = keys;
        TsigGuard guard = new TsigGuard(keys, b.clock);
        this.transfers = new TransferResponder(registry, guard, b.transferKey);
        DnsListener dns = b.listen
                ? new DnsListener(
                        new QueryResolver(
                                registry,
                                (zone, peer) -> secondaries.notified(zone),
                                guard,
                                new UpdateResponder(engine, new DynamicUpdates(reader, updater), b.updateAudit),
                                transfers),
                        b.maxUdpInFlight,
                        b.maxTcpClients,
                        b.maxTcpClientsPerAddress.orElse(Math.max(1, b.maxTcpClients / 4)),
                        b.tcpIdleTimeout,
                        b.tcpLifetime)
                : null;
        this.listener = Optional.ofNullable(dns);
        this.control = new EmbeddedNameServerControl(engine, commands, this::facts, () -> running);
        try {
            // the statements now, the master files after the start (a zone reached before is loaded then)
            ZoneFiles.Listing listing = commands.loadAll(true);
            // from the same listing: the loaders indexed every zone with a statement already
            engine.index.addFound(listing.mastersWithoutStatement());
            secondaries.startTimers(b.refreshCheckInterval);
            if (b.keyFile.isPresent()) {
                engine.every(b.keyReloadInterval, "TSIG key file check", keys::reloadIfChanged);
            }
            if (dns != null) {
                dns.start(b.address, b.port);
                LOG.info(() -> "embedded name server answering on " + dns.localAddress() + " (UDP and TCP), "
                        + registry.size() + " zones from " + files.dir());
            }
            running = true;
            if (b.loadInBackground) {
                commands.loadInBackground();
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public ZoneStore zoneStore() {
        return zoneStore;
    }

    public NameServerControl nameServerControl() {
        return control;
    }

    public RecordUpdater recordUpdater() {
        return updater;
    }

    public RecordReader recordReader() {
        return reader;
    }

    /** DNSSEC key management, which the embedded server does not do: every call says so. */
    public DnssecControl dnssecControl() {
        return dnssec;
    }

    /** Where the server answers (UDP and TCP share the port), when it listens. */
    public Optional<InetSocketAddress> localAddress() {
        return listener.map(DnsListener::localAddress);
    }

    /** For tests: the transfers answered of each kind. */
    long transfersServed(TransferResponder.Kind kind) {
        return transfers.served(kind);
    }

    /** For tests: the NOTIFY sender, to wait until it is idle. */
    NotifySender notifier() {
        return notifier;
    }

    /** For tests: the secondaries' refresh, to run their timers on demand. */
    SecondaryRefresh secondaries() {
        return secondaries;
    }

    public boolean isRunning() {
        return running;
    }

    private Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        listener.ifPresent(l -> {
            InetSocketAddress a = l.localAddress();
            facts.put("listening on", a.getAddress().getHostAddress() + " port " + a.getPort() + " (UDP, TCP)");
            facts.put("tcp clients", l.tcpClients() + "/" + l.maxTcpClients());
        });
        facts.put("tsig keys", Integer.toString(keys.size()));
        return facts;
    }

    /** Stops answering, waits for in-flight work, and releases the sockets. Safe to call twice. */
    @Override
    public void close() {
        running = false;
        listener.ifPresent(DnsListener::close);
        engine.close();
    }

    /** Configures and starts an {@link EmbeddedNameServer}. */
    public static final class Builder {
        private Path dataDirectory;
        private InetAddress address;
        private int port = DEFAULT_PORT;
        private Clock clock = Clock.systemUTC();
        private boolean listen = true;
        private boolean loadInBackground = true;
        private int maxUdpInFlight = 512;
        private int maxTcpClients = 100;
        private Duration tcpIdleTimeout = Duration.ofSeconds(30);
        private Optional<Integer> maxTcpClientsPerAddress = Optional.empty();
        private Duration tcpLifetime = Duration.ofMinutes(5);
        private Duration transferTimeout = Duration.ofSeconds(30);
        private Duration refreshCheckInterval = Duration.ofSeconds(30);
        private Function<ZoneSpec, String> renderer = ZoneFileWriter::render;
        private List<TsigKey> tsigKeys = List.of();
        private Optional<Path> keyFile = Optional.empty();
        private boolean allowWeakTsig;
        private Duration keyReloadInterval = Duration.ofSeconds(5);
        private Optional<String> transferKey = Optional.empty();
        private List<InetSocketAddress> notifyTargets = List.of();
        private Duration notifyRetryInterval = Duration.ofSeconds(2);
        private int notifyAttempts = 5;
        private int journalChanges = 100;
        private int journalRecords = 100_000;
        private UpdateAudit updateAudit = UpdateAudit.NONE;

        private Builder() {
            try {
                address = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
            } catch (UnknownHostException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Where zone files and zone statements are kept (created when missing). Required. */
        public Builder dataDirectory(Path dir) {
            this.dataDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** The address to answer on; 127.0.0.1 by default. */
        public Builder address(InetAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The UDP and TCP port; 8053 by default, 0 for an ephemeral port (tests). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** False to manage the zones without answering DNS (no sockets are opened). True by default. */
        public Builder listen(boolean listen) {
            this.listen = listen;
            return this;
        }

        /**
         * For tests: false leaves every statement and master file to whoever needs its zone first, as if
         * the background loader had not reached any of them yet.
         */
        Builder loadInBackground(boolean load) {
            this.loadInBackground = load;
            return this;
        }

        /** At most this many TCP clients at once; more are closed at accept. 100 by default. */
        public Builder maxTcpClients(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxTcpClients must be at least 1");
            }
            this.maxTcpClients = max;
            return this;
        }

        /** At most this many UDP queries in flight; more are dropped. 512 by default. */
        public Builder maxUdpInFlight(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxUdpInFlight must be at least 1");
            }
            this.maxUdpInFlight = max;
            return this;
        }

        /**
         * How long a TCP connection may wait between messages, take to send one message once it has
         * started, or leave an answer unread before it is closed; 30 s by default.
         */
        public Builder tcpIdleTimeout(Duration timeout) {
            this.tcpIdleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** At most this many TCP connections from one address; a quarter of {@link #maxTcpClients} by default. */
        public Builder maxTcpClientsPerAddress(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxTcpClientsPerAddress must be at least 1");
            }
            this.maxTcpClientsPerAddress = Optional.of(max);
            return this;
        }

        /**
         * How long a TCP connection may live: after it, no further message is read (an answer under
         * way is finished); 5 minutes by default. A client that needs more opens a new connection.
         */
        public Builder tcpLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("tcpLifetime must be positive");
            }
            this.tcpLifetime = lifetime;
            return this;
        }

        /** How long a zone transfer from a primary may take; 30 s by default. */
        public Builder transferTimeout(Duration timeout) {
            this.transferTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How often the secondaries' SOA refresh timers are looked at; 30 s by default. */
        public Builder refreshCheckInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("refreshCheckInterval must be positive");
            }
            this.refreshCheckInterval = interval;
            return this;
        }

        /**
         * TSIG keys the server verifies signed requests with (UPDATE, transfers, queries, NOTIFY). A
         * signed request with a key it does not have is answered BADKEY.
         */
        public Builder tsigKeys(List<TsigKey> keys) {
            this.tsigKeys = List.copyOf(keys);
            return this;
        }

        /**
         * A key file ({@code key "name" { algorithm …; secret "…"; };}, as {@code tsig-keygen} and
         * {@code bindsmith key create} write it) to take the keys from; it is read again when it
         * changes. Replaces {@link #tsigKeys}.
         */
        public Builder tsigKeyFile(Path file) {
            this.keyFile = Optional.of(Objects.requireNonNull(file, "file"));
            return this;
        }

        /** Accept hmac-md5 and hmac-sha1 keys in the key file (refused by default: RFC 8945 §6). */
        public Builder allowWeakTsigAlgorithms(boolean allow) {
            this.allowWeakTsig = allow;
            return this;
        }

        /** How often the key file is looked at for changes; 5 s by default. */
        public Builder keyReloadInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("keyReloadInterval must be positive");
            }
            this.keyReloadInterval = interval;
            return this;
        }

        /**
         * A key that may transfer every zone (AXFR and IXFR) besides each zone's
         * {@code allow-transfer}: the key a fleet's secondaries use. It must be one of the server's keys.
         */
        public Builder transferKey(String keyName) {
            this.transferKey = Optional.of(Objects.requireNonNull(keyName, "keyName"));
            return this;
        }

        /**
         * Name servers told of every change of every primary zone (NOTIFY), besides each zone's
         * {@code also-notify}: a fleet's secondaries, for which this server is the (hidden) primary.
         */
        public Builder notifyTargets(List<InetSocketAddress> targets) {
            this.notifyTargets = List.copyOf(targets);
            return this;
        }

        /** How long to wait for a NOTIFY's answer before sending it again, and how many times; 2 s and 5 by default. */
        public Builder notifyRetry(Duration interval, int attempts) {
            if (interval.isNegative() || interval.isZero() || attempts < 1) {
                throw new IllegalArgumentException("a positive interval and at least one attempt");
            }
            this.notifyRetryInterval = interval;
            this.notifyAttempts = attempts;
            return this;
        }

        /**
         * How much history each zone keeps for IXFR: at most {@code changes} changes and
         * {@code records} records in them, the oldest dropped first (100 and 100 000 by default). A
         * client whose serial is older gets the whole zone. 0 keeps none.
         */
        public Builder ixfrJournal(int changes, int records) {
            if (changes < 0 || records < 0) {
                throw new IllegalArgumentException("the journal's bounds must not be negative");
            }
            this.journalChanges = changes;
            this.journalRecords = records;
            return this;
        }

        /**
         * Where the changes RFC 2136 clients make are recorded ({@link UpdateAudit#NONE} by default): asked
         * before each UPDATE is applied, told after, before the answer.
         */
        public Builder updateAudit(UpdateAudit audit) {
            this.updateAudit = Objects.requireNonNull(audit, "audit");
            return this;
        }

        private TsigKeyring keys() {
            if (keyFile.isEmpty()) {
                return TsigKeyring.of(tsigKeys);
            }
            try {
                return TsigKeyring.load(keyFile.get(), allowWeakTsig);
            } catch (TsigKeyFiles.KeyFileException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        /** How a created zone is rendered as a master file (core's zone-file writer by default). */
        Builder renderer(Function<ZoneSpec, String> renderer) {
            this.renderer = Objects.requireNonNull(renderer, "renderer");
            return this;
        }

        /**
         * Loads every zone of the data directory and starts answering.
         *
         * @throws IOException when the data directory cannot be created or the port cannot be bound
         * @throws IllegalArgumentException when the key file cannot be used (the message names it and
         *     why, never a secret), or the transfer key is not one of the keys
         */
        public EmbeddedNameServer start() throws IOException {
            if (dataDirectory == null) {
                throw new IllegalStateException("dataDirectory is required");
            }
            TsigKeyring keys = keys();
            transferKey.ifPresent(k -> {
                if (!keys.has(k)) {
                    throw new IllegalArgumentException(
                            "the transfer key '" + k + "' is not one of the server's TSIG keys");
                }
            });
            return new EmbeddedNameServer(this, keys);
        }
    }
}
