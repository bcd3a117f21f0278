package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bindsmith.core.net.IpNetwork;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.http.access.Access;
import dev.bindsmith.http.access.Caller;
import dev.bindsmith.http.access.Grant;
import dev.bindsmith.http.access.Operation;
import dev.bindsmith.http.access.ScopedToken;
import dev.bindsmith.http.access.TokensFile;
import dev.bindsmith.http.access.ZonePattern;
import dev.bindsmith.http.audit.AuditEntry;
import dev.bindsmith.http.audit.AuditLog;
import dev.bindsmith.http.audit.FileAuditLog;
import dev.bindsmith.wiring.BackendConfigurationException;
import dev.bindsmith.wiring.BackendSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bindsmith token …}: the scoped tokens of the tokens file ({@code BINDSMITH_TOKENS_FILE} or
 * {@code --tokens-file}), edited on this machine; a running server re-reads the file when it changes.
 * A new token is shown once and only its SHA-256 is kept. Creating and revoking are written to the audit
 * log first (a change that cannot be recorded is not made).
 */
@Command(
        name = "token",
        description = "Create, list and revoke the scoped API tokens of the tokens file (BINDSMITH_TOKENS_FILE).")
final class TokenCommands implements Runnable {
    static final String TOKENS_FILE = "BINDSMITH_TOKENS_FILE";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing token command: create, list or revoke");
    }

    /** The tokens file of {@code --tokens-file}, else the variable; empty (and said why) when neither is given. */
    static Optional<Path> file(Cli cli, Path option) {
        if (option != null) {
            return Optional.of(option.toAbsolutePath());
        }
        String v = cli.env().get(TOKENS_FILE);
        if (v == null || v.isBlank()) {
            cli.err().println("bindsmith: give the tokens file with --tokens-file or " + TOKENS_FILE);
            return Optional.empty();
        }
        return Optional.of(Path.of(v.strip()).toAbsolutePath());
    }

    /** What a token may do, as its listing and its audit entry show it (never its digest). */
    static Map<String, Object> describe(ScopedToken t, Instant now) {
        var map = new LinkedHashMap<String, Object>();
        map.put("name", t.name());
        map.put("access", t.grant().access().wireName());
        map.put("zones", t.grant().zones().stream().map(ZonePattern::text).toList());
        map.put(
                "recordTypes",
                t.grant().recordTypes().stream()
                        .sorted(java.util.Comparator.comparing(Enum::name))
                        .map(Enum::name)
                        .toList());
        map.put(
                "allowFrom",
                t.grant().allowFrom().stream().map(Object::toString).toList());
        map.put("expires", t.grant().expires().map(Instant::toString).orElse(null));
        map.put("expired", t.grant().expiredAt(now));
        map.put("created", t.created().map(Instant::toString).orElse(null));
        return map;
    }

    /**
     * Makes a change to the tokens file recorded: the audit log must be writable first, then the change
     * is made, then its entry written. Returns the exit code.
     */
    static <T> int recorded(
            Cli cli,
            Operation op,
            Path file,
            Function<List<ScopedToken>, TokensFile.Change<T>> change,
            Function<T, Optional<Map<String, Object>>> entryDetails,
            Function<T, Integer> report) {
        BackendSettings settings;
        try {
            settings = cli.backendSettings();
        } catch (BackendConfigurationException e) {
            cli.err().println("bindsmith: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        BackendSettings.Audit where = settings.audit();
        try (AuditLog audit = FileAuditLog.open(where.file(), where.maxBytes(), where.keep())) {
            T result = TokensFile.update(file, change);
            Optional<Map<String, Object>> details = entryDetails.apply(result);
            if (details.isPresent()) {
                byte[] id = new byte[8];
                cli.random().nextBytes(id);
                Caller caller = Caller.local(cli.user(), HexFormat.of().formatHex(id));
                AuditEntry entry = new AuditEntry(
                        AuditEntry.newId(),
                        Clock.systemUTC().instant(),
                        caller.via(),
                        caller.token(),
                        caller.user(),
                        caller.client(),
                        caller.requestId(),
                        op.auditName().orElseThrow(),
                        Optional.empty(),
                        OptionalLong.empty(),
                        OptionalLong.empty(),
                        List.of(),
                        List.of(),
                        200,
                        "OK",
                        details.get());
                if (audit.append(entry) instanceof Outcome.Failure<AuditEntry> failure) {
                    cli.err().println("bindsmith: the tokens file was changed, but " + failure.details());
                    return ExitCodes.UNAVAILABLE;
                }
            }
            return report.apply(result);
        } catch (TokensFile.TokensFileException e) {
            cli.err().println("bindsmith: " + e.getMessage());
            return ExitCodes.ERROR;
        } catch (IOException e) {
            // FileAuditLog.open failed (nothing changed), or the tokens file could not be written
            cli.err().println("bindsmith: " + e.getMessage() + "; nothing was changed");
            return ExitCodes.UNAVAILABLE;
        }
    }

    @Command(
            name = "create",
            description = {
                "Make a new token, add its SHA-256 to the tokens file and show the token once.",
                "Without --zones it covers every zone; without --types every record type; without --allow-from"
                        + " any address; without --expires it does not expire."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  bindsmith token create --name ci --access write --zones '*.dev.example.com' \\",
                "      --types A,AAAA,TXT --expires 30d --allow-from 10.0.0.0/8",
                "  bindsmith token create --name monitoring --access read",
                "  bindsmith token create --name ops --access admin --tokens-file /etc/bindsmith/tokens.json"
            })
    static final class Create implements Callable<Integer> {
        private final Cli cli;

        @Option(
                names = "--name",
                required = true,
                paramLabel = "NAME",
                description = "What the audit log calls it (A-Z a-z 0-9 . _ -).")
        String name;

        @Option(
                names = "--access",
                required = true,
                paramLabel = "read|write|admin",
                description = "read, write (read too) or admin (everything).")
        String access;

        @Option(
                names = "--zones",
                split = ",",
                paramLabel = "PATTERN",
                description =
                        "Zones it covers: example.com, *.dev.example.com (below it) or * (comma-separated, repeatable).")
        List<String> zones = new ArrayList<>();

        @Option(
                names = "--types",
                split = ",",
                paramLabel = "TYPE",
                description = "Record types a write token may change (A,AAAA,TXT …).")
        List<String> types = new ArrayList<>();

        @Option(
                names = "--allow-from",
                split = ",",
                paramLabel = "CIDR",
                description = "Networks it may be used from (10.0.0.0/8 …).")
        List<String> allowFrom = new ArrayList<>();

        @Option(
                names = "--expires",
                paramLabel = "WHEN",
                description = "When it stops working: 30d, 12h, 2w, or an ISO-8601 instant.")
        String expires;

        @Option(
                names = "--tokens-file",
                paramLabel = "FILE",
                description = "The tokens file (default: $BINDSMITH_TOKENS_FILE).")
        Path tokensFile;

        Create(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Optional<Path> file = file(cli, tokensFile);
            if (file.isEmpty()) {
                return ExitCodes.USAGE;
            }
            List<String> problems = new ArrayList<>();
            Optional<Access> level = Access.parse(access.strip().toLowerCase(java.util.Locale.ROOT));
            if (level.isEmpty()) {
                problems.add("--access must be read, write or admin");
            }
            if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                problems.add("--name must be 1 to 64 of A-Z a-z 0-9 . _ -");
            }
            List<ZonePattern> patterns = new ArrayList<>();
            for (String z : zones) {
                ZonePattern.parse(z.strip())
                        .ifPresentOrElse(
                                patterns::add,
                                () -> problems.add("--zones: '" + z + "' is not a zone name, *.suffix or *"));
            }
            Set<RecordType> recordTypes = EnumSet.noneOf(RecordType.class);
            for (String t : types) {
                RecordType.parse(t)
                        .filter(RecordType::writable)
                        .ifPresentOrElse(
                                recordTypes::add,
                                () -> problems.add("--types: '" + t + "' is not a record type bindsmith changes"));
            }
            List<IpNetwork> networks = new ArrayList<>();
            for (String n : allowFrom) {
                IpNetwork.parse(n.strip())
                        .ifPresentOrElse(
                                networks::add,
                                () -> problems.add(
                                        "--allow-from: '" + n + "' is not an address or CIDR network (10.0.0.0/8)"));
            }
            Clock clock = Clock.systemUTC();
            Optional<Instant> until = Optional.empty();
            if (expires != null) {
                until = Durations.instant(expires, clock, true)
                        .map(i -> i.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
                if (until.isEmpty()) {
                    problems.add("--expires must be like 30d, 12h, 2w or an ISO-8601 instant");
                } else if (!until.get().isAfter(clock.instant())) {
                    problems.add("--expires is not in the future");
                }
            }
            if (level.isPresent() && level.get() == Access.ADMIN && (!patterns.isEmpty() || !recordTypes.isEmpty())) {
                problems.add("an admin token covers every zone and record type: leave out --zones and --types");
            }
            if (level.isPresent() && level.get() == Access.READ && !recordTypes.isEmpty()) {
                problems.add("--types limits what a write token changes; a read token changes nothing");
            }
            if (!problems.isEmpty()) {
                problems.forEach(p -> cli.err().println("bindsmith: " + p));
                return ExitCodes.USAGE;
            }
            byte[] secret = new byte[32];
            cli.random().nextBytes(secret);
            String token = HexFormat.of().formatHex(secret);
            ScopedToken entry = new ScopedToken(
                    name,
                    ScopedToken.sha256Of(token),
                    new Grant(level.orElseThrow(), patterns, recordTypes, networks, until),
                    Optional.of(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
            return recorded(
                    cli,
                    Operation.CREATE_TOKEN,
                    file.get(),
                    tokens -> {
                        if (tokens.stream().anyMatch(t -> t.name().equals(name))) {
                            return TokensFile.Change.keep(false);
                        }
                        List<ScopedToken> next = new ArrayList<>(tokens);
                        next.add(entry);
                        return TokensFile.Change.write(next, true);
                    },
                    added -> added ? Optional.of(describe(entry, clock.instant())) : Optional.empty(),
                    added -> {
                        if (!added) {
                            cli.err()
                                    .println("bindsmith: a token named " + name + " exists in " + file.get()
                                            + "; revoke it first or choose another name");
                            return ExitCodes.CONFLICT;
                        }
                        if (cli.global().json()) {
                            ObjectNode body = JsonNodeFactory.instance.objectNode();
                            body.put("name", name);
                            body.put("token", token);
                            body.set("grant", cli.json().valueToTree(describe(entry, clock.instant())));
                            body.put("file", file.get().toString());
                            cli.printJson(body);
                        } else {
                            cli.out()
                                    .println(
                                            "Token " + name + " added to " + file.get() + " (" + summary(entry) + ").");
                            cli.out().println("The token, shown this once (only its SHA-256 is kept):");
                            cli.out().println("  " + token);
                        }
                        return ExitCodes.SUCCESS;
                    });
        }
    }

    static String summary(ScopedToken t) {
        Grant g = t.grant();
        List<String> parts = new ArrayList<>();
        parts.add(g.access().wireName() + " on "
                + (g.everyZone()
                        ? "every zone"
                        : String.join(
                                ", ", g.zones().stream().map(ZonePattern::text).toList())));
        if (!g.everyRecordType()) {
            parts.add("record types "
                    + String.join(
                            ", ",
                            g.recordTypes().stream()
                                    .sorted(java.util.Comparator.comparing(Enum::name))
                                    .map(Enum::name)
                                    .toList()));
        }
        if (!g.allowFrom().isEmpty()) {
            parts.add("from "
                    + String.join(
                            ", ", g.allowFrom().stream().map(Object::toString).toList()));
        }
        g.expires().ifPresent(e -> parts.add("expires " + e));
        return String.join("; ", parts);
    }

    @Command(
            name = "list",
            description =
                    "List the tokens of the tokens file: name, access, zones, types, networks, expiry (never the token).",
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith token list", "  bindsmith token list -o json"})
    static final class ListTokens implements Callable<Integer> {
        private final Cli cli;

        @Option(
                names = "--tokens-file",
                paramLabel = "FILE",
                description = "The tokens file (default: $BINDSMITH_TOKENS_FILE).")
        Path tokensFile;

        ListTokens(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Optional<Path> file = file(cli, tokensFile);
            if (file.isEmpty()) {
                return ExitCodes.USAGE;
            }
            List<ScopedToken> tokens;
            switch (TokensFile.read(file.get())) {
                case TokensFile.Read.Tokens ok -> tokens = ok.tokens();
                case TokensFile.Read.Problems p -> {
                    cli.err()
                            .println(
                                    "bindsmith: " + file.get() + " does not parse: " + String.join("; ", p.problems()));
                    return ExitCodes.ERROR;
                }
            }
            Instant now = Clock.systemUTC().instant();
            if (cli.global().json()) {
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                tokens.forEach(t -> list.add(cli.json().valueToTree(describe(t, now))));
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.set("tokens", list);
                body.put("count", tokens.size());
                cli.printJson(body);
                return ExitCodes.SUCCESS;
            }
            if (tokens.isEmpty()) {
                cli.out().println("No tokens in " + file.get() + ".");
                return ExitCodes.SUCCESS;
            }
            List<List<String>> rows = new ArrayList<>();
            for (ScopedToken t : tokens) {
                Grant g = t.grant();
                rows.add(List.of(
                        t.name(),
                        g.access().wireName(),
                        g.everyZone()
                                ? "*"
                                : String.join(
                                        ",",
                                        g.zones().stream()
                                                .map(ZonePattern::text)
                                                .toList()),
                        g.everyRecordType()
                                ? "*"
                                : String.join(
                                        ",",
                                        g.recordTypes().stream()
                                                .sorted(java.util.Comparator.comparing(Enum::name))
                                                .map(Enum::name)
                                                .toList()),
                        g.allowFrom().isEmpty()
                                ? "*"
                                : String.join(
                                        ",",
                                        g.allowFrom().stream()
                                                .map(Object::toString)
                                                .toList()),
                        g.expires()
                                .map(e -> e + (g.expiredAt(now) ? " (expired)" : ""))
                                .orElse("never")));
            }
            cli.out().print(HumanOutput.table(List.of("name", "access", "zones", "types", "from", "expires"), rows));
            return ExitCodes.SUCCESS;
        }
    }

    @Command(
            name = "revoke",
            description =
                    "Remove a token from the tokens file; a running server refuses it once it has re-read the file.",
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith token revoke ci"})
    static final class Revoke implements Callable<Integer> {
        private final Cli cli;

        @Parameters(paramLabel = "NAME", description = "The token's name.")
        String name;

        @Option(
                names = "--tokens-file",
                paramLabel = "FILE",
                description = "The tokens file (default: $BINDSMITH_TOKENS_FILE).")
        Path tokensFile;

        Revoke(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Optional<Path> file = file(cli, tokensFile);
            if (file.isEmpty()) {
                return ExitCodes.USAGE;
            }
            Instant now = Clock.systemUTC().instant();
            return recorded(
                    cli,
                    Operation.REVOKE_TOKEN,
                    file.get(),
                    tokens -> {
                        Optional<ScopedToken> gone = tokens.stream()
                                .filter(t -> t.name().equals(name))
                                .findFirst();
                        if (gone.isEmpty()) {
                            return TokensFile.Change.keep(gone);
                        }
                        return TokensFile.Change.write(
                                tokens.stream()
                                        .filter(t -> !t.name().equals(name))
                                        .toList(),
                                gone);
                    },
                    gone -> gone.map(t -> describe(t, now)),
                    gone -> {
                        if (gone.isEmpty()) {
                            cli.err().println("bindsmith: no token named " + name + " in " + file.get());
                            return ExitCodes.NOT_FOUND;
                        }
                        cli.out().println("Token " + name + " revoked (removed from " + file.get() + ").");
                        return ExitCodes.SUCCESS;
                    });
        }
    }
}
