package dev.bindsmith.core.service;

import java.util.Objects;
import java.util.Optional;

/**
 * A propagation check as a client asked for it: {@code waitFor} (the API's {@code wait}) is how long to wait for every secondary
 * to serve the primary's serial ({@code 10s}, {@code 500ms}, {@code 2m}, or seconds alone; at most
 * {@link PropagationService#MAX_WAIT}), absent to ask once.
 */
public record PropagationQuery(Optional<String> waitFor) {
    public PropagationQuery {
        Objects.requireNonNull(waitFor, "waitFor");
    }

    public static PropagationQuery once() {
        return new PropagationQuery(Optional.empty());
    }
}
