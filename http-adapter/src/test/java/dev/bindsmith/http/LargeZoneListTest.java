package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.http.json.Json;
import dev.bindsmith.http.json.JsonApi;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.TestZones;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A list of every zone that runs to megabytes arrives whole over a real loopback connection. Helidon
 * 4.4.0's NIO socket (its default listener) writes a response 8 KiB at a time and drops what the kernel
 * did not take of one write when the socket's send buffer is nearly full, so a body larger than the
 * buffers between server and client lost a few KiB in the middle and the client, short of its
 * Content-Length, waited for ever (issue 11: 15 MB for 100 000 zones). A read timeout turns that
 * hang into a failure; the server writes the whole body in well under a second.
 */
class LargeZoneListTest {
    /** About 12 MB of JSON, well past loopback's socket buffers: every such request lost bytes before. */
    private static final int ZONES = 60_000;

    private ApiFixture fx;
    private BindsmithServer server;

    @BeforeEach
    void manyZones() {
        fx = new ApiFixture();
        for (int i = 0; i < ZONES; i++) {
            ZoneName name = ZoneName.of(String.format(Locale.ROOT, "zone-%06d.a-rather-long-label.example.com", i));
            Outcomes.ok(fx.memory.create(TestZones.spec(name.value()).build()));
            fx.memory.created(name);
        }
        HttpServerConfig config = HttpServerConfig.parse(
                Map.of("BIND_API_TOKEN", ApiFixture.TOKEN, "RATE_LIMIT_ENABLED", "false"), Map.of("API_PORT", "0"));
        server = BindsmithServer.builder(fx.useCases, ReadinessProbe.of(fx.store, fx.control), config)
                .clock(fx.clock)
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void listOfEveryZoneOverHttpArrivesWhole() throws IOException {
        byte[] expected = Json.write(new JsonApi(fx.useCases, Clock.systemUTC())
                .listZones(Optional.empty(), Optional.empty())
                .body()
                .orElseThrow());

        Response first = get("/api/v1/zones");

        assertThat(expected.length).isGreaterThan(10_000_000);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.declaredLength()).isEqualTo(expected.length);
        assertThat(first.received()).as("bytes received of %d", expected.length).isEqualTo(expected.length);
        assertThat(first.body()).isEqualTo(expected);
        assertThat(get("/api/v1/zones").body()).as("the list again").isEqualTo(expected);
    }

    private record Response(int status, long declaredLength, int received, byte[] body) {}

    /** One GET on its own connection, read up to its Content-Length, giving up after 60 s of silence. */
    private Response get(String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + ApiFixture.TOKEN
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            int status = Integer.parseInt(head.substring(9, 12));
            long length = head.lines()
                    .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                    .mapToLong(
                            l -> Long.parseLong(l.substring(l.indexOf(':') + 1).strip()))
                    .findFirst()
                    .orElse(-1);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                while (body.size() < length) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - body.size()));
                    if (n < 0) {
                        break;
                    }
                    body.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException stalled) {
                // what the client got before the server stopped sending: compared below
            }
            return new Response(status, length, body.size(), body.toByteArray());
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the head: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
