package dev.bindsmith.http;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

/** The HTTP contract without a socket: Helidon's DirectClient drives the routing in process. */
@RoutingTest
class HttpApiRoutingTest extends HttpApiContract {
    private static final ApiFixture FIXTURE = new ApiFixture();

    HttpApiRoutingTest(DirectClient client) {
        super(client.clientHost("127.0.0.1"), FIXTURE);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        FIXTURE.install(routing);
    }

    @Override
    Http1Client clientFor(ApiRouting routing) {
        var builder = HttpRouting.builder();
        routing.install(builder);
        return new DirectClient(builder).clientHost("127.0.0.1");
    }
}
