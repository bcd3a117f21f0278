package dev.bindsmith.testing.named;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Faults a test injects into a {@link RunningNamed}: {@link #kill()} sends SIGKILL (no clean shutdown,
 * as a crash or an OOM killer would), {@link #restart()} starts named again on the same named.conf,
 * directory, keys and ports (its added-zone database and journals included) and waits until it is
 * ready, as the launcher does. Several kills and restarts may follow each other.
 *
 * <pre>{@code
 * try (RunningNamed named = NamedLauncher.create().start(); NamedFaults faults = NamedFaults.of(named)) {
 *     faults.kill();      // named is gone: connections refused
 *     faults.restart();   // back, with every zone it had committed
 * }
 * }</pre>
 *
 * Closing stops a named this object restarted (SIGTERM, then SIGKILL); the {@link RunningNamed}
 * still owns the directory and deletes it when it is closed. Each restart logs to
 * {@code named-restart-<n>.log} in named's directory ({@link #log()} reads the current one).
 */
public final class NamedFaults implements AutoCloseable {
    private static final Pattern RUNNING = Pattern.compile("(?m)^\\S+ \\S+ running$");
    /** Restarted nameds a JVM that exits without closing us must still stop. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> LIVE.forEach(Process::destroyForcibly), "bindsmith-restarted-named-reaper"));
    }

    private final RunningNamed named;
    private final Duration readyTimeout;
    private Optional<Process> restarted = Optional.empty();
    private Path currentLog;
    private int restarts;
    private int kills;

    private NamedFaults(RunningNamed named, Duration readyTimeout) {
        this.named = named;
        this.readyTimeout = readyTimeout;
        this.currentLog = named.directory().resolve("named.log");
    }

    /** Faults for {@code named}, waiting up to 30 s for each restart to be ready. */
    public static NamedFaults of(RunningNamed named) {
        return of(named, Duration.ofSeconds(30));
    }

    public static NamedFaults of(RunningNamed named, Duration readyTimeout) {
        return new NamedFaults(Objects.requireNonNull(named, "named"), Objects.requireNonNull(readyTimeout, "timeout"));
    }

    /** The process id of the named that runs now (the launched one, or the last restart). */
    public synchronized long pid() {
        return restarted.map(Process::pid).orElse(named.pid());
    }

    public synchronized boolean isAlive() {
        return restarted.map(Process::isAlive).orElse(named.isAlive());
    }

    public synchronized int kills() {
        return kills;
    }

    public synchronized int restarts() {
        return restarts;
    }

    /** SIGKILL to the named that runs now; returns once it has exited (its ports are free again). */
    public synchronized void kill() throws InterruptedException {
        ProcessHandle handle = ProcessHandle.of(pid())
                .orElseThrow(() -> new IllegalStateException("named (pid " + pid() + ") is not running"));
        handle.destroyForcibly();
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("named (pid " + handle.pid() + ") survived SIGKILL for 30 s", e);
        }
        kills++;
    }

    /**
     * Starts named again on the same configuration and waits until its log says {@code running} and
     * its control port accepts a connection.
     *
     * @throws IllegalStateException when named is still running
     * @throws NamedStartException when it exits or is not ready in time (with the tail of its log)
     */
    public synchronized void restart() throws InterruptedException {
        if (isAlive()) {
            throw new IllegalStateException("named is still running (pid " + pid() + "): kill it first");
        }
        Path binary = NamedAvailability.namedBinary()
                .orElseThrow(() -> new NamedStartException(NamedAvailability.MISSING_MESSAGE, ""));
        Path log = named.directory().resolve("named-restart-" + (restarts + 1) + ".log");
        List<String> command = new ArrayList<>(
                List.of(binary.toString(), "-g", "-4", "-c", named.namedConf().toString()));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(named.directory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException e) {
            throw new NamedStartException("cannot restart named: " + e.getMessage(), "");
        }
        restarted = Optional.of(process);
        LIVE.add(process);
        currentLog = log;
        restarts++;
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (true) {
            String text = log();
            if (!process.isAlive()) {
                throw new NamedStartException(
                        "restarted named exited with code " + process.exitValue() + " before it was ready",
                        RunningNamed.tail(text, 40));
            }
            if (RUNNING.matcher(text).find()
                    && text.contains("command channel listening on 127.0.0.1#" + named.controlPort())
                    && accepts(named.controlPort())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new NamedStartException(
                        "restarted named was not ready within " + readyTimeout.toSeconds() + " s",
                        RunningNamed.tail(text, 40));
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** What the named that runs now has logged (the launched one's log before the first restart). */
    public synchronized String log() {
        try {
            return Files.readString(currentLog, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "(named's log could not be read: " + e.getMessage() + ")";
        }
    }

    public String logTail(int lines) {
        return RunningNamed.tail(log(), lines);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(RunningNamed.LOOPBACK, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops a named this object restarted; the launched one is left to its {@link RunningNamed}. */
    @Override
    public synchronized void close() {
        restarted.ifPresent(p -> {
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            LIVE.remove(p);
        });
        restarted = Optional.empty();
    }
}
