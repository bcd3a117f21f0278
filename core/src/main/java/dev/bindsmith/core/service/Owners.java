package dev.bindsmith.core.service;

import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.ZoneName;

import java.util.Optional;

/**
 * Owner names as clients type them, resolved against a zone: {@code @} is the apex, a name with a
 * trailing dot is absolute, a name that ends in {@code .<zone>} is taken as absolute too (the
 * reference's rule, without its suffix bug: {@code fooexample.com} is relative), anything else is
 * relative to the zone. An absolute name outside the zone is malformed.
 */
final class Owners {
    private Owners() {
    }

    record Resolved(Optional<DomainName> name, Optional<Violation> violation) {
    }

    static Resolved resolve(String raw, ZoneName zone, String field) {
        String name = raw.trim();
        String absolute;
        if (name.equals("@")) {
            absolute = zone.value();
        } else if (name.endsWith(".")) {
            absolute = name;
        } else if (name.equalsIgnoreCase(zone.value()) || name.toLowerCase(java.util.Locale.ROOT)
                .endsWith("." + zone.value())) {
            absolute = name;
        } else {
            absolute = name + "." + zone.value();
        }
        Optional<String> problem = DomainName.problem(absolute);
        if (name.isEmpty() || problem.isPresent()) {
            return new Resolved(Optional.empty(), Optional.of(Violation.malformed(field,
                    "Invalid record name '" + printable(raw) + "': " + problem.orElse("it must not be empty"))));
        }
        DomainName owner = DomainName.of(absolute);
        if (!owner.isIn(zone)) {
            return new Resolved(Optional.empty(), Optional.of(Violation.malformed(field,
                    "The name " + owner.absolute() + " is not inside zone " + zone.value())));
        }
        return new Resolved(Optional.of(owner), Optional.empty());
    }

    /** {@code raw} with control characters shown as {@code \\uXXXX}, so that an error message stays one line. */
    static String printable(String raw) {
        StringBuilder sb = new StringBuilder();
        raw.codePoints().limit(300).forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
