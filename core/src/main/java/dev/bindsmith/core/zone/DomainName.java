package dev.bindsmith.core.zone;

import java.util.Objects;
import java.util.Optional;

/**
 * A validated, fully qualified domain name, normalised to lower case without the trailing dot. The
 * root is the empty value. A wildcard {@code *} may stand as the first label (owner names).
 */
public record DomainName(String value) implements Comparable<DomainName> {

    public static final DomainName ROOT = new DomainName("");

    public DomainName {
        Objects.requireNonNull(value, "value");
        if (!value.isEmpty() && !value.equals(".")) {
            Optional<String> problem = problem(value);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
            value = DnsNames.normalise(value);
        } else {
            value = "";
        }
    }

    /** Why {@code raw} is not a valid domain name, or empty when it is. */
    public static Optional<String> problem(String raw) {
        if (".".equals(raw)) {
            return Optional.empty();
        }
        return DnsNames.problem("The name", raw, true);
    }

    public static DomainName of(String raw) {
        return new DomainName(raw);
    }

    public boolean isRoot() {
        return value.isEmpty();
    }

    /** True when this name is {@code zone} or below it. */
    public boolean isIn(ZoneName zone) {
        return value.equals(zone.value()) || value.endsWith("." + zone.value());
    }

    /** The name with its trailing dot, as in a zone file ({@code .} for the root). */
    public String absolute() {
        return value + ".";
    }

    /** The name relative to {@code zone} ({@code @} for the apex); absolute when it is outside the zone. */
    public String relativeTo(ZoneName zone) {
        if (value.equals(zone.value())) {
            return "@";
        }
        if (value.endsWith("." + zone.value())) {
            return value.substring(0, value.length() - zone.value().length() - 1);
        }
        return absolute();
    }

    @Override
    public int compareTo(DomainName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return absolute();
    }
}
