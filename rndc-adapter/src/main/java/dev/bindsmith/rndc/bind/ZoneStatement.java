package dev.bindsmith.rndc.bind;

import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.KeyNames;
import dev.bindsmith.core.net.IpAddresses;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.conf.ConfLexer;
import dev.bindsmith.dns.conf.ConfSyntaxException;
import dev.bindsmith.dns.conf.ConfToken;
import dev.bindsmith.dns.conf.ConfToken.Kind;

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
 * directives, each kept as exact text. Built either from a {@link ZoneConfig} (for addzone) or from
 * named's own {@code showzone} text (for modzone), so that a modification rewrites only the
 * directives it changes and keeps every other one, unknown ones and nested braces included, byte for
 * byte. Typed values ({@link #toConfig}) are read from the text on demand.
 */
final class ZoneStatement {

    /** One statement inside the zone's braces, {@code name} lower-cased, {@code text} ending in {@code ;}. */
    record Directive(String name, String text) {
    }

    /** The zone statement names a type bindsmith does not manage (stub, forward, mirror …). */
    static final class UnsupportedType extends Exception {
        UnsupportedType(String type) {
            super(type, null, false, false);
        }
    }

    private final String zoneName;
    private final List<Directive> directives;

    private ZoneStatement(String zoneName, List<Directive> directives) {
        this.zoneName = zoneName;
        this.directives = List.copyOf(directives);
    }

    List<Directive> directives() {
        return directives;
    }

    /** The zone's name as the statement spells it ({@code ""} for one rendered from a config). */
    String zoneName() {
        return zoneName;
    }

    // ---- rendering from a config ----

    /** The directives for {@code config}, in a fixed order; unset options are left out. */
    static ZoneStatement of(ZoneConfig config) {
        List<Directive> d = new ArrayList<>();
        d.add(new Directive("type", "type " + config.type().wireName() + ";"));
        config.file().ifPresent(f -> d.add(new Directive("file", "file " + quote(f) + ";")));
        ZoneOptions o = config.options();
        if (!o.primaries().isEmpty()) {
            d.add(endpointList("primaries", o.primaries()));
        }
        if (!o.alsoNotify().isEmpty()) {
            d.add(endpointList("also-notify", o.alsoNotify()));
        }
        if (!o.allowTransfer().isEmpty()) {
            d.add(matchList("allow-transfer", o.allowTransfer()));
        }
        if (!o.allowUpdate().isEmpty()) {
            d.add(matchList("allow-update", o.allowUpdate()));
        }
        o.dnssecPolicy().ifPresent(p -> d.add(new Directive("dnssec-policy", "dnssec-policy " + quote(p) + ";")));
        o.inlineSigning().ifPresent(b -> d.add(new Directive("inline-signing",
                "inline-signing " + (b ? "yes" : "no") + ";")));
        return new ZoneStatement("", d);
    }

    /** {@code { <directive> <directive> … };}: what follows the zone name in addzone and modzone. */
    String body() {
        StringBuilder sb = new StringBuilder("{");
        for (Directive d : directives) {
            sb.append(' ').append(d.text());
        }
        return sb.append(" };").toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    static String endpoint(Endpoint e) {
        String ip = IpAddresses.format(e.address());
        return e.port().isPresent() ? ip + " port " + e.port().getAsInt() : ip;
    }

    static String match(AddressMatch m) {
        return switch (m) {
            case AddressMatch.Cidr c -> IpAddresses.format(c.address())
                    + (c.prefix().isPresent() ? "/" + c.prefix().getAsInt() : "");
            case AddressMatch.Key k -> "key " + quote(k.name());
            case AddressMatch.BuiltIn b -> b.name();
        };
    }

    private static Directive endpointList(String name, List<Endpoint> endpoints) {
        return list(name, endpoints.stream().map(ZoneStatement::endpoint).toList());
    }

    private static Directive matchList(String name, List<AddressMatch> matches) {
        return list(name, matches.stream().map(ZoneStatement::match).toList());
    }

    private static Directive list(String name, List<String> elements) {
        StringBuilder sb = new StringBuilder(name).append(" {");
        for (String e : elements) {
            sb.append(' ').append(e).append(';');
        }
        return new Directive(name, sb.append(" };").toString());
    }

    // ---- parsing named's showzone text ----

    /** Parses {@code zone "<name>" [class] { … };} as named's showzone prints it. */
    static ZoneStatement parse(String text) throws ConfSyntaxException {
        List<ConfToken> all = ConfLexer.lex(text);
        List<ConfToken> t = all.subList(0, all.size() - 1);
        if (t.size() < 4 || !t.get(0).is(Kind.WORD) || !t.get(0).text().equalsIgnoreCase("zone")
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
        List<Directive> directives = new ArrayList<>();
        for (List<ConfToken> item : ConfLexer.items(t, open + 1, close)) {
            ConfToken first = item.get(0);
            if (!first.is(Kind.WORD)) {
                throw new ConfSyntaxException(first, "a statement must start with a word");
            }
            directives.add(new Directive(first.text().toLowerCase(Locale.ROOT),
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
        List<Endpoint> primaries = first("primaries").or(() -> first("masters"))
                .map(ZoneStatement::endpoints).orElse(List.of());
        ZoneOptions options = new ZoneOptions(primaries,
                first("also-notify").map(ZoneStatement::endpoints).orElse(List.of()),
                first("allow-transfer").map(ZoneStatement::matches).orElse(List.of()),
                first("allow-update").map(ZoneStatement::matches).orElse(List.of()),
                policy, inline);
        return new ZoneConfig(zoneType, value("file"), options, raw);
    }

    private Optional<Directive> first(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The value of a one-value directive ({@code file "x";}, {@code type primary;}). */
    Optional<String> value(String name) {
        return first(name).flatMap(d -> {
            List<ConfToken> t = lexQuietly(d.text());
            return t.size() == 3 && t.get(1).isValue() && t.get(2).is(Kind.SEMI)
                    ? Optional.of(t.get(1).text()) : Optional.empty();
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
    record Element(String text, List<ConfToken> tokens) {
    }

    static List<Element> elements(Directive d) {
        List<ConfToken> t = lexQuietly(d.text());
        if (t.size() < 4 || !t.get(1).is(Kind.OPEN)) {
            return List.of();
        }
        try {
            int close = ConfLexer.matchingClose(t, 1);
            List<Element> out = new ArrayList<>();
            for (List<ConfToken> item : ConfLexer.items(t, 2, close)) {
                List<ConfToken> body = item.subList(0, item.size() - 1);
                out.add(new Element(d.text().substring(body.get(0).start(), body.get(body.size() - 1).end()),
                        List.copyOf(body)));
            }
            return out;
        } catch (ConfSyntaxException e) {
            return List.of();
        }
    }

    private static List<Endpoint> endpoints(Directive d) {
        List<Endpoint> out = new ArrayList<>();
        for (Element e : elements(d)) {
            endpoint(e.tokens()).ifPresent(out::add);
        }
        return out;
    }

    private static List<AddressMatch> matches(Directive d) {
        List<AddressMatch> out = new ArrayList<>();
        for (Element e : elements(d)) {
            match(e.tokens()).ifPresent(out::add);
        }
        return out;
    }

    static Optional<Endpoint> endpoint(List<ConfToken> t) {
        if (t.isEmpty() || !t.get(0).is(Kind.WORD)) {
            return Optional.empty();
        }
        Optional<InetAddress> ip = IpLiterals.parse(t.get(0).text());
        if (ip.isEmpty()) {
            return Optional.empty();
        }
        if (t.size() == 1) {
            return Optional.of(new Endpoint(ip.get(), OptionalInt.empty()));
        }
        if (t.size() == 3 && t.get(1).text().equalsIgnoreCase("port") && t.get(2).is(Kind.WORD)) {
            OptionalInt port = IpLiterals.decimal(t.get(2).text(), 65535);
            if (port.isPresent() && port.getAsInt() > 0) {
                return Optional.of(new Endpoint(ip.get(), port));
            }
        }
        return Optional.empty();
    }

    static Optional<AddressMatch> match(List<ConfToken> t) {
        try {
            if (t.size() == 2 && t.get(0).is(Kind.WORD) && t.get(0).text().equals("key") && t.get(1).isValue()) {
                return Optional.of(new AddressMatch.Key(t.get(1).text()));
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
            int slash = v.indexOf('/');
            Optional<InetAddress> ip = IpLiterals.parse(slash < 0 ? v : v.substring(0, slash));
            if (ip.isEmpty()) {
                return Optional.empty();
            }
            int max = ip.get().getAddress().length * 8;
            OptionalInt prefix = OptionalInt.empty();
            if (slash >= 0) {
                prefix = IpLiterals.decimal(v.substring(slash + 1), max);
                if (prefix.isEmpty()) {
                    return Optional.empty();
                }
                if (prefix.getAsInt() == max) {
                    prefix = OptionalInt.empty(); // named prints a host as /32 or /128
                }
            }
            return Optional.of(new AddressMatch.Cidr(ip.get(), prefix));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
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
            s = s.replace("also-notify", v.isEmpty() ? Optional.empty() : Optional.of(endpointList("also-notify", v)));
        }
        if (patch.allowTransfer().isPresent()) {
            List<AddressMatch> v = patch.allowTransfer().get();
            s = s.replace("allow-transfer",
                    v.isEmpty() ? Optional.empty() : Optional.of(matchList("allow-transfer", v)));
        }
        if (patch.allowUpdate().isPresent()) {
            Set<String> elements = new LinkedHashSet<>();
            s.directives.stream().filter(d -> d.name().equals("allow-update"))
                    .flatMap(d -> elements(d).stream())
                    .filter(e -> e.tokens().get(0).is(Kind.WORD) && e.tokens().get(0).text().equals("key"))
                    .forEach(e -> elements.add(e.text()));
            patch.allowUpdate().get().forEach(m -> elements.add(match(m)));
            s = s.replace("allow-update",
                    elements.isEmpty() ? Optional.empty() : Optional.of(list("allow-update", List.copyOf(elements))));
        }
        return s;
    }

    /** Replaces the first directive called {@code name} (or appends), and drops any further ones. */
    private ZoneStatement replace(String name, Optional<Directive> replacement) {
        List<Directive> out = new ArrayList<>();
        boolean placed = false;
        for (Directive d : directives) {
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
