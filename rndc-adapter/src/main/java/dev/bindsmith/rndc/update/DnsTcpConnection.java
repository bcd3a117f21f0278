package dev.bindsmith.rndc.update;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * One TCP connection to a name server carrying length-prefixed DNS messages (RFC 1035 §4.2.2), with
 * a connect timeout and a read timeout on every message.
 */
final class DnsTcpConnection implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private boolean received;

    private DnsTcpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    static DnsTcpConnection open(UpdateSettings settings) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(settings.server(), settings.port()), (int)
                    Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
            socket.setSoTimeout(
                    (int) Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis()));
            return new DnsTcpConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    void send(byte[] message) throws IOException {
        if (message.length > 0xFFFF) {
            throw new IllegalArgumentException("a DNS message over TCP holds at most 65535 bytes");
        }
        byte[] framed = new byte[message.length + 2];
        framed[0] = (byte) (message.length >>> 8);
        framed[1] = (byte) message.length;
        System.arraycopy(message, 0, framed, 2, message.length);
        out.write(framed);
        out.flush();
    }

    /** Sends messages already framed (each behind its two-byte length), in one write. */
    void sendFramed(byte[] framed) throws IOException {
        out.write(framed);
        out.flush();
    }

    byte[] receive() throws IOException {
        int length = in.readUnsignedShort();
        received = true;
        byte[] message = new byte[length];
        in.readFully(message);
        return message;
    }

    /** Starts a new exchange on this connection: nothing received yet. */
    void startExchange() {
        received = false;
    }

    /** True until the first byte of a reply arrived: a failure now means named never answered here. */
    boolean receivedNothing() {
        return !received;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing useful can be done about a failed close of a finished exchange
        }
    }
}
