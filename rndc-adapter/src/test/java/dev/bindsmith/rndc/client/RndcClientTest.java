package dev.bindsmith.rndc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.rndc.client.FakeRndcServer.Answer;
import dev.bindsmith.rndc.client.FakeRndcServer.Misbehaviour;
import dev.bindsmith.rndc.client.FakeRndcServer.Seen;
import dev.bindsmith.rndc.wire.HmacAlgorithm;
import dev.bindsmith.rndc.wire.RndcKey;
import dev.bindsmith.testing.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RndcClientTest {

    private static final byte[] SECRET = Base64.getDecoder().decode("7nA3foFYUMHnC62oSg+52YH4QwQjzNx846CPWJRanl0=");
    private static final String SECRET_B64 = "7nA3foFYUMHnC62oSg+52YH4QwQjzNx846CPWJRanl0=";
    private static final RndcKey KEY = new RndcKey("rndc-key", HmacAlgorithm.HMAC_SHA256, SECRET);
    private static final Instant T0 = Instant.parse("2026-11-21T23:00:00Z");

    private FakeRndcServer server;
    private MutableClock clock;
    private final List<RndcClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new FakeRndcServer(KEY);
        clock = new MutableClock(T0);
    }

    @AfterEach
    void stop() {
        clients.forEach(RndcClient::close);
        server.close();
    }

    private static RandomGenerator fixedStart(long start) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return start;
            }
        };
    }

    private RndcClient.Builder builder(RndcKey key) {
        return RndcClient.builder(key).server(server.address()).clock(clock).random(() -> fixedStart(1000));
    }

    private RndcClient client(RndcClient.Builder b) {
        RndcClient c = b.build();
        clients.add(c);
        return c;
    }

    private RndcClient client() {
        return client(builder(KEY));
    }

    @Test
    void replyCarriesResultErrAndTextOfTheCommand() throws Exception {
        server.answers(cmd -> cmd.equals("zonestatus nosuch.test")
                ? Answer.error(23, "not found", "no matching zone 'nosuch.test' in any view")
                : Answer.ok("server is up and running"));
        RndcClient c = client();

        RndcReply ok = c.send("status");
        RndcReply notFound = c.send("zonestatus nosuch.test");

        assertThat(ok).isEqualTo(new RndcReply("status", 0, Optional.empty(), "server is up and running"));
        assertThat(ok.ok()).isTrue();
        assertThat(notFound.ok()).isFalse();
        assertThat(notFound.err()).contains("not found");
        assertThat(notFound.text()).isEqualTo("no matching zone 'nosuch.test' in any view");
        assertThat(notFound.result()).isEqualTo(23);
    }

    @Test
    void everyConnectionStartsWithANullHandshakeAndLaterRequestsEchoItsNonce() throws Exception {
        RndcClient c = client();
        c.send("status");
        c.send("reload example.test");

        List<Seen> seen = server.seen();
        assertThat(seen).extracting(Seen::type).containsExactly("null", "status", "reload example.test");
        assertThat(seen.get(0).nonce()).isEmpty();
        String nonce = seen.get(1).nonce().orElseThrow();
        assertThat(Long.parseLong(nonce)).isGreaterThan(Integer.MAX_VALUE);
        assertThat(seen.get(2).nonce()).contains(nonce);
        assertThat(server.executed()).containsExactly("status", "reload example.test");
    }

    @Test
    void serialsStartAtTheRandomValueAndIncreaseAcrossConnections() throws Exception {
        RndcClient c = client(builder(KEY).reuseConnections(false).random(() -> fixedStart(0xffff_fffeL)));
        c.send("status");
        c.send("status");

        assertThat(server.connectionsAccepted()).isEqualTo(2);
        assertThat(server.seen()).extracting(Seen::serial).containsExactly("4294967294", "4294967295", "0", "1");
    }

    @Test
    void timeAndExpiryComeFromTheInjectedClock() throws Exception {
        RndcClient c = client();
        c.send("status");
        clock.advance(Duration.ofSeconds(5));
        c.send("status");

        long t0 = T0.getEpochSecond();
        assertThat(server.seen())
                .extracting(Seen::time)
                .containsExactly(Long.toString(t0), Long.toString(t0), Long.toString(t0 + 5));
        assertThat(server.seen())
                .extracting(Seen::expires)
                .containsExactly(
                        Optional.of(Long.toString(t0 + 60)),
                        Optional.of(Long.toString(t0 + 60)),
                        Optional.of(Long.toString(t0 + 65)));
    }

    @Test
    void oneConnectionServesConsecutiveCommands() throws Exception {
        RndcClient c = client();
        for (int i = 0; i < 5; i++) {
            c.send("status");
        }
        assertThat(server.connectionsAccepted()).isEqualTo(1);
        assertThat(c.idleConnections()).isEqualTo(1);
    }

    @Test
    void withoutReuseEveryCommandOpensAndClosesItsOwnConnection() throws Exception {
        RndcClient c = client(builder(KEY).reuseConnections(false));
        c.send("status");
        c.send("status");
        assertThat(server.connectionsAccepted()).isEqualTo(2);
        assertThat(c.idleConnections()).isZero();
    }

    @Test
    void connectionIdleForTheIdleTimeoutIsReplacedBeforeNamedWouldDropIt() throws Exception {
        RndcClient c = client(builder(KEY).idleTimeout(Duration.ofSeconds(20)));
        c.send("status");
        clock.advance(Duration.ofSeconds(19));
        c.send("status");
        assertThat(server.connectionsAccepted()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(20));
        c.send("status");
        assertThat(server.connectionsAccepted()).isEqualTo(2);
        assertThat(server.executed()).hasSize(3);
    }

    @Test
    void pooledConnectionClosedByTheServerIsRetriedOnceOnAFreshOne() throws Exception {
        RndcClient c = client();
        c.send("status");
        server.dropAllConnections();

        RndcReply reply = c.send("addzone a.test { type primary; file \"a.db\"; };");

        assertThat(reply.ok()).isTrue();
        assertThat(server.connectionsAccepted()).isEqualTo(2);
        assertThat(server.executed()).containsExactly("status", "addzone a.test { type primary; file \"a.db\"; };");
    }

    @Test
    void connectionClosedWithoutReplyAfterTheCommandIsRejectedAndMayHaveRun() throws Exception {
        // the handshake verified key, algorithm and clock: a silent close after the command is named
        // rejecting it, or named (or a proxy) failing after running it, and the client cannot tell which
        RndcClient c = client(builder(KEY).reuseConnections(false));
        server.misbehave(Misbehaviour.CLOSE_WITHOUT_REPLY);

        assertThatThrownBy(() -> c.send("status"))
                .isInstanceOf(RndcException.Rejected.class)
                .hasMessage(
                        "rndc: connection closed after the command was sent, without a reply: named may have run it")
                .matches(e -> ((RndcException) e).mayHaveRun());
        assertThat(server.executed()).isEmpty();
    }

    @Test
    void rejectionOnAReusedConnectionIsRetriedOnceThenReported() throws Exception {
        RndcClient c = client();
        c.send("status");
        server.misbehave(Misbehaviour.CLOSE_WITHOUT_REPLY);

        assertThatThrownBy(() -> c.send("status")).isInstanceOf(RndcException.Rejected.class);
        assertThat(server.connectionsAccepted()).isEqualTo(2);
        assertThat(server.seen()).extracting(Seen::type).containsExactly("null", "status", "status", "null", "status");
    }

    /** issue 16.1: a command whose reply was lost may have run; one refused at the handshake cannot have. */
    @Test
    void aCommandSentWhoseReplyNeverCameMayHaveRunAndOneNeverSentCannotHave() throws Exception {
        RndcClient c = client(builder(KEY).readTimeout(Duration.ofMillis(300)));
        c.send("status");
        server.misbehave(Misbehaviour.SLOW_REPLY).slowness(Duration.ofSeconds(10));
        RndcException timedOut = catchRndc(() -> c.send("addzone b.test { type primary; file \"b.db\"; };"));
        assertThat(timedOut.mayHaveRun()).isTrue();

        server.misbehave(Misbehaviour.CLOSE_WITHOUT_REPLY);
        RndcClient fresh = client(builder(KEY).reuseConnections(false));
        RndcException closed = catchRndc(() -> fresh.send("addzone c.test { type primary; file \"c.db\"; };"));
        assertThat(closed.mayHaveRun()).isTrue();
        assertThat(closed).hasMessageContaining("may have run");

        RndcKey other = new RndcKey("rndc-key", HmacAlgorithm.HMAC_SHA256, "another secret".getBytes());
        RndcException refused = catchRndc(() -> client(builder(other)).send("addzone d.test { type primary; };"));
        assertThat(refused.mayHaveRun()).isFalse();
    }

    private static RndcException catchRndc(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(RndcException.class);
        return (RndcException) t;
    }

    @Test
    void wrongKeyIsRejectedAtTheHandshake() {
        RndcKey other = new RndcKey("rndc-key", HmacAlgorithm.HMAC_SHA256, "another secret".getBytes());
        RndcClient c = client(builder(other));
        assertThatThrownBy(() -> c.send("status")).isInstanceOf(RndcException.Rejected.class);
    }

    @Test
    void wrongAlgorithmIsRejectedAtTheHandshake() {
        RndcClient c = client(builder(new RndcKey("rndc-key", HmacAlgorithm.HMAC_SHA512, SECRET)));
        assertThatThrownBy(() -> c.send("status")).isInstanceOf(RndcException.Rejected.class);
    }

    @ParameterizedTest
    @EnumSource(
            value = Misbehaviour.class,
            names = {
                "BAD_SIGNATURE",
                "WRONG_SERIAL",
                "WRONG_NONCE",
                "NOT_A_REPLY",
                "OVERSIZE_REPLY",
                "GARBAGE",
                "TRUNCATED_REPLY",
                "NO_RESULT"
            })
    void untrustworthyReplyIsAProtocolErrorAndTheCommandIsNotRetried(Misbehaviour m) throws Exception {
        RndcClient c = client();
        c.send("status");
        server.misbehave(m);

        assertThatThrownBy(() -> c.send("reload a.test"))
                .isInstanceOf(RndcException.Protocol.class)
                .hasMessageStartingWith("rndc: bad reply from 127.0.0.1#" + server.port() + ": ");
        assertThat(server.executed()).containsExactly("status", "reload a.test");
        assertThat(c.idleConnections()).isZero();
    }

    @Test
    void protocolErrorsNameWhatWasWrong() throws Exception {
        RndcClient c = client(builder(KEY).maxReplyLength(4096));
        server.misbehave(Misbehaviour.BAD_SIGNATURE);
        assertThatThrownBy(() -> c.send("status")).hasMessageContaining("signature does not verify");
        server.misbehave(Misbehaviour.WRONG_SERIAL);
        assertThatThrownBy(() -> c.send("status")).hasMessageContaining("serial");
        server.misbehave(Misbehaviour.OVERSIZE_REPLY);
        assertThatThrownBy(() -> c.send("status")).hasMessageContaining("exceeds the limit of 4096");
    }

    @Test
    void slowReplyEndsInAReadTimeoutReportedAsUnreachableAndIsNotRetried() throws Exception {
        RndcClient c = client(builder(KEY).readTimeout(Duration.ofMillis(300)));
        c.send("status");
        server.misbehave(Misbehaviour.SLOW_REPLY).slowness(Duration.ofSeconds(10));

        assertThatThrownBy(() -> c.send("addzone b.test { type primary; file \"b.db\"; };"))
                .isInstanceOf(RndcException.Unreachable.class)
                .hasMessage("rndc: no reply from 127.0.0.1#" + server.port() + " within 300 ms");
        assertThat(server.executed()).containsExactly("status", "addzone b.test { type primary; file \"b.db\"; };");
        assertThat(server.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void refusedConnectionIsUnreachableWithRndcsWording() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RndcClient c = client(RndcClient.builder(KEY).server("127.0.0.1", port));
        assertThatThrownBy(() -> c.send("status"))
                .isInstanceOf(RndcException.Unreachable.class)
                .hasMessage("rndc: connect failed: 127.0.0.1#" + port + ": connection refused");
    }

    @Test
    void requestOverNamedsLimitIsRefusedBeforeSending() throws Exception {
        RndcClient c = client();
        c.send("status");
        assertThatThrownBy(() -> c.send("x".repeat(40_000)))
                .isInstanceOf(RndcException.Protocol.class)
                .hasMessageContaining("32768");
        assertThat(server.executed()).containsExactly("status");
    }

    @ParameterizedTest
    @EnumSource(Misbehaviour.class)
    void noErrorMessageContainsTheSecret(Misbehaviour m) throws Exception {
        RndcClient c = client(builder(KEY).readTimeout(Duration.ofMillis(200)).maxReplyLength(4096));
        server.misbehave(m).slowness(Duration.ofSeconds(5));
        try {
            c.send("status");
        } catch (RndcException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage()))
                        .doesNotContain(SECRET_B64)
                        .doesNotContain("7nA3");
            }
        }
        assertThat(KEY.toString()).doesNotContain(SECRET_B64).contains("redacted");
        assertThat(c.toString()).doesNotContain(SECRET_B64);
    }

    @Test
    void concurrentCallersShareAFewConnectionsWithDistinctSerials() throws Exception {
        RndcClient c = client(builder(KEY).maxConnections(3));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RndcReply>> futures = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String cmd = "zonestatus z" + i + ".test";
                futures.add(pool.submit(() -> c.send(cmd)));
            }
            for (Future<RndcReply> f : futures) {
                assertThat(f.get().ok()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.connectionsAccepted()).isBetween(1, 3);
        List<String> serials = server.seen().stream().map(Seen::serial).toList();
        assertThat(new HashSet<>(serials)).hasSameSizeAs(serials);
        assertThat(server.executed()).hasSize(80);
    }

    @Test
    void closedClientRefusesNewCommandsAndClosesItsConnections() throws Exception {
        RndcClient c = client();
        c.send("status");
        c.close();
        assertThat(c.idleConnections()).isZero();
        assertThatThrownBy(() -> c.send("status"))
                .isInstanceOf(RndcException.Unreachable.class)
                .hasMessageContaining("closed");
    }
}
