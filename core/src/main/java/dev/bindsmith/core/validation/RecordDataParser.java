package dev.bindsmith.core.validation;

import dev.bindsmith.core.net.IpAddresses;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses the text of a record's data, as a client typed it, into the typed {@link RData} of its type.
 * Names in the data are read as {@link NameRules#resolve} reads them (trailing dot absolute, otherwise
 * relative to {@code origin}). A value that does not parse is malformed (400) and the message says what
 * the type expects; a number out of its range is semantic (422).
 */
public final class RecordDataParser {
    private RecordDataParser() {}

    public static Parsed<RData> parse(RecordType type, String value, ZoneName origin) {
        Optional<String> control = TextRules.controlCharacterProblem("The " + type.name() + " value", value);
        if (control.isPresent()) {
            return Parsed.malformed(control.get());
        }
        if (value.isBlank()) {
            return Parsed.malformed("The " + type.name() + " value must not be empty");
        }
        return switch (type) {
            case A -> single(type, value, "an IPv4 address like 192.0.2.1", t -> a(t));
            case AAAA -> single(type, value, "an IPv6 address like 2001:db8::1", t -> aaaa(t));
            case CNAME -> single(type, value, "one name", t -> name(t, origin).map(RData.Cname::new));
            case DNAME -> single(type, value, "one name", t -> name(t, origin).map(RData.Dname::new));
            case NS -> single(type, value, "one host name", t -> name(t, origin).map(RData.Ns::new));
            case PTR -> single(type, value, "one name", t -> name(t, origin).map(RData.Ptr::new));
            case MX -> mx(value, origin);
            case SRV -> srv(value, origin);
            case TXT -> txt(value);
            case CAA -> caa(value);
            case DS -> ds(value);
            case TLSA -> tlsa(value);
            case SSHFP -> sshfp(value);
            case SVCB -> svcb(false, value, origin);
            case HTTPS -> svcb(true, value, origin);
            case SOA, OTHER -> Parsed.malformed("Records of type " + type.name() + " cannot be written");
        };
    }

    private static Parsed<RData> single(
            RecordType type, String value, String expected, Function<String, Parsed<RData>> parse) {
        List<String> tokens = words(value);
        if (tokens.size() != 1) {
            return Parsed.malformed(type.name() + " value must be " + expected + " (got " + tokens.size() + " words: "
                    + TextRules.show(value) + ")");
        }
        return parse.apply(tokens.get(0));
    }

    private static Parsed<RData> a(String token) {
        Optional<Inet4Address> v4 = IpAddresses.parseIpv4(token);
        if (v4.isPresent()) {
            return Parsed.of(new RData.A(v4.get()));
        }
        if (IpAddresses.parseIpv6(token).isPresent()) {
            return Parsed.malformed(
                    "A value must be an IPv4 address; " + TextRules.show(token) + " is IPv6: use an AAAA record");
        }
        return Parsed.malformed("A value must be an IPv4 address like 192.0.2.1 (got " + TextRules.show(token) + ")");
    }

    private static Parsed<RData> aaaa(String token) {
        Optional<Inet6Address> v6 = IpAddresses.parseIpv6(token);
        if (v6.isPresent()) {
            return Parsed.of(new RData.Aaaa(v6.get()));
        }
        if (IpAddresses.parseIpv4(token).isPresent()) {
            return Parsed.malformed(
                    "AAAA value must be an IPv6 address; " + TextRules.show(token) + " is IPv4: use an A record");
        }
        return Parsed.malformed(
                "AAAA value must be an IPv6 address like 2001:db8::1 (got " + TextRules.show(token) + ")");
    }

    private static Parsed<DomainName> name(String token, ZoneName origin) {
        return NameRules.resolve(token, origin, false);
    }

    private static Parsed<RData> mx(String value, ZoneName origin) {
        List<String> t = words(value);
        if (t.size() != 2) {
            return Parsed.malformed("MX value must be '<preference> <exchange>' (10 mail.example.com.) or use the"
                    + " priority field (got " + TextRules.show(value) + ")");
        }
        Parsed<Integer> preference = NumberRules.unsigned("MX preference", t.get(0), 65535);
        return preference.flatMap(p -> name(t.get(1), origin).map(exchange -> new RData.Mx(p, exchange)));
    }

    private static Parsed<RData> srv(String value, ZoneName origin) {
        List<String> t = words(value);
        if (t.size() != 4) {
            return Parsed.malformed(
                    "SRV value must be '<priority> <weight> <port> <target>' (10 5 5060 sip.example.com.);"
                            + " the priority may come from the priority field (got " + TextRules.show(value) + ")");
        }
        return NumberRules.unsigned("SRV priority", t.get(0), 65535)
                .flatMap(priority -> NumberRules.unsigned("SRV weight", t.get(1), 65535)
                        .flatMap(weight -> NumberRules.unsigned("SRV port", t.get(2), 65535)
                                .flatMap(port -> name(t.get(3), origin)
                                        .map(target -> new RData.Srv(priority, weight, port, target)))));
    }

    /**
     * TXT: a value that starts with a quote is one or more quoted strings; any other value is one
     * string taken verbatim ({@code v=spf1 mx -all} stays one string), cut into 255-byte strings when
     * longer, never inside a UTF-8 character.
     */
    private static Parsed<RData> txt(String value) {
        List<String> strings;
        if (value.stripLeading().startsWith("\"")) {
            Parsed<List<String>> quoted = QuotedText.strings("The TXT value", value);
            if (!(quoted instanceof Parsed.Value<List<String>>(List<String> list))) {
                return ((Parsed.Problem<List<String>>) quoted).as();
            }
            for (String s : list) {
                int n = s.getBytes(StandardCharsets.UTF_8).length;
                if (n > 255) {
                    return Parsed.malformed(
                            "A quoted TXT string is " + n + " bytes; at most 255 are allowed per string:"
                                    + " split it into several quoted strings, or send it without quotes to have it split");
                }
            }
            strings = list;
        } else {
            strings = split255(value);
        }
        int wire = strings.stream()
                .mapToInt(s -> 1 + s.getBytes(StandardCharsets.UTF_8).length)
                .sum();
        if (wire > 65535) {
            return Parsed.malformed("The TXT value is " + wire + " bytes in DNS form; a record holds at most 65535");
        }
        return Parsed.of(new RData.Txt(strings));
    }

    static List<String> split255(String value) {
        List<String> strings = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int n = Character.toString(cp).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > 255) {
                strings.add(current.toString());
                current.setLength(0);
                bytes = 0;
            }
            current.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        strings.add(current.toString());
        return strings;
    }

    /** CAA: {@code <flags> <tag> <value>}, the value quoted ({@code "letsencrypt.org"}) or not. */
    private static Parsed<RData> caa(String value) {
        String v = value.strip();
        String expected = "CAA value must be '<flags> <tag> <value>' (0 issue \"letsencrypt.org\")";
        int first = v.indexOf(' ');
        int second = first < 0 ? -1 : v.indexOf(' ', QuotedText.skipSpaces(v, first));
        if (first < 0 || second < 0) {
            return Parsed.malformed(expected + " (got " + TextRules.show(value) + ")");
        }
        String flagsText = v.substring(0, first);
        String tag = v.substring(QuotedText.skipSpaces(v, first), second);
        String rest = v.substring(QuotedText.skipSpaces(v, second));
        if (tag.isEmpty()
                || tag.length() > 15
                || !tag.chars()
                        .allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            return Parsed.malformed("The CAA tag must be 1 to 15 letters and digits (issue, issuewild, iodef); got "
                    + TextRules.show(tag));
        }
        Parsed<String> text;
        if (rest.startsWith("\"")) {
            text = QuotedText.strings("The CAA value", rest)
                    .flatMap(list -> list.size() == 1
                            ? Parsed.of(list.get(0))
                            : Parsed.malformed(expected + ": the value is one quoted string"));
        } else if (rest.contains("\"")) {
            text = Parsed.malformed(expected + ": quote the whole value or none of it");
        } else {
            text = Parsed.of(rest);
        }
        return NumberRules.unsigned("CAA flags", flagsText, 255)
                .flatMap(flags -> text.map(t -> new RData.Caa(flags, tag.toLowerCase(Locale.ROOT), t)));
    }

    private static Parsed<RData> ds(String value) {
        List<String> t = words(value);
        if (t.size() < 4) {
            return Parsed.malformed("DS value must be '<key tag> <algorithm> <digest type> <digest hex>' (got "
                    + TextRules.show(value) + ")");
        }
        return NumberRules.unsigned("DS key tag", t.get(0), 65535)
                .flatMap(tag -> NumberRules.unsigned("DS algorithm", t.get(1), 255)
                        .flatMap(alg -> NumberRules.unsigned("DS digest type", t.get(2), 255)
                                .flatMap(
                                        digestType -> hex("DS digest", t.subList(3, t.size()), digestLength(digestType))
                                                .map(hex -> new RData.Ds(tag, alg, digestType, hex)))));
    }

    private static Parsed<RData> tlsa(String value) {
        List<String> t = words(value);
        if (t.size() < 4) {
            return Parsed.malformed("TLSA value must be '<usage> <selector> <matching type> <data hex>' (got "
                    + TextRules.show(value) + ")");
        }
        return NumberRules.unsigned("TLSA usage", t.get(0), 255)
                .flatMap(usage -> NumberRules.unsigned("TLSA selector", t.get(1), 255)
                        .flatMap(selector -> NumberRules.unsigned("TLSA matching type", t.get(2), 255)
                                .flatMap(matching -> hex("TLSA data", t.subList(3, t.size()), tlsaLength(matching))
                                        .map(hex -> new RData.Tlsa(usage, selector, matching, hex)))));
    }

    private static Parsed<RData> sshfp(String value) {
        List<String> t = words(value);
        if (t.size() < 3) {
            return Parsed.malformed("SSHFP value must be '<algorithm> <fingerprint type> <fingerprint hex>' (got "
                    + TextRules.show(value) + ")");
        }
        return NumberRules.unsigned("SSHFP algorithm", t.get(0), 255)
                .flatMap(alg -> NumberRules.unsigned("SSHFP fingerprint type", t.get(1), 255)
                        .flatMap(fpType -> hex("SSHFP fingerprint", t.subList(2, t.size()), sshfpLength(fpType))
                                .map(hex -> new RData.Sshfp(alg, fpType, hex))));
    }

    /** The digest sizes RFC 4034/4509/6605 fix, so that a truncated paste is caught here and not by named. */
    private static int digestLength(int digestType) {
        return switch (digestType) {
            case 1 -> 20;
            case 2 -> 32;
            case 4 -> 48;
            default -> -1;
        };
    }

    private static int tlsaLength(int matchingType) {
        return switch (matchingType) {
            case 1 -> 32;
            case 2 -> 64;
            default -> -1;
        };
    }

    private static int sshfpLength(int fingerprintType) {
        return switch (fingerprintType) {
            case 1 -> 20;
            case 2 -> 32;
            default -> -1;
        };
    }

    private static Parsed<String> hex(String what, List<String> parts, int bytes) {
        String hex = String.join("", parts);
        if (hex.isEmpty()
                || hex.length() % 2 != 0
                || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
            return Parsed.malformed(
                    what + " must be an even number of hexadecimal digits (got " + TextRules.show(hex) + ")");
        }
        if (bytes > 0 && hex.length() != bytes * 2) {
            return Parsed.malformed(what + " must be " + bytes + " bytes (" + bytes * 2 + " hex digits) for this type;"
                    + " got " + hex.length() + " hex digits");
        }
        return Parsed.of(hex.toLowerCase(Locale.ROOT));
    }

    private static final Set<String> SVC_KEYS =
            Set.of("mandatory", "alpn", "no-default-alpn", "port", "ipv4hint", "ech", "ipv6hint", "dohpath", "ohttp");

    /** SVCB and HTTPS (RFC 9460): {@code <priority> <target> [key=value …]}; values may be quoted. */
    private static Parsed<RData> svcb(boolean https, String value, ZoneName origin) {
        String type = https ? "HTTPS" : "SVCB";
        Parsed<List<String>> tokens = svcTokens(type, value.strip());
        if (!(tokens instanceof Parsed.Value<List<String>>(List<String> t))) {
            return ((Parsed.Problem<List<String>>) tokens).as();
        }
        if (t.size() < 2) {
            return Parsed.malformed(type + " value must be '<priority> <target> [key=value …]' (1 . alpn=h2,h3)");
        }
        Parsed<Integer> priority = NumberRules.unsigned(type + " priority", t.get(0), 65535);
        Parsed<DomainName> target = name(t.get(1), origin);
        List<RData.SvcParam> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String token : t.subList(2, t.size())) {
            Parsed<RData.SvcParam> param = svcParam(type, token);
            if (!(param instanceof Parsed.Value<RData.SvcParam>(RData.SvcParam p))) {
                return ((Parsed.Problem<RData.SvcParam>) param).as();
            }
            if (!seen.add(p.key())) {
                return Parsed.malformed(type + " parameter " + p.key() + " is given twice");
            }
            params.add(p);
        }
        Optional<String> mandatory = params.stream()
                .filter(p -> p.key().equals("mandatory"))
                .map(RData.SvcParam::value)
                .findFirst();
        if (mandatory.isPresent()) {
            for (String key : list(mandatory.get())) {
                if (!seen.contains(key)) {
                    return Parsed.semantic(type + " mandatory lists " + key + ", which is not among the parameters;"
                            + " add " + key + "=… or remove it from mandatory (named refuses the record)");
                }
            }
        }
        if (seen.contains("no-default-alpn") && !seen.contains("alpn")) {
            return Parsed.semantic(type + " no-default-alpn needs an alpn parameter too (named refuses the record)");
        }
        if (priority.toOptional().orElse(1) == 0 && !params.isEmpty()) {
            return Parsed.semantic(type + " priority 0 is alias mode, which takes no parameters; use priority 1 or"
                    + " higher for a service with parameters");
        }
        return priority.flatMap(p -> target.map(tg -> new RData.Svcb(https, p, tg, params)));
    }

    private static Parsed<RData.SvcParam> svcParam(String type, String token) {
        int eq = token.indexOf('=');
        String key = eq < 0 ? token : token.substring(0, eq);
        String v = eq < 0 ? "" : token.substring(eq + 1);
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        boolean generic = key.matches("key[0-9]{1,5}") && Integer.parseInt(key.substring(3)) <= 65535;
        if (!SVC_KEYS.contains(key) && !generic) {
            return Parsed.malformed(type + " parameter " + TextRules.show(key) + " is not known; use mandatory, alpn,"
                    + " no-default-alpn, port, ipv4hint, ech, ipv6hint, dohpath, ohttp or keyNNNNN");
        }
        if (!v.isEmpty() && !bare(v)) {
            return Parsed.malformed(type + " parameter " + key + " has a value with spaces, quotes, backslashes,"
                    + " semicolons, parentheses or '$', which bindsmith does not write");
        }
        boolean flag = key.equals("no-default-alpn") || key.equals("ohttp");
        if (flag != v.isEmpty() && !generic) {
            return Parsed.malformed(
                    type + " parameter " + key + (flag ? " takes no value" : " needs a value (" + key + "=…)"));
        }
        if (key.equals("port")) {
            String key0 = key;
            return NumberRules.unsigned(type + " port", v, 65535).map(n -> new RData.SvcParam(key0, String.valueOf(n)));
        }
        String checked = v;
        Optional<String> problem = switch (key) {
            case "ipv4hint" ->
                list(v).stream()
                        .filter(a -> IpAddresses.parseIpv4(a).isEmpty())
                        .findFirst()
                        .map(a -> type + " ipv4hint must be IPv4 addresses separated by commas (got "
                                + TextRules.show(a) + ")");
            case "ipv6hint" ->
                list(v).stream()
                        .filter(a -> IpAddresses.parseIpv6(a).isEmpty())
                        .findFirst()
                        .map(a -> type + " ipv6hint must be IPv6 addresses separated by commas (got "
                                + TextRules.show(a) + ")");
            case "mandatory" ->
                list(v).stream()
                        .filter(k -> k.equals("mandatory") || !(SVC_KEYS.contains(k) || k.matches("key[0-9]{1,5}")))
                        .findFirst()
                        .map(k -> type + " mandatory must list other known parameter keys (got " + TextRules.show(k)
                                + ")");
            case "alpn" ->
                list(v).stream().anyMatch(String::isEmpty)
                        ? Optional.of(type + " alpn must be protocol ids separated by commas (h2,h3)")
                        : Optional.empty();
            case "dohpath" ->
                checked.startsWith("/") && checked.contains("{?dns}")
                        ? Optional.<String>empty()
                        : Optional.of(type + " dohpath must be a relative URI template with the dns variable"
                                + " (/dns-query{?dns})");
            case "ech" ->
                checked.chars()
                                .allMatch(c -> (c >= 'A' && c <= 'Z')
                                        || (c >= 'a' && c <= 'z')
                                        || (c >= '0' && c <= '9')
                                        || c == '+'
                                        || c == '/'
                                        || c == '=')
                        ? Optional.empty()
                        : Optional.of(type + " ech must be base64");
            default -> Optional.empty();
        };
        if (problem.isPresent()) {
            return Parsed.malformed(problem.get());
        }
        // BIND 9.18 does not know the name ohttp (RFC 9540); its generic form key8 means the same to every reader
        String value = key.equals("mandatory")
                ? String.join(
                        ",",
                        list(v).stream()
                                .map(k -> k.equals("ohttp") ? "key8" : k)
                                .toList())
                : v;
        return Parsed.of(new RData.SvcParam(key.equals("ohttp") ? "key8" : key, value));
    }

    private static List<String> list(String v) {
        return List.of(v.split(",", -1));
    }

    private static boolean bare(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == ';' || c == '(' || c == ')' || c == '$') {
                return false;
            }
        }
        return true;
    }

    /** Space-separated tokens where a quoted part ({@code alpn="h2,h3"}) may not hold a space. */
    private static Parsed<List<String>> svcTokens(String type, String value) {
        List<String> tokens = words(value);
        for (String token : tokens) {
            long quotes = token.chars().filter(c -> c == '"').count();
            if (quotes != 0 && !(quotes == 2 && token.indexOf("=\"") > 0 && token.endsWith("\""))) {
                return Parsed.malformed(type + " value has quotes bindsmith does not read: quote a parameter value"
                        + " whole (alpn=\"h2,h3\"), without spaces inside");
            }
        }
        return Parsed.of(tokens);
    }

    private static List<String> words(String value) {
        List<String> words = new ArrayList<>();
        for (String w : value.strip().split(" +")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
