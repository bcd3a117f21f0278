package dev.bindsmith.wiring;

import java.io.Serial;

/**
 * A configuration value that cannot be used. The message names the variable (and so the flag that
 * sets it) and never carries a secret: startup stops with it instead of falling back to a default.
 */
public final class BackendConfigurationException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String variable;

    public BackendConfigurationException(String variable, String message) {
        super(variable + ": " + message);
        this.variable = variable;
    }

    public BackendConfigurationException(String variable, String message, Throwable cause) {
        super(variable + ": " + message, cause);
        this.variable = variable;
    }

    /** The environment variable at fault ({@code BINDSMITH_DNS_PORT}, {@code BIND_ZONE_DIR} …). */
    public String variable() {
        return variable;
    }
}
