package dev.bindsmith.rndc.bind;

import dev.bindsmith.core.net.IpAddresses;
import dev.bindsmith.core.net.IpNetwork;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.KeyNames;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.conf.ConfLexer;
import dev.bindsmith.dns.conf.ConfSyntaxException;
import dev.bindsmith.dns.conf.ConfToken;
import dev.bindsmith.dns.conf.ConfToken.Kind;
import dev.bindsmith.dns.conf.ZoneDirective;
import dev.bindsmith.dns.conf.ZoneStatements;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The body of a zone statement ({@code { type primary; file "…"; … };}) as an ordered list of
 * directives, each kept as exact text. Built either from a {@link ZoneConfig} (for addzone, by
 * {@link ZoneStatements}) or from named's own {@code showzone} text (for modzone), so that a
 * modification rewrites only the directives it changes and keeps every other one, unknown ones and
 * nested braces included, byte for byte. Typed values ({@link #toConfig}) are read from the text on
 * demand.
 */
final class ZoneStatement {

    /** The zone statement names a type bindsmith does not manage (stub, forward, mirror …). */
    static final class UnsupportedType extends Exception {
        UnsupportedType(String type) {
            super(type, null, false, false);
        }
    }

    private final String zoneName;
    private final List<ZoneDirective> directives;

    private ZoneStatement(String zoneName, List<ZoneDirective> directives) {
        this.zoneName = zoneName;
        this.directives = List.copyOf(directives);
    }

    List<ZoneDirective> directives() {
        return directives;
    }

    /** The zone's name as the statement spells it ({@code ""} for one rendered from a config). */
    String zoneName() {
        return zoneName;
    }

    /** The directives for {@code config}, as {@link ZoneStatements} writes them. */
    static ZoneStatement of(ZoneConfig config) {
        return new ZoneStatement("", ZoneStatements.directives(config));
    }

    /** {@code { <directive> <directive> … };}: what follows the zone name in addzone and modzone. */
    String body() {
        return ZoneStatements.body(directives);
    }

    // ---- parsing named's showzone text ----

    /** Parses {@code zone "<name>" [class] { … };} as named's showzone prints it. */
    static ZoneStatement parse(String text) throws ConfSyntaxException {
        List<ConfToken> all = ConfLexer.lex(text);
        List<ConfToken> t = all.subList(0, all.size() - 1);
        if (t.size() < 4
                || !t.get(0).is(Kind.WORD)
                || !t.get(0).text().equalsIgnoreCase("zone")
                || !t.get(1).isValue()) {
            throw new ConfSyntaxException(all.get(0), "not a zone statement");
        }
        int open = 2;
        if (t.get(open).is(Kind.WORD)) {
            open++; // the class (IN, CH, HS)
        }
        if (open >= t.size() || !t.get(open).is(Kind.OPEN)) {
            throw new ConfSyntaxException(all.get(open), "expected '{' after the zone name");
        }
        int close = ConfLexer.matchingClose(t, open);
        boolean terminated = close + 1 < t.size() && t.get(close + 1).is(Kind.SEMI);
        if (close + (terminated ? 2 : 1) != t.size()) {
            throw new ConfSyntaxException(all.get(close + (terminated ? 2 : 1)), "text after the zone statement");
        }
        List<ZoneDirective> directives = new ArrayList<>();
        for (List<ConfToken> item : ConfLexer.items(t, open + 1, close)) {
            ConfToken first = item.get(0);
            if (!first.is(Kind.WORD)) {
                throw new ConfSyntaxException(first, "a statement must start with a word");
            }
            directives.add(new ZoneDirective(
                    first.text().toLowerCase(Locale.ROOT),
                    text.substring(first.start(), item.get(item.size() - 1).end())));
        }
        return new ZoneStatement(t.get(1).text(), directives);
    }

    // ---- typed view ----

    /** The typed configuration; elements bindsmith does not model (negations, named ACLs …) are left out. */
    ZoneConfig toConfig(String raw) throws UnsupportedType {
        String type = value("type").orElse("");
        ZoneType zoneType = switch (type.toLowerCase(Locale.ROOT)) {
            case "primary", "master" -> ZoneType.PRIMARY;
            case "secondary", "slave" -> ZoneType.SECONDARY;
            default -> throw new UnsupportedType(type.isEmpty() ? "(none)" : type);
        };
        Optional<String> policy = value("dnssec-policy").filter(KeyNames::isValid);
        Optional<Boolean> inline = value("inline-signing").flatMap(ZoneStatement::yesNo);
        List<Endpoint> primaries = first("primaries")
                .or(() -> first("masters"))
                .map(ZoneStatement::endpoints)
                .orElse(List.of());
        ZoneOptions options = new ZoneOptions(
                primaries,
                first("also-notify").map(ZoneStatement::endpoints).orElse(List.of()),
                first("allow-transfer").map(ZoneStatement::matches).orElse(List.of()),
                first("allow-update").map(ZoneStatement::matches).orElse(List.of()),
                policy,
                inline);
        return new ZoneConfig(zoneType, value("file"), options, raw);
    }

    private Optional<ZoneDirective> first(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The value of a one-value directive ({@code file "x";}, {@code type primary;}). */
    Optional<String> value(String name) {
        return first(name).flatMap(d -> {
            List<ConfToken> t = lexQuietly(d.text());
            return t.size() == 3 && t.get(1).isValue() && t.get(2).is(Kind.SEMI)
                    ? Optional.of(t.get(1).text())
                    : Optional.empty();
        });
    }

    private static Optional<Boolean> yesNo(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1" -> Optional.of(true);
            case "no", "false", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** The elements of {@code name { e1; e2; };} as token lists without their {@code ;}, with their exact text. */
    record Element(String text, List<ConfToken> tokens) {}

    static List<Element> elements(ZoneDirective d) {
        List<ConfToken> t = lexQuietly(d.text());
        if (t.size() < 4 || !t.get(1).is(Kind.OPEN)) {
            return List.of();
        }
        try {
            int close = ConfLexer.matchingClose(t, 1);
            List<Element> out = new ArrayList<>();
            for (List<ConfToken> item : ConfLexer.items(t, 2, close)) {
                List<ConfToken> body = item.subList(0, item.size() - 1);
                out.add(new Element(
                        d.text()
                                .substring(
                                        body.get(0).start(),
                                        body.get(body.size() - 1).end()),
                        List.copyOf(body)));
            }
            return out;
        } catch (ConfSyntaxException e) {
            return List.of();
        }
    }

    private static List<Endpoint> endpoints(ZoneDirective d) {
        List<Endpoint> out = new ArrayList<>();
        for (Element e : elements(d)) {
            endpoint(e.tokens()).ifPresent(out::add);
        }
        return out;
    }

    private static List<AddressMatch> matches(ZoneDirective d) {
        List<AddressMatch> out = new ArrayList<>();
        for (Element e : elements(d)) {
            match(e.tokens()).ifPresent(out::add);
        }
        return out;
    }

    /** {@code ip} or {@code ip port N}; anything else ({@code key}, {@code tls}, a named list) is not modelled. */
    static Optional<Endpoint> endpoint(List<ConfToken> t) {
        if (t.isEmpty() || !t.get(0).is(Kind.WORD)) {
            return Optional.empty();
        }
        Optional<InetAddress> ip = IpAddresses.parse(t.get(0).text());
        if (ip.isEmpty()) {
            return Optional.empty();
        }
        if (t.size() == 1) {
            return Optional.of(new Endpoint(ip.get(), OptionalInt.empty()));
        }
        if (t.size() == 3
                && t.get(1).text().equalsIgnoreCase("port")
                && t.get(2).is(Kind.WORD)) {
            OptionalInt port = port(t.get(2).text());
            if (port.isPresent()) {
                return Optional.of(new Endpoint(ip.get(), port));
            }
        }
        return Optional.empty();
    }

    /** A network ({@code /32} and {@code /128} read as the host itself), a key, or a built-in ACL. */
    static Optional<AddressMatch> match(List<ConfToken> t) {
        if (t.size() == 2
                && t.get(0).is(Kind.WORD)
                && t.get(0).text().equals("key")
                && t.get(1).isValue()) {
            return KeyNames.isValid(t.get(1).text())
                    ? Optional.of(new AddressMatch.Key(t.get(1).text()))
                    : Optional.empty();
        }
        if (t.size() != 1 || !t.get(0).isValue()) {
            return Optional.empty();
        }
        String v = t.get(0).text();
        if (AddressMatch.BuiltIn.NAMES.contains(v)) {
            return Optional.of(new AddressMatch.BuiltIn(v));
        }
        if (!t.get(0).is(Kind.WORD)) {
            return Optional.empty(); // a quoted name other than a built-in: a named ACL
        }
        // named prints a host as /32 or /128: the same host a bare address names
        return IpNetwork.parse(v)
                .map(n -> new AddressMatch.Cidr(
                        n.address(), n.isHost() ? OptionalInt.empty() : OptionalInt.of(n.prefixLength())));
    }

    /** A port 1–65535 in plain decimal. */
    private static OptionalInt port(String s) {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        int v = Integer.parseInt(s);
        return v >= 1 && v <= 65535 ? OptionalInt.of(v) : OptionalInt.empty();
    }

    /** The tokens of one directive's text, without the end; none when it does not lex. */
    private static List<ConfToken> lexQuietly(String text) {
        try {
            List<ConfToken> all = ConfLexer.lex(text);
            return all.subList(0, all.size() - 1);
        } catch (ConfSyntaxException e) {
            return List.of();
        }
    }

    // ---- modification ----

    /**
     * The statement with the patch applied: an absent field keeps its directive as named printed
     * it; a present list replaces every directive of that name (so none is ever duplicated), or
     * removes it when empty. {@code allowUpdate} replaces the address elements and keeps the key
     * elements already there.
     */
    ZoneStatement patched(ZonePatch patch) {
        ZoneStatement s = this;
        if (patch.alsoNotify().isPresent()) {
            List<Endpoint> v = patch.alsoNotify().get();
            s = s.replace(
                    "also-notify",
                    v.isEmpty() ? Optional.empty() : Optional.of(ZoneStatements.endpoints("also-notify", v)));
        }
        if (patch.allowTransfer().isPresent()) {
            List<AddressMatch> v = patch.allowTransfer().get();
            s = s.replace(
                    "allow-transfer",
                    v.isEmpty() ? Optional.empty() : Optional.of(ZoneStatements.addressMatches("allow-transfer", v)));
        }
        if (patch.allowUpdate().isPresent()) {
            Set<String> elements = new LinkedHashSet<>();
            s.directives.stream()
                    .filter(d -> d.name().equals("allow-update"))
                    .flatMap(d -> elements(d).stream())
                    .filter(e -> e.tokens().get(0).is(Kind.WORD)
                            && e.tokens().get(0).text().equals("key"))
                    .forEach(e -> elements.add(e.text()));
            patch.allowUpdate().get().forEach(m -> elements.add(ZoneStatements.element(m)));
            s = s.replace(
                    "allow-update",
                    elements.isEmpty()
                            ? Optional.empty()
                            : Optional.of(ZoneStatements.list("allow-update", List.copyOf(elements))));
        }
        return s;
    }

    /** Replaces the first directive called {@code name} (or appends), and drops any further ones. */
    private ZoneStatement replace(String name, Optional<ZoneDirective> replacement) {
        List<ZoneDirective> out = new ArrayList<>();
        boolean placed = false;
        for (ZoneDirective d : directives) {
            if (!d.name().equals(name)) {
                out.add(d);
            } else if (!placed) {
                replacement.ifPresent(out::add);
                placed = true;
            }
        }
        if (!placed) {
            replacement.ifPresent(out::add);
        }
        return new ZoneStatement(zoneName, out);
    }
}
