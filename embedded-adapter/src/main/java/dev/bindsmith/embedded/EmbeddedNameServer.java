package dev.bindsmith.embedded;

import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.ZoneFileWriter;
import dev.bindsmith.core.zone.ZoneSpec;
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
    private volatile boolean running;

    private EmbeddedNameServer(Builder b) throws IOException {
        Files.createDirectories(b.dataDirectory);
        ZoneRegistry registry = new ZoneRegistry();
        ZoneFiles files = new ZoneFiles(b.dataDirectory);
        this.engine = new ZoneEngine(registry, files, b.clock);
        this.secondaries = new SecondaryRefresh(engine, b.transferTimeout);
        NotifySender notifier = new NotifySender(engine);
        ZoneCommands commands = new ZoneCommands(engine, secondaries, notifier);
        this.zoneStore = new EmbeddedZoneStore(engine, b.renderer);
        this.updater = new EmbeddedRecordUpdater(engine, notifier);
        this.reader = new EmbeddedRecordReader(registry);
        DnsListener dns = b.listen
                ? new DnsListener(
                        new QueryResolver(registry, (zone, peer) -> secondaries.notified(zone)),
                        b.maxUdpInFlight,
                        b.maxTcpClients,
                        b.tcpIdleTimeout)
                : null;
        this.listener = Optional.ofNullable(dns);
        this.control = new EmbeddedNameServerControl(engine, commands, this::facts, () -> running);
        try {
            commands.loadAll();
            engine.index.addFound(files);
            secondaries.startTimers(b.refreshCheckInterval);
            if (dns != null) {
                dns.start(b.address, b.port);
                LOG.info(() -> "embedded name server answering on " + dns.localAddress() + " (UDP and TCP), "
                        + registry.size() + " zones from " + files.dir());
            }
            running = true;
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

    /** Where the server answers (UDP and TCP share the port), when it listens. */
    public Optional<InetSocketAddress> localAddress() {
        return listener.map(DnsListener::localAddress);
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
        private int maxUdpInFlight = 512;
        private int maxTcpClients = 100;
        private Duration tcpIdleTimeout = Duration.ofSeconds(30);
        private Duration transferTimeout = Duration.ofSeconds(30);
        private Duration refreshCheckInterval = Duration.ofSeconds(30);
        private Function<ZoneSpec, String> renderer = ZoneFileWriter::render;

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

        public Builder tcpIdleTimeout(Duration timeout) {
            this.tcpIdleTimeout = Objects.requireNonNull(timeout, "timeout");
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

        /** How a created zone is rendered as a master file (core's zone-file writer by default). */
        Builder renderer(Function<ZoneSpec, String> renderer) {
            this.renderer = Objects.requireNonNull(renderer, "renderer");
            return this;
        }

        /**
         * Loads every zone of the data directory and starts answering.
         *
         * @throws IOException when the data directory cannot be created or the port cannot be bound
         */
        public EmbeddedNameServer start() throws IOException {
            if (dataDirectory == null) {
                throw new IllegalStateException("dataDirectory is required");
            }
            return new EmbeddedNameServer(this);
        }
    }
}
