package dev.bindsmith.embedded;

import dev.bindsmith.core.net.IpAddresses;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.validation.AddressRules;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.file.AtomicFiles;
import dev.bindsmith.dns.record.DnsRecords;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TTL;

/**
 * The data directory: for each zone a master file {@code <zone>.db} and a zone statement
 * {@code <zone>.zone} (type, file, options, and whether the server serves it: the embedded
 * server's counterpart of named's added-zone database). Every write is atomic ({@link AtomicFiles}).
 * Every path derived here comes from a validated
 * {@link ZoneName}, so none leaves the directory; a {@code file} that addzone was given is used as
 * given, as named does.
 */
final class ZoneFiles {
    static final String MASTER_SUFFIX = ".db";
    static final String STATEMENT_SUFFIX = ".zone";
    private static final Pattern DOLLAR_TTL = Pattern.compile("(?m)^\\$TTL\\s+(\\S+)");
    private static final long FALLBACK_TTL = 3600;

    private final Path dir;
    private final String dirPrefix;

    ZoneFiles(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        String text = this.dir.toString();
        this.dirPrefix = text.endsWith("/") ? text : text + "/";
    }

    Path dir() {
        return dir;
    }

    Path masterFile(ZoneName zone) {
        return inside(stem(zone) + MASTER_SUFFIX);
    }

    /**
     * {@link #masterFile}'s path as text, by concatenation: a stem names no other directory (no zone
     * name holds a slash), so the path needs no resolving; a start compares 100 000 of them.
     */
    String masterFileName(ZoneName zone) {
        return dirPrefix + stem(zone) + MASTER_SUFFIX;
    }

    Path statementFile(ZoneName zone) {
        return inside(stem(zone) + STATEMENT_SUFFIX);
    }

    Path journalFile(ZoneName zone) {
        return inside(stem(zone) + MASTER_SUFFIX + JournalFiles.SUFFIX);
    }

    /** The longest name derived from a stem: {@code <stem>.db.jnl}. */
    private static final int LONGEST_SUFFIX = (MASTER_SUFFIX + JournalFiles.SUFFIX).length();

    private static final int MAX_FILE_NAME = 255;
    private static final int LONG_NAME_PREFIX = 200;

    /**
     * The name of a zone's files without their suffix: the zone's name, or for a name too long for a
     * file name once {@code .db.jnl} is added, its first 200 characters, {@code ~} (which no zone name
     * has) and 16 hex digits of its SHA-256. Such a zone is known by the name its statement records.
     */
    static String stem(ZoneName zone) {
        if (zone.value().length() + LONGEST_SUFFIX <= MAX_FILE_NAME) {
            return zone.value();
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(zone.value().getBytes(StandardCharsets.US_ASCII));
            return zone.value().substring(0, LONG_NAME_PREFIX) + "~"
                    + java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private Path inside(String fileName) {
        Path p = dir.resolve(fileName).normalize();
        if (!p.getParent().equals(dir)) {
            throw new IllegalArgumentException("a zone file would leave the data directory");
        }
        return p;
    }

    /** Resolves a configured file: relative paths are taken from the data directory. */
    Path resolve(String file) {
        return dir.resolve(file).toAbsolutePath().normalize();
    }

    // ---- atomic writes ----

    /**
     * Writes {@code text} to {@code target} atomically ({@link AtomicFiles}), creating its directory
     * when a configured file lives in one that does not exist yet; {@code createOnly} refuses to
     * replace an existing file.
     */
    void writeAtomically(Path target, String text, boolean createOnly) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        if (createOnly) {
            AtomicFiles.createNew(target, text);
        } else {
            AtomicFiles.replace(target, text);
        }
    }

    // ---- master files ----

    /** The zone's records read from its master file, with {@code $INCLUDE} disabled. */
    ZoneContent loadMaster(ZoneName zone, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        long defaultTtl = defaultTtl(text);
        Name origin = DnsRecords.name(zone);
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(bytes), origin, defaultTtl)) {
            // $INCLUDE could read any file the process may read: a file that uses it is refused.
            master.disableIncludes(true);
            master.expandGenerate(true);
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        } catch (RuntimeException e) {
            // dnsjava's parser throws unchecked exceptions for some malformed directives ($GENERATE
            // with an empty step): a file that does not parse is an IOException like any other
            throw new IOException(
                    "the master file does not parse after " + records.size() + " records: " + e.getMessage(), e);
        }
        try {
            return ZoneContent.of(origin, records, defaultTtl);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static long defaultTtl(String text) {
        Matcher m = DOLLAR_TTL.matcher(text);
        if (m.find()) {
            try {
                return TTL.parseTTL(m.group(1));
            } catch (NumberFormatException e) {
                return FALLBACK_TTL;
            }
        }
        return FALLBACK_TTL;
    }

    /** Master-file text of a zone's content, as dnsjava presents each record (which it parses back unchanged). */
    static String renderContent(ZoneName zone, ZoneContent content) {
        StringBuilder sb = new StringBuilder();
        sb.append("; zone ").append(zone.value()).append(", written by the bindsmith embedded name server\n");
        sb.append("$ORIGIN ").append(zone.absolute()).append('\n');
        sb.append("$TTL ").append(content.defaultTtl()).append('\n');
        for (Record r : content.records()) {
            sb.append(r.toString()).append('\n');
        }
        return sb.toString();
    }

    // ---- zone statements ----

    /** A zone statement as the embedded server keeps it. */
    record Statement(ZoneName zone, ZoneConfig config, boolean served) {}

    void writeStatement(Statement statement) throws IOException {
        writeAtomically(statementFile(statement.zone()), formatStatement(statement), false);
    }

    Optional<Statement> readStatement(ZoneName zone) throws IOException {
        Path file = statementFile(zone);
        String text;
        try {
            // read first, asked after: a start reads 100 000 statements, and a stat first is one more system call each
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(parseStatement(zone, text));
    }

    /** Every zone with a statement in the directory, in the directory's order. */
    List<ZoneName> statementZones() throws IOException {
        return list().statements();
    }

    /**
     * What one listing of the data directory found: the zones with a statement (by name), the stems of
     * the statement files that name a zone, the stems of the master files, and the names of the
     * journals. The server's start lists its directory once, for all of them: with 100 000 zones
     * (200 000 files) a listing, and looking each of its names up, was a large share of the start.
     */
    record Listing(
            List<ZoneName> statements, Set<String> statementStems, List<String> masterStems, Set<String> journals) {
        /** The master files no statement beside them explains: the candidates to be held as found. */
        List<String> mastersWithoutStatement() {
            return masterStems.stream().filter(m -> !statementStems.contains(m)).toList();
        }

        /** Whether the listing saw the journal of the master file {@code file} (a path in the data directory). */
        boolean hasJournal(Path file) {
            return journals.contains(file.getFileName() + JournalFiles.SUFFIX);
        }
    }

    /** The stems of the data directory's master files (none when it does not exist). */
    List<String> masterStems() throws IOException {
        List<String> masters = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return masters;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String fileName = p.getFileName().toString();
                if (fileName.endsWith(MASTER_SUFFIX)) {
                    masters.add(fileName.substring(0, fileName.length() - MASTER_SUFFIX.length()));
                }
            }
        }
        return masters;
    }

    /**
     * The data directory, listed once (nothing when it does not exist); the statements' zones in the
     * directory's order (a start holds them in a sorted index anyway: sorting 100 000 was time lost).
     */
    Listing list() throws IOException {
        List<ZoneName> zones = new ArrayList<>();
        Set<String> statementStems = new HashSet<>();
        List<String> masters = new ArrayList<>();
        Set<String> journals = new HashSet<>();
        if (!Files.isDirectory(dir)) {
            return new Listing(zones, statementStems, masters, journals);
        }
        // unfiltered: a glob would run a regular expression on each of the names
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String fileName = p.getFileName().toString();
                if (fileName.endsWith(STATEMENT_SUFFIX)) {
                    String stem = fileName.substring(0, fileName.length() - STATEMENT_SUFFIX.length());
                    Optional<ZoneName> zone =
                            ZoneName.parse(stem).filter(z -> z.value().equals(stem));
                    if (zone.isEmpty() && stem.contains("~")) {
                        zone = recordedName(p).filter(z -> stem(z).equals(stem));
                    }
                    if (zone.isPresent()) {
                        zones.add(zone.get());
                        statementStems.add(stem);
                    }
                } else if (fileName.endsWith(MASTER_SUFFIX)) {
                    masters.add(fileName.substring(0, fileName.length() - MASTER_SUFFIX.length()));
                } else if (fileName.endsWith(JournalFiles.SUFFIX)) {
                    journals.add(fileName);
                }
            }
        }
        return new Listing(zones, statementStems, masters, journals);
    }

    /** The zone a statement names in its first line ({@code # zone <name> (bindsmith embedded)}). */
    private static Optional<ZoneName> recordedName(Path statement) {
        try (var lines = Files.lines(statement, StandardCharsets.UTF_8)) {
            return lines.findFirst()
                    .filter(l -> l.startsWith("# zone "))
                    .map(l -> l.substring("# zone ".length()).split(" ", 2)[0])
                    .flatMap(ZoneName::parse);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    static String formatStatement(Statement s) {
        ZoneOptions o = s.config().options();
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("type", s.config().type().wireName());
        lines.put("file", s.config().file().orElse(""));
        lines.put("served", s.served() ? "yes" : "no");
        lines.put("primaries", join(o.primaries()));
        lines.put("also-notify", join(o.alsoNotify()));
        lines.put("allow-transfer", join(o.allowTransfer()));
        lines.put("allow-update", join(o.allowUpdate()));
        lines.put("dnssec-policy", o.dnssecPolicy().orElse(""));
        lines.put("inline-signing", o.inlineSigning().map(b -> b ? "yes" : "no").orElse(""));
        StringBuilder sb = new StringBuilder("# zone ").append(s.zone().value()).append(" (bindsmith embedded)\n");
        lines.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    private static String join(List<?> items) {
        return items.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    static Statement parseStatement(ZoneName zone, String text) throws IOException {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IOException("malformed zone statement line");
            }
            kv.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        try {
            ZoneType type = ZoneType.parse(kv.getOrDefault("type", ""))
                    .orElseThrow(() -> new IllegalArgumentException("unknown zone type"));
            String file = kv.getOrDefault("file", "");
            ZoneOptions options = new ZoneOptions(
                    split(kv.get("primaries")).stream().map(ZoneFiles::endpoint).toList(),
                    split(kv.get("also-notify")).stream()
                            .map(ZoneFiles::endpoint)
                            .toList(),
                    split(kv.get("allow-transfer")).stream()
                            .map(ZoneFiles::match)
                            .toList(),
                    split(kv.get("allow-update")).stream().map(ZoneFiles::match).toList(),
                    Optional.ofNullable(kv.get("dnssec-policy")).filter(v -> !v.isEmpty()),
                    Optional.ofNullable(kv.get("inline-signing"))
                            .filter(v -> !v.isEmpty())
                            .map("yes"::equals));
            ZoneConfig config =
                    new ZoneConfig(type, file.isEmpty() ? Optional.empty() : Optional.of(file), options, "");
            return new Statement(zone, config, "yes".equals(kv.get("served")));
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed zone statement: " + e.getMessage(), e);
        }
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.split("\\s*,\\s*"));
    }

    /** {@code ip}, {@code ip:port} or {@code [v6]:port}, as {@link Endpoint#toString()} writes it: the API's own form. */
    static Endpoint endpoint(String text) {
        return AddressRules.endpoint(text).toOptional().orElseThrow(() -> new IllegalArgumentException("bad endpoint"));
    }

    /**
     * {@code any}/{@code none}/{@code localhost}/{@code localnets}, {@code key NAME}, or an address with
     * a prefix, as {@link AddressMatch#toString()} writes them. Read back as written: an element with
     * host bits set (which only the Java API can build) still loads.
     */
    static AddressMatch match(String text) {
        if (AddressMatch.BuiltIn.NAMES.contains(text)) {
            return new AddressMatch.BuiltIn(text);
        }
        if (text.startsWith("key ")) {
            return new AddressMatch.Key(text.substring(4).trim());
        }
        int slash = text.indexOf('/');
        InetAddress address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("not an IP address"));
        return new AddressMatch.Cidr(
                address, slash < 0 ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text.substring(slash + 1))));
    }
}
