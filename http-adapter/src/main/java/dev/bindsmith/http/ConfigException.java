package dev.bindsmith.http;

/** A configuration value that cannot be used; the message names the variable (and never echoes a secret). */
public final class ConfigException extends RuntimeException {
    private final String variable;

    public ConfigException(String variable, String message) {
        super(variable + ": " + message);
        this.variable = variable;
    }

    /** The environment variable (or its flag's variable) at fault. */
    public String variable() {
        return variable;
    }
}
