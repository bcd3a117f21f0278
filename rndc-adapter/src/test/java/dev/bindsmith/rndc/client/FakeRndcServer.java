package dev.bindsmith.rndc.client;

import dev.bindsmith.rndc.wire.CcValue;
import dev.bindsmith.rndc.wire.Frames;
import dev.bindsmith.rndc.wire.RndcKey;
import dev.bindsmith.rndc.wire.RndcWire;
import dev.bindsmith.rndc.wire.WireFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A stand-in for named's control channel on 127.0.0.1 (ephemeral port), built on our codec. Like
 * named it closes silently on a request that does not verify or carries the wrong nonce, answers
 * the first request of a connection with a nonce only, and runs later requests one at a time. A
 * {@link Misbehaviour} makes it fail in one of the ways a client must survive.
 */
final class FakeRndcServer implements AutoCloseable {

    /** How command replies (not handshakes) go wrong. */
    enum Misbehaviour {
        NONE,
        CLOSE_WITHOUT_REPLY,
        BAD_SIGNATURE,
        WRONG_SERIAL,
        WRONG_NONCE,
        NOT_A_REPLY,
        OVERSIZE_REPLY,
        SLOW_REPLY,
        GARBAGE,
        TRUNCATED_REPLY,
        NO_RESULT
    }

    /** What a command answers. */
    record Answer(long result, Optional<String> err, Optional<String> text) {
        static Answer ok(String text) {
            return new Answer(0, Optional.empty(), Optional.of(text));
        }

        static Answer error(long result, String err, String text) {
            return new Answer(result, Optional.of(err), Optional.of(text));
        }
    }

    /** One request as the server saw it. */
    record Seen(
            int connection,
            String type,
            String serial,
            String time,
            Optional<String> expires,
            Optional<String> nonce) {}

    private final RndcKey key;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<String> executed = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong nonces = new AtomicLong(4_294_967_296L * 3 + 17); // above 2^32: opaque text
    private volatile Misbehaviour misbehaviour = Misbehaviour.NONE;
    private volatile Duration slowness = Duration.ofSeconds(30);
    private volatile Function<String, Answer> answers = cmd -> Answer.ok("ran " + cmd);

    FakeRndcServer(RndcKey key) throws IOException {
        this.key = key;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().name("fake-rndc-acceptor").start(this::acceptLoop);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    int port() {
        return server.getLocalPort();
    }

    FakeRndcServer misbehave(Misbehaviour m) {
        this.misbehaviour = m;
        return this;
    }

    FakeRndcServer answers(Function<String, Answer> f) {
        this.answers = f;
        return this;
    }

    FakeRndcServer slowness(Duration d) {
        this.slowness = d;
        return this;
    }

    int connectionsAccepted() {
        return connections.get();
    }

    List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** Commands the server ran (not handshakes), in order. */
    List<String> executed() {
        synchronized (executed) {
            return List.copyOf(executed);
        }
    }

    /** Closes every open connection, as named does with idle ones. */
    void dropAllConnections() {
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                int id = connections.incrementAndGet();
                Thread.ofVirtual().name("fake-rndc-" + id).start(() -> serve(s, id));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, int id) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            Optional<String> sessionNonce = Optional.empty();
            while (true) {
                byte[] body;
                try {
                    body = Frames.readFrame(in, Frames.MAX_REQUEST_LENGTH);
                } catch (IOException | WireFormatException e) {
                    return;
                }
                CcValue.Table request;
                try {
                    request = RndcWire.decodeVerified(key, body);
                } catch (WireFormatException e) {
                    return; // named: "bad auth", connection closed without a reply
                }
                CcValue.Table ctrl = request.table("_ctrl").orElseThrow();
                String type =
                        request.table("_data").flatMap(d -> d.string("type")).orElse("");
                seen.add(new Seen(
                        id,
                        type,
                        ctrl.string("_ser").orElse(""),
                        ctrl.string("_tim").orElse(""),
                        ctrl.string("_exp"),
                        ctrl.string("_nonce")));
                if (sessionNonce.isPresent() && !ctrl.string("_nonce").equals(sessionNonce)) {
                    return; // named: wrong nonce, closed without a reply
                }
                boolean handshake = sessionNonce.isEmpty();
                if (handshake) {
                    sessionNonce = Optional.of(Long.toUnsignedString(nonces.getAndIncrement()));
                    out.write(reply(
                            ctrl, sessionNonce.get(), type, new Answer(0, Optional.empty(), Optional.empty()), false));
                    continue;
                }
                Misbehaviour m = misbehaviour;
                if (m == Misbehaviour.CLOSE_WITHOUT_REPLY) {
                    return;
                }
                executed.add(type);
                Answer answer = answers.apply(type);
                switch (m) {
                    case NONE, CLOSE_WITHOUT_REPLY -> out.write(reply(ctrl, sessionNonce.get(), type, answer, false));
                    case BAD_SIGNATURE -> {
                        byte[] r = reply(ctrl, sessionNonce.get(), type, answer, false);
                        r[r.length - 1] ^= 1;
                        out.write(r);
                    }
                    case WRONG_SERIAL -> out.write(reply(ctrl, sessionNonce.get(), type, answer, true));
                    case WRONG_NONCE -> out.write(reply(ctrl, sessionNonce.get() + "0", type, answer, false));
                    case NOT_A_REPLY -> out.write(notAReply(ctrl, sessionNonce.get(), type));
                    case NO_RESULT -> out.write(reply(ctrl, sessionNonce.get(), type, null, false));
                    case OVERSIZE_REPLY ->
                        out.write(reply(ctrl, sessionNonce.get(), type, Answer.ok("x".repeat(2 << 20)), false));
                    case SLOW_REPLY -> {
                        try {
                            Thread.sleep(slowness);
                        } catch (InterruptedException e) {
                            return;
                        }
                        out.write(reply(ctrl, sessionNonce.get(), type, answer, false));
                    }
                    case GARBAGE ->
                        out.write("HTTP/1.1 400 Bad Request\r\n\r\n"
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    case TRUNCATED_REPLY -> {
                        byte[] r = reply(ctrl, sessionNonce.get(), type, answer, false);
                        out.write(r, 0, r.length / 2);
                        return;
                    }
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            sockets.remove(s);
        }
    }

    private byte[] reply(CcValue.Table reqCtrl, String nonce, String type, Answer a, boolean wrongSerial) {
        SequencedMap<String, CcValue> ctrl = new LinkedHashMap<>();
        String ser = reqCtrl.string("_ser").orElse("0");
        ctrl.put("_ser", CcValue.Binary.of(wrongSerial ? Long.toString(Long.parseLong(ser) + 1) : ser));
        ctrl.put("_tim", CcValue.Binary.of(reqCtrl.string("_tim").orElse("0")));
        ctrl.put("_exp", CcValue.Binary.of(reqCtrl.string("_exp").orElse("0")));
        ctrl.put("_rpl", CcValue.Binary.of("1"));
        ctrl.put("_nonce", CcValue.Binary.of(nonce));
        SequencedMap<String, CcValue> data = new LinkedHashMap<>();
        data.put("type", CcValue.Binary.of(type));
        if (a != null) { // null: a reply without a result
            data.put("result", CcValue.Binary.of(Long.toString(a.result())));
            a.err().ifPresent(e -> data.put("err", CcValue.Binary.of(e)));
            a.text().ifPresent(t -> data.put("text", CcValue.Binary.of(t)));
        }
        SequencedMap<String, CcValue> top = new LinkedHashMap<>();
        top.put("_ctrl", new CcValue.Table(ctrl));
        top.put("_data", new CcValue.Table(data));
        return RndcWire.encodeSigned(key, top);
    }

    private byte[] notAReply(CcValue.Table reqCtrl, String nonce, String type) {
        SequencedMap<String, CcValue> ctrl = new LinkedHashMap<>();
        ctrl.put("_ser", CcValue.Binary.of(reqCtrl.string("_ser").orElse("0")));
        ctrl.put("_nonce", CcValue.Binary.of(nonce));
        SequencedMap<String, CcValue> data = new LinkedHashMap<>();
        data.put("type", CcValue.Binary.of(type));
        SequencedMap<String, CcValue> top = new LinkedHashMap<>();
        top.put("_ctrl", new CcValue.Table(ctrl));
        top.put("_data", new CcValue.Table(data));
        return RndcWire.encodeSigned(key, top);
    }

    @Override
    public void close() {
        closeQuietly(server);
        dropAllConnections();
        acceptor.interrupt();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // test server shutdown
        }
    }
}
