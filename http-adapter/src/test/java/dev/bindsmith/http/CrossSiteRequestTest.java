package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.service.UseCases;
import dev.bindsmith.testing.MutableClock;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With authentication off nothing but the loopback address guards the API, and a web page can reach
 * loopback: a cross-site request (a form POST, a fetch) or a page on a rebound DNS name (Host: its
 * own name) must be refused, while curl, the CLI and a page the API itself serves are not.
 */
class CrossSiteRequestTest {
    private static BindsmithServer server;
    private static InMemoryZoneStore store;
    private static UseCases useCases;

    @BeforeAll
    static void start() {
        MutableClock clock = new MutableClock(TestClocks.INSTANT);
        store = new InMemoryZoneStore();
        InMemoryNameServerControl control = new InMemoryNameServerControl(store, clock);
        InMemoryRecordStore records = new InMemoryRecordStore(control);
        useCases = UseCases.of(store, control, records, records, clock);
        useCases.zones().create(TestZones.request("example.com").build());
        server = BindsmithServer.builder(
                        useCases,
                        ReadinessProbe.of(store, control),
                        HttpServerConfig.parse(
                                Map.of("DISABLE_AUTH", "true", "RATE_LIMIT_ENABLED", "false"), Map.of("API_PORT", "0")))
                .clock(clock)
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** The status of a request sent byte for byte, with {@code headers} ("Name: value" lines joined by '|'). */
    private static int status(String method, String path, String headers) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            for (String h : headers.split("\\|")) {
                if (!h.isBlank()) {
                    request.append(h.replace("{port}", Integer.toString(server.port())))
                            .append("\r\n");
                }
            }
            request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // only the status line: the server may keep the connection open after the answer
            String statusLine =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    @ParameterizedTest(name = "{0} {1} with [{2}] is refused")
    @CsvSource(
            delimiter = ';',
            value = {
                "POST; /api/v1/zones/example.com/reload; Host: 127.0.0.1:{port}|Origin: http://evil.example",
                "POST; /api/v1/zones/example.com/notify; Host: localhost:{port}|Origin: null",
                "POST; /api/v1/zones/example.com/reload; Host: 127.0.0.1:{port}|Origin: http://127.0.0.1:3000",
                "POST; /api/v1/server/reload; Host: 127.0.0.1:{port}|Sec-Fetch-Site: cross-site",
                "POST; /api/v1/server/reload; Host: 127.0.0.1:{port}|Sec-Fetch-Site: same-site",
                "GET; /api/v1/zones; Host: rebound.attacker.example:{port}",
                "GET; /api/v1/zones; Host: rebound.attacker.example:{port}|Origin: http://rebound.attacker.example:{port}",
                "DELETE; /api/v1/zones/example.com; Host: 127.0.0.1.nip.io:{port}"
            })
    void aCrossSiteOrReboundRequestIsRefusedWhenAuthenticationIsOff(String method, String path, String headers)
            throws IOException {
        assertThat(status(method, path, headers)).isEqualTo(403);
        assertThat(store.find(dev.bindsmith.core.zone.ZoneName.of("example.com")))
                .isPresent();
    }

    @ParameterizedTest(name = "{0} {1} with [{2}] is served")
    @CsvSource(
            delimiter = ';',
            value = {
                "GET; /api/v1/zones; Host: 127.0.0.1:{port}",
                "GET; /api/v1/zones; Host: localhost:{port}",
                "GET; /api/v1/zones; Host: [::1]:{port}",
                "POST; /api/v1/zones/example.com/reload; Host: 127.0.0.1:{port}",
                "POST; /api/v1/zones/example.com/reload; Host: 127.0.0.1:{port}|Origin: http://127.0.0.1:{port}",
                "POST; /api/v1/zones/example.com/reload; Host: localhost:{port}|Sec-Fetch-Site: same-origin",
                "GET; /api/v1/zones; Host: 127.0.0.1:{port}|Sec-Fetch-Site: none",
                "GET; /api/v1/health; Host: 10.1.2.3:{port}"
            })
    void aSameOriginOrNonBrowserRequestIsServed(String method, String path, String headers) throws IOException {
        assertThat(status(method, path, headers)).isEqualTo(200);
    }
}
