package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.WebServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HEAD on a GET route answers GET's status and headers, with the length the body would have and no
 * body: sent byte for byte on one connection, so a body sent by mistake would show up as garbage
 * before the second response.
 */
class HeadRequestTest {
    private static final ApiFixture FIXTURE = new ApiFixture();
    private static WebServer server;

    @BeforeAll
    static void start() {
        server = ApiFixture.serve(FIXTURE.api);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void headAnswersLikeGetWithoutABodyAndTheConnectionStaysUsable() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(1000);
            s.getOutputStream()
                    .write(("HEAD /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n"
                                    + "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));

            String both = readAll(s.getInputStream());

            String head = both.substring(0, both.indexOf("\r\n\r\n") + 4);
            String rest = both.substring(head.length());
            assertThat(head).startsWith("HTTP/1.1 200 OK").containsPattern("(?i)content-length: (\\d+)");
            String length = head.replaceAll("(?is).*content-length: (\\d+).*", "$1");
            assertThat(rest)
                    .as("the next response follows the HEAD headers directly")
                    .startsWith("HTTP/1.1 200 OK");
            String getBody = rest.substring(rest.indexOf("\r\n\r\n") + 4);
            assertThat(getBody).startsWith("{\"status\":\"healthy\"");
            assertThat(Integer.parseInt(length)).isEqualTo(getBody.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void headOfAProtectedRouteIsJudgedLikeGet() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(1000);
            s.getOutputStream()
                    .write("HEAD /api/v1/zones HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));

            String response = readAll(s.getInputStream());

            assertThat(response)
                    .startsWith("HTTP/1.1 401")
                    .containsIgnoringCase("WWW-Authenticate: Bearer")
                    .endsWith("\r\n\r\n");
        }
    }

    /** Everything the server sends until it has been silent for the socket's timeout (it may keep the connection). */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException silent) {
            // nothing more came: what arrived is the whole answer
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
