package dev.bindsmith.cli;

import dev.bindsmith.wiring.BackendSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes (declared once on {@code bindsmith}, inherited by every
 * subcommand, so they may stand before or after it). The backend flags are the environment variables
 * of the same meaning, laid over the environment: {@code --zone-dir} is {@code BIND_ZONE_DIR}.
 */
final class GlobalOptions {

    enum Output {
        human,
        json
    }

    @Option(
            names = "--url",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            description = "Talk to a running bindsmith server (http://host:port) instead of the name server directly.")
    URI url;

    @Option(
            names = "--token",
            scope = ScopeType.INHERIT,
            paramLabel = "TOKEN",
            description =
                    "API token for --url (default: $BINDSMITH_TOKEN; prefer the variable: arguments are visible to other users).")
    String token;

    @Option(
            names = {"-o", "--output"},
            scope = ScopeType.INHERIT,
            paramLabel = "FORMAT",
            defaultValue = "human",
            description = "human (default) or json: the JSON the HTTP API returns.")
    Output output = Output.human;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Print the error code and context of a failure, and which backend is used and why.")
    boolean verbose;

    @Option(
            names = "--timeout",
            scope = ScopeType.INHERIT,
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "How long to wait for a bindsmith server (--url), in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 30;

    @Option(
            names = "--backend",
            scope = ScopeType.INHERIT,
            paramLabel = "bind|embedded",
            description =
                    "Force a backend ($BINDSMITH_BACKEND). Default: bind when an rndc key is configured, else embedded.")
    String backend;

    @Option(
            names = "--rndc-conf",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "rndc.conf to read the control channel and key from ($RNDC_CONF).")
    Path rndcConf;

    @Option(
            names = "--key-file",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "rndc key file, as written by rndc-confgen/tsig-keygen ($RNDC_KEY_FILE).")
    Path keyFile;

    @Option(
            names = "--rndc-allow-weak-algorithms",
            scope = ScopeType.INHERIT,
            description = "Accept an hmac-md5 or hmac-sha1 rndc key, which is refused otherwise"
                    + " ($RNDC_ALLOW_WEAK_ALGORITHMS).")
    boolean allowWeakRndcAlgorithms;

    @Option(
            names = "--server",
            scope = ScopeType.INHERIT,
            paramLabel = "HOST[:PORT]",
            description = "BIND's control channel ($RNDC_SERVER, default 127.0.0.1:953).")
    String server;

    @Option(
            names = "--zone-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Where BIND reads zone files bindsmith writes ($BIND_ZONE_DIR, default /var/cache/bind).")
    Path zoneDir;

    @Option(
            names = "--data-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description =
                    "The embedded server's zone directory ($BINDSMITH_DATA_DIR, default $XDG_DATA_HOME/bindsmith or ./.bindsmith/data).")
    Path dataDir;

    @Option(
            names = "--dns-address",
            scope = ScopeType.INHERIT,
            paramLabel = "IP",
            description = "The embedded server's DNS address ($BINDSMITH_DNS_ADDRESS, default 127.0.0.1).")
    String dnsAddress;

    @Option(
            names = "--dns-port",
            scope = ScopeType.INHERIT,
            paramLabel = "PORT",
            description = "The embedded server's DNS port ($BINDSMITH_DNS_PORT, default 8053).")
    String dnsPort;

    @Option(
            names = "--catalog-zone",
            scope = ScopeType.INHERIT,
            paramLabel = "ZONE",
            description = "Keep this catalog zone (RFC 9432) for the secondaries ($BINDSMITH_CATALOG_ZONE).")
    String catalogZone;

    @Option(
            names = "--catalog-move-from",
            scope = ScopeType.INHERIT,
            paramLabel = "ZONE",
            description =
                    "The catalog the zones move from; reconcile sets their coo there ($BINDSMITH_CATALOG_MOVE_FROM).")
    String catalogMoveFrom;

    @Option(
            names = "--secondaries",
            scope = ScopeType.INHERIT,
            paramLabel = "IP[:PORT],…",
            description =
                    "The name servers that should serve the zones, for propagation checks ($BINDSMITH_SECONDARIES).")
    String secondaries;

    @Option(
            names = "--audit-log",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "The audit log ($BINDSMITH_AUDIT_LOG, default .bindsmith/audit.log beside the zones).")
    Path auditLog;

    @Option(
            names = "--audit-max-bytes",
            scope = ScopeType.INHERIT,
            paramLabel = "BYTES",
            description = "Rotate the audit log at this size ($BINDSMITH_AUDIT_MAX_BYTES, default 67108864).")
    String auditMaxBytes;

    @Option(
            names = "--audit-keep",
            scope = ScopeType.INHERIT,
            paramLabel = "N",
            description = "Older audit log files kept ($BINDSMITH_AUDIT_KEEP, default 10).")
    String auditKeep;

    /** The environment with every backend flag given laid over it, under its variable's name. */
    Map<String, String> backendVariables(Map<String, String> env) {
        Map<String, String> vars = new HashMap<>(env);
        put(vars, BackendSettings.BACKEND, backend);
        put(vars, BackendSettings.RNDC_CONF, rndcConf);
        put(vars, BackendSettings.RNDC_KEY_FILE, keyFile);
        if (allowWeakRndcAlgorithms) {
            vars.put(BackendSettings.RNDC_ALLOW_WEAK_ALGORITHMS, "true");
        }
        put(vars, BackendSettings.RNDC_SERVER, server);
        put(vars, BackendSettings.ZONE_DIR, zoneDir);
        put(vars, BackendSettings.DATA_DIR, dataDir);
        put(vars, BackendSettings.DNS_ADDRESS, dnsAddress);
        put(vars, BackendSettings.DNS_PORT, dnsPort);
        put(vars, BackendSettings.CATALOG_ZONE, catalogZone);
        put(vars, BackendSettings.CATALOG_MOVE_FROM, catalogMoveFrom);
        put(vars, BackendSettings.SECONDARIES, secondaries);
        put(vars, BackendSettings.AUDIT_LOG, auditLog);
        put(vars, BackendSettings.AUDIT_MAX_BYTES, auditMaxBytes);
        put(vars, BackendSettings.AUDIT_KEEP, auditKeep);
        return vars;
    }

    /** --token, else $BINDSMITH_TOKEN. */
    Optional<String> token(Map<String, String> env) {
        return Optional.ofNullable(token)
                .or(() -> Optional.ofNullable(env.get("BINDSMITH_TOKEN")))
                .filter(t -> !t.isBlank());
    }

    boolean json() {
        return output == Output.json;
    }

    private static void put(Map<String, String> vars, String name, Object value) {
        if (value != null) {
            vars.put(name, value.toString());
        }
    }
}
