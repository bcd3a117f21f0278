package dev.bindsmith.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages for people, served as static files from the jar through the same pipeline as the API
 * (request id, access log, metrics), public and not rate-limited, since they hold no data: every
 * piece of data the browser shows comes from the API with the token the user typed.
 *
 * <ul>
 * <li>the web console at {@code /ui/} ({@code BINDSMITH_ENABLE_CONSOLE}, on by default);</li>
 * <li>Swagger UI at {@code /api/v1/docs} ({@code BIND_ENABLE_DOCS=true}, off by default as in the
 *     reference), from the {@code org.webjars:swagger-ui} webjar, over {@code /api/v1/openapi.yaml}.</li>
 * </ul>
 *
 * Only the files listed here are served (a name is looked up, never resolved as a path), each with a
 * strict Content-Security-Policy: scripts and styles from this origin only, no inline script, no
 * frames, requests only to this origin.
 */
final class PageRoutes implements RouteGroup {
    /** The console runs no inline script or style and talks only to this origin. */
    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    /** Swagger UI sets style attributes from its scripts, so inline styles are allowed there; scripts are not. */
    static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private static final String CONSOLE = "console/";
    private static final String DOCS = "docs/";
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";

    private record Asset(String resource, String contentType) {}

    private static final Map<String, Asset> CONSOLE_FILES = Map.of(
            "index.html", new Asset(CONSOLE + "index.html", "text/html; charset=utf-8"),
            "console.css", new Asset(CONSOLE + "console.css", "text/css; charset=utf-8"),
            "console.js", new Asset(CONSOLE + "console.js", "text/javascript; charset=utf-8"));

    private final HttpServerConfig.Pages pages;
    private final Map<String, String> loaded = new ConcurrentHashMap<>();

    PageRoutes(HttpServerConfig.Pages pages) {
        this.pages = pages;
    }

    @Override
    public void register(ApiRouting routes) {
        if (pages.console()) {
            routes.page("/ui", r -> redirect("/ui/"));
            routes.page("/ui/", r -> serve(CONSOLE_FILES.get("index.html"), CONSOLE_POLICY));
            routes.page(
                    "/ui/{file}",
                    r -> Optional.ofNullable(CONSOLE_FILES.get(r.param("file")))
                            .map(a -> serve(a, CONSOLE_POLICY))
                            .orElseGet(() -> OutcomeReplies.notFoundEndpoint("/ui/" + r.param("file"))));
        }
        if (pages.docs()) {
            String version = swaggerUiVersion();
            Map<String, Asset> files = Map.of(
                    "swagger-ui.css", new Asset(WEBJAR + version + "/swagger-ui.css", "text/css; charset=utf-8"),
                    "swagger-ui-bundle.js",
                            new Asset(WEBJAR + version + "/swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
                    "docs.js", new Asset(DOCS + "docs.js", "text/javascript; charset=utf-8"));
            routes.page(
                    "/api/v1/docs",
                    r -> serve(new Asset(DOCS + "index.html", "text/html; charset=utf-8"), DOCS_POLICY));
            routes.page(
                    "/api/v1/docs/{file}",
                    r -> Optional.ofNullable(files.get(r.param("file")))
                            .map(a -> serve(a, DOCS_POLICY))
                            .orElseGet(() -> OutcomeReplies.notFoundEndpoint("/api/v1/docs/" + r.param("file"))));
        }
    }

    private Reply serve(Asset asset, String policy) {
        String body = loaded.computeIfAbsent(asset.resource(), PageRoutes::read);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", policy);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cache-Control", "no-cache");
        return new Reply.Text(200, asset.contentType(), body, headers);
    }

    private static Reply redirect(String location) {
        return new Reply.Empty(308, Map.of("Location", location));
    }

    private static String read(String resource) {
        try (InputStream in = PageRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's version, from its Maven metadata, so that the path follows the dependency's version. */
    static String swaggerUiVersion() {
        try (InputStream in =
                PageRoutes.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
