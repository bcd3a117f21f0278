package dev.bindsmith.http.access;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asks, as an operation and the audit log see it.
 *
 * @param token     the token's name (never the token), empty when none was used (the CLI's direct mode,
 *                  a server without authentication)
 * @param grant     what the caller may do
 * @param client    the client's address ({@code local} for the CLI's direct mode)
 * @param requestId the request's id
 * @param via       {@code api} (the HTTP server) or {@code cli} (the CLI's direct mode)
 * @param user      the operating-system user of the CLI's direct mode
 */
public record Caller(
        Optional<String> token, Grant grant, String client, String requestId, String via, Optional<String> user) {
    public Caller {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(user, "user");
    }

    /** A request to the server that presented token {@code name}. */
    public static Caller token(String name, Grant grant, String client, String requestId) {
        return new Caller(Optional.of(name), grant, client, requestId, "api", Optional.empty());
    }

    /** A request to a server without authentication (loopback only, or explicitly allowed). */
    public static Caller anonymous(String client, String requestId) {
        return new Caller(Optional.empty(), Grant.admin(), client, requestId, "api", Optional.empty());
    }

    /** The CLI in direct mode: the operator on this machine, who can read the zone files anyway. */
    public static Caller local(String user, String requestId) {
        return new Caller(Optional.empty(), Grant.admin(), "local", requestId, "cli", Optional.of(user));
    }
}
