package dev.bindsmith.cli;

import dev.bindsmith.wiring.Backend;
import dev.bindsmith.wiring.BackendSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the build's ahead-of-time cache (JDK 25, JEP 483/514): the commands a user runs
 * most, in one JVM, on a throw-away embedded data directory, so that the classes they load and link
 * are in the cache that {@code ./bindsmith} starts with. Not a command: the build runs it once, as
 * {@code java -XX:AOTCacheOutput=target/bindsmith.aot -cp target/bindsmith.jar dev.bindsmith.cli.AotTraining}.
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        Path data = Files.createTempDirectory("bindsmith-aot-training");
        try {
            Map<String, String> env =
                    Map.of(BackendSettings.BACKEND, "embedded", BackendSettings.DATA_DIR, data.toString());
            for (List<String> command : List.of(
                    List.of("--help"),
                    List.of("--version"),
                    List.of(
                            "zone",
                            "create",
                            "training.example",
                            "--ns",
                            "ns1.training.example",
                            "--ns-ip",
                            "ns1.training.example=192.0.2.53",
                            "--record",
                            "www A 192.0.2.80",
                            "--update-key",
                            "training-key"),
                    List.of("zone", "list"),
                    List.of("zone", "list", "-o", "json"),
                    List.of("zone", "show", "training.example"),
                    List.of("zone", "status", "training.example"),
                    List.of("record", "add", "training.example", "api", "AAAA", "2001:db8::80"),
                    List.of("record", "list", "training.example"),
                    List.of("record", "remove", "training.example", "api", "AAAA", "2001:db8::80"),
                    List.of("zone", "show", "absent.example"),
                    List.of("zone", "delete", "training.example"),
                    List.of("--url", "http://127.0.0.1:1", "--timeout", "1", "zone", "list"))) {
                run(env, command);
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(Map<String, String> env, List<String> command) {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
        new Cli(env, new ByteArrayInputStream(new byte[0]), nowhere, nowhere, Backend::open, new HttpLauncher())
                .run(command.toArray(String[]::new));
    }
}
