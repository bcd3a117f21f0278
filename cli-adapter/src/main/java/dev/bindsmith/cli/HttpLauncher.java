package dev.bindsmith.cli;

import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.http.BindsmithServer;
import dev.bindsmith.http.HttpServerConfig;
import dev.bindsmith.http.MeteredNameServerControl;
import dev.bindsmith.http.Metrics;
import dev.bindsmith.http.ReadinessProbe;
import dev.bindsmith.http.backend.Backend;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Runs the HTTP server ({@link BindsmithServer}) over a backend: the launcher of {@code serve} and of direct mode. */
final class HttpLauncher implements Serve.Launcher {

    @Override
    public Serve.Running start(Backend backend, Map<String, String> env, Map<String, String> overrides) {
        HttpServerConfig config = HttpServerConfig.parse(env, overrides);
        // every name-server command the API causes is counted and timed in /metrics
        Metrics metrics = new Metrics();
        NameServerControl control = new MeteredNameServerControl(backend.control(), metrics);
        BindsmithServer server = BindsmithServer.builder(backend.zoneService(control),
                        ReadinessProbe.of(backend.zoneStore(), control), config)
                .metrics(metrics).records(backend.recordService(control)).build().start();
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        String url = "http://" + host + ":" + server.port();
        CountDownLatch stopped = new CountDownLatch(1);
        return new Serve.Running() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public void awaitShutdown() throws InterruptedException {
                // On SIGTERM / Ctrl-C the server's own shutdown hook stops taking requests and lets
                // those in flight finish, and the JVM exits with this thread still waiting here. A hook
                // of ours that closed the backend would race with those requests.
                stopped.await();
            }

            @Override
            public void close() {
                server.stop();
                stopped.countDown();
            }
        };
    }
}
