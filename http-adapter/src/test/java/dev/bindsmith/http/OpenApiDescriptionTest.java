package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml describes exactly the routes the server has, each operation has an operationId,
 * and the server serves that very file. That its answers match the described responses is checked on
 * every exchange of the HTTP tests ({@link OpenApiResponses}); the last tests here show that check
 * can fail.
 */
class OpenApiDescriptionTest {
    private final OpenApiResponses docs = OpenApiResponses.DOCS;

    @Test
    void everyRouteIsDescribedAndEveryDescribedRouteExists() {
        Set<String> described = new TreeSet<>(docs.operations());

        Set<String> served = new TreeSet<>();
        ApiRouting api = new ApiFixture().api;
        api.endpoints().stream()
                .filter(api::described)
                .forEach(e -> served.add(e.method().text() + " " + e.template()));

        assertThat(described).isEqualTo(served);
    }

    @Test
    void everyOperationHasItsOwnCamelCaseOperationId() {
        List<String> ids = new ArrayList<>();
        docs.paths()
                .forEach((template, item) -> ((Map<?, ?>) item).forEach((method, operation) -> {
                    if (OpenApiResponses.isMethod((String) method)) {
                        Object id = ((Map<?, ?>) operation).get("operationId");
                        assertThat(id)
                                .as("operationId of %s %s", method, template)
                                .isInstanceOf(String.class);
                        assertThat((String) id).as("%s %s", method, template).matches("[a-z]+[A-Za-z0-9]*");
                        ids.add((String) id);
                    }
                }));
        assertThat(new HashSet<>(ids)).as("operationIds are unique").hasSameSizeAs(ids);
    }

    @Test
    void theServedCopyIsTheDocsFile() throws IOException {
        Path docsFile = Path.of("..", "docs", "openapi.yaml");
        assertThat(OpenApiRoutes.load()).isEqualTo(Files.readString(docsFile));
    }

    private static Exchange.Response json(int status, String body) {
        return new Exchange.Response(status, Map.of("Content-Type", "application/json"), body);
    }

    @Test
    void anAnswerTheDescriptionDoesNotSayIsReported() {
        assertThat(docs.problems("GET", "/api/v1/zones", json(200, "{\"zones\":[\"a.example\"],\"count\":1}")))
                .isEmpty();
        assertThat(docs.problems("GET", "/api/v1/zones", json(200, "{\"zones\":\"a.example\",\"count\":\"one\"}")))
                .hasSize(2);
        assertThat(docs.problems("GET", "/api/v1/zones/a.example", json(404, "{\"error\":\"Zone not found\"}")))
                .as("an envelope without details, code and requestId")
                .isNotEmpty();
        assertThat(docs.problems("GET", "/api/v1/zones", json(418, "{}")))
                .containsExactly("status 418 is not described");
        assertThat(docs.problems(
                        "GET", "/api/v1/zones", new Exchange.Response(200, Map.of("Content-Type", "text/html"), "<p>")))
                .singleElement()
                .asString()
                .contains("content type 'text/html'");
        assertThat(docs.problems("DELETE", "/api/v1/zones/a.example", json(204, "{}")))
                .containsExactly("a body where none is described");
        assertThat(docs.problems("GET", "/no/such/route", json(404, "{}"))).isEmpty();
    }
}
