package dev.bindsmith.cli;

import dev.bindsmith.http.HttpServerConfig;
import dev.bindsmith.wiring.ApiServer;
import dev.bindsmith.wiring.Backend;
import java.util.Map;

/**
 * {@code serve}'s launcher: the server's settings from variables and flags, then the wiring's {@link ApiServer}.
 * {@link #prepare} builds Helidon's service registry ({@link ApiServer#prepare}) on a thread of its own
 * while the backend opens: one after the other, the two were most of serve's start-up after the JVM's own.
 */
final class HttpLauncher implements Serve.Launcher {
    private Thread preparing;

    @Override
    public void prepare() {
        if (preparing == null) {
            preparing =
                    Thread.ofPlatform().daemon().name("bindsmith-http-prepare").start(HttpLauncher::prepareServer);
        }
    }

    private static void prepareServer() {
        try {
            ApiServer.prepare();
        } catch (RuntimeException | LinkageError e) {
            // start meets the same problem on its own thread, and reports it
        }
    }

    @Override
    public Serve.Running start(Backend backend, Map<String, String> env, Map<String, String> overrides) {
        awaitPrepared();
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

    /**
     * Waits for {@link #prepare}'s thread before the server is built: two threads initializing Helidon's
     * classes at the same time could each wait for a class the other is initializing. An interrupt is
     * kept for later, not a reason to build the server alongside.
     */
    private void awaitPrepared() {
        if (preparing == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                preparing.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
