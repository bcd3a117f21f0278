package dev.bindsmith.rndc.client;

/**
 * A signed rndc session with one named: sends one command line ({@code zonestatus example.com},
 * {@code addzone example.com { … };}) and returns named's reply. Implementations handle the
 * handshake, nonces, serials, signatures, connection reuse and timeouts; callers see only commands
 * and replies. Safe for use by several threads.
 */
public interface ControlChannel extends AutoCloseable {

    /**
     * Runs {@code command} and returns named's reply, whether the command succeeded or not (see
     * {@link RndcReply#ok()}). Throws when no verified reply came back at all.
     */
    RndcReply send(String command) throws RndcException;

    @Override
    void close();
}
