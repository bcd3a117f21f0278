package dev.bindsmith.benchmarks;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import dev.bindsmith.wiring.Backend;
import dev.bindsmith.wiring.BackendSettings;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * UDP queries per second answered by the embedded name server and by a real named 9.18 serving the
 * same zone, measured side by side in one run: the passes alternate between the two, so a noisy
 * moment of the machine hits both. Each client thread sends one A query, waits for its answer, and
 * sends the next (closed loop), so the figure is answered queries, never dropped ones.
 *
 * <pre>./mvnw -B -ntp -pl benchmarks -am verify -DskipTests -DskipITs -Pbench \
 *     -Dbench.main=dev.bindsmith.benchmarks.QueryBenchmark -Dbench.args="passes=3 seconds=5 threads=4"</pre>
 */
public final class QueryBenchmark {
    private static final String ZONE = "bench.test";

    private QueryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int passes = Runs.arg(args, "passes", 3);
        int seconds = Runs.arg(args, "seconds", 5);
        int threads = Runs.arg(args, "threads", 4);
        Path data = Files.createTempDirectory("bindsmith-query-bench");
        // Both backends as bindsmith serve opens them: from the server's variables, through the wiring.
        try (RunningNamed named = NamedLauncher.create().start();
                Backend embedded = Backend.open(
                        BackendSettings.fromEnvironment(
                                Map.of(
                                        BackendSettings.BACKEND,
                                        "embedded",
                                        BackendSettings.DATA_DIR,
                                        data.toString(),
                                        BackendSettings.DNS_PORT,
                                        "0"),
                                p -> false),
                        true);
                Backend bind =
                        Backend.open(BackendSettings.fromEnvironment(Runs.bindVariables(named), p -> false), true)) {
            serve(embedded);
            serve(bind);
            InetSocketAddress embeddedAt = embedded.dnsAddress().orElseThrow();
            InetSocketAddress namedAt = new InetSocketAddress(named.address(), named.dnsPort());
            System.out.printf(
                    Locale.ROOT,
                    "embedded %s, named %s (pid %d), %d client threads, %d s per pass, %d CPUs, Java %s%n",
                    embeddedAt,
                    namedAt,
                    named.pid(),
                    threads,
                    seconds,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version());

            // warm-up: the JIT for the embedded server, caches for both
            load(embeddedAt, threads, 2);
            load(namedAt, threads, 2);

            double[] embeddedQps = new double[passes];
            double[] namedQps = new double[passes];
            for (int p = 0; p < passes; p++) {
                boolean embeddedFirst = p % 2 == 0;
                double first = load(embeddedFirst ? embeddedAt : namedAt, threads, seconds);
                double second = load(embeddedFirst ? namedAt : embeddedAt, threads, seconds);
                embeddedQps[p] = embeddedFirst ? first : second;
                namedQps[p] = embeddedFirst ? second : first;
                System.out.printf(
                        Locale.ROOT,
                        "pass %d: embedded %.0f q/s, named %.0f q/s%n",
                        p + 1,
                        embeddedQps[p],
                        namedQps[p]);
            }
            double e = Runs.median(embeddedQps);
            double n = Runs.median(namedQps);
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "| UDP A queries, %d threads, median of %d passes | queries/s | vs named |%n",
                    threads,
                    passes);
            System.out.println("| --- | ---: | ---: |");
            System.out.printf(Locale.ROOT, "| named 9.18 | %.0f | 1.00x |%n", n);
            System.out.printf(Locale.ROOT, "| bindsmith embedded | %.0f | %.2fx |%n", e, e / n);
        } finally {
            deleteTree(data);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Creates the zone through the backend's own use case, as the API would. */
    private static void serve(Backend backend) {
        Outcome<?> created = backend.useCases()
                .zones()
                .create(TestZones.request(ZONE)
                        .withRecord(TestZones.record("www", "A", "192.0.2.80", 300))
                        .build());
        if (!created.isSuccess()) {
            throw new IllegalStateException("could not create the zone: " + created);
        }
    }

    /** Answered queries per second from {@code threads} closed-loop clients over {@code seconds}. */
    private static double load(InetSocketAddress server, int threads, int seconds) throws Exception {
        byte[] query = Message.newQuery(org.xbill.DNS.Record.newRecord(
                        Name.fromString("www." + ZONE + "."), Type.A, org.xbill.DNS.DClass.IN))
                .toWire();
        check(server, query);
        LongAdder answered = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            clients.add(Thread.ofPlatform().start(() -> {
                try (DatagramSocket socket = new DatagramSocket()) {
                    socket.connect(server);
                    socket.setSoTimeout(1000);
                    byte[] buffer = new byte[1232];
                    while (System.nanoTime() < end) {
                        socket.send(new DatagramPacket(query, query.length));
                        try {
                            socket.receive(new DatagramPacket(buffer, buffer.length));
                            answered.increment();
                        } catch (SocketTimeoutException lost) {
                            // a lost datagram costs this client a second; it is not counted
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread c : clients) {
            c.join();
        }
        return answered.sum() / (double) seconds;
    }

    /** The server answers the query with the record: otherwise the benchmark would time error replies. */
    private static void check(InetSocketAddress server, byte[] query) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(server);
            socket.setSoTimeout(2000);
            socket.send(new DatagramPacket(query, query.length));
            byte[] buffer = new byte[1232];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            socket.receive(reply);
            Message m = new Message(java.util.Arrays.copyOf(buffer, reply.getLength()));
            if (m.getRcode() != Rcode.NOERROR || m.getSection(Section.ANSWER).isEmpty()) {
                throw new IllegalStateException(
                        server + " did not answer www." + ZONE + ": " + Rcode.string(m.getRcode()));
            }
        }
    }
}
