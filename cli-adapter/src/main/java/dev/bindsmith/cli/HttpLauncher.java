package dev.bindsmith.cli;

import dev.bindsmith.http.HttpServerConfig;
import dev.bindsmith.wiring.ApiServer;
import dev.bindsmith.wiring.Backend;
import java.util.Map;

/** {@code serve}'s launcher: the server's settings from variables and flags, then the wiring's {@link ApiServer}. */
final class HttpLauncher implements Serve.Launcher {

    @Override
    public Serve.Running start(Backend backend, Map<String, String> env, Map<String, String> overrides) {
        ApiServer server = ApiServer.start(backend, HttpServerConfig.parse(env, overrides));
        return new Serve.Running() {
            @Override
            public String url() {
                return server.url();
            }

            @Override
            public void awaitShutdown() throws InterruptedException {
                server.awaitShutdown();
            }

            @Override
            public void reloadTokens() {
                server.reloadTokens();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
