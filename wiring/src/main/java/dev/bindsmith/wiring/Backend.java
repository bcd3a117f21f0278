package dev.bindsmith.wiring;

import dev.bindsmith.core.catalog.RecordZoneCatalog;
import dev.bindsmith.core.port.DnssecControl;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.service.UseCases;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneFileWriter;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.dns.probe.DnsSoaProbe;
import dev.bindsmith.embedded.EmbeddedNameServer;
import dev.bindsmith.embedded.UpdateAudit;
import dev.bindsmith.http.MeteredNameServerControl;
import dev.bindsmith.http.Metrics;
import dev.bindsmith.http.ReadinessProbe;
import dev.bindsmith.http.audit.AuditLog;
import dev.bindsmith.rndc.bind.FileZoneStore;
import dev.bindsmith.rndc.bind.RndcDnssecControl;
import dev.bindsmith.rndc.bind.RndcNameServerControl;
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.rndc.conf.RndcSettings;
import dev.bindsmith.rndc.conf.RndcSettingsResolver;
import dev.bindsmith.rndc.update.ApexRecordQuery;
import dev.bindsmith.rndc.update.AxfrRecordReader;
import dev.bindsmith.rndc.update.Rfc2136RecordUpdater;
import dev.bindsmith.rndc.update.UpdateSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A running backend: the four ports of BIND or of the embedded name server, and the process's one set
 * of use cases over them (one {@link UseCases}, so the zone and record use cases share their per-zone
 * locks). Every name-server command is counted and timed in {@link #metrics()}. Closing it releases
 * what it holds (the embedded server's sockets and data-directory lock, rndc sessions).
 */
public final class Backend implements AutoCloseable {
    private final BackendKind kind;
    private final String description;
    private final BackendSettings.Fleet fleet;
    private final ZoneStore zoneStore;
    private final NameServerControl control;
    private final Metrics metrics;
    private final UseCases useCases;
    private final Clock clock;
    private final Optional<InetSocketAddress> dns;
    private final AutoCloseable resources;
    private final AuditLog auditLog;

    private static final System.Logger LOG = System.getLogger("dev.bindsmith.wiring");
    /**
     * How long the serial of a change's audit entry waits for named's DNS answer (loopback answers in well
     * under a millisecond) before the control channel is asked instead.
     */
    static final Duration SERIAL_QUERY_TIMEOUT = Duration.ofMillis(500);

    /**
     * The key named in the embedded catalog zone's {@code allow-update}: the embedded server changes
     * its own zones in process, so the name only marks the zone as one that takes updates.
     */
    static final String EMBEDDED_CATALOG_KEY = "bindsmith-catalog";

    private Backend(
            BackendKind kind,
            String description,
            ZoneStore zoneStore,
            NameServerControl control,
            RecordUpdater recordUpdater,
            RecordReader recordReader,
            Clock clock,
            Optional<InetSocketAddress> dns,
            AutoCloseable resources,
            BackendSettings.Fleet fleet,
            String catalogUpdateKey,
            Optional<DnssecControl> dnssec,
            java.util.function.Consumer<UseCases.Builder> extra,
            AuditLog auditLog) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.zoneStore = Objects.requireNonNull(zoneStore, "zoneStore");
        this.metrics = new Metrics();
        this.control = new MeteredNameServerControl(Objects.requireNonNull(control, "control"), metrics);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        UseCases.Builder builder = UseCases.builder(
                zoneStore,
                this.control,
                Objects.requireNonNull(recordUpdater, "recordUpdater"),
                Objects.requireNonNull(recordReader, "recordReader"),
                clock);
        fleet.catalogZone()
                .ifPresent(catalog -> builder.catalog(new RecordZoneCatalog(
                        catalog,
                        zoneStore,
                        this.control,
                        recordUpdater,
                        recordReader,
                        catalogOptions(catalogUpdateKey, fleet.secondaries()),
                        clock)));
        fleet.catalogMoveFrom().ifPresent(builder::catalogMoveFrom);
        if (!fleet.secondaries().isEmpty()) {
            builder.secondaries(fleet.secondaries(), new DnsSoaProbe());
        }
        dnssec.ifPresent(builder::dnssec);
        extra.accept(builder);
        this.useCases = builder.build();
        String fleetText = fleet.describe();
        this.description =
                Objects.requireNonNull(description, "description") + (fleetText.isEmpty() ? "" : "; " + fleetText);
        this.dns = Objects.requireNonNull(dns, "dns");
        this.resources = Objects.requireNonNull(resources, "resources");
    }

    /**
     * The catalog zone's statement: updates signed with the update key; transfers by that key (bindsmith
     * reads the catalog by AXFR) and by the secondaries, which are also notified of every change. The
     * catalog names every zone, so no one else may transfer it; with no secondaries configured the
     * server's own defaults apply to transfers and notifies.
     */
    static ZoneOptions catalogOptions(String updateKey, List<Endpoint> secondaries) {
        List<AddressMatch> transfer = new ArrayList<>();
        if (!secondaries.isEmpty()) {
            transfer.add(new AddressMatch.Key(updateKey));
            secondaries.forEach(s -> transfer.add(new AddressMatch.Cidr(s.address(), OptionalInt.empty())));
        }
        return new ZoneOptions(
                List.of(),
                secondaries,
                transfer,
                List.of(new AddressMatch.Key(updateKey)),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * Opens the backend {@code settings} chose and logs which one and why. With {@code answerDns}
     * false the embedded server manages its zones without opening DNS sockets (the CLI's direct
     * mode, so that it never competes with a running server for the port); BIND is unaffected.
     *
     * @throws BackendConfigurationException when the configuration cannot be used (naming the variable)
     */
    public static Backend open(BackendSettings settings, boolean answerDns) {
        LOG.log(System.Logger.Level.INFO, settings.describe());
        return switch (settings.kind()) {
            case BIND -> openBind(settings);
            case EMBEDDED -> openEmbedded(settings, answerDns);
        };
    }

    private static Backend openBind(BackendSettings settings) {
        BackendSettings.Rndc r = settings.rndc();
        var given = new RndcSettingsResolver.Given(
                r.server(), r.algorithm(), r.secret(), r.keyName(), r.allowWeakAlgorithms());
        // A key file (rndc.key) is rndc.conf syntax with only a key statement.
        RndcSettings rndc =
                switch (RndcSettingsResolver.standard().resolve(given, r.conf().or(r::keyFile))) {
                    case RndcSettingsResolver.Resolution.Resolved resolved -> resolved.settings();
                    case RndcSettingsResolver.Resolution.Failed failed -> throw rndcProblem(failed.problems(), r);
                };

        BackendSettings.Nsupdate n = settings.nsupdate();
        var update = new UpdateSettings.Given(n.server(), n.port(), n.keyName(), n.algorithm(), n.secret());
        UpdateSettings updates = switch (UpdateSettings.resolve(update, UpdateSettings.RndcFallback.of(rndc))) {
            case UpdateSettings.Resolution.Resolved resolved -> resolved.settings();
            case UpdateSettings.Resolution.Failed failed ->
                throw new BackendConfigurationException(
                        variable(failed.problem()), failed.problem().message());
        };

        FileZoneStore store;
        try {
            store = new FileZoneStore(settings.zoneDir(), ZoneFileWriter::render);
        } catch (IllegalArgumentException e) {
            throw new BackendConfigurationException(BackendSettings.ZONE_DIR, e.getMessage());
        }
        RndcClient client = rndc.clientBuilder().build();
        String description = "BIND: rndc " + hostPort(rndc.host(), rndc.port()) + ", updates to "
                + hostPort(updates.server(), updates.port()) + ", zone files in " + store.directory();
        return new Backend(
                BackendKind.BIND,
                description,
                store,
                new RndcNameServerControl(client),
                new Rfc2136RecordUpdater(updates),
                new AxfrRecordReader(updates),
                Clock.systemUTC(),
                Optional.of(new InetSocketAddress(updates.server(), updates.port())),
                client,
                settings.fleet(),
                updates.key().name(),
                Optional.of(new RndcDnssecControl(client, new ApexRecordQuery(updates))),
                // a read of the names an add goes to is a round trip to named: new names go unread first
                b -> {
                    servedBy(updates).ifPresent(at -> b.servedBy(at, new DnsSoaProbe(SERIAL_QUERY_TIMEOUT)));
                    b.newNamesFirst();
                },
                new LazyAuditLog(settings.audit()));
    }

    /**
     * The resolver's problems as one error, named by the variable of the first: "RNDC_SECRET: is not
     * valid base64; RNDC_SERVER is not a host …". A problem of the file itself is named by the
     * variable that gave the file.
     */
    private static BackendConfigurationException rndcProblem(
            List<RndcSettingsResolver.Problem> problems, BackendSettings.Rndc r) {
        String fileVariable = r.keyFile().isPresent() ? BackendSettings.RNDC_KEY_FILE : BackendSettings.RNDC_CONF;
        List<String> said = new ArrayList<>();
        for (RndcSettingsResolver.Problem p : problems) {
            String message = switch (p.kind()) {
                case UNUSABLE -> p.message();
                case WEAK_ALGORITHM ->
                    p.message() + "; or set " + BackendSettings.RNDC_ALLOW_WEAK_ALGORITHMS + "=true to accept it";
            };
            said.add(
                    said.isEmpty() || p.field() == RndcSettingsResolver.Field.FILE
                            ? message
                            : variable(p.field(), fileVariable) + " " + message);
        }
        return new BackendConfigurationException(
                variable(problems.getFirst().field(), fileVariable), String.join("; ", said));
    }

    private static String variable(RndcSettingsResolver.Field field, String fileVariable) {
        return switch (field) {
            case SERVER -> BackendSettings.RNDC_SERVER;
            case ALGORITHM -> BackendSettings.RNDC_ALGORITHM;
            case SECRET -> BackendSettings.RNDC_SECRET;
            case KEY_NAME -> BackendSettings.RNDC_KEY_NAME;
            case FILE -> fileVariable;
        };
    }

    /** The variable of an update problem: the NSUPDATE_ one, or the RNDC_ one its value was taken from. */
    private static String variable(UpdateSettings.Problem p) {
        boolean given = p.source() == UpdateSettings.Source.GIVEN;
        return switch (p.field()) {
            case SERVER -> BackendSettings.NSUPDATE_SERVER;
            case PORT -> BackendSettings.NSUPDATE_PORT;
            case KEY_NAME -> given ? BackendSettings.NSUPDATE_KEY_NAME : BackendSettings.RNDC_KEY_NAME;
            case ALGORITHM -> given ? BackendSettings.NSUPDATE_ALGORITHM : BackendSettings.RNDC_ALGORITHM;
            case SECRET -> given ? BackendSettings.NSUPDATE_SECRET : BackendSettings.RNDC_SECRET;
        };
    }

    private static Backend openEmbedded(BackendSettings settings, boolean answerDns) {
        BackendSettings.Embedded e = settings.embedded();
        InetAddress address;
        try {
            address = InetAddress.getByName(e.address());
        } catch (UnknownHostException ex) {
            throw new BackendConfigurationException(BackendSettings.DNS_ADDRESS, "not an IP address: " + e.address());
        }
        // The embedded server keeps its zones in memory and rewrites a zone's files from there: a second
        // process on the same directory would have its changes silently overwritten, so it is refused.
        DataDirectoryLock lock = DataDirectoryLock.acquire(e.dataDir());
        // one audit log for the API's changes and for those RFC 2136 clients make over DNS
        LazyAuditLog auditLog = new LazyAuditLog(settings.audit());
        EmbeddedNameServer server;
        try {
            server = startEmbedded(e, address, answerDns, new DnsUpdateAuditing(auditLog, Clock.systemUTC()));
        } catch (RuntimeException ex) {
            lock.close();
            throw ex;
        }
        String where = server.localAddress()
                .map(a -> "DNS on " + hostPort(a.getAddress().getHostAddress(), a.getPort()) + " (UDP, TCP)")
                .orElse("not answering DNS");
        String description = "embedded: " + where + ", zone files in "
                + e.dataDir().toAbsolutePath().normalize()
                + e.tsigKeys().map(k -> ", TSIG keys from " + k).orElse("")
                + e.transferKey()
                        .map(k -> ", every zone transferable with key " + k)
                        .orElse("")
                + (e.notifyTargets().isEmpty() ? "" : ", NOTIFY to " + e.notifyTargets());
        AutoCloseable resources = () -> {
            try {
                server.close();
            } finally {
                lock.close();
            }
        };
        return new Backend(
                BackendKind.EMBEDDED,
                description,
                server.zoneStore(),
                server.nameServerControl(),
                server.recordUpdater(),
                server.recordReader(),
                Clock.systemUTC(),
                server.localAddress(),
                resources,
                settings.fleet(),
                EMBEDDED_CATALOG_KEY,
                Optional.of(server.dnssecControl()),
                b -> {},
                auditLog);
    }

    private static EmbeddedNameServer startEmbedded(
            BackendSettings.Embedded e, InetAddress address, boolean answerDns, UpdateAudit audit) {
        EmbeddedNameServer.Builder builder = EmbeddedNameServer.builder()
                .dataDirectory(e.dataDir())
                .address(address)
                .port(e.port())
                .listen(answerDns)
                .updateAudit(audit)
                .allowWeakTsigAlgorithms(e.allowWeakTsig())
                .notifyTargets(e.notifyTargets().stream()
                        .map(n -> new InetSocketAddress(n.address(), n.port().orElse(53)))
                        .toList());
        e.tsigKeys().ifPresent(builder::tsigKeyFile);
        e.transferKey().ifPresent(builder::transferKey);
        try {
            return builder.start();
        } catch (IllegalArgumentException ex) {
            // the key file or the transfer key: the message names the file, line and key, never a secret
            String variable = e.transferKey().isPresent() && ex.getMessage().startsWith("the transfer key")
                    ? BackendSettings.TRANSFER_KEY
                    : BackendSettings.TSIG_KEYS;
            throw new BackendConfigurationException(variable, ex.getMessage());
        } catch (java.net.BindException ex) {
            throw new BackendConfigurationException(
                    BackendSettings.DNS_PORT,
                    "cannot answer DNS on " + hostPort(e.address(), e.port()) + " (" + ex.getMessage()
                            + "); is another server using it?");
        } catch (IOException ex) {
            throw new BackendConfigurationException(
                    BackendSettings.DATA_DIR, "cannot use " + e.dataDir() + " (" + ex.getMessage() + ")");
        }
    }

    private static String hostPort(String host, int port) {
        return BackendSettings.hostPort(host, port);
    }

    /**
     * A backend from ports built elsewhere (tests, an embedding application). {@code resources} is
     * closed with the backend; {@code description} is what {@link #describe()} says. It keeps no audit log.
     */
    public static Backend of(
            BackendKind kind,
            String description,
            ZoneStore zoneStore,
            NameServerControl control,
            RecordUpdater recordUpdater,
            RecordReader recordReader,
            Clock clock,
            AutoCloseable resources) {
        return of(
                kind,
                description,
                zoneStore,
                control,
                recordUpdater,
                recordReader,
                clock,
                resources,
                b -> {},
                AuditLog.none());
    }

    /**
     * As {@link #of(BackendKind, String, ZoneStore, NameServerControl, RecordUpdater, RecordReader, Clock,
     * AutoCloseable)}, with {@code fleet} adding to the use cases what the backend has of a fleet (a
     * catalog, secondaries and their probe, DNSSEC).
     */
    public static Backend of(
            BackendKind kind,
            String description,
            ZoneStore zoneStore,
            NameServerControl control,
            RecordUpdater recordUpdater,
            RecordReader recordReader,
            Clock clock,
            AutoCloseable resources,
            java.util.function.Consumer<UseCases.Builder> fleet) {
        return of(
                kind,
                description,
                zoneStore,
                control,
                recordUpdater,
                recordReader,
                clock,
                resources,
                fleet,
                AuditLog.none());
    }

    /** The same, recording changes in {@code auditLog} (closed with the backend). */
    public static Backend of(
            BackendKind kind,
            String description,
            ZoneStore zoneStore,
            NameServerControl control,
            RecordUpdater recordUpdater,
            RecordReader recordReader,
            Clock clock,
            AutoCloseable resources,
            AuditLog auditLog) {
        return of(
                kind,
                description,
                zoneStore,
                control,
                recordUpdater,
                recordReader,
                clock,
                resources,
                b -> {},
                auditLog);
    }

    /** With both: what the backend has of a fleet, and where changes are recorded. */
    public static Backend of(
            BackendKind kind,
            String description,
            ZoneStore zoneStore,
            NameServerControl control,
            RecordUpdater recordUpdater,
            RecordReader recordReader,
            Clock clock,
            AutoCloseable resources,
            java.util.function.Consumer<UseCases.Builder> fleet,
            AuditLog auditLog) {
        return new Backend(
                kind,
                description,
                zoneStore,
                control,
                recordUpdater,
                recordReader,
                clock,
                Optional.empty(),
                resources,
                BackendSettings.Fleet.none(),
                EMBEDDED_CATALOG_KEY,
                Optional.empty(),
                fleet,
                auditLog);
    }

    /**
     * Where every change through {@link dev.bindsmith.http.access.GuardedApi} is recorded: the file of
     * {@link BackendSettings#audit()}, opened when first needed (see {@link #requireAuditLog()}).
     */
    public AuditLog auditLog() {
        return auditLog;
    }

    /**
     * Opens the audit log now, for a server that must not start without it.
     *
     * @throws BackendConfigurationException naming {@code BINDSMITH_AUDIT_LOG} when it cannot be written
     */
    public AuditLog requireAuditLog() {
        if (auditLog instanceof LazyAuditLog lazy) {
            lazy.open();
        }
        return auditLog;
    }

    public BackendKind kind() {
        return kind;
    }

    /** Which backend and where, for start-up output: {@code embedded: DNS on 127.0.0.1:8053, zone files in …}. */
    public String describe() {
        return description;
    }

    /** The use cases of this process: build nothing else over the same ports. */
    public UseCases useCases() {
        return useCases;
    }

    /**
     * Where named answers DNS: where updates go. The audit asks it a zone's serial before and after each
     * change (one SOA query, not an rndc {@code zonestatus}); empty when the name does not resolve.
     */
    static Optional<Endpoint> servedBy(UpdateSettings updates) {
        InetSocketAddress at = new InetSocketAddress(updates.server(), updates.port());
        return at.isUnresolved()
                ? Optional.empty()
                : Optional.of(new Endpoint(at.getAddress(), OptionalInt.of(updates.port())));
    }

    /** The registry the name-server commands are counted in, and that {@code /metrics} shows. */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * Where the managed zones are answered over DNS: named's address (where updates go), or the
     * embedded server's socket; empty when it does not answer DNS (the CLI's direct mode, tests).
     */
    public Optional<InetSocketAddress> dnsAddress() {
        return dns;
    }

    /** The catalog zone and the secondaries this backend feeds, as configured. */
    public BackendSettings.Fleet fleet() {
        return fleet;
    }

    /** The clock the use cases run on (serials, expiry). */
    public Clock clock() {
        return clock;
    }

    /** What {@code /api/v1/ready} asks: can zones be written, does the name server answer? */
    public ReadinessProbe readiness() {
        return ReadinessProbe.of(zoneStore, control);
    }

    @Override
    public void close() {
        auditLog.close();
        try {
            resources.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the " + kind.wireName() + " backend failed", e);
        }
    }
}
