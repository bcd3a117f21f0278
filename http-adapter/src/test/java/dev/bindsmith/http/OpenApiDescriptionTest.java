package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/openapi.yaml describes exactly the routes the server has, and the server serves that very file. */
class OpenApiDescriptionTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void everyRouteIsDescribedAndEveryDescribedRouteExists() {
        Set<String> described = new TreeSet<>();
        Map<String, Object> doc = new Yaml().load(OpenApiRoutes.load());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(METHODS::contains)
                .forEach(m -> described.add(m.toUpperCase(Locale.ROOT) + " " + path)));

        Set<String> served = new TreeSet<>();
        new ApiFixture().api.endpoints().forEach(e -> served.add(e.method().text() + " " + e.template()));

        assertThat(described).isEqualTo(served);
    }

    @Test
    void theServedCopyIsTheDocsFile() throws IOException {
        Path docs = Path.of("..", "docs", "openapi.yaml");
        assertThat(OpenApiRoutes.load()).isEqualTo(Files.readString(docs));
    }
}
