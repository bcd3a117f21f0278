package dev.bindsmith.benchmarks;

import static dev.bindsmith.benchmarks.Runs.arg;
import static dev.bindsmith.benchmarks.Runs.expectOk;
import static dev.bindsmith.benchmarks.Runs.median;

import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.rndc.client.RndcException;
import dev.bindsmith.rndc.wire.RndcKey;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Against one throwaway named, in one run: {@code status} round trips per second for the {@code rndc}
 * binary (the baseline; the only place bindsmith forks it), the native client with a new connection
 * per call and with a reused connection; then {@code addzone} + {@code delzone} of N zones over one
 * reused connection. Prints a table of medians over several passes.
 *
 * <p>Arguments (all optional): {@code passes=3 rndcCalls=100 newConnCalls=500 reusedCalls=2000 zones=1000}.
 */
public final class RndcBenchmark {

    private RndcBenchmark() {}

    public static void main(String[] args) throws Exception {
        int passes = arg(args, "passes", 3);
        int rndcCalls = arg(args, "rndcCalls", 100);
        int newConnCalls = arg(args, "newConnCalls", 500);
        int reusedCalls = arg(args, "reusedCalls", 2000);
        int zones = arg(args, "zones", 1000);

        try (RunningNamed named = NamedLauncher.create().start()) {
            RndcKey key = Runs.rndcKey(named.rndcKey());
            String host = named.address().getHostAddress();
            int port = named.controlPort();
            System.out.printf(
                    Locale.ROOT,
                    "named %s, control channel %s#%d, %s, %d CPUs, Java %s%n",
                    named.pid(),
                    host,
                    port,
                    key.algorithm(),
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version());

            RndcClient reused = RndcClient.builder(key).server(host, port).build();
            RndcClient fresh = RndcClient.builder(key)
                    .server(host, port)
                    .reuseConnections(false)
                    .build();
            try (reused;
                    fresh) {
                // Warm-up: JIT, named's caches, the rndc binary's page cache.
                loop(reused, 500);
                loop(fresh, 100);
                rndcBinary(named, port, 10);

                double[] bin = new double[passes];
                double[] perCall = new double[passes];
                double[] perReused = new double[passes];
                for (int p = 0; p < passes; p++) {
                    bin[p] = rndcBinary(named, port, rndcCalls) / rndcCalls;
                    perCall[p] = loop(fresh, newConnCalls) / newConnCalls;
                    perReused[p] = loop(reused, reusedCalls) / reusedCalls;
                    System.out.printf(
                            Locale.ROOT,
                            "pass %d: rndc %.3f ms, new connection %.3f ms, reused %.3f ms%n",
                            p + 1,
                            bin[p],
                            perCall[p],
                            perReused[p]);
                }

                Path dir = named.zoneDirectory().resolve("bench");
                Files.createDirectories(dir);
                for (int i = 0; i < zones; i++) {
                    writeZone(dir, i);
                }
                double[] add = new double[passes];
                double[] del = new double[passes];
                for (int p = 0; p < passes; p++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < zones; i++) {
                        expectOk(reused.send("addzone " + zone(i) + " { type primary; file \""
                                + dir.resolve(zone(i) + ".db") + "\"; };"));
                    }
                    long t1 = System.nanoTime();
                    for (int i = 0; i < zones; i++) {
                        expectOk(reused.send("delzone " + zone(i)));
                    }
                    long t2 = System.nanoTime();
                    add[p] = (t1 - t0) / 1e6;
                    del[p] = (t2 - t1) / 1e6;
                    System.out.printf(
                            Locale.ROOT,
                            "pass %d: addzone x%d %.0f ms, delzone x%d %.0f ms%n",
                            p + 1,
                            zones,
                            add[p],
                            zones,
                            del[p]);
                }

                double b = median(bin);
                double n = median(perCall);
                double r = median(perReused);
                System.out.println();
                System.out.printf(
                        Locale.ROOT,
                        "| %-44s | %12s | %10s | %12s |%n",
                        "status, median of " + passes + " passes",
                        "ms per call",
                        "calls/s",
                        "vs rndc");
                System.out.println("| " + "-".repeat(44) + " | " + "-".repeat(12) + ":| " + "-".repeat(10) + ":| "
                        + "-".repeat(12) + ":|");
                row("rndc binary (fork+exec, " + rndcCalls + " calls)", b, b);
                row("native, new connection per call (" + newConnCalls + ")", n, b);
                row("native, one reused connection (" + reusedCalls + ")", r, b);
                System.out.println();
                System.out.printf(
                        Locale.ROOT,
                        "| %-44s | %12s | %12s |%n",
                        zones + " zones, one connection",
                        "total (ms)",
                        "ms per zone");
                System.out.println("| " + "-".repeat(44) + " | " + "-".repeat(12) + ":| " + "-".repeat(12) + ":|");
                System.out.printf(
                        Locale.ROOT, "| %-44s | %12.0f | %12.3f |%n", "addzone", median(add), median(add) / zones);
                System.out.printf(
                        Locale.ROOT, "| %-44s | %12.0f | %12.3f |%n", "delzone", median(del), median(del) / zones);
            }
        }
    }

    private static void row(String label, double msPerCall, double baseline) {
        System.out.printf(
                Locale.ROOT,
                "| %-44s | %12.3f | %10.0f | %11.1fx |%n",
                label,
                msPerCall,
                1000 / msPerCall,
                baseline / msPerCall);
    }

    /** Milliseconds for {@code n} status calls. */
    private static double loop(RndcClient c, int n) throws RndcException {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            expectOk(c.send("status"));
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Milliseconds for {@code n} runs of {@code rndc -c rndc.conf -s host -p port status}. */
    private static double rndcBinary(RunningNamed named, int port, int n) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                rndcPath(),
                "-c",
                named.rndcConf().toString(),
                "-s",
                named.address().getHostAddress(),
                "-p",
                Integer.toString(port),
                "status"));
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException("rndc status exited with " + code);
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static String rndcPath() {
        for (String candidate : new String[] {"/usr/sbin/rndc", "/usr/bin/rndc"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "rndc";
    }

    private static String zone(int i) {
        return String.format(Locale.ROOT, "z%04d.bench.test", i);
    }

    private static void writeZone(Path dir, int i) throws IOException {
        String z = zone(i);
        Files.writeString(dir.resolve(z + ".db"), """
                $TTL 300
                @ IN SOA ns1.%1$s. admin.%1$s. 1 3600 600 604800 300
                @ IN NS ns1.%1$s.
                ns1 IN A 192.0.2.1
                www IN A 192.0.2.10
                """.formatted(z));
    }
}
