package dev.bindsmith.cli;

import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import dev.bindsmith.wiring.Backend;
import dev.bindsmith.wiring.BackendKind;
import java.util.Map;

/**
 * The CLI over test-fixtures' in-memory adapters; the state outlives each run. Commands run in direct
 * mode, which starts no server: the launcher fails the test if one is started.
 */
final class InMemoryBackend {
    final InMemoryZoneStore store = new InMemoryZoneStore();
    final InMemoryNameServerControl control = new InMemoryNameServerControl(store, TestClocks.fixed());
    final InMemoryRecordStore records = new InMemoryRecordStore(control);
    int opened;

    Backend open() {
        opened++;
        return Backend.of(
                BackendKind.EMBEDDED,
                "in-memory (test)",
                store,
                control,
                records,
                records,
                TestClocks.fixed(),
                () -> {});
    }

    CliRun run(String... args) {
        return runWithInput("", args);
    }

    CliRun runWithInput(String stdin, String... args) {
        return CliRun.run(
                Map.of(),
                (settings, answerDns) -> open(),
                (backend, env, overrides) -> {
                    throw new AssertionError("direct mode starts no server");
                },
                stdin,
                args);
    }
}
