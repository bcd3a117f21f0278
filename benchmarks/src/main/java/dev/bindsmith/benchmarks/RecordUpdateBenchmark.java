package dev.bindsmith.benchmarks;

import static dev.bindsmith.benchmarks.Runs.arg;
import static dev.bindsmith.benchmarks.Runs.expectOk;
import static dev.bindsmith.benchmarks.Runs.median;

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
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.rndc.update.AxfrRecordReader;
import dev.bindsmith.rndc.update.Rfc2136RecordUpdater;
import dev.bindsmith.rndc.update.UpdateSettings;
import dev.bindsmith.rndc.wire.RndcKey;
import dev.bindsmith.testing.named.NamedKey;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RFC 2136 record changes per second against one throwaway named, in one run:
 * <ul>
 * <li>{@link Rfc2136RecordUpdater}, one change per UPDATE message (a TCP connection each);</li>
 * <li>{@link Rfc2136RecordUpdater}, change sets of 100 per message;</li>
 * <li>the {@code nsupdate} binary doing the same changes: one process sending one message per change,
 *     one process sending 100 changes per message, and one process per change (what the reference
 *     implementation does for every request).</li>
 * </ul>
 * Every mode adds the same number of A records at fresh names of one dynamic zone (TSIG hmac-sha256,
 * TCP); the records are removed, untimed, between passes. nsupdate gets its key from a 0600 key file
 * ({@code -k}), never on its command line, and an environment with nothing but {@code PATH}.
 *
 * <p>Arguments (all optional): {@code passes=3 changes=2000 processChanges=200}.
 */
public final class RecordUpdateBenchmark {
    private static final ZoneName ZONE = ZoneName.of("records.bench.test");

    private RecordUpdateBenchmark() {}

    public static void main(String[] args) throws Exception {
        int passes = arg(args, "passes", 3);
        int changes = arg(args, "changes", 2000);
        int processChanges = arg(args, "processChanges", 200);

        try (RunningNamed named = NamedLauncher.create().start()) {
            RndcKey key = Runs.rndcKey(named.rndcKey());
            try (RndcClient rndc = RndcClient.builder(key)
                    .server(named.address().getHostAddress(), named.controlPort())
                    .build()) {
                Path file = named.zoneDirectory().resolve(ZONE.value() + ".zone");
                Files.writeString(
                        file,
                        "$TTL 300\n@ IN SOA ns1." + ZONE.absolute() + " admin." + ZONE.absolute()
                                + " 1 3600 600 604800 300\n@ IN NS ns1." + ZONE.absolute() + "\nns1 IN A 192.0.2.1\n");
                expectOk(rndc.send("addzone " + ZONE.value() + " { type primary; file \"" + file
                        + "\"; allow-update { key \"" + named.updateKey().name() + "\"; }; };"));

                NamedKey update = named.updateKey();
                UpdateSettings settings = new UpdateSettings(
                        named.address().getHostAddress(),
                        named.dnsPort(),
                        new TsigKey(update.name(), TsigKey.Algorithm.parse(update.algorithm()), update.secret()),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30));
                Rfc2136RecordUpdater updater = new Rfc2136RecordUpdater(settings);
                AxfrRecordReader reader = new AxfrRecordReader(settings);
                Path keyFile = keyFile(named, update);
                System.out.printf(
                        Locale.ROOT,
                        "named pid %d, DNS %s#%d, TSIG %s, %d CPUs, Java %s%n",
                        named.pid(),
                        settings.server(),
                        settings.port(),
                        update.algorithm(),
                        Runtime.getRuntime().availableProcessors(),
                        Runtime.version());

                // warm-up: JIT, named's journal, the nsupdate binary's page cache
                java(updater, "warm", 200, 1);
                java(updater, "warmset", 200, 100);
                nsupdate(named, keyFile, "warmns", 50, 1);
                clear(updater, reader);

                double[] single = new double[passes];
                double[] sets = new double[passes];
                double[] nsSingle = new double[passes];
                double[] nsSets = new double[passes];
                double[] nsProcess = new double[passes];
                for (int p = 0; p < passes; p++) {
                    single[p] = java(updater, "j1p" + p, changes, 1);
                    clear(updater, reader);
                    sets[p] = java(updater, "j100p" + p, changes, 100);
                    clear(updater, reader);
                    nsSingle[p] = nsupdate(named, keyFile, "n1p" + p, changes, 1);
                    clear(updater, reader);
                    nsSets[p] = nsupdate(named, keyFile, "n100p" + p, changes, 100);
                    clear(updater, reader);
                    nsProcess[p] = nsupdateProcessPerChange(named, keyFile, "npp" + p, processChanges);
                    clear(updater, reader);
                    System.out.printf(
                            Locale.ROOT,
                            "pass %d: java 1/msg %.0f/s, java 100/msg %.0f/s, nsupdate 1/msg"
                                    + " %.0f/s, nsupdate 100/msg %.0f/s, nsupdate process per change %.1f/s%n",
                            p + 1,
                            single[p],
                            sets[p],
                            nsSingle[p],
                            nsSets[p],
                            nsProcess[p]);
                }

                double baseline = median(nsProcess);
                System.out.println();
                System.out.printf(
                        Locale.ROOT,
                        "| %-58s | %14s | %16s |%n",
                        "A records added, median of " + passes + " passes",
                        "changes/s",
                        "vs nsupdate/change");
                System.out.println("| " + "-".repeat(58) + " | " + "-".repeat(13) + ": | " + "-".repeat(15) + ": |");
                row("Rfc2136RecordUpdater, 1 change per message (" + changes + ")", median(single), baseline);
                row("Rfc2136RecordUpdater, 100 changes per message (" + changes + ")", median(sets), baseline);
                row("nsupdate, one process, 1 change per message (" + changes + ")", median(nsSingle), baseline);
                row("nsupdate, one process, 100 changes per message (" + changes + ")", median(nsSets), baseline);
                row("nsupdate, one process per change (" + processChanges + ")", baseline, baseline);
            }
        }
    }

    private static void row(String label, double perSecond, double baseline) {
        System.out.printf(Locale.ROOT, "| %-58s | %14.0f | %15.1fx |%n", label, perSecond, perSecond / baseline);
    }

    private static Record a(String prefix, int i) {
        try {
            return Record.of(DomainName.of(prefix + "-" + i + "." + ZONE.value()), 300, new RData.A((Inet4Address)
                    InetAddress.getByName("10." + (i >> 16 & 0xFF) + "." + (i >> 8 & 0xFF) + "." + (i & 0xFF))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes per second adding {@code n} records, {@code perMessage} per change set. */
    private static double java(Rfc2136RecordUpdater updater, String prefix, int n, int perMessage) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i += perMessage) {
            List<RecordChange> batch = new ArrayList<>();
            for (int j = i; j < Math.min(n, i + perMessage); j++) {
                batch.add(new RecordChange.Add(a(prefix, j)));
            }
            Outcome<ChangeReport> outcome = updater.apply(ZONE, new ChangeSet(List.of(), batch));
            if (!outcome.isSuccess()) {
                throw new IllegalStateException("update failed: " + outcome);
            }
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    /** Removes every A record but the name server's, untimed, in change sets of 500. */
    private static void clear(Rfc2136RecordUpdater updater, AxfrRecordReader reader) {
        Outcome<List<Record>> all = reader.read(ZONE);
        if (!(all instanceof Outcome.Ok<List<Record>>(List<Record> records))) {
            throw new IllegalStateException("transfer failed: " + all);
        }
        List<RecordChange> removals = records.stream()
                .filter(r -> r.type() == RecordType.A && !r.owner().value().startsWith("ns1."))
                .map(r -> (RecordChange) new RecordChange.RemoveRRset(r.owner(), RecordType.A))
                .distinct()
                .toList();
        for (int i = 0; i < removals.size(); i += 500) {
            Outcome<ChangeReport> outcome = updater.apply(
                    ZONE, new ChangeSet(List.of(), removals.subList(i, Math.min(removals.size(), i + 500))));
            if (!outcome.isSuccess()) {
                throw new IllegalStateException("cleanup failed: " + outcome);
            }
        }
    }

    /** The key in nsupdate's key-file syntax, readable by this user only. */
    private static Path keyFile(RunningNamed named, NamedKey key) throws IOException {
        Path file = named.directory().resolve("nsupdate-bench.key");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, key.statement());
        return file;
    }

    private static ProcessBuilder nsupdateProcess(Path keyFile) {
        ProcessBuilder pb = new ProcessBuilder(nsupdatePath(), "-v", "-k", keyFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        String path = pb.environment().getOrDefault("PATH", "/usr/bin:/bin");
        pb.environment().clear();
        pb.environment().put("PATH", path);
        return pb;
    }

    private static String header(RunningNamed named) {
        return "server " + named.address().getHostAddress() + " " + named.dnsPort() + "\nzone " + ZONE.absolute()
                + "\n";
    }

    private static String addLine(String prefix, int i) {
        Record r = a(prefix, i);
        return "update add " + r.owner().absolute() + " 300 IN A " + r.data().presentation() + "\n";
    }

    /** Changes per second for one nsupdate process sending {@code n} adds, {@code perMessage} per {@code send}. */
    private static double nsupdate(RunningNamed named, Path keyFile, String prefix, int n, int perMessage)
            throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder(header(named));
        for (int i = 0; i < n; i++) {
            script.append(addLine(prefix, i));
            if ((i + 1) % perMessage == 0 || i == n - 1) {
                script.append("send\n");
            }
        }
        long t0 = System.nanoTime();
        run(nsupdateProcess(keyFile), script.toString());
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    /** Changes per second for one nsupdate process per change, as the reference implementation runs it. */
    private static double nsupdateProcessPerChange(RunningNamed named, Path keyFile, String prefix, int n)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            run(nsupdateProcess(keyFile), header(named) + addLine(prefix, i) + "send\n");
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static void run(ProcessBuilder pb, String script) throws IOException, InterruptedException {
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException("nsupdate exited with " + code);
        }
    }

    private static String nsupdatePath() {
        for (String candidate : new String[] {"/usr/bin/nsupdate", "/usr/sbin/nsupdate"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "nsupdate";
    }
}
