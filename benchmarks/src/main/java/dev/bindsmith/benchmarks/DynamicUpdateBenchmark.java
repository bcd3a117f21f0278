package dev.bindsmith.benchmarks;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeReport;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.tsig.TsigKey;
import dev.bindsmith.rndc.update.AxfrRecordReader;
import dev.bindsmith.rndc.update.Rfc2136RecordUpdater;
import dev.bindsmith.rndc.update.UpdateSettings;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.named.NamedKey;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import dev.bindsmith.wiring.Backend;
import dev.bindsmith.wiring.BackendSettings;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 2136 UPDATE messages per second that the embedded name server and a real named 9.18 take, side
 * by side in one run, from the same client: bindsmith's {@link Rfc2136RecordUpdater} (TSIG
 * hmac-sha256, TCP, its pooled connection), with 1 and with 100 changes per message. Both servers are
 * opened the way {@code bindsmith serve} opens them (through the wiring, from the server's
 * variables), and the zone is created through each one's use cases with the update key as its
 * {@code updateKeyName}; each change adds an A record at a fresh name, and the records are removed,
 * untimed, between modes. The passes alternate which server goes first. The load average is printed
 * before and after, since the machine may be shared.
 *
 * <pre>./mvnw -B -ntp -pl benchmarks -am verify -DskipTests -DskipITs -Pbench \
 *     -Dbench.main=dev.bindsmith.benchmarks.DynamicUpdateBenchmark -Dbench.args="passes=3 changes=2000"</pre>
 */
public final class DynamicUpdateBenchmark {
    private static final ZoneName ZONE = ZoneName.of("updates.bench.test");

    private DynamicUpdateBenchmark() {}

    public static void main(String[] args) throws Exception {
        int passes = Runs.arg(args, "passes", 3);
        int changes = Runs.arg(args, "changes", 2000);
        String loadBefore = loadAverage();
        Path data = Files.createTempDirectory("bindsmith-update-bench");
        try (RunningNamed named = NamedLauncher.create().start()) {
            NamedKey update = named.updateKey();
            TsigKey key = new TsigKey(update.name(), TsigKey.Algorithm.parse(update.algorithm()), update.secret());
            // the embedded server knows the same key, so that one client configuration signs for both
            Path keys = data.resolve("keys.conf");
            Files.createFile(keys, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keys, key.statement());
            try (Backend embedded = Backend.open(
                            BackendSettings.fromEnvironment(
                                    Map.of(
                                            "BINDSMITH_BACKEND",
                                            "embedded",
                                            "BINDSMITH_DATA_DIR",
                                            data.resolve("zones").toString(),
                                            "BINDSMITH_DNS_PORT",
                                            "0",
                                            "BINDSMITH_TSIG_KEYS",
                                            keys.toString()),
                                    Files::isReadable),
                            true);
                    Backend bind = Backend.open(
                            BackendSettings.fromEnvironment(Runs.bindVariables(named), p -> false), true)) {
                create(embedded, key);
                create(bind, key);
                InetSocketAddress embeddedAt = embedded.dnsAddress().orElseThrow();
                InetSocketAddress namedAt = new InetSocketAddress(named.address(), named.dnsPort());
                Target[] targets = {target("bindsmith embedded", embeddedAt, key), target("named 9.18", namedAt, key)};
                System.out.printf(
                        Locale.ROOT,
                        "embedded %s, named %s (pid %d), TSIG %s, %d CPUs, Java %s, load average before: %s%n",
                        embeddedAt,
                        namedAt,
                        named.pid(),
                        key.algorithm().text(),
                        Runtime.getRuntime().availableProcessors(),
                        Runtime.version(),
                        loadBefore);

                for (Target t : targets) { // warm-up: the JIT, named's journal, the connections
                    run(t, "warm", 200, 1);
                    run(t, "warmset", 200, 100);
                    clear(t);
                }
                double[][] single = new double[2][passes];
                double[][] sets = new double[2][passes];
                for (int p = 0; p < passes; p++) {
                    for (int k = 0; k < 2; k++) {
                        int i = (p + k) % 2;
                        single[i][p] = run(targets[i], "one" + p, changes, 1);
                        clear(targets[i]);
                        sets[i][p] = run(targets[i], "set" + p, changes, 100);
                        clear(targets[i]);
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "pass %d: messages/s with 1 change: embedded %.0f, named %.0f; with 100 changes:"
                                    + " embedded %.1f, named %.1f%n",
                            p + 1,
                            single[0][p],
                            single[1][p],
                            sets[0][p] / 100,
                            sets[1][p] / 100);
                }
                System.out.println();
                System.out.printf(
                        Locale.ROOT,
                        "| %-44s | %12s | %11s | %8s |%n",
                        "UPDATE over TCP, TSIG, median of " + passes + " passes",
                        "messages/s",
                        "changes/s",
                        "vs named");
                System.out.println("| " + "-".repeat(44) + " | " + "-".repeat(11) + ": | " + "-".repeat(10) + ": | "
                        + "-".repeat(7) + ": |");
                for (int i = 0; i < 2; i++) {
                    row(targets[i].name + ", 1 change per message", Runs.median(single[i]), 1, Runs.median(single[1]));
                }
                for (int i = 0; i < 2; i++) {
                    row(targets[i].name + ", 100 changes per message", Runs.median(sets[i]), 100, Runs.median(sets[1]));
                }
                for (Target t : targets) {
                    t.updater.close();
                }
            }
        }
        System.out.println("load average after: " + loadAverage());
    }

    private record Target(String name, Rfc2136RecordUpdater updater, AxfrRecordReader reader) {}

    private static Target target(String name, InetSocketAddress at, TsigKey key) {
        UpdateSettings settings = new UpdateSettings(
                at.getAddress().getHostAddress(), at.getPort(), key, Duration.ofSeconds(5), Duration.ofSeconds(30));
        return new Target(name, new Rfc2136RecordUpdater(settings), new AxfrRecordReader(settings));
    }

    private static void create(Backend backend, TsigKey key) {
        Outcome<?> created = backend.useCases()
                .zones()
                .create(TestZones.request(ZONE.value())
                        .updateKeyName(key.name())
                        .build());
        if (!created.isSuccess()) {
            throw new IllegalStateException("zone not created on " + backend.describe() + ": " + created);
        }
    }

    private static void row(String label, double changesPerSecond, int perMessage, double namedChangesPerSecond) {
        System.out.printf(
                Locale.ROOT,
                "| %-44s | %12.1f | %11.0f | %7.2fx |%n",
                label,
                changesPerSecond / perMessage,
                changesPerSecond,
                changesPerSecond / namedChangesPerSecond);
    }

    /** Changes per second adding {@code n} records, {@code perMessage} per UPDATE. */
    private static double run(Target t, String prefix, int n, int perMessage) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i += perMessage) {
            List<RecordChange> batch = new ArrayList<>();
            for (int j = i; j < Math.min(n, i + perMessage); j++) {
                batch.add(new RecordChange.Add(a(prefix, j)));
            }
            Outcome<ChangeReport> outcome = t.updater.apply(ZONE, new ChangeSet(List.of(), batch));
            if (!outcome.isSuccess()) {
                throw new IllegalStateException(t.name + ": update failed: " + outcome);
            }
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static Record a(String prefix, int i) {
        try {
            return Record.of(DomainName.of(prefix + "-" + i + "." + ZONE.value()), 300, new RData.A((Inet4Address)
                    InetAddress.getByName("10." + (i >> 16 & 0xFF) + "." + (i >> 8 & 0xFF) + "." + (i & 0xFF))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes every A record the run added, untimed, 500 per message. */
    private static void clear(Target t) {
        Outcome<List<Record>> all = t.reader.read(ZONE);
        if (!(all instanceof Outcome.Ok<List<Record>>(List<Record> records))) {
            throw new IllegalStateException(t.name + ": transfer failed: " + all);
        }
        List<RecordChange> removals = records.stream()
                .filter(r -> r.type() == RecordType.A && r.owner().value().contains("-"))
                .map(r -> (RecordChange) new RecordChange.RemoveRRset(r.owner(), RecordType.A))
                .distinct()
                .toList();
        for (int i = 0; i < removals.size(); i += 500) {
            Outcome<ChangeReport> outcome = t.updater.apply(
                    ZONE, new ChangeSet(List.of(), removals.subList(i, Math.min(removals.size(), i + 500))));
            if (!outcome.isSuccess()) {
                throw new IllegalStateException(t.name + ": cleanup failed: " + outcome);
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
