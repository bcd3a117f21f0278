package dev.bindsmith.rndc.client;

import dev.bindsmith.rndc.wire.Frames;
import dev.bindsmith.rndc.wire.RndcKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The native rndc client: a {@link ControlChannel} to one named over its control channel, with a
 * small pool of signed sessions.
 *
 * <p>Connection reuse: a session goes back to the pool after each successful reply and is dropped
 * once idle for {@link Builder#idleTimeout(Duration)} (20 s by default; named closes idle control
 * connections after about 30 s). At most {@link Builder#maxConnections(int)} connections are open at
 * once; further callers wait for one.
 *
 * <p>Retry rule: a command is retried at most once, on a fresh connection, and only when it was sent
 * on a <em>reused</em> connection that then closed (or reset) before a single byte of reply came
 * back. named answers every request it runs and closes silently only on requests it did not run
 * (rejected, or the connection was already closed), so the retry cannot run a command twice. A read
 * timeout, a partial reply or any reply at all is never retried: the command may have run. Every
 * failure says whether named may have run the command ({@link RndcException#mayHaveRun()}), so that a
 * caller asks named before it undoes its own side of the work.
 */
public final class RndcClient implements ControlChannel {

    static final String REJECTED_MESSAGE =
            "rndc: connection closed by the server: rejected (check key, algorithm and clock; named's log says which)";
    static final String CLOSED_AFTER_COMMAND_MESSAGE =
            "rndc: connection closed after the command was sent, without a reply: named may have run it";

    /** Everything a session needs, fixed at build time. */
    record Settings(
            RndcKey key,
            InetSocketAddress address,
            Duration connectTimeout,
            Duration readTimeout,
            int maxReplyLength,
            Clock clock,
            SerialCounter serials) {

        String display() {
            InetAddress a = address.getAddress();
            String host = a == null ? address.getHostString() : a.getHostAddress();
            return host + "#" + address.getPort();
        }
    }

    private final Settings settings;
    private final int maxIdle;
    private final long idleTimeoutMillis;
    private final Semaphore permits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Session> idle = new ArrayDeque<>();
    private boolean closed;

    private RndcClient(Builder b) {
        this.settings = new Settings(
                b.key,
                b.address,
                b.connectTimeout,
                b.readTimeout,
                b.maxReplyLength,
                b.clock,
                new SerialCounter(b.random.get()));
        this.maxIdle = b.reuseConnections ? b.maxConnections : 0;
        this.idleTimeoutMillis = b.idleTimeout.toMillis();
        this.permits = new Semaphore(b.maxConnections);
    }

    /** A builder for a client that signs with {@code key} and talks to {@code 127.0.0.1#953} unless told otherwise. */
    public static Builder builder(RndcKey key) {
        return new Builder(key);
    }

    @Override
    public RndcReply send(String command) throws RndcException {
        Objects.requireNonNull(command, "command");
        if (isClosed()) {
            throw new RndcException.Unreachable("rndc: the client for " + settings.display() + " is closed", null);
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RndcException.Unreachable(
                    "rndc: interrupted while waiting for a connection to " + settings.display(), e);
        }
        try {
            return sendWithPermit(command);
        } finally {
            permits.release();
        }
    }

    private RndcReply sendWithPermit(String command) throws RndcException {
        Session pooled = takeIdle();
        boolean sentOnStale = false;
        if (pooled != null) {
            try {
                RndcReply reply = pooled.exchange(command);
                giveBack(pooled);
                return reply;
            } catch (Session.ExchangeFailure f) {
                pooled.close();
                if (!f.nothingRead) {
                    throw f.error;
                }
                // The reused connection was stale (or named rejected the request without running
                // it): one retry on a fresh connection, see the class comment.
                sentOnStale = f.error.mayHaveRun();
            }
        }
        Session fresh;
        try {
            fresh = Session.open(settings);
        } catch (RndcException e) {
            if (!sentOnStale) {
                throw e;
            }
            // named closed the reused connection after the command went out on it and cannot be reached
            // now: most likely it was idle, but a named that died running the command looks the same
            throw new RndcException.Unreachable(e.getMessage(), e, true);
        }
        try {
            RndcReply reply = fresh.exchange(command);
            giveBack(fresh);
            return reply;
        } catch (Session.ExchangeFailure f) {
            fresh.close();
            throw f.error;
        }
    }

    private Session takeIdle() {
        List<Session> stale = new ArrayList<>();
        Session found = null;
        lock.lock();
        try {
            long now = settings.clock().millis();
            while (found == null && !idle.isEmpty()) {
                Session s = idle.pollFirst();
                if (now - s.lastUsedMillis() >= idleTimeoutMillis) {
                    stale.add(s);
                } else {
                    found = s;
                }
            }
        } finally {
            lock.unlock();
        }
        stale.forEach(Session::close);
        return found;
    }

    private void giveBack(Session s) {
        lock.lock();
        try {
            if (!closed && idle.size() < maxIdle) {
                // Most recently used first: the oldest idle sessions age out instead of being kept warm.
                idle.addFirst(s);
                return;
            }
        } finally {
            lock.unlock();
        }
        s.close();
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** How many idle connections the pool holds now (for tests and metrics). */
    public int idleConnections() {
        lock.lock();
        try {
            return idle.size();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the idle connections; the client stays usable and opens new ones when needed. */
    public void closeIdleConnections() {
        List<Session> drop;
        lock.lock();
        try {
            drop = new ArrayList<>(idle);
            idle.clear();
        } finally {
            lock.unlock();
        }
        drop.forEach(Session::close);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        closeIdleConnections();
    }

    @Override
    public String toString() {
        return "RndcClient[" + settings.display() + ", key=" + settings.key().name() + "]";
    }

    /** Options of an {@link RndcClient}; every one has a default except the key. */
    public static final class Builder {
        private final RndcKey key;
        private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 953);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration idleTimeout = Duration.ofSeconds(20);
        private int maxConnections = 4;
        private boolean reuseConnections = true;
        private int maxReplyLength = Frames.DEFAULT_MAX_REPLY_LENGTH;
        private Clock clock = Clock.systemUTC();
        private Supplier<RandomGenerator> random = SecureRandom::new;

        private Builder(RndcKey key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /** named's control-channel address ({@code controls { inet … port …; }}). */
        public Builder server(InetSocketAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        public Builder server(String host, int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("rndc port out of range: " + port);
            }
            return server(new InetSocketAddress(host, port));
        }

        /** TCP connect timeout; 5 s by default. */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        /** How long to wait for a reply; 60 s by default, like rndc (addzone of a large zone replies when loaded). */
        public Builder readTimeout(Duration d) {
            this.readTimeout = positive(d, "readTimeout");
            return this;
        }

        /** Idle connections older than this are closed instead of reused; 20 s (named drops them at ~30 s). */
        public Builder idleTimeout(Duration d) {
            this.idleTimeout = positive(d, "idleTimeout");
            return this;
        }

        /** At most this many connections at once (and as many kept idle); 4 by default. */
        public Builder maxConnections(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1");
            }
            this.maxConnections = n;
            return this;
        }

        /** {@code false}: a new connection (and handshake) for every command, closed after the reply. */
        public Builder reuseConnections(boolean reuse) {
            this.reuseConnections = reuse;
            return this;
        }

        /** The largest reply frame accepted; 1 MiB by default, like rndc. */
        public Builder maxReplyLength(int bytes) {
            if (bytes < 16) {
                throw new IllegalArgumentException("maxReplyLength too small: " + bytes);
            }
            this.maxReplyLength = bytes;
            return this;
        }

        /** The source of {@code _tim}/{@code _exp} and of idle ages. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of the random start of {@code _ser}; a {@link SecureRandom} by default. */
        public Builder random(Supplier<RandomGenerator> random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public RndcClient build() {
            return new RndcClient(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + " must be positive and below 24 days");
            }
            return d;
        }
    }
}
