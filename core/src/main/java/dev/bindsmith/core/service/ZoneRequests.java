package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.validation.AddressRules;
import dev.bindsmith.core.validation.NameRules;
import dev.bindsmith.core.validation.NumberRules;
import dev.bindsmith.core.validation.Parsed;
import dev.bindsmith.core.validation.RecordDataParser;
import dev.bindsmith.core.validation.RecordRules;
import dev.bindsmith.core.validation.TextRules;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.validation.ZoneContentRules;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.Soa;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.core.zone.ZoneType;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns requests as clients sent them into validated values, reporting every violation of a request
 * at once: Ok with the value, Invalid (400) when anything is malformed, Unprocessable (422) when it
 * is well-formed but semantically wrong.
 */
public final class ZoneRequests {
    /** Names are resolved against this while the request's own zone name is invalid, so that the rest is still judged. */
    private static final ZoneName PLACEHOLDER = ZoneName.of("zone.invalid");

    private static final String WRITABLE = Arrays.stream(RecordType.values())
            .filter(RecordType::writable)
            .map(RecordType::name)
            .collect(Collectors.joining(", "));

    private ZoneRequests() {}

    /** A create request into a zone spec; an absent SOA serial becomes today's YYYYMMDD01 by {@code clock} (UTC). */
    public static Outcome<ZoneSpec> validate(ZoneRequest request, Clock clock) {
        List<Violation> violations = new ArrayList<>();

        Optional<ZoneName> zoneName = required(request.zoneName(), "zoneName", violations)
                .flatMap(raw -> accept(NameRules.zoneName(raw), "zoneName", violations));
        Optional<ZoneType> zoneType = required(request.zoneType(), "zoneType", violations)
                .flatMap(raw -> accept(
                        ZoneType.parse(raw)
                                .<Parsed<ZoneType>>map(Parsed::of)
                                .orElseGet(() -> Parsed.malformed(
                                        "zoneType must be 'primary' or 'secondary' (got " + TextRules.show(raw)
                                                + "); the older names master and slave are not accepted")),
                        "zoneType",
                        violations));
        request.catalogGroup()
                .flatMap(dev.bindsmith.core.catalog.CatalogIds::groupProblem)
                .ifPresent(problem -> violations.add(Violation.malformed("catalogGroup", problem)));
        List<AddressMatch> allowUpdate = request.updateKeyName()
                .flatMap(raw -> accept(NameRules.keyName("updateKeyName", raw), "updateKeyName", violations))
                .<List<AddressMatch>>map(k -> List.of(new AddressMatch.Key(k)))
                .orElse(List.of());

        Map<String, String> context =
                zoneName.map(z -> Map.of("zone", z.value())).orElse(Map.of());
        Optional<ZoneConfigRequest> configOrEmpty = required(request.zoneConfig(), "zoneConfig", violations);
        if (configOrEmpty.isEmpty()) {
            return Outcome.invalid(violations, context);
        }
        ZoneConfigRequest config = configOrEmpty.get();
        ZoneName zone = zoneName.orElse(PLACEHOLDER);
        boolean zoneKnown = zoneName.isPresent();

        OptionalLong ttl = OptionalLong.empty();
        if (config.ttl().isEmpty()) {
            violations.add(Violation.missing("zoneConfig.ttl"));
        } else {
            ttl = toOptionalLong(accept(NumberRules.ttl(config.ttl().getAsLong()), "zoneConfig.ttl", violations));
        }

        // a secondary's SOA and name servers are placeholders that are never written (its data comes by
        // transfer), so only their grammar is checked, not named's host-name rules for written zones
        boolean written = zoneType.orElse(ZoneType.PRIMARY) == ZoneType.PRIMARY;
        Optional<Soa> soa = required(config.soa(), "zoneConfig.soa", violations)
                .flatMap(s -> soa(s, zone, written, clock, violations));

        int beforeContent = violations.size();
        List<ZoneContentRules.Entry> entries = new ArrayList<>();
        List<DomainName> nameServers = new ArrayList<>();
        for (int i = 0; i < config.nameServers().size(); i++) {
            String field = "zoneConfig.nameServers[" + i + "]";
            String raw = config.nameServers().get(i);
            Optional<DomainName> host = accept(
                    written ? NameRules.hostName(raw, zone) : NameRules.resolve(raw, zone, false), field, violations);
            host.ifPresent(h -> {
                nameServers.add(h);
                entries.add(new ZoneContentRules.Entry(field, Record.of(zone.apex(), new RData.Ns(h))));
            });
        }

        List<Record> glue = new ArrayList<>();
        List<Map.Entry<String, String>> glueEntries = config.nameServerIps().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .toList();
        List<ZoneContentRules.Entry> glueChecked = new ArrayList<>();
        for (Map.Entry<String, String> e : glueEntries) {
            String field = "zoneConfig.nameServerIps[" + quoteKey(e.getKey()) + "]";
            Optional<DomainName> host = accept(NameRules.resolve(e.getKey(), zone, false), field, violations);
            Optional<InetAddress> address = accept(AddressRules.ip(e.getValue()), field, violations);
            if (host.isPresent() && address.isPresent()) {
                RData data = switch (address.get()) {
                    case Inet4Address v4 -> new RData.A(v4);
                    case Inet6Address v6 -> new RData.Aaaa(v6);
                    default -> throw new IllegalStateException("an address is IPv4 or IPv6");
                };
                Record record = Record.of(host.get(), data);
                if (!NameRules.isHostName(host.get(), false)) {
                    violations.add(
                            Violation.semantic(
                                    field,
                                    TextRules.show(e.getKey()) + " is not a host name (letters,"
                                            + " digits, hyphens; no underscore); named's check-names refuses an address record for it"));
                }
                glueChecked.add(new ZoneContentRules.Entry(field, record));
            }
        }
        glueChecked.stream()
                .sorted(Comparator.comparing(
                                (ZoneContentRules.Entry g) -> g.record().owner())
                        .thenComparing(ZoneContentRules.Entry::field))
                .forEach(g -> glue.add(g.record()));
        entries.addAll(glueChecked);

        List<Record> records = new ArrayList<>();
        for (int i = 0; i < config.records().size(); i++) {
            String field = "zoneConfig.records[" + i + "]";
            record(config.records().get(i), zone, zoneKnown, field, violations).ifPresent(r -> {
                records.add(r);
                entries.add(new ZoneContentRules.Entry(field, r));
            });
        }

        // the rules on records together speak only when every name server, glue entry and record was read:
        // a glue address that did not parse must not also be reported as a name server without an address
        boolean contentRead = violations.size() == beforeContent;
        List<Endpoint> primaries = endpoints(config.primaries(), "zoneConfig.primaries", violations);
        List<Endpoint> alsoNotify = endpoints(config.alsoNotify(), "zoneConfig.alsoNotify", violations);
        List<AddressMatch> allowTransfer = matches(config.allowTransfer(), "zoneConfig.allowTransfer", violations);
        Optional<String> dnssecPolicy = config.dnssecPolicy()
                .flatMap(p ->
                        accept(NameRules.keyName("zoneConfig.dnssecPolicy", p), "zoneConfig.dnssecPolicy", violations));

        if (zoneType.orElse(null) == ZoneType.SECONDARY && config.primaries().isEmpty()) {
            violations.add(Violation.malformed(
                    "zoneConfig.primaries",
                    "A secondary zone needs at least one primary to"
                            + " transfer from: list it in zoneConfig.primaries (192.0.2.1 or 192.0.2.1:5353)"));
        }
        if (zoneType.orElse(null) == ZoneType.PRIMARY && zoneKnown && contentRead) {
            violations.addAll(ZoneContentRules.coexistence(entries));
            violations.addAll(ZoneContentRules.nameServers(zone, entries, "zoneConfig.nameServers"));
        }

        if (!violations.isEmpty()) {
            return Outcome.invalid(violations, context);
        }
        // primaries of a primary zone are validated but not used, as in the reference: BIND has no use for them
        ZoneOptions options = new ZoneOptions(
                zoneType.get() == ZoneType.SECONDARY ? primaries : List.of(),
                alsoNotify,
                allowTransfer,
                allowUpdate,
                dnssecPolicy,
                config.inlineSigning());
        return new Outcome.Ok<>(
                new ZoneSpec(zone, zoneType.get(), ttl.getAsLong(), soa.get(), nameServers, glue, records, options));
    }

    /** A modify request into a zone patch; a request that names no field is Invalid. */
    public static Outcome<ZonePatch> validate(ZonePatchRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (request.alsoNotify().isEmpty()
                && request.allowTransfer().isEmpty()
                && request.allowUpdate().isEmpty()) {
            violations.add(Violation.malformed(
                    "body", "At least one field (alsoNotify, allowTransfer, or allowUpdate) must be provided"));
            return Outcome.invalid(violations);
        }
        Optional<List<Endpoint>> alsoNotify = request.alsoNotify().map(l -> endpoints(l, "alsoNotify", violations));
        Optional<List<AddressMatch>> allowTransfer =
                request.allowTransfer().map(l -> matches(l, "allowTransfer", violations));
        Optional<List<AddressMatch>> allowUpdate =
                request.allowUpdate().map(l -> matches(l, "allowUpdate", violations));
        if (!violations.isEmpty()) {
            return Outcome.invalid(violations);
        }
        return new Outcome.Ok<>(new ZonePatch(alsoNotify, allowTransfer, allowUpdate));
    }

    /**
     * One record of {@code zone}: the owner resolved ({@code @}, relative or absolute inside the zone),
     * the data parsed for its type. {@code field} prefixes violation paths ({@code zoneConfig.records[2]}).
     */
    public static Outcome<Record> validate(RecordRequest request, ZoneName zone, String field) {
        List<Violation> violations = new ArrayList<>();
        Optional<Record> record = record(request, zone, true, field, violations);
        if (!violations.isEmpty()) {
            return Outcome.invalidRecord(violations, Map.of("zone", zone.value()));
        }
        return new Outcome.Ok<>(record.orElseThrow());
    }

    private static Optional<Record> record(
            RecordRequest request, ZoneName zone, boolean zoneKnown, String field, List<Violation> violations) {
        int before = violations.size();
        String nameField = join(field, "name");
        String typeField = join(field, "type");
        String valueField = join(field, "value");
        String priorityField = join(field, "priority");

        Optional<DomainName> owner = required(request.name(), nameField, violations)
                .flatMap(raw -> accept(
                        zoneKnown ? NameRules.ownerName(raw, zone) : NameRules.resolve(raw, zone, true),
                        nameField,
                        violations));
        Optional<RecordType> type = required(request.type(), typeField, violations)
                .flatMap(raw -> accept(
                        RecordType.parse(raw)
                                .filter(RecordType::writable)
                                .<Parsed<RecordType>>map(Parsed::of)
                                .orElseGet(() -> Parsed.malformed("Invalid record type: " + TextRules.show(raw)
                                        + "; supported types are " + WRITABLE)),
                        typeField,
                        violations));
        Optional<String> value = required(request.value(), valueField, violations);
        if (request.ttl().isPresent()) {
            accept(NumberRules.ttl(request.ttl().getAsLong()), join(field, "ttl"), violations);
        }

        Optional<String> data = value;
        if (request.priority().isPresent() && type.isPresent()) {
            long priority = request.priority().getAsLong();
            RecordType t = type.get();
            if (t != RecordType.MX && t != RecordType.SRV) {
                violations.add(Violation.malformed(
                        priorityField,
                        "priority applies only to MX and SRV records; a " + t.name()
                                + " record carries all its data in value"));
                data = Optional.empty();
            } else if (priority < 0 || priority > 65535) {
                violations.add(Violation.semantic(priorityField, "priority must be between 0 and 65535"));
                data = Optional.empty();
            } else if (value.isPresent()) {
                int words = value.get().strip().split(" +").length;
                int expected = t == RecordType.MX ? 1 : 3;
                if (words != expected) {
                    violations.add(Violation.malformed(
                            valueField,
                            t == RecordType.MX
                                    ? "With priority given, an MX value is the exchange alone (mail.example.com.); or send"
                                            + " '<preference> <exchange>' in value without priority"
                                    : "With priority given, an SRV value is '<weight> <port> <target>' (5 5060 sip.example.com.);"
                                            + " or send all four fields in value without priority"));
                    data = Optional.empty();
                } else {
                    data = Optional.of(priority + " " + value.get().strip());
                }
            }
        }
        Optional<RData> rdata = Optional.empty();
        if (type.isPresent() && data.isPresent()) {
            rdata = accept(RecordDataParser.parse(type.get(), data.get(), zone), valueField, violations);
        }
        if (violations.size() > before || owner.isEmpty() || rdata.isEmpty()) {
            return Optional.empty();
        }
        Record record = new Record(owner.get(), request.ttl(), rdata.get());
        if (zoneKnown) {
            violations.addAll(RecordRules.check(record, zone, field));
        }
        return violations.size() > before ? Optional.empty() : Optional.of(record);
    }

    private static Optional<Soa> soa(
            SoaRequest soa, ZoneName zone, boolean written, Clock clock, List<Violation> violations) {
        Optional<DomainName> primaryNs = required(soa.primaryNs(), "zoneConfig.soa.primaryNs", violations)
                .flatMap(raw -> accept(
                        written ? NameRules.hostName(raw, zone) : NameRules.resolve(raw, zone, false),
                        "zoneConfig.soa.primaryNs",
                        violations));
        Optional<DomainName> admin = required(soa.adminEmail(), "zoneConfig.soa.adminEmail", violations)
                .flatMap(raw -> accept(mailbox(raw, zone, written), "zoneConfig.soa.adminEmail", violations));
        OptionalLong serial = soa.serial().isPresent()
                ? toOptionalLong(
                        accept(NumberRules.serial(soa.serial().getAsLong()), "zoneConfig.soa.serial", violations))
                : OptionalLong.of(NumberRules.defaultSerial(clock));
        OptionalLong refresh = timer("refresh", soa.refresh(), Soa.DEFAULT_REFRESH, violations);
        OptionalLong retry = timer("retry", soa.retry(), Soa.DEFAULT_RETRY, violations);
        OptionalLong expire = timer("expire", soa.expire(), Soa.DEFAULT_EXPIRE, violations);
        OptionalLong negativeTtl = timer("negativeTtl", soa.negativeTtl(), Soa.DEFAULT_NEGATIVE_TTL, violations);
        if (refresh.isPresent() && retry.isPresent() && expire.isPresent()) {
            NumberRules.soaTimersProblem(refresh.getAsLong(), retry.getAsLong(), expire.getAsLong())
                    .ifPresent(p -> violations.add(Violation.semantic("zoneConfig.soa.expire", p)));
        }
        if (primaryNs.isEmpty()
                || admin.isEmpty()
                || serial.isEmpty()
                || refresh.isEmpty()
                || retry.isEmpty()
                || expire.isEmpty()
                || negativeTtl.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Soa(
                primaryNs.get(),
                admin.get(),
                serial.getAsLong(),
                refresh.getAsLong(),
                retry.getAsLong(),
                expire.getAsLong(),
                negativeTtl.getAsLong()));
    }

    private static Parsed<DomainName> mailbox(String raw, ZoneName zone, boolean written) {
        Parsed<DomainName> mailbox = NameRules.mailbox(raw, zone);
        if (!written && mailbox instanceof Parsed.Problem<DomainName> p && p.kind() == Violation.Kind.SEMANTIC) {
            return NameRules.resolve(raw, zone, false);
        }
        return mailbox;
    }

    private static OptionalLong timer(String name, OptionalLong given, long fallback, List<Violation> violations) {
        long value = given.orElse(fallback);
        return toOptionalLong(accept(NumberRules.soaTimer(name, value), "zoneConfig.soa." + name, violations));
    }

    private static List<Endpoint> endpoints(List<String> raw, String field, List<Violation> violations) {
        return each(raw, field, AddressRules::endpoint, violations);
    }

    private static List<AddressMatch> matches(List<String> raw, String field, List<Violation> violations) {
        return each(raw, field, AddressRules::addressMatch, violations);
    }

    private static <T> List<T> each(
            List<String> raw, String field, Function<String, Parsed<T>> rule, List<Violation> violations) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            accept(rule.apply(raw.get(i)), field + "[" + i + "]", violations).ifPresent(out::add);
        }
        return out;
    }

    private static <T> Optional<T> required(Optional<T> value, String field, List<Violation> violations) {
        if (value.isEmpty()) {
            violations.add(Violation.missing(field));
        }
        return value;
    }

    private static <T> Optional<T> accept(Parsed<T> parsed, String field, List<Violation> violations) {
        parsed.violation(field).ifPresent(violations::add);
        return parsed.toOptional();
    }

    private static OptionalLong toOptionalLong(Optional<Long> value) {
        return value.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** A map key inside a field path, quoted and escaped so that a hostile key cannot forge the path. */
    private static String quoteKey(String key) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < Math.min(key.length(), 80); i++) {
            char c = key.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(key.length() > 80 ? "…\"" : "\"").toString();
    }

    private static String join(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }
}
