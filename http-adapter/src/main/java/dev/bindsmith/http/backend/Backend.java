package dev.bindsmith.http.backend;

import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.service.RecordService;
import dev.bindsmith.core.service.ZoneService;
import dev.bindsmith.core.zone.ZoneFileWriter;
import dev.bindsmith.embedded.EmbeddedNameServer;
import dev.bindsmith.rndc.bind.FileZoneStore;
import dev.bindsmith.rndc.bind.RndcNameServerControl;
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.rndc.conf.RndcSettings;
import dev.bindsmith.rndc.conf.RndcSettingsResolver;
import dev.bindsmith.rndc.update.AxfrRecordReader;
import dev.bindsmith.rndc.update.Rfc2136RecordUpdater;
import dev.bindsmith.rndc.update.UpdateSettings;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A running backend: the four ports of BIND or of the embedded name server, and the use cases built
 * on them. Closing it releases what it holds (the embedded server's sockets, rndc sessions).
 */
public final class Backend implements AutoCloseable {
    private final BackendKind kind;
    private final String description;
    private final ZoneStore zoneStore;
    private final NameServerControl control;
    private final RecordUpdater recordUpdater;
    private final RecordReader recordReader;
    private final Clock clock;
    private final AutoCloseable resources;

    private static final System.Logger LOG = System.getLogger("dev.bindsmith.http.backend");

    private Backend(BackendKind kind, String description, ZoneStore zoneStore, NameServerControl control,
                    RecordUpdater recordUpdater, RecordReader recordReader, Clock clock, AutoCloseable resources) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.description = Objects.requireNonNull(description, "description");
        this.zoneStore = Objects.requireNonNull(zoneStore, "zoneStore");
        this.control = Objects.requireNonNull(control, "control");
        this.recordUpdater = Objects.requireNonNull(recordUpdater, "recordUpdater");
        this.recordReader = Objects.requireNonNull(recordReader, "recordReader");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.clock = Objects.requireNonNull(clock, "clock");
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
        Map<String, String> rndcEnv = new HashMap<>();
        r.server().ifPresent(v -> rndcEnv.put(RndcSettingsResolver.RNDC_SERVER, v));
        r.algorithm().ifPresent(v -> rndcEnv.put(RndcSettingsResolver.RNDC_ALGORITHM, v));
        r.secret().ifPresent(v -> rndcEnv.put(RndcSettingsResolver.RNDC_SECRET, v));
        r.keyName().ifPresent(v -> rndcEnv.put(RndcSettingsResolver.RNDC_KEY_NAME, v));
        // A key file (rndc.key) is rndc.conf syntax with only a key statement.
        RndcSettings rndc = switch (RndcSettingsResolver.standard().resolve(rndcEnv, r.conf().or(r::keyFile))) {
            case RndcSettingsResolver.Resolution.Resolved resolved -> resolved.settings();
            case RndcSettingsResolver.Resolution.Failed failed -> throw rndcProblem(failed.errors(), r);
        };

        BackendSettings.Nsupdate n = settings.nsupdate();
        Map<String, String> updateEnv = new HashMap<>();
        n.server().ifPresent(v -> updateEnv.put(BackendSettings.NSUPDATE_SERVER, v));
        n.port().ifPresent(v -> updateEnv.put(BackendSettings.NSUPDATE_PORT, Integer.toString(v)));
        n.keyName().ifPresent(v -> updateEnv.put(BackendSettings.NSUPDATE_KEY_NAME, v));
        n.algorithm().ifPresent(v -> updateEnv.put(BackendSettings.NSUPDATE_ALGORITHM, v));
        n.secret().ifPresent(v -> updateEnv.put(BackendSettings.NSUPDATE_SECRET, v));
        UpdateSettings updates;
        try {
            updates = UpdateSettings.fromEnvironment(updateEnv, UpdateSettings.RndcFallback.of(rndc));
        } catch (IllegalArgumentException e) {
            String message = Objects.requireNonNullElse(e.getMessage(), "invalid");
            int colon = message.indexOf(": ");
            throw colon > 0
                    ? new BackendConfigurationException(message.substring(0, colon), message.substring(colon + 2))
                    : new BackendConfigurationException(BackendSettings.NSUPDATE_SECRET, message);
        }

        FileZoneStore store;
        try {
            store = new FileZoneStore(settings.zoneDir(), ZoneFileWriter::render);
        } catch (IllegalArgumentException e) {
            throw new BackendConfigurationException(BackendSettings.ZONE_DIR, e.getMessage());
        }
        RndcClient client = rndc.clientBuilder().build();
        String description = "BIND: rndc " + hostPort(rndc.host(), rndc.port()) + ", updates to "
                + hostPort(updates.server(), updates.port()) + ", zone files in " + store.directory();
        return new Backend(BackendKind.BIND, description, store, new RndcNameServerControl(client),
                new Rfc2136RecordUpdater(updates), new AxfrRecordReader(updates), Clock.systemUTC(), client);
    }

    /** The resolver's problems as one error, named by the variable of the first when it names one, else by the file. */
    private static BackendConfigurationException rndcProblem(List<String> errors, BackendSettings.Rndc r) {
        String first = errors.getFirst();
        String message = String.join("; ", errors);
        for (String variable : List.of(RndcSettingsResolver.RNDC_SERVER, RndcSettingsResolver.RNDC_ALGORITHM,
                RndcSettingsResolver.RNDC_SECRET, RndcSettingsResolver.RNDC_KEY_NAME)) {
            if (first.startsWith(variable + " ")) {
                return new BackendConfigurationException(variable, message.substring(variable.length() + 1));
            }
        }
        return new BackendConfigurationException(
                r.keyFile().isPresent() ? BackendSettings.RNDC_KEY_FILE : BackendSettings.RNDC_CONF, message);
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
        EmbeddedNameServer server;
        try {
            server = startEmbedded(e, address, answerDns);
        } catch (RuntimeException ex) {
            lock.close();
            throw ex;
        }
        String where = server.localAddress()
                .map(a -> "DNS on " + hostPort(a.getAddress().getHostAddress(), a.getPort()) + " (UDP, TCP)")
                .orElse("not answering DNS");
        String description = "embedded: " + where + ", zone files in " + e.dataDir().toAbsolutePath().normalize();
        AutoCloseable resources = () -> {
            try {
                server.close();
            } finally {
                lock.close();
            }
        };
        return new Backend(BackendKind.EMBEDDED, description, server.zoneStore(), server.nameServerControl(),
                server.recordUpdater(), server.recordReader(), Clock.systemUTC(), resources);
    }

    private static EmbeddedNameServer startEmbedded(BackendSettings.Embedded e, InetAddress address, boolean answerDns) {
        try {
            return EmbeddedNameServer.builder().dataDirectory(e.dataDir()).address(address).port(e.port())
                    .listen(answerDns).start();
        } catch (java.net.BindException ex) {
            throw new BackendConfigurationException(BackendSettings.DNS_PORT, "cannot answer DNS on "
                    + hostPort(e.address(), e.port()) + " (" + ex.getMessage() + "); is another server using it?");
        } catch (IOException ex) {
            throw new BackendConfigurationException(BackendSettings.DATA_DIR, "cannot use " + e.dataDir()
                    + " (" + ex.getMessage() + ")");
        }
    }

    private static String hostPort(String host, int port) {
        return BackendSettings.hostPort(host, port);
    }

    /**
     * A backend from ports built elsewhere (tests, an embedding application). {@code resources} is
     * closed with the backend; {@code description} is what {@link #describe()} says.
     */
    public static Backend of(BackendKind kind, String description, ZoneStore zoneStore, NameServerControl control,
                             RecordUpdater recordUpdater, RecordReader recordReader, Clock clock,
                             AutoCloseable resources) {
        return new Backend(kind, description, zoneStore, control, recordUpdater, recordReader, clock, resources);
    }

    public BackendKind kind() {
        return kind;
    }

    /** Which backend and where, for start-up output: {@code embedded: DNS on 127.0.0.1:8053, zone files in …}. */
    public String describe() {
        return description;
    }

    public ZoneStore zoneStore() {
        return zoneStore;
    }

    public NameServerControl control() {
        return control;
    }

    public RecordUpdater recordUpdater() {
        return recordUpdater;
    }

    public RecordReader recordReader() {
        return recordReader;
    }

    /** The zone use cases over this backend's own ports. */
    public ZoneService zoneService() {
        return zoneService(control);
    }

    /** The record use cases over this backend's own ports. */
    public RecordService recordService() {
        return recordService(control);
    }

    /** The zone use cases over this backend's store and {@code control} in place of its own (one that measures it). */
    public ZoneService zoneService(NameServerControl control) {
        return new ZoneService(zoneStore, control, clock);
    }

    /** The record use cases over this backend's updater and reader and {@code control} in place of its own. */
    public RecordService recordService(NameServerControl control) {
        return new RecordService(control, recordUpdater, recordReader);
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the " + kind.wireName() + " backend failed", e);
        }
    }
}
