package dev.bindsmith.http.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuditLogTest {
    @TempDir
    Path dir;

    static AuditEntry entry(String zone, Instant time) {
        return new AuditEntry(
                AuditEntry.newId(),
                time,
                "api",
                Optional.of("ci"),
                Optional.empty(),
                "192.0.2.7",
                "req-1",
                "record.add",
                Optional.of(zone),
                OptionalLong.of(1),
                OptionalLong.of(2),
                List.of(),
                List.of(Map.of("name", "www." + zone + ".", "type", "A", "ttl", 300L, "value", "192.0.2.1")),
                201,
                "CREATED",
                Map.of());
    }

    private static AuditQuery all(int limit) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit, e -> true);
    }

    private static AuditQuery.Page page(Outcome<AuditQuery.Page> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Ok.class);
        return ((Outcome.Ok<AuditQuery.Page>) outcome).value();
    }

    @Test
    void anAppendedEntryIsOneJsonLineInAFileOnlyItsOwnerReadsAndReadsBackEqual() throws Exception {
        try (FileAuditLog log = FileAuditLog.open(dir.resolve("audit.log"), 1 << 20, 3)) {
            AuditEntry e = entry("example.com", Instant.parse("2026-12-01T10:00:00Z"));

            assertThat(log.append(e)).isEqualTo(new Outcome.Ok<>(e));

            List<String> lines = Files.readAllLines(log.file());
            assertThat(lines)
                    .singleElement()
                    .asString()
                    .startsWith("{\"id\":\"" + e.id() + "\",\"time\":\"2026-12-01T10:00:00Z\"");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.file())))
                    .isEqualTo("rw-------");
            assertThat(page(log.read(all(10))).entries()).containsExactly(e);
        }
    }

    @Test
    void entriesAreFilteredByZoneTimeAndVisibilityAndPagedWithACursor() throws Exception {
        try (FileAuditLog log = FileAuditLog.open(dir.resolve("audit.log"), 1 << 20, 3)) {
            List<AuditEntry> written = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                AuditEntry e = entry(
                        i % 2 == 0 ? "a.example" : "b.example",
                        Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i));
                written.add(e);
                log.append(e);
            }

            var first = page(log.read(new AuditQuery(
                    Optional.of("a.example"),
                    Optional.of(Instant.parse("2026-12-01T10:00:01Z")),
                    Optional.empty(),
                    Optional.empty(),
                    2,
                    e -> true)));
            assertThat(first.entries()).containsExactly(written.get(2), written.get(4));
            var second = page(log.read(new AuditQuery(
                    Optional.of("a.example"),
                    Optional.of(Instant.parse("2026-12-01T10:00:01Z")),
                    Optional.empty(),
                    first.next(),
                    2,
                    e -> true)));
            assertThat(second.entries()).containsExactly(written.get(6));
            assertThat(second.next()).isEmpty();
            assertThat(page(log.read(new AuditQuery(
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.of(Instant.parse("2026-12-01T10:00:02Z")),
                                    Optional.empty(),
                                    10,
                                    e -> e.zone().equals(Optional.of("b.example")))))
                            .entries())
                    .containsExactly(written.get(1));
            assertThat(log.read(new AuditQuery(
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of("bm9wZQ"),
                            10,
                            e -> true)))
                    .isInstanceOf(Outcome.Invalid.class);
        }
    }

    @Test
    void aFullFileIsRotatedKeepingTheConfiguredNumberOfOlderFilesAndTheyAreStillRead() throws Exception {
        Path file = dir.resolve("audit.log");
        try (FileAuditLog log = FileAuditLog.open(file, 1024, 2)) {
            List<AuditEntry> written = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                AuditEntry e = entry(
                        "z" + i + ".example",
                        Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i));
                written.add(e);
                assertThat(log.append(e)).isInstanceOf(Outcome.Ok.class);
            }

            assertThat(Files.exists(dir.resolve("audit.log.1"))).isTrue();
            assertThat(Files.exists(dir.resolve("audit.log.2"))).isTrue();
            assertThat(Files.exists(dir.resolve("audit.log.3"))).isFalse();
            assertThat(Files.size(dir.resolve("audit.log.1"))).isGreaterThanOrEqualTo(1024);
            List<AuditEntry> read = page(log.read(all(1000))).entries();
            assertThat(read).isNotEmpty().isSubsetOf(written);
            assertThat(read.getLast()).isEqualTo(written.getLast());
            assertThat(written.subList(written.size() - read.size(), written.size()))
                    .isEqualTo(read);
        }
    }

    /** The writer holds entries that could not be written and writes them first, in order, once it can. */
    @Test
    void anEntryThatCannotBeWrittenIsKeptAndWrittenFirstWhenTheLogWorksAgain() throws Exception {
        Path file = dir.resolve("audit.log");
        try (FileAuditLog log = FileAuditLog.open(file, 1 << 20, 3)) {
            AuditEntry before = entry("a.example", Instant.parse("2026-12-01T10:00:00Z"));
            log.append(before);
            Path aside = dir.resolve("aside");
            Files.move(file, aside);
            Files.createDirectory(file); // a directory where the file was: every write fails

            AuditEntry lost = entry("b.example", Instant.parse("2026-12-01T10:00:01Z"));
            Outcome<AuditEntry> failed = log.append(lost);

            assertThat(failed)
                    .isInstanceOfSatisfying(
                            Outcome.Unavailable.class,
                            u -> assertThat(u.details())
                                    .startsWith("The audit log cannot be written")
                                    .doesNotContain(dir.toString()));
            assertThat(log.ready()).isInstanceOf(Outcome.Unavailable.class);

            Files.delete(file);
            Files.move(aside, file);
            assertThat(log.ready()).isInstanceOf(Outcome.Ok.class);
            AuditEntry after = entry("c.example", Instant.parse("2026-12-01T10:00:02Z"));
            log.append(after);

            assertThat(page(log.read(all(10))).entries()).containsExactly(before, lost, after);
        }
    }

    @Test
    void aLineTornByACrashIsSkippedAndDoesNotSwallowTheNextEntry() throws Exception {
        Path file = dir.resolve("audit.log");
        try (FileAuditLog log = FileAuditLog.open(file, 1 << 20, 3)) {
            AuditEntry first = entry("a.example", Instant.parse("2026-12-01T10:00:00Z"));
            log.append(first);
            Files.writeString(file, "{\"id\":\"torn\",\"ti", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            AuditEntry next = entry("b.example", Instant.parse("2026-12-01T10:00:01Z"));

            log.append(next);

            assertThat(page(log.read(all(10))).entries()).containsExactly(first, next);
        }
    }

    @Test
    void aCallerWithItsInterruptSetStillHasItsEntryWrittenAndKeepsTheInterrupt() throws Exception {
        try (FileAuditLog log = FileAuditLog.open(dir.resolve("audit.log"), 1 << 20, 3)) {
            AuditEntry e = entry("example.com", Instant.parse("2026-12-01T10:00:00Z"));
            Outcome<String> ready;
            Outcome<AuditEntry> appended;
            boolean stillInterrupted;
            Thread.currentThread().interrupt();
            try {
                ready = log.ready();
                appended = log.append(e);
            } finally {
                stillInterrupted = Thread.interrupted();
            }

            assertThat(ready).isInstanceOf(Outcome.Ok.class);
            assertThat(appended).isEqualTo(new Outcome.Ok<>(e));
            assertThat(stillInterrupted).isTrue();
            assertThat(page(log.read(all(10))).entries()).containsExactly(e);
        }
    }

    @Test
    void manyWritersAtOnceEachGetTheirEntryWrittenExactlyOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (FileAuditLog log = FileAuditLog.open(dir.resolve("audit.log"), 1 << 22, 3)) {
            List<CompletableFuture<Outcome<AuditEntry>>> appends = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                AuditEntry e = entry("z" + i + ".example", Instant.parse("2026-12-01T10:00:00Z"));
                appends.add(CompletableFuture.supplyAsync(() -> log.append(e), threads));
            }
            for (var a : appends) {
                assertThat(a.get()).isInstanceOf(Outcome.Ok.class);
            }

            List<AuditEntry> read = page(log.read(all(1000))).entries();
            assertThat(read).hasSize(200).doesNotHaveDuplicates();
            assertThat(Files.readAllLines(log.file())).hasSize(200);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void twoLogsOnOneFileInterleaveWholeLines() throws Exception {
        Path file = dir.resolve("audit.log");
        try (FileAuditLog server = FileAuditLog.open(file, 1 << 20, 3);
                FileAuditLog cli = FileAuditLog.open(file, 1 << 20, 3)) {
            for (int i = 0; i < 20; i++) {
                server.append(entry("s" + i + ".example", Instant.parse("2026-12-01T10:00:00Z")));
                cli.append(entry("c" + i + ".example", Instant.parse("2026-12-01T10:00:00Z")));
            }

            assertThat(page(server.read(all(100))).entries()).hasSize(40);
        }
    }
}
