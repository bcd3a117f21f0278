package dev.bindsmith.core.validation;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.KeyNames;
import dev.bindsmith.core.zone.ZoneName;
import java.util.Locale;
import java.util.Optional;

/**
 * Rules for names as clients type them: zone names, owner names, host names, the SOA mailbox, and
 * the identifiers that reach BIND configuration (TSIG key and DNSSEC policy names).
 *
 * <p>How a name inside a zone is read ({@link #resolve}): {@code @} is the apex; a name with a trailing
 * dot is absolute; a name that is the zone's name or ends with {@code .<zone>} is taken as absolute too
 * (clients of the reference API send {@code www.example.com} and mean it so; {@code fooexample.com} does
 * not end with {@code .example.com} and stays relative); any other name is relative to the zone, as in
 * a zone file.
 */
public final class NameRules {
    private NameRules() {}

    /** A zone name; the message starts with {@code Invalid zone name:}. */
    public static Parsed<ZoneName> zoneName(String raw) {
        Optional<String> problem = ZoneName.problem(raw);
        return problem.isPresent() ? Parsed.malformed(problem.get()) : Parsed.of(ZoneName.of(raw));
    }

    /** A name inside {@code zone} or outside it, read as described above; {@code *} as first label only when {@code wildcard}. */
    public static Parsed<DomainName> resolve(String raw, ZoneName zone, boolean wildcard) {
        if (raw.equals("@")) {
            return Parsed.of(zone.apex());
        }
        Optional<String> problem = DomainName.problem(raw);
        if (problem.isPresent()) {
            return Parsed.malformed(TextRules.show(raw) + " is not a valid DNS name: " + lowerFirst(problem.get()));
        }
        if (!wildcard && (raw.equals("*") || raw.startsWith("*."))) {
            return Parsed.malformed(
                    TextRules.show(raw) + " is a wildcard; a wildcard is allowed only as a record's owner name");
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (raw.endsWith(".") || lower.equals(zone.value()) || lower.endsWith("." + zone.value())) {
            return Parsed.of(DomainName.of(raw));
        }
        String absolute = raw + "." + zone.value();
        Optional<String> tooLong = DomainName.problem(absolute);
        if (tooLong.isPresent()) {
            return Parsed.malformed(TextRules.show(raw) + " is relative to zone " + zone.value()
                    + " and then too long: " + lowerFirst(tooLong.get()));
        }
        return Parsed.of(DomainName.of(absolute));
    }

    /** A record's owner: {@code @}, relative or absolute, wildcard allowed, and inside {@code zone}. */
    public static Parsed<DomainName> ownerName(String raw, ZoneName zone) {
        return resolve(raw, zone, true)
                .flatMap(name -> name.isIn(zone)
                        ? Parsed.of(name)
                        : Parsed.malformed(TextRules.show(raw) + " is not inside zone " + zone.value()
                                + "; write it relative to the zone (www) or as an absolute name ending in ."
                                + zone.absolute()));
    }

    /**
     * A host name: a valid name whose labels are letters, digits and hyphens. A name with an
     * underscore is well-formed but not a host name (422): named's {@code check-names}, on by default
     * for primary zones, refuses to load it as a name server, mail exchanger, service target or SOA
     * primary server.
     */
    public static Parsed<DomainName> hostName(String raw, ZoneName zone) {
        return resolve(raw, zone, false)
                .flatMap(name -> isHostName(name, false)
                        ? Parsed.of(name)
                        : Parsed.semantic(
                                TextRules.show(raw) + " is not a host name: use letters, digits and hyphens only"
                                        + " (no underscore); named's check-names refuses to load it"));
    }

    /**
     * The SOA's responsible mailbox. The zone-file form {@code hostmaster.example.com.} is read like any
     * name; an address {@code hostmaster@example.com} is converted to it when its local part is one label.
     */
    public static Parsed<DomainName> mailbox(String raw, ZoneName zone) {
        int at = raw.indexOf('@');
        if (at < 0 || raw.equals("@")) {
            return resolve(raw, zone, false).flatMap(NameRules::checkMailboxDomain);
        }
        String local = raw.substring(0, at);
        String domain = raw.substring(at + 1);
        if (local.isEmpty()
                || local.contains(".")
                || DomainName.problem(local).isPresent()
                || domain.contains("@")
                || domain.isEmpty()) {
            return Parsed.malformed(
                    TextRules.show(raw) + " is not a mailbox bindsmith can write: use the SOA's dotted form"
                            + " (hostmaster.example.com.) or an address whose local part is letters, digits, hyphens and"
                            + " underscores (hostmaster@example.com)");
        }
        String dotted = local + "." + (domain.endsWith(".") ? domain : domain + ".");
        Optional<String> problem = DomainName.problem(dotted);
        if (problem.isPresent()) {
            return Parsed.malformed(TextRules.show(raw) + " is not a valid mailbox: " + lowerFirst(problem.get()));
        }
        return checkMailboxDomain(DomainName.of(dotted));
    }

    private static Parsed<DomainName> checkMailboxDomain(DomainName mailbox) {
        String value = mailbox.value();
        int dot = value.indexOf('.');
        if (value.startsWith("*")) {
            return Parsed.malformed("the admin mailbox may not be a wildcard");
        }
        if (dot < 0) {
            return Parsed.malformed(TextRules.show(mailbox.absolute())
                    + " is not a mailbox: it needs a local part and a" + " domain (hostmaster.example.com.)");
        }
        // check-names accepts any first label (the local part) but wants the rest to be a host name
        if (!isHostName(DomainName.of(value.substring(dot + 1)), false)) {
            return Parsed.semantic(
                    TextRules.show(mailbox.absolute()) + " has a mail domain that is not a host name: use"
                            + " letters, digits and hyphens only after the first label; named's check-names refuses it");
        }
        return Parsed.of(mailbox);
    }

    /** True when every label is letters, digits and hyphens; a {@code *} first label only when {@code wildcardOwner}. */
    public static boolean isHostName(DomainName name, boolean wildcardOwner) {
        if (name.isRoot()) {
            return false;
        }
        String[] labels = name.value().split("\\.");
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals("*") && i == 0 && wildcardOwner) {
                continue;
            }
            if (!labels[i].chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A TSIG key name or DNSSEC policy name, which BIND configuration receives inside quotes: letters,
     * digits, dots, hyphens and underscores, 1–253 characters, so that it cannot close the quote or the
     * block ({@code k"; }; also-notify { 6.6.6.6; }; #} is refused).
     */
    public static Parsed<String> keyName(String what, String raw) {
        if (KeyNames.isValid(raw)) {
            return Parsed.of(raw);
        }
        return Parsed.malformed(what + " must be 1 to 253 letters, digits, dots, hyphens or underscores (got "
                + TextRules.show(raw) + ")");
    }

    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
