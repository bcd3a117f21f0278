package dev.bindsmith.http;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;

/** The HTTP contract against a real server on an ephemeral loopback port. */
@ServerTest
class HttpApiServerTest extends HttpApiContract {
    private static final ApiFixture FIXTURE = new ApiFixture();
    private static final List<WebServer> EXTRA = new CopyOnWriteArrayList<>();

    HttpApiServerTest(Http1Client client) {
        super(client, FIXTURE);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.host("127.0.0.1");
        FIXTURE.api.configure(server);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        FIXTURE.install(routing);
    }

    @Override
    Http1Client clientFor(ApiRouting routing) {
        WebServer server = ApiFixture.serve(routing);
        EXTRA.add(server);
        return Http1Client.builder()
                .baseUri("http://127.0.0.1:" + server.port())
                .build();
    }

    @AfterAll
    static void stopExtraServers() {
        EXTRA.forEach(WebServer::stop);
    }
}
