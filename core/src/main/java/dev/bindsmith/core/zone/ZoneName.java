package dev.bindsmith.core.zone;

import java.util.Objects;
import java.util.Optional;

/**
 * A validated zone name, normalised: lower case, without the trailing dot ({@code example.com}).
 * Because it is validated once here, every file path and every rndc command built from it is safe:
 * it holds only letters, digits, hyphens, underscores and dots.
 */
public record ZoneName(String value) implements Comparable<ZoneName> {

    public ZoneName {
        Objects.requireNonNull(value, "value");
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        value = DnsNames.normalise(value);
    }

    /** Why {@code raw} is not a valid zone name ("Invalid zone name: …"), or empty when it is. */
    public static Optional<String> problem(String raw) {
        return DnsNames.problem("Invalid zone name: the name", raw, false);
    }

    public static Optional<ZoneName> parse(String raw) {
        return problem(raw).isPresent() ? Optional.empty() : Optional.of(new ZoneName(raw));
    }

    public static ZoneName of(String raw) {
        return new ZoneName(raw);
    }

    /** The name with its trailing dot, as in a zone file or a DNS message. */
    public String absolute() {
        return value + ".";
    }

    /** The zone apex as a domain name. */
    public DomainName apex() {
        return DomainName.of(value);
    }

    @Override
    public int compareTo(ZoneName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
