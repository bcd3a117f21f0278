package dev.bindsmith.core.validation;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules on one record in its zone that its data alone cannot tell: no CNAME or DS at the apex, no NS
 * with a wildcard owner, and the
 * host-name rules of named's {@code check-names} (on, and failing the load, by default for primary
 * zones): owners of A, AAAA and MX records, and targets of NS, MX, SRV and (in reverse zones) PTR
 * records, are host names. All are semantic (422): the record is well-formed but named would refuse it.
 */
public final class RecordRules {
    private RecordRules() {}

    /** The violations of {@code record}; {@code field} prefixes the paths ({@code name}, {@code value}). */
    public static List<Violation> check(Record record, ZoneName zone, String field) {
        List<Violation> out = new ArrayList<>();
        String name = join(field, "name");
        String value = join(field, "value");
        DomainName owner = record.owner();
        switch (record.data()) {
            case RData.Cname c -> {
                if (owner.equals(zone.apex())) {
                    out.add(Violation.semantic(
                            name,
                            "A CNAME cannot be at the zone apex (" + zone.absolute() + "): the apex"
                                    + " holds the SOA and NS records, and a name with a CNAME can have no other data"));
                }
            }
            case RData.A a -> ownerIsHost(owner, "A", name, out);
            case RData.Aaaa a -> ownerIsHost(owner, "AAAA", name, out);
            case RData.Mx mx -> {
                ownerIsHost(owner, "MX", name, out);
                if (!mx.exchange().isRoot()) {
                    targetIsHost(mx.exchange(), "The MX exchange", value, out);
                }
            }
            case RData.Ns ns -> {
                if (owner.value().startsWith("*")) {
                    out.add(Violation.semantic(
                            name,
                            "An NS record cannot have a wildcard owner (" + owner.absolute()
                                    + "); delegate a real name, or named refuses to load the zone"));
                }
                targetIsHost(ns.host(), "The name server", value, out);
            }
            case RData.Srv srv -> {
                if (!srv.target().isRoot()) {
                    targetIsHost(srv.target(), "The SRV target", value, out);
                }
            }
            case RData.Ptr ptr -> {
                if (isReverse(zone)) {
                    targetIsHost(ptr.target(), "The PTR target in a reverse zone", value, out);
                }
            }
            case RData.Dname d -> {}
            case RData.Txt t -> {}
            case RData.Caa c -> {}
            case RData.Ds d -> {
                if (owner.equals(zone.apex())) {
                    out.add(Violation.semantic(
                            name,
                            "A DS record cannot be at the zone apex (" + zone.absolute()
                                    + "): it belongs in the parent zone, at the delegation; named refuses it here"));
                }
            }
            case RData.Tlsa t -> {}
            case RData.Sshfp s -> {}
            case RData.Svcb s -> {}
            case RData.StartOfAuthority s ->
                out.add(Violation.malformed(
                        join(field, "type"), "An SOA record cannot be written as a record; set zoneConfig.soa"));
            case RData.Unknown u ->
                out.add(Violation.malformed(
                        join(field, "type"), "Records of type " + u.mnemonic() + " cannot be written"));
        }
        return out;
    }

    private static void ownerIsHost(DomainName owner, String type, String field, List<Violation> out) {
        if (!NameRules.isHostName(owner, true)) {
            out.add(Violation.semantic(
                    field,
                    TextRules.show(owner.absolute()) + " cannot own an " + type + " record: owners"
                            + " of A, AAAA and MX records must be host names (letters, digits, hyphens; no underscore), or"
                            + " named's check-names refuses to load the zone"));
        }
    }

    private static void targetIsHost(DomainName target, String what, String field, List<Violation> out) {
        if (!NameRules.isHostName(target, false)) {
            out.add(Violation.semantic(
                    field,
                    what + " " + TextRules.show(target.absolute()) + " is not a host name"
                            + " (letters, digits, hyphens; no underscore); named's check-names refuses to load it"));
        }
    }

    private static boolean isReverse(ZoneName zone) {
        String z = zone.value();
        return z.equals("in-addr.arpa")
                || z.endsWith(".in-addr.arpa")
                || z.equals("ip6.arpa")
                || z.endsWith(".ip6.arpa");
    }

    static String join(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }
}
