package dev.bindsmith.dns.conf;

import dev.bindsmith.core.net.IpAddresses;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The zone statement of a {@link ZoneConfig} in named.conf syntax: the body that addzone and modzone
 * carry ({@code { type primary; file "…"; also-notify { … }; … };}) and the whole statement as
 * showzone prints one. The BIND adapter sends it; the embedded server and the in-memory name server
 * show it, so the three backends agree on the text.
 *
 * <ul>
 * <li>Directives come in one order: type, file, primaries, also-notify, allow-transfer,
 *     allow-update, dnssec-policy, inline-signing; an unset option is left out.</li>
 * <li>Addresses are written as named prints them (RFC 5952 for IPv6); a host is written bare, as
 *     the value holds it ({@code 192.0.2.7}, which named reads as {@code 192.0.2.7/32}).</li>
 * <li>Quoted values follow named's lexer: a quote is escaped, a backslash is kept as it is; a
 *     value named would read back differently is refused.</li>
 * </ul>
 *
 * <pre>{@code
 * String addzone = "addzone " + zone.value() + " " + ZoneStatements.body(config);
 * // addzone example.com { type primary; file "/var/cache/bind/example.com.zone"; allow-update { key "k"; }; };
 * }</pre>
 */
public final class ZoneStatements {
    private ZoneStatements() {}

    /** The directives for {@code config}, in the fixed order. */
    public static List<ZoneDirective> directives(ZoneConfig config) {
        List<ZoneDirective> d = new ArrayList<>();
        d.add(new ZoneDirective("type", "type " + config.type().wireName() + ";"));
        config.file().ifPresent(f -> d.add(new ZoneDirective("file", "file " + quoted(f) + ";")));
        ZoneOptions o = config.options();
        if (!o.primaries().isEmpty()) {
            d.add(endpoints("primaries", o.primaries()));
        }
        if (!o.alsoNotify().isEmpty()) {
            d.add(endpoints("also-notify", o.alsoNotify()));
        }
        if (!o.allowTransfer().isEmpty()) {
            d.add(addressMatches("allow-transfer", o.allowTransfer()));
        }
        if (!o.allowUpdate().isEmpty()) {
            d.add(addressMatches("allow-update", o.allowUpdate()));
        }
        o.dnssecPolicy().ifPresent(p -> d.add(new ZoneDirective("dnssec-policy", "dnssec-policy " + quoted(p) + ";")));
        o.inlineSigning()
                .ifPresent(
                        b -> d.add(new ZoneDirective("inline-signing", "inline-signing " + (b ? "yes" : "no") + ";")));
        return List.copyOf(d);
    }

    /** {@code { <directive> <directive> … };}: what follows the zone name in addzone and modzone. */
    public static String body(List<ZoneDirective> directives) {
        StringBuilder sb = new StringBuilder("{");
        for (ZoneDirective d : directives) {
            sb.append(' ').append(d.text());
        }
        return sb.append(" };").toString();
    }

    /** The body of {@code config}'s statement. */
    public static String body(ZoneConfig config) {
        return body(directives(config));
    }

    /** {@code zone "<zone>" { … };}: the whole statement, as showzone prints it. */
    public static String statement(ZoneName zone, ZoneConfig config) {
        return "zone " + quoted(zone.value()) + " " + body(config);
    }

    /** {@code name { a; b port 5353; };} */
    public static ZoneDirective endpoints(String name, List<Endpoint> endpoints) {
        return list(name, endpoints.stream().map(ZoneStatements::element).toList());
    }

    /** {@code name { 10.0.0.0/8; key "k"; any; };} */
    public static ZoneDirective addressMatches(String name, List<AddressMatch> matches) {
        return list(name, matches.stream().map(ZoneStatements::element).toList());
    }

    /** {@code name { e1; e2; };} from elements already in named.conf syntax. */
    public static ZoneDirective list(String name, List<String> elements) {
        StringBuilder sb = new StringBuilder(name).append(" {");
        for (String e : elements) {
            sb.append(' ').append(e).append(';');
        }
        return new ZoneDirective(name, sb.append(" };").toString());
    }

    /** {@code 192.0.2.1} or {@code 2001:db8::1 port 5353}. */
    public static String element(Endpoint endpoint) {
        String ip = IpAddresses.format(endpoint.address());
        return endpoint.port().isPresent() ? ip + " port " + endpoint.port().getAsInt() : ip;
    }

    /** {@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code key "name"}, {@code any}. */
    public static String element(AddressMatch match) {
        return switch (match) {
            case AddressMatch.Cidr c ->
                IpAddresses.format(c.address())
                        + (c.prefix().isPresent() ? "/" + c.prefix().getAsInt() : "");
            case AddressMatch.Key k -> "key " + quoted(k.name());
            case AddressMatch.BuiltIn b -> b.name();
        };
    }

    /**
     * {@code value} in double quotes, each {@code "} escaped with a backslash and every other character
     * as it is: named's lexer drops a backslash only before a quote.
     *
     * @throws IllegalArgumentException when named would read the text back as another value (a
     *                                  backslash at the end, or before a quote)
     */
    public static String quoted(String value) {
        String text = "\"" + value.replace("\"", "\\\"") + "\"";
        if (!readsBackAs(text, value)) {
            throw new IllegalArgumentException("a backslash at the end of the value, or before a quote, cannot be"
                    + " written so that named reads the same value");
        }
        return text;
    }

    /** True when {@link #quoted} can write {@code value}. */
    public static boolean canQuote(String value) {
        return readsBackAs("\"" + value.replace("\"", "\\\"") + "\"", value);
    }

    private static boolean readsBackAs(String text, String value) {
        try {
            List<ConfToken> tokens = ConfLexer.lex(text);
            return tokens.size() == 2
                    && tokens.getFirst().is(ConfToken.Kind.STRING)
                    && tokens.getFirst().text().equals(value);
        } catch (ConfSyntaxException e) {
            return false;
        }
    }
}
