package dev.bindsmith.cli;

import dev.bindsmith.http.audit.AuditLog;
import dev.bindsmith.http.audit.FileAuditLog;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import dev.bindsmith.wiring.Backend;
import dev.bindsmith.wiring.BackendKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI over test-fixtures' in-memory adapters; the state outlives each run. Commands run in direct
 * mode, which starts no server: the launcher fails the test if one is started.
 */
final class InMemoryBackend {
    final InMemoryZoneStore store = new InMemoryZoneStore();
    final InMemoryNameServerControl control = new InMemoryNameServerControl(store, TestClocks.fixed());
    final InMemoryRecordStore records = new InMemoryRecordStore(control);
    int opened;
    /** Where changes are recorded, when a test wants them to be. */
    private Optional<Path> auditFile = Optional.empty();

    InMemoryBackend auditedIn(Path file) {
        this.auditFile = Optional.of(file);
        return this;
    }

    Backend open() {
        opened++;
        AuditLog audit = auditFile
                .map(f -> {
                    try {
                        return (AuditLog) FileAuditLog.open(f, 1 << 20, 2);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .orElse(AuditLog.none());
        return Backend.of(
                BackendKind.EMBEDDED,
                "in-memory (test)",
                store,
                control,
                records,
                records,
                TestClocks.fixed(),
                () -> {},
                audit);
    }

    CliRun run(String... args) {
        return runWithInput("", args);
    }

    CliRun runWithInput(String stdin, String... args) {
        return CliRun.run(
                Map.of("USER", "alice"),
                (settings, answerDns) -> open(),
                (backend, env, overrides) -> {
                    throw new AssertionError("direct mode starts no server");
                },
                stdin,
                args);
    }
}
