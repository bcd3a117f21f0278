package dev.bindsmith.core.validation;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One thing wrong with a request: the field path ({@code zoneConfig.soa.serial},
 * {@code zoneConfig.records[2].value}), a message a user can act on, and whether the input was
 * malformed (400) or well-formed but semantically wrong (422).
 */
public record Violation(String field, String message, Kind kind) {

    public enum Kind {
        /** Missing, of the wrong type or unparseable: the request is malformed (400). */
        MALFORMED,
        /** Parseable but not acceptable: a value out of range, records that cannot coexist (422). */
        SEMANTIC
    }

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kind, "kind");
    }

    public static Violation malformed(String field, String message) {
        return new Violation(field, message, Kind.MALFORMED);
    }

    public static Violation semantic(String field, String message) {
        return new Violation(field, message, Kind.SEMANTIC);
    }

    public static Violation missing(String field) {
        return malformed(field, "Missing required field: " + field);
    }

    /** The violations as one sentence list, for the envelope's {@code details}. */
    public static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::message).collect(Collectors.joining("; "));
    }
}
