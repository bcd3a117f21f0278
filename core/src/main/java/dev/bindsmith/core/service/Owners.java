package dev.bindsmith.core.service;

import dev.bindsmith.core.validation.NameRules;
import dev.bindsmith.core.validation.Parsed;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.ZoneName;
import java.util.Optional;

/**
 * Owner names that arrive without a record to validate (a removal of a whole RRset, a listing
 * filter), resolved by the same rule as records' owners ({@link NameRules#ownerName}): {@code @},
 * relative, or absolute inside the zone.
 */
final class Owners {
    private Owners() {}

    record Resolved(Optional<DomainName> name, Optional<Violation> violation) {}

    static Resolved resolve(String raw, ZoneName zone, String field) {
        Parsed<DomainName> parsed = NameRules.ownerName(raw.trim(), zone);
        return new Resolved(parsed.toOptional(), parsed.violation(field));
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
