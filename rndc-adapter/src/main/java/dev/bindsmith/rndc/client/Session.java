package dev.bindsmith.rndc.client;

import dev.bindsmith.rndc.wire.CcValue;
import dev.bindsmith.rndc.wire.Frames;
import dev.bindsmith.rndc.wire.PeerClosedException;
import dev.bindsmith.rndc.wire.RndcWire;
import dev.bindsmith.rndc.wire.WireFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;

/**
 * One TCP connection to named after its {@code null} handshake, holding the session nonce. Not
 * thread-safe: the pool hands it to one caller at a time, which matches named 9.18 (a request sent
 * before the previous reply arrives is silently lost).
 */
final class Session implements AutoCloseable {

    /** Why an exchange failed, with whether retrying on a fresh connection is safe. */
    static final class ExchangeFailure extends Exception {
        final RndcException error;
        final boolean nothingRead;

        ExchangeFailure(RndcException error, boolean nothingRead) {
            super(error.getMessage(), error, false, false);
            this.error = error;
            this.nothingRead = nothingRead;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final RndcClient.Settings settings;
    private final String nonce;
    private long lastUsedMillis;

    private Session(Socket socket, RndcClient.Settings settings, String nonce, long now) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.settings = settings;
        this.nonce = nonce;
        this.lastUsedMillis = now;
    }

    /** Connects and performs the {@code null} handshake (named never runs a connection's first request). */
    static Session open(RndcClient.Settings s) throws RndcException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(s.address(), Math.toIntExact(s.connectTimeout().toMillis()));
            socket.setSoTimeout(Math.toIntExact(s.readTimeout().toMillis()));
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new RndcException.Unreachable("rndc: connect failed: " + s.display() + ": timed out", e);
        } catch (ConnectException e) {
            closeQuietly(socket);
            throw new RndcException.Unreachable("rndc: connect failed: " + s.display() + ": connection refused", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new RndcException.Unreachable("rndc: connect failed: " + s.display() + ": " + describe(e), e);
        }
        try {
            Session handshake = new Session(socket, s, "", s.clock().millis());
            CcValue.Table reply = handshake.roundTrip("null", Optional.empty());
            String nonce = reply.table("_ctrl")
                    .flatMap(c -> c.string("_nonce"))
                    .orElseThrow(() ->
                            new ExchangeFailure(protocol(s, "the handshake reply carries no nonce", null), false));
            return new Session(socket, s, nonce, s.clock().millis());
        } catch (ExchangeFailure f) {
            closeQuietly(socket);
            throw f.error;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new RndcException.Unreachable("rndc: " + s.display() + ": " + describe(e), e);
        }
    }

    /** Sends {@code command} on this session and returns the verified reply. */
    RndcReply exchange(String command) throws ExchangeFailure {
        CcValue.Table reply = roundTrip(command, Optional.of(nonce));
        lastUsedMillis = settings.clock().millis();
        CcValue.Table data = reply.table("_data")
                .orElseThrow(
                        () -> new ExchangeFailure(protocol(settings, "the reply has no _data", null, true), false));
        long result;
        try {
            result = Long.parseUnsignedLong(data.string("result").orElseThrow().trim());
        } catch (NumberFormatException | java.util.NoSuchElementException e) {
            throw new ExchangeFailure(protocol(settings, "the reply has no numeric result", null, true), false);
        }
        return new RndcReply(
                command, result, data.string("err"), data.string("text").orElse(""));
    }

    private CcValue.Table roundTrip(String command, Optional<String> withNonce) throws ExchangeFailure {
        // A command on an established session (it carries the nonce) that reached named may have run
        // even when no verified reply comes back; the handshake's own request never runs anything.
        boolean delivered = withNonce.isPresent();
        long serial = settings.serials().next();
        long now = settings.clock().instant().getEpochSecond();
        byte[] request;
        try {
            request = RndcWire.encodeRequest(settings.key(), serial, now, now + 60, withNonce, command);
        } catch (WireFormatException e) {
            throw new ExchangeFailure(new RndcException.Protocol(e.getMessage(), null), false);
        }
        try {
            out.write(request);
            out.flush();
        } catch (IOException e) {
            // Nothing was read back, and named only runs a request it has fully read and answers it.
            throw new ExchangeFailure(rejected(e), true);
        }
        byte[] body;
        try {
            body = Frames.readFrame(in, settings.maxReplyLength());
        } catch (PeerClosedException e) {
            throw new ExchangeFailure(rejected(e, delivered), true);
        } catch (SocketTimeoutException e) {
            throw new ExchangeFailure(
                    new RndcException.Unreachable(
                            "rndc: no reply from " + settings.display() + " within "
                                    + settings.readTimeout().toMillis() + " ms",
                            e,
                            delivered),
                    false);
        } catch (IOException e) {
            throw new ExchangeFailure(
                    new RndcException.Unreachable(
                            "rndc: " + settings.display() + ": connection lost during the reply: " + describe(e),
                            e,
                            delivered),
                    false);
        } catch (WireFormatException e) {
            throw new ExchangeFailure(protocol(settings, e.getMessage(), e, delivered), false);
        }
        CcValue.Table reply;
        try {
            reply = RndcWire.decodeVerified(settings.key(), body);
        } catch (WireFormatException e) {
            throw new ExchangeFailure(protocol(settings, e.getMessage(), e, delivered), false);
        }
        CcValue.Table ctrl = reply.table("_ctrl")
                .orElseThrow(() ->
                        new ExchangeFailure(protocol(settings, "the reply has no _ctrl", null, delivered), false));
        if (!ctrl.string("_rpl").filter("1"::equals).isPresent()) {
            throw new ExchangeFailure(protocol(settings, "the message is not a reply (_rpl)", null, delivered), false);
        }
        if (!ctrl.string("_ser").filter(Long.toUnsignedString(serial)::equals).isPresent()) {
            throw new ExchangeFailure(
                    protocol(settings, "the reply does not echo the request's serial", null, delivered), false);
        }
        if (withNonce.isPresent() && !ctrl.string("_nonce").equals(withNonce)) {
            throw new ExchangeFailure(
                    protocol(settings, "the reply carries another session's nonce", null, delivered), false);
        }
        return reply;
    }

    private static RndcException rejected(IOException cause) {
        return rejected(cause, false);
    }

    private static RndcException rejected(IOException cause, boolean delivered) {
        return delivered
                ? new RndcException.Rejected(RndcClient.CLOSED_AFTER_COMMAND_MESSAGE, cause, true)
                : new RndcException.Rejected(RndcClient.REJECTED_MESSAGE, cause);
    }

    private static RndcException protocol(RndcClient.Settings s, String what, Throwable cause) {
        return protocol(s, what, cause, false);
    }

    private static RndcException protocol(RndcClient.Settings s, String what, Throwable cause, boolean delivered) {
        return new RndcException.Protocol("rndc: bad reply from " + s.display() + ": " + what, cause, delivered);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    long lastUsedMillis() {
        return lastUsedMillis;
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a socket we are abandoning; there is nothing left to report.
        }
    }
}
