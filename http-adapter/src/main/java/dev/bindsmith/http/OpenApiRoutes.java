package dev.bindsmith.http;

import static dev.bindsmith.http.ApiRouting.Access.PUBLIC;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /api/v1/openapi.yaml}: the API description. Its one source is {@code docs/openapi.yaml};
 * the build copies it onto the class path ({@code dev/bindsmith/http/openapi.yaml}).
 */
final class OpenApiRoutes implements RouteGroup {
    static final String RESOURCE = "openapi.yaml";

    @Override
    public void register(ApiRouting routes) {
        String text = load();
        routes.get(
                "/api/v1/openapi.yaml",
                PUBLIC,
                r -> new Reply.Text(200, "application/yaml; charset=utf-8", text, Map.of()));
    }

    static String load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
