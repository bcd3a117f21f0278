package dev.bindsmith.cli;

import dev.bindsmith.http.BindsmithServer;
import dev.bindsmith.http.HttpServerConfig;
import dev.bindsmith.http.ReadinessProbe;
import dev.bindsmith.http.backend.Backend;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Runs the HTTP server ({@link BindsmithServer}) over a backend: the launcher of {@code serve} and of direct mode. */
final class HttpLauncher implements Serve.Launcher {

    @Override
    public Serve.Running start(Backend backend, Map<String, String> env, Map<String, String> overrides) {
        HttpServerConfig config = HttpServerConfig.parse(env, overrides);
        BindsmithServer server = BindsmithServer.builder(backend.zoneService(),
                        ReadinessProbe.of(backend.zoneStore(), backend.control()), config)
                .records(backend.recordService()).build().start();
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        String url = "http://" + host + ":" + server.port();
        CountDownLatch stopped = new CountDownLatch(1);
        // On SIGTERM / Ctrl-C: stop taking requests, let those in flight finish, release the backend.
        Thread hook = new Thread(() -> {
            server.stop();
            backend.close();
            stopped.countDown();
        }, "bindsmith-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Serve.Running() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public void awaitShutdown() throws InterruptedException {
                stopped.await();
            }

            @Override
            public void close() {
                server.stop();
                stopped.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException alreadyExiting) {
                    // The JVM is exiting and the hook is running: it finishes the shutdown.
                }
            }
        };
    }
}
